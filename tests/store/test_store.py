"""The store on both back ends (SQLite, PostgreSQL): sign-in, scoping, durability,
concurrency and migrations. Tests taking ``sqlite_path`` look inside the SQLite file itself."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from widgets.cashbook import db as cash_db
from widgets.cashbook.ledger import Entry, EntryError
from widgets.store import (
    MIGRATIONS,
    Session,
    SignInError,
    Store,
    data_dir,
    default_db_path,
    normalise_name,
)
from widgets.store import answers as answer_db

SCHEMA_VERSION = len(MIGRATIONS)

REPO = Path(__file__).resolve().parents[2]
DAY = dt.date(2019, 12, 14)


def sale(amount: int = 150_000, text: str = "Jual keset") -> Entry:
    return Entry(DAY, text, "in", "penjualan", amount)


class Clock:
    """A clock the test moves by hand, so the 5-minute lockout takes no time."""

    def __init__(self) -> None:
        self.now = dt.datetime(2019, 12, 14, 3, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def db_path(db_location):
    """A SQLite file, or a fresh class's URL on PostgreSQL (the test runs once for each)."""
    return db_location


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "kit.sqlite3"


@pytest.fixture
def store(db_path: Path):
    with Store(db_path) as opened:
        yield opened


def run_python(code: str) -> list[str]:
    """argv for a child Python that imports the kit from this checkout."""
    return [sys.executable, "-c", textwrap.dedent(code)]


def child_env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), **extra}


# --- Paths ----------------------------------------------------------------------------------


def test_data_dir_from_environment(tmp_path, monkeypatch):
    target = tmp_path / "somewhere" / "data"
    monkeypatch.setenv("USAHA_KITA_DATA", str(target))
    assert data_dir() == target
    assert target.is_dir()
    assert default_db_path() == target / "usaha_kita.sqlite3"
    with Store() as opened:
        assert opened.path == target / "usaha_kita.sqlite3"
    assert (target / "usaha_kita.sqlite3").exists()


def test_data_dir_default_is_in_the_kit(monkeypatch):
    monkeypatch.delenv("USAHA_KITA_DATA", raising=False)
    assert data_dir() == REPO / "data"


# --- Schema ---------------------------------------------------------------------------------


def test_schema_version_equals_number_of_migrations(store):
    assert store.schema_version() == len(MIGRATIONS) == SCHEMA_VERSION
    assert {"participants", "entries", "stock_moves", "class_info"} <= set(store.tables())
    if store.dialect == "sqlite":
        mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"


def test_migrates_a_hand_made_version_0_file(sqlite_path):
    raw = sqlite3.connect(sqlite_path)
    raw.execute("CREATE TABLE notes (text TEXT)")
    raw.execute("INSERT INTO notes VALUES ('kept')")
    raw.commit()
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 0
    raw.close()
    with Store(sqlite_path) as opened:
        assert opened.schema_version() == SCHEMA_VERSION
        session = opened.sign_in("Siti", "1234")
        cash_db.add_entry(session, sale())
    raw = sqlite3.connect(sqlite_path)
    tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"participants", "entries", "answers", "notes"} <= tables
    assert raw.execute("SELECT text FROM notes").fetchall() == [("kept",)]
    raw.close()


def test_reopening_does_not_migrate_again(db_path):
    Store(db_path).close()
    with Store(db_path) as opened:
        assert opened.schema_version() == SCHEMA_VERSION


