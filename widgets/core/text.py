"""Free text as a participant types it: the one place that strips invisible direction controls
and tells which writing systems a name mixes.

Plain Python, no ipywidgets. Views call :func:`clean_text` on every text they read from a
widget, and the store calls it again at its boundary, so a right-to-left override pasted into a
post or a name is never saved or echoed back (it would show the line reversed).
"""

from __future__ import annotations

import datetime as dt
import unicodedata

from widgets.core.i18n import format_date, t
from widgets.core.numbers import format_count

LINE_LIMIT = 500  # one line of a form: a name, a title, a hook
BLOCK_LIMIT = 5000  # a text box: minutes, a description, an agreement's terms
FIRST_DAY = dt.date(2000, 1, 1)  # no entry of a village group's business is older

# Bidirectional embedding, override and isolate controls, and the direction marks (LRM, RLM,
# ALM): invisible characters that change how the text around them is drawn.
BIDI_CONTROLS = frozenset(
    [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
    + ["\u200e", "\u200f", "\u061c"])
_STRIP = str.maketrans(dict.fromkeys(BIDI_CONTROLS))


def clean_text(text: str) -> str:
    """``text`` without bidirectional control characters; anything else is left as typed."""
    if not isinstance(text, str):
        raise TypeError(f"clean_text expects str, got {type(text).__name__}")
    return text.translate(_STRIP)


def script_of(char: str) -> str | None:
    """The writing system of a letter (``LATIN``, ``CYRILLIC``, ``GREEK``, ``ARABIC``…), from
    the first word of its Unicode name; ``None`` for digits, spaces and punctuation, which every
    script shares."""
    if not char.isalpha():
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def scripts_in(text: str) -> set[str]:
    """Every writing system whose letters appear in ``text``."""
    return {script for script in map(script_of, text) if script is not None}


def mixes_scripts(text: str) -> bool:
    """True when ``text`` mixes letters of two writing systems: ``Sіti`` with a Cyrillic ``і``
    looks like ``Siti`` but is another name."""
    return len(scripts_in(text)) > 1


class TextTooLong(ValueError):
    """Text over its limit; ``str(e)`` is the participant's message."""

    def __init__(self, length: int, limit: int) -> None:
        self.length, self.limit = length, limit
        super().__init__(t("typed_text.too_long", length=format_count(length),
                           max=format_count(limit)))


def check_length(text: str, limit: int) -> str:
    """``text`` if it has at most ``limit`` characters, else :class:`TextTooLong`."""
    if len(text) > limit:
        raise TextTooLong(len(text), limit)
    return text


class DateOutOfRange(ValueError):
    """A date outside :func:`date_range`; ``str(e)`` is the participant's message."""

    @classmethod
    def between(cls, day: dt.date, today: dt.date) -> DateOutOfRange:
        first, last = date_range(today)
        return cls(t("typed_text.date_range", date=format_date(day), first=format_date(first),
                     last=format_date(last)))


def required_text(value: object, field: str, limit: int, errors: dict[str, str],
                  empty_key: str, long_key: str) -> str:
    """A one-line name a form needs: spaces tidied; when it is empty or longer than ``limit``,
    the catalog's message (``empty_key``; ``long_key`` with ``length`` and ``max``) goes into
    ``errors[field]``. Returns the tidied text either way."""
    text = " ".join(value.split()) if isinstance(value, str) else ""
    if not text:
        errors[field] = t(empty_key)
    elif len(text) > limit:
        errors[field] = t(long_key, length=len(text), max=limit)
    return text


def date_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The dates a participant may enter: from 2000 to one year after ``today`` (a bon due
    next year, a planned sale), never year 0001 or 9999."""
    try:
        last = today.replace(year=today.year + 1)
    except ValueError:  # 29 February
        last = today.replace(year=today.year + 1, day=28)
    return FIRST_DAY, last


def in_range(day: dt.date, today: dt.date) -> bool:
    first, last = date_range(today)
    return first <= day <= last


def check_date(day: dt.date, today: dt.date) -> dt.date:
    """``day`` if it lies in :func:`date_range`, else :class:`DateOutOfRange`."""
    if not in_range(day, today):
        raise DateOutOfRange.between(day, today)
    return day


def refusal(value: object, limit: int = LINE_LIMIT) -> str | None:
    """Why a form value may not be saved, or None: a text over ``limit`` characters, or a date
    outside :func:`date_range` (what ``ui.common.Field`` and a list's rows check)."""
    try:
        if isinstance(value, str):
            check_length(value, limit)
        elif isinstance(value, dt.date):
            check_date(value, dt.date.today())
    except (TextTooLong, DateOutOfRange) as exc:
        return str(exc)
    return None
