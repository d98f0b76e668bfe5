"""Lesson 3 (Harga): what the group's records say about costs, the cost sheet, the price and
break-even step tables, the goat's cost, the channel comparison, the worked
investor-and-supermarket case, and two exercises checked on the server. (The marketplace
listing price is lesson 6's, ``widgets.promotion.ui.listingsteps``.)

Each public function is one notebook cell's call. The exercises' answers are computed in
``widgets.pricing.exercises`` when *Periksa* is pressed; nothing of them is in widget state.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from fractions import Fraction
from html import escape

import ipywidgets as w
from IPython.display import HTML, display

from widgets.cashbook.data import load_cashbook
from widgets.core.i18n import format_date, format_month, t
from widgets.core.money import format_rupiah
from widgets.core.notice import left_out_html
from widgets.core.numbers import format_count, format_percent, format_ratio, round_half_up
from widgets.core.theme import ACCENT
from widgets.pricing import costing
from widgets.pricing import exercises as pricing_exercises
from widgets.pricing.data import load_pricing
from widgets.pricing.fees import load_fees
from widgets.pricing.records import (
    animal_words,
    cashbook_facts,
    electricity_share,
    goat_sales,
    herd_losses,
    shop_commission,
)
from widgets.pricing.supermarket import investor_case
from widgets.pricing.ui.channels import ChannelComparisonView, channel_sources
from widgets.pricing.ui.costsheet import CostSheetView
from widgets.pricing.ui.goat import GoatCostView
from widgets.pricing.ui.price import PriceCalculatorView
from widgets.pricing.ui.pricesteps import BreakEvenStepsView, PriceStepsView
from widgets.store.answers import answers, save_answer
from widgets.ui.common import PAGE, Field, button, notice_html, section, show_when_signed_in
from widgets.ui.inputs import Reader, table_style
from widgets.ui.signin import SignInView

EXERCISES = ("harga-biaya-keset", "harga-pilih-harga")


def _rows(pairs: list[tuple[str, str]]) -> str:
    body = "".join(f'<tr><td>{escape(label)}</td><td class="num">{escape(value)}</td></tr>'
                   for label, value in pairs)
    return f'{table_style()}<table class="uk-price">{body}</table>'


def _rp(amount: int | None) -> str:
    return "–" if amount is None else format_rupiah(amount)


def cashbook_facts_html(group: str | None = None) -> str:
    data = load_pricing()
    info, rules = data.village.production(group), data.fact_rules
    book = load_cashbook(data.village).book(info.key)
    facts = cashbook_facts(book, rules)
    first, last = book[0].day, book[-1].day
    commission = shop_commission(facts)
    pairs = [(rule.label, _rp(facts.unit_prices[key])) for key, rule in rules.unit_prices.items()]
    pairs += [
        (rules.trip.label, _rp(facts.trip_to_town)),
        (rules.electricity, _rp(facts.electricity_per_month)),
        (rules.share_label, _rp(electricity_share(facts, rules.share))),
        (rules.upkeep.label, _rp(facts.upkeep_per_month)),
        (rules.direct_sale.label, _rp(facts.direct_price)),
        (rules.shop_sale.label, _rp(facts.shop_pays)),
        (t("lesson2.facts_commission"),
         format_ratio(commission) if commission is not None else "–"),
    ]
    title = t("lesson2.facts_title", group=info.called,
              first=format_month(first.year, first.month),
              last=format_month(last.year, last.month))
    return (f"<h4>{escape(title)}</h4>" + _rows(pairs)
            + notice_html(t("lesson2.facts_note", months=facts.months, kind=info.kind), "info"))


def show_cashbook_facts(group: str | None = None) -> None:
    display(HTML(cashbook_facts_html(group)))


def cost_sheet(product: str | None = None) -> CostSheetView:
    return CostSheetView(product=product)


def price_calculator(product: str | None = None) -> PriceCalculatorView:
    """Both ways between price and margin (the lecture deck's live calculator)."""
    data = load_pricing()
    product = product or data.main_product
    sheet = data.sheets.get(product)
    cost = costing.unit_cost(sheet).total if sheet else None
    return PriceCalculatorView(cost=cost, price=data.product(product).price)


def price_steps(product: str | None = None) -> PriceStepsView:
    """The price from the cost, one step at a time (the lesson's replacement for the formula)."""
    data = load_pricing()
    sheet = data.sheets.get(product or data.main_product)
    return PriceStepsView(cost=costing.unit_cost(sheet).total if sheet else None)


def break_even_steps(product: str | None = None) -> BreakEvenStepsView:
    """The break-even point, one step at a time, at the product's price today."""
    data = load_pricing()
    product = product or data.main_product
    sheet = data.sheets.get(product)
    cost = costing.unit_cost(sheet) if sheet else None
    return BreakEvenStepsView(cost.overheads_month if cost else None,
                              data.product(product).price, cost.variable if cost else None)


def goat_records_html() -> str:
    village = load_pricing().village
    if village.livestock_group() is None:
        return left_out_html("no_livestock")
    deaths, raised = herd_losses(village)
    words = animal_words(village)
    every = round_half_up(Fraction(raised, deaths)) if deaths else 0
    lines = [notice_html(t("lesson2.goat_deaths", deaths=format_count(deaths),
                           raised=format_count(raised), every=format_count(every),
                           ratio=format_ratio(costing.mortality(deaths, raised)), **words),
                         "info")]
    for sale in goat_sales(village):
        lines.append(notice_html(t("lesson2.goat_sale", day=format_date(sale.day),
                                   head=format_count(sale.head),
                                   total=format_rupiah(sale.total),
                                   per_head=format_rupiah(sale.per_head), note=sale.note),
                                 "info"))
    return (f"<h4>{escape(t('lesson2.goat_records_title', **words))}</h4>"
            + "".join(lines))


def show_goat_records() -> None:
    display(HTML(goat_records_html()))


def goat_cost() -> w.Widget:
    """The raising-cost view, or the trainer's note in a village with no livestock group."""
    if load_pricing().village.livestock_group() is None:
        return w.HTML(left_out_html("no_livestock"))
    return GoatCostView()


def channel_comparison(product: str | None = None,
                       today: dt.date | None = None) -> ChannelComparisonView:
    """The comparison; its sources follow on the next step (:func:`channel_sources_view`)."""
    return ChannelComparisonView(product=product, today=today, with_sources=False)


def channel_sources_view(today: dt.date | None = None) -> w.HTML:
    """Where each fee of the comparison comes from, with its date."""
    return channel_sources(load_fees(), today or dt.date.today())


def investor_case_html() -> str:
    data = load_pricing()
    case, c = data.partnership, data.channels
    keset = costing.unit_cost(data.sheets[case.product])
    result = investor_case(data)
    investor_share = 10_000 - case.group_share
    shop = t("lesson2.case_shop", price=format_rupiah(case.shelf_price),
             margin=format_percent(c.supermarket_margin), returns=format_percent(c.returns),
             net=format_rupiah(result.shop.net_per_unit), days=c.supermarket_days)
    money = _rows([
        (t("lesson2.case_paid_in"), format_rupiah(result.paid_in)),
        (t("lesson2.case_materials"), "−" + format_rupiah(result.materials)),
        (t("lesson2.case_profit"), format_rupiah(result.profit)),
    ])
    way_a = _rows([(t("lesson2.case_group"), format_rupiah(result.group_split)),
                   (t("lesson2.case_investor"), format_rupiah(result.investor_split))])
    way_b = _rows([(t("lesson2.case_group"), format_rupiah(result.maklon)),
                   (t("lesson2.case_investor"), format_rupiah(result.investor_if_maklon))])
    return (
        f"<h4>{escape(t('lesson2.case_title', units=case.units))}</h4>"
        + notice_html(shop, "info") + money
        + f"<h4>{escape(t('lesson2.case_split_title', group=format_percent(case.group_share), investor=format_percent(investor_share)))}</h4>"  # noqa: E501
        + way_a
        + f"<h4>{escape(t('lesson2.case_maklon_title', rate=format_rupiah(case.maklon_per_unit)))}</h4>"  # noqa: E501
        + way_b
        + notice_html(t("lesson2.case_group_cost", time=format_rupiah(keset.labour),
                        overheads=format_rupiah(keset.overheads), units=case.units,
                        cost=format_rupiah(result.group_cost)), "info")
        + notice_html(t("lesson2.case_question", days=c.supermarket_days), "info")
    )


def show_investor_case() -> None:
    display(HTML(investor_case_html()))


# --- Exercises ------------------------------------------------------------------------------


class ExerciseCard(w.VBox):
    """A story, one amount to type, *Periksa*, and feedback from the server-side check."""

    def __init__(self, exercise: str, title: str, story_html: str, answer_label: str,
                 check: Callable[[int | None, int], pricing_exercises.Check]) -> None:
        self.exercise = exercise
        self.check_answer = check
        self.answer = Field(answer_label, w.Text(placeholder="Rp"), css=f"uk-ex2-{exercise}")
        self.check = button(t("lesson2.ex_check"), "primary")
        self.check.add_class(f"uk-ex2-check-{exercise}")
        self.feedback = w.HTML()
        self.feedback.add_class(f"uk-ex2-feedback-{exercise}")
        self.check.on_click(lambda _b: self.run())
        card = (f'<div style="background:#fff;border-left:4px solid {ACCENT};padding:10px 12px;'
                f'border-radius:6px">{story_html}</div>')
        super().__init__([section(title), w.HTML(card), self.answer, self.check,
                          self.feedback])

    def run(self) -> None:
        self.feedback.value = ""
        session = PAGE.session
        if session is None:
            self.feedback.value = notice_html(t("lesson2.ex_signin_first"), "warn")
            return
        reader = Reader()
        typed = reader.amount(self.answer, optional=True)
        if not reader.ok:
            return
        tries = sum(1 for a in answers(session, self.exercise) if not a.correct)
        result = self.check_answer(typed, tries)
        save_answer(session, self.exercise, {"typed": typed}, result.correct)
        self.feedback.value = "".join(notice_html(text, kind) for kind, text in result.lines)


def _story(text: str, items: list[str] | None = None) -> str:
    listed = "".join(f"<li>{escape(item)}</li>" for item in items or [])
    return f"<p>{escape(text)}</p>" + (f"<ul>{listed}</ul>" if listed else "")


class Exercises(w.VBox):
    """Sign-in, then the two exercises (hidden until signed in, as in lesson 1)."""

    def __init__(self, store=None) -> None:
        data = load_pricing()
        intro, shopping = pricing_exercises.cost_story(data)
        task = pricing_exercises.price_task(data)
        self.cards = [
            ExerciseCard(EXERCISES[0], t("lesson2.ex_title_cost"), _story(intro, shopping),
                         t("lesson2.ex_answer_cost"),
                         lambda typed, tries: pricing_exercises.check_cost(data, typed, tries)),
            ExerciseCard(EXERCISES[1], t("lesson2.ex_title_price"), _story(t(
                "lesson2.ex_price_story", cost=format_rupiah(task.cost),
                rate=format_percent(task.commission), margin=format_percent(task.min_margin),
                market=format_rupiah(task.market_max))), t("lesson2.ex_answer_price"),
                lambda typed, tries: pricing_exercises.check_price(data, typed, tries)),
        ]
        self.signed_out = w.HTML(notice_html(t("lesson2.ex_signin_first"), "warn"))
        self.body = w.VBox(self.cards)
        super().__init__([SignInView(store=store, page="03-harga"), self.signed_out, self.body])
        show_when_signed_in(self.body, self.signed_out, self._clear_feedback)

    def _clear_feedback(self) -> None:
        for card in self.cards:
            card.feedback.value = ""


def exercises() -> Exercises:
    return Exercises()


def projector_channels(product: str | None = None) -> w.VBox:
    """The channel comparison in the projector layout (``lessons/proyektor-harga.ipynb``)."""
    from widgets.ui.projector import projector

    return projector(ChannelComparisonView(product=product), t("lesson2.projector_title"))