def test_refuses_a_newer_schema(sqlite_path):
    raw = sqlite3.connect(sqlite_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.close()
    with pytest.raises(RuntimeError, match="update the kit"):
        Store(sqlite_path)


def test_failed_migration_leaves_nothing_behind(db_path):
    def broken(conn):
        conn.execute("CREATE TABLE half_done (x TEXT)")
        raise sqlite3.OperationalError("disk trouble")

    with pytest.raises(sqlite3.OperationalError):
        Store(db_path, migrations=(*MIGRATIONS, broken))
    with Store(db_path, migrations=()) as untouched:  # opens without migrating
        assert untouched.schema_version() == 0
        assert untouched.tables() == []


def test_database_constraints_back_up_the_checks(store):
    session = store.sign_in("Siti", "1234")
    with pytest.raises(sqlite3.IntegrityError):
        with store.transaction() as conn:
            conn.execute(
                "INSERT INTO entries (participant_id, day, description, direction, category,"
                " purse, amount, created_at, updated_at) VALUES (?, '2019-12-01', 'x', 'in',"
                " 'penjualan', 'usaha', -5, '', '')",
                (session.participant_id,),
            )
    assert cash_db.entries(session) == []


# --- Names and PINs -------------------------------------------------------------------------


def test_normalise_name():
    assert normalise_name("  Siti   Aminah ") == ("Siti Aminah", "siti aminah")
    assert normalise_name("Bu Ni\u2019mah") == ("Bu Ni'mah", "bu ni'mah")
    assert normalise_name("Pak R.T. 03-Utara") == ("Pak R.T. 03-Utara", "pak r.t. 03-utara")
    assert normalise_name("Ṣiti") == ("Ṣiti", "ṣiti")


@pytest.mark.parametrize(
    ("name", "pin", "field", "words"),
    [
        ("", "1234", "name", "Nama belum diisi"),
        ("   ", "1234", "name", "Nama belum diisi"),
        ("a" * 41, "1234", "name", "terlalu panjang"),
        ("Siti <script>", "1234", "name", "hanya boleh"),
        ("Siti_Aminah", "1234", "name", "hanya boleh"),
        ("...", "1234", "name", "hanya boleh"),
        ("Siti", "123", "pin", "4 sampai 6 angka"),
        ("Siti", "1234567", "pin", "4 sampai 6 angka"),
        ("Siti", "12a4", "pin", "4 sampai 6 angka"),
        ("Siti", "١٢٣٤", "pin", "4 sampai 6 angka"),  # Arabic-Indic digits are not ASCII
        ("Siti", "", "pin", "4 sampai 6 angka"),
    ],
)
def test_sign_in_rejects_bad_input(store, name, pin, field, words):
    with pytest.raises(SignInError) as caught:
        store.sign_in(name, pin)
    assert caught.value.field == field
    assert words in str(caught.value)


def test_register_then_verify(store):
    first = store.sign_in("Siti  Aminah", "2580")
    assert isinstance(first, Session)
    assert (first.name, first.is_new) == ("Siti Aminah", True)
    again = store.sign_in("siti aminah", "2580")
    assert (again.participant_id, again.is_new) == (first.participant_id, False)
    assert again.name == "Siti Aminah"
    assert store.sign_in("Budi", "258000").participant_id != first.participant_id


def test_wrong_pin(store):
    store.sign_in("Siti", "2580")
    with pytest.raises(SignInError) as caught:
        store.sign_in("SITI", "0852")
    assert caught.value.field == "pin"
    assert str(caught.value).startswith("PIN salah")
    assert "sisa 4 kali" in str(caught.value)


def test_lockout_after_five_wrong_pins_and_reset(db_path):
    clock = Clock()
    with Store(db_path, clock=clock) as opened:
        opened.sign_in("Siti", "2580")
        for _ in range(4):
            with pytest.raises(SignInError, match="PIN salah"):
                opened.sign_in("Siti", "1111")
        with pytest.raises(SignInError, match="Tunggu 5 menit") as caught:
            opened.sign_in("Siti", "1111")
        assert caught.value.field == "pin"
        # Locked: even the right PIN waits.
        clock.now += dt.timedelta(minutes=4, seconds=1)
        with pytest.raises(SignInError, match="Tunggu 1 menit"):
            opened.sign_in("Siti", "2580")
        clock.now += dt.timedelta(minutes=1)
        assert opened.sign_in("Siti", "2580").is_new is False
        # Success reset the counter: four wrong, one right, four wrong is not a lockout.
        for _ in range(4):
            with pytest.raises(SignInError, match="PIN salah"):
                opened.sign_in("Siti", "1111")
        opened.sign_in("Siti", "2580")
        for _ in range(4):
            with pytest.raises(SignInError, match="PIN salah"):
                opened.sign_in("Siti", "1111")
        # The lock is per name.
        assert opened.sign_in("Budi", "1111").is_new


def test_pin_is_not_stored_in_plain(sqlite_path):
    pin = "480917"
    with Store(sqlite_path) as opened:
        session = opened.sign_in("Wulandari", pin)
        cash_db.add_entry(session, sale(text="Jual keset bulat"))
        row = opened.read("SELECT pin_salt, pin_hash, kdf FROM participants")[0]
    salt, digest, kdf = row
    assert len(salt) == 16 and len(digest) == 32
    assert kdf == "scrypt:n=16384,r=8,p=1,dklen=32"
    data = b"".join(p.read_bytes() for p in sqlite_path.parent.glob(sqlite_path.name + "*"))
    assert b"Wulandari" in data and b"Jual keset bulat" in data  # the grep does work
    assert pin.encode() not in data
    assert pin.encode("utf-16-le") not in data


def test_same_pin_gets_different_salts(store):
    store.sign_in("Siti", "1234")
    store.sign_in("Budi", "1234")
    (a, ha), (b, hb) = store.read("SELECT pin_salt, pin_hash FROM participants ORDER BY id")
    assert a != b and ha != hb


# --- Entries and scoping --------------------------------------------------------------------


def test_entries_survive_close_and_reopen(db_path):
    with Store(db_path) as opened:
        session = opened.sign_in("Siti", "1234")
        saved = cash_db.add_entry(session, sale(150_000, "  Jual   keset "))
        cash_db.add_entry(session,
                          Entry(dt.date(2019, 12, 1), "Beli kain perca", "out", "bahan", 80_000))
    assert saved.id is not None and saved.description == "Jual keset"
    with Store(db_path) as reopened:
        session = reopened.sign_in("siti", "1234")
        book = cash_db.entries(session)
    assert [e.description for e in book] == ["Beli kain perca", "Jual keset"]  # by day
    assert book[1] == saved
    assert all(isinstance(e.amount, int) and isinstance(e.day, dt.date) for e in book)


def test_add_entry_revalidates(store):
    session = store.sign_in("Siti", "1234")
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    with pytest.raises(EntryError) as caught:
        cash_db.add_entry(session, Entry(tomorrow, " ", "in", "bahan", 0))
    assert set(caught.value.errors) == {"day", "description", "category", "amount"}
    assert cash_db.add_entry(session, Entry(dt.date.today(), "x", "in", "penjualan", 1)).id
    assert len(cash_db.entries(session)) == 1


def test_update_get_and_delete(store):
    session = store.sign_in("Siti", "1234")
    saved = cash_db.add_entry(session, sale(10_000))
    changed = cash_db.update_entry(session, saved.id, sale(12_500, "Jual keset karakter"))
    assert changed.id == saved.id and changed.amount == 12_500
    assert cash_db.get_entry(session, saved.id) == changed
    with pytest.raises(EntryError):
        cash_db.update_entry(session, saved.id, sale(-1))
    assert cash_db.get_entry(session, saved.id) == changed
    cash_db.delete_entry(session, saved.id)
    assert cash_db.entries(session) == []
    with pytest.raises(LookupError):
        cash_db.get_entry(session, saved.id)
    with pytest.raises(LookupError):
        cash_db.delete_entry(session, saved.id)
    # A deleted id is never handed out again.
    assert cash_db.add_entry(session, sale()).id != saved.id


def test_sessions_cannot_reach_each_other(store):
    siti = store.sign_in("Siti", "1234")
    budi = store.sign_in("Budi", "5678")
    hers = cash_db.add_entry(siti, sale(100_000, "Punya Siti"))
    his = cash_db.add_entry(budi, sale(5_000, "Punya Budi"))
    assert [e.id for e in cash_db.entries(siti)] == [hers.id]
    assert [e.id for e in cash_db.entries(budi)] == [his.id]
    for bad in (hers.id, 999_999, "1", None, True):
        with pytest.raises(LookupError):
            cash_db.get_entry(budi, bad)
        with pytest.raises(LookupError):
            cash_db.update_entry(budi, bad, sale(1, "diubah Budi"))
        with pytest.raises(LookupError):
            cash_db.delete_entry(budi, bad)
    assert cash_db.entries(siti) == [hers]
    assert cash_db.entries(budi) == [his]


def test_answers_are_scoped_and_kept(store):
    siti = store.sign_in("Siti", "1234")
    budi = store.sign_in("Budi", "5678")
    answer_db.save_answer(siti, "kas-1", {"saldo": 1_500_000, "teks": "Rp1.500.000"}, False)
    answer_db.save_answer(siti, "kas-1", {"saldo": 1_450_000}, True)
    answer_db.save_answer(budi, "kas-1", {"saldo": 1}, False)
    answers = answer_db.answers(siti, "kas-1")
    assert [(a.answer, a.correct) for a in answers] == [
        ({"saldo": 1_500_000, "teks": "Rp1.500.000"}, False),
        ({"saldo": 1_450_000}, True),
    ]
    assert answer_db.answers(siti, "kas-2") == []
    assert len(answer_db.answers(budi, "kas-1")) == 1
    with pytest.raises(TypeError):
        answer_db.save_answer(siti, "kas-1", {"bad": object()}, True)
    assert len(answer_db.answers(siti, "kas-1")) == 2


# --- Many writers, crashes ------------------------------------------------------------------

WRITER = """
    import datetime as dt, sys
    from widgets.cashbook import db as cash_db
    from widgets.cashbook.ledger import Entry
    from widgets.store import Store
    with Store(sys.argv[1]) as store:
        session = store.sign_in("Penulis " + sys.argv[2], "1234")
        for i in range(100):
            entry = Entry(dt.date(2019, 12, 1), f"baris {i}", "in", "penjualan", i + 1)
            cash_db.add_entry(session, entry)
"""


def test_ten_processes_write_concurrently(db_path):
    # A fresh file: the ten also race to create the schema.
    children = [
        subprocess.Popen([*run_python(WRITER), str(db_path), str(n)], env=child_env())
        for n in range(10)
    ]
    assert [child.wait(timeout=120) for child in children] == [0] * 10
    with Store(db_path) as opened:
        assert opened.integrity_check() == "ok"
        assert opened.read("SELECT count(*) FROM entries")[0][0] == 1000
        assert opened.read("SELECT count(*) FROM participants")[0][0] == 10
        per_person = opened.read(
            "SELECT count(*), sum(amount) FROM entries GROUP BY participant_id"
        )
        assert per_person == [(100, 5050)] * 10


CRASHER = """
    import datetime as dt, sys
    from widgets.cashbook import db as cash_db
    from widgets.cashbook.ledger import Entry
    from widgets.store import Store
    store = Store(sys.argv[1])
    session = store.sign_in("Korban", "1234")
    i = 0
    while True:
        i += 1
        entry = Entry(dt.date(2019, 12, 1), f"baris {i}", "in", "penjualan", i)
        saved = cash_db.add_entry(session, entry)
        print(saved.id, flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_acknowledged_entries_survive_kill_9(db_path):
    child = subprocess.Popen(
        [*run_python(CRASHER), str(db_path)], env=child_env(), stdout=subprocess.PIPE, text=True
    )
    acknowledged = []
    try:
        assert child.stdout is not None
        while len(acknowledged) < 25:
            line = child.stdout.readline()
            assert line, "the writer stopped before acknowledging anything"
            acknowledged.append(int(line))
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    with Store(db_path) as reopened:
        assert reopened.integrity_check() == "ok"
        book = cash_db.entries(reopened.sign_in("Korban", "1234"))
    stored = {e.id for e in book}
    assert set(acknowledged) <= stored
    assert len(book) >= len(acknowledged)


def test_same_name_registered_at_once_gives_one_participant(db_path):
    from concurrent.futures import ThreadPoolExecutor

    Store(db_path).close()  # schema first; this test is about the participants row
    stores = [Store(db_path) for _ in range(6)]  # separate connections, like separate kernels
    try:
        with ThreadPoolExecutor(len(stores)) as pool:
            sessions = list(pool.map(lambda s: s.sign_in("Siti", "1234"), stores))
    finally:
        for opened in stores:
            opened.close()
    assert len({s.participant_id for s in sessions}) == 1
    assert sum(s.is_new for s in sessions) == 1


def test_one_store_shared_by_threads(store):
    from concurrent.futures import ThreadPoolExecutor

    session = store.sign_in("Siti", "1234")
    with ThreadPoolExecutor(8) as pool:
        saved = list(pool.map(lambda i: cash_db.add_entry(session, sale(i + 1)), range(200)))
    assert len({e.id for e in saved}) == 200
    assert sum(e.amount for e in cash_db.entries(session)) == 200 * 201 // 2
