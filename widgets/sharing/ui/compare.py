"""The FGD comparison: for the calculator's members and total, several methods side by side,
each member's difference from the equal split, who gains and who loses, and grouped bars big
enough for the projector. A thin view over ``widgets.sharing.comparison.compare``.
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.sharing.comparison import compare
from widgets.sharing.methods import compared
from widgets.sharing.params import CASH_UNIT, Param, cash_label
from widgets.sharing.rules import Rule, calculate
from widgets.sharing.split import Distribution, SharingError, percent_text, percent_value
from widgets.sharing.ui.calculator import INPUTS, Inputs
from widgets.sharing.ui.method_form import css_class
from widgets.sharing.ui.tables import comparison_html
from widgets.ui.common import Field, guard, notice_html


def _percents() -> list[Param]:
    """The percentages the compared methods ask for (the group fund, the equal part)."""
    return [p for m in compared() for p in m.params if p.kind == "percent"]


class ComparisonView(w.VBox):
    """The methods the registry marks for comparison, each with its own percentage typed once,
    side by side against the equal split. ``intro`` is the catalog key of the line above the
    choices: the lesson's says the members come from the calculator above; a slide or the
    projector, which show no calculator above, pass ``lesson3.compare_intro_alone``."""

    def __init__(self, inputs: Inputs = INPUTS, intro: str = "lesson3.compare_intro") -> None:
        self.inputs = inputs
        self.pick = {m.key: w.Checkbox(value=True, description=t(m.label), indent=False,
                                       layout=w.Layout(width="auto", margin="0 16px 0 0"))
                     for m in compared()}
        for key, box in self.pick.items():
            box.add_class(f"uk-bh-pick-{key}")
        self.fields = {p.field_key: Field(t(p.label), w.Text(value=p.start_text(),
                                                             continuous_update=False),
                                          css=css_class(p.field_key).replace("uk-bh-",
                                                                             "uk-bh-compare-"))
                       for p in _percents()}
        for key, field in self.fields.items():
            field.layout = w.Layout(width="48%", min_width="150px", margin="0 2% 0 0")
            setattr(self, key, field)  # view.fund, view.equal_part
        self.output = w.HTML()
        self.output.add_class("uk-bh-compare-out")
        for control in [*self.pick.values(), *(f.control for f in self.fields.values())]:
            control.observe(lambda _c: self.refresh(), "value")
        inputs.observe(lambda _c: self.refresh(), "revision")
        super().__init__([
            w.HTML(notice_html(t(intro), "info")),
            w.HBox(list(self.pick.values()), layout=w.Layout(flex_flow="row wrap")),
            w.HBox(list(self.fields.values()), layout=w.Layout(flex_flow="row wrap",
                                                               max_width="520px")),
            self.output,
        ], layout=w.Layout(width="100%"))
        self.refresh()

    def _rules(self) -> dict[str, Rule]:
        """Each picked method's rule, by its column title: typed percentages, the calculator's
        work unit and cash unit, every other parameter at its default."""
        unit = self.inputs.unit or "hari"
        rules: dict[str, Rule] = {}
        for method in compared():
            if not self.pick[method.key].value:
                continue
            params: dict[str, Any] = {}
            for param in method.settings:
                if param.kind == "percent":
                    params[param.key] = percent_text(
                        self._percent(self.fields[param.field_key]), ".")
                elif param.kind == "unit":
                    params[param.key] = unit
                elif param.kind == "cash":
                    params[param.key] = self.inputs.cash_unit
                else:
                    params[param.key] = param.default
            rules[t(method.compare, **method.words(params))] = Rule(method.key, params)
        return rules

    def _percent(self, field: Field):
        field.clear()
        try:
            return percent_value(field.control.value)
        except SharingError as exc:
            field.error(str(exc))
            raise

    @guard("sharing comparison", "lesson3.unexpected", target="output")
    def refresh(self) -> None:
        members, total = list(self.inputs.members), self.inputs.total
        if total is None or not members:
            self.output.value = notice_html(t("lesson3.compare_empty"), "warn")
            return
        try:
            rules = self._rules()
        except SharingError:
            self.output.value = ""
            return
        equal = t("lesson3.compare_equal")
        cash = {CASH_UNIT.key: self.inputs.cash_unit}
        results: dict[str, Distribution] = {equal: calculate(Rule("equal", cash), total,
                                                             members)}
        skipped = []
        for label, rule in rules.items():
            try:
                results[label] = calculate(rule, total, members)
            except SharingError as exc:
                skipped.append(f"{label}: {exc}")
        table = compare(total, members, results, self.inputs.cash_unit)
        rounded = self.inputs.cash_unit > 1
        heading = t("lesson3.compare_heading_cash" if rounded else "lesson3.compare_heading",
                    group=self.inputs.group_name, total=format_rupiah(total),
                    unit=cash_label(self.inputs.cash_unit))
        self.output.value = (f"<h4>{escape(heading)}</h4>"
                             + "".join(notice_html(s, "warn") for s in skipped)
                             + comparison_html(table, baseline=equal))

