"""The profit-sharing lesson's village data: the goat herd's events (``kambing_peristiwa.csv``),
the feed-duty roster (``jadwal_pakan.csv``), pieces sewn per member (``konveksi_potong.csv``) and an
example cooperative (``koperasi.yaml``), as the profile's ``files`` names them. Plain Python.

Checked once on load with the readers of :mod:`widgets.core.datafile`: a bad value raises
``DataError`` naming the file, the row (the header is row 1), the column and the value. The worked
examples draw their numbers from here (:mod:`widgets.sharing.examples`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_csv, read_yaml
from widgets.core.village import PROFILE, Member, Village, per_village
from widgets.sharing.herd import SALE_AGE_MONTHS, first_too_young
from widgets.sharing.shu import ALLOCATIONS

HERD_COLUMNS = ("tanggal", "peristiwa", "betina", "jantan", "keterangan")
ROSTER_COLUMNS = ("tanggal", "anggota", "hadir")
PIECES_COLUMNS = ("bulan", "anggota", "potong")
# The sign each herd event's changes must have: +1 adds goats, -1 removes them.
HERD_EVENTS = {"awal": 1, "lahir": 1, "beli": 1, "mati": -1, "jual": -1}
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")

@dataclass(frozen=True)
class HerdEvent:
    """One herd event; ``does``/``bucks`` are signed changes (+ for awal/lahir/beli)."""

    day: dt.date
    event: str
    does: int
    bucks: int
    note: str
    price: int | None = None


@dataclass(frozen=True)
class HerdCount:
    day: dt.date
    does: int
    bucks: int

    @property
    def total(self) -> int:
        return self.does + self.bucks


@dataclass(frozen=True)
class FeedDuty:
    day: dt.date
    member: str
    present: bool


@dataclass(frozen=True)
class PieceCount:
    """Pieces one member sewed in one month (``konveksi_potong.csv``)."""

    year: int
    month: int
    member: str
    pieces: int


@dataclass(frozen=True)
class CoopMember:
    member: str
    transactions: int
    savings: int


@dataclass(frozen=True)
class Coop:
    """An example cooperative for the SHU lesson: its year's SHU, the bylaws' percentages and
    each member's transactions with it and savings in it (``koperasi.yaml``)."""

    name: str
    year: int
    shu: int
    bylaws: Mapping[str, int | float]
    members: tuple[CoopMember, ...]
    worked_member: str = ""  # the member whose SHU the lesson works out (default: the first)
    exercise_member: str = ""  # the member whose SHU the exercise asks for (default: the first)


@dataclass(frozen=True)
class SharingData:
    """The village's herd, feed roster, pieces sewn and cooperative (each empty or None when the
    profile names no such file)."""

    village: Village
    herd: tuple[HerdEvent, ...] = ()
    roster: tuple[FeedDuty, ...] = ()
    pieces: tuple[PieceCount, ...] = ()
    coop: Coop | None = None

    def herd_events(self) -> list[HerdEvent]:
        return list(self.herd)

    def herd_size_by_date(self) -> list[HerdCount]:
        """The herd after each day that has events, in date order."""
        counts: dict[dt.date, HerdCount] = {}
        does = bucks = 0
        for e in self.herd:
            does, bucks = does + e.does, bucks + e.bucks
            counts[e.day] = HerdCount(e.day, does, bucks)
        return list(counts.values())

    def herd_size(self, on: dt.date | None = None) -> HerdCount:
        """The herd at the end of day ``on`` (default: after the last event)."""
        day = on or (self.herd[-1].day if self.herd else dt.date.today())
        current = HerdCount(day, 0, 0)
        for count in self.herd_size_by_date():
            if count.day <= day:
                current = HerdCount(day, count.does, count.bucks)
        return current

    def feed_roster(self, until: dt.date | None = None) -> list[FeedDuty]:
        """The roster's duties, only those on or before ``until`` when given."""
        return [d for d in self.roster if until is None or d.day <= until]

    def feed_days(self, group: str, until: dt.date | None = None) -> dict[str, int]:
        """Days each member of ``group`` did their feed duty (0 for members never present),
        counting only duties on or before ``until`` when given: a sale is shared by the work
        done before it, not after."""
        days = {m.id: 0 for m in self.village.group(group).members}
        for duty in self.feed_roster(until):
            if duty.present and duty.member in days:
                days[duty.member] += 1
        return days

    def pieces_sewn(self, group: str, year: int, month: int) -> dict[str, int]:
        """Pieces each member of ``group`` sewed in that month (0 for members with no row)."""
        counts = {m.id: 0 for m in self.village.group(group).members}
        for row in self.pieces:
            if (row.year, row.month) == (year, month) and row.member in counts:
                counts[row.member] += row.pieces
        return counts

    def cooperative(self) -> Coop:
        if self.coop is None:
            raise LookupError(f"village {self.village.key!r} has no example cooperative")
        return self.coop


@per_village
def load_sharing(village: Village) -> SharingData:
    """The profit-sharing data of ``village`` (default: the kit's village), read once per
    village."""
    members = {m.id: m for m in village.members()}
    herd, roster = village.file("herd"), village.file("roster")
    pieces, coop = village.file("pieces"), village.file("coop")
    return SharingData(
        village,
        herd=_herd(herd, _sale_age(village)) if herd else (),
        roster=_roster(roster, members) if roster else (),
        pieces=_pieces(pieces, members) if pieces else (),
        coop=_coop(coop, members) if coop else None,
    )


