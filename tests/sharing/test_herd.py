"""widgets.sharing.herd: goats sold are old enough (a qurban goat is at least a year old, and the
pricing lesson raises a buck for 12 months), with ages tracked from the herd log's births."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st
from village_files import load_error

from widgets.core.village import load_village
from widgets.pricing.data import load_pricing
from widgets.sharing.data import load_sharing
from widgets.sharing.herd import SALE_AGE_MONTHS, first_too_young, grown_on, months_later

D = dt.date


def test_months_later_keeps_the_day_or_the_month_end():
    assert months_later(D(2018, 8, 13), 12) == D(2019, 8, 13)
    assert months_later(D(2019, 1, 31), 1) == D(2019, 2, 28)
    assert months_later(D(2020, 2, 29), -12) == D(2019, 2, 28)


def test_a_kid_is_grown_on_its_first_birthday_not_the_day_before():
    assert grown_on([D(2018, 8, 5)], D(2019, 8, 4)) == 0
    assert grown_on([D(2018, 8, 5)], D(2019, 8, 5)) == 1


def test_the_old_log_sold_bucks_that_were_too_young():
    """The log before issue 14: 2 adult bucks, 5 kids in May-June 2018, 3 bucks sold 15 Aug."""
    old = [(D(2017, 12, 12), "awal", 17, 2), (D(2018, 5, 14), "lahir", 3, 2),
           (D(2018, 6, 2), "lahir", 2, 3), (D(2018, 8, 15), "jual", 0, -3)]
    young = first_too_young(old)
    assert young is not None and (young.index, young.sex, young.sold, young.grown) == (
        3, "bucks", 3, 2)


def test_a_death_counts_against_the_oldest():
    """The log does not say which goat died: counting the oldest keeps the check strict."""
    log = [(D(2017, 1, 2), "awal", 0, 1), (D(2017, 6, 1), "lahir", 0, 1),
           (D(2017, 7, 1), "mati", 0, -1), (D(2018, 1, 2), "jual", 0, -1)]
    assert first_too_young(log) is not None  # the kid left is 7 months old
    later = log[:3] + [(D(2018, 6, 1), "jual", 0, -1)]
    assert first_too_young(later) is None  # now it is a year old


@given(st.lists(st.tuples(st.integers(0, 800), st.integers(0, 4), st.integers(0, 4)),
                max_size=12),
       st.integers(0, 900), st.integers(0, 12))
def test_a_sale_passes_exactly_when_enough_goats_are_a_year_old(births, day, sold):
    """Births only, then one sale: it passes iff no more bucks are sold than were born at
    least 12 months before (the property the check promises), and the adults on arrival count."""
    start = D(2017, 1, 1)
    log = [(start, "awal", 0, 1)]
    log += sorted((start + dt.timedelta(days=d), "lahir", does, bucks)
                  for d, does, bucks in births)
    sale_day = start + dt.timedelta(days=day + max((d for d, _, _ in births), default=0))
    grown = 1 + sum(b for d, _, b in births
                    if months_later(start + dt.timedelta(days=d), SALE_AGE_MONTHS) <= sale_day)
    total = 1 + sum(b for _, _, b in births)
    if sold > total:
        return
    result = first_too_young(log + [(sale_day, "jual", 0, -sold)])
    assert (result is None) == (sold <= grown)


def test_the_village_herd_is_plausible_and_keeps_the_report_figures():
    """Every sale in the Jepara log sells goats at least a year old; the report's 19 goats
    (17 does, 2 bucks) and 40 at the end stay true; it agrees with the pricing lesson's 12
    months."""
    village = load_village("jepara")
    data = load_sharing(village)
    events = data.herd_events()
    assert first_too_young((e.day, e.event, e.does, e.bucks) for e in events) is None
    assert (events[0].does, events[0].bucks) == (17, 2)
    assert data.herd_size().total == 40
    assert load_pricing(village).goat.months == SALE_AGE_MONTHS
    qurban = [e for e in events if e.event == "jual" and e.bucks < 0 and e.day.month == 8]
    assert len(qurban) == 2  # before Idul Adha 2018 and 2019


def test_a_log_selling_young_bucks_names_the_row(copy):
    herd = copy / "kambing_peristiwa.csv"
    lines = herd.read_text(encoding="utf-8").splitlines()
    sale = next(n for n, line in enumerate(lines) if line.startswith("2018-08-13,jual"))
    lines[sale] = lines[sale].replace(",0,-3,", ",0,-8,")
    herd.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = load_error(copy, load_sharing)
    assert (error.row, error.column) == (sale + 1, "jantan")
    assert "dijual 8 ekor, tetapi pada hari itu hanya 7 ekor yang berumur 12 bulan" in str(error)
