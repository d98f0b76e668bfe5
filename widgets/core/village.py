"""The village profile and its datasets: groups, products, members, the cash book, the goat herd,
the feed-duty roster, lesson 1's exercise week, pieces sewn per member and an example cooperative.

Plain Python, no ipywidgets. Everything is read from ``datasets/<village>/`` and checked once on
load; a bad value raises :class:`DataError`, whose message names the file, the row, the column and
the value in plain Indonesian (English alongside), so a facilitator can fix the file without help.

Row numbers count the way a spreadsheet shows them: the header is row 1, so the first data row is
row 2. In ``latihan_minggu.yaml`` transactions count from 1. Entry ids count data rows from 1.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from widgets.cashbook import ledger
from widgets.core import i18n, settings
from widgets.core.datafile import (
    SLUG,
    Cells,
    DataError,
    need_list,
    need_mapping,
    read_csv,
    read_yaml,
)

ENV_VILLAGE = settings.VILLAGE.name  # the variable's name; its value is read by settings
DATASETS_DIR = Path(__file__).resolve().parents[2] / "datasets"
PROFILE = "profile.yaml"
CASHBOOK_COLUMNS = ("tanggal", "keterangan", "arah", "kategori", "jumlah", "dompet")
HERD_COLUMNS = ("tanggal", "peristiwa", "betina", "jantan", "keterangan")
ROSTER_COLUMNS = ("tanggal", "anggota", "hadir")
PIECES_COLUMNS = ("bulan", "anggota", "potong")
# The sign each herd event's changes must have: +1 adds goats, -1 removes them.
HERD_EVENTS = {"awal": 1, "lahir": 1, "beli": 1, "mati": -1, "jual": -1}
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")



@dataclass(frozen=True)
class Product:
    key: str
    name: str
    unit: str
    price: int
    invented: bool = False


@dataclass(frozen=True)
class Member:
    id: str
    name: str
    group: str
    invented: bool = False
    capital: int = 0
    role: str = "anggota"


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    activity: str
    started: str
    products: tuple[Product, ...]
    members: tuple[Member, ...]
    reported: Mapping[str, int] = field(default_factory=dict)
    cashbook_file: str | None = None
    opening_date: dt.date | None = None
    opening_balance: int = 0


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


@dataclass(frozen=True)
class ExerciseWeek:
    """Lesson 1's week: the story and the entries a participant should write down."""

    group: str
    cashier: str
    title: Mapping[str, str]
    story: Mapping[str, str]
    opening_date: dt.date
    opening_balance: int
    entries: tuple[ledger.Entry, ...]
    hints: tuple[str, ...]

    def story_text(self, lang: str | None = None) -> str:
        return self.story.get(lang or i18n.language()) or self.story[i18n.DEFAULT_LANGUAGE]

    def title_text(self, lang: str | None = None) -> str:
        return self.title.get(lang or i18n.language()) or self.title[i18n.DEFAULT_LANGUAGE]


@dataclass(frozen=True)
class Village:
    key: str
    name: str
    district: str
    regency: str
    province: str
    desmigratif_since: int
    citation: str
    hashtags: tuple[str, ...]
    groups: Mapping[str, Group]
    folder: Path
    cashbooks: Mapping[str, tuple[ledger.Entry, ...]] = field(repr=False, default_factory=dict)
    herd: tuple[HerdEvent, ...] = field(repr=False, default=())
    roster: tuple[FeedDuty, ...] = field(repr=False, default=())
    exercise: ExerciseWeek | None = field(repr=False, default=None)
    pieces: tuple[PieceCount, ...] = field(repr=False, default=())
    coop: Coop | None = field(repr=False, default=None)

    def group(self, key: str) -> Group:
        if key not in self.groups:
            raise KeyError(f"no group {key!r}; the village has {', '.join(self.groups)}")
        return self.groups[key]

    def members(self, group: str | None = None) -> list[Member]:
        groups = [self.group(group)] if group else list(self.groups.values())
        return [m for g in groups for m in g.members]

    def member(self, member_id: str) -> Member:
        for m in self.members():
            if m.id == member_id:
                return m
        raise KeyError(f"no member {member_id!r}")

    def cashbook(self, group: str) -> list[ledger.Entry]:
        """The group's cash book in file order (empty when the group keeps none)."""
        self.group(group)
        return list(self.cashbooks.get(group, ()))

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

    def feed_roster(self) -> list[FeedDuty]:
        return list(self.roster)

    def feed_days(self, group: str) -> dict[str, int]:
        """Days each member of ``group`` did their feed duty (0 for members never present)."""
        days = {m.id: 0 for m in self.group(group).members}
        for duty in self.roster:
            if duty.present and duty.member in days:
                days[duty.member] += 1
        return days

    def pieces_sewn(self, group: str, year: int, month: int) -> dict[str, int]:
        """Pieces each member of ``group`` sewed in that month (0 for members with no row)."""
        counts = {m.id: 0 for m in self.group(group).members}
        for row in self.pieces:
            if (row.year, row.month) == (year, month) and row.member in counts:
                counts[row.member] += row.pieces
        return counts

    def cooperative(self) -> Coop:
        if self.coop is None:
            raise LookupError(f"village {self.key!r} has no example cooperative")
        return self.coop

    def exercise_week(self) -> ExerciseWeek:
        if self.exercise is None:
            raise LookupError(f"village {self.key!r} has no exercise week")
        return self.exercise


