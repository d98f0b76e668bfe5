"""The profit-sharing methods, each described once. Plain Python, no ipywidgets.

A :class:`Method` holds everything the kit knows about one way of sharing: its name and help
text (catalog keys), its parameters with their defaults (:mod:`widgets.sharing.params`), the
member columns it reads, the sentence that says a rule in words, and the function that applies
it. The calculator's form, ``rules.calculate`` and ``rules.describe``, the printed record and
the FGD comparison all read :data:`METHODS`. Every method also takes the parameters in
:data:`SHARED` (the cash unit every share is rounded down to, :mod:`widgets.sharing.cash`),
applied by :meth:`Method.split` after the method's own function.

Adding a method: write its function (in ``split``, ``shu`` or ``partnership``), add one
``Method`` entry to ``_ENTRIES`` below (new parameters go in ``params``), and its texts to the
catalogs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah, parse_rupiah
from widgets.sharing import partnership, shu
from widgets.sharing.cash import cash_rounded
from widgets.sharing.params import (
    BASIS,
    BUY,
    BYLAWS,
    CASH_UNIT,
    EQUAL_PART,
    FIRST_KIDS,
    FUND,
    INVESTOR,
    INVESTOR_PART,
    KEEPER,
    KEEPER_PART,
    KID_PRICE,
    KIDS,
    MIX_BASIS,
    NEGLIGENCE,
    OWNER,
    PIECE_RATE,
    UNIT,
    Param,
    basis_label,
    basis_of,
    cash_unit_of,
    mix_parts,
    percent_of,
    unit_label,
    unit_of,
)
from widgets.sharing.split import (
    Contribution,
    Distribution,
    equal_split,
    percent_text,
    percent_value,
    split_by_capital,
    split_by_work,
    split_mixed,
    split_with_fund,
)

Params = Mapping[str, Any]
Apply = Callable[[Params, int, Sequence[Contribution]], Distribution]
Note = Callable[[Params, Distribution, Sequence[Contribution], Mapping[str, str]], str]
# Parameters every method takes after its own: how its shares are paid out.
SHARED: tuple[Param, ...] = (CASH_UNIT,)


@dataclass(frozen=True)
class Method:
    """One way of sharing. ``apply(params, total, members)`` makes the split; ``words(params)``
    fills the ``sentence`` (and the comparison's column title ``compare``, if it is compared).
    Members' columns: the fixed ``columns``, or the one ``basis`` names (none for equal).
    ``members=False``: two named sides share, no member list. ``unit``: a fixed work unit.
    ``extras``: fields shown for the ``note`` under the result, never saved in the rule.
    ``params`` are the method's own; :attr:`settings` adds those every method takes."""

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

    @property
    def settings(self) -> tuple[Param, ...]:
        """Every parameter a rule of this method saves: its own, then :data:`SHARED`."""
        return (*self.params, *SHARED)

    def split(self, params: Params, total: int, members: Sequence[Contribution]
              ) -> Distribution:
        """The method's split, then every share rounded down to the group's cash unit."""
        return cash_rounded(self.apply(params, total, members), cash_unit_of(params))

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
        return [p for p in (*self.params, *self.extras, *SHARED)
                if not p.needs or p.needs in columns]

    def record_lines(self, params: Params) -> list[tuple[str, str]]:
        lines = [line for p in self.settings for line in p.record_lines(params)]
        return lines + (self.record_extra(params) if self.record_extra else [])


def _fund(p: Params, total: int, members: Sequence[Contribution]) -> Distribution:
    return split_with_fund(total, members, percent_of(p, FUND), {basis_of(p): Fraction(100)},
                           unit_of(p))


def _fund_words(p: Params) -> dict[str, object]:
    return {"percent": percent_text(percent_of(p, FUND)),
            "basis": basis_label(basis_of(p), unit_of(p))}


def _mix_words(p: Params) -> dict[str, object]:
    equal = mix_parts(p).get("equal", Fraction(0))
    return {"equal": percent_text(equal), "rest": percent_text(100 - equal),
            "basis": basis_label(basis_of(p, MIX_BASIS), unit_of(p)),
            "unit": unit_label(unit_of(p))}


def _shu_words(p: Params) -> dict[str, object]:
    bylaws = BYLAWS.value(p)
    return {key: percent_text(percent_value(bylaws.get(key, "0"))) for key in ("jua", "jma")}


def _gaduh(p: Params, total: int, _members: Sequence[Contribution]) -> Distribution:
    return partnership.gaduh(
        OWNER.value(p), KEEPER.value(p), total, int(BUY.value(p)), int(KIDS.value(p)),
        int(KID_PRICE.value(p)), int(FIRST_KIDS.value(p)), percent_of(p, KEEPER_PART),
        bool(NEGLIGENCE.value(p)))


def _gaduh_words(p: Params) -> dict[str, object]:
    keeper = percent_of(p, KEEPER_PART)
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
                                      percent_of(p, INVESTOR_PART), basis_of(p), unit_of(p))


def _investor_words(p: Params) -> dict[str, object]:
    percent = percent_of(p, INVESTOR_PART)
    return {"investor": INVESTOR.value(p), "percent": percent_text(percent),
            "group": percent_text(100 - percent), "basis": basis_label(basis_of(p), unit_of(p))}


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
           lambda p, total, members: split_by_work(total, members, unit_of(p)),
           lambda p: {"unit": unit_label(unit_of(p))}, (UNIT,), columns=("work",),
           compare="lesson3.compare_work"),
    Method("capital", "sharing.method_capital", "lesson3.help_capital",
           "sharing.describe_capital", lambda p, total, members: split_by_capital(total, members),
           columns=("capital",), compare="lesson3.compare_capital"),
    Method("fund", "sharing.method_fund", "lesson3.help_fund", "sharing.describe_fund", _fund,
           _fund_words, (FUND, BASIS, UNIT), basis=BASIS, compare="lesson3.compare_fund"),
    Method("mix", "sharing.method_mix", "lesson3.help_mix", "sharing.describe_mix",
           lambda p, total, members: split_mixed(total, members, mix_parts(p), unit_of(p)),
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


def compared() -> list[Method]:
    """The methods whose shares go to the group's members, compared side by side in the FGD."""
    return [method for method in METHODS.values() if method.compare]


def form_params() -> list[Param]:
    """Every parameter the calculator's form asks for, one per field, in the methods' order,
    those every method takes last."""
    seen: dict[str, Param] = {}
    for method in METHODS.values():
        for param in (*method.params, *method.extras):
            seen.setdefault(param.field_key, param)
    return [*seen.values(), *SHARED]
