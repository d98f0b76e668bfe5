"""View parts the communication lesson's tools share: the guard that keeps tracebacks off the
page, the text to copy into WhatsApp, the A4 download, the group and date pickers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from html import escape
from urllib.parse import quote

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import GAIN, INPUT_BORDER, RULE, TABLE_HEAD
from widgets.core.village import Village
from widgets.group.data import group_choices
from widgets.ui.common import Field, file_slug, page_link
from widgets.ui.common import guard as common_guard

STYLE = (
    "<style>.uk-g-tall{height:auto!important;min-height:44px}"
    ".uk-g-copy textarea{width:100%;max-width:520px;min-height:150px;font-size:15px;"
    "box-sizing:border-box;border:1px solid " + INPUT_BORDER + ";border-radius:6px;padding:8px}"
    ".uk-g-table{width:100%;max-width:520px;border-collapse:collapse;font-size:15px;"
    "display:table!important;table-layout:auto!important}"
    ".uk-g-table th,.uk-g-table td{padding:5px 4px;"
    "border-bottom:1px solid " + RULE + ";text-align:left!important;vertical-align:top}"
    ".uk-g-table th{background:" + TABLE_HEAD + "}"
    ".uk-g-table td.num{text-align:right!important}"
    # Two columns of names that never run into the next tick box; a long name wraps.
    ".uk-g-checks .widget-checkbox{width:50%!important;min-width:0!important;flex:0 0 50%;"
    "box-sizing:border-box;padding-right:8px;height:auto!important}"
    ".uk-g-checks .widget-checkbox label{white-space:normal!important;overflow:visible!important;"
    "text-overflow:clip!important;height:auto!important;line-height:1.3!important}"
    ".uk-g-table th,.uk-g-table td{overflow-wrap:normal!important;word-break:normal!important}"
    # Choices with a sentence each, under one another: the page template wraps every radio
    # label and lets it grow; here only more room between the sentences.
    ".uk-g-radio .widget-radio-box{height:auto!important;flex-direction:column}"
    ".uk-g-radio .widget-radio-box label{margin:0 0 10px!important}"
    ".uk-g-radio .widget-radio-box input{flex:none;width:22px;height:22px;margin:0 10px 0 0}"
    "</style>"
)
_COPY_BUTTON = ("display:inline-block;padding:10px 16px;margin:4px 8px 4px 0;border-radius:8px;"
                "background:" + GAIN + ";color:#fff;border:0;font-weight:600;font-size:15px")


def guard(what: str, target: str = "status") -> Callable:
    """The kit's one guard (``widgets.ui.common.guard``) with this lesson's plain sentence."""
    return common_guard(what, "groupview.unexpected", target)


def copy_box(text: str, css: str) -> str:
    """The text in a box to copy (a button selects and copies it; a long press works too), and
    a link that opens WhatsApp with the text, to pick the chat to send it to."""
    link = f"https://wa.me/?text={quote(text, safe='')}"
    copy_js = ("var a=this.parentNode.querySelector('textarea');a.focus();a.select();"
               "try{document.execCommand('copy');this.textContent='✔ "
               + escape(t("groupview.copied")) + "'}catch(e){}")
    return (f'<div class="uk-g-copy {escape(css)}"><textarea readonly>{escape(text)}</textarea>'
            f'<br><button type="button" style="{_COPY_BUTTON}" onclick="{copy_js}">'
            f"{escape(t('groupview.copy'))}</button>"
            f'<a href="{escape(link)}" target="_blank" rel="noopener" '
            f'style="{_COPY_BUTTON};background:#25a244;text-decoration:none">'
            f"{escape(t('groupview.open_whatsapp'))}</a></div>")


def a4_download(css: str, kind: str, name: str, day: dt.date, html: str) -> str:
    filename = f"{kind}-{file_slug(name, 'kelompok')}-{day.isoformat()}.html"
    return page_link(css, filename, html, t("groupview.download_a4"), t("groupview.print_hint"))


def group_field(village: Village, css: str, value: str | None = None) -> Field:
    """The group dropdown; by default the livestock group (the feed-duty roster's group)."""
    livestock = village.livestock_group()
    value = value or (livestock.key if livestock else None)
    choices = group_choices(village)
    keys = [key for _name, key in choices]
    field = Field(t("groupview.field_group"),
                  w.Dropdown(options=choices, value=value if value in keys else keys[0]),
                  css=css)
    return tall(field)


def tall(field: Field) -> Field:
    """A dropdown whose box is as tall as the page template's 44 px select."""
    field.control.add_class("uk-g-tall")
    field.control.layout.height = "auto"
    return field


def date_field(label: str, value: dt.date | None, css: str) -> Field:
    return Field(label, w.DatePicker(value=value), css=css)


def lines_of(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]
