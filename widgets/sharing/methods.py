"""The profit-sharing methods, each described once. Plain Python, no ipywidgets.

A :class:`Method` holds everything the kit knows about one way of sharing: its name and help
text (catalog keys), its parameters with their defaults (:class:`Param`), the member columns it
reads, the sentence that says a rule in words, and the function that applies it. The
calculator's form, ``rules.calculate`` and ``rules.describe``, the printed record and the FGD
comparison all read :data:`METHODS`.

Adding a method: write its function (in ``split``, ``shu`` or ``partnership``), add one
``Method`` entry at the end of this module, and its texts to the catalogs. A parameter two
methods share (the work unit, the basis, the investor's name) is one ``Param`` used by both, so
the form shows one field for it and keeps its value when the method changes.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah, parse_rupiah
from widgets.sharing import partnership, shu
from widgets.sharing.split import (
    BASES,
    WORK_UNITS,
    Contribution,
    Distribution,
    SharingError,
    equal_split,
    parse_percent,
    parse_work,
    percent_text,
    percent_value,
    split_by_capital,
    split_by_work,
    split_mixed,
    split_with_fund,
)

# A member's contribution columns, in the order the calculator's rows hold them.
COLUMNS = ("work", "capital", "transactions", "savings")
RUPIAH_COLUMNS = ("capital", "transactions", "savings")
KINDS = ("percent", "rupiah", "whole", "name", "choice", "unit", "flag", "bylaws")


# --- Words every method uses -----------------------------------------------------------------


def unit_label(unit: str) -> str:
    return t(f"sharing.unit_{unit}")


def basis_label(basis: str, unit: str = "hari") -> str:
    if basis == "work":
        return t("sharing.basis_work", unit=unit_label(unit))
    return t(f"sharing.basis_{basis}")


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
    choices: tuple[str, ...] = ()
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
        return text

    def text(self, value: Any) -> Any:
        """A saved value as the form shows it: ``"12.5"`` -> ``12,5``, 1500000 -> ``1.500.000``."""
        if self.kind == "percent":
            return percent_text(percent_value(value))
        if self.kind == "rupiah":
            return format_rupiah(int(value)).removeprefix("Rp")
        if self.kind == "whole":
            return str(int(value))
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
    return percent_text(parse_percent(text), ".")


def _percent(params: Mapping[str, Any], param: Param) -> Fraction:
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
PIECE_RATE = Param("piece_rate", "rupiah", 0, "lesson3.field_piece_rate",
                   "lesson3.hint_piece_rate", start=3_000, record="record.param_rate")


def _unit(params: Mapping[str, Any]) -> str:
    unit = UNIT.value(params)
    if unit not in WORK_UNITS:
        raise ValueError(f"unknown work unit {unit!r}")
    return unit


def _basis(params: Mapping[str, Any], param: Param = BASIS) -> str:
    basis = param.value(params)
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    return basis


def mix_parts(params: Mapping[str, Any]) -> dict[str, Fraction]:
    """A mix's parts: ``{"equal": 50, "work": 50}``."""
    equal = _percent(params, EQUAL_PART)
    basis = _basis(params, MIX_BASIS)
    if basis == "equal":
        return {"equal": Fraction(100)}
    return {"equal": equal, basis: 100 - equal}


# --- Methods ---------------------------------------------------------------------------------

Params = Mapping[str, Any]
Apply = Callable[[Params, int, Sequence[Contribution]], Distribution]
Note = Callable[[Params, Distribution, Sequence[Contribution], Mapping[str, str]], str]


