"""promotion.seasons: the season file loads with a source, a date and an estimate flag for every
season and year, the Islamic holidays move the way the lunar year does, and the plan steps and
the step due "now" fall on the right days. A broken file names the key that is wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from widgets.core.village import DataError
from widgets.promotion import seasons
from widgets.promotion.seasons import (
    SEASONS_FILE,
    SeasonDataError,
    load_seasons,
    next_for,
    upcoming,
)

TODAY = dt.date(2026, 11, 28)
YEARS = (2027, 2028, 2029)
# The reference dates of 1447 H (2026) the kit's estimates continue from.
IDUL_FITRI_1447 = dt.date(2026, 3, 20)
IDUL_ADHA_1447 = dt.date(2026, 5, 27)


@pytest.fixture(autouse=True)
def fresh_cache():
    seasons.clear_cache()
    yield
    seasons.clear_cache()


@pytest.fixture
def raw() -> dict:
    return yaml.safe_load(SEASONS_FILE.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "seasons.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def day_of(key: str, year: int) -> dt.date:
    [found] = [d.day for d in load_seasons().seasons[key].days if d.day.year == year]
    return found


# --- The file -------------------------------------------------------------------------------


def test_the_file_loads_with_the_four_seasons():
    data = load_seasons()
    assert data.file == "seasons.yaml"
    assert set(data.seasons) == {"kemerdekaan", "sekolah", "idul_fitri", "idul_adha"}
    assert data.seasons["idul_adha"].groups == ("kurban",)  # a group with seasons: [kurban]
    assert data.seasons["kemerdekaan"].groups == ("konveksi", "makanan")
    assert set(data.seasons["idul_fitri"].groups) == {"konveksi", "makanan", "ternak"}
    assert "bendera" in data.seasons["kemerdekaan"].products["konveksi"]["id"]


def test_every_season_has_a_source_a_date_checked_and_texts_in_both_languages():
    for season in load_seasons().seasons.values():
        assert season.source.strip(), season.key
        assert dt.date(2026, 1, 1) <= season.as_of <= TODAY, season.key
        for texts in [season.name, *season.products.values(),
                      *(step.text for step in season.plan)]:
            assert texts["id"].strip() and texts["en"].strip(), season.key
        assert season.plan, season.key


def test_every_season_has_one_date_in_each_of_the_three_years():
    for season in load_seasons().seasons.values():
        assert [d.day.year for d in season.days] == list(YEARS), season.key


def test_independence_day_is_fixed_and_the_rest_are_estimates_with_a_note():
    data = load_seasons()
    for when in data.seasons["kemerdekaan"].days:
        assert (when.day.month, when.day.day, when.estimate) == (8, 17, False)
    for key in ("sekolah", "idul_fitri", "idul_adha"):
        season = data.seasons[key]
        assert all(d.estimate for d in season.days), key
        assert season.note and season.note["id"] and season.note["en"], key
    for key in ("idul_fitri", "idul_adha"):
        note = data.seasons[key].note
        assert "sidang isbat" in note["id"] and "Kementerian Agama" in note["id"]
        assert "SKB 3 Menteri" in data.seasons[key].source
    assert [d.label for d in data.seasons["idul_fitri"].days] == ["1448 H", "1449 H", "1450 H"]


def test_the_school_year_starts_on_a_monday_in_mid_july():
    for year in YEARS:
        day = day_of("sekolah", year)
        assert day.weekday() == 0 and day.month == 7 and 12 <= day.day <= 18, day


def test_the_estimated_islamic_holidays():
    assert [day_of("idul_fitri", y) for y in YEARS] == [
        dt.date(2027, 3, 10), dt.date(2028, 2, 27), dt.date(2029, 2, 15)]
    assert [day_of("idul_adha", y) for y in YEARS] == [
        dt.date(2027, 5, 17), dt.date(2028, 5, 5), dt.date(2029, 4, 24)]


def test_idul_adha_comes_about_seventy_days_after_idul_fitri():
    # 1 Syawal to 10 Dzulhijjah: two months of 29 or 30 days plus nine days, so 67 to 69.
    for year in YEARS:
        gap = (day_of("idul_adha", year) - day_of("idul_fitri", year)).days
        assert 67 <= gap <= 69, (year, gap)


@pytest.mark.parametrize("key, reference", [("idul_fitri", IDUL_FITRI_1447),
                                            ("idul_adha", IDUL_ADHA_1447)])
def test_each_year_the_holiday_comes_ten_to_twelve_days_earlier(key, reference):
    previous = reference
    for year in YEARS:
        day = day_of(key, year)
        assert 354 <= (day - previous).days <= 355, (key, year)  # one lunar year
        same_day_a_year_on = previous.replace(year=previous.year + 1)
        assert 10 <= (same_day_a_year_on - day).days <= 12, (key, year)
        previous = day


# --- Upcoming seasons and their steps -------------------------------------------------------


def test_upcoming_from_28_november_2026_lists_the_next_twelve_months_by_date():
    found = upcoming(TODAY)
    assert [(s.season.key, s.day) for s in found] == [
        ("idul_fitri", dt.date(2027, 3, 10)),
        ("idul_adha", dt.date(2027, 5, 17)),
        ("sekolah", dt.date(2027, 7, 12)),
        ("kemerdekaan", dt.date(2027, 8, 17)),
    ]
    first = found[0]
    assert (first.days_until, first.weeks_until, first.estimate) == (102, 14, True)
    assert first.current is None and first.current_step is None  # too early to start


def test_a_longer_horizon_reaches_into_2029_in_date_order():
    found = upcoming(TODAY, horizon_days=3 * 366)
    assert len(found) == 12
    assert [s.day for s in found] == sorted(s.day for s in found)
    assert found[-1].season.key == "kemerdekaan" and found[-1].day == dt.date(2029, 8, 17)


def test_plan_steps_are_dated_weeks_before_and_days_after():
    [fitri] = [s for s in upcoming(TODAY) if s.season.key == "idul_fitri"]
    assert [(step.plan.weeks_before, step.plan.days_after, step.day) for step in fitri.steps] == [
        (8, None, dt.date(2027, 1, 13)),
        (4, None, dt.date(2027, 2, 10)),
        (2, None, dt.date(2027, 2, 24)),
        (1, None, dt.date(2027, 3, 3)),
        (None, 7, dt.date(2027, 3, 17)),
    ]
    [merdeka] = [s for s in upcoming(TODAY) if s.season.key == "kemerdekaan"]
    assert merdeka.steps[0].day == dt.date(2027, 6, 22)  # 17 August minus 8 weeks


def fitri_on(today: dt.date) -> seasons.SeasonDate:
    [found] = [s for s in upcoming(today, "konveksi") if s.day == dt.date(2027, 3, 10)]
    return found


@pytest.mark.parametrize("today, current", [
    (dt.date(2027, 1, 12), None),  # one day before 8 weeks before: nothing yet
    (dt.date(2027, 1, 13), 0),     # exactly 8 weeks before
    (dt.date(2027, 2, 9), 0),      # one day before 4 weeks before
    (dt.date(2027, 2, 10), 1),     # exactly 4 weeks before
    (dt.date(2027, 3, 2), 2),
    (dt.date(2027, 3, 3), 3),      # exactly 1 week before
    (dt.date(2027, 3, 10), 3),     # the day itself: still the daily-status step
    (dt.date(2027, 3, 16), 3),
    (dt.date(2027, 3, 17), 4),     # a week after: thank the buyers
])
def test_the_step_due_now_at_its_boundaries(today, current):
    found = fitri_on(today)
    assert found.current == current
    if current is not None:
        assert found.current_step is found.steps[current]


def test_a_passed_season_stays_for_its_follow_up_then_goes():
    assert fitri_on(dt.date(2027, 3, 24)).days_until == -14
    later = [s.season.key for s in upcoming(dt.date(2027, 3, 25))]
    assert later[0] == "idul_adha" and "idul_fitri" in later  # the 2028 one, within a year
    assert all(s.day > dt.date(2027, 3, 10) for s in upcoming(dt.date(2027, 3, 25)))


def test_the_group_filter():
    konveksi = [s.season.key for s in upcoming(TODAY, "konveksi")]
    ternak = [s.season.key for s in upcoming(TODAY, "ternak")]
    assert konveksi == ["idul_fitri", "sekolah", "kemerdekaan"]
    assert ternak == ["idul_fitri"]
    assert [s.season.key for s in upcoming(TODAY, "kurban")] == ["idul_adha"]
    assert upcoming(TODAY, "kambing") == []  # a kind no season lists (not a group key)
    with pytest.raises(ValueError, match="bukan jenis kelompok"):
        upcoming(TODAY, "Kambing Kurban")


def test_next_for_each_group():
    assert next_for("ternak", TODAY).season.key == "idul_fitri"
    after_fitri = next_for("kurban", dt.date(2027, 3, 11))
    assert (after_fitri.season.key, after_fitri.day) == ("idul_adha", dt.date(2027, 5, 17))
    on_the_day = next_for("konveksi", dt.date(2027, 8, 17))
    assert (on_the_day.season.key, on_the_day.days_until) == ("kemerdekaan", 0)
    nothing_left = next_for("ternak", dt.date(2029, 4, 25))
    assert nothing_left is None  # the file holds no date after 2029: time to add the next year


# --- A broken file --------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["source", "as_of"])
def test_a_missing_source_or_date_checked_names_the_file_and_the_key(tmp_path, raw, field):
    del raw["idul_adha"][field]
    with pytest.raises(DataError) as caught:
        load_seasons(write(tmp_path, raw))
    message = str(caught.value)
    assert "seasons.yaml" in message and f"idul_adha.{field}" in message
    assert "kosong" in message


def test_a_missing_date_names_the_year_entry(tmp_path, raw):
    del raw["sekolah"]["dates"][1]["date"]
    with pytest.raises(DataError, match=r"sekolah\.dates\[2\]\.date"):
        load_seasons(write(tmp_path, raw))


def test_a_missing_estimate_flag_is_an_error(tmp_path, raw):
    del raw["idul_fitri"]["dates"][0]["estimate"]
    with pytest.raises(DataError, match=r"idul_fitri\.dates\[1\]\.estimate"):
        load_seasons(write(tmp_path, raw))


def test_any_group_kind_is_accepted_but_not_a_name(tmp_path, raw):
    """A village declares its own group kinds (``ikan`` for catfish); a kind is a
    code, so a name with spaces is refused with the key named."""
    raw["idul_adha"]["products"]["ikan"] = {"id": "lele", "en": "catfish"}
    data = load_seasons(write(tmp_path, raw))
    assert "ikan" in data.seasons["idul_adha"].groups
    assert [s.season.key for s in data.upcoming(dt.date(2027, 1, 1), "ikan")] == ["idul_adha"]
    raw["idul_adha"]["products"]["Ikan Lele"] = {"id": "lele", "en": "catfish"}
    (tmp_path / "broken").mkdir()
    with pytest.raises(DataError) as caught:
        load_seasons(write(tmp_path / "broken", raw))
    assert "idul_adha.products.Ikan Lele" in str(caught.value)
    with pytest.raises(ValueError, match="jenis kelompok"):
        data.upcoming(dt.date(2027, 1, 1), "Ikan Lele")


def test_dates_out_of_order_are_an_error(tmp_path, raw):
    raw["kemerdekaan"]["dates"].reverse()
    with pytest.raises(DataError, match=r"kemerdekaan\.dates\[2\]\.date"):
        load_seasons(write(tmp_path, raw))


def test_an_estimate_without_a_note_is_an_error(tmp_path, raw):
    del raw["sekolah"]["note"]
    with pytest.raises(SeasonDataError, match=r"sekolah\.note"):
        load_seasons(write(tmp_path, raw))


def test_a_step_needs_exactly_one_of_weeks_before_and_days_after(tmp_path, raw):
    raw["idul_adha"]["plan"][0]["days_after"] = 2
    with pytest.raises(SeasonDataError, match=r"idul_adha\.plan\[1\]"):
        load_seasons(write(tmp_path, raw))


def test_a_step_too_far_ahead_is_an_error(tmp_path, raw):
    raw["sekolah"]["plan"]["makanan"][0]["weeks_before"] = 40
    with pytest.raises(SeasonDataError, match="paling banyak 26 minggu"):
        load_seasons(write(tmp_path, raw))


def test_the_message_reads_in_english_too(tmp_path, raw):
    del raw["idul_adha"]["source"]
    with pytest.raises(DataError) as caught:
        load_seasons(write(tmp_path, raw))
    assert caught.value.text("en").startswith("File seasons.yaml, entry idul_adha.source:")


# --- Steps per group kind -------------------------------------------------------------------


def test_a_season_may_give_each_group_kind_its_own_steps():
    """A village follows the list of the first kind written that it has: Jepara (konveksi,
    ternak) the sewing group's, Lendang Tembere (makanan, ternak) the food group's."""
    fitri = load_seasons().seasons["idul_fitri"]
    assert list(fitri.plans) == ["konveksi", "makanan", "ternak"]
    assert fitri.plan_for(["konveksi", "ternak", "kurban"]) == fitri.plans["konveksi"]
    assert fitri.plan_for(["makanan", "ternak"]) == fitri.plans["makanan"]
    assert fitri.plan_for(["ternak"]) == fitri.plans["ternak"]
    adha = load_seasons().seasons["idul_adha"]
    assert adha.plan_for(["makanan"]) == adha.plan_for(["kurban"]) == adha.plan
    [chips] = [s for s in upcoming(TODAY, "makanan") if s.season.key == "sekolah"]
    assert "kantin" in chips.steps[0].plan.text["id"]
    [sewing] = [s for s in upcoming(TODAY, "konveksi") if s.season.key == "sekolah"]
    assert "seragam" in sewing.steps[0].plan.text["id"]


def test_a_kind_with_steps_but_no_products_is_an_error(tmp_path, raw):
    raw["sekolah"]["plan"]["makan"] = raw["sekolah"]["plan"].pop("makanan")
    with pytest.raises(SeasonDataError) as caught:
        load_seasons(write(tmp_path, raw))
    assert "sekolah.plan.makan" in str(caught.value)
    assert "tidak ada di products" in str(caught.value)


def test_a_kind_in_products_without_steps_is_an_error(tmp_path, raw):
    del raw["idul_fitri"]["plan"]["ternak"]
    with pytest.raises(SeasonDataError) as caught:
        load_seasons(write(tmp_path, raw))
    assert "idul_fitri.plan.ternak" in str(caught.value)
    assert "belum punya langkah" in str(caught.value)


def test_a_step_in_a_kinds_list_is_checked_and_named(tmp_path, raw):
    raw["kemerdekaan"]["plan"]["makanan"][1]["days_after"] = 2
    with pytest.raises(SeasonDataError, match=r"kemerdekaan\.plan\.makanan\[2\]"):
        load_seasons(write(tmp_path, raw))
    raw["kemerdekaan"]["plan"]["makanan"] = []
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"kemerdekaan\.plan\.makanan"):
        load_seasons(write(tmp_path / "empty", raw))
