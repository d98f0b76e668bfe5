"""Lesson 2's cost sheet of a product (prefilled from ``harga.yaml``): materials, labour and
overheads in, cost per piece, break-even and the month's profit out.

A thin view: numbers are read by ``widgets.ui.inputs.Reader`` (messages under each field) and
every figure comes from ``pricing.costing``. ``LATEST`` carries the last cost sheet's result to
the price calculator (``ui.price``) and the channel comparison further down the page; the goat's
cost (``ui.goat``) shows its table with :func:`money_row`.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w
import traitlets

from widgets.core.charts import profit_chart
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_ratio
from widgets.core.theme import GAIN, LOSS
from widgets.pricing import costing
from widgets.pricing.costing import CostSheet, Labour, Material, Overhead
from widgets.pricing.data import PricingData, load_pricing
from widgets.ui.common import Field, button, notice_html
from widgets.ui.inputs import Reader, quantity_text, row, rupiah_text, table_style, text_field

MATERIAL_ROWS, OVERHEAD_ROWS = 4, 4
PROFIT = GAIN


class CostState(traitlets.HasTraits):
    """The last cost sheet worked out on this page (one kernel = one participant)."""

    product = traitlets.Unicode("")
    cost = traitlets.Int(0)
    variable = traitlets.Int(0)
    fixed = traitlets.Int(0)


LATEST = CostState()


def _rp(amount: int) -> str:
    return escape(format_rupiah(amount))


def money_row(label: str, amount: int, note: str = "", css: str = "", color: str = "") -> str:
    """One row of a cost table: a label (with a note under it) and an amount; ``css="line"``
    is a quieter line of the sheet, ``"total"`` a total."""
    small = f"<br><small>{escape(note)}</small>" if note else ""
    style = f' style="color:{color}"' if color else ""
    if css == "line":  # a line of the sheet, quieter than the parts per piece
        return (f'<tr class="line"><td><small>{escape(label)} · {escape(note)}</small></td>'
                f'<td class="num"><small>{_rp(amount)}</small></td></tr>')
    return (f'<tr class="{css}"><td>{escape(label)}{small}</td>'
            f'<td class="num"{style}>{_rp(amount)}</td></tr>')


class MaterialRow(w.VBox):
    """One material line: name, then quantity × unit at a unit price."""

    def __init__(self, number: int) -> None:
        self.name = text_field(t("pricing.cs_material_name", number=number),
                               placeholder=t("pricing.cs_material_hint"), css="uk-cs-mat-name")
        self.quantity = text_field(t("pricing.cs_quantity"), width="24%", css="uk-cs-mat-qty")
        self.unit = text_field(t("pricing.cs_unit"), width="30%", css="uk-cs-mat-unit")
        self.price = text_field(t("pricing.cs_unit_price"), width="42%", css="uk-cs-mat-price")
        super().__init__([self.name, row(self.quantity, self.unit, self.price)],
                         layout=w.Layout(margin="0 0 6px"))

    def fill(self, material: Material | None) -> None:
        self.name.control.value = material.name if material else ""
        self.quantity.control.value = quantity_text(material.quantity) if material else ""
        self.unit.control.value = material.unit if material else ""
        self.price.control.value = rupiah_text(material.unit_price) if material else ""

    def read(self, reader: Reader) -> Material | None:
        fields = (self.name, self.quantity, self.unit, self.price)
        for field in fields:
            field.clear()
        if not any(f.control.value.strip() for f in fields):
            return None  # an empty line is simply not used
        name = " ".join(self.name.control.value.split())
        if not name:
            reader.fail(self.name, t("pricing.cs_name_missing"))
        unit = " ".join(self.unit.control.value.split())
        quantity = reader.quantity(self.quantity)
        price = reader.amount(self.price)
        return Material(name, quantity, unit, price or 0)


class OverheadRow(w.HBox):
    def __init__(self, number: int) -> None:
        self.name = text_field(t("pricing.cs_overhead_name", number=number), width="58%",
                               css="uk-cs-oh-name")
        self.monthly = text_field(t("pricing.cs_overhead_amount"), width="42%",
                                  css="uk-cs-oh-amount")
        super().__init__([self.name, self.monthly],
                         layout=w.Layout(flex_flow="row wrap", width="100%", max_width="520px"))

    def fill(self, overhead: Overhead | None) -> None:
        self.name.control.value = overhead.name if overhead else ""
        self.monthly.control.value = rupiah_text(overhead.monthly) if overhead else ""

    def read(self, reader: Reader) -> Overhead | None:
        self.name.clear()
        if not (self.name.control.value.strip() or self.monthly.control.value.strip()):
            self.monthly.clear()
            return None
        name = " ".join(self.name.control.value.split())
        if not name:
            reader.fail(self.name, t("pricing.cs_name_missing"))
        return Overhead(name, reader.amount(self.monthly) or 0)


class CostSheetView(w.VBox):
    """Choose a product, edit its cost sheet, press *Hitung*: cost per piece, break-even and
    the month's profit against pieces sold."""

    def __init__(self, data: PricingData | None = None, product: str | None = None) -> None:
        self.data = data or load_pricing()
        product = product or self.data.main_product
        products = self.data.products(self.data.village.group_of_product(product).key)
        self.product = Field(t("pricing.cs_product"), w.Dropdown(
            options=[(p.name, p.key) for p in products], value=product), css="uk-cs-product")
        self.product.control.layout.height = "44px"  # the page's select is 44 px high
        self.note = w.HTML()
        self.batch = text_field(t("pricing.cs_batch"), css="uk-cs-batch")
        self.materials = [MaterialRow(i) for i in range(1, MATERIAL_ROWS + 1)]
        self.labour_mode = Field(t("pricing.cs_labour"), w.ToggleButtons(
            options=[(t("pricing.cs_labour_time"), "time"),
                     (t("pricing.cs_labour_piece"), "piece")], value="time"),
            css="uk-cs-labour-mode")
        self.minutes = text_field(t("pricing.cs_minutes"), width="50%", css="uk-cs-minutes")
        self.per_hour = text_field(t("pricing.cs_per_hour"), width="50%", css="uk-cs-per-hour")
        self.piece_rate = text_field(t("pricing.cs_piece_rate"), css="uk-cs-piece-rate")
        self.by_time = row(self.minutes, self.per_hour)
        self.overheads = [OverheadRow(i) for i in range(1, OVERHEAD_ROWS + 1)]
        self.units = text_field(t("pricing.cs_units_month"), css="uk-cs-units")
        self.price = text_field(t("pricing.cs_price"), css="uk-cs-price")
        self.calculate = button(t("pricing.calculate"), "primary")
        self.calculate.add_class("uk-cs-calculate")
        self.status = w.HTML()
        self.result = w.HTML()
        self.result.add_class("uk-cs-result")
        self.sheet: CostSheet | None = None
        self.cost: costing.UnitCost | None = None
        self.even: costing.BreakEven | None = None
        self.product.control.observe(lambda c: self.load(c["new"]), "value")
        self.labour_mode.control.observe(lambda _c: self._show_labour(), "value")
        self.calculate.on_click(lambda _b: self.compute())
        super().__init__([
            self.product, self.note, self.batch,
            w.HTML(f"<b>{escape(t('pricing.cs_materials'))}</b>"), *self.materials,
            self.labour_mode, self.by_time, self.piece_rate,
            w.HTML(f"<b>{escape(t('pricing.cs_overheads'))}</b>"), *self.overheads,
            self.units, self.price, self.calculate, self.status, self.result,
        ])
        self.load(product)

    def load(self, product: str) -> None:
        """Fill the sheet from the village data (empty lines where it has none)."""
        sheet = self.data.sheets.get(product)
        self.note.value = "" if sheet else notice_html(t("pricing.cs_empty_sheet"), "info")
        self.batch.control.value = str(sheet.batch_units) if sheet else ""
        for i, line in enumerate(self.materials):
            line.fill(sheet.materials[i] if sheet and i < len(sheet.materials) else None)
        labour = sheet.labour if sheet else Labour(minutes=0, per_hour=self.data.hour_value)
        self.labour_mode.control.value = "piece" if labour.piece_rate is not None else "time"
        self.minutes.control.value = str(labour.minutes) if sheet and labour.minutes else ""
        self.per_hour.control.value = rupiah_text(labour.per_hour or self.data.hour_value)
        self.piece_rate.control.value = rupiah_text(labour.piece_rate)
        for i, line in enumerate(self.overheads):
            line.fill(sheet.overheads[i] if sheet and i < len(sheet.overheads) else None)
        self.units.control.value = str(sheet.units_per_month) if sheet else ""
        self.price.control.value = rupiah_text(self.data.product(product).price)
        self._show_labour()
        self.status.value = self.result.value = ""
        if sheet:
            self.compute()

    def _show_labour(self) -> None:
        by_time = self.labour_mode.control.value == "time"
        self.by_time.layout.display = "" if by_time else "none"
        self.piece_rate.layout.display = "none" if by_time else ""

    def _read(self) -> tuple[CostSheet, int] | None:
        reader = Reader()
        batch = reader.count(self.batch)
        materials = [m for line in self.materials if (m := line.read(reader)) is not None]
        if not materials:
            reader.fail(self.materials[0].name, t("pricing.cs_no_materials"))
        if self.labour_mode.control.value == "time":
            self.piece_rate.clear()
            labour = Labour(minutes=reader.count(self.minutes, minimum=0),
                            per_hour=reader.amount(self.per_hour) or 0)
        else:
            self.minutes.clear()
            self.per_hour.clear()
            labour = Labour(piece_rate=reader.amount(self.piece_rate) or 0)
        overheads = [o for line in self.overheads if (o := line.read(reader)) is not None]
        units = reader.count(self.units)
        price = reader.amount(self.price)
        if not reader.ok or price is None:
            return None
        sheet = CostSheet(self.product.control.value, batch, tuple(materials), labour,
                          tuple(overheads), units)
        return sheet, price

    def compute(self) -> None:
        read = self._read()
        if read is None:
            self.status.value = notice_html(t("pricing.fix_marked"), "error")
            self.result.value = ""
            return
        self.status.value = ""
        self.sheet, price = read
        self.cost = costing.unit_cost(self.sheet)
        self.even = costing.break_even(self.cost.overheads_month, price, self.cost.variable)
        product = self.data.product(self.sheet.product)
        self.result.value = cost_result_html(self.sheet, self.cost, self.even, price,
                                             product.unit)
        LATEST.set_trait("product", self.sheet.product)
        LATEST.variable, LATEST.fixed = self.cost.variable, self.cost.overheads_month
        LATEST.cost = self.cost.total  # last: observers of cost see the rest already set


