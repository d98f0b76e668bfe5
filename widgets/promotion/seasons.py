"""The promotion season calendar: selling seasons from ``datasets/seasons.yaml`` and, for a given
day, how far away each one is and which preparation step is due now.

Plain Python, no ipywidgets. Every season carries its ``source`` and ``as_of`` and, per year, a
date marked ``estimate`` or not (Idul Fitri and Idul Adha stay estimates until the Ministry of
Religious Affairs' isbat meeting). A missing or wrong value stops the kit with a message naming
the file and the key, in the village loader's words. Plan steps are "N weeks before" or "N days
after" the season day; the step due now is the last one whose date has come. A season's plan is
one list for every village or one list per group kind: a village follows the list of the first
kind written that it has (:meth:`Season.plan_for`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.core import i18n

# The checked readers: the same messages for the same mistakes in every data file.
from widgets.core.datafile import (
    SLUG,
    Cells,
    DataError,
    cached_file,
    need_list,
    need_mapping,
    read_yaml,
)
from widgets.core.village import DATASETS_DIR

# Built, not written as one string: the catalog guard reads "seasons.<name>" as a message key.
SEASONS_FILE = DATASETS_DIR.joinpath("seasons").with_suffix(".yaml")
MAX_WEEKS_BEFORE = 26
FOLLOW_UP_DAYS = 14  # a season stays on the calendar this long after its day (the thank-you step)
DEFAULT_HORIZON_DAYS = 365

class SeasonDataError(DataError):
    """A problem of the seasons file told in the ``seasons`` section (promotion.yaml)."""

    section = "seasons"


@dataclass(frozen=True)
class PlanStep:
    """One preparation step: ``offset_days`` from the season day (negative = before)."""

    offset_days: int
    text: i18n.Local

    @property
    def weeks_before(self) -> int | None:
        return -self.offset_days // 7 if self.offset_days <= 0 else None

    @property
    def days_after(self) -> int | None:
        return self.offset_days if self.offset_days > 0 else None


@dataclass(frozen=True)
class SeasonDay:
    day: dt.date
    estimate: bool
    label: str = ""  # e.g. "1448 H"


ANY_KIND = ""  # the key of a plan written as one list, for every group kind


@dataclass(frozen=True)
class Season:
    key: str
    name: i18n.Local
    products: Mapping[str, i18n.Local]  # group -> what it sells in this season
    days: tuple[SeasonDay, ...]
    plans: Mapping[str, tuple[PlanStep, ...]]  # group kind (or ANY_KIND) -> steps, file order
    source: str
    as_of: dt.date
    note: i18n.Local | None = None

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self.products)

    @property
    def plan(self) -> tuple[PlanStep, ...]:
        return self.plan_for(None)

    def plan_for(self, kinds: Sequence[str] | None) -> tuple[PlanStep, ...]:
        """The steps for a village with group ``kinds``: the one list for every kind, else the
        list of the first kind written in the file that is among ``kinds``, else the first."""
        wanted = set(kinds or ())
        return next((steps for kind, steps in self.plans.items() if kind in wanted),
                    next(iter(self.plans.values())))


@dataclass(frozen=True)
class Step:
    day: dt.date
    plan: PlanStep


@dataclass(frozen=True)
class SeasonDate:
    """One season on one date, seen from ``today``: its steps dated, the current one marked."""

    season: Season
    day: dt.date
    estimate: bool
    label: str
    days_until: int  # negative once the day has passed
    steps: tuple[Step, ...]
    current: int | None  # index into steps; None before the first step's date

    @property
    def weeks_until(self) -> int:
        return self.days_until // 7

    @property
    def current_step(self) -> Step | None:
        return None if self.current is None else self.steps[self.current]


def current_index(steps: tuple[Step, ...], today: dt.date) -> int | None:
    """The last step whose date has come (steps in date order), or None if none has."""
    return next((i for i in reversed(range(len(steps))) if steps[i].day <= today), None)


def schedule(season: Season, when: SeasonDay, today: dt.date,
             kinds: Sequence[str] | None = None) -> SeasonDate:
    """``season`` on ``when.day``: each plan step (for group ``kinds``) dated, and the step due
    on ``today``."""
    steps = tuple(Step(when.day + dt.timedelta(days=p.offset_days), p)
                  for p in season.plan_for(kinds))
    return SeasonDate(season, when.day, when.estimate, when.label, (when.day - today).days,
                      steps, current_index(steps, today))


def check_group(group: str | None) -> None:
    """``group`` is a group kind (``konveksi``, ``ternak``, ``makanan``...): any code will do,
    since each village's profile declares its own kinds."""
    if group is not None and not SLUG.fullmatch(group):
        raise ValueError(i18n.t("seasons.bad_group", value=group))


@dataclass(frozen=True)
class SeasonData:
    file: str
    seasons: Mapping[str, Season]

    def upcoming(self, today: dt.date, group: str | None = None,
                 horizon_days: int = DEFAULT_HORIZON_DAYS,
                 kinds: Sequence[str] | None = None) -> list[SeasonDate]:
        """Seasons from ``FOLLOW_UP_DAYS`` ago up to ``horizon_days`` ahead, by date, with the
        steps for a village with group ``kinds`` (default: ``group``)."""
        check_group(group)
        first = today - dt.timedelta(days=FOLLOW_UP_DAYS)
        last = today + dt.timedelta(days=horizon_days)
        kinds = kinds if kinds is not None else ([group] if group else None)
        found = [schedule(season, when, today, kinds)
                 for season in self.seasons.values()
                 if group is None or group in season.products
                 for when in season.days if first <= when.day <= last]
        return sorted(found, key=lambda s: (s.day, s.season.key))

    def next_for(self, group: str, today: dt.date) -> SeasonDate | None:
        """The group's next season on or after ``today`` (None when the file has no more)."""
        return next((s for s in self.upcoming(today, group, horizon_days=100 * 366)
                     if s.days_until >= 0), None)


