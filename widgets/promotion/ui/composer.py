"""Lesson 4 and 5 views over ``promotion.posts``: the post composer with a phone-like preview,
and the marketplace listing builder. Participant text is escaped everywhere it is shown."""

from __future__ import annotations

import datetime as dt
import logging
import re
from html import escape

import ipywidgets as w

from widgets.core.i18n import format_date, t
from widgets.core.money import AmountError, format_rupiah, parse_rupiah
from widgets.core.village import Group, Village, load_village
from widgets.pricing import channels
from widgets.pricing.fees import FeeData, load_fees
from widgets.promotion import db
from widgets.promotion import posts as promotion
from widgets.promotion.posts import Finding, PlatformRules
from widgets.store.answers import save_answer
from widgets.ui.common import PAGE, Field, button, notice_html, section, tick_box
from widgets.ui.inputs import row, text_field

log = logging.getLogger(__name__)
POST_EXERCISE = "promosi-tulisan"
LISTING_EXERCISE = "marketplace-daftar"
_ICON = {"error": "⚠", "warn": "⚠", "info": "ℹ", "ok": "✔"}
_COLOR = {"error": "#b42318", "warn": "#9a6700", "info": "#344054", "ok": "#1a7f37"}
_CARD = ("max-width:420px;border:1px solid #d0d5dd;border-radius:14px;background:#fff;"
         "box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden;margin:6px 0")


def findings_html(findings: list[Finding], css: str) -> str:
    """The findings as a list: what, why and how to fix, with the rule's source and date."""
    items = []
    for f in findings:
        rule = (f'<div style="color:#667085;font-size:13px;margin-top:2px">'
                f"{escape(f.rule.note())}</div>") if f.rule and f.rule.source else ""
        fix = (f'<div style="margin-top:2px"><b>{escape(t("promoview.fix"))}</b> '
               f"{escape(f.fix)}</div>") if f.fix else ""
        items.append(
            f'<li class="uk-find uk-find-{f.level}" data-key="{escape(f.key)}" '
            f'style="margin:0 0 10px;padding:8px 10px;border-left:4px solid {_COLOR[f.level]};'
            f'background:#fcfcfd;list-style:none">'
            f'<div style="color:{_COLOR[f.level]};font-weight:600">{_ICON[f.level]} '
            f"{escape(f.text)}</div>{fix}{rule}</li>")
    return (f'<ul class="{css}" style="padding:0;margin:6px 0;font-size:15px;'
            f'line-height:1.4;max-width:520px">{"".join(items)}</ul>')


def _tags_html(text: str) -> str:
    """Escaped text with hashtags coloured like on the platforms."""
    return re.sub(r"(#[^\s#&<]+)", r'<span style="color:#1d4ed8">\1</span>', escape(text))


def preview_html(text: str, platform: str, author: str, rules: PlatformRules,
                 photo: str = "") -> str:
    """The post as it would appear on a phone; Instagram cuts the caption where "more" sits.
    ``photo`` is the checked photo's data URI (made by the kit, never participant text)."""
    initial = escape((author.strip()[:1] or "U").upper())
    name = escape(rules.posts[platform].name)
    head = (f'<div style="display:flex;align-items:center;gap:8px;padding:8px 10px;'
            f'border-bottom:1px solid #eaecf0"><span style="width:32px;height:32px;'
            f'border-radius:50%;background:#b4541a;color:#fff;display:inline-flex;'
            f'align-items:center;justify-content:center;font-weight:700">{initial}</span>'
            f'<span style="font-weight:600">{escape(author)}</span>'
            f'<span style="margin-left:auto;color:#667085;font-size:13px;white-space:nowrap">'
            f"{name}</span></div>")
    if photo.startswith("data:image/jpeg;base64,"):
        picture = (f'<img class="uk-pc-photo" src="{escape(photo)}" alt="" '
                   f'style="display:block;width:100%;height:auto">')
    else:
        picture = (f'<div style="height:150px;background:#f2f4f7;color:#98a2b3;display:flex;'
                   f'align-items:center;justify-content:center;font-size:14px;padding:0 8px;'
                   f'text-align:center">{escape(t("promoview.photo_here"))}</div>')
    body_style = ("padding:10px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px;"
                  "line-height:1.4;color:#101828")
    preview = rules.posts[platform].preview_chars
    if platform == "whatsapp":
        bubble = (f'<div style="background:#e7ffdb;margin:8px;border-radius:10px;overflow:hidden">'
                  f'{picture if photo else ""}<div style="{body_style}">{escape(text)}</div></div>')
        body = f'<div style="background:#efeae2;padding:4px">{bubble}</div>'
        return f'<div class="uk-pc-preview-card" style="{_CARD}">{head}{body}</div>'
    if preview and len(text) > preview.value:
        cut = text[:preview.value]
        more = escape(t("promoview.more"))
        body = (f'<div style="{body_style}">{_tags_html(cut)}<span style="color:#667085">… '
                f"{more}</span></div><details style=\"padding:0 10px 10px\"><summary "
                f'style="color:#667085">{escape(t("promoview.show_all"))}</summary>'
                f'<div style="{body_style};padding:6px 0">{_tags_html(text)}</div></details>')
    else:
        body = f'<div style="{body_style}">{_tags_html(text)}</div>'
    order = (picture + body) if platform == "instagram" else (body + picture)
    return f'<div class="uk-pc-preview-card" style="{_CARD}">{head}{order}</div>'


