"""Amounts of money: read what participants type, write amounts the PUEBI way.

Plain Python, no ipywidgets. Amounts are whole rupiah (``int``). ``parse_rupiah`` accepts the
everyday forms people write (``Rp 1.500.000``, ``150rb``, ``1,5 jt``) and refuses, with a
question rather than a guess, anything that could be read two ways (``12.5``, ``1M``).
Every refusal is an ``AmountError`` whose text comes from the ``money`` section of
``widgets/locale/shared.yaml``.
"""

from __future__ import annotations

import re

from babel.numbers import format_currency

from widgets.core.i18n import KeyedError
from widgets.core.numbers import format_count, squeeze

MAX_AMOUNT = 10**12  # one trillion rupiah: far above any village business, below any overflow

# Units people write after a number. "M" is left out on purpose: to many it means juta, to
# Babel and the dictionary it means miliar, so we ask instead of guessing.
UNITS: dict[str, int] = {"rb": 10**3, "ribu": 10**3, "k": 10**3, "jt": 10**6, "juta": 10**6}
_M_UNITS = frozenset({"m", "miliar", "milyar", "mlr"})
_MINUS = ("-", "\u2212")  # ASCII hyphen and the Unicode minus sign phones sometimes insert
_ECHO_LIMIT = 30  # keep echoed input short so a pasted paragraph cannot flood the message

# ASCII digits only: str.isdigit() would also pass "²" or Arabic-Indic digits.
_RP = re.compile(r"rp\.?\s*", re.ASCII)
_SCIENTIFIC = re.compile(r"[0-9.,]*[0-9]e[+-]?[0-9]+", re.ASCII)
_AMOUNT = re.compile(r"(?P<num>[0-9.,]+?)(?P<dash>,--?)?\s*(?P<unit>[a-z]+)?", re.ASCII)


class AmountError(KeyedError):
    """A typed amount we cannot accept. ``str(e)`` is the message for the participant;
    ``key`` is the catalog key (``money.<key>``) so tests and views need not match text."""

    section = "money"


def parse_rupiah(text: str) -> int:
    """The whole-rupiah amount in ``text`` (``"Rp 1,5 jt"`` -> 1500000), else AmountError."""
    cleaned = squeeze(text, AmountError)
    echo = cleaned[:_ECHO_LIMIT]
    negative, body = _split_sign(cleaned.lower())
    amount = _parse_body(body, echo)
    if negative and amount:
        # Checked after the body parses, so "-abc" is reported as "not a number"; "-0" is
        # nothing at all, not a negative amount.
        raise AmountError("negative")
    return amount


def _split_sign(text: str) -> tuple[bool, str]:
    """Remove a minus or accounting parentheses and the ``Rp``/``Rp.`` prefix.

    The sign may stand before or after the prefix (``-Rp25.000``, ``Rp-25.000``)."""
    negative = False
    if len(text) >= 2 and text[0] == "(" and text[-1] == ")":
        negative, text = True, text[1:-1].strip()
    if text.startswith(_MINUS):
        negative, text = True, text[1:].lstrip()
    prefix = _RP.match(text)
    if prefix:
        text = text[prefix.end() :]
    if not negative and text.startswith(_MINUS):
        negative, text = True, text[1:].lstrip()
    return negative, text


def _parse_body(body: str, echo: str) -> int:
    """The amount in ``body`` (sign and ``Rp`` already removed)."""
    if _SCIENTIFIC.fullmatch(body):
        raise AmountError("scientific", text=echo)
    match = _AMOUNT.fullmatch(body)
    if not match or not any(char.isdigit() for char in match["num"]):  # ".", ",-"
        raise AmountError("not_a_number", text=echo)
    num, dash, unit = match.group("num", "dash", "unit")
    if unit in _M_UNITS:
        raise AmountError("ambiguous_m", text=echo)
    if unit is not None and (unit not in UNITS or dash):
        raise AmountError("not_a_number", text=echo)
    if unit is None:
        whole, frac = _split_plain(num, bool(dash), echo)
        return _to_int(whole, frac, 1)
    whole, frac = _split_with_unit(num)
    return _to_int(whole, frac, UNITS[unit])


