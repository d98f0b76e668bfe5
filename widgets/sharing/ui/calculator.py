"""The profit-sharing calculator: choose the group and the method, check each member's
contribution, type the total, and see every member's share to the rupiah.

A thin view. What each method asks for and which member columns it reads come from the registry
(:mod:`widgets.sharing.methods`), through the method's settings (:mod:`.method_form`) and the
member rows (:mod:`.members`). Members and contributions start from the village data
(``widgets.sharing.data``) and stay editable; each problem shows under its own field.
``sharing.rules.calculate`` does every sum. The form's current members and total are published
on :data:`INPUTS`, so the FGD comparison follows whatever the calculator shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.village import Village, load_village
from widgets.sharing.examples import COOP, group_data, group_keys, livestock_key
from widgets.sharing.inputs import Inputs
from widgets.sharing.methods import METHODS, Method
from widgets.sharing.rules import Rule, calculate, describe, method_label, unit_label
from widgets.sharing.split import Contribution, Distribution, SharingError
from widgets.sharing.ui.members import MemberList, MemberRow
from widgets.sharing.ui.method_form import CALC_STYLE, MethodForm, tall, text_box
from widgets.sharing.ui.tables import distribution_html
from widgets.ui.common import Field, button, guard, notice_html, section

__all__ = ["CALC_STYLE", "INPUTS", "Computation", "Inputs", "SharingCalculator", "tall"]

INPUTS = Inputs()  # the page's calculator; the comparison below reads it


@dataclass(frozen=True)
class Computation:
    """The last result the calculator showed, with everything needed to print or save it."""

    group_key: str
    group_name: str
    rule: Rule
    result: Distribution
    members: list[Contribution]


# A button or field callback never lets a traceback reach the page.
_safe = guard("sharing calculator", "lesson3.unexpected", target="result")


class SharingCalculator(w.VBox):
    """Group → total → method and its settings → members → shares."""

    def __init__(self, village: Village | None = None, inputs: Inputs = INPUTS,
                 group: str | None = None) -> None:
        self.village = village or load_village()
        self.inputs = inputs
        self.last: Computation | None = None
        self._quiet = False  # set while the form is being filled in by code
        self._build_controls(group)
        self.members = MemberList(self._changed, self.update)
        self.add_member = self.members.add_member
        self.calc = button(t("lesson3.calculate"), "primary")
        self.calc.add_class("uk-bh-calc")
        self.calc.on_click(lambda _b: self.update())
        self.result = w.HTML()
        self.result.add_class("uk-bh-result")
        super().__init__([
            w.HTML(CALC_STYLE), section(t("lesson3.section_group")), self.group,
            self.total_note, self.total, self.sign,
            section(t("lesson3.section_method")), self.method, self.method_help, self.form,
            self.members, self.calc,
            section(t("lesson3.section_result")), self.result,
        ], layout=w.Layout(width="100%"))
        self.load_group(self.group.control.value)

    def _build_controls(self, group: str | None) -> None:
        group = group or livestock_key(self.village)  # the feed-duty example comes first
        choices = group_keys(self.village)
        keys = [key for _, key in choices]
        self.group = tall(Field(t("lesson3.field_group"), w.Dropdown(
            options=choices, value=group if group in keys else keys[0]), css="uk-bh-group"))
        self.total = Field(t("lesson3.field_total"), text_box(placeholder="Rp"),
                           css="uk-bh-total")
        self.total_note = w.HTML()
        self.sign = Field(t("lesson3.field_sign"), w.ToggleButtons(
            options=[(t("lesson3.sign_profit"), 1), (t("lesson3.sign_loss"), -1)], value=1),
            css="uk-bh-sign")
        self.method = tall(Field(t("lesson3.field_method"), w.Dropdown(
            options=[(method_label(m), m) for m in METHODS], value="equal"),
            css="uk-bh-method"))
        self.method_help = w.HTML()
        self.form = MethodForm()
        for key, field in self.form.fields.items():
            setattr(self, key, field)  # calc.unit, calc.fund, calc.basis…: each setting's field
        self.group.control.observe(self._group_changed, "value")
        for control in (self.total.control, self.sign.control, self.method.control):
            control.observe(self._changed, "value")
        self.form.observe_all(self._changed)

    # Members

    @property
    def rows(self) -> list[MemberRow]:
        return self.members.rows

    def load_group(self, key: str) -> None:
        """Fill the form with the group's members, contributions and a total to share."""
        data = group_data(self.village, key)
        self._quiet = True
        try:
            self.members.fill(data.members)
            self.total.control.value = format_rupiah(data.total)
            self.sign.control.value = 1
            self.total_note.value = notice_html(data.total_note, "info")
            self.form.fields["unit"].control.value = data.unit
            if key == COOP:
                self.method.control.value = "shu"
            elif self.method.control.value == "shu":
                self.method.control.value = "equal"
        finally:
            self._quiet = False
        self.update()

    @_safe
    def _group_changed(self, change: dict) -> None:
        self.load_group(change["new"])

    def _changed(self, _change: object = None) -> None:
        if not self._quiet:
            self.update()

    # Reading the form

    @property
    def method_key(self) -> str:
        return self.method.control.value

    @property
    def spec(self) -> Method:
        return METHODS[self.method_key]

    def member_fields(self) -> tuple[str, ...]:
        """The member columns the chosen method reads (its basis decides for some)."""
        return self.spec.member_columns(self.form.choices(self.spec))

    def current_rule(self) -> Rule:
        """The rule the form describes; ``ValueError`` after showing each field's problem."""
        return Rule(self.method_key, self.form.read(self.spec))

    def read_total(self) -> int:
        try:
            amount = parse_rupiah(self.total.control.value)
        except AmountError as exc:
            self.total.error(str(exc))
            raise ValueError(str(exc)) from exc
        return amount * self.sign.control.value

    def read_members(self) -> list[Contribution]:
        return self.members.read()

    # Showing

    def _layout(self) -> None:
        spec = self.spec
        self.form.show(spec)
        self.members.layout.display = "" if spec.members else "none"
        self.total.label.value = ('<label style="font-weight:600;font-size:16px">'
                                  f"{escape(t(spec.total_label))}</label>")
        self.method_help.value = notice_html(t(spec.help), "info")
        columns = self.member_fields()
        self.members.show(columns, [self._column_label(c) for c in columns])

    def _column_label(self, column: str) -> str:
        if column == "work":
            return unit_label(self.spec.work_unit(self.form.choices(self.spec))).capitalize()
        return t(f"lesson3.col_{column}")

    def _group_name(self, key: str) -> str:
        return dict((k, n) for n, k in group_keys(self.village))[key]

    @_safe
    def update(self) -> None:
        """Read the form, calculate, show. Problems appear under their fields."""
        self._layout()
        self.total.clear()
        self.form.clear()
        self.last = None
        spec = self.spec
        try:
            total = self.read_total()
            rule = self.current_rule()
            members = self.read_members() if spec.members else []
        except ValueError:
            self.result.value = notice_html(t("lesson3.fix_fields"), "error")
            return
        self._publish(total, members)
        try:
            result = calculate(rule, total, members)
        except SharingError as exc:
            self.result.value = notice_html(str(exc), "error")
            return
        key = self.group.control.value
        self.last = Computation(key, self._group_name(key), rule, result, members)
        extras = {p.key: self.form.text(p) for p in spec.extras}
        note = spec.note(rule.params, result, members, extras) if spec.note else ""
        self.result.value = (notice_html(describe(rule), "info")
                             + distribution_html(result, rule, members)
                             + notice_html(note, "info"))

    def _publish(self, total: int, members: list[Contribution]) -> None:
        key = self.group.control.value
        self.inputs.group_key = key
        self.inputs.group_name = self._group_name(key)
        self.inputs.unit = self.form.fields["unit"].control.value
        self.inputs.cash_unit = self.form.fields["cash_unit"].control.value
        self.inputs.members = members
        self.inputs.total = total
        self.inputs.revision += 1

    def apply_rule(self, rule: Rule) -> None:
        """Put a saved rule back into the form (the group's agreed rule)."""
        self._quiet = True
        try:
            self.method.control.value = rule.method
            self.form.apply(METHODS[rule.method], dict(rule.params))
        finally:
            self._quiet = False
        self.update()
