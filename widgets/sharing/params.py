"""The parameters the profit-sharing methods take, each declared once with its default, and the
words every method uses (units, bases, what is set aside). Plain Python, no ipywidgets.

A :class:`Param` is one parameter as a rule saves it (``Rule.params``, JSON values, percentages
as text such as ``"12.5"`` so they stay exact) and as the calculator's form asks for it: its
kind, label and hint (catalog keys), the example the form starts with, how typed text reads and
how a saved value is shown, and its line in the printed record. A parameter several methods
share (the work unit, the basis, the investor's name) is one object here, so the form shows one
field for it. :mod:`widgets.sharing.methods` says which method takes which.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah, parse_rupiah
from widgets.sharing.cash import CASH_UNITS
from widgets.sharing.split import (
    BASES,
    WORK_UNITS,
    SharingError,
    parse_work,
    percent_text,
    percent_value,
)

# A member's contribution columns, in the order the calculator's rows hold them.
COLUMNS = ("work", "capital", "transactions", "savings")
RUPIAH_COLUMNS = ("capital", "transactions", "savings")
KINDS = ("percent", "rupiah", "whole", "name", "choice", "unit", "cash", "flag", "bylaws")


# --- Words every method uses -----------------------------------------------------------------


def unit_label(unit: str) -> str:
    return t(f"sharing.unit_{unit}")


def basis_label(basis: str, unit: str = "hari") -> str:
    if basis == "work":
        return t("sharing.basis_work", unit=unit_label(unit))
    return t(f"sharing.basis_{basis}")


def cash_label(unit: int) -> str:
    """``500`` -> ``Rp500``; ``1`` -> *Tidak dibulatkan*."""
    return t("sharing.cash_none") if unit == 1 else format_rupiah(unit)


def set_aside_label(code: str, params: Mapping[str, Any] | None = None) -> str:
    """``kas`` -> *Kas kelompok*, ``investor`` -> *Bagian investor (name)*, SHU funds…"""
    if code == "investor":
        return t("sharing.aside_investor", name=(params or {}).get("investor", ""))
    return t(f"sharing.aside_{code}")


# --- Parameters ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Param:
    """One parameter of a method, as a rule saves it and as the calculator's form asks for it.

    ``default`` is what a saved rule without it means (a JSON value: percentages as text such
    as ``"12.5"``); ``start`` is the form's first value when it differs (an example); a name
    starts with the text of the catalog key ``example``. ``field`` names the form's input
    (default: ``key``), ``record`` the catalog key of its line in the printed record, and
    ``needs`` a member column without which the field is hidden (the work unit)."""

    key: str
    kind: str
    default: Any
    label: str = ""
    hint: str = ""
    start: Any = None
    example: str = ""
    field: str = ""
    choices: tuple[Any, ...] = ()
    record: str = ""
    needs: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown parameter kind {self.kind!r}")

    @property
    def field_key(self) -> str:
        return self.field or self.key

    def value(self, params: Mapping[str, Any]) -> Any:
        return params.get(self.key, self.default)

    def read(self, text: Any) -> Any:
        """Typed text -> the value a rule saves. ``SharingError`` or ``AmountError`` (plain
        words) when it does not read. (The SHU's bylaws are read one percentage at a time.)"""
        if self.kind == "percent":
            return read_percent(text)
        if self.kind == "rupiah":
            return parse_rupiah(text) if str(text).strip() else 0
        if self.kind == "whole":
            number = parse_work(text)
            if number.denominator != 1:
                raise SharingError("kids_bad")
            return int(number)
        if self.kind == "name":
            return " ".join(str(text).split())
        if self.kind == "flag":
            return bool(text)
        if self.kind == "cash":
            return cash_unit_value(text)
        return text

    def text(self, value: Any) -> Any:
        """A saved value as the form shows it: ``"12.5"`` -> ``12,5``, 1500000 -> ``1.500.000``."""
        if self.kind == "percent":
            return percent_text(percent_value(value))
        if self.kind == "rupiah":
            return format_rupiah(int(value)).removeprefix("Rp")
        if self.kind == "whole":
            return str(int(value))
        if self.kind == "cash":
            return cash_unit_value(value)
        if self.kind == "name":
            return str(value)
        if self.kind == "flag":
            return bool(value)
        if self.kind == "bylaws":
            return {key: percent_text(percent_value(v)) for key, v in value.items()}
        return value

    def start_text(self) -> Any:
        """What the calculator's form starts with."""
        if self.example:
            return t(self.example)
        return self.text(self.default if self.start is None else self.start)

    def placeholder(self) -> str:
        if self.kind == "rupiah":
            return "Rp"
        if self.kind in ("percent", "whole"):
            return str(self.text(self.default))
        return ""

    def record_lines(self, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """Its lines in the printed record: (label, value)."""
        value = self.value(params)
        if self.kind == "bylaws":
            return [(set_aside_label(key), f"{percent_text(percent_value(v))}%")
                    for key, v in value.items()]
        if not self.record:
            return []
        if self.kind == "percent":
            return [(t(self.record), f"{percent_text(percent_value(value))}%")]
        if self.kind == "rupiah":
            return [(t(self.record), format_rupiah(int(value)))]
        return [(t(self.record), str(value))]


def read_percent(text: str) -> str:
    """A typed percentage as a rule saves it: ``12,5`` -> ``"12.5"``."""
    return percent_text(percent_value(text), ".")


def percent_of(params: Mapping[str, Any], param: Param) -> Fraction:
    return percent_value(param.value(params))


UNIT = Param("unit", "unit", "hari", "lesson3.field_unit", choices=WORK_UNITS, needs="work")
BASIS = Param("basis", "choice", "equal", "lesson3.field_basis", choices=BASES)
MIX_BASIS = Param("basis", "choice", "work", "lesson3.field_mix_basis",
                  choices=("work", "capital"), field="mix_basis")
# The group fund's share, set aside before anything is shared: the one place it is written.
FUND = Param("fund_percent", "percent", "20", "lesson3.field_fund", "lesson3.hint_percent",
             field="fund", record="record.param_fund")
EQUAL_PART = Param("equal_percent", "percent", "50", "lesson3.field_equal_part",
                   "lesson3.hint_percent", field="equal_part", record="record.param_equal_part")
BYLAWS = Param("bylaws", "bylaws", {}, start={
    "cadangan": "30", "jua": "25", "jma": "20", "pengurus": "5", "karyawan": "5",
    "pendidikan": "5", "sosial": "5", "pembangunan": "5"})
OWNER = Param("owner", "name", "", "lesson3.field_owner", example="lesson3.default_owner",
              record="record.param_owner")
KEEPER = Param("keeper", "name", "", "lesson3.field_keeper", example="lesson3.default_keeper",
               record="record.param_keeper")
BUY = Param("buy_price", "rupiah", 0, "lesson3.field_buy", start=1_500_000, field="buy",
            record="record.param_buy")
KIDS = Param("kids", "whole", 0, "lesson3.field_kids", start=5)
FIRST_KIDS = Param("first_to_keeper", "whole", 1, "lesson3.field_first_kids",
                   field="first_kids")
KEEPER_PART = Param("keeper_percent", "percent", "50", "lesson3.field_keeper_part",
                    "lesson3.hint_percent", field="keeper_part")
KID_PRICE = Param("kid_price", "rupiah", 0, "lesson3.field_kid_price",
                  "lesson3.hint_kid_price", start=700_000)
NEGLIGENCE = Param("negligence", "flag", False, "lesson3.field_negligence")
INVESTOR = Param("investor", "name", "", "lesson3.field_investor",
                 example="lesson3.default_investor", record="record.param_investor")
INVESTOR_PART = Param("investor_percent", "percent", "40", "lesson3.field_investor_part",
                      "lesson3.hint_percent", field="investor_part",
                      record="record.param_investor_part")
# Every share rounded down to this many rupiah, the remainder to the group fund: a parameter of
# every method (``methods.SHARED``), applied after the method's own split.
# (The record says it in the rule's sentence, ``sharing.describe_cash``: no line of its own.)
CASH_UNIT = Param("cash_unit", "cash", 1, "lesson3.field_cash_unit", "lesson3.hint_cash_unit",
                  choices=CASH_UNITS)
PIECE_RATE = Param("piece_rate", "rupiah", 0, "lesson3.field_piece_rate",
                   "lesson3.hint_piece_rate", start=3_000, record="record.param_rate")


def unit_of(params: Mapping[str, Any]) -> str:
    unit = UNIT.value(params)
    if unit not in WORK_UNITS:
        raise ValueError(f"unknown work unit {unit!r}")
    return unit


def cash_unit_value(value: Any) -> int:
    """A cash unit as saved or chosen (``500``, ``"500"``); ``ValueError`` for any other."""
    try:
        unit = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"unknown cash unit {value!r}") from None
    if isinstance(value, bool | float) or unit not in CASH_UNITS:
        raise ValueError(f"unknown cash unit {value!r}")
    return unit


def cash_unit_of(params: Mapping[str, Any]) -> int:
    return cash_unit_value(CASH_UNIT.value(params))


def basis_of(params: Mapping[str, Any], param: Param = BASIS) -> str:
    basis = param.value(params)
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    return basis


def mix_parts(params: Mapping[str, Any]) -> dict[str, Fraction]:
    """A mix's parts: ``{"equal": 50, "work": 50}``."""
    equal = percent_of(params, EQUAL_PART)
    basis = basis_of(params, MIX_BASIS)
    if basis == "equal":
        return {"equal": Fraction(100)}
    return {"equal": equal, basis: 100 - equal}
