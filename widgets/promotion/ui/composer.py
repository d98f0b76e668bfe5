"""Lesson 4's post composer: build a post from its parts, see it as on a phone, fix what the
checks find, copy it and save it. A thin view over ``promotion.posts`` and
``promotion.checks``; the HTML pieces live in ``promotion.ui.html``. Participant text is
escaped everywhere it is shown."""

from __future__ import annotations

import datetime as dt
import logging

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.village import Group, Product, Village, load_village
from widgets.promotion import db
from widgets.promotion import posts as promotion
from widgets.promotion.checks import Finding, check_post, passes
from widgets.promotion.data import load_promotion
from widgets.promotion.platform_rules import POST_PLATFORMS, PlatformRules, load_rules
from widgets.promotion.text import parse_hashtags
from widgets.promotion.ui.html import copy_html, findings_html, preview_html, saved_list_html
from widgets.store.answers import save_answer
from widgets.store.fields import FieldError
from widgets.ui.common import PAGE, Field, button, form_refused, notice_html, section
from widgets.ui.inputs import row, text_field

log = logging.getLogger(__name__)
POST_EXERCISE = "promosi-tulisan"
LISTING_EXERCISE = "marketplace-daftar"


def _place(village: Village) -> str:
    return t("promoview.place_default", village=village.name, district=village.district)


def _product(group: Group, key: str | None) -> Product:
    """The group's product ``key`` (its first product when None); LookupError names it."""
    if key is None:
        return group.products[0]
    for product in group.products:
        if product.key == key:
            return product
    raise LookupError(f"group {group.key!r} has no product {key!r}")