def copy_html(text: str, css: str) -> str:
    """A read-only box with the text and a copy button. Phones on the trainer's hotspot are not
    a secure context, so the button selects the text and uses the older copy command; if that
    fails too, it says to press and hold the text."""
    done, hold = escape(t("promoview.copied")), escape(t("promoview.copy_hold"))
    script = ("var a=this.parentNode.querySelector('textarea');a.focus();a.select();"
              "a.setSelectionRange(0,a.value.length);var ok=false;"
              "try{ok=document.execCommand('copy');}catch(e){}"
              "var s=this.parentNode.querySelector('.uk-copy-status');"
              "s.textContent=ok?this.dataset.done:this.dataset.hold;")
    return (f'<div class="{css}" style="max-width:520px">'
            f'<textarea readonly rows="6" style="width:100%;box-sizing:border-box;font-size:15px;'
            f'padding:8px;border:1px solid #d0d5dd;border-radius:8px">{escape(text)}</textarea>'
            f'<button type="button" class="uk-copy-button" data-done="{done}" '
            f'data-hold="{hold}" onclick="{escape(script)}" style="min-height:44px;'
            f'padding:8px 16px;margin:4px 0;border-radius:8px;border:0;background:#b4541a;'
            f'color:#fff;font-weight:600;font-size:16px">{escape(t("promoview.copy"))}'
            f'</button> <span class="uk-copy-status" role="status" style="color:#1a7f37">'
            f"</span></div>")


def _place(village: Village) -> str:
    return t("promoview.place_default", village=village.name, district=village.district)