def _split_plain(num: str, dash: bool, echo: str) -> tuple[str, str]:
    """Digits of a number without a unit: ``.`` groups thousands, ``,`` only before zeros."""
    whole, comma, frac = num.partition(",")
    if dash and comma:
        raise AmountError("bad_grouping")  # "25.000,00,-": one way of writing zero cents only
    if whole.count(".") == 1 and not comma:
        head, tail = whole.split(".")
        if 1 <= len(tail) <= 2 and tail.strip("0") and head:
            # "12.5": English decimal point or a mistyped "12.500"? Ask.
            raise _ambiguous(head, tail, echo)
    if comma and frac.strip("0") and frac.isdigit():
        if "." not in whole and whole.strip("0") and len(whole) <= 3 and len(frac) <= 3:
            # "12,5" or "12,500": cents, or thousands the English way? Ask.
            raise _ambiguous(whole, frac, echo)
        raise AmountError("not_whole")
    if comma and not (frac.isdigit() and frac.strip("0") == ""):
        raise AmountError("bad_grouping")  # "1,500,000", "25.000,"
    return _ungroup(whole), ""


def _split_with_unit(num: str) -> tuple[str, str]:
    """Digits of a number before a unit: a lone ``.`` or ``,`` is a decimal mark (``1.5jt``),
    except a ``.`` before exactly three digits, which groups thousands (``1.500 rb``)."""
    whole, comma, frac = num.partition(",")
    if whole.count(".") == 1 and not comma and len(whole.split(".")[1]) != 3:
        whole, _, frac = whole.partition(".")
        comma = "."
    if comma and not frac.isdigit():
        raise AmountError("bad_grouping")  # "1,5,0 jt", "1,5.0 jt", "1, jt"
    return _ungroup(whole), frac


def _ungroup(whole: str) -> str:
    """``1.500.000`` -> ``1500000``; groups after the first must be exactly three digits."""
    head, *rest = whole.split(".")
    if not head or (rest and len(head) > 3) or any(len(group) != 3 for group in rest):
        raise AmountError("bad_grouping")
    return head + "".join(rest)


def _to_int(whole: str, frac: str, unit: int) -> int:
    """``whole,frac`` times ``unit``, in exact integer arithmetic (no float rounding)."""
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    # Length checks first: int() refuses strings over 4300 digits, and they are out of range.
    if len(whole) > len(str(MAX_AMOUNT)):
        raise AmountError("too_large")
    if len(frac) > len(str(unit)) - 1:
        raise AmountError("not_whole")  # finer than one rupiah, e.g. "1,2345 rb"
    scale = 10 ** len(frac)
    numerator = int(whole + frac) * unit
    if numerator > MAX_AMOUNT * scale:
        raise AmountError("too_large")
    if numerator % scale:
        raise AmountError("not_whole")
    return numerator // scale


def _ambiguous(head: str, tail: str, echo: str) -> AmountError:
    """The "did you mean" error, suggesting the thousands reading both ways it can be typed."""
    amount = int(head) * 1000 + int(tail.ljust(3, "0"))
    short = f"{head},{tail.rstrip('0')} rb"  # "1,500" -> "1,5 rb", not "1,500 rb"
    return AmountError("ambiguous_decimal", text=echo, full=format_count(amount), short=short)


def _require_int(amount: object) -> None:
    # bool is an int subclass, but True is never an amount; floats would hide cents.
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"amount must be int rupiah, got {type(amount).__name__}")


def format_rupiah(amount: int) -> str:
    """``Rp1.500.000``, ``Rp0``, ``-Rp25.000``: the PUEBI form, via Babel."""
    _require_int(amount)
    # CLDR gives IDR two decimal digits (only *cash* digits are 0), so the id_ID default
    # pattern prints "Rp1.500.000,00". Force a whole-number pattern instead.
    text = format_currency(amount, "IDR", format="¤#,##0", locale="id_ID", currency_digits=False)
    return text.replace("\xa0", "")  # PUEBI: no space after Rp, should a CLDR update add one


# Display units for chart labels, largest first. Words, not "M", for the same reason as above.
_SHORT_UNITS = ((10**12, "triliun"), (10**9, "miliar"), (10**6, "jt"), (10**3, "rb"))


def format_rupiah_short(amount: int) -> str:
    """A rounded label for charts: ``Rp1,5 jt``, ``Rp150 rb``, ``Rp999``. Not for records."""
    _require_int(amount)
    sign = "-" if amount < 0 else ""
    size = abs(amount)
    for index, (unit, word) in enumerate(_SHORT_UNITS):
        if size < unit:
            continue
        tenths = (size * 10 + unit // 2) // unit  # round half up to one decimal
        if tenths >= 10_000 and index > 0:
            unit, word = _SHORT_UNITS[index - 1]  # 999.950 rb rounds to 1.000 rb: say 1 jt
            tenths = (size * 10 + unit // 2) // unit
        whole, tenth = divmod(tenths, 10)
        decimal = f",{tenth}" if tenth else ""
        return f"{sign}Rp{format_count(whole)}{decimal} {word}"
    return f"{sign}Rp{size}"
