"""The profit-sharing calculator: choose the group and the method, check each member's
contribution, type the total, and see every member's share to the rupiah.

A thin view. Members and contributions start from the village data (``widgets.sharing.data``)
and stay editable; amounts go through ``parse_rupiah``, percentages through ``percent_value``,
work through ``parse_work``; each problem shows under its own field. ``sharing.rules.calculate``
does every sum. The form's current members and total are published on :data:`INPUTS`, so the
FGD comparison follows whatever the calculator shows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from html import escape
from typing import Any

import ipywidgets as w
import traitlets

from widgets.core.i18n import t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.village import Village, load_village
from widgets.sharing.data import COOP, group_data, group_keys
from widgets.sharing.partnership import maklon
from widgets.sharing.rules import (
    METHODS,
    Rule,
    basis_label,
    calculate,
    describe,
    method_label,
    set_aside_label,
    unit_label,
)
from widgets.sharing.shu import ALLOCATIONS
from widgets.sharing.split import (
    WORK_UNITS,
    Contribution,
    Distribution,
    SharingError,
    parse_work,
    percent_text,
    percent_value,
)
from widgets.sharing.ui.tables import distribution_html
from widgets.ui.common import Field, button, guard, notice_html, section

NUMBER_FIELDS = ("work", "capital", "transactions", "savings")
RUPIAH_FIELDS = ("capital", "transactions", "savings")
DEFAULT_BYLAWS = {"cadangan": 30, "jua": 25, "jma": 20, "pengurus": 5, "karyawan": 5,
                  "pendidikan": 5, "sosial": 5, "pembangunan": 5}


# The page template makes a select 44 px high for thumbs; its box must grow with it, and the
# remove button is too narrow for the template's button padding.
CALC_STYLE = (
    "<style>.uk-bh-remove{padding:0!important;min-width:40px!important;font-size:18px}"
    ".uk-bh-tall{height:auto!important;min-height:44px}</style>"
)


def tall(field: Field) -> Field:
    """A dropdown field whose box is as tall as the select inside it."""
    field.control.add_class("uk-bh-tall")
    field.control.layout.height = "auto"
    return field


class Inputs(traitlets.HasTraits):
    """What the calculator's form holds right now (only when it reads without errors)."""

    group_key = traitlets.Unicode("")
    group_name = traitlets.Unicode("")
    members = traitlets.List()  # Contribution
    total = traitlets.Int(None, allow_none=True)
    unit = traitlets.Unicode("hari")
    revision = traitlets.Int(0)


INPUTS = Inputs()


@dataclass(frozen=True)
class Computation:
    """The last result the calculator showed, with everything needed to print or save it."""

    group_key: str
    group_name: str
    rule: Rule
    result: Distribution
    members: list[Contribution]


def _grouped(amount: int) -> str:
    return format_rupiah(amount).removeprefix("Rp")


def _work_text(value: object) -> str:
    number = Fraction(value)  # type: ignore[arg-type]
    if number.denominator == 1:
        return f"{int(number):,}".replace(",", ".")
    return percent_text(number)  # 7,5: two decimals at most, comma


def _text(value: str = "", placeholder: str = "", css: str = "") -> w.Text:
    box = w.Text(value=value, placeholder=placeholder, continuous_update=False)
    if css:
        box.add_class(css)
    return box


