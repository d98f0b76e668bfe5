"""The FGD comparison: for the calculator's members and total, several methods side by side,
each member's difference from the equal split, who gains and who loses, and grouped bars big
enough for the projector. A thin view over ``widgets.sharing.split.compare``.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.sharing.rules import Rule, calculate, unit_label
from widgets.sharing.split import Distribution, SharingError, compare, percent_text, percent_value
from widgets.sharing.ui.calculator import INPUTS, Inputs
from widgets.sharing.ui.tables import comparison_html
from widgets.ui.common import Field, guard, notice_html

CHOICES = ("work", "capital", "fund", "mix")


class ComparisonView(w.VBox):
    def __init__(self, inputs: Inputs = INPUTS) -> None:
        self.inputs = inputs
        self.pick = {key: w.Checkbox(value=True, description=t(f"lesson3.compare_pick_{key}"),
                                     indent=False, layout=w.Layout(width="auto",
                                                                   margin="0 16px 0 0"))
                     for key in CHOICES}
        for key, box in self.pick.items():
            box.add_class(f"uk-bh-pick-{key}")
        self.fund = Field(t("lesson3.field_fund"), w.Text(value="20", continuous_update=False),
                          css="uk-bh-compare-fund")
        self.equal_part = Field(t("lesson3.field_equal_part"),
                                w.Text(value="50", continuous_update=False),
                                css="uk-bh-compare-equal")
        for field in (self.fund, self.equal_part):
            field.layout = w.Layout(width="48%", min_width="150px", margin="0 2% 0 0")
        self.output = w.HTML()
        self.output.add_class("uk-bh-compare-out")
        for control in [*self.pick.values(), self.fund.control, self.equal_part.control]:
            control.observe(lambda _c: self.refresh(), "value")
        inputs.observe(lambda _c: self.refresh(), "revision")
        super().__init__([
            w.HTML(notice_html(t("lesson3.compare_intro"), "info")),
            w.HBox(list(self.pick.values()), layout=w.Layout(flex_flow="row wrap")),
            w.HBox([self.fund, self.equal_part], layout=w.Layout(flex_flow="row wrap",
                                                                 max_width="520px")),
            self.output,
        ], layout=w.Layout(width="100%"))
        self.refresh()

    def _rules(self) -> dict[str, Rule]:
        unit = self.inputs.unit or "hari"
        rules: dict[str, Rule] = {}
        if self.pick["work"].value:
            rules[t("lesson3.compare_work", unit=unit_label(unit))] = Rule("work", {"unit": unit})
        if self.pick["capital"].value:
            rules[t("lesson3.compare_capital")] = Rule("capital")
        if self.pick["fund"].value:
            fund = self._percent(self.fund)
            rules[t("lesson3.compare_fund", percent=percent_text(fund))] = Rule(
                "fund", {"fund_percent": percent_text(fund, "."), "basis": "equal"})
        if self.pick["mix"].value:
            equal = self._percent(self.equal_part)
            rules[t("lesson3.compare_mix", equal=percent_text(equal),
                    rest=percent_text(100 - equal), unit=unit_label(unit))] = Rule(
                "mix", {"equal_percent": percent_text(equal, "."), "basis": "work",
                        "unit": unit})
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
        results: dict[str, Distribution] = {equal: calculate(Rule("equal"), total, members)}
        skipped = []
        for label, rule in rules.items():
            try:
                results[label] = calculate(rule, total, members)
            except SharingError as exc:
                skipped.append(f"{label}: {exc}")
        table = compare(total, members, results)
        heading = t("lesson3.compare_heading", group=self.inputs.group_name,
                    total=format_rupiah(total))
        self.output.value = (f"<h4>{escape(heading)}</h4>"
                             + "".join(notice_html(s, "warn") for s in skipped)
                             + comparison_html(table, baseline=equal))

