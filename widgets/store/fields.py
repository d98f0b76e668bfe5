"""Checks the store applies to free text and amounts before they are written: the store is a
trust boundary of its own, whatever the view already checked."""

from __future__ import annotations

from widgets.core.i18n import t
from widgets.core.text import clean_text

TEXT_MAX = 200


class FieldError(ValueError):
    """A value the store refuses; the message is plain Indonesian from the catalog."""


def short_text(value: object, what: str, required: bool = True,
               error: type[ValueError] = FieldError) -> str:
    """``value`` with its spaces collapsed, if it is text of at most ``TEXT_MAX`` characters."""
    text = " ".join(clean_text(value).split()) if isinstance(value, str) else None
    if text is None or len(text) > TEXT_MAX or (required and not text):
        raise error(t("store.sharing_bad_text", what=what))
    return text


def is_rupiah(value: object) -> bool:
    """Whole rupiah: an int, never a bool or a float."""
    return isinstance(value, int) and not isinstance(value, bool)
