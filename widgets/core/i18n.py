"""Message catalogs for every participant-facing string (Indonesian first, English alongside).

One catalog per package plus one shared, in ``widgets/locale/<catalog>.yaml`` (``shared``,
``cashbook``, ``pricing``, ``sharing``, ``promotion``, ``group``, ``training``, ``kit``). A catalog
maps sections to keys, and each key to its two texts::

    money:
      empty:
        id: "Jumlah belum diisi."
        en: "The amount is empty."

The full key is ``<section>.<key>`` (``money.empty``); a section name is unique across the
catalogs, so a key does not say which file holds it. Texts may hold ``{name}`` fields that ``t()``
fills in. A test fails when a key lacks either language.

A lesson parses only the catalogs it shows: the first ``t()`` finds each section's file by
scanning the files' unindented ``name:`` lines (no YAML parsing), then a catalog is parsed on
first use. A new topic's texts are one new file; nothing here lists the files.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from pathlib import Path

from babel.dates import format_date as _babel_format_date

from widgets.core import settings, yamlfile

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_BABEL_LOCALE = {"id": "id_ID", "en": "en_GB"}
LOCALE_DIR = Path(__file__).resolve().parents[1] / "locale"

_current = settings.language()
if _current not in LANGUAGES:
    _current = DEFAULT_LANGUAGE


class CatalogError(ValueError):
    """A catalog file is malformed (a developer error, never shown to participants)."""


# A section starts an unindented ``name:`` line with nothing after the colon.
_SECTION_LINE = re.compile(r"^([A-Za-z0-9_]+):[ \t]*(?:#.*)?$", re.MULTILINE)


@functools.cache
def sections(directory: Path = LOCALE_DIR) -> dict[str, Path]:
    """Which catalog file holds each section, from a scan of the files' top-level lines."""
    found: dict[str, Path] = {}
    for path in sorted(directory.glob("*.yaml")):
        for name in _SECTION_LINE.findall(path.read_text(encoding="utf-8")):
            if name in found:
                raise CatalogError(
                    f"section {name!r} is in both {found[name].name} and {path.name}")
            found[name] = path
    return found


