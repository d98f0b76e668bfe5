"""Message catalogs for every participant-facing string (Indonesian first, English alongside).

Catalogs live in ``widgets/locale/<domain>.yaml``. Each file maps a key to its two texts::

    empty:
      id: "Jumlah belum diisi."
      en: "The amount is empty."

The full key is ``<domain>.<key>`` (``money.empty``). Texts may hold ``{name}`` fields that
``t()`` fills in. A test fails when a key lacks either language.
"""

from __future__ import annotations

import datetime as _dt
import functools
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


@functools.cache
def domain(name: str) -> dict[str, dict[str, str]]:
    """One catalog file, keyed ``key`` -> {language: text}. Read on first use, so a lesson
    loads only the catalogs it shows."""
    path = LOCALE_DIR / f"{name}.yaml"
    data = yamlfile.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise CatalogError(f"{path.name}: the top level must be a mapping")
    messages = {}
    for key, texts in data.items():
        if not isinstance(texts, dict):
            raise CatalogError(f"{path.name}: {key} must map languages to texts")
        messages[str(key)] = {str(k): str(v) for k, v in texts.items()}
    return messages


def catalog() -> dict[str, dict[str, str]]:
    """All messages, keyed ``domain.key`` -> {language: text}."""
    return {
        f"{path.stem}.{key}": texts
        for path in sorted(LOCALE_DIR.glob("*.yaml"))
        for key, texts in domain(path.stem).items()
    }


def set_language(lang: str) -> None:
    """Switch the language for this process (one kernel = one participant)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {LANGUAGES}")
    _current = lang


def language() -> str:
    return _current


def t(key: str, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in ``lang`` (default: the current language), fields filled in."""
    name, _, short = key.partition(".")
    try:
        texts = domain(name)[short]
    except (FileNotFoundError, KeyError):
        raise KeyError(key) from None
    text = texts.get(lang or _current) or texts[DEFAULT_LANGUAGE]
    return text.format(**params) if params else text


def format_date(day: _dt.date, lang: str | None = None) -> str:
    """A date the PUEBI way: ``14 Desember 2019`` (``14 December 2019`` in English)."""
    return _babel_format_date(day, format="long", locale=_BABEL_LOCALE[lang or _current])


def format_month(year: int, month: int, lang: str | None = None, short: bool = False) -> str:
    """A month and year: ``Desember 2019``, or ``Des 2019`` where space is short."""
    return _babel_format_date(
        _dt.date(year, month, 1), format="LLL y" if short else "LLLL y",
        locale=_BABEL_LOCALE[lang or _current],
    )
