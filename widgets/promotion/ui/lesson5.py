"""Lesson 5 (Marketplace dan Mitra): the listing builder and its repair exercise, the
consignment agreement maker, and the goat-channel exercise. Each public function is one
notebook cell's call; answers are checked in the kernel, never shipped to the page."""

from __future__ import annotations

import datetime as dt
import logging
from html import escape

import ipywidgets as w
from IPython.display import HTML, display

from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.numbers import NumberError, parse_count, parse_percent
from widgets.core.theme import INPUT_BORDER
from widgets.core.village import load_village
from widgets.pricing.fees import load_fees
from widgets.pricing.sources import fee_sources_html
from widgets.promotion import consignment
from widgets.promotion import exercises as promo_exercises
from widgets.promotion.platform_rules import load_rules
from widgets.promotion.ui.html import findings_html
from widgets.promotion.ui.listing import ListingBuilderView
from widgets.promotion.ui.listingsteps import ListingStepsView
from widgets.promotion.ui.stockcard import StockCardView
from widgets.store.answers import save_answer
from widgets.ui.common import (
    PAGE,
    Field,
    button,
    file_slug,
    notice_html,
    page_link,
    tick_box,
)
from widgets.ui.inputs import text_field
from widgets.ui.signin import SignInView

log = logging.getLogger(__name__)
AGREEMENT_EXERCISE = "marketplace-titip"


def show_fee_sources() -> None:
    """The marketplace fees with their dates, as lesson 2 shows them."""
    display(HTML(fee_sources_html(load_fees(), dt.date.today())))


def sign_in() -> SignInView:
    return SignInView(page="06-marketplace-dan-mitra")


def listing_builder(group: str | None = None) -> ListingBuilderView:
    return ListingBuilderView(group)


def listing_repair() -> ListingBuilderView:
    """The exercise: a listing written the way that gets it blocked, to be repaired."""
    view = ListingBuilderView()
    view.title.control.value = t("lesson5.bad_title")
    view.description.control.value = t("lesson5.bad_description")
    view.weight.control.value = ""
    view.photos.control.value = 1
    view.run()
    return view


# --- Consignment agreement -------------------------------------------------------------------


