"""Sharing a group's profit: several methods side by side per member, each against the equal
split of the same total among the same members; the compared methods' rules from the
percentages typed once. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.sharing.cash import cash_rounded
from widgets.sharing.methods import compared
from widgets.sharing.params import CASH_UNIT, Param
from widgets.sharing.rules import Rule, calculate
from widgets.sharing.split import (
    Contribution,
    Distribution,
    SharingError,
    equal_split,
    percent_text,
    percent_value,
)


@dataclass(frozen=True)
class ComparisonRow:
    name: str
    shares: dict[str, int]  # method label -> share
    differences: dict[str, int]  # method label -> share minus the equal split


@dataclass(frozen=True)
class Comparison:
    total: int
    baseline: Distribution
    distributions: dict[str, Distribution]
    rows: list[ComparisonRow]

    def gainers(self, label: str) -> list[ComparisonRow]:
        return [r for r in self.rows if r.differences[label] > 0]

    def losers(self, label: str) -> list[ComparisonRow]:
        return [r for r in self.rows if r.differences[label] < 0]


def compare(total: int, members: Sequence[Contribution],
            methods: Mapping[str, Distribution], cash_unit: int = 1) -> Comparison:
    """Every chosen method side by side per member, each with its difference from the equal
    split of the same total among the same members (rounded down to the same cash unit)."""
    baseline = cash_rounded(equal_split(total, members), cash_unit)
    for label, result in methods.items():
        if result.total != total or list(result.shares) != list(baseline.shares):
            raise ValueError(f"{label!r} shares another total or other members")
    rows = [
        ComparisonRow(
            name,
            {label: d.shares[name] for label, d in methods.items()},
            {label: d.shares[name] - baseline.shares[name] for label, d in methods.items()},
        )
        for name in baseline.shares
    ]
    return Comparison(total, baseline, dict(methods), rows)


def compared_percents() -> list[Param]:
    """The percentages the compared methods ask for (the group fund, the equal part)."""
    return [p for m in compared() for p in m.params if p.kind == "percent"]


def compared_rules(percents: Mapping[str, Fraction], unit: str, cash_unit: int = 1,
                   picked: Collection[str] | None = None) -> dict[str, Rule]:
    """Each compared method's rule (those in ``picked``, by key; all when None), by its column
    title: the ``percents`` by field key (``Fraction(10)``: 10%; a missing one at the form's
    first value), the work ``unit`` and ``cash_unit``, every other parameter at its default."""
    rules: dict[str, Rule] = {}
    for method in compared():
        if picked is not None and method.key not in picked:
            continue
        params: dict[str, Any] = {}
        for param in method.settings:
            if param.kind == "percent":
                value = percents.get(param.field_key)
                if value is None:
                    value = percent_value(param.start_text())
                params[param.key] = percent_text(value, ".")
            elif param.kind == "unit":
                params[param.key] = unit
            elif param.kind == "cash":
                params[param.key] = cash_unit
            else:
                params[param.key] = param.default
        rules[t(method.compare, **method.words(params))] = Rule(method.key, params)
    return rules


def equal_label() -> str:
    """The column title of the equal split every method is compared with."""
    return t("lesson3.compare_equal")


def compare_rules(total: int, members: Sequence[Contribution], rules: Mapping[str, Rule],
                  cash_unit: int = 1) -> tuple[Comparison, list[str]]:
    """The equal split (titled :func:`equal_label`) and every rule that can split this total
    among these members, side by side; with a line for each rule that cannot (its title and
    why)."""
    results = {equal_label(): calculate(Rule("equal", {CASH_UNIT.key: cash_unit}), total,
                                        members)}
    skipped = []
    for label, rule in rules.items():
        try:
            results[label] = calculate(rule, total, members)
        except SharingError as exc:
            skipped.append(f"{label}: {exc}")
    return compare(total, members, results, cash_unit), skipped