def _labour_note(labour: Labour) -> str:
    if labour.piece_rate is not None:
        return t("pricing.cs_note_piece")
    return t("pricing.cs_note_time", minutes=labour.minutes,
             per_hour=format_rupiah(labour.per_hour or 0))


def cost_result_html(sheet: CostSheet, cost: costing.UnitCost, even: costing.BreakEven,
                     price: int, unit: str) -> str:
    """The sheet's answer: parts, cost, price, profit, break-even and the chart."""
    profit = price - cost.total
    lines = [money_row(m.name, m.cost, t("pricing.cs_note_line", quantity=quantity_text(
        m.quantity), unit=m.unit, price=format_rupiah(m.unit_price)), css="line")
        for m in sheet.materials]
    lines += [money_row(o.name, o.monthly, t("pricing.cs_note_month"), css="line")
              for o in sheet.overheads]
    rows = lines + [  # "per {unit}": this product's unit (kg), not the village's first
        money_row(t("pricing.cs_row_materials", unit=unit), cost.materials,
                   t("pricing.cs_note_share", total=format_rupiah(cost.materials_batch),
                     units=sheet.batch_units, unit=unit)),
        money_row(t("pricing.cs_row_labour", unit=unit), cost.labour, _labour_note(sheet.labour)),
        money_row(t("pricing.cs_row_overheads", unit=unit), cost.overheads,
                   t("pricing.cs_note_share", total=format_rupiah(cost.overheads_month),
                     units=sheet.units_per_month, unit=unit)),
        money_row(t("pricing.cs_row_total", unit=unit), cost.total, css="total"),
        money_row(t("pricing.cs_row_price"), price),
        money_row(t("pricing.cs_row_profit" if profit >= 0 else "pricing.cs_row_loss", unit=unit),
                   profit, color=PROFIT if profit >= 0 else LOSS),
    ]
    table = f'{table_style()}<table class="uk-price">{"".join(rows)}</table>'
    return table + _verdict(cost, even, price, sheet.units_per_month, unit) + _chart(
        sheet, cost, even, price) + notice_html(t("pricing.cs_rounding", unit=unit), "info")