class MemberRow(w.VBox):
    """One member: name, the contribution columns the method needs, a remove button, and
    the row's message line."""

    def __init__(self, member: Contribution | None, on_change: Callable, on_remove: Callable
                 ) -> None:
        self.name = _text(member.name if member else "", t("lesson3.member_name_hint"),
                          "uk-bh-name")
        self.values = {
            field: _text(self._start(member, field), "0", f"uk-bh-{field}")
            for field in NUMBER_FIELDS
        }
        self.remove = w.Button(description="✕", tooltip=t("lesson3.remove_member"),
                               layout=w.Layout(width="40px", min_width="40px", height="40px"))
        self.remove.add_class("uk-bh-remove")
        self.remove.on_click(lambda _b: on_remove(self))
        for box in (self.name, *self.values.values()):
            box.observe(lambda _c: on_change(), "value")
        self.message = w.HTML()
        self.line = w.HBox([self.name, *self.values.values(), self.remove],
                           layout=w.Layout(width="100%", max_width="520px",
                                           flex_flow="row nowrap", align_items="center"))
        super().__init__([self.line, self.message])

    @staticmethod
    def _start(member: Contribution | None, field: str) -> str:
        if member is None:
            return ""
        value = getattr(member, field)
        return _grouped(value) if field in RUPIAH_FIELDS else _work_text(value)

    def show(self, fields: list[str]) -> None:
        """One column: name and number on one line. Two columns (a cooperative's transactions
        and savings): the name on its own line, the two amounts side by side below it."""
        two = len(fields) == 2
        self.name.layout = w.Layout(flex="1 1 auto", min_width="90px", margin="2px 4px 2px 0",
                                    width="calc(100% - 48px)" if two else "auto")
        for field, box in self.values.items():
            visible = field in fields
            box.layout = w.Layout(width="calc(50% - 26px)" if two else "34%", min_width="72px",
                                  margin="2px 4px 2px 0", display="" if visible else "none")
        shown = [self.values[f] for f in NUMBER_FIELDS]
        self.line.children = ([self.name, self.remove, *shown] if two
                              else [self.name, *shown, self.remove])
        self.line.layout.flex_flow = "row wrap" if two else "row nowrap"

    def read(self, fields: list[str]) -> Contribution:
        """The member as typed. The columns on screen (``fields``) must read; a hidden column
        that does not read counts as 0. ``ValueError`` (message on the row) otherwise."""
        self.message.value = ""
        values: dict[str, Any] = {}
        for field in NUMBER_FIELDS:
            text = self.values[field].value
            try:
                if field in RUPIAH_FIELDS:
                    values[field] = parse_rupiah(text) if text.strip() else 0
                else:
                    work = parse_work(text)
                    values[field] = int(work) if work.denominator == 1 else work
            except (AmountError, SharingError) as exc:
                if field in fields:
                    self.message.value = notice_html(f"{self.name.value or '?'}: {exc}",
                                                     "error")
                    raise ValueError(str(exc)) from exc
                values[field] = 0
        return Contribution(" ".join(self.name.value.split()), **values)


# A button or field callback never lets a traceback reach the page.
_safe = guard("sharing calculator", "lesson3.unexpected", target="result")


