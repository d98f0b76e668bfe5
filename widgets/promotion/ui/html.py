"""HTML pieces of the promotion views (lessons 4 and 5): the checks' findings with their
sources, a post as it would look on a phone, a text box with a copy button, and the list of
saved posts. Plain functions returning HTML strings; participant text is escaped in every one.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape

from widgets.core.i18n import format_date, t
from widgets.core.theme import ACCENT, GAIN, INPUT_BORDER, MUTED, NOTICE, ROW_ALT
from widgets.promotion.checks import Finding
from widgets.promotion.platform_rules import PlatformRules

_ICON = {"error": "⚠", "warn": "⚠", "info": "ℹ", "ok": "✔"}
_COLOR = NOTICE
_CARD = (f"max-width:420px;border:1px solid {INPUT_BORDER};border-radius:14px;background:#fff;"
         "box-shadow:0 1px 3px rgba(0,0,0,.12);overflow:hidden;margin:6px 0")


def findings_html(findings: list[Finding], css: str) -> str:
    """The findings as a list: what, why and how to fix, with the rule's source and date."""
    items = []
    for f in findings:
        rule = (f'<div style="color:{MUTED};font-size:13px;margin-top:2px">'
                f"{escape(f.rule.note())}</div>") if f.rule and f.rule.source else ""
        fix = (f'<div style="margin-top:2px"><b>{escape(t("promoview.fix"))}</b> '
               f"{escape(f.fix)}</div>") if f.fix else ""
        items.append(
            f'<li class="uk-find uk-find-{f.level}" data-key="{escape(f.key)}" '
            f'style="margin:0 0 10px;padding:8px 10px;border-left:4px solid {_COLOR[f.level]};'
            f'background:#fcfcfd;list-style:none">'
            f'<div style="color:{_COLOR[f.level]};font-weight:600">{_ICON[f.level]} '
            f"{escape(f.text)}</div>{fix}{rule}</li>")
    return (f'<ul class="{css}" style="padding:0;margin:6px 0;font-size:15px;'
            f'line-height:1.4;max-width:520px">{"".join(items)}</ul>')


def _tags_html(text: str) -> str:
    """Escaped text with hashtags coloured like on the platforms."""
    return re.sub(r"(#[^\s#&<]+)", r'<span style="color:#1d4ed8">\1</span>', escape(text))


def preview_html(text: str, platform: str, author: str, rules: PlatformRules,
                 photo: str = "") -> str:
    """The post as it would appear on a phone; Instagram cuts the caption where "more" sits.
    ``photo`` is the checked photo's data URI (made by the kit, never participant text)."""
    initial = escape((author.strip()[:1] or "U").upper())
    name = escape(rules.posts[platform].name)
    head = (f'<div style="display:flex;align-items:center;gap:8px;padding:8px 10px;'
            f'border-bottom:1px solid #eaecf0"><span style="width:32px;height:32px;'
            f'border-radius:50%;background:{ACCENT};color:#fff;display:inline-flex;'
            f'align-items:center;justify-content:center;font-weight:700">{initial}</span>'
            f'<span style="font-weight:600">{escape(author)}</span>'
            f'<span style="margin-left:auto;color:{MUTED};font-size:13px;white-space:nowrap">'
            f"{name}</span></div>")
    if photo.startswith("data:image/jpeg;base64,"):
        picture = (f'<img class="uk-pc-photo" src="{escape(photo)}" alt="" '
                   f'style="display:block;width:100%;height:auto">')
    else:
        picture = (f'<div style="height:150px;background:#f2f4f7;color:#98a2b3;display:flex;'
                   f'align-items:center;justify-content:center;font-size:14px;padding:0 8px;'
                   f'text-align:center">{escape(t("promoview.photo_here"))}</div>')
    body_style = ("padding:10px;white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px;"
                  "line-height:1.4;color:#101828")
    preview = rules.posts[platform].preview_chars
    if platform == "whatsapp":
        bubble = (f'<div style="background:#e7ffdb;margin:8px;border-radius:10px;overflow:hidden">'
                  f'{picture if photo else ""}<div style="{body_style}">{escape(text)}</div></div>')
        body = f'<div style="background:#efeae2;padding:4px">{bubble}</div>'
        return f'<div class="uk-pc-preview-card" style="{_CARD}">{head}{body}</div>'
    if preview and len(text) > preview.value:
        cut = text[:preview.value]
        more = escape(t("promoview.more"))
        body = (f'<div style="{body_style}">{_tags_html(cut)}<span style="color:{MUTED}">… '
                f"{more}</span></div><details style=\"padding:0 10px 10px\"><summary "
                f'style="color:{MUTED}">{escape(t("promoview.show_all"))}</summary>'
                f'<div style="{body_style};padding:6px 0">{_tags_html(text)}</div></details>')
    else:
        body = f'<div style="{body_style}">{_tags_html(text)}</div>'
    order = (picture + body) if platform == "instagram" else (body + picture)
    return f'<div class="uk-pc-preview-card" style="{_CARD}">{head}{order}</div>'


def copy_html(text: str, css: str) -> str:
    """A read-only box with the text and a copy button. Phones on the trainer's hotspot are not
    a secure context, so the button selects the text and uses the older copy command; if that
    fails too, it says to press and hold the text."""
    done, hold = escape(t("promoview.copied")), escape(t("promoview.copy_hold"))
    script = ("var a=this.parentNode.querySelector('textarea');a.focus();a.select();"
              "a.setSelectionRange(0,a.value.length);var ok=false;"
              "try{ok=document.execCommand('copy');}catch(e){}"
              "var s=this.parentNode.querySelector('.uk-copy-status');"
              "s.textContent=ok?this.dataset.done:this.dataset.hold;")
    return (f'<div class="{css}" style="max-width:520px">'
            f'<textarea readonly rows="6" style="width:100%;box-sizing:border-box;font-size:15px;'
            f'padding:8px;border:1px solid {INPUT_BORDER};border-radius:8px">'
            f"{escape(text)}</textarea>"
            f'<button type="button" class="uk-copy-button" data-done="{done}" '
            f'data-hold="{hold}" onclick="{escape(script)}" style="min-height:44px;'
            f'padding:8px 16px;margin:4px 0;border-radius:8px;border:0;background:{ACCENT};'
            f'color:#fff;font-weight:600;font-size:16px">{escape(t("promoview.copy"))}'
            f'</button> <span class="uk-copy-status" role="status" style="color:{GAIN}">'
            f"</span></div>")


def saved_list_html(posts: list, rules: PlatformRules) -> str:
    if not posts:
        return ""
    names = {**{k: p.name for k, p in rules.posts.items()},
             **{k: p.name for k, p in rules.listings.items()}}
    items = []
    for post in reversed(posts[-5:]):
        when = dt.datetime.fromisoformat(post.created_at)
        title = t("promoview.saved_item", platform=names.get(post.platform, post.platform),
                  date=format_date(when.date()))
        items.append(f'<details style="margin:4px 0"><summary>{escape(title)}</summary>'
                     f'<div style="white-space:pre-wrap;overflow-wrap:anywhere;padding:6px;'
                     f'background:{ROW_ALT}">{escape(post.text)}</div></details>')
    return (f'<div style="max-width:520px"><b>{escape(t("promoview.saved_title"))}</b>'
            f'{"".join(items)}</div>')
