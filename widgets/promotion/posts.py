"""Promotion: build a product post from its parts, and check posts and listings against the
platforms' rules from ``datasets/platform_rules.yaml``.

Plain Python, no ipywidgets. Every limit (caption length, hashtags, title length, forbidden
words, the live-animal policy) is read from the data file with its ``as_of`` date and
``source``; nothing of them lives in code. Each finding says what was found, why it matters
and how to fix it, in the participant's language.

A good post runs: hook -> product (material, size, colour) -> benefit -> price -> how to order
-> contact and place -> a few local hashtags (FACTS.md, "Social media").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import Village
from widgets.promotion.data import load_promotion
from widgets.promotion.platform_rules import (  # noqa: F401 (the rules and their loader live there)
    LISTING_PLATFORMS,
    POST_PLATFORMS,
    RULES_FILE,
    ListingPlatform,
    PlatformRules,
    PostPlatform,
    Rule,
    WordList,
    clear_cache,
    load_rules,
)

ORDER_WAYS = ("whatsapp", "preorder", "ready")
PART_MAX = {"hook": 300, "product": 120, "material": 120, "size": 80, "colour": 80,
            "benefit": 600, "order_note": 200, "contact": 80, "place": 160, "hashtags": 400}
# Caps lock: flagged when at least this many letters are mostly upper case.
CAPS_MIN_LETTERS = 12
CAPS_SHARE = 0.7


# --- Findings ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """``level``: ``error`` (the platform refuses or blocks it), ``warn`` (advice that costs
    buyers), ``info`` (good to know) or ``ok``."""

    key: str
    level: str
    text: str
    fix: str = ""
    rule: Rule | None = None

    @property
    def blocking(self) -> bool:
        return self.level == "error"


def _finding(key: str, level: str, rule: Rule | None = None, **params: object) -> Finding:
    fix_key = f"promotion.fix_{key}"
    return Finding(key, level, t(f"promotion.find_{key}", **params),
                   t(fix_key, **params), rule)


def passes(findings: Iterable[Finding]) -> bool:
    """No finding that a platform would refuse and no advice left to follow."""
    return all(f.level in ("ok", "info") for f in findings)


# --- Text helpers ----------------------------------------------------------------------------


_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|me|ly|link|shop|store|co)"
    r"(?:/\S*)?\b", re.IGNORECASE)
# A phone number: 9 or more digits, possibly split by spaces, dashes or dots, with +62/62/0.
_PHONE = re.compile(r"(?<![\w])(?:\+?\d[\s\-.()]*){9,15}(?![\w])")
_TITLE_ALLOWED = re.compile(r"[\w\s\-,./()&+'\"×:]", re.UNICODE)


def clean(text: object, limit: int | None = None) -> str:
    """Text as typed, with phone-keyboard oddities folded (NFKC), control characters dropped,
    and trailing spaces trimmed; cut at ``limit`` characters."""
    value = unicodedata.normalize("NFKC", text if isinstance(text, str) else "")
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C"
                    or ch in "\u200d\ufe0f")
    lines = [" ".join(line.split()) for line in value.replace("\r", "").split("\n")]
    value = "\n".join(lines).strip()
    return value[:limit] if limit else value


def parse_hashtags(text: str) -> tuple[list[str], list[str]]:
    """``(tags, rejected)`` from what a participant typed: ``keset perca, #wayjepara`` gives
    ``['#kesetperca', '#wayjepara']``. Words are joined, ``#`` added, duplicates dropped."""
    tags: list[str] = []
    rejected: list[str] = []
    for piece in re.split(r"[,;\n]+|(?=#)", clean(text)):
        word = piece.strip().lstrip("#").strip()
        if not word:
            continue
        joined = "".join(word.split())
        if not re.fullmatch(r"\w+", joined):
            rejected.append(piece.strip())
            continue
        tag = "#" + joined.casefold()
        if tag not in tags:
            tags.append(tag)
    return tags, rejected


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*", text)


def is_shouting(text: str) -> bool:
    """Mostly capital letters (a long run of caps reads as shouting and is harder to read)."""
    letters = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    if len(letters) < CAPS_MIN_LETTERS:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) >= CAPS_SHARE


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text.casefold()) is not None


