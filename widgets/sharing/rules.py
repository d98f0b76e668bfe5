"""A sharing rule as plain data: a method and its parameters, as a group agrees it, saves it and
applies it to any month's total. Plain Python, no ipywidgets.

``Rule.params`` holds only JSON values (percentages as text such as ``"12.5"``, so they stay
exact), which is how the store saves the group's agreed rule. ``calculate`` applies a rule to a
total and the members' contributions; ``describe`` says the rule in one plain sentence for the
screen and the printed record. What each method needs and means is in
:mod:`widgets.sharing.methods`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets.core.i18n import t
from widgets.sharing.methods import METHODS as REGISTRY
from widgets.sharing.params import (
    basis_label,
    cash_label,
    cash_unit_of,
    set_aside_label,
    unit_label,
)
from widgets.sharing.split import Contribution, Distribution

__all__ = ["METHODS", "Rule", "basis_label", "calculate", "describe", "method_label",
           "set_aside_label", "unit_label"]

METHODS = tuple(REGISTRY)


@dataclass(frozen=True)
class Rule:
    method: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.method not in REGISTRY:
            raise ValueError(f"unknown method {self.method!r}")

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


def calculate(rule: Rule, total: int, members: Sequence[Contribution] = ()) -> Distribution:
    """Apply ``rule`` to ``total`` rupiah and the members' contributions (each share rounded
    down to the rule's cash unit, if it has one)."""
    return REGISTRY[rule.method].split(rule.params, total, members)


def method_label(key: str) -> str:
    return t(REGISTRY[key].label)


def describe(rule: Rule) -> str:
    """The rule in one sentence, e.g. *Kas kelompok 20% dulu, sisanya dibagi rata.*"""
    spec = REGISTRY[rule.method]
    text = t(spec.sentence, **spec.words(rule.params))
    unit = cash_unit_of(rule.params)
    return f"{text} {t('sharing.describe_cash', unit=cash_label(unit))}" if unit > 1 else text
