"""Sign-in against the security probe's findings (issue 13): look-alike names (6), and wrong
PINs from someone else's phone (3): per-device lockout, the trainer's unlock, and a sign-in
carried into the next lesson by a short-lived token."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.store import SignInError, Store, normalise_name


@pytest.fixture
def store(db_location):
    """Each test here runs on SQLite and on PostgreSQL."""
    with Store(db_location) as opened:
        yield opened


def _count(store: Store) -> int:
    return store.read("SELECT COUNT(*) FROM participants")[0][0]


# --- 6. Look-alike names ---------------------------------------------------------------------


@pytest.mark.parametrize("look_alike", ["S\u0456ti Aminah", "Siti \u0410minah", "\u03a3iti"])
def test_a_name_mixing_alphabets_is_refused(store, look_alike):
    store.sign_in("Siti Aminah", "2580")
    with pytest.raises(SignInError) as caught:
        store.sign_in(look_alike, "1111")
    assert caught.value.field == "name"
    assert "dua abjad" in str(caught.value)
    assert _count(store) == 1


def test_names_are_normalised_and_stripped_of_direction_controls(store):
    first = store.sign_in("Jos\u00e9 Rizal", "2580")
    assert normalise_name("Jose\u0301 Rizal") == ("Jos\u00e9 Rizal", "jos\u00e9 rizal")
    assert store.sign_in("Jose\u0301 Rizal", "2580").participant_id == first.participant_id
    again = store.sign_in("\u202eJos\u00e9\u202c Rizal\u200f", "2580")
    assert again.participant_id == first.participant_id
    assert _count(store) == 1


def test_one_alphabet_other_than_latin_is_still_a_name(store):
    assert store.sign_in("Αλέξης", "2580").is_new


# --- 3. Lockout from someone else's phone ----------------------------------------------------

OWNER_PHONE = "a" * 32
CLASSMATE_PHONE = "b" * 32


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 30, 3, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clocked(db_location):
    clock = Clock()
    with Store(db_location, clock=clock) as opened:
        yield opened, clock


def _guess(store: Store, device: str, times: int, name: str = "Siti Aminah") -> str:
    said = ""
    for _ in range(times):
        with pytest.raises(SignInError) as caught:
            store.sign_in(name, "0000", device)
        said = str(caught.value)
    return said


def test_wrong_pins_from_a_classmate_phone_do_not_lock_the_owner(clocked):
    store, _clock = clocked
    store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    assert "Tunggu 5 menit" in _guess(store, CLASSMATE_PHONE, 5)
    with pytest.raises(SignInError, match="Tunggu"):
        store.sign_in("Siti Aminah", "2580", CLASSMATE_PHONE)  # that phone waits
    assert store.sign_in("Siti Aminah", "2580", OWNER_PHONE).is_new is False
    # Repeated every five minutes, it still never reaches the owner's phone.
    for _ in range(3):
        _clock.now += dt.timedelta(minutes=5)
        _guess(store, CLASSMATE_PHONE, 5)
        assert store.sign_in("Siti Aminah", "2580", OWNER_PHONE).participant_id == 1


def test_new_phone_ids_every_five_tries_still_stop_at_the_name_limit(clocked):
    store, _clock = clocked
    store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    said = ""
    for n in range(4):
        said = _guess(store, f"{n:02d}" * 16, 5)
    assert "Tunggu 15 menit" in said or "Tunggu 5 menit" in said
    with pytest.raises(SignInError, match="Tunggu 15 menit"):
        store.sign_in("Siti Aminah", "2580", "c" * 32)  # a fifth made-up phone waits too
    with pytest.raises(SignInError, match="Tunggu 15 menit"):
        store.sign_in("Siti Aminah", "2580")  # and a page without an id
    assert store.sign_in("Siti Aminah", "2580", OWNER_PHONE).participant_id == 1


def test_the_trainer_unlocks_every_phone(clocked):
    from widgets.training import manage

    store, _clock = clocked
    store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    _guess(store, OWNER_PHONE, 5)
    assert [p.locked for p in manage.people(store)] == [True]
    with pytest.raises(SignInError, match="Tunggu"):
        store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    manage.unlock(store, 1)
    assert [p.locked for p in manage.people(store)] == [False]
    assert store.sign_in("Siti Aminah", "2580", OWNER_PHONE).participant_id == 1


def test_a_malformed_device_id_counts_as_no_device(clocked):
    store, _clock = clocked
    store.sign_in("Siti Aminah", "2580", "<script>")
    assert store.read("SELECT device FROM signin_devices") == []  # nothing to trust
    _guess(store, "x" * 65, 1)
    store.sign_in("Siti Aminah", "2580", "'; DROP TABLE participants; --")
    assert store.read("SELECT device, trusted, failed_attempts FROM signin_devices") == [
        ("", 0, 0)]


# --- 3c. The sign-in carried into the next lesson ---------------------------------------------


def test_a_token_signs_in_the_same_phone_until_it_expires(clocked):
    from widgets.store import tokens

    store, clock = clocked
    session = store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    token = tokens.issue(session, OWNER_PHONE)
    assert token and len(token) == 43
    carried = tokens.sign_in(store, token, OWNER_PHONE)
    assert carried is not None and (carried.participant_id, carried.name) == (1, "Siti Aminah")
    assert tokens.sign_in(store, token, CLASSMATE_PHONE) is None  # another phone
    assert tokens.sign_in(store, token[:-1] + "x", OWNER_PHONE) is None
    assert tokens.sign_in(store, "", OWNER_PHONE) is None
    # Only the hash is kept, never the token (nor the PIN).
    (kept,) = store.read("SELECT token_hash FROM signin_tokens")
    assert len(kept[0]) == 32 and token.encode() not in bytes(kept[0])
    if store.path is not None:  # the SQLite file itself
        data = b"".join(p.read_bytes() for p in store.path.parent.glob(store.path.name + "*"))
        assert token.encode() not in data
    clock.now += tokens.TOKEN_LIFETIME
    assert tokens.sign_in(store, token, OWNER_PHONE) is None


def test_signing_out_forgets_the_token_and_no_device_gets_none(clocked):
    from widgets.store import tokens

    store, _clock = clocked
    session = store.sign_in("Siti Aminah", "2580", OWNER_PHONE)
    assert tokens.issue(session, "") is None
    token = tokens.issue(session, OWNER_PHONE)
    tokens.forget(store, token)
    assert tokens.sign_in(store, token, OWNER_PHONE) is None