@functools.cache
def load_catalog(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """One catalog file, ``section`` -> ``key`` -> {language: text}, checked against the scan."""
    data = yamlfile.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: the top level must map sections to keys")
    scanned = {name for name, where in sections(path.parent).items() if where == path}
    if set(map(str, data)) != scanned:
        raise CatalogError(f"{path.name}: write each section as an unindented 'name:' line")
    catalog: dict[str, dict[str, dict[str, str]]] = {}
    for name, keys in data.items():
        if not isinstance(keys, dict):
            raise CatalogError(f"{path.name}: section {name} must map keys to texts")
        catalog[str(name)] = {}
        for key, texts in keys.items():
            if not isinstance(texts, dict):
                raise CatalogError(f"{path.name}: {name}.{key} must map languages to texts")
            catalog[str(name)][str(key)] = {str(k): str(v) for k, v in texts.items()}
    return catalog


def section(name: str, directory: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """The keys of one section, ``key`` -> {language: text}. Parses only the file that holds
    it, once."""
    path = sections(directory).get(name)
    if path is None:
        raise KeyError(name)
    return load_catalog(path)[name]


def catalog(directory: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """All messages, keyed ``section.key`` -> {language: text}."""
    return {
        f"{name}.{key}": texts
        for name in sections(directory)
        for key, texts in section(name, directory).items()
    }


def set_language(lang: str) -> None:
    """Switch the language for this process (one kernel = one participant)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {LANGUAGES}")
    _current = lang


def language() -> str:
    return _current


# The village's words (``{item}``: "keset"; ``{village}``: "Jepara"...), which any catalog text
# may use without its caller passing them: set by ``widgets.core.village`` (the kit's village).
VILLAGE_WORDS = ("item", "Item", "item_name", "Item_name", "item_full", "village", "district",
                 "province", "animal", "Animal", "season", "duty", "Duty", "materials",
                 "Material", "ITEM", "keeper", "benefit", "work", "Work", "work_count", "unit",
                 "close_up", "item_short", "Item_short", "count_unit")
_village_words: Callable[[], Mapping[str, str]] | None = None
# Another village's words for a while (a printout of a village the kit does not serve).
_words_for_now: ContextVar[Mapping[str, str] | None] = ContextVar("village_words", default=None)


def provide_village_words(words: Callable[[], Mapping[str, str]]) -> None:
    global _village_words
    _village_words = words


@contextlib.contextmanager
def village_words_of(words: Mapping[str, str]) -> Iterator[None]:
    """Inside the block, texts take their village words from ``words`` (``words.village_words(
    village)``), not from the village the kit serves; per thread and task, undone on leaving."""
    token = _words_for_now.set(words)
    try:
        yield
    finally:
        _words_for_now.reset(token)


def _kit_words() -> Callable[[], Mapping[str, str]] | None:
    """The kit's village words. ``widgets.core.village`` provides them when it is imported, so
    a page whose code never imported it (the home page lists lessons by their catalog texts
    only) imports it here, instead of showing "{item}" for "keset"."""
    if _village_words is None:
        import widgets.core.village  # noqa: F401, PLC0415 (provides the words on import)
    return _village_words


def _has_words() -> bool:
    return _words_for_now.get() is not None or _kit_words() is not None


def _words() -> Mapping[str, str]:
    """The village words in force: another village's for a while, else the kit's village's."""
    now = _words_for_now.get()
    return now if now is not None else _kit_words()()  # type: ignore[misc]


class _Fields(dict):
    """The caller's fields, then the village's words for a field it did not pass."""

    def __missing__(self, key: str) -> str:
        if key in VILLAGE_WORDS and _has_words():
            try:
                return _words()[key]
            except Exception:  # noqa: BLE001 (a village that does not load: keep the field)
                return "{" + key + "}"
        raise KeyError(key)


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), fields filled in;
    a village word (:data:`VILLAGE_WORDS`) the caller did not pass comes from the village."""
    name, _, short = key.partition(".")
    try:
        texts = section(name)[short]
    except KeyError:
        raise KeyError(key) from None
    text = texts.get(lang or _current) or texts[DEFAULT_LANGUAGE]
    if params:
        return text.format_map(_Fields(params))
    return fill_village_words(text)


def fill_village_words(text: str) -> str:
    """``text`` with its village words filled in; a text with other fields (its caller fills
    them in later) or none comes back as it is."""
    if _has_words() and "{" in text:
        try:
            return text.format_map(_Fields())
        except (KeyError, IndexError, ValueError):
            return text
    return text


Local = Mapping[str, str]
"""A data file's text in each language it gives, ``{id: ..., en: ...}``: the one form every
topic keeps such texts in (``datafile.Cells.texts`` reads it, ``local`` picks the language)."""


def local(texts: Local, lang: str | None = None) -> str:
    """The text of a data file's ``{id: ..., en: ...}`` in ``lang`` (default: the current
    language), Indonesian when it has none."""
    return fill_village_words(texts.get(lang or language()) or texts[DEFAULT_LANGUAGE])


class KeyedError(ValueError):
    """Input the kit refuses, told in a catalog sentence. ``str(e)`` is the participant's
    message, ``<section>.<key>`` in the current language; ``key`` and ``params`` let tests and
    views tell refusals apart without matching text. Each subclass names its ``section``."""

    section = ""

    def __init__(self, key: str, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(t(f"{self.section}.{key}", **params))


def format_date(day: _dt.date, lang: str | None = None) -> str:
    """A date the PUEBI way: ``14 Desember 2019`` (``14 December 2019`` in English)."""
    return _babel_format_date(day, format="long", locale=_BABEL_LOCALE[lang or _current])


def format_month_range(first: _dt.date, last: _dt.date, lang: str | None = None) -> str:
    """Two months as a span: ``Juni–Desember 2019`` (the year once when both share it),
    ``Desember 2018–Januari 2019`` otherwise, ``Agustus 2019`` for one month."""
    if (first.year, first.month) == (last.year, last.month):
        return format_month(last.year, last.month, lang)
    end = format_month(last.year, last.month, lang)
    if first.year == last.year:
        start = _babel_format_date(first, format="LLLL", locale=_BABEL_LOCALE[lang or _current])
    else:
        start = format_month(first.year, first.month, lang)
    return f"{start}–{end}"


def format_month(year: int, month: int, lang: str | None = None, short: bool = False) -> str:
    """A month and year: ``Desember 2019``, or ``Des 2019`` where space is short."""
    return _babel_format_date(
        _dt.date(year, month, 1), format="LLL y" if short else "LLLL y",
        locale=_BABEL_LOCALE[lang or _current],
    )
