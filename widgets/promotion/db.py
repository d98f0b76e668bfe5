"""Promotion texts a participant saved: lesson 4 posts and lesson 5 listings."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from widgets.core.i18n import t
from widgets.core.text import clean_text
from widgets.store.db import Session, add_own, select_own
from widgets.store.fields import FieldError, short_text

POST_TEXT_MAX = 6000
KINDS = ("post", "listing")


@dataclass(frozen=True)
class SavedPost:
    id: int
    kind: str  # "post" or "listing"
    platform: str
    parts: dict[str, Any]
    text: str
    created_at: str


def save_post(session: Session, kind: str, platform: str, parts: dict[str, Any],
              text: str) -> SavedPost:
    """Keep a post (``kind="post"``) or a listing (``"listing"``) this participant wrote."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("a saved post needs text")
    text = clean_text(text)
    if len(text) > POST_TEXT_MAX:
        raise FieldError(t("store.text_too_long", what=t("store.what_post"), max=POST_TEXT_MAX))
    platform = short_text(platform, "platform")
    body = clean_text(json.dumps(parts, ensure_ascii=False, sort_keys=True))
    now = session.store.now()
    post_id = add_own(session, "posts", {"kind": kind, "platform": platform, "parts": body,
                                         "text": text, "created_at": now})
    return SavedPost(post_id, kind, platform, json.loads(body), text, now)


def posts(session: Session, kind: str | None = None) -> list[SavedPost]:
    """This participant's saved posts or listings, oldest first."""
    rows = select_own(session, "SELECT id, kind, platform, parts, text, created_at FROM posts",
                      {"kind": kind}, "ORDER BY id")
    return [SavedPost(i, k, p, json.loads(parts), text, at)
            for i, k, p, parts, text, at in rows]