def clear_cache() -> None:
    load_sharing.cache_clear()


def _sale_age(village: Village) -> int:
    """Months an animal must be old to be sold: ``herd_sale_age_months`` in the profile (a
    chicken is sold at four months, a goat for qurban at twelve), else :data:`SALE_AGE_MONTHS`."""
    if "herd_sale_age_months" not in village.profile:
        return SALE_AGE_MONTHS
    return Cells(PROFILE, None, village.profile).integer("herd_sale_age_months", minimum=1)


def _herd(path: Path, sale_age: int = SALE_AGE_MONTHS) -> tuple[HerdEvent, ...]:
    events = []
    does = bucks = 0
    last: dt.date | None = None
    for row, raw in read_csv(path, HERD_COLUMNS):
        cells = Cells(path.name, row, raw)
        day = cells.date("tanggal")
        if last is not None and day < last:
            raise cells.error("tanggal", "date_order", day.isoformat(), previous=last.isoformat())
        last = day
        event = cells.choice("peristiwa", HERD_EVENTS)
        changes = {}
        for column in ("betina", "jantan"):
            change = cells.integer(column)
            if change * HERD_EVENTS[event] < 0:
                raise cells.error(column, "herd_sign", change, event=event)
            changes[column] = change
        does, bucks = does + changes["betina"], bucks + changes["jantan"]
        for column, count in (("betina", does), ("jantan", bucks)):
            if count < 0:
                raise cells.error(column, "herd_negative", changes[column], count=count)
        price = cells.amount("harga") if raw.get("harga") else None
        events.append(HerdEvent(day, event, changes["betina"], changes["jantan"],
                                raw.get("keterangan", ""), price))
    young = first_too_young(((e.day, e.event, e.does, e.bucks) for e in events), sale_age)
    if young is not None:
        column = "betina" if young.sex == "does" else "jantan"
        raise DataError(path.name, "herd_too_young", row=young.index + 2, column=column,
                        value=-young.sold, sold=young.sold, grown=young.grown,
                        months=sale_age)
    return tuple(events)


def _roster(path: Path, members: Mapping[str, Member]) -> tuple[FeedDuty, ...]:
    duties = []
    for row, raw in read_csv(path, ROSTER_COLUMNS):
        cells = Cells(path.name, row, raw)
        day = cells.date("tanggal")
        member = cells.text("anggota")
        if member not in members:
            raise cells.error("anggota", "unknown_member", member, choices=", ".join(members))
        present = cells.choice("hadir", ("1", "0"), problem="bad_present") == "1"
        duties.append(FeedDuty(day, member, present))
    return tuple(duties)


def _pieces(path: Path, members: Mapping[str, Member]) -> tuple[PieceCount, ...]:
    rows = []
    for row, raw in read_csv(path, PIECES_COLUMNS):
        cells = Cells(path.name, row, raw)
        month = _MONTH.fullmatch(cells.text("bulan"))
        if not month or not 1 <= int(month[2]) <= 12:
            raise cells.error("bulan", "not_month", cells.text("bulan"))
        member = cells.choice("anggota", members, "unknown_member")
        rows.append(PieceCount(int(month[1]), int(month[2]), member,
                               cells.integer("potong", minimum=0)))
    return tuple(rows)


def _coop(path: Path, members: Mapping[str, Member]) -> Coop:
    data = read_yaml(path)
    top = Cells(path.name, None, data)
    bylaws_raw = need_mapping(path.name, top.raw("bylaws"), "bylaws")
    laws = Cells(path.name, None, bylaws_raw, "bylaws.")
    bylaws: dict[str, int | float] = {}
    for key, value in bylaws_raw.items():
        if key not in ALLOCATIONS:
            raise laws.error(str(key), "bad_choice", key, choices=", ".join(ALLOCATIONS))
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise laws.error(str(key), "not_percent", value)
        bylaws[str(key)] = value
    total = sum(bylaws.values())
    if round(total, 6) != 100:
        raise DataError(path.name, "bylaws_sum", column="bylaws", value=total)
    coop_members, seen = [], set()
    for n, item in enumerate(need_list(path.name, data.get("members"), "members"), start=1):
        cells = Cells(path.name, None, need_mapping(path.name, item, f"members[{n}]"),
                       f"members[{n}].")
        member = cells.choice("id", members, "unknown_member")
        if member in seen:
            raise cells.error("id", "duplicate", member)
        seen.add(member)
        coop_members.append(CoopMember(member, cells.amount("transactions", minimum=0),
                                       cells.amount("savings", minimum=0)))
    ids = [m.member for m in coop_members]
    worked, exercise = (top.choice(key, ids, "unknown_member") if data.get(key)
                        else ids[0] if ids else "" for key in ("worked_member", "exercise_member"))
    return Coop(top.text("name"), top.integer("year", minimum=1992),
                top.amount("shu", minimum=0), bylaws, tuple(coop_members), worked,
                exercise)
