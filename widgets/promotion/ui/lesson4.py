"""Lesson 4 (Promosi Media Sosial): the product photo checker, the sign-in, the post composer,
the WhatsApp order link and the season calendar. Each public function is one notebook cell's
call; the views live in this topic's ``ui`` modules."""

from __future__ import annotations

import datetime as dt

import ipywidgets as w

from widgets.promotion.ui import composer, orderlink, photo, seasons
from widgets.ui.signin import SignInView


def photo_checker(today: dt.date | None = None) -> photo.PhotoCheckView:
    """Upload a product photo: what each platform will say, and a better square copy."""
    return photo.photo_checker(today)


def sign_in() -> SignInView:
    """Sign in, so the composer can save the participant's posts."""
    return SignInView(page="05-promosi-media-sosial")


def post_composer(group: str | None = None, product: str | None = None
                  ) -> composer.PostComposerView:
    """Build a post from its parts, see it as on a phone, check it, copy and save it; it starts
    from ``product`` of ``group`` (default: the group's first product)."""
    return composer.post_composer(group, product)


def order_link_maker(group: str | None = None, phone: str = "") -> orderlink.OrderLinkView:
    """A WhatsApp order link with its QR code and a label sheet to print."""
    return orderlink.order_link_maker(group, phone)


def season_calendar(today: dt.date | None = None) -> w.Widget:
    """The selling seasons ahead and what to do before each."""
    return seasons.season_calendar(today)