def found_words(text: str, wordlist: Iterable[str]) -> list[str]:
    """The listed words and phrases that occur in ``text`` as whole words (any case)."""
    return [word for word in wordlist if _contains(text, word)]


def phone_numbers(text: str) -> list[str]:
    return [m.group(0).strip() for m in _PHONE.finditer(text)
            if len(re.sub(r"\D", "", m.group(0))) >= 9]


def links(text: str) -> list[str]:
    return [m.group(0) for m in _URL.finditer(text)]


# --- Posts ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PostParts:
    """What a participant fills in; every part is optional so the checks can say what is
    missing instead of refusing."""

    hook: str = ""
    product: str = ""
    material: str = ""
    size: str = ""
    colour: str = ""
    benefit: str = ""
    price: int | None = None
    order: str = "whatsapp"
    order_note: str = ""
    contact: str = ""
    place: str = ""
    hashtags: tuple[str, ...] = field(default_factory=tuple)

    @classmethod
    def make(cls, **values: Any) -> PostParts:
        """Parts from raw values: texts cleaned and cut to their limits, hashtags parsed."""
        texts = {key: clean(values.get(key, ""), limit) for key, limit in PART_MAX.items()
                 if key != "hashtags"}
        raw_tags = values.get("hashtags", ())
        if isinstance(raw_tags, str):
            tags = tuple(parse_hashtags(clean(raw_tags, PART_MAX["hashtags"]))[0])
        else:
            tags = tuple(parse_hashtags(" ".join(str(x) for x in raw_tags))[0])
        order = values.get("order", "whatsapp")
        price = values.get("price")
        return cls(**texts, price=price if isinstance(price, int) and price > 0 else None,
                   order=order if order in ORDER_WAYS else "whatsapp", hashtags=tags)

    def as_dict(self) -> dict[str, Any]:
        return {"hook": self.hook, "product": self.product, "material": self.material,
                "size": self.size, "colour": self.colour, "benefit": self.benefit,
                "price": self.price, "order": self.order, "order_note": self.order_note,
                "contact": self.contact, "place": self.place, "hashtags": list(self.hashtags)}


def _product_line(parts: PostParts) -> str:
    pieces = []
    if parts.material:
        pieces.append(t("promotion.post_material", material=parts.material))
    if parts.size:
        pieces.append(t("promotion.post_size", size=parts.size))
    if parts.colour:
        pieces.append(t("promotion.post_colour", colour=parts.colour))
    line = parts.product
    if pieces:
        line = (line + " " if line else "") + ", ".join(pieces)
    return line + "." if line and line[-1] not in ".!?" else line


def _order_line(parts: PostParts) -> str:
    note = f" ({parts.order_note})" if parts.order_note else ""
    return t(f"promotion.post_order_{parts.order}", note=note)


def render_post(parts: PostParts, platform: str) -> str:
    """The post's text for one platform; WhatsApp drops hashtags (they are not searchable
    there)."""
    if platform not in POST_PLATFORMS:
        raise ValueError(f"unknown platform {platform!r}")
    blocks: list[str] = []
    if parts.hook:
        blocks.append(parts.hook)
    body = [line for line in (_product_line(parts), parts.benefit) if line]
    if parts.price is not None:
        body.append(t("promotion.post_price", price=format_rupiah(parts.price)))
    if body:
        blocks.append("\n".join(body))
    contact = [_order_line(parts)]
    if parts.contact:
        contact.append(t("promotion.post_contact", contact=parts.contact))
    if parts.place:
        contact.append(t("promotion.post_place", place=parts.place))
    blocks.append("\n".join(contact))
    if parts.hashtags and platform != "whatsapp":
        blocks.append(" ".join(parts.hashtags))
    return "\n\n".join(blocks)