def upcoming(today: dt.date, group: str | None = None,
             horizon_days: int = DEFAULT_HORIZON_DAYS,
             data: SeasonData | None = None) -> list[SeasonDate]:
    """The seasons of :func:`load_seasons` around ``today``; see :meth:`SeasonData.upcoming`."""
    return (data or load_seasons()).upcoming(today, group, horizon_days)


def next_for(group: str, today: dt.date, data: SeasonData | None = None) -> SeasonDate | None:
    return (data or load_seasons()).next_for(group, today)


# --- Loading --------------------------------------------------------------------------------


@cached_file(SEASONS_FILE)
def load_seasons(path: Path) -> SeasonData:
    """The seasons file (default ``datasets/seasons.yaml``), checked; cached per path."""
    data, file = read_yaml(path), path.name
    if not data:
        raise SeasonDataError(file, "no_seasons")
    seasons = {}
    for key, raw in data.items():
        key = str(key)
        if not SLUG.fullmatch(key):
            raise DataError(file, "not_slug", column=key, value=key)
        seasons[key] = _season(file, key, need_mapping(file, raw, key))
    return SeasonData(file, seasons)


clear_cache = load_seasons.clear_cache


def _season(file: str, key: str, raw: Mapping[str, Any]) -> Season:
    cells = Cells(file, None, raw, key + ".")
    source, as_of = " ".join(cells.text("source").split()), cells.date("as_of")
    days = _days(file, raw, key)
    note = cells.texts("note") if raw.get("note") is not None else None
    if note is None and any(d.estimate for d in days):
        raise SeasonDataError(file, "note_needed", column=f"{key}.note")
    products = _products(file, raw, key)
    return Season(key, cells.texts("name"), products, days,
                  _plans(file, raw, key, products), source, as_of, note)


def _products(file: str, raw: Mapping[str, Any], key: str) -> dict[str, i18n.Local]:
    where = f"{key}.products"
    found = need_mapping(file, Cells(file, None, raw, key + ".").raw("products"), where)
    products = {}
    for group in found:  # a group kind, as the villages' profiles declare them
        if not SLUG.fullmatch(str(group)):
            raise DataError(file, "not_slug", column=f"{where}.{group}", value=group)
        products[str(group)] = Cells(file, None, found, where + ".").texts(str(group))
    if not products:
        raise DataError(file, "missing_value", column=where)
    return products


def _days(file: str, raw: Mapping[str, Any], key: str) -> tuple[SeasonDay, ...]:
    listed = need_list(file, Cells(file, None, raw, key + ".").raw("dates"), f"{key}.dates")
    days: list[SeasonDay] = []
    for n, item in enumerate(listed, start=1):
        where = f"{key}.dates[{n}]"
        cells = Cells(file, None, need_mapping(file, item, where), where + ".")
        day = cells.date("date")
        if "estimate" not in item:
            raise cells.error("estimate", "missing_value")
        if days and day <= days[-1].day:
            raise DataError(file, "date_order", column=f"{where}.date", value=day.isoformat(),
                            previous=days[-1].day.isoformat())
        days.append(SeasonDay(day, cells.flag("estimate"), cells.text("label", default="")))
    return tuple(days)


def _plans(file: str, raw: Mapping[str, Any], key: str,
           products: Mapping[str, i18n.Local]) -> dict[str, tuple[PlanStep, ...]]:
    """``plan``: one list of steps, or a mapping from each group kind in ``products`` to its
    own list (no kind missing, none that the season does not list)."""
    found, where = Cells(file, None, raw, key + ".").raw("plan"), f"{key}.plan"
    if not isinstance(found, dict):
        return {ANY_KIND: _plan(file, need_list(file, found, where), where)}
    plans = {}
    for kind, listed in found.items():
        if str(kind) not in products:
            raise SeasonDataError(file, "plan_kind_unknown", column=f"{where}.{kind}",
                                  value=kind)
        plans[str(kind)] = _plan(file, need_list(file, listed, f"{where}.{kind}"),
                                 f"{where}.{kind}")
    for kind in products:
        if kind not in plans:
            raise SeasonDataError(file, "plan_kind_missing", column=f"{where}.{kind}",
                                  value=kind)
    return plans


def _plan(file: str, listed: list[Any], path: str) -> tuple[PlanStep, ...]:
    steps = []
    for n, item in enumerate(listed, start=1):
        where = f"{path}[{n}]"
        cells = Cells(file, None, need_mapping(file, item, where), where + ".")
        if ("weeks_before" in item) == ("days_after" in item):
            raise SeasonDataError(file, "step_when", column=where)
        if "weeks_before" in item:
            weeks = cells.integer("weeks_before", minimum=0)
            if weeks > MAX_WEEKS_BEFORE:
                raise SeasonDataError(file, "too_many_weeks", column=f"{where}.weeks_before",
                                      value=weeks, maximum=MAX_WEEKS_BEFORE)
            offset = -7 * weeks
        else:
            offset = cells.integer("days_after", minimum=1)
            if offset > FOLLOW_UP_DAYS:
                raise SeasonDataError(file, "too_many_days", column=f"{where}.days_after",
                                      value=offset, maximum=FOLLOW_UP_DAYS)
        steps.append(PlanStep(offset, cells.texts("text")))
    return tuple(sorted(steps, key=lambda step: step.offset_days))