@dataclass(frozen=True)
class Method:
    """One way of sharing. ``apply(params, total, members)`` makes the split; ``words(params)``
    fills the ``sentence`` (and the comparison's column title ``compare``, if it is compared).
    Members' columns: the fixed ``columns``, or the one ``basis`` names (none for equal).
    ``members=False``: two named sides share, no member list. ``unit``: a fixed work unit.
    ``extras``: fields shown for the ``note`` under the result, never saved in the rule."""

    key: str
    label: str
    help: str
    sentence: str
    apply: Apply
    words: Callable[[Params], dict[str, object]] = lambda _params: {}
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    basis: Param | None = None
    members: bool = True
    unit: str = ""
    total_label: str = "lesson3.field_total"
    compare: str = ""
    extras: tuple[Param, ...] = ()
    note: Note | None = None
    record_extra: Callable[[Params], list[tuple[str, str]]] | None = None

    def member_columns(self, params: Params) -> tuple[str, ...]:
        """The contribution columns the method reads, for the given (partial) parameters."""
        if self.basis is not None:
            basis = self.basis.value(params)
            return () if basis == "equal" else (basis,)
        return self.columns

    def work_unit(self, params: Params) -> str:
        return self.unit or UNIT.value(params)

    def fields(self, params: Params) -> list[Param]:
        """The parameters the form shows for these (partial) parameters, extras included."""
        columns = self.member_columns(params)
        return [p for p in (*self.params, *self.extras) if not p.needs or p.needs in columns]

    def record_lines(self, params: Params) -> list[tuple[str, str]]:
        lines = [line for p in self.params for line in p.record_lines(params)]
        return lines + (self.record_extra(params) if self.record_extra else [])


def _fund(p: Params, total: int, members: Sequence[Contribution]) -> Distribution:
    return split_with_fund(total, members, _percent(p, FUND), {_basis(p): Fraction(100)},
                           _unit(p))


def _fund_words(p: Params) -> dict[str, object]:
    return {"percent": percent_text(_percent(p, FUND)), "basis": basis_label(_basis(p), _unit(p))}


def _mix_words(p: Params) -> dict[str, object]:
    equal = mix_parts(p).get("equal", Fraction(0))
    return {"equal": percent_text(equal), "rest": percent_text(100 - equal),
            "basis": basis_label(_basis(p, MIX_BASIS), _unit(p)), "unit": unit_label(_unit(p))}


def _shu_words(p: Params) -> dict[str, object]:
    bylaws = BYLAWS.value(p)
    return {key: percent_text(percent_value(bylaws.get(key, "0"))) for key in ("jua", "jma")}


def _gaduh(p: Params, total: int, _members: Sequence[Contribution]) -> Distribution:
    return partnership.gaduh(
        OWNER.value(p), KEEPER.value(p), total, int(BUY.value(p)), int(KIDS.value(p)),
        int(KID_PRICE.value(p)), int(FIRST_KIDS.value(p)), _percent(p, KEEPER_PART),
        bool(NEGLIGENCE.value(p)))


def _gaduh_words(p: Params) -> dict[str, object]:
    keeper = _percent(p, KEEPER_PART)
    return {"owner": OWNER.value(p), "keeper": KEEPER.value(p),
            "first": int(FIRST_KIDS.value(p)), "keeper_percent": percent_text(keeper),
            "owner_percent": percent_text(100 - keeper)}


def _gaduh_note(_p: Params, result: Distribution, _members: Sequence[Contribution],
                _extras: Mapping[str, str]) -> str:
    r = result.params
    return t("lesson3.kids_result", kids=r["kids"], keeper=r["keeper"], owner=r["owner"],
             kids_keeper=r["kids_keeper"], kids_owner=r["kids_owner"], sold=r["kids_sold"])


def _gaduh_record(r: Params) -> list[tuple[str, str]]:
    return [(t("record.param_kids"), t("record.kids_split", kids=r["kids"],
                                       keeper=r["kids_keeper"], owner=r["kids_owner"],
                                       sold=r["kids_sold"]))]


def _investor(p: Params, total: int, members: Sequence[Contribution]) -> Distribution:
    return partnership.investor_share(total, members, INVESTOR.value(p),
                                      _percent(p, INVESTOR_PART), _basis(p), _unit(p))


def _investor_words(p: Params) -> dict[str, object]:
    percent = _percent(p, INVESTOR_PART)
    return {"investor": INVESTOR.value(p), "percent": percent_text(percent),
            "group": percent_text(100 - percent), "basis": basis_label(_basis(p), _unit(p))}