class AgreementView(w.VBox):
    """Fill in the terms with a shop; see what is still missing; print the agreement."""

    def __init__(self, group: str | None = None, today: dt.date | None = None) -> None:
        village = load_village()
        self.group = village.production(group)
        product = self.group.products[0]
        self.today = today or dt.date.today()
        self.partner = text_field(t("lesson5.ag_partner"), css="uk-ag-partner",
                                  placeholder=t("lesson5.ag_partner_example"))
        self.product = text_field(t("lesson5.ag_product"), product.name, css="uk-ag-product")
        self.quantity = text_field(t("lesson5.ag_quantity"), css="uk-ag-quantity")
        self.price = text_field(t("lesson5.ag_price"), format_rupiah(product.price),
                                css="uk-ag-price")
        self.commission = text_field(t("lesson5.ag_commission"), css="uk-ag-commission",
                                     hint=t("lesson5.ag_commission_hint"))
        self.payment = text_field(t("lesson5.ag_payment"), css="uk-ag-payment")
        self.returns = text_field(t("lesson5.ag_returns"), css="uk-ag-returns")
        self.damage = Field(t("lesson5.ag_damage"), w.Dropdown(options=[
            (t("lesson5.ag_damage_unset"), "")] + [
            (t(f"consign.damage_{k}"), k) for k in consignment.DAMAGE], value=""),
            css="uk-ag-damage")
        self.make = button(t("lesson5.ag_make"), "primary")
        self.make.add_class("uk-ag-make")
        self.findings = w.HTML()
        self.findings.add_class("uk-ag-findings")
        self.preview = w.HTML()
        self.preview.add_class("uk-ag-preview")
        self.make.on_click(lambda _b: self.run())
        super().__init__([self.partner, self.product, self.quantity, self.price,
                          self.commission, self.payment, self.returns, self.damage, self.make,
                          self.findings, self.preview])

    def _optional(self, field: Field, read) -> tuple[bool, object]:
        field.clear()
        typed = field.control.value.strip()
        if not typed:
            return True, None
        try:
            return True, read(typed)
        except (AmountError, NumberError) as exc:
            field.error(str(exc))
            return False, None

    def read(self) -> consignment.Agreement | None:
        results = [
            self._optional(self.quantity, lambda s: parse_count(s, 1)),
            self._optional(self.price, parse_rupiah),
            self._optional(self.commission, lambda s: parse_percent(s)),
            self._optional(self.payment, lambda s: parse_count(s, 0)),
            self._optional(self.returns, lambda s: parse_count(s, 1)),
        ]
        if not all(ok for ok, _ in results):
            return None
        quantity, price, commission, payment, returns = (value for _, value in results)
        if price == 0:
            self.price.error(t("lesson5.ag_price_positive"))
            return None
        clean = " ".join(self.partner.control.value.split())[:120]
        return consignment.Agreement(
            self.group.name, clean, " ".join(self.product.control.value.split())[:120],
            price, commission, payment, returns, self.damage.control.value, quantity,
            self.today)

    def run(self) -> None:
        agreement = self.read()
        if agreement is None:
            self.findings.value = notice_html(t("promoview.fix_marked"), "error")
            self.preview.value = ""
            return
        found = consignment.check_agreement(agreement)
        self.findings.value = findings_html(found, "uk-ag-findings-list")
        name = (f"perjanjian-titip-{file_slug(agreement.partner, 'toko')}-"
                f"{self.today.isoformat()}.html")
        self.preview.value = (
            f'<div style="border:1px solid {INPUT_BORDER};border-radius:8px;padding:10px;'
            f'max-width:520px;background:#fff;overflow-wrap:anywhere">'
            f"{consignment.agreement_body(agreement)}</div>"
            + page_link("uk-ag-download", name, consignment.agreement_html(agreement),
                        t("lesson5.ag_download"), t("lesson5.ag_print_hint")))
        session = PAGE.session
        if session is not None:
            try:
                save_answer(session, AGREEMENT_EXERCISE, {"partner": agreement.partner},
                                    found[-1].key == "agreement_ok")
            except ValueError:
                log.exception("saving the agreement answer failed")


def agreement_maker(group: str | None = None) -> AgreementView:
    return AgreementView(group)


def stock_card(group: str | None = None) -> StockCardView:
    """The consignment stock card: goods at each shop, what sold, what the shop paid."""
    return StockCardView(group)


# --- Where may the goat group sell? ------------------------------------------------------------


class GoatChannelsView(w.VBox):
    def __init__(self) -> None:
        self.boxes = {
            key: tick_box(t(f"promotionex.goat_{key}"))
            for key in promo_exercises.GOAT_CHOICES
        }
        for key, box in self.boxes.items():
            box.add_class(f"uk-goat-{key.replace('_', '-')}")
        rule = load_rules().live_animals  # WhatsApp's commerce rules are Meta's (FACTS.md)
        check = notice_html(t("promotionex.goat_whatsapp_check", source=rule.source,
                              date=format_date(rule.as_of)), "warn")
        question = w.HTML(f'{check}<p style="font-weight:600;max-width:520px">'
                          f'{escape(t("promotionex.goat_question"))}</p>')
        self.check = button(t("promotionex.check"), "primary")
        self.check.add_class("uk-goat-check")
        self.result = w.HTML()
        self.result.add_class("uk-goat-result")
        self.check.on_click(lambda _b: self.run())
        super().__init__([question, *self.boxes.values(), self.check, self.result])

    def run(self) -> None:
        chosen = [key for key, box in self.boxes.items() if box.value]
        result = promo_exercises.check_goat_channels(chosen)
        kind = "ok" if result.correct else "warn"
        self.result.value = "".join(notice_html(line, kind) for line in result.messages())
        session = PAGE.session
        if session is None:
            self.result.value += notice_html(t("promotionex.sign_in_first"), "info")
            return
        try:
            save_answer(session, promo_exercises.GOAT_EXERCISE, {"chosen": chosen},
                                result.correct)
        except ValueError:
            log.exception("saving the goat answer failed")


def goat_channels() -> GoatChannelsView:
    return GoatChannelsView()


def listing_price_steps() -> ListingStepsView:
    """The listing price that keeps the net wanted, worked one step at a time."""
    return ListingStepsView()
