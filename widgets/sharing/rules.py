"""A sharing rule as plain data: a method and its parameters, as a group agrees it, saves it and
applies it to any month's total. Plain Python, no ipywidgets.

``Rule.params`` holds only JSON values (percentages as text such as ``"12.5"``, so they stay
exact), which is how the store saves the group's agreed rule. ``calculate`` applies a rule to a
total and the members' contributions; ``describe`` says the rule in one plain sentence for the
screen and the printed record.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.sharing import partnership, shu
from widgets.sharing.split import (
    BASES,
    WORK_UNITS,
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

METHODS = ("equal", "work", "capital", "fund", "mix", "shu", "gaduh", "investor", "maklon")
# Methods whose shares go to the group's members (and can be compared side by side).
GROUP_METHODS = ("equal", "work", "capital", "fund", "mix")


@dataclass(frozen=True)
class Rule:
    method: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}")

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


def _percent(rule: Rule, key: str, default: str) -> Fraction:
    return percent_value(rule.get(key, default))


def _basis(rule: Rule, default: str = "equal") -> str:
    basis = rule.get("basis", default)
    if basis not in BASES:
        raise ValueError(f"unknown basis {basis!r}")
    return basis


def _unit(rule: Rule) -> str:
    unit = rule.get("unit", "hari")
    if unit not in WORK_UNITS:
        raise ValueError(f"unknown work unit {unit!r}")
    return unit


def _mix_parts(rule: Rule) -> dict[str, Fraction]:
    equal = _percent(rule, "equal_percent", "50")
    basis = _basis(rule, "work")
    if basis == "equal":
        return {"equal": Fraction(100)}
    return {"equal": equal, basis: 100 - equal}


def calculate(rule: Rule, total: int, members: Sequence[Contribution] = ()) -> Distribution:
    """Apply ``rule`` to ``total`` rupiah and the members' contributions."""
    method = rule.method
    if method == "equal":
        return equal_split(total, members)
    if method == "work":
        return split_by_work(total, members, _unit(rule))
    if method == "capital":
        return split_by_capital(total, members)
    if method == "fund":
        parts = {_basis(rule): Fraction(100)}
        return split_with_fund(total, members, _percent(rule, "fund_percent", "20"), parts,
                               _unit(rule))
    if method == "mix":
        return split_mixed(total, members, _mix_parts(rule), _unit(rule))
    if method == "shu":
        return shu.shu_distribution(total, rule.get("bylaws", {}), members)
    if method == "gaduh":
        return partnership.gaduh(
            rule.get("owner", ""), rule.get("keeper", ""), total, int(rule.get("buy_price", 0)),
            int(rule.get("kids", 0)), int(rule.get("kid_price", 0)),
            int(rule.get("first_to_keeper", 1)), _percent(rule, "keeper_percent", "50"),
            bool(rule.get("negligence", False)))
    if method == "investor":
        return partnership.investor_share(
            total, members, rule.get("investor", ""), _percent(rule, "investor_percent", "40"),
            _basis(rule), _unit(rule))
    return partnership.maklon(total, members, rule.get("investor", ""),
                              int(rule.get("piece_rate", 0)))


def method_label(method: str) -> str:
    return t(f"sharing.method_{method}")


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


def describe(rule: Rule) -> str:
    """The rule in one sentence, e.g. *Kas kelompok 20% dulu, sisanya dibagi rata.*"""
    m = rule.method
    if m in ("equal", "capital"):
        return t(f"sharing.describe_{m}")
    if m == "work":
        return t("sharing.describe_work", unit=unit_label(_unit(rule)))
    if m == "fund":
        return t("sharing.describe_fund",
                 percent=percent_text(_percent(rule, "fund_percent", "20")),
                 basis=basis_label(_basis(rule), _unit(rule)))
    if m == "mix":
        parts = _mix_parts(rule)
        return t("sharing.describe_mix", equal=percent_text(parts.get("equal", Fraction(0))),
                 rest=percent_text(100 - parts.get("equal", Fraction(0))),
                 basis=basis_label(_basis(rule, "work"), _unit(rule)))
    if m == "shu":
        bylaws = rule.get("bylaws", {})
        return t("sharing.describe_shu",
                 jua=percent_text(percent_value(bylaws.get("jua", "0"))),
                 jma=percent_text(percent_value(bylaws.get("jma", "0"))))
    if m == "gaduh":
        return t("sharing.describe_gaduh", owner=rule.get("owner", ""),
                 keeper=rule.get("keeper", ""),
                 first=int(rule.get("first_to_keeper", 1)),
                 keeper_percent=percent_text(_percent(rule, "keeper_percent", "50")),
                 owner_percent=percent_text(100 - _percent(rule, "keeper_percent", "50")))
    if m == "investor":
        percent = _percent(rule, "investor_percent", "40")
        return t("sharing.describe_investor", investor=rule.get("investor", ""),
                 percent=percent_text(percent), group=percent_text(100 - percent),
                 basis=basis_label(_basis(rule), _unit(rule)))
    return t("sharing.describe_maklon", investor=rule.get("investor", ""),
             rate=format_rupiah(int(rule.get("piece_rate", 0))))
