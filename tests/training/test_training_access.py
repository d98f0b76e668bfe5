"""Trainer password: hashed, rate-limited, never stored or shown in clear."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.store import Store
from widgets.training import access
from widgets.training.access import TrainerAuthError, check_password, set_password


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 3, 2, 8, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def store(db_location):
    """Each test here runs on SQLite and on PostgreSQL."""
    clock = Clock()
    with Store(db_location, clock=clock) as opened:
        opened.test_clock = clock
        yield opened


def test_right_password_passes_and_only_a_hash_is_kept(store, tmp_path):
    assert not access.password_is_set(store)
    with pytest.raises(TrainerAuthError, match="make trainer-password"):
        check_password(store, "rahasia-pelatih")
    set_password(store, "rahasia-pelatih")
    assert access.password_is_set(store)
    check_password(store, "rahasia-pelatih")
    if store.path is not None:
        assert b"rahasia-pelatih" not in store.path.read_bytes()
    salt, digest, kdf = store.read("SELECT salt, hash, kdf FROM trainer_password")[0]
    assert kdf.startswith("scrypt:") and len(salt) == 16 and len(digest) == 32


def test_short_passwords_are_refused(store):
    for bad in ("", "1234567", " " * 9, "x" * 129, None):
        with pytest.raises(TrainerAuthError, match="8 sampai 128"):
            set_password(store, bad)  # type: ignore[arg-type]


def test_wrong_passwords_lock_for_two_minutes_and_say_so_without_echo(store):
    set_password(store, "rahasia-pelatih")
    for left in (4, 3, 2, 1):
        with pytest.raises(TrainerAuthError, match=f"Sisa {left}") as err:
            check_password(store, "tebakan-salah")
        assert "tebakan" not in str(err.value)
    with pytest.raises(TrainerAuthError, match="2 menit"):
        check_password(store, "tebakan-salah")
    with pytest.raises(TrainerAuthError, match="menit"):
        check_password(store, "rahasia-pelatih")  # locked: even the right one waits
    store.test_clock.now += dt.timedelta(minutes=2, seconds=1)
    check_password(store, "rahasia-pelatih")
    with pytest.raises(TrainerAuthError, match="Sisa 4"):  # the count started again
        check_password(store, "x")


def test_setting_the_password_again_unlocks(store):
    set_password(store, "rahasia-pelatih")
    for _ in range(5):
        with pytest.raises(TrainerAuthError):
            check_password(store, "salah-salah")
    set_password(store, "sandi-baru-123")
    check_password(store, "sandi-baru-123")
    with pytest.raises(TrainerAuthError):
        check_password(store, "rahasia-pelatih")


def test_odd_input_is_just_wrong(store):
    set_password(store, "rahasia-pelatih")
    for odd in (None, 12345678, b"rahasia-pelatih", "r" * 10_000):
        with pytest.raises(TrainerAuthError, match="salah"):
            check_password(store, odd)


def test_parallel_wrong_guesses_cannot_pass_the_limit(db_location):
    path = db_location
    with Store(path) as first:
        set_password(first, "rahasia-pelatih")
    stores = [Store(path) for _ in range(3)]
    for n in range(12):
        with pytest.raises(TrainerAuthError):
            check_password(stores[n % 3], "salah-salah")
    locked = stores[0].read("SELECT locked_until FROM trainer_password")[0]
    assert locked[0] is not None
    for opened in stores:
        opened.close()


def test_the_command_refuses_without_a_terminal(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("USAHA_KITA_DATA", str(tmp_path))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    assert access.main(["--ensure"]) == 0
    assert "make trainer-password" in capsys.readouterr().out
    assert access.main([]) == 1
    with Store(tmp_path / "usaha_kita.sqlite3") as opened:
        assert not access.password_is_set(opened)


def test_without_a_terminal_the_command_says_it_needs_one(store, monkeypatch, capsys):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-pelatih\nrahasia-pelatih\n"))
    assert access.main([]) == 1
    assert "jendela terminal" in capsys.readouterr().out
    assert not access.password_is_set(store)
    assert access.main(["--ensure"]) == 0  # make serve without a terminal: just the reminder
    assert "terkunci" in capsys.readouterr().out
