"""Promotion: build a product post from its parts (the hook, the product, the price, how to
order) and suggest the village's hashtags for it.

Plain Python, no ipywidgets. The checks of a post live in ``promotion.checks``.

A good post runs: hook -> product (material, size, colour) -> benefit -> price -> how to order
-> contact and place -> a few local hashtags (FACTS.md, "Social media").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import Village
from widgets.promotion.data import load_promotion
from widgets.promotion.platform_rules import POST_PLATFORMS
from widgets.promotion.text import clean, parse_hashtags, words

ORDER_WAYS = ("whatsapp", "preorder", "ready")
PART_MAX = {"hook": 300, "product": 120, "material": 120, "size": 80, "colour": 80,
            "benefit": 600, "order_note": 200, "contact": 80, "place": 160, "hashtags": 400}


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
