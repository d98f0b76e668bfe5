"""widgets.sharing.data and .examples: the goat herd, the feed roster, pieces sewn, the example
cooperative, and the starting point the calculator builds from them; broken files name the cell
to fix."""

from __future__ import annotations

import datetime as dt

import pytest
from village_files import edit_yaml, load_error, set_cell

from widgets.core import village
from widgets.core.village import load_village
from widgets.sharing.data import SharingData, load_sharing
from widgets.sharing.examples import COOP, goat_sale, group_data, group_keys, month_profit

HERD, ROSTER = "kambing_peristiwa.csv", "jadwal_pakan.csv"
JEPARA = village.DATASETS_DIR / "jepara"


@pytest.fixture(autouse=True)
def fresh_village():
    """Indonesian texts come from conftest; each test reads the village files anew."""
    yield
    village.clear_cache()


@pytest.fixture
def jepara() -> SharingData:
    return load_sharing(load_village("jepara"))


def test_herd_starts_with_the_grant_and_ends_at_40(jepara):
    events = jepara.herd_events()
    first = events[0]
    assert (first.event, first.does, first.bucks) == ("awal", 17, 2)
    assert first.day.year == 2017
    sizes = jepara.herd_size_by_date()
    assert sizes[0].total == 19
    assert all(s.does >= 0 and s.bucks >= 0 for s in sizes)
    final = jepara.herd_size()
    assert final.total == 40 and final.day <= dt.date(2019, 12, 13)
    assert jepara.herd_size(on=dt.date(2017, 5, 31)).total == 17  # two does died in May 2017
    idul_adha_2019 = dt.date(2019, 8, 11)
    assert any(
        e.event == "jual" and idul_adha_2019 - dt.timedelta(30) <= e.day < idul_adha_2019
        for e in events
    )
    assert {"lahir", "mati", "jual"} <= {e.event for e in events}
    assert all(e.price for e in events if e.event == "jual")


def test_feed_days_count_attended_duties(jepara):
    roster = jepara.feed_roster()
    days = {d.day for d in roster}
    assert min(days) == dt.date(2019, 6, 10) and len(days) == 56
    assert jepara.feed_days("kambing") == {
        "darto": 14, "joko": 13, "slamet": 14, "agus": 12,
        "heri": 8, "hidayat": 14, "suparno": 14, "teguh": 9,
    }
    assert set(jepara.feed_days("konveksi").values()) == {0}


def test_pieces_sewn_in_august(jepara):
    pieces = jepara.pieces_sewn("konveksi", 2019, 8)
    assert pieces["endang"] == 150 and pieces["tutik"] == 80
    assert sum(pieces.values()) == 1190
    assert jepara.pieces_sewn("konveksi", 2018, 1) == dict.fromkeys(pieces, 0)


def test_the_cooperative_matches_the_worked_check(jepara):
    coop = jepara.cooperative()
    assert coop.shu == 60_000_000 and coop.bylaws["jua"] == 25 and coop.bylaws["jma"] == 20
    assert sum(m.transactions for m in coop.members) == 75_000_000
    assert sum(m.savings for m in coop.members) == 100_000_000
    sari = next(m for m in coop.members if m.member == "sari")
    assert (sari.transactions, sari.savings) == (5_000_000, 2_000_000)


def test_calculator_starting_points():
    v = load_village()
    goats = group_data(v, "kambing")
    assert goats.total == goat_sale(v).price == 15_600_000 and goats.unit == "hari"
    assert [m.work for m in goats.members] == [14, 13, 14, 12, 8, 14, 14, 9]
    assert goats.signers[0] == ("Ketua Kelompok", "Sudarto")
    sewing = group_data(v, "konveksi")
    assert sewing.total == month_profit(v, "konveksi", 2019, 8) == 2_072_000
    assert sewing.members[0].work == 150 and sewing.unit == "potong"
    coop = group_data(v, COOP)
    assert coop.total == 60_000_000 and len(coop.members) == 18
    assert [key for _, key in group_keys(v)] == ["konveksi", "kambing", COOP]


CSV_CASES = [
    # file, spreadsheet row, column, bad value, words the Indonesian message must hold
    (ROSTER, 6, "anggota", "budi", "bukan kode anggota"),
    (ROSTER, 8, "hadir", "ya", "harus 1 (hadir) atau 0"),
    (ROSTER, 8, "tanggal", "1 Juli 2019", "bukan tanggal"),
    (HERD, 3, "betina", "-20", "kurang dari nol"),
    (HERD, 3, "betina", "2", "bertanda salah"),
    (HERD, 4, "peristiwa", "hilang", "Pilihan: awal, lahir"),
    (HERD, 5, "jantan", "dua", "bukan bilangan bulat"),
    (HERD, 8, "harga", "tujuh juta", "bukan angka rupiah"),
]


@pytest.mark.parametrize(("file", "row", "column", "value", "words"), CSV_CASES)
def test_broken_csv_cell_is_named(copy, file, row, column, value, words):
    set_cell(copy / file, row, column, value)
    error = load_error(copy, load_sharing)
    assert (error.file, error.row, error.column) == (file, row, column)
    message = error.text("id")
    assert message.startswith(f"Berkas {file}, baris {row}, kolom {column}: ")
    assert words in message
    assert error.text("en").startswith(f"File {file}, row {row}, column {column}: ")
    assert str(error) == message