class PostComposerView(w.VBox):
    """Build a post from its parts, see it as on a phone, fix what the checks find, copy and
    save it."""

    def __init__(self, group: str | None = None, rules: PlatformRules | None = None,
                 village: Village | None = None, product: str | None = None) -> None:
        self.rules = rules or load_rules()
        self.village = village or load_village()
        self.group: Group = self.village.production(group)
        product_ = _product(self.group, product)
        limit = self.rules.posts["instagram"].hashtags_max.value
        suggested = promotion.suggest_for(self.village, product_.name, limit)
        self.start = Field(t("promoview.start_product"), w.Dropdown(
            options=[(p.name, f"{g.key}:{p.key}") for g in self.village.groups.values()
                     for p in g.products], value=f"{self.group.key}:{product_.key}"),
            css="uk-pc-start")
        self.shop = Field(t("promoview.shop"), w.Dropdown(
            options=[(t("promoview.shop_none"), "")]
            + [(spec.name, key) for key, spec in self.rules.listings.items() if spec.meta_shop],
            value=""), css="uk-pc-shop")
        product = product_
        self.platform = Field(t("promoview.platform"), w.ToggleButtons(
            options=[(self.rules.posts[k].name, k) for k in POST_PLATFORMS],
            value="instagram"), css="uk-pc-platform")
        self.hook = text_field(t("promoview.hook"), css="uk-pc-hook",
                               placeholder=t("promoview.hook_example"))
        self.product = text_field(t("promoview.product"), product.name, css="uk-pc-product")
        self.material = text_field(t("promoview.material"), css="uk-pc-material", width="100%")
        self.size = text_field(t("promoview.size"), css="uk-pc-size", width="50%")
        self.colour = text_field(t("promoview.colour"), css="uk-pc-colour", width="50%")
        self.benefit = Field(t("promoview.benefit"), w.Textarea(
            placeholder=t("promoview.benefit_example"), rows=2), css="uk-pc-benefit")
        self.price = text_field(t("promoview.price"), format_rupiah(product.price),
                                css="uk-pc-price", hint=t("promoview.price_hint"))
        self.order = Field(t("promoview.order"), w.Dropdown(options=[
            (t(f"promoview.order_{k}"), k) for k in promotion.ORDER_WAYS], value="whatsapp"),
            css="uk-pc-order")
        self.order_note = text_field(t("promoview.order_note"), css="uk-pc-order-note",
                                     placeholder=t("promoview.order_note_example"))
        self.contact = text_field(t("promoview.contact"), css="uk-pc-contact",
                                  placeholder="0812-3456-7890")
        self.place = text_field(t("promoview.place"), _place(self.village), css="uk-pc-place")
        self.hashtags = text_field(
            t("promoview.hashtags"), " ".join(suggested), css="uk-pc-hashtags",
            hint=t("promoview.hashtags_hint", max=limit,
                   tags=" ".join(load_promotion(self.village).hashtags)))
        self.preview = w.HTML()
        self.preview.add_class("uk-pc-preview")
        self.findings = w.HTML()
        self.findings.add_class("uk-pc-findings")
        self.copy = w.HTML()
        self.save = button(t("promoview.save"), "primary")
        self.save.add_class("uk-pc-save")
        self.status = w.HTML()
        self.status.add_class("uk-pc-status")
        self.saved = w.HTML()
        self.saved.add_class("uk-pc-saved")
        self.reopen = Field(t("promoview.reopen"), w.Dropdown(options=[]), css="uk-pc-reopen")
        self.reopen_button = button(t("promoview.reopen_button"))
        self.reopen_button.add_class("uk-pc-reopen-button")
        self.reopen_button.on_click(lambda _b: self.open_saved())
        self.reopen_box = w.VBox([self.reopen, self.reopen_button])
        self.text = ""
        self.parts = promotion.PostParts()
        inputs = [self.hook, self.product, self.material, self.size, self.colour, self.benefit,
                  self.price, self.order, self.order_note, self.contact, self.place,
                  self.hashtags, self.platform]
        for field in inputs + [self.shop]:
            field.control.observe(lambda _c: self.refresh(), "value")
        self.start.control.observe(lambda c: self.start_from(c["new"]), "value")
        self.save.on_click(lambda _b: self.save_post())
        PAGE.observe(lambda _c: self._show_saved(), "session")
        PAGE.observe(lambda _c: self.refresh(), "photo")
        super().__init__([
            self.start, self.platform, self.shop, self.hook, self.product, row(self.material),
            row(self.size, self.colour), self.benefit, self.price, self.order, self.order_note,
            self.contact, self.place, self.hashtags,
            section(t("promoview.preview_title")), self.preview,
            section(t("promoview.findings_title")), self.findings,
            section(t("promoview.copy_title")), self.copy,
            self.save, self.status, self.saved, self.reopen_box,
        ])
        self.refresh()
        self._show_saved()

    def start_from(self, choice: str) -> None:
        """Fill the product, its price and its hashtags from a product of the village."""
        group, key = choice.split(":", 1)
        self.group = self.village.production(group)
        product = _product(self.group, key)
        limit = self.rules.posts["instagram"].hashtags_max.value
        self.product.control.value = product.name
        self.price.control.value = format_rupiah(product.price)
        self.hashtags.control.value = " ".join(
            promotion.suggest_for(self.village, product.name, limit))
        self.refresh()

    def read_parts(self) -> promotion.PostParts:
        """The parts as typed; a price that cannot be read shows why under its field and
        counts as missing."""
        self.price.clear()
        price = None
        typed = self.price.control.value
        if typed.strip():
            try:
                price = parse_rupiah(typed)
            except AmountError as exc:
                self.price.error(str(exc))
        return promotion.PostParts.make(
            hook=self.hook.control.value, product=self.product.control.value,
            material=self.material.control.value, size=self.size.control.value,
            colour=self.colour.control.value, benefit=self.benefit.control.value,
            price=price, order=self.order.control.value,
            order_note=self.order_note.control.value, contact=self.contact.control.value,
            place=self.place.control.value, hashtags=self.hashtags.control.value)

    def refresh(self) -> None:
        platform = self.platform.control.value
        self.parts = self.read_parts()
        _tags, rejected = parse_hashtags(self.hashtags.control.value)
        self.hashtags.clear()
        if rejected:
            self.hashtags.error(t("promoview.hashtags_rejected", tags=", ".join(rejected)))
        self.text = promotion.render_post(self.parts, platform)
        self.findings_list = check_post(self.parts, platform, self.rules,
                                        self.shop.control.value or None)
        self.preview.value = preview_html(self.text, platform, self.group.name, self.rules,
                                          PAGE.photo)
        self.findings.value = findings_html(self.findings_list, "uk-pc-findings-list")
        self.copy.value = copy_html(self.text, "uk-pc-copy")

    def save_post(self) -> None:
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("promoview.sign_in_first"), "error")
            return
        if form_refused(self):
            self.status.value = notice_html(t("promoview.fix_marked"), "error")
            return
        self.refresh()
        self.status.value = save_text(session, "post", self.platform.control.value,
                                      self.parts.as_dict(), self.text, self.findings_list)
        self._show_saved()

    def _show_saved(self) -> None:
        session = PAGE.session
        posts = db.posts(session, "post") if session is not None else []
        self.saved.value = saved_list_html(posts, self.rules)
        names = {k: p.name for k, p in self.rules.posts.items()}
        self.reopen.control.options = [
            (t("promoview.saved_item", platform=names.get(p.platform, p.platform),
               date=format_date(dt.datetime.fromisoformat(p.created_at).date()))
             + f" · {p.text[:40]}", p.id) for p in reversed(posts)]
        if posts:
            self.reopen.control.value = posts[-1].id  # the newest first
        self.reopen_box.layout.display = "" if posts else "none"

    def open_saved(self) -> None:
        """Put a saved post's parts back in the fields, to change it and save it again."""
        session = PAGE.session
        wanted = self.reopen.control.value
        found = [p for p in db.posts(session, "post") if p.id == wanted] if session else []
        if not found:
            return
        post = found[0]
        parts = promotion.PostParts.make(**{k: v for k, v in post.parts.items()
                                            if k != "price"}, price=post.parts.get("price"))
        fields = {"hook": self.hook, "product": self.product, "material": self.material,
                  "size": self.size, "colour": self.colour, "benefit": self.benefit,
                  "order_note": self.order_note, "contact": self.contact, "place": self.place}
        for key, field in fields.items():
            field.control.value = getattr(parts, key)
        self.order.control.value = parts.order
        self.hashtags.control.value = " ".join(parts.hashtags)
        self.price.control.value = format_rupiah(parts.price) if parts.price else ""
        if post.platform in POST_PLATFORMS:
            self.platform.control.value = post.platform
        self.status.value = notice_html(t("promoview.reopened"), "info")


def save_text(session, kind: str, platform: str, parts: dict, text: str,
              findings: list[Finding]) -> str:
    """Keep a post or listing and record the exercise attempt (done when nothing is left to
    fix); returns the status line to show."""
    passed = passes(findings)
    exercise = POST_EXERCISE if kind == "post" else LISTING_EXERCISE
    try:
        saved = db.save_post(session, kind, platform, parts, text)
        save_answer(session, exercise, {"post_id": saved.id, "platform": platform}, passed)
    except FieldError as exc:  # the store's own limits: its message is plain Indonesian
        return notice_html(str(exc), "error")
    except ValueError:
        log.exception("saving a %s failed", kind)
        return notice_html(t("promoview.save_failed"), "error")
    key = "promoview.saved_passed" if passed else "promoview.saved_not_yet"
    return notice_html(t(key), "ok" if passed else "warn")


def post_composer(group: str | None = None, product: str | None = None) -> PostComposerView:
    return PostComposerView(group, product=product)