def check_post(parts: PostParts, platform: str, rules: PlatformRules | None = None
               ) -> list[Finding]:
    """What to fix before posting on ``platform``: errors first, then advice; one ``ok``
    finding when nothing is left."""
    rules = rules or load_rules()
    spec = rules.posts[platform]
    text = render_post(parts, platform)
    found: list[Finding] = []
    if spec.caption_max and len(text) > spec.caption_max.value:
        found.append(_finding("caption_long", "error", spec.caption_max,
                              count=len(text), max=spec.caption_max.value, name=spec.name))
    tags = len(parts.hashtags)
    limit = spec.hashtags_max.value
    if platform == "whatsapp" and tags:
        found.append(_finding("hashtags_whatsapp", "info", spec.hashtags_max))
    elif tags > limit:
        found.append(_finding("hashtags_many", "warn" if spec.hashtags_max.advice else "error",
                              spec.hashtags_max, count=tags, max=limit, name=spec.name))
    if not parts.hook:
        found.append(_finding("hook_missing", "warn"))
    elif spec.preview_chars and len(parts.hook) > spec.preview_chars.value:
        found.append(_finding("hook_long", "warn", spec.preview_chars, count=len(parts.hook),
                              max=spec.preview_chars.value, name=spec.name))
    if not parts.product:
        found.append(_finding("product_missing", "warn"))
    elif not (parts.material or parts.size or parts.colour):
        found.append(_finding("details_missing", "warn"))
    if parts.price is None:
        found.append(_finding("price_missing", "warn"))
    if not parts.contact:
        found.append(_finding("contact_missing", "warn"))
    if not parts.place:
        found.append(_finding("place_missing", "warn"))
    shouting = [p for p in (parts.hook, parts.product, parts.benefit) if is_shouting(p)]
    if shouting or is_shouting(text):
        found.append(_finding("caps", "warn"))
    if not any(f.level in ("error", "warn") for f in found):
        found.append(_finding("post_ok", "ok", name=spec.name))
    return _sorted(found)


_ORDER = {"error": 0, "warn": 1, "info": 2, "ok": 3}


def _sorted(found: list[Finding]) -> list[Finding]:
    return sorted(found, key=lambda f: _ORDER[f.level])


# --- Hashtag suggestions ---------------------------------------------------------------------


def suggest_for(village: Village, product: str, limit: int) -> list[str]:
    """:func:`suggest_hashtags` from a village: its curated tags, and the first word of each
    product's name (``keset``, ``seragam``, ``kambing``) as the product words."""
    words_ = [p.name.split()[0] for g in village.groups.values() for p in g.products]
    return suggest_hashtags(load_promotion(village).hashtags, product, words_, limit)


def suggest_hashtags(village_tags: Sequence[str], product: str, product_words: Iterable[str],
                     limit: int) -> list[str]:
    """Up to ``limit`` of the village's curated tags for a product: first the tags about this
    product (``keset`` -> ``#kesetperca``), then the place and programme tags; tags about
    another product (``#kambingkurban`` for a keset) are left out."""
    mine = {w.casefold() for w in words(product)}
    known = {w.casefold() for w in product_words}
    about_this: list[str] = []
    general: list[str] = []
    for tag in village_tags:
        body = tag.lstrip("#").casefold()
        topics = {word for word in known if word in body}
        if topics & mine:
            about_this.append(tag)
        elif not topics:
            general.append(tag)
    return (about_this + general)[:max(limit, 0)]


# --- Listings -------------------------------------------------------------------------------

WEIGHT_MAX_GRAMS = 100_000  # a parcel over 100 kg is a typing mistake, not a keset


def parse_weight(text: str) -> int | None:
    """Grams as people write them: ``350``, ``350 g``, ``350 gram``, ``1.200 gr``; ``None`` when
    blank; ValueError with the participant's message otherwise."""
    typed = " ".join(text.split()).casefold() if isinstance(text, str) else ""
    for unit in ("gram", "gr", "g"):
        typed = typed.removesuffix(unit)
    typed = typed.strip().replace(".", "")
    if not typed:
        return None
    if not typed.isdigit() or not 0 < int(typed) <= WEIGHT_MAX_GRAMS:
        raise ValueError(t("promotion.weight_bad"))
    return int(typed)



@dataclass(frozen=True)
class Listing:
    title: str = ""
    description: str = ""
    price: int | None = None
    weight_grams: int | None = None
    photos: int = 0
    live_animal: bool = False