def test_a_missing_file_is_named(copy):
    (copy / ROSTER).unlink()
    error = load_error(copy, load_sharing)
    assert error.file == ROSTER and ROSTER in str(error)


def test_bad_month_in_pieces(copy):
    set_cell(copy / "konveksi_potong.csv", 3, "bulan", "Agustus")
    error = load_error(copy, load_sharing)
    assert error.problem == "not_month" and error.row == 3 and error.column == "bulan"
    assert "konveksi_potong.csv" in str(error)


def test_unknown_member_in_pieces(copy):
    set_cell(copy / "konveksi_potong.csv", 2, "anggota", "budi")
    assert load_error(copy, load_sharing).problem == "unknown_member"


def test_bylaws_must_make_100(copy):
    edit_yaml(copy / "koperasi.yaml", lambda d: d["bylaws"].update(cadangan=40))
    error = load_error(copy, load_sharing)
    assert error.problem == "bylaws_sum" and "110" in str(error)


def test_unknown_allocation_in_bylaws(copy):
    edit_yaml(copy / "koperasi.yaml", lambda d: d["bylaws"].update(arisan=0))
    error = load_error(copy, load_sharing)
    assert error.problem == "bad_choice" and error.column == "bylaws.arisan"


def test_a_village_without_the_new_files_still_loads(copy):
    edit_yaml(copy / "profile.yaml", lambda d: [d["files"].pop(k) for k in ("pieces", "coop")])
    v = load_village("jepara", root=copy.parent)
    data = load_sharing(v)
    assert data.coop is None and data.pieces_sewn("konveksi", 2019, 8)["endang"] == 0
    assert COOP not in [key for _, key in group_keys(v)]
    with pytest.raises(LookupError):
        data.cooperative()


# --- The roster and the sale it splits agree (issue 14) --------------------------------------


def test_the_roster_ends_before_the_sale_it_splits():
    """The goat sale is shared by the feed days done before it; the village's roster has no
    day after the sale, so counting up to the sale and counting all give the same days."""
    village = load_village("jepara")
    data, sale = load_sharing(village), goat_sale(village)
    assert max(d.day for d in data.feed_roster()) <= sale.day
    assert data.feed_days("kambing", until=sale.day) == data.feed_days("kambing")


def test_duties_after_the_sale_do_not_count(copy):
    """A roster that runs past the sale (as the old one did, to 25 August): the calculator's
    days stop at the sale day."""
    roster = copy / ROSTER
    lines = roster.read_text(encoding="utf-8").splitlines()
    lines += ["2019-08-20,heri,1", "2019-08-21,heri,1", "2019-08-22,teguh,1"]
    roster.write_text("\n".join(lines) + "\n", encoding="utf-8")
    village = load_village("jepara", root=copy.parent)
    data = load_sharing(village)
    sale_day = goat_sale(village).day
    assert data.feed_days("kambing")["heri"] == 10
    assert data.feed_days("kambing", until=sale_day)["heri"] == 8
    start = {c.name: c.work for c in group_data(village, "kambing").members}
    assert start[village.member("heri").name] == 8
    assert start[village.member("teguh").name] == 9


# --- One investor case for the pricing and the sharing lessons (issue 14) --------------------


def test_one_investor_case_for_both_lessons():
    """The sharing lesson's 'everything sells' case is the pricing lesson's case to the rupiah,
    read from harga.yaml, and maklon pays at least the labour cost the pricing lesson teaches."""
    from widgets.pricing import costing
    from widgets.pricing.data import load_pricing
    from widgets.pricing.supermarket import investor_case
    from widgets.sharing.examples import investor_example
    from widgets.sharing.partnership import investor_cases

    village = load_village("jepara")
    data = load_pricing(village)
    case = data.partnership
    priced = investor_case(data)
    shared = investor_example(village)
    assert shared.pieces == case.units and sum(m.work for m in shared.members) == case.units
    everything = investor_cases(shared.members, shared.price, shared.costs,
                                shared.investor_percent, shared.piece_rate)[0]
    assert everything.sold == case.units
    assert everything.profit == priced.profit
    assert (everything.group_ratio, everything.investor_ratio) == (
        priced.group_split, priced.investor_split)
    assert (everything.group_maklon, everything.investor_maklon) == (
        priced.maklon, priced.investor_if_maklon)
    assert case.maklon_per_unit >= costing.unit_cost(data.sheets[case.product]).labour


def test_the_investor_case_follows_the_data_file(copy):
    """Change the case in harga.yaml and the sharing lesson's case changes with it."""
    edit_yaml(copy / "harga.yaml", lambda d: d["partnership"].update(units=50,
                                                                      maklon_per_unit=9000))
    from widgets.sharing.examples import investor_example

    shared = investor_example(load_village("jepara", root=copy.parent))
    assert (shared.pieces, shared.piece_rate) == (50, 9000)
    assert [m.work for m in shared.members] == [5] * 10