class PostComposerView(w.VBox):
    """Build a post from its parts, see it as on a phone, fix what the checks find, copy and
    save it."""

    def __init__(self, group: str = "konveksi", rules: PlatformRules | None = None,
                 village: Village | None = None) -> None:
        self.rules = rules or promotion.load_rules()
        self.village = village or load_village()
        self.group: Group = self.village.groups[group]
        product = self.group.products[0]
        limit = self.rules.posts["instagram"].hashtags_max.value
        suggested = promotion.suggest_for(self.village, product.name, limit)
        self.platform = Field(t("promoview.platform"), w.ToggleButtons(
            options=[(self.rules.posts[k].name, k) for k in promotion.POST_PLATFORMS],
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
            hint=t("promoview.hashtags_hint", tags=" ".join(self.village.hashtags), max=limit))
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
        for field in inputs:
            field.control.observe(lambda _c: self.refresh(), "value")
        self.save.on_click(lambda _b: self.save_post())
        PAGE.observe(lambda _c: self._show_saved(), "session")
        PAGE.observe(lambda _c: self.refresh(), "photo")
        super().__init__([
            self.platform, self.hook, self.product, row(self.material),
            row(self.size, self.colour), self.benefit, self.price, self.order, self.order_note,
            self.contact, self.place, self.hashtags,
            section(t("promoview.preview_title")), self.preview,
            section(t("promoview.findings_title")), self.findings,
            section(t("promoview.copy_title")), self.copy,
            self.save, self.status, self.saved, self.reopen_box,
        ])
        self.refresh()
        self._show_saved()

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
        _tags, rejected = promotion.parse_hashtags(self.hashtags.control.value)
        self.hashtags.clear()
        if rejected:
            self.hashtags.error(t("promoview.hashtags_rejected", tags=", ".join(rejected)))
        self.text = promotion.render_post(self.parts, platform)
        self.findings_list = promotion.check_post(self.parts, platform, self.rules)
        self.preview.value = preview_html(self.text, platform, self.group.name, self.rules,
                                          PAGE.photo)
        self.findings.value = findings_html(self.findings_list, "uk-pc-findings-list")
        self.copy.value = copy_html(self.text, "uk-pc-copy")

    def save_post(self) -> None:
        session = PAGE.session
        if session is None:
            self.status.value = notice_html(t("promoview.sign_in_first"), "error")
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
        if post.platform in promotion.POST_PLATFORMS:
            self.platform.control.value = post.platform
        self.status.value = notice_html(t("promoview.reopened"), "info")


def save_text(session, kind: str, platform: str, parts: dict, text: str,
              findings: list[Finding]) -> str:
    """Keep a post or listing and record the exercise attempt (done when nothing is left to
    fix); returns the status line to show."""
    passed = promotion.passes(findings)
    exercise = POST_EXERCISE if kind == "post" else LISTING_EXERCISE
    try:
        saved = db.save_post(session, kind, platform, parts, text)
        save_answer(session, exercise, {"post_id": saved.id, "platform": platform}, passed)
    except ValueError:
        log.exception("saving a %s failed", kind)
        return notice_html(t("promoview.save_failed"), "error")
    key = "promoview.saved_passed" if passed else "promoview.saved_not_yet"
    return notice_html(t(key), "ok" if passed else "warn")


def saved_list_html(posts: list, rules: PlatformRules) -> str:
    if not posts:
        return ""
    names = {**{k: p.name for k, p in rules.posts.items()},
             **{k: p.name for k, p in rules.listings.items()}}
    items = []
    for post in reversed(posts[-5:]):
        when = dt.datetime.fromisoformat(post.created_at)
        title = t("promoview.saved_item", platform=names.get(post.platform, post.platform),
                  date=format_date(when.date()))
        items.append(f'<details style="margin:4px 0"><summary>{escape(title)}</summary>'
                     f'<div style="white-space:pre-wrap;overflow-wrap:anywhere;padding:6px;'
                     f'background:#fbf8f3">{escape(post.text)}</div></details>')
    return (f'<div style="max-width:520px"><b>{escape(t("promoview.saved_title"))}</b>'
            f'{"".join(items)}</div>')


# --- Listing builder (lesson 5) ------------------------------------------------------------


class ListingBuilderView(w.VBox):
    """A marketplace or catalog listing with its findings; the price comes from the lesson 2
    listing-price calculation for the net the group wants per piece."""

    def __init__(self, group: str = "konveksi", rules: PlatformRules | None = None,
                 village: Village | None = None, fees: FeeData | None = None,
                 today: dt.date | None = None, cluster: str = "lifestyle") -> None:
        self.rules = rules or promotion.load_rules()
        self.village = village or load_village()
        self.fees = fees or load_fees()
        self.today = today or dt.date.today()
        self.cluster = cluster
        product = self.village.groups[group].products[0]
        self.platform = Field(t("promoview.listing_platform"), w.Dropdown(
            options=[(self.rules.listings[k].name, k) for k in promotion.LISTING_PLATFORMS],
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

    def read(self) -> promotion.Listing | None:
        ok = True
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
            weight = promotion.parse_weight(self.weight.control.value)
        except ValueError as exc:
            self.weight.error(str(exc))
            ok = False
        if not ok:
            return None
        return promotion.Listing(
            title=promotion.clean(self.title.control.value, 400),
            description=promotion.clean(self.description.control.value, 6000),
            price=price, weight_grams=weight, photos=int(self.photos.control.value or 0),
            live_animal=self.live.value)

    def run(self) -> None:
        listing = self.read()
        if listing is None:
            self.findings.value = notice_html(t("promoview.fix_marked"), "error")
            self.findings_list = []
            return
        self.listing = listing
        self.findings_list = promotion.check_listing(listing, self.platform.control.value,
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


def post_composer(group: str = "konveksi") -> PostComposerView:
    return PostComposerView(group)


def listing_builder(group: str = "konveksi") -> ListingBuilderView:
    return ListingBuilderView(group)