def is_live_animal(text: str, rules: PlatformRules | None = None) -> bool:
    """The text offers a live animal: a word such as ``kambing`` or ``qurban`` and none of the
    words of a product made from one (``daging``, ``susu``, ``pupuk``)."""
    rules = rules or load_rules()
    if found_words(text, rules.live_animals.exceptions):
        return False
    return bool(found_words(text, rules.live_animals.words))


def _own_names(spec: ListingPlatform) -> set[str]:
    return {w.casefold() for w in words(spec.name)}


def check_listing(listing: Listing, platform: str, rules: PlatformRules | None = None
                  ) -> list[Finding]:
    """What a marketplace or shop would refuse in ``listing``, and what would cost sales."""
    rules = rules or load_rules()
    spec = rules.listings[platform]
    title, description = listing.title, listing.description
    both = f"{title}\n{description}"
    found: list[Finding] = []

    live = listing.live_animal or is_live_animal(both, rules)
    if live and spec.meta_shop:
        policy = Rule("live_animals", 0, rules.live_animals.as_of, rules.live_animals.source)
        found.append(_finding("live_animal", "error", policy, name=spec.name))

    if not title:
        found.append(_finding("title_missing", "error"))
    elif len(title) > spec.title_max.value:
        found.append(_finding("title_long", "error", spec.title_max, count=len(title),
                              max=spec.title_max.value, name=spec.name))
    if title:
        promo = found_words(title, rules.promo_words.words)
        if promo:
            found.append(_finding("title_promo", "error", _dated(rules.promo_words, "forbidden"),
                                  words=", ".join(promo)))
        odd = sorted({ch for ch in title if not _TITLE_ALLOWED.fullmatch(ch)})
        if odd:
            found.append(_finding("title_symbols", "error", None, symbols=" ".join(odd)))
        if is_shouting(title):
            found.append(_finding("title_caps", "warn"))

    if spec.marketplace or spec.meta_shop:
        found_links = links(both)
        if found_links:
            found.append(_finding("link", "error", None, name=spec.name,
                                  found=", ".join(found_links[:3])))
    if spec.marketplace:
        phones = phone_numbers(both)
        if phones:
            found.append(_finding("phone", "error", None, name=spec.name,
                                  found=", ".join(phones[:3])))
        others = [n for n in found_words(both, rules.platform_names.words)
                  if n not in _own_names(spec)]
        if others:
            found.append(_finding("other_platform", "error",
                                  _dated(rules.platform_names, "forbidden"),
                                  found=", ".join(others), name=spec.name))

    count = len(words(description))
    if not description:
        found.append(_finding("description_missing", "error"))
    elif spec.description_min_words and count < spec.description_min_words.value:
        found.append(_finding("description_short", "error", spec.description_min_words,
                              count=count, min=spec.description_min_words.value,
                              name=spec.name))
    if spec.description_max and len(description) > spec.description_max.value:
        found.append(_finding("description_long", "error", spec.description_max,
                              count=len(description), max=spec.description_max.value,
                              name=spec.name))
    if listing.price is None:
        found.append(_finding("listing_price_missing", "error"))
    if spec.photos_min and listing.photos < spec.photos_min.value:
        found.append(_finding("photos_few", "warn", spec.photos_min, count=listing.photos,
                              min=spec.photos_min.value, name=spec.name))
    if spec.marketplace and not listing.weight_grams:
        found.append(_finding("weight_missing", "warn"))
    if not any(f.level in ("error", "warn") for f in found):
        found.append(_finding("listing_ok", "ok", name=spec.name))
    return _sorted(found)


def _dated(words_: WordList, key: str) -> Rule:
    return Rule(key, 0, words_.as_of, words_.source)


def live_animal_channels(rules: PlatformRules | None = None) -> dict[str, bool]:
    """Which shop listings may carry a live goat: ``{platform: allowed}`` for the Meta shops
    (for the lesson's table; the marketplaces' own rules are for the trainer to check)."""
    rules = rules or load_rules()
    return {key: not spec.meta_shop for key, spec in rules.listings.items()}
