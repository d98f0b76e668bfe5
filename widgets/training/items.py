"""The evaluation form a facilitator adapts per village: ``datasets/<village>/evaluasi.yaml``.

Test items (multiple choice, rupiah amounts, whole counts) are the same before and after the
training; confidence statements (1-5) are asked both times; the satisfaction form has 1-4 items
and open questions. Loaded with the checked readers of ``widgets.core.datafile``, so a mistake
in the file names the item and key. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.core.datafile import Cells, DataError, need_list, need_mapping, read_yaml
from widgets.core.i18n import Local, local
from widgets.core.village import load_village

FILE = "evaluasi.yaml"
KINDS = ("choice", "amount", "count")
MIN_ITEMS, MAX_ITEMS = 10, 15
CONFIDENCE_SCALE = (1, 2, 3, 4, 5)
SATISFACTION_SCALE = (1, 2, 3, 4)


@dataclass(frozen=True)
class Option:
    key: str
    texts: Local

    def text(self, lang: str | None = None) -> str:
        return local(self.texts, lang)


@dataclass(frozen=True)
class Item:
    """One test item; ``answer`` is an option key (choice) or a whole number."""

    key: str
    lesson: str
    kind: str
    question: Local
    options: tuple[Option, ...]
    answer: str | int
    explain: Local

    def text(self, lang: str | None = None) -> str:
        return local(self.question, lang)

    def explanation(self, lang: str | None = None) -> str:
        return local(self.explain, lang)

    def option(self, key: str) -> Option | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class Statement:
    """A statement rated on a scale (confidence 1-5, satisfaction 1-4) or an open question."""

    key: str
    texts: Local

    def text(self, lang: str | None = None) -> str:
        return local(self.texts, lang)


@dataclass(frozen=True)
class EvaluationForm:
    items: tuple[Item, ...]
    confidence: tuple[Statement, ...]
    satisfaction: tuple[Statement, ...]
    open_questions: tuple[Statement, ...]

    def item(self, key: str) -> Item:
        return next(i for i in self.items if i.key == key)


def _item(number: int, raw: Any, seen: set[str]) -> Item:
    cells = Cells(FILE, number, need_mapping(FILE, raw, f"items[{number}]"), item=True)
    key = cells.slug("key")
    if key in seen:
        raise cells.error("key", "duplicate_key", key)
    seen.add(key)
    kind = cells.choice("kind", KINDS)
    options: tuple[Option, ...] = ()
    if kind == "choice":
        option_cells = [Cells(FILE, number, need_mapping(FILE, o, "options"), "options.", True)
                        for o in need_list(FILE, cells.raw("options"), "options")]
        options = tuple(Option(c.text("key"), c.own_texts())
                        for c in option_cells)
        answer: str | int = cells.choice("answer", [o.key for o in options])
    else:
        answer = cells.integer("answer", minimum=0 if kind == "count" else 1)
    return Item(key, cells.slug("lesson"), kind, cells.texts("question"), options, answer,
                cells.texts("explain"))


def _statements(data: dict[str, Any], section: str, required: bool = True
                ) -> tuple[Statement, ...]:
    raw = data.get(section)
    if raw is None and not required:
        return ()
    found, seen = [], set()
    for number, entry in enumerate(need_list(FILE, raw, section), start=1):
        cells = Cells(FILE, number, need_mapping(FILE, entry, section), section + ".", True)
        key = cells.slug("key")
        if key in seen:
            raise cells.error("key", "duplicate_key", key)
        seen.add(key)
        found.append(Statement(key, {"id": cells.text("id"), "en": cells.text("en", "")}))
    return tuple(found)


def parse_form(data: dict[str, Any]) -> EvaluationForm:
    raw_items = need_list(FILE, data.get("items"), "items")
    if not MIN_ITEMS <= len(raw_items) <= MAX_ITEMS:
        raise DataError(FILE, "item_count", column="items", value=len(raw_items),
                        minimum=MIN_ITEMS, maximum=MAX_ITEMS)
    seen: set[str] = set()
    items = tuple(_item(n, raw, seen) for n, raw in enumerate(raw_items, start=1))
    return EvaluationForm(items, _statements(data, "confidence"),
                          _statements(data, "satisfaction"),
                          _statements(data, "open_questions", required=False))


def load_form(folder: Path | None = None) -> EvaluationForm:
    """The form of the kit's village (``$USAHA_KITA_VILLAGE``), or of ``folder``."""
    return _load(folder or load_village().folder)


@functools.lru_cache(maxsize=4)
def _load(folder: Path) -> EvaluationForm:
    return parse_form(read_yaml(folder / FILE))
