"""The record of a distribution (*berita acara pembagian hasil*): its lines, set-asides and
signers, built from a split or from a saved distribution, with each member's contribution and the
rule's parameters as text. Plain Python, no ipywidgets. Printing it (HTML for A4, Excel) lives in
``sharing.record_print``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_count
from widgets.sharing.balance import Balance
from widgets.sharing.cash import ROUNDING
from widgets.sharing.methods import METHODS
from widgets.sharing.rules import Rule, describe, method_label, set_aside_label, unit_label
from widgets.sharing.split import Contribution, Distribution


@dataclass(frozen=True)
class Line:
    """One member's row: name, share (negative for a part of a loss), what it was based on,
    and, when the share was rounded down to cash, the share as calculated (``exact``)."""

    name: str
    amount: int
    basis: str = ""
    exact: int | None = None


@dataclass(frozen=True)
class DistributionRecord(Balance):
    group: str
    place: str
    day: dt.date
    method: str
    rule_text: str
    parameters: list[tuple[str, str]]
    total: int
    lines: list[Line]
    set_aside: list[tuple[str, int]]
    signers: list[tuple[str, str]] = field(default_factory=list)  # (role, name)
    village: str = ""
    note: str = ""
    cash_unit: int = 1  # every share rounded down to this; the remainder is set aside
    remainder: int = 0

    @property
    def rounded(self) -> bool:
        return self.cash_unit > 1

    @property
    def exact_shared(self) -> int:
        """The shares as calculated, before rounding to cash."""
        return sum(line.amount if line.exact is None else line.exact for line in self.lines)

    @property
    def shared(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def kept(self) -> int:
        return sum(amount for _, amount in self.set_aside)


# --- Building a record ----------------------------------------------------------------------


def _number(value: object) -> str:
    """``1500`` -> ``1.500``; ``Fraction(3, 2)`` -> ``1,5`` (work may be typed in halves)."""
    number = Fraction(value)  # type: ignore[arg-type]
    whole = int(number)
    text = format_count(whole)
    rest = number - whole
    if rest:
        text += "," + f"{float(rest):.2f}"[2:].rstrip("0")
    return text


def contribution_text(method: str, params: Mapping[str, Any], member: Contribution) -> str:
    """What a member's share was based on, in words: ``14 hari kerja``, ``Rp100.000``…"""
    spec = METHODS[method]
    columns = spec.member_columns(params)
    if "transactions" in columns:
        return t("record.basis_shu", transactions=format_rupiah(member.transactions),
                 savings=format_rupiah(member.savings))
    if "work" in columns:
        return f"{_number(member.work)} {unit_label(spec.work_unit(params))}"
    if "capital" in columns:
        return format_rupiah(member.capital)
    return ""


def parameters(rule: Rule, result: Distribution) -> list[tuple[str, str]]:
    """The method's parameters as (label, value) lines for the record, as they were applied."""
    return METHODS[rule.method].record_lines({**rule.params, **result.params})


def make_record(result: Distribution, rule: Rule, *, group: str, day: dt.date, place: str,
                members: Sequence[Contribution] = (), signers: Sequence[tuple[str, str]] = (),
                village: str = "", note: str = "") -> DistributionRecord:
    by_name = {m.name: m for m in members}
    lines = [Line(name, amount, contribution_text(rule.method, rule.params, by_name[name])
                  if name in by_name else "", result.exact.get(name))
             for name, amount in result.shares.items()]
    aside = [(set_aside_label(code, {**result.params, **rule.params}), amount)
             for code, amount in result.set_aside.items()]
    return DistributionRecord(group, place, day, method_label(rule.method), describe(rule),
                              parameters(rule, result), result.total, lines, aside,
                              list(signers), village, note, result.cash_unit,
                              result.set_aside.get(ROUNDING, 0))


def saved_params(rec: DistributionRecord, rule: Rule, set_aside_codes: Sequence[str]
                 ) -> dict[str, Any]:
    """What the store keeps beside the amounts, so the record can be printed again later
    exactly as it was signed (texts in the language it was made in)."""
    return {"rule": dict(rule.params), "rule_text": rec.rule_text,
            "parameters": [list(p) for p in rec.parameters],
            "basis": {line.name: line.basis for line in rec.lines if line.basis},
            "aside_labels": {code: label for code, (label, _amount)
                             in zip(set_aside_codes, rec.set_aside, strict=True)},
            "cash_unit": rec.cash_unit,
            "exact": {line.name: line.exact for line in rec.lines if line.exact is not None}}


def record_from_saved(saved: Any, signers: Sequence[tuple[str, str]] = (), village: str = ""
                      ) -> DistributionRecord:
    """The record of a :class:`widgets.sharing.db.SavedDistribution`."""
    params = saved.params
    basis, exact = params.get("basis", {}), params.get("exact", {})
    labels = params.get("aside_labels", {})
    return DistributionRecord(
        saved.group_name, saved.place, saved.day, method_label(saved.method),
        params.get("rule_text", ""), [(str(a), str(b)) for a, b in params.get("parameters", [])],
        saved.total, [Line(name, amount, basis.get(name, ""), exact.get(name))
                      for name, amount in saved.shares],
        [(labels.get(code, code), amount) for code, amount in saved.set_aside],
        list(signers), village, saved.note, int(params.get("cash_unit", 1)),
        dict(saved.set_aside).get(ROUNDING, 0))