def load_village(name: str | None = None, root: Path | None = None) -> Village:
    """The village in ``<root>/<name>/`` (default: ``$USAHA_KITA_VILLAGE``, else jepara).

    Loaded once per process; :func:`clear_cache` forces a re-read after the files change.
    """
    name = name or settings.village()
    return _load_cached(name, Path(root).resolve() if root else DATASETS_DIR)


def clear_cache() -> None:
    _load_cached.cache_clear()


@functools.lru_cache(maxsize=8)
def _load_cached(name: str, root: Path) -> Village:
    folder = root / name
    if not SLUG.fullmatch(name) or not folder.is_dir():
        found = root.iterdir() if root.is_dir() else ()
        choices = sorted(p.name for p in found if (p / PROFILE).is_file())
        raise DataError(None, "village_missing", value=name, root=root,
                        choices=", ".join(choices) or "-")
    profile = read_yaml(folder / PROFILE)
    return _build(name, folder, profile)



def _build(key: str, folder: Path, profile: Mapping[str, Any]) -> Village:
    top = Cells(PROFILE, None, profile)
    source = Cells(PROFILE, None, need_mapping(PROFILE, top.raw("source"), "source"), "source.")
    groups_raw = need_mapping(PROFILE, top.raw("groups"), "groups")
    if not groups_raw:
        raise top.error("groups", "missing_value")
    groups: dict[str, Group] = {}
    seen: set[str] = set()
    for group_key, raw in groups_raw.items():
        group = _group(str(group_key), need_mapping(PROFILE, raw, f"groups.{group_key}"), seen)
        groups[group.key] = group
    files = need_mapping(PROFILE, profile.get("files") or {}, "files")
    village = Village(
        key=key,
        name=top.text("village"),
        district=top.text("district"),
        regency=top.text("regency"),
        province=top.text("province"),
        desmigratif_since=top.integer("desmigratif_since", minimum=2016),
        citation=" ".join(source.text("citation").split()),
        hashtags=tuple(_hashtags(profile.get("hashtags") or [])),
        groups=groups,
        folder=folder,
    )
    members = {m.id: m for m in village.members()}
    cashbooks = {
        g.key: _cashbook(folder / g.cashbook_file, g)
        for g in groups.values()
        if g.cashbook_file
    }
    herd = _herd(folder / str(files["herd"])) if files.get("herd") else ()
    roster = _roster(folder / str(files["roster"]), members) if files.get("roster") else ()
    exercise = (
        _exercise(folder / str(files["exercise"]), groups) if files.get("exercise") else None
    )
    pieces = _pieces(folder / str(files["pieces"]), members) if files.get("pieces") else ()
    coop = _coop(folder / str(files["coop"]), members) if files.get("coop") else None
    return replace(village, cashbooks=cashbooks, herd=herd, roster=roster, exercise=exercise,
                   pieces=pieces, coop=coop)


def _group(key: str, raw: Mapping[str, Any], seen: set[str]) -> Group:
    path = f"groups.{key}"
    cells = Cells(PROFILE, None, raw, path + ".")
    if not SLUG.fullmatch(key):
        raise DataError(PROFILE, "not_slug", column=path, value=key)
    products = []
    for i, item in enumerate(need_list(PROFILE, raw.get("products"), f"{path}.products"), start=1):
        p = Cells(PROFILE, None, need_mapping(PROFILE, item, f"{path}.products[{i}]"),
                   f"{path}.products[{i}].")
        products.append(Product(p.slug("key"), p.text("name"), p.text("unit"), p.amount("price"),
                                p.flag("invented")))
    members = []
    for i, item in enumerate(need_list(PROFILE, raw.get("members"), f"{path}.members"), start=1):
        m = Cells(PROFILE, None, need_mapping(PROFILE, item, f"{path}.members[{i}]"),
                   f"{path}.members[{i}].")
        member_id = m.slug("id")
        if member_id in seen:
            raise m.error("id", "duplicate", member_id)
        seen.add(member_id)
        capital = m.amount("capital", minimum=0) if "capital" in item else 0
        members.append(Member(member_id, m.text("name"), key, m.flag("invented"), capital,
                              m.text("role", default="anggota")))
    reported_raw = need_mapping(PROFILE, raw.get("reported") or {}, f"{path}.reported")
    reported = Cells(PROFILE, None, reported_raw, f"{path}.reported.")
    cashbook = str(raw["cashbook"]) if raw.get("cashbook") else None
    return Group(
        key=key,
        name=cells.text("name"),
        activity=cells.text("activity", default=""),
        started=cells.text("started", default=""),
        products=tuple(products),
        members=tuple(members),
        reported={k: reported.integer(str(k), minimum=0) for k in reported_raw},
        cashbook_file=cashbook,
        opening_date=cells.date("opening_date") if cashbook else None,
        opening_balance=cells.amount("opening_balance", minimum=0) if cashbook else 0,
    )