def _verdict(cost: costing.UnitCost, even: costing.BreakEven, price: int, planned: int,
             unit: str) -> str:
    margin = costing.margin_of_price(cost.total, price)
    parts = []
    if margin.of_cost is not None and margin.of_price is not None:
        key = "pricing.cs_margin" if margin.profit >= 0 else "pricing.cs_margin_loss"
        parts.append(notice_html(t(key, of_cost=format_ratio(abs(margin.of_cost)),
                                   of_price=format_ratio(abs(margin.of_price))),
                                 "ok" if margin.profit >= 0 else "warn"))
    if even.loses_every_sale:
        parts.append(notice_html(t("pricing.cs_loses", price=format_rupiah(price),
                                   variable=format_rupiah(cost.variable), unit=unit), "error"))
        return "".join(parts)
    parts.append(notice_html(t("pricing.cs_breakeven", units=even.units, unit=unit,
                               fixed=format_rupiah(even.fixed),
                               contribution=format_rupiah(even.contribution)), "info"))
    month = costing.profit_at(planned, price, cost.variable, cost.overheads_month)
    key = "pricing.cs_month_profit" if month >= 0 else "pricing.cs_month_loss"
    parts.append(notice_html(t(key, units=planned, unit=unit, amount=format_rupiah(abs(month))),
                             "ok" if month >= 0 else "warn"))
    return "".join(parts)


def _chart(sheet: CostSheet, cost: costing.UnitCost, even: costing.BreakEven,
           price: int) -> str:
    units = costing.chart_units(sheet.units_per_month, even)
    profits = [costing.profit_at(u, price, cost.variable, cost.overheads_month) for u in units]
    label = t("pricing.cs_chart_breakeven", units=even.units) if even.units else ""
    return (f"<h4>{escape(t('pricing.cs_chart_title'))}</h4>"
            + profit_chart(units, profits, t("pricing.cs_chart_title"), even.units, label,
                           t("pricing.cs_chart_axis")))
