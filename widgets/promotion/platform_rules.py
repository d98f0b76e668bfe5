"""The platforms' rules for posts and listings from ``datasets/platform_rules.yaml``: caption
and title lengths, hashtags, description and photo minimums, the words that get a listing
refused, and Meta's live-animal policy. Every figure keeps its ``as_of`` date and ``source``.

Plain Python, no ipywidgets; checked on load with the kit's data-file readers, so a missing
date or source names its key (``posts.instagram.hashtags_max.source``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.core.datafile import Cells, DataError, cached_file, need_list, need_mapping, read_yaml
from widgets.core.i18n import format_date, t
from widgets.core.village import DATASETS_DIR

RULES_FILE = DATASETS_DIR / "platform_rules.yaml"
POST_PLATFORMS = ("whatsapp", "facebook", "instagram")
LISTING_PLATFORMS = ("shopee", "tokopedia", "whatsapp_catalog", "facebook_shop")


@dataclass(frozen=True)
class Rule:
    """One figure with where it came from; ``advice`` marks the kit's own suggestion."""

    key: str
    value: int
    as_of: dt.date
    source: str
    unverified: bool = False
    advice: bool = False

    def note(self, lang: str | None = None) -> str:
        """"Source (per 19 Desember 2025)", with "belum dicek" where it is unverified."""
        text = t("promotion.rule_note", lang, source=self.source,
                 date=format_date(self.as_of, lang))
        return text + (t("promotion.rule_unverified", lang) if self.unverified else "")


@dataclass(frozen=True)
class PostPlatform:
    key: str
    name: str
    hashtags_max: Rule
    caption_max: Rule | None = None
    preview_chars: Rule | None = None


@dataclass(frozen=True)
class ListingPlatform:
    key: str
    name: str
    marketplace: bool
    meta_shop: bool
    title_max: Rule
    description_min_words: Rule | None = None
    description_max: Rule | None = None
    photos_min: Rule | None = None
    items_max: Rule | None = None


@dataclass(frozen=True)
class WordList:
    words: tuple[str, ...]
    as_of: dt.date
    source: str
    exceptions: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlatformRules:
    file: str
    posts: Mapping[str, PostPlatform]
    listings: Mapping[str, ListingPlatform]
    live_animals: WordList
    promo_words: WordList
    platform_names: WordList

    def rules(self) -> list[Rule]:
        """Every dated figure, for the sources table."""
        found: list[Rule] = []
        for post in self.posts.values():
            found += [r for r in (post.caption_max, post.preview_chars, post.hashtags_max) if r]
        for listing in self.listings.values():
            found += [r for r in (listing.title_max, listing.description_min_words,
                                  listing.description_max, listing.photos_min,
                                  listing.items_max) if r]
        return found


@cached_file(RULES_FILE)
def load_rules(path: Path) -> PlatformRules:
    """The platform rules (default ``datasets/platform_rules.yaml``), checked; cached per path."""
    data = read_yaml(path)
    file = path.name
    top = Cells(file, None, data)
    posts_raw = need_mapping(file, top.raw("posts"), "posts")
    listings_raw = need_mapping(file, top.raw("listings"), "listings")
    posts = {key: _post(file, key, need_mapping(file, _need(posts_raw, key, file, "posts."),
                                            f"posts.{key}"))
             for key in POST_PLATFORMS}
    listings = {key: _listing(file, key, need_mapping(file, _need(listings_raw, key, file,
                                                              "listings."), f"listings.{key}"))
                for key in LISTING_PLATFORMS}
    forbidden = need_mapping(file, top.raw("forbidden"), "forbidden")
    return PlatformRules(
        file, posts, listings,
        _words(file, need_mapping(file, top.raw("live_animals"), "live_animals"), "live_animals",
               "words", "not_live"),
        _words(file, forbidden, "forbidden", "promo_words"),
        _words(file, forbidden, "forbidden", "platform_names"),
    )


clear_cache = load_rules.clear_cache


def _need(raw: Mapping[str, Any], key: str, file: str, prefix: str) -> Any:
    if raw.get(key) in (None, ""):
        raise DataError(file, "missing_value", column=prefix + key)
    return raw[key]


def _rule(file: str, raw: Mapping[str, Any], key: str, prefix: str,
          optional: bool = False) -> Rule | None:
    path = prefix + key
    if optional and raw.get(key) is None:
        return None
    block = need_mapping(file, _need(raw, key, file, prefix), path)
    cells = Cells(file, None, block, path + ".")
    return Rule(path, cells.integer("value", minimum=0), cells.date("as_of"),
                " ".join(cells.text("source").split()), cells.flag("unverified"),
                cells.flag("advice"))


def _post(file: str, key: str, raw: Mapping[str, Any]) -> PostPlatform:
    prefix = f"posts.{key}."
    return PostPlatform(key, Cells(file, None, raw, prefix).text("name"),
                        _rule(file, raw, "hashtags_max", prefix),
                        _rule(file, raw, "caption_max", prefix, optional=True),
                        _rule(file, raw, "preview_chars", prefix, optional=True))


def _listing(file: str, key: str, raw: Mapping[str, Any]) -> ListingPlatform:
    prefix = f"listings.{key}."
    cells = Cells(file, None, raw, prefix)
    return ListingPlatform(
        key, cells.text("name"), cells.flag("marketplace"), cells.flag("meta_shop"),
        _rule(file, raw, "title_max", prefix),
        _rule(file, raw, "description_min_words", prefix, optional=True),
        _rule(file, raw, "description_max", prefix, optional=True),
        _rule(file, raw, "photos_min", prefix, optional=True),
        _rule(file, raw, "items_max", prefix, optional=True),
    )


def _words(file: str, raw: Mapping[str, Any], path: str, key: str,
           exceptions: str | None = None) -> WordList:
    cells = Cells(file, None, raw, path + ".")

    def read(name: str) -> tuple[str, ...]:
        found = need_list(file, raw.get(name), f"{path}.{name}")
        for i, word in enumerate(found, start=1):
            if not isinstance(word, str) or not word.strip():
                raise DataError(file, "missing_value", column=f"{path}.{name}[{i}]")
        return tuple(" ".join(word.casefold().split()) for word in found)

    return WordList(read(key), cells.date("as_of"), " ".join(cells.text("source").split()),
                    read(exceptions) if exceptions else ())
