"""Promotion: check posts and listings against the platforms' rules from
``datasets/platform_rules.yaml``.

Plain Python, no ipywidgets. Every limit (caption length, hashtags, title length, forbidden
words, the live-animal policy) is read from the data file with its ``as_of`` date and
``source``; nothing of them lives in code. Each finding says what was found, why it matters
and how to fix it, in the participant's language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.promotion.platform_rules import (
    ListingPlatform,
    PlatformRules,
    Rule,
    WordList,
    load_rules,
)
from widgets.promotion.posts import PostParts, render_post
from widgets.promotion.text import found_words, is_shouting, links, phone_numbers, words

_TITLE_ALLOWED = re.compile(r"[\w\s\-,./()&+'\"×:]", re.UNICODE)


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



def check_post(parts: PostParts, platform: str, rules: PlatformRules | None = None,
               shop: str | None = None) -> list[Finding]:
    """What to fix before posting on ``platform``: errors first, then advice; one ``ok``
    finding when nothing is left. ``shop``: a shop listing (``rules.listings``) the product
    is also to be put in, or None for an ordinary post or status."""
    rules = rules or load_rules()
    spec = rules.posts[platform]
    text = render_post(parts, platform)
    found: list[Finding] = _live_animal_post(text, rules, shop)
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


def _live_animal_post(text: str, rules: PlatformRules, shop: str | None) -> list[Finding]:
    """A live animal in a Meta shop or catalog is refused (the listing check's own finding); in
    an ordinary post or status it is allowed, with a reminder of where it may not go."""
    if not is_live_animal(text, rules):
        return []
    listing = rules.listings[shop] if shop else None
    policy = Rule("live_animals", 0, rules.live_animals.as_of, rules.live_animals.source)
    if listing is not None and listing.meta_shop:
        return [_finding("live_animal", "error", policy, name=listing.name)]
    return [_finding("live_animal_post", "info", policy)]


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
