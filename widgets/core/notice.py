"""A message in plain words as HTML: ``✔`` ok, ``⚠`` error or advice, ``ℹ`` information, in
the theme's colour for its kind. Pure text in, escaped HTML out, so core modules that build a page
(fee sources, printouts) and every view show messages the same way."""

from __future__ import annotations

from html import escape

from widgets.core.theme import NOTICE, NOTICE_SIZE

ICONS = {"ok": "✔", "error": "⚠", "warn": "⚠", "info": "ℹ"}


def notice_html(text: str, kind: str = "info") -> str:
    """A message in plain words; the text is escaped, so a participant's input stays text."""
    if not text:
        return ""
    return (
        f'<div class="uk-msg uk-msg-{kind}" role="{"alert" if kind == "error" else "status"}" '
        f'style="color:{NOTICE[kind]};font-size:{NOTICE_SIZE};line-height:1.35;margin:2px 0 6px">'
        f"{ICONS[kind]} {escape(text)}</div>"
    )


def left_out_html(reason: str, **fields: object) -> str:
    """The trainer's note where a lesson part needs what this village does not have:
    ``reason`` is ``no_livestock``, ``no_production`` or ``no_data`` (with ``what``)."""
    from widgets.core.i18n import t

    return notice_html(t(f"village_parts.{reason}", **fields), "info")
