"""Polite WhatsApp messages to the group's partners: the village facilitator (*pendamping*),
the Dinas, a shop and a buyer. The participant fills in the blanks, then copies the text or opens
it in WhatsApp. Plain Python, no ipywidgets.

The texts are in the catalog (``group.msg_<key>``), so a facilitator adapts the wording in one
place. A ``wa.me`` link goes through the kit's WhatsApp helper (``widgets.core.whatsapp``), which
refuses with a plain message anything that is not an Indonesian mobile number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.core.whatsapp import WhatsAppError, wa_link

FIELD_MAX = 120


class TemplateError(ValueError):
    """Blanks still to fill in (``missing``: field names), or a blank that is too long."""

    def __init__(self, message: str, missing: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Template:
    key: str
    partner_kind: str  # pendamping, dinas, toko or pembeli
    fields: tuple[str, ...]

    @property
    def title(self) -> str:
        return t(f"group.msgtitle_{self.key}")


TEMPLATES: dict[str, Template] = {
    template.key: template for template in (
        Template("visit", "pendamping", ("partner", "sender", "group", "topic", "day")),
        Template("dinas", "dinas", ("partner", "sender", "group", "village", "topic")),
        Template("consign", "toko", ("partner", "sender", "group", "product", "price")),
        Template("ready", "pembeli", ("partner", "sender", "group", "product", "day")),
        Template("thanks", "pendamping", ("partner", "sender", "group", "topic")),
    )
}


def field_label(name: str) -> str:
    return t(f"group.msgfield_{name}")


def fill(key: str, values: Mapping[str, str]) -> str:
    """The message with every blank filled in; ``TemplateError`` naming the empty ones."""
    template = TEMPLATES[key]
    cleaned = {name: " ".join(str(values.get(name, "")).split()) for name in template.fields}
    missing = tuple(name for name in template.fields if not cleaned[name])
    if missing:
        raise TemplateError(t("group.msg_missing", fields=", ".join(
            field_label(name) for name in missing)), missing)
    long = [name for name in template.fields if len(cleaned[name]) > FIELD_MAX]
    if long:
        raise TemplateError(t("group.msg_field_long", field=field_label(long[0]),
                              limit=FIELD_MAX), tuple(long))
    return t(f"group.msg_{key}", **cleaned)


def whatsapp_link(phone: str, message: str) -> str:
    """``https://wa.me/62…?text=…``; ``TemplateError`` with the phone check's own message."""
    try:
        return wa_link(phone, message)
    except WhatsAppError as exc:
        raise TemplateError(str(exc), ("phone",)) from exc