def _hashtags(raw: Any) -> Iterator[str]:
    if not raw:
        return
    for i, tag in enumerate(need_list(PROFILE, raw, "hashtags"), start=1):
        if not re.fullmatch(r"#\w+", str(tag)):
            raise DataError(PROFILE, "not_hashtag", column=f"hashtags[{i}]", value=tag)
        yield str(tag)


def _entry(cells: Cells, entry_id: int) -> ledger.Entry:
    day = cells.date("tanggal")
    description = cells.text("keterangan")
    if len(description) > ledger.MAX_DESCRIPTION:
        raise cells.error("keterangan", "too_long", len(description),
                          maximum=ledger.MAX_DESCRIPTION)
    direction = cells.choice("arah", ledger.DIRECTIONS)
    category = cells.choice("kategori", ledger.CATEGORY_BY_KEY)
    expected = ledger.CATEGORY_BY_KEY[category].direction
    if expected != direction:
        raise cells.error("kategori", "category_direction", category, expected=expected,
                          direction=direction)
    amount = cells.amount("jumlah")
    purse = cells.choice("dompet", ledger.PURSES)
    return ledger.Entry(day, description, direction, category, amount, purse, id=entry_id)


def _check_book(file: str, opening_date: dt.date, opening_balance: int,
                rows: list[tuple[int, ledger.Entry]], item: bool = False) -> None:
    """Dates in order from the opening date; the business purse never below zero."""
    balance, last = opening_balance, opening_date
    for row, entry in rows:
        if entry.day < last:
            raise DataError(file, "date_order", row=row, column="tanggal", item=item,
                            value=entry.day.isoformat(), previous=last.isoformat())
        last = entry.day
        if entry.purse == "usaha":
            balance += entry.signed
            if balance < 0:
                raise DataError(file, "balance_negative", row=row, column="jumlah", item=item,
                                value=_rupiah(entry.amount), balance=_rupiah(balance))


def _rupiah(amount: int) -> str:
    """Rp1.500.000, -Rp20.000: for messages only (widgets.core.money formats for the screen)."""
    return ("-" if amount < 0 else "") + f"Rp{abs(amount):,}".replace(",", ".")


def _cashbook(path: Path, group: Group) -> tuple[ledger.Entry, ...]:
    rows = [
        (row, _entry(Cells(path.name, row, cells), n))
        for n, (row, cells) in enumerate(read_csv(path, CASHBOOK_COLUMNS), start=1)
    ]
    assert group.opening_date is not None
    _check_book(path.name, group.opening_date, group.opening_balance, rows)
    return tuple(entry for _, entry in rows)


def _herd(path: Path) -> tuple[HerdEvent, ...]:
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


def _exercise(path: Path, groups: Mapping[str, Group]) -> ExerciseWeek:
    data = read_yaml(path)
    top = Cells(path.name, None, data)
    group = top.choice("group", groups)
    cashier = top.choice("cashier", [m.id for m in groups[group].members], "unknown_member")
    texts = {}
    for key in ("title", "story"):
        mapping = need_mapping(path.name, top.raw(key), key)
        texts[key] = {str(lang): " ".join(str(text).split()) for lang, text in mapping.items()}
        Cells(path.name, None, mapping, key + ".").text(i18n.DEFAULT_LANGUAGE)
    opening_date = top.date("opening_date")
    opening_balance = top.amount("opening_balance", minimum=0)
    rows, hints = [], []
    for n, item in enumerate(need_list(path.name, data.get("transactions"), "transactions"), 1):
        cells = Cells(path.name, n, need_mapping(path.name, item, f"transactions[{n}]"), item=True)
        rows.append((n, _entry(cells, n)))
        hints.append(cells.text("petunjuk", default=""))
    _check_book(path.name, opening_date, opening_balance, rows, item=True)
    return ExerciseWeek(group, cashier, texts["title"], texts["story"], opening_date,
                        opening_balance, tuple(e for _, e in rows), tuple(hints))


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
    from widgets.sharing.shu import ALLOCATIONS  # here, not at the top: shu needs only i18n

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
    return Coop(top.text("name"), top.integer("year", minimum=1992),
                top.amount("shu", minimum=0), bylaws, tuple(coop_members))
