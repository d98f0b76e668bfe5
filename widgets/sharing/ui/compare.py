"""The FGD comparison: for the calculator's members and total, several methods side by side,
each member's difference from the equal split, who gains and who loses, and grouped bars big
enough for the projector. A thin view over ``widgets.sharing.comparison.compare``.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.sharing.comparison import (
    compare_rules,
    compared_percents,
    compared_rules,
    equal_label,
)
from widgets.sharing.methods import compared
from widgets.sharing.params import cash_label
from widgets.sharing.rules import Rule
from widgets.sharing.split import SharingError, percent_value
from widgets.sharing.ui.calculator import INPUTS, Inputs
from widgets.sharing.ui.method_form import css_class
from widgets.sharing.ui.tables import COMPACT_STYLE, comparison_html
from widgets.ui.common import Field, guard, notice_html


class ComparisonView(w.VBox):
    """The methods the registry marks for comparison, each with its own percentage typed once,
    side by side against the equal split. ``intro`` is the catalog key of the line above the
    choices: the lesson's says the members come from the calculator above; a slide or the
    projector, which show no calculator above, pass ``lesson3.compare_intro_alone``.
    ``compact`` (a lecture slide, 1280x720): the percentages on the row of tick boxes, no
    summary above the table and no bars under it, tighter rows; ten members fit unscrolled."""

    def __init__(self, inputs: Inputs = INPUTS, intro: str = "lesson3.compare_intro",
                 compact: bool = False) -> None:
        self.inputs, self.compact = inputs, compact
        gap = "0 10px 0 0" if compact else "0 16px 0 0"
        self.pick = {m.key: w.Checkbox(value=True, description=t(m.label), indent=False,
                                       layout=w.Layout(width="auto", margin=gap))
                     for m in compared()}
        for key, box in self.pick.items():
            box.add_class(f"uk-bh-pick-{key}")
        self.fields = {p.field_key: Field(t(p.label), w.Text(value=p.start_text(),
                                                             continuous_update=False),
                                          css=css_class(p.field_key).replace("uk-bh-",
                                                                             "uk-bh-compare-"))
                       for p in compared_percents()}
        for key, field in self.fields.items():
            field.layout = (w.Layout(width="auto", margin="0 12px 0 0") if compact else
                            w.Layout(width="48%", min_width="150px", margin="0 2% 0 0"))
            if compact:  # a percentage is a few digits: the label sets the field's width
                field.control.layout.width = "110px"
            setattr(self, key, field)  # view.fund, view.equal_part
        self.output = w.HTML()
        self.output.add_class("uk-bh-compare-out")
        for control in [*self.pick.values(), *(f.control for f in self.fields.values())]:
            control.observe(lambda _c: self.refresh(), "value")
        inputs.observe(lambda _c: self.refresh(), "revision")
        style = COMPACT_STYLE if compact else ""
        super().__init__([w.HTML(style + notice_html(t(intro), "info")), *self._controls(),
                          self.output], layout=w.Layout(width="100%"))
        if compact:
            self.add_class("uk-bh-compact")
        self.refresh()

    def _controls(self) -> list[w.Widget]:
        """The method tick boxes over the percentages; compact (a slide): all on one row."""
        wrap = w.Layout(flex_flow="row wrap")
        if self.compact:
            return [w.HBox([*self.pick.values(), *self.fields.values()],
                           layout=w.Layout(flex_flow="row wrap", align_items="flex-end"))]
        return [w.HBox(list(self.pick.values()), layout=wrap),
                w.HBox(list(self.fields.values()), layout=w.Layout(flex_flow="row wrap",
                                                                   max_width="520px"))]

    def _rules(self) -> dict[str, Rule]:
        """Each picked method's rule, by its column title: typed percentages, the calculator's
        work unit and cash unit, every other parameter at its default."""
        picked = [m for m in compared() if self.pick[m.key].value]
        percents = {p.field_key: self._percent(self.fields[p.field_key])
                    for m in picked for p in m.params if p.kind == "percent"}
        return compared_rules(percents, self.inputs.unit or "hari", self.inputs.cash_unit,
                              [m.key for m in picked])

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
        table, skipped = compare_rules(total, members, rules, self.inputs.cash_unit)
        rounded = self.inputs.cash_unit > 1
        heading = t("lesson3.compare_heading_cash" if rounded else "lesson3.compare_heading",
                    group=self.inputs.group_name, total=format_rupiah(total),
                    unit=cash_label(self.inputs.cash_unit))
        self.output.value = (f"<h4>{escape(heading)}</h4>"
                             + "".join(notice_html(s, "warn") for s in skipped)
                             + comparison_html(table, baseline=equal_label(),
                                               chart=not self.compact,
                                               summary=not self.compact))