class SharingCalculator(w.VBox):
    """Group → total → method and its settings → members → shares."""

    def __init__(self, village: Village | None = None, inputs: Inputs = INPUTS,
                 group: str = "kambing") -> None:
        self.village = village or load_village()
        self.inputs = inputs
        self.last: Computation | None = None
        self._quiet = False  # set while the form is being filled in by code
        self._build_controls(group)
        self.rows: list[MemberRow] = []
        self.rows_box = w.VBox()
        self.header = w.HTML()
        self.add_member = button(t("lesson3.add_member"))
        self.add_member.add_class("uk-bh-add")
        self.add_member.on_click(lambda _b: self._add_row(None))
        self.calc = button(t("lesson3.calculate"), "primary")
        self.calc.add_class("uk-bh-calc")
        self.calc.on_click(lambda _b: self.update())
        self.result = w.HTML()
        self.result.add_class("uk-bh-result")
        self.members_box = w.VBox([section(t("lesson3.section_members")), self.header,
                                   self.rows_box, self.add_member])
        super().__init__([
            w.HTML(CALC_STYLE), section(t("lesson3.section_group")), self.group,
            self.total_note, self.total, self.sign,
            section(t("lesson3.section_method")), self.method, self.method_help, self.params,
            self.members_box, self.calc,
            section(t("lesson3.section_result")), self.result,
        ], layout=w.Layout(width="100%"))
        self.load_group(self.group.control.value)

    # Building

    def _build_controls(self, group: str) -> None:
        choices = group_keys(self.village)
        keys = [key for _, key in choices]
        self.group = tall(Field(t("lesson3.field_group"), w.Dropdown(
            options=choices, value=group if group in keys else keys[0]), css="uk-bh-group"))
        self.total = Field(t("lesson3.field_total"), _text(placeholder="Rp"), css="uk-bh-total")
        self.total_note = w.HTML()
        self.sign = Field(t("lesson3.field_sign"), w.ToggleButtons(
            options=[(t("lesson3.sign_profit"), 1), (t("lesson3.sign_loss"), -1)], value=1),
            css="uk-bh-sign")
        self.method = tall(Field(t("lesson3.field_method"), w.Dropdown(
            options=[(method_label(m), m) for m in METHODS], value="equal"),
            css="uk-bh-method"))
        self.method_help = w.HTML()
        self.unit = Field(t("lesson3.field_unit"), w.ToggleButtons(
            options=[(unit_label(u), u) for u in WORK_UNITS], value="hari"), css="uk-bh-unit")
        self.fund = Field(t("lesson3.field_fund"), _text("20", "20"), t("lesson3.hint_percent"),
                          css="uk-bh-fund")
        self.basis = tall(Field(t("lesson3.field_basis"), w.Dropdown(
            options=[(basis_label(b), b) for b in ("equal", "work", "capital")], value="equal"),
            css="uk-bh-basis"))
        self.equal_part = Field(t("lesson3.field_equal_part"), _text("50", "50"),
                                t("lesson3.hint_percent"), css="uk-bh-equal-part")
        self.mix_basis = tall(Field(t("lesson3.field_mix_basis"), w.Dropdown(
            options=[(basis_label(b), b) for b in ("work", "capital")], value="work"),
            css="uk-bh-mix-basis"))
        self.bylaws = {key: Field(set_aside_label(key), _text(str(DEFAULT_BYLAWS[key])),
                                  css=f"uk-bh-bylaw-{key}") for key in ALLOCATIONS}
        for field in self.bylaws.values():
            field.layout = w.Layout(width="48%", min_width="140px", margin="0 2% 4px 0")
        self.owner = Field(t("lesson3.field_owner"), _text(t("lesson3.default_owner")),
                           css="uk-bh-owner")
        self.keeper = Field(t("lesson3.field_keeper"), _text(t("lesson3.default_keeper")),
                            css="uk-bh-keeper")
        self.buy_price = Field(t("lesson3.field_buy"), _text("1.500.000", "Rp"),
                               css="uk-bh-buy")
        self.kids = Field(t("lesson3.field_kids"), _text("5", "0"), css="uk-bh-kids")
        self.first_kids = Field(t("lesson3.field_first_kids"), _text("1", "1"),
                                css="uk-bh-first-kids")
        self.keeper_part = Field(t("lesson3.field_keeper_part"), _text("50", "50"),
                                 t("lesson3.hint_percent"), css="uk-bh-keeper-part")
        self.kid_price = Field(t("lesson3.field_kid_price"), _text("700.000", "Rp"),
                               t("lesson3.hint_kid_price"), css="uk-bh-kid-price")
        self.negligence = w.Checkbox(value=False, description=t("lesson3.field_negligence"),
                                     indent=False)
        self.negligence.add_class("uk-bh-negligence")
        self.investor = Field(t("lesson3.field_investor"), _text(t("lesson3.default_investor")),
                              css="uk-bh-investor")
        self.investor_part = Field(t("lesson3.field_investor_part"), _text("40", "40"),
                                   t("lesson3.hint_percent"), css="uk-bh-investor-part")
        self.piece_rate = Field(t("lesson3.field_piece_rate"), _text("3.000", "Rp"),
                                t("lesson3.hint_piece_rate"), css="uk-bh-piece-rate")
        self.params = w.VBox([
            self.unit, self.fund, self.basis, self.equal_part, self.mix_basis,
            w.HBox(list(self.bylaws.values()), layout=w.Layout(flex_flow="row wrap",
                                                               max_width="520px")),
            self.owner, self.keeper, self.buy_price, self.kids, self.first_kids,
            self.keeper_part, self.kid_price, self.negligence, self.investor,
            self.investor_part, self.piece_rate,
        ])
        self.group.control.observe(self._group_changed, "value")
        for control in self._controls():
            control.observe(self._changed, "value")

    def _controls(self) -> list[w.Widget]:
        fields = [self.total, self.sign, self.method, self.unit, self.fund, self.basis,
                  self.equal_part, self.mix_basis, *self.bylaws.values(), self.owner,
                  self.keeper, self.buy_price, self.kids, self.first_kids, self.keeper_part,
                  self.kid_price, self.investor, self.investor_part, self.piece_rate]
        return [f.control for f in fields] + [self.negligence]

    # Members

    def _add_row(self, member: Contribution | None) -> MemberRow:
        row = MemberRow(member, self._changed, self._remove_row)
        self.rows.append(row)
        row.show(self.member_fields())
        self.rows_box.children = [r for r in self.rows]
        return row

    def _remove_row(self, row: MemberRow) -> None:
        self.rows = [r for r in self.rows if r is not row]
        self.rows_box.children = list(self.rows)
        self.update()

    def load_group(self, key: str) -> None:
        """Fill the form with the group's members, contributions and a total to share."""
        data = group_data(self.village, key)
        self._quiet = True
        try:
            self.rows = []
            for member in data.members:
                self._add_row(member)
            self.total.control.value = format_rupiah(data.total)
            self.sign.control.value = 1
            self.total_note.value = notice_html(data.total_note, "info")
            self.unit.control.value = data.unit
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

    def basis_key(self) -> str:
        if self.method_key == "mix":
            return self.mix_basis.control.value
        if self.method_key in ("fund", "investor"):
            return self.basis.control.value
        return {"work": "work", "maklon": "work", "capital": "capital"}.get(self.method_key,
                                                                          "equal")

    def member_fields(self) -> list[str]:
        if self.method_key == "shu":
            return ["transactions", "savings"]
        basis = self.basis_key()
        return [] if basis == "equal" else [basis]

    def _percent(self, field: Field) -> str:
        try:
            return percent_text(percent_value(field.control.value), ".")
        except SharingError as exc:
            field.error(str(exc))
            raise ValueError(str(exc)) from exc

    def _rupiah(self, field: Field, empty_is_zero: bool = True) -> int:
        text = field.control.value
        if empty_is_zero and not text.strip():
            return 0
        try:
            return parse_rupiah(text)
        except AmountError as exc:
            field.error(str(exc))
            raise ValueError(str(exc)) from exc

    def _whole(self, field: Field) -> int:
        try:
            value = parse_work(field.control.value)
        except SharingError as exc:
            field.error(str(exc))
            raise ValueError(str(exc)) from exc
        if value.denominator != 1:
            field.error(t("sharing.kids_bad"))
            raise ValueError("not whole")
        return int(value)

    def current_rule(self) -> Rule:
        """The rule the form describes; ``ValueError`` after showing each field's problem."""
        m = self.method_key
        unit = self.unit.control.value
        params: dict[str, Any] = {}
        if m == "work":
            params = {"unit": unit}
        elif m == "fund":
            params = {"fund_percent": self._percent(self.fund),
                      "basis": self.basis.control.value, "unit": unit}
        elif m == "mix":
            params = {"equal_percent": self._percent(self.equal_part),
                      "basis": self.mix_basis.control.value, "unit": unit}
        elif m == "shu":
            params = {"bylaws": {key: self._percent(f) for key, f in self.bylaws.items()}}
        elif m == "gaduh":
            params = {"owner": " ".join(self.owner.control.value.split()),
                      "keeper": " ".join(self.keeper.control.value.split()),
                      "buy_price": self._rupiah(self.buy_price), "kids": self._whole(self.kids),
                      "kid_price": self._rupiah(self.kid_price),
                      "first_to_keeper": self._whole(self.first_kids),
                      "keeper_percent": self._percent(self.keeper_part),
                      "negligence": bool(self.negligence.value)}
        elif m == "investor":
            params = {"investor": " ".join(self.investor.control.value.split()),
                      "investor_percent": self._percent(self.investor_part),
                      "basis": self.basis.control.value, "unit": unit}
        elif m == "maklon":
            params = {"investor": " ".join(self.investor.control.value.split()),
                      "piece_rate": self._rupiah(self.piece_rate)}
        return Rule(m, params)

    def read_total(self) -> int:
        try:
            amount = parse_rupiah(self.total.control.value)
        except AmountError as exc:
            self.total.error(str(exc))
            raise ValueError(str(exc)) from exc
        return amount * self.sign.control.value

    def read_members(self) -> list[Contribution]:
        fields = self.member_fields()
        members, failed = [], False
        for row in self.rows:
            if not row.name.value.strip() and not any(b.value.strip()
                                                      for b in row.values.values()):
                continue  # an empty new row is not a member yet
            try:
                members.append(row.read(fields))
            except ValueError:
                failed = True
        if failed:
            raise ValueError("member rows")
        return members

    # Showing

    def _layout(self) -> None:
        m = self.method_key
        basis = self.basis_key()
        visible = {
            self.unit: basis == "work" and m != "maklon",
            self.fund: m == "fund",
            self.basis: m in ("fund", "investor"),
            self.equal_part: m == "mix", self.mix_basis: m == "mix",
            self.owner: m == "gaduh", self.keeper: m == "gaduh", self.buy_price: m == "gaduh",
            self.kids: m == "gaduh", self.first_kids: m == "gaduh",
            self.keeper_part: m == "gaduh", self.kid_price: m == "gaduh",
            self.negligence: m == "gaduh",
            self.investor: m in ("investor", "maklon"), self.investor_part: m == "investor",
            self.piece_rate: m in ("investor", "maklon"),
        }
        for widget, show in visible.items():
            widget.layout.display = "" if show else "none"
        self.params.children[5].layout.display = "" if m == "shu" else "none"
        self.members_box.layout.display = "none" if m == "gaduh" else ""
        label = t(f"lesson3.total_label_{m}") if m in ("shu", "gaduh", "investor", "maklon") \
            else t("lesson3.field_total")
        self.total.label.value = f'<label style="font-weight:600;font-size:16px">{label}</label>'
        self.method_help.value = notice_html(t(f"lesson3.help_{m}"), "info")
        fields = self.member_fields()
        for row in self.rows:
            row.show(fields)
        names = [self._column_label(f) for f in fields]
        span = '<span style="flex:{flex}">{text}</span>'
        if len(names) == 2:  # the name has its own line; the two amounts sit below it
            lines = [[(1, t("lesson3.col_member"))], [(1, names[0]), (1, names[1])]]
        else:
            lines = [[(2, t("lesson3.col_member")), *((1, n) for n in names)]]
        self.header.value = "".join(
            '<div style="display:flex;gap:6px;font-weight:600;font-size:15px;max-width:472px">'
            + "".join(span.format(flex=flex, text=escape(text)) for flex, text in line)
            + "</div>" for line in lines)

    def _column_label(self, field: str) -> str:
        if field == "work":
            unit = "potong" if self.method_key == "maklon" else self.unit.control.value
            return unit_label(unit).capitalize()
        return t(f"lesson3.col_{field}")

    def _clear_messages(self) -> None:
        for field in (self.total, self.fund, self.equal_part, *self.bylaws.values(),
                      self.buy_price, self.kids, self.first_kids, self.keeper_part,
                      self.kid_price, self.investor_part, self.piece_rate):
            field.clear()

    @_safe
    def update(self) -> None:
        """Read the form, calculate, show. Problems appear under their fields."""
        self._layout()
        self._clear_messages()
        self.last = None
        try:
            total = self.read_total()
            rule = self.current_rule()
            members = [] if rule.method == "gaduh" else self.read_members()
        except ValueError:
            self.result.value = notice_html(t("lesson3.fix_fields"), "error")
            return
        self._publish(total, members)
        try:
            result = calculate(rule, total, members)
        except SharingError as exc:
            self.result.value = notice_html(str(exc), "error")
            return
        group_name = dict((k, n) for n, k in group_keys(self.village))[self.group.control.value]
        self.last = Computation(self.group.control.value, group_name, rule, result, members)
        self.result.value = (notice_html(describe(rule), "info")
                             + distribution_html(result, rule, members) + self._extra(rule,
                                                                                      result,
                                                                                      members))

    def _publish(self, total: int, members: list[Contribution]) -> None:
        key = self.group.control.value
        self.inputs.group_key = key
        self.inputs.group_name = dict((k, n) for n, k in group_keys(self.village))[key]
        self.inputs.unit = self.unit.control.value
        self.inputs.members = members
        self.inputs.total = total
        self.inputs.revision += 1

    def _extra(self, rule: Rule, result: Distribution, members: list[Contribution]) -> str:
        """Gaduh: who keeps which kids. Investor: the same profit paid per piece instead."""
        if rule.method == "gaduh":
            p = result.params
            return notice_html(t("lesson3.kids_result", kids=p["kids"], keeper=p["keeper"],
                                 owner=p["owner"], kids_keeper=p["kids_keeper"],
                                 kids_owner=p["kids_owner"], sold=p["kids_sold"]), "info")
        if rule.method == "investor" and self.piece_rate.control.value.strip():
            try:
                rate = parse_rupiah(self.piece_rate.control.value)
                other = maklon(result.total, [Contribution(m.name, work=int(m.work))
                                              for m in members], rule.get("investor"), rate)
            except (AmountError, SharingError, TypeError, ValueError):
                return notice_html(t("lesson3.maklon_needs_pieces"), "info")
            return notice_html(t("lesson3.maklon_compare", rate=format_rupiah(rate),
                                 pieces=other.params["pieces"],
                                 group=format_rupiah(other.shared),
                                 investor=format_rupiah(other.set_aside["investor"]),
                                 group_ratio=format_rupiah(result.shared)), "info")
        return ""

    def apply_rule(self, rule: Rule) -> None:
        """Put a saved rule back into the form (the group's agreed rule)."""
        p = rule.params
        self._quiet = True
        try:
            self.method.control.value = rule.method
            if "unit" in p and p["unit"] in WORK_UNITS:
                self.unit.control.value = p["unit"]
            if rule.method == "fund":
                self.fund.control.value = percent_text(Fraction(p.get("fund_percent", "20")))
                self.basis.control.value = p.get("basis", "equal")
            if rule.method == "mix":
                self.equal_part.control.value = percent_text(Fraction(p.get("equal_percent",
                                                                            "50")))
                self.mix_basis.control.value = p.get("basis", "work")
            if rule.method == "shu":
                for key, value in p.get("bylaws", {}).items():
                    if key in self.bylaws:
                        self.bylaws[key].control.value = percent_text(Fraction(value))
            if rule.method in ("investor", "maklon"):
                self.investor.control.value = p.get("investor", "")
            if rule.method == "investor":
                self.investor_part.control.value = percent_text(
                    Fraction(p.get("investor_percent", "40")))
                self.basis.control.value = p.get("basis", "equal")
            if rule.method == "maklon":
                self.piece_rate.control.value = _grouped(int(p.get("piece_rate", 0)))
            if rule.method == "gaduh":
                self.owner.control.value = p.get("owner", "")
                self.keeper.control.value = p.get("keeper", "")
                self.buy_price.control.value = _grouped(int(p.get("buy_price", 0)))
                self.kids.control.value = str(p.get("kids", 0))
                self.kid_price.control.value = _grouped(int(p.get("kid_price", 0)))
                self.first_kids.control.value = str(p.get("first_to_keeper", 1))
                self.keeper_part.control.value = percent_text(
                    Fraction(p.get("keeper_percent", "50")))
                self.negligence.value = bool(p.get("negligence", False))
        finally:
            self._quiet = False
        self.update()
