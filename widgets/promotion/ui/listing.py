"""Lesson 5's listing builder: a marketplace or catalog listing with its findings, priced
from the net the group wants per piece with lesson 2's listing-price calculation. A thin view
over ``promotion.checks`` and ``pricing.channels``; saved like a post."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.village import Village, load_village
from widgets.pricing import channels
from widgets.pricing.fees import FeeData, load_fees
from widgets.promotion.checks import Finding, Listing, check_listing, parse_weight
from widgets.promotion.platform_rules import LISTING_PLATFORMS, PlatformRules, load_rules
from widgets.promotion.text import clean
from widgets.promotion.ui.composer import save_text
from widgets.promotion.ui.html import findings_html
from widgets.ui.common import PAGE, Field, button, form_refused, notice_html, tick_box
from widgets.ui.inputs import text_field


class ListingBuilderView(w.VBox):
    """A marketplace or catalog listing with its findings; the price comes from the lesson 2
    listing-price calculation for the net the group wants per piece."""

    def __init__(self, group: str | None = None, rules: PlatformRules | None = None,
                 village: Village | None = None, fees: FeeData | None = None,
                 today: dt.date | None = None, cluster: str = "lifestyle") -> None:
        self.rules = rules or load_rules()
        self.village = village or load_village()
        self.fees = fees or load_fees()
        self.today = today or dt.date.today()
        self.cluster = cluster
        product = self.village.production(group).products[0]
        self.platform = Field(t("promoview.listing_platform"), w.Dropdown(
            options=[(self.rules.listings[k].name, k) for k in LISTING_PLATFORMS],
            value="tokopedia"), css="uk-ls-platform")
        self.title = text_field(t("promoview.listing_title"), product.name, css="uk-ls-title")
        self.description = Field(t("promoview.listing_description"), w.Textarea(rows=5),
                                 t("promoview.listing_description_hint"),
                                 css="uk-ls-description")
        self.net = text_field(t("promoview.listing_net"), format_rupiah(product.price),
                              css="uk-ls-net", hint=t("promoview.listing_net_hint"))
        self.price = text_field(t("promoview.listing_price"), css="uk-ls-price")
        self.weight = text_field(t("promoview.listing_weight"), css="uk-ls-weight",
                                 hint=t("promoview.listing_weight_hint"))
        self.photos = Field(t("promoview.listing_photos"), w.BoundedIntText(
            value=1, min=0, max=20), css="uk-ls-photos")
        self.live = tick_box(t("promoview.listing_live"))
        self.live.add_class("uk-ls-live")
        self.use_net = button(t("promoview.listing_use_net"))
        self.use_net.add_class("uk-ls-use-net")
        self.check = button(t("promoview.listing_check"), "primary")
        self.check.add_class("uk-ls-check")
        self.price_note = w.HTML()
        self.price_note.add_class("uk-ls-price-note")
        self.findings = w.HTML()
        self.findings.add_class("uk-ls-findings")
        self.save = button(t("promoview.listing_save"))
        self.save.add_class("uk-ls-save")
        self.status = w.HTML()
        self.use_net.on_click(lambda _b: self.fill_price())
        self.check.on_click(lambda _b: self.run())
        self.save.on_click(lambda _b: self.save_listing())
        self.platform.control.observe(lambda _c: self._platform_changed(), "value")
        self.findings_list: list[Finding] = []
        super().__init__([self.platform, self.title, self.description, self.net, self.use_net,
                          self.price, self.price_note, self.weight, self.photos, self.live,
                          self.check, self.findings, self.save, self.status])
        self.fill_price()

    def _platform_changed(self) -> None:
        self.findings.value = ""
        self.fill_price()

    def _is_market(self) -> bool:
        return self.platform.control.value in self.fees.marketplaces

    def fill_price(self) -> None:
        """The listing price that leaves the wanted net after the marketplace's cut (lesson 2);
        outside the marketplaces the price is the net itself."""
        self.net.clear()
        self.price_note.value = ""
        try:
            net = parse_rupiah(self.net.control.value)
        except AmountError as exc:
            self.net.error(str(exc))
            return
        if net <= 0:
            self.net.error(t("promoview.listing_net_positive"))
            return
        if not self._is_market():
            self.price.control.value = format_rupiah(net)
            return
        market = self.fees.marketplaces[self.platform.control.value]
        rate = market.admin_fee.assumed(self.cluster)
        cut = channels.terms(market, self.fees.pph22, rate, self.today)
        try:
            price = channels.listing_price(net, cut)
        except channels.ChannelError as exc:
            self.net.error(str(exc))
            return
        self.price.control.value = format_rupiah(price)
        self.price_note.value = notice_html(t(
            "promoview.listing_price_from_net", price=format_rupiah(price),
            net=format_rupiah(net), name=market.name), "info")

    def read(self) -> Listing | None:
        ok = not form_refused(self)  # a text over its limit says so under its field
        self.price.clear()
        self.weight.clear()
        price = weight = None
        try:
            price = parse_rupiah(self.price.control.value) if self.price.control.value.strip() \
                else None
        except AmountError as exc:
            self.price.error(str(exc))
            ok = False
        try:
            weight = parse_weight(self.weight.control.value)
        except ValueError as exc:
            self.weight.error(str(exc))
            ok = False
        if not ok:
            return None
        return Listing(
            title=clean(self.title.control.value, 400),
            description=clean(self.description.control.value, 6000),
            price=price, weight_grams=weight, photos=int(self.photos.control.value or 0),
            live_animal=self.live.value)

    def run(self) -> None:
        listing = self.read()
        if listing is None:
            self.findings.value = notice_html(t("promoview.fix_marked"), "error")
            self.findings_list = []
            return
        self.listing = listing
        self.findings_list = check_listing(listing, self.platform.control.value,
                                                     self.rules)
        self.findings.value = findings_html(self.findings_list, "uk-ls-findings-list")

    def save_listing(self) -> None:
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("promoview.sign_in_first"), "error")
            return
        self.run()
        if not self.findings_list:
            return
        listing = self.listing
        text = f"{listing.title}\n\n{listing.description}".strip()
        parts = {"title": listing.title, "description": listing.description,
                 "price": listing.price, "weight_grams": listing.weight_grams,
                 "photos": listing.photos, "live_animal": listing.live_animal}
        self.status.value = save_text(session, "listing", self.platform.control.value, parts,
                                      text, self.findings_list)


def listing_builder(group: str | None = None) -> ListingBuilderView:
    return ListingBuilderView(group)
