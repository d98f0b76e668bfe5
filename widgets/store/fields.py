"""Checks the store applies to free text and amounts before they are written: the store is a
trust boundary of its own, whatever the view already checked."""

from __future__ import annotations

import json

from widgets.core.i18n import t
from widgets.core.text import clean_text

TEXT_MAX = 200
JSON_MAX = 20_000


class FieldError(ValueError):
    """A value the store refuses; the message is plain Indonesian from the catalog."""


def short_text(value: object, what: str, required: bool = True,
               error: type[ValueError] = FieldError) -> str:
    """``value`` with its spaces collapsed, if it is text of at most ``TEXT_MAX`` characters."""
    text = " ".join(clean_text(value).split()) if isinstance(value, str) else None
    if text is None or len(text) > TEXT_MAX or (required and not text):
        raise error(t("store.sharing_bad_text", what=what))
    return text


def json_text(value: object, what: str, error: type[ValueError] = FieldError) -> str:
    """``value`` as the JSON the store keeps, without direction controls, if it is at most
    ``JSON_MAX`` characters (a table of members fits many times over)."""
    text = clean_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if len(text) > JSON_MAX:
        raise error(t("store.text_too_long", what=what, max=JSON_MAX))
    return text


def is_rupiah(value: object) -> bool:
    """Whole rupiah: an int, never a bool or a float."""
    return isinstance(value, int) and not isinstance(value, bool)
