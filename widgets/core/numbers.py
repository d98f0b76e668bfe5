"""Numbers that are not rupiah: quantities (``0,5`` kg), counts (``30`` keset), percentages
(``4,25%``), and the one rounding rule the pricing lesson uses.

Plain Python, no ipywidgets. Percentages are held as whole *basis points* (hundredths of a
percent: ``4,25%`` -> 425), so fees and margins stay exact integer arithmetic; quantities are
``Fraction`` so ``0,5 kg × Rp5.000`` is exactly Rp2.500. Every refusal is a ``NumberError``
whose text comes from the ``numbers`` section of ``widgets/locale/shared.yaml``.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

from widgets.core.i18n import KeyedError

BASIS = 10_000  # basis points in 100%
MAX_COUNT = 1_000_000  # far above a village month's output, low enough to catch a stuck key
_ECHO_LIMIT = 30
_DECIMAL = re.compile(r"(?P<whole>[0-9]+)(?:[.,](?P<frac>[0-9]+))?", re.ASCII)


class NumberError(KeyedError):
    """A typed number we cannot accept; ``str(e)`` is the message, ``key`` its catalog key."""

    section = "numbers"


def round_half_up(value: Fraction | int) -> int:
    """The nearest whole number, halves going up (``8026,5`` -> ``8027``). The kit's one rule
    for turning an exact share into whole rupiah."""
    return math.floor(Fraction(value) + Fraction(1, 2))


def squeeze(text: object, error: type[KeyedError] = NumberError) -> str:
    """What a participant typed, each run of spaces made one and the ends trimmed (phones and
    spreadsheets paste non-breaking spaces; ``\\s`` covers them in str patterns); ``error("empty")``
    when nothing is left. The first step of every parser of typed numbers, rupiah included."""
    if not isinstance(text, str):
        raise TypeError(f"expected str, got {type(text).__name__}")
    cleaned = re.sub(r"\s+", " ", text).strip()
    if not cleaned:
        raise error("empty")
    return cleaned


def _decimal(text: str, echo: str, max_decimals: int) -> Fraction:
    """``2``, ``0,5`` or ``0.5`` (one decimal mark; no thousands grouping) as a Fraction.
    ``-0`` is zero, not a negative number: the caller says what it says for ``0``."""
    negative = text.startswith(("-", "\u2212"))
    if negative:
        text = text[1:].lstrip()
    match = _DECIMAL.fullmatch(text)
    if not match:
        raise NumberError("not_a_number", text=echo)
    whole, frac = match["whole"], (match["frac"] or "").rstrip("0")
    if len(whole) > 12:
        raise NumberError("too_large")
    if len(frac) > max_decimals:
        raise NumberError("too_many_decimals", text=echo, decimals=max_decimals)
    value = Fraction(int(whole + frac), 10 ** len(frac))
    if negative and value:
        raise NumberError("negative")
    return value


def parse_quantity(text: str) -> Fraction:
    """A quantity of material, above zero, up to three decimals: ``2``, ``0,5``, ``1.25``."""
    cleaned = squeeze(text)
    value = _decimal(cleaned, cleaned[:_ECHO_LIMIT], 3)
    if value <= 0:
        raise NumberError("not_positive")
    return value


def parse_count(text: str, minimum: int = 1) -> int:
    """A whole count (``30`` keset, ``12`` bulan) of at least ``minimum``."""
    cleaned = squeeze(text)
    echo = cleaned[:_ECHO_LIMIT]
    value = _decimal(cleaned, echo, 0) if "," not in cleaned and "." not in cleaned else None
    if value is None:
        raise NumberError("not_whole_count", text=echo)
    count = int(value)
    if count < minimum:
        raise NumberError("count_too_small", minimum=minimum)
    if count > MAX_COUNT:
        raise NumberError("too_large")
    return count


def parse_percent(text: str, maximum: int = BASIS) -> int:
    """A percentage in basis points: ``20`` / ``20%`` -> 2000, ``4,25 %`` -> 425, ``0,5`` -> 50.

    The kit's one percent parser (fees, margins, commissions, the group fund). At most two
    decimals, with a comma or a dot; ``maximum`` (basis points) caps it: 100% unless a fee must
    stay below it or a margin may go above it."""
    if isinstance(text, str) and not text.strip():
        raise NumberError("percent_empty")
    cleaned = squeeze(text)
    echo = cleaned[:_ECHO_LIMIT]
    body = cleaned.removesuffix("%").strip()
    try:
        value = _decimal(body, echo, 2) * 100
    except NumberError as exc:
        if exc.key != "not_a_number":
            raise
        raise NumberError("not_a_percent", text=echo) from None
    points = int(value)  # exact: at most two decimals
    if points > maximum:
        raise NumberError("percent_too_large", maximum=format_percent(maximum))
    return points


def format_percent(points: int) -> str:
    """Basis points the Indonesian way: 425 -> ``4,25%``, 2000 -> ``20%``, 50 -> ``0,5%``."""
    whole, frac = divmod(abs(points), 100)
    decimals = f",{frac:02d}".rstrip("0") if frac else ""
    return f"{'-' if points < 0 else ''}{whole}{decimals}%"


def format_ratio(value: Fraction) -> str:
    """A ratio as a percentage with one decimal, rounded half up: 1/9 -> ``11,1%``."""
    tenths = round_half_up(Fraction(value) * 1000)
    whole, tenth = divmod(abs(tenths), 10)
    return f"{'-' if tenths < 0 else ''}{whole}{f',{tenth}' if tenth else ''}%"


def format_count(count: int) -> str:
    """A whole number with Indonesian thousands dots (PUEBI): ``1030`` -> ``1.030``, ``-50`` ->
    ``-50``; a count of animals or pieces, never money (that is ``format_rupiah``)."""
    return f"{count:,}".replace(",", ".")


def format_quantity(value: Fraction) -> str:
    """``Fraction(1, 2)`` -> ``0,5``; ``Fraction(2)`` -> ``2`` (up to three decimals)."""
    thousandths = round_half_up(Fraction(value) * 1000)
    whole, frac = divmod(thousandths, 1000)
    return f"{whole}" + (f",{frac:03d}".rstrip("0") if frac else "")


def share(amount: int, points: int) -> int:
    """``points`` basis points of ``amount`` rupiah, rounded half up: 20% of Rp15.000 = Rp3.000."""
    return round_half_up(Fraction(amount * points, BASIS))
