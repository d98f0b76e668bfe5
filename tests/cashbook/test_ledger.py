"""The cash book: validation, balances, summaries, profit and loss, labels and the table."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.cashbook.ledger import (
    CATEGORIES,
    CATEGORY_BY_KEY,
    DIRECTIONS,
    MAX_AMOUNT,
    MAX_DESCRIPTION,
    PURSES,
    Entry,
    EntryError,
    MonthSummary,
    ProfitLoss,
    PurseTotals,
    balance,
    category_label,
    direction_label,
    make_entry,
    monthly_summary,
    profit_and_loss,
    purse_label,
    purse_split,
    running_balance,
)
from widgets.cashbook.months import MonthPage, month_end_balances, month_page
from widgets.cashbook.table import column_labels, to_frame
from widgets.core import i18n

TODAY = dt.date(2019, 12, 14)
D = dt.date


def entry(day: dt.date, category: str, amount: int, purse: str = "usaha", id: int | None = None):
    direction = CATEGORY_BY_KEY[category].direction
    return Entry(day, f"{category} {amount}", direction, category, amount, purse, id)


# A small konveksi cash book, worked out by hand.
BOOK = [
    entry(D(2019, 11, 2), "modal", 1_000_000),  # members put in capital
    entry(D(2019, 11, 5), "bahan", 250_000),  # kain perca
    entry(D(2019, 11, 20), "penjualan", 600_000),  # 40 keset
    entry(D(2019, 11, 20), "rumah_tangga", 100_000, purse="rumah"),
    entry(D(2019, 12, 1), "pinjaman", 500_000),
    entry(D(2019, 12, 3), "upah", 300_000),
    entry(D(2019, 12, 10), "penjualan", 450_000),
    entry(D(2019, 12, 10), "lain_masuk", 20_000, purse="rumah"),
]


# --- make_entry ---------------------------------------------------------------------------


def test_make_entry_accepts_and_tidies():
    made = make_entry(TODAY, "  Jual   5 keset\tbulat ", "in", "penjualan", 75_000, today=TODAY)
    assert made == Entry(TODAY, "Jual 5 keset bulat", "in", "penjualan", 75_000, "usaha", None)
    assert make_entry(TODAY, "x", "out", "bahan", 1, "rumah", today=TODAY, id=7).id == 7


def test_make_entry_converts_datetime_to_date():
    moment = dt.datetime(2019, 12, 1, 9, 30)
    assert make_entry(moment, "x", "in", "penjualan", 1, today=TODAY).day == D(2019, 12, 1)


def test_make_entry_default_today_allows_today():
    assert make_entry(dt.date.today(), "x", "in", "penjualan", 1).day == dt.date.today()


@pytest.mark.parametrize(
    ("field", "changes", "words"),
    [
        ("day", {"day": None}, "Tanggal belum diisi"),
        ("day", {"day": "2019-12-01"}, "Tanggal tidak dikenali"),
        ("day", {"day": D(2019, 12, 15)}, "masa depan"),
        ("description", {"description": "   "}, "Keterangan belum diisi"),
        ("description", {"description": None}, "Keterangan belum diisi"),
        ("description", {"description": "a" * (MAX_DESCRIPTION + 1)}, "terlalu panjang"),
        ("direction", {"direction": "masuk"}, "Masuk atau Keluar"),
        ("category", {"category": "gaji"}, "Pilih kategori"),
        ("category", {"category": "bahan"}, "hanya untuk uang keluar"),
        ("amount", {"amount": None}, "Jumlah belum diisi"),
        ("amount", {"amount": True}, "rupiah utuh"),
        ("amount", {"amount": 1500.0}, "rupiah utuh"),
        ("amount", {"amount": "1500"}, "rupiah utuh"),
        ("amount", {"amount": 0}, "lebih dari Rp0"),
        ("amount", {"amount": -5_000}, "lebih dari Rp0"),
        ("amount", {"amount": MAX_AMOUNT + 1}, "terlalu besar"),
        ("purse", {"purse": "dompet"}, "Uang usaha atau Uang rumah tangga"),
    ],
)
def test_make_entry_rejects_each_bad_field(field, changes, words):
    fields = {
        "day": TODAY,
        "description": "Jual keset",
        "direction": "in",
        "category": "penjualan",
        "amount": 50_000,
        "purse": "usaha",
    }
    fields.update(changes)
    with pytest.raises(EntryError) as caught:
        make_entry(**fields, today=TODAY)
    assert set(caught.value.errors) == {field}
    assert words in caught.value.errors[field]
    assert caught.value.errors[field] in str(caught.value)


def test_make_entry_reports_every_problem_at_once():
    with pytest.raises(EntryError) as caught:
        make_entry(None, "", "sideways", "nope", 0, "dompet", today=TODAY)
    assert set(caught.value.errors) == {
        "day",
        "description",
        "direction",
        "category",
        "amount",
        "purse",
    }
    assert isinstance(caught.value, ValueError)


def test_make_entry_limits_are_inclusive():
    text = "b" * MAX_DESCRIPTION
    made = make_entry(TODAY, text, "out", "bahan", MAX_AMOUNT, today=TODAY)
    assert (made.description, made.amount) == (text, MAX_AMOUNT)


def test_messages_follow_the_language():
    i18n.set_language("en")
    with pytest.raises(EntryError) as caught:
        make_entry(None, "x", "in", "penjualan", 1, today=TODAY)
    assert caught.value.errors["day"].startswith("The date is empty")


# --- Balances and summaries, by hand ------------------------------------------------------


def test_balance_by_hand():
    # in: 1.000.000 + 600.000 + 500.000 + 450.000 + 20.000 = 2.570.000
    # out: 250.000 + 100.000 + 300.000 = 650.000
    assert balance(BOOK) == 1_920_000
    assert balance(BOOK, opening=80_000) == 2_000_000
    assert balance([]) == 0
    assert balance([], opening=5) == 5


def test_running_balance_by_hand():
    lines = running_balance(reversed(BOOK), opening=0)
    # Book order: by day, and same-day lines keep their original order (here reversed).
    assert [after for _, after in lines] == [
        1_000_000,
        750_000,
        650_000,  # rumah_tangga came first once reversed
        1_250_000,
        1_750_000,
        1_450_000,
        1_470_000,
        1_920_000,
    ]


def test_running_balance_orders_by_day_then_id():
    later = entry(D(2019, 12, 1), "penjualan", 10, id=9)
    earlier = entry(D(2019, 12, 1), "bahan", 3, id=2)
    first = entry(D(2019, 11, 30), "penjualan", 100, id=50)
    lines = running_balance([later, earlier, first], opening=1)
    assert [line[0] for line in lines] == [first, earlier, later]
    assert [line[1] for line in lines] == [101, 98, 108]


def test_monthly_summary_by_hand():
    assert monthly_summary(BOOK) == [
        MonthSummary(2019, 11, 1_600_000, 350_000, 1_250_000),
        MonthSummary(2019, 12, 970_000, 300_000, 670_000),
    ]
    assert monthly_summary([]) == []


def test_a_month_page_brings_the_balance_forward_by_hand():
    # November: 80.000 + 1.000.000 − 250.000 + 600.000 − 100.000 (household too, as the
    # running balance counts it) = 1.330.000 at its end.
    # December: + 500.000 − 300.000 + 450.000 + 20.000 = 2.000.000.
    december = month_page(BOOK, 2019, 12, opening=80_000)
    assert december == MonthPage(2019, 12, 1_330_000, BOOK[4:], 2_000_000)
    november = month_page(BOOK, 2019, 11, opening=80_000)
    assert (november.opening, november.closing) == (80_000, 1_330_000)
    assert november.entries == BOOK[:4]
    assert month_page(BOOK, 2019, 10, opening=80_000) == MonthPage(2019, 10, 80_000, [], 80_000)
    assert month_page(BOOK, 2020, 1, opening=80_000).opening == 2_000_000


def test_month_end_balances_by_hand():
    assert month_end_balances(BOOK, opening=80_000) == {(2019, 11): 1_330_000,
                                                         (2019, 12): 2_000_000}
    book = [entry(D(2020, 1, 5), "penjualan", 7), entry(D(2019, 12, 5), "bahan", 2)]
    assert list(month_end_balances(book, opening=10).items()) == [((2019, 12), 8),
                                                                  ((2020, 1), 15)]
    assert month_end_balances([]) == {}


def test_monthly_summary_sorts_across_years():
    book = [entry(D(2020, 1, 5), "penjualan", 1), entry(D(2019, 12, 5), "penjualan", 2)]
    assert [(m.year, m.month) for m in monthly_summary(book)] == [(2019, 12), (2020, 1)]


def test_profit_and_loss_leaves_out_household_capital_and_loans():
    result = profit_and_loss(BOOK)
    assert result == ProfitLoss(
        income={"penjualan": 1_050_000},
        expenses={"bahan": 250_000, "upah": 300_000},
        total_income=1_050_000,
        total_expenses=550_000,
        profit=500_000,
    )


def test_profit_and_loss_date_range_is_inclusive():
    december = profit_and_loss(BOOK, start=D(2019, 12, 3), end=D(2019, 12, 10))
    assert december.income == {"penjualan": 450_000}
    assert december.expenses == {"upah": 300_000}
    assert december.profit == 150_000
    assert profit_and_loss(BOOK, end=D(2019, 11, 5)).profit == -250_000
    assert profit_and_loss([]) == ProfitLoss({}, {}, 0, 0, 0)


def test_profit_and_loss_ignores_household_spending_from_business_purse():
    # Household shopping paid from the business purse is a leak, not a business cost.
    book = [entry(TODAY, "penjualan", 100), entry(TODAY, "rumah_tangga", 40)]
    assert profit_and_loss(book).profit == 100


def test_purse_split_by_hand():
    assert purse_split(BOOK) == {
        "usaha": PurseTotals(2_550_000, 550_000, 2_000_000),
        "rumah": PurseTotals(20_000, 100_000, -80_000),
    }
    assert purse_split([]) == {p: PurseTotals(0, 0, 0) for p in PURSES}


# --- Properties -----------------------------------------------------------------------------


@st.composite
def entries(draw, max_size: int = 40):
    items = []
    for _ in range(draw(st.integers(0, max_size))):
        category = draw(st.sampled_from(CATEGORIES))
        items.append(
            Entry(
                draw(st.dates(D(2018, 1, 1), D(2021, 12, 31))),
                "x",
                category.direction,
                category.key,
                draw(st.integers(1, MAX_AMOUNT)),
                draw(st.sampled_from(PURSES)),
                draw(st.one_of(st.none(), st.integers(1, 10**6))),
            )
        )
    return items


@given(entries(), st.integers(-(10**12), 10**12))
def test_balance_is_opening_plus_in_minus_out(book, opening):
    money_in = sum(e.amount for e in book if e.direction == "in")
    money_out = sum(e.amount for e in book if e.direction == "out")
    assert balance(book, opening) == opening + money_in - money_out
    lines = running_balance(book, opening)
    assert len(lines) == len(book)
    assert (lines[-1][1] if lines else opening) == balance(book, opening)
    assert all(isinstance(after, int) for _, after in lines)


@given(entries(), st.integers(-(10**9), 10**9))
def test_each_month_opens_with_the_last_months_closing(book, opening):
    closing = month_end_balances(book, opening)
    carried = opening
    for year, month in closing:
        page = month_page(book, year, month, opening)
        assert page.opening == carried and page.closing == closing[(year, month)]
        carried = page.closing
    assert carried == balance(book, opening)


@given(entries())
def test_monthly_nets_sum_to_the_total(book):
    months = monthly_summary(book)
    assert sum(m.net for m in months) == balance(book)
    assert sum(m.money_in for m in months) == sum(e.amount for e in book if e.direction == "in")
    assert months == sorted(months, key=lambda m: (m.year, m.month))


@given(entries())
def test_purses_add_up_and_profit_is_income_minus_expenses(book):
    split = purse_split(book)
    assert split["usaha"].net + split["rumah"].net == balance(book)
    result = profit_and_loss(book)
    assert result.profit == result.total_income - result.total_expenses
    assert set(result.income) | set(result.expenses) <= {c.key for c in CATEGORIES if c.in_profit}


# --- Labels and table ---------------------------------------------------------------------


def test_labels():
    assert category_label("penjualan") == "Penjualan"
    assert category_label("bahan") == "Bahan (kain perca, benang…)"
    assert category_label("modal", "en") == "Capital/member contributions"
    assert direction_label("in") == "Masuk"
    assert direction_label("out") == "Keluar"
    assert purse_label("usaha") == "Uang usaha"
    assert purse_label("rumah") == "Uang rumah tangga"
    for category in CATEGORIES:
        assert category_label(category.key, "id") and category_label(category.key, "en")
    for direction in DIRECTIONS:
        assert direction_label(direction, "en") in {"In", "Out"}
    with pytest.raises(KeyError):
        category_label("gaji")


def test_to_frame():
    frame = to_frame(BOOK, opening=80_000)
    assert list(frame.columns) == [
        "Tanggal",
        "Keterangan",
        "Kategori",
        "Dompet",
        "Masuk",
        "Keluar",
        "Saldo",
    ]
    assert list(frame.columns) == column_labels()
    assert frame["Tanggal"].iloc[0] == D(2019, 11, 2)
    assert isinstance(frame["Tanggal"].iloc[0], dt.date)
    assert frame["Masuk"].tolist()[:3] == [1_000_000, 0, 600_000]
    assert frame["Keluar"].tolist()[:3] == [0, 250_000, 0]
    assert frame["Saldo"].iloc[-1] == 2_000_000
    assert frame["Kategori"].iloc[1] == "Bahan (kain perca, benang…)"
    assert frame["Dompet"].iloc[3] == "Uang rumah tangga"
    for column in ("Masuk", "Keluar", "Saldo"):
        assert frame[column].dtype == "int64"


def test_to_frame_empty_and_english():
    i18n.set_language("en")
    frame = to_frame([])
    assert list(frame.columns) == [
        "Date",
        "Description",
        "Category",
        "Purse",
        "In",
        "Out",
        "Balance",
    ]
    assert len(frame) == 0
