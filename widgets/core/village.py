"""The village profile (``datasets/<village>/profile.yaml``): the village, its groups, their
products and members, and the names of the village's data files.

Plain Python, no ipywidgets, no topic. Each topic loads its own datasets from the village folder
in its ``data.py`` (the cash book, the goat herd, the pricing sheet...), cached per loaded village
with :func:`per_village`. A bad value raises :class:`DataError`, whose message names the file, the
row, the column and the value in plain Indonesian (English alongside), so a facilitator can fix
the file without help.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from widgets.core import i18n, settings
from widgets.core.datafile import SLUG, Cells, DataError, need_list, need_mapping, read_yaml

__all__ = ["DATASETS_DIR", "LIVESTOCK", "DataError", "Group", "Member", "Product", "Village",
           "load_village", "per_village"]

ENV_VILLAGE = settings.VILLAGE.name  # the variable's name; its value is read by settings
DATASETS_DIR = Path(__file__).resolve().parents[2] / "datasets"
PROFILE = "profile.yaml"
# A group's ``kind`` says what the lessons do with it. ``ternak`` raises animals (goats,
# chickens, catfish): the herd log, the feed roster and the raising cost are its lessons. Any
# other kind (``konveksi``, ``makanan``...) makes and sells goods: the cash book, the cost sheet,
# the posts. The season calendar matches a season to a group by the same kind.
LIVESTOCK = "ternak"


@dataclass(frozen=True)
class Product:
    key: str
    name: str
    unit: str
    price: int
    invented: bool = False
    word: str = ""  # one piece inside a sentence: "keset" ("satu keset", "per keset")
    short_name: str = ""  # the product inside a sentence: "keset bulat"
    benefit: str = ""  # what a buyer gains, for the post's example: "Menyerap air, tidak licin"

    @property
    def said(self) -> str:  # the product inside a sentence: short_name, else the name
        return self.short_name or self.name[:1].lower() + self.name[1:]

    @property
    def piece(self) -> str:  # one piece inside a sentence: word, else said
        return self.word or self.said


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
    kind: str
    activity: str
    started: str
    products: tuple[Product, ...]
    members: tuple[Member, ...]
    reported: Mapping[str, int] = field(default_factory=dict)
    cashbook_file: str | None = None
    opening_date: dt.date | None = None
    opening_balance: int = 0
    example_month: tuple[int, int] | None = None  # the cash book's worked month (year, month)
    short_name: str = ""  # how a sentence names it: "kelompok konveksi" (default: ``name``)
    animal: str = ""  # a livestock group's animal, as a sentence says it: "kambing"
    sale_season: str = ""  # the season of the sale lesson 4 shares: "Idul Adha"
    materials: str = ""  # what it buys as material, as a list says it: "kain perca, benang"
    duty: str = ""  # a livestock group's daily feed duty, as members say it: "ngarit"
    seasons: tuple[str, ...] = ()  # more season codes it sells in (seasons.yaml): "kurban"

    @property
    def called(self) -> str:  # the group's name inside a sentence
        return self.short_name or self.name


@dataclass(frozen=True)
class Village:
    """The profile. ``files`` names the village's data files (``herd``, ``roster``...), which
    the topics read; ``profile`` is the profile as read, for a topic's own keys."""

    key: str
    name: str
    district: str
    regency: str
    province: str
    desmigratif_since: int
    citation: str
    groups: Mapping[str, Group]
    folder: Path
    files: Mapping[str, str] = field(default_factory=dict)
    profile: Mapping[str, Any] = field(repr=False, compare=False, default_factory=dict)

    def group(self, key: str) -> Group:
        if key not in self.groups:
            raise KeyError(f"no group {key!r}; the village has {', '.join(self.groups)}")
        return self.groups[key]

    def members(self, group: str | None = None) -> list[Member]:
        groups = [self.group(group)] if group else list(self.groups.values())
        return [m for g in groups for m in g.members]

    def groups_of_kind(self, kind: str) -> list[Group]:
        return [g for g in self.groups.values() if g.kind == kind]

    def livestock_group(self) -> Group | None:  # the first ``ternak`` group, if any
        return next(iter(self.groups_of_kind(LIVESTOCK)), None)

    def production_group(self) -> Group | None:  # the first group that makes goods, if any
        return next((g for g in self.groups.values() if g.kind != LIVESTOCK), None)

    def group_of_product(self, product: str) -> Group:
        return next(g for g in self.groups.values() if any(p.key == product for p in g.products))

    def production(self, key: str | None = None) -> Group:
        """Group ``key``, or by default the production group; LookupError when it has none."""
        found = self.group(key) if key else self.production_group()
        if found is None:
            raise LookupError(f"village {self.key!r} has no group that makes goods")
        return found

    def kinds(self, seasons: bool = False) -> list[str]:
        """The group kinds the profile declares, in order, once each; with ``seasons``, each
        group's extra season codes too (``kurban``: the calendar's Idul Adha)."""
        return list(dict.fromkeys(k for g in self.groups.values()
                                  for k in (g.kind, *(g.seasons if seasons else ()))))

    def member(self, member_id: str) -> Member:
        for m in self.members():
            if m.id == member_id:
                return m
        raise KeyError(f"no member {member_id!r}")

    def file(self, key: str) -> Path | None:
        """The data file the profile names under ``files.<key>`` (None when it names none)."""
        name = self.files.get(key)
        return self.folder / name if name else None


