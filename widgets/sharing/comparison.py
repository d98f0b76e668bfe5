"""Sharing a group's profit: several methods side by side per member, each against the equal
split of the same total among the same members. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from widgets.sharing.cash import cash_rounded
from widgets.sharing.split import Contribution, Distribution, equal_split


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