def _investor_note(p: Params, result: Distribution, members: Sequence[Contribution],
                   extras: Mapping[str, str]) -> str:
    """The same profit paid as a piece rate instead (when a rate is typed)."""
    typed = extras.get(PIECE_RATE.key, "")
    if not typed.strip():
        return ""
    try:
        rate = parse_rupiah(typed)
        other = partnership.maklon(result.total, [Contribution(m.name, work=int(m.work))
                                                  for m in members], INVESTOR.value(p), rate)
    except (TypeError, ValueError):  # AmountError and SharingError are ValueErrors
        return t("lesson3.maklon_needs_pieces")
    return t("lesson3.maklon_compare", rate=format_rupiah(rate), pieces=other.params["pieces"],
             group=format_rupiah(other.shared),
             investor=format_rupiah(other.set_aside["investor"]),
             group_ratio=format_rupiah(result.shared))


_ENTRIES = (
    Method("equal", "sharing.method_equal", "lesson3.help_equal", "sharing.describe_equal",
           lambda p, total, members: equal_split(total, members)),
    Method("work", "sharing.method_work", "lesson3.help_work", "sharing.describe_work",
           lambda p, total, members: split_by_work(total, members, _unit(p)),
           lambda p: {"unit": unit_label(_unit(p))}, (UNIT,), columns=("work",),
           compare="lesson3.compare_work"),
    Method("capital", "sharing.method_capital", "lesson3.help_capital",
           "sharing.describe_capital", lambda p, total, members: split_by_capital(total, members),
           columns=("capital",), compare="lesson3.compare_capital"),
    Method("fund", "sharing.method_fund", "lesson3.help_fund", "sharing.describe_fund", _fund,
           _fund_words, (FUND, BASIS, UNIT), basis=BASIS, compare="lesson3.compare_fund"),
    Method("mix", "sharing.method_mix", "lesson3.help_mix", "sharing.describe_mix",
           lambda p, total, members: split_mixed(total, members, mix_parts(p), _unit(p)),
           _mix_words, (EQUAL_PART, MIX_BASIS, UNIT), basis=MIX_BASIS,
           compare="lesson3.compare_mix"),
    Method("shu", "sharing.method_shu", "lesson3.help_shu", "sharing.describe_shu",
           lambda p, total, members: shu.shu_distribution(total, BYLAWS.value(p), members),
           _shu_words, (BYLAWS,), columns=("transactions", "savings"),
           total_label="lesson3.total_label_shu"),
    Method("gaduh", "sharing.method_gaduh", "lesson3.help_gaduh", "sharing.describe_gaduh",
           _gaduh, _gaduh_words, (OWNER, KEEPER, BUY, KIDS, FIRST_KIDS, KEEPER_PART, KID_PRICE,
                                  NEGLIGENCE), members=False,
           total_label="lesson3.total_label_gaduh", note=_gaduh_note,
           record_extra=_gaduh_record),
    Method("investor", "sharing.method_investor", "lesson3.help_investor",
           "sharing.describe_investor", _investor, _investor_words,
           (INVESTOR, INVESTOR_PART, BASIS, UNIT), basis=BASIS,
           total_label="lesson3.total_label_investor", extras=(PIECE_RATE,),
           note=_investor_note),
    Method("maklon", "sharing.method_maklon", "lesson3.help_maklon", "sharing.describe_maklon",
           lambda p, total, members: partnership.maklon(total, members, INVESTOR.value(p),
                                                        int(PIECE_RATE.value(p))),
           lambda p: {"investor": INVESTOR.value(p),
                      "rate": format_rupiah(int(PIECE_RATE.value(p)))},
           (INVESTOR, PIECE_RATE), columns=("work",), unit="potong",
           total_label="lesson3.total_label_maklon"),
)
METHODS: dict[str, Method] = {method.key: method for method in _ENTRIES}
# Methods whose shares go to the group's members, compared side by side in the FGD.
COMPARED = tuple(method for method in _ENTRIES if method.compare)


def form_params() -> list[Param]:
    """Every parameter the calculator's form asks for, one per field, in the methods' order."""
    seen: dict[str, Param] = {}
    for method in _ENTRIES:
        for param in (*method.params, *method.extras):
            seen.setdefault(param.field_key, param)
    return list(seen.values())
