"""The store's profit-sharing tables (migration 2): the group's agreed rule and saved
distributions, reachable only through the participant who saved them."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from widgets.cashbook import db as cash_db
from widgets.cashbook.ledger import Entry
from widgets.sharing import db as sharing_db
from widgets.sharing.db import DistributionError
from widgets.store import MIGRATIONS, Store

SCHEMA_VERSION = len(MIGRATIONS)

DAY = dt.date(2019, 8, 10)
SHARES = [("Sudarto", 1_950_000), ("Heri Kuswanto", 1_950_000)]


def save(session, **changes):
    fields = dict(group_key="kambing", group_name="Kelompok Ternak Kambing", day=DAY,
                  method="equal", params={}, total=3_900_000, shares=SHARES, place="Jepara")
    fields.update(changes)
    return sharing_db.save_distribution(session, **fields)


@pytest.fixture
def store(db_location):
    """Each test here runs on SQLite and on PostgreSQL."""
    with Store(db_location) as opened:
        yield opened


def test_version_1_file_gains_the_sharing_tables_and_keeps_its_entries(db_location):
    path = db_location
    Store(path, migrations=MIGRATIONS[:1]).close()
    with Store(path) as opened:
        session = opened.sign_in("Bu Sari", "2580")
        cash_db.add_entry(session, Entry(DAY, "Jual keset", "in", "penjualan", 150_000))
    with Store(path) as opened:
        assert opened.schema_version() == SCHEMA_VERSION
        session = opened.sign_in("Bu Sari", "2580")
        assert [e.amount for e in cash_db.entries(session)] == [150_000]
        assert sharing_db.rules(session) == [] and sharing_db.distributions(session) == []


def test_the_newest_rule_is_the_rule_in_force_and_history_is_kept(store):
    session = store.sign_in("Bendahara Kambing", "2468")
    assert sharing_db.rule(session, "kambing") is None
    first = sharing_db.save_rule(session, "kambing", "Kelompok Ternak Kambing", "equal", {})
    second = sharing_db.save_rule(session, "kambing", "Kelompok Ternak Kambing", "mix",
                               {"equal_percent": "50", "basis": "work", "unit": "hari"},
                               "Disepakati rapat 10 Agustus 2019")
    sharing_db.save_rule(session, "konveksi", "Kelompok Konveksi", "fund", {"fund_percent": "20"})
    assert sharing_db.rule(session, "kambing") == second
    assert second.params == {"basis": "work", "equal_percent": "50", "unit": "hari"}
    assert [r.id for r in sharing_db.rules(session, "kambing")] == [first.id, second.id]
    assert len(sharing_db.rules(session)) == 3


def test_a_distribution_round_trips_in_order(store):
    session = store.sign_in("Bendahara Kambing", "2468")
    saved = save(session, set_aside={"kas": 100_000}, total=4_000_000, note="Idul Adha")
    again = sharing_db.get_distribution(store.sign_in("bendahara kambing", "2468"), saved.id)
    assert again == saved
    assert again.shares == SHARES and again.set_aside == [("kas", 100_000)]
    assert again.day == DAY and again.total == 4_000_000 and again.note == "Idul Adha"


def test_a_loss_can_be_recorded(store):
    session = store.sign_in("Bendahara Kambing", "2468")
    saved = save(session, total=-400_000, shares=[("A", -200_000), ("B", -200_000)])
    assert saved.total == -400_000


@pytest.mark.parametrize("changes", [
    {"total": 3_900_001},                                  # does not add up
    {"shares": [("Sudarto", 1_950_000), ("Heri", 1_950_000.0)]},  # not whole rupiah
    {"shares": [("Sudarto", True), ("Heri", 3_899_999)]},  # a bool is not an amount
    {"shares": []},
    {"shares": [("", 3_900_000)]},
    {"shares": [("x" * 300, 3_900_000)]},
    {"group_name": "  "},
    {"day": "2019-08-10"},
    {"total": 3_900_000.0},
])
def test_refuses_a_distribution_that_does_not_add_up_or_is_malformed(store, changes):
    session = store.sign_in("Bendahara Kambing", "2468")
    with pytest.raises(DistributionError):
        save(session, **changes)
    assert sharing_db.distributions(session) == []


def test_one_participant_never_reaches_anothers_rules_or_records(store):
    owner = store.sign_in("Bendahara Kambing", "2468")
    other = store.sign_in("Orang Lain", "1357")
    sharing_db.save_rule(owner, "kambing", "Kelompok Ternak Kambing", "work",
                         {"unit": "hari"})
    saved = save(owner)
    assert sharing_db.rule(other, "kambing") is None and sharing_db.rules(other) == []
    assert sharing_db.distributions(other) == []
    assert sharing_db.distributions(other, "kambing") == []
    with pytest.raises(LookupError):
        sharing_db.get_distribution(other, saved.id)
    for bad in ("1", None, True):
        with pytest.raises(LookupError):
            sharing_db.get_distribution(owner, bad)
    assert sharing_db.get_distribution(owner, saved.id).id == saved.id


def test_participant_text_is_stored_as_written(store):
    session = store.sign_in("Bendahara Kambing", "2468")
    evil = "<script>alert(1)</script>"
    saved = save(session, shares=[(evil, 3_900_000)], place=evil, note=evil)
    again = sharing_db.get_distribution(session, saved.id)
    assert again.shares == [(evil, 3_900_000)] and again.place == evil
    stored = store.read("SELECT shares FROM distributions")[0][0]
    assert json.loads(stored) == [[evil, 3_900_000]]
