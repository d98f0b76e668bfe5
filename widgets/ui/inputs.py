"""Typed inputs for the calculators: a text field per number, read through the kit's parsers,
with every problem shown under its own field at once (never a traceback on the page)."""

from __future__ import annotations

from fractions import Fraction

import ipywidgets as w

from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.numbers import (
    BASIS,
    NumberError,
    format_percent,
    format_quantity,
    parse_count,
    parse_percent,
    parse_quantity,
)
from widgets.core.theme import HEADING, ROW_ALT, RULE, TABLE_HEAD, TEXT_SOFT
from widgets.ui.common import Field

_TABLE_STYLE = (
    "<style>.uk-price{width:100%;border-collapse:collapse;font-size:15px;display:table!important}"
    f".uk-price th,.uk-price td{{padding:6px 4px;border-bottom:1px solid {RULE};"
    f"vertical-align:top;text-align:left!important}}.uk-price tr:nth-child(even){{"
    f"background:{ROW_ALT}}}"
    f".uk-price th{{background:{TABLE_HEAD};white-space:normal}}.uk-price td:first-child{{"
    "overflow-wrap:normal;word-break:normal}.uk-price td.num{text-align:right!important;"
    "white-space:nowrap}.uk-price th.num{text-align:right!important}"
    f".uk-price small{{color:{TEXT_SOFT}}}.uk-price .total td{{font-weight:700;"
    f"border-top:2px solid {HEADING}}}</style>"
)


def table_style() -> str:
    return _TABLE_STYLE


def text_field(label: str, value: str = "", css: str = "", hint: str = "",
               placeholder: str = "", width: str | None = None) -> Field:
    """A labelled text box; ``width`` (e.g. ``"32%"``) puts several on one line."""
    field = Field(label, w.Text(value=value, placeholder=placeholder), hint, css=css)
    if width:
        field.layout.width = width
        field.layout.min_width = "72px"
        field.layout.padding = "0 6px 0 0"
        field.layout.box_sizing = "border-box"
    return field


def row(*fields: w.Widget) -> w.HBox:
    """Fields side by side that wrap onto the next line on a narrow phone."""
    return w.HBox(list(fields), layout=w.Layout(flex_flow="row wrap", width="100%",
                                                 max_width="520px"))


def rupiah_text(amount: int | None) -> str:
    return "" if amount is None else format_rupiah(amount)


def percent_text(points: int) -> str:
    return format_percent(points).removesuffix("%")


def quantity_text(value: Fraction) -> str:
    return format_quantity(value)


def typed_amount(field: Field) -> int | None:
    """The rupiah typed in ``field`` (``None`` when blank); a reading problem shows under the
    field and is raised as ``AmountError``, so an exercise checks nothing half-read."""
    field.clear()
    if not field.control.value.strip():
        return None
    try:
        return parse_rupiah(field.control.value)
    except AmountError as exc:
        field.error(str(exc))
        raise


class Reader:
    """Reads fields one by one; a field that cannot be read shows why and sets ``ok`` False.
    The caller reads every field, then acts only if ``ok`` (all messages appear together)."""

    def __init__(self) -> None:
        self.ok = True

    def _fail(self, field: Field, message: str) -> None:
        field.error(message)
        self.ok = False

    def amount(self, field: Field, optional: bool = False) -> int | None:
        field.clear()
        if optional and not field.control.value.strip():
            return None
        try:
            return parse_rupiah(field.control.value)
        except AmountError as exc:
            self._fail(field, str(exc))
            return None

    def count(self, field: Field, minimum: int = 1) -> int:
        field.clear()
        try:
            return parse_count(field.control.value, minimum)
        except NumberError as exc:
            self._fail(field, str(exc))
            return minimum

    def percent(self, field: Field, maximum: int = BASIS) -> int:
        field.clear()
        try:
            return parse_percent(field.control.value, maximum)
        except NumberError as exc:
            self._fail(field, str(exc))
            return 0

    def quantity(self, field: Field) -> Fraction:
        field.clear()
        try:
            return parse_quantity(field.control.value)
        except NumberError as exc:
            self._fail(field, str(exc))
            return Fraction(1)

    def fail(self, field: Field, message: str) -> None:
        """A problem found after reading (e.g. a value that does not fit another)."""
        self._fail(field, message)