def load_village(name: str | None = None, root: Path | None = None) -> Village:
    """The village in ``<root>/<name>/`` (default: ``$USAHA_KITA_VILLAGE``, else jepara).

    Loaded once per process; :func:`clear_cache` forces a re-read after the files change.
    """
    name = name or settings.village()
    return _load_cached(name, Path(root).resolve() if root else DATASETS_DIR)


def clear_cache() -> None:
    _load_cached.cache_clear()


def _words() -> Mapping[str, str]:
    from widgets.core.words import village_words

    return village_words()


i18n.provide_village_words(_words)


T = TypeVar("T")


class per_village(Generic[T]):  # noqa: N801 (used as a decorator, named like one)
    """A topic's loader run once per loaded village: ``load(village)`` for the village given,
    else the kit's village. A village read anew (after :func:`clear_cache`) is loaded anew;
    ``cache_clear()`` forgets every result."""

    def __init__(self, load: Callable[[Village], T]) -> None:
        self.load = load
        self.results: dict[tuple[str, str], tuple[Village, T]] = {}
        functools.update_wrapper(self, load)

    def __call__(self, village: Village | None = None) -> T:
        village = village or load_village()
        key = (str(village.folder), village.key)
        found = self.results.get(key)
        if found is None or found[0] is not village:
            found = self.results[key] = (village, self.load(village))
        return found[1]

    def cache_clear(self) -> None:
        self.results.clear()


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
    return Village(
        key=key,
        name=top.text("village"),
        district=top.text("district"),
        regency=top.text("regency"),
        province=top.text("province"),
        desmigratif_since=top.integer("desmigratif_since", minimum=2016),
        citation=" ".join(source.text("citation").split()),
        groups=groups,
        folder=folder,
        files={str(k): str(v) for k, v in files.items() if v},
        profile=profile,
    )


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
                                p.flag("invented"), p.text("word", default=""),
                                p.text("short_name", default=""), p.text("benefit", default="")))
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
        kind=cells.slug("kind"),
        activity=cells.text("activity", default=""),
        started=cells.text("started", default=""),
        products=tuple(products),
        members=tuple(members),
        reported={k: reported.integer(str(k), minimum=0) for k in reported_raw},
        cashbook_file=cashbook,
        opening_date=cells.date("opening_date") if cashbook else None,
        opening_balance=cells.amount("opening_balance", minimum=0) if cashbook else 0,
        example_month=_month(cells, "example_month") if raw.get("example_month") else None,
        short_name=cells.text("short_name", default=""),
        animal=cells.text("animal", default=""),
        sale_season=cells.text("sale_season", default=""),
        materials=cells.text("materials", default=""),
        duty=cells.text("duty", default=""),
        seasons=tuple(map(str, need_list(PROFILE, raw["seasons"], f"{path}.seasons")))
        if raw.get("seasons") else (),
    )


def _month(cells: Cells, column: str) -> tuple[int, int]:
    """A ``YYYY-MM`` value (YAML may read an unquoted one as text or as a date)."""
    value = cells.raw(column)
    if isinstance(value, dt.date):
        return value.year, value.month
    found = re.fullmatch(r"([0-9]{4})-([0-9]{2})", str(value))
    if not found or not 1 <= int(found[2]) <= 12:
        raise cells.error(column, "not_month", value)
    return int(found[1]), int(found[2])
