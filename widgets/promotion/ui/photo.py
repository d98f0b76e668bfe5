"""The product photo checker view: choose or take a photo on the phone, see what to fix, the
size each platform asks for, a before/after preview and a square copy to download.

A thin view over ``widgets.promotion.photo``: one upload control whose observer calls
:meth:`PhotoCheckView.check_bytes`. The upload itself is dropped from the widget once read, so
30 kernels do not each keep a phone photo in memory.
"""

from __future__ import annotations

import datetime as dt
import re
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as w

from widgets.core.guard import guarded
from widgets.core.i18n import format_date, language, t
from widgets.core.theme import HEADING, RULE, TEXT_SOFT
from widgets.pricing.fees import STALE_MONTHS, months_before
from widgets.promotion.photo_rules import load_rules
from widgets.ui.common import COLORS, PAGE, Field, download_link, file_slug, notice_html

if TYPE_CHECKING:  # Pillow and numpy load with the first photo, not with the lesson page
    from widgets.promotion.photo import Finding, PhotoReport, PhotoResult

# Two previews side by side on a laptop, one above the other on a 360 px phone.
FIGURE = "flex:1 1 150px;max-width:240px;margin:0"
IMAGE = f"display:block;width:100%;height:auto;border:1px solid {RULE};border-radius:6px"


def _heading(text: str) -> str:
    return f'<h3 style="margin:18px 0 6px;color:{HEADING}">{escape(text)}</h3>'


def findings_html(report: PhotoReport) -> str:
    """Problems first, each with what was found, why it matters and what to do."""
    items = "".join(notice_html(found.text, _kind(found)) for found in report.findings)
    return _heading(t("photo.section_findings")) + f'<div class="uk-photo-list">{items}</div>'


def _kind(found: Finding) -> str:
    return {"error": "error", "warn": "warn"}.get(found.level, "ok")


def platforms_html(report: PhotoReport, today: dt.date | None = None) -> str:
    """Whether the size is enough for each platform, with the rule's source and date (and a
    reminder to check again when the rule was recorded more than six months ago)."""
    stale_before = months_before(today or dt.date.today(), STALE_MONTHS)
    rows = []
    for fit in report.platforms:
        rule = fit.platform
        need = f"{rule.min_width} × {rule.min_height}"
        key = "photo.platform_enough" if fit.enough else "photo.platform_short"
        line = notice_html(t(key, name=rule.name, need=need), "ok" if fit.enough else "error")
        more = (f"<div>{escape(t('photo.platform_more', count=rule.min_photos))}</div>"
                if rule.min_photos else "")
        source = t("photo.platform_source", source=rule.source, date=format_date(rule.as_of))
        stale = (f"<div>{escape(t('photo.platform_stale', months=STALE_MONTHS))}</div>"
                 if rule.as_of < stale_before else "")
        rows.append(f'{line}<div style="margin:0 0 8px 22px;font-size:13px;color:{TEXT_SOFT}">'
                    f"{more}<div>{escape(source)}</div>{stale}</div>")
    # The raw measures (brightness 0-255, sharpness) are explained in the trainer notes
    # (docs/pelajaran-05-promosi.md); the participant reads the plain verdicts above.
    return (_heading(t("photo.section_platforms")) + f'<div>{"".join(rows)}'
            f'{notice_html(t("photo.not_checked"), "info")}</div>')


def _figure(css: str, caption: str, uri: str, alt: str) -> str:
    return (f'<figure class="{css}" style="{FIGURE}">'
            f'<img src="{escape(uri)}" alt="{escape(alt)}" style="{IMAGE}">'
            f'<figcaption style="font-size:14px;font-weight:600;margin:4px 0">'
            f"{escape(caption)}</figcaption></figure>")


def before_after_html(result: PhotoResult) -> str:
    return (
        '<div style="display:flex;flex-wrap:wrap;gap:10px;'
        'max-width:520px;margin:6px 0">'
        + _figure("uk-photo-before", t("photo.before"), result.before_uri, t("photo.before_alt"))
        + _figure("uk-photo-after", t("photo.after"), result.after_uri, t("photo.after_alt"))
        + "</div>")


def download_html(result: PhotoResult, name: str) -> str:
    """The square copy as a ``data:`` link: nothing is written to or served from disk."""
    copy = result.improved
    if copy is None:
        return ""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)  # keset.jpg -> keset-persegi.jpg
    notes = ["photo.copy_cropped" if copy.cropped else "photo.copy_padded"]
    notes += ["photo.copy_brightened"] * copy.brightened + ["photo.copy_upscaled"] * copy.upscaled
    notes.append("photo.copy_private")
    return (
        download_link("uk-photo-download", f"{file_slug(stem, 'foto')}-persegi.jpg",
                      "image/jpeg", copy.jpeg, t("photo.download", side=copy.side))
        + "".join(notice_html(t(key), "info") for key in notes))


def upload_limit_html(max_bytes: int) -> str:
    """The limit the page checks before it sends a photo (the page template's script reads
    these attributes): a file over the websocket's limit would close the page's connection
    without a word, so a file over the checker's limit gets the checker's own message there,
    with its size filled in by the page."""
    text = t("photo.too_large_file", size_mb="{size_mb}", max_mb=max_bytes // (1024 * 1024))
    decimal = "," if language() == "id" else "."
    return (f'<div class="uk-upload-limit" data-uk-max-bytes="{max_bytes}" '
            f'data-uk-decimal="{decimal}" '
            f'data-uk-notice="{escape(notice_html(text, "error"), quote=True)}"></div>')


def _html(css: str) -> w.HTML:
    part = w.HTML()
    part.add_class(css)
    return part


class PhotoCheckView(w.VBox):
    """Upload a photo, see the findings, the platforms, before/after and the download."""

    def __init__(self, today: dt.date | None = None) -> None:
        self.today = today
        max_bytes = load_rules().kit.max_bytes
        max_mb = max_bytes // (1024 * 1024)
        self.upload = w.FileUpload(accept="image/*", multiple=False,
                                   description=t("photo.upload_button"), icon="camera")
        self.field = Field(t("photo.upload_label"), self.upload,
                           hint=t("photo.upload_hint", max_mb=max_mb), css="uk-photo-upload")
        self.upload.layout.height = "44px"
        self.status, self.findings, self.platforms, self.pair, self.download = (
            _html("uk-photo-status"), _html("uk-photo-findings"), _html("uk-photo-platforms"),
            _html("uk-photo-pair"), _html("uk-photo-downloads"))
        self.result: PhotoResult | None = None
        self.upload.observe(self._on_upload, "value")
        self.limit = w.HTML(upload_limit_html(max_bytes))
        super().__init__([self.field, self.limit, self.status, self.findings, self.platforms,
                          self.pair, self.download],
                         layout=w.Layout(width="100%", max_width="560px"))

    def _on_upload(self, change: dict) -> None:
        files = change["new"]
        if not files:
            return
        first = files[0]
        try:
            content, name = first["content"], str(first["name"] or "")
            self.check_bytes(bytes(content), name)
        finally:
            self.upload.value = ()  # the bytes are read: free them (and allow the same file again)

    def clear(self) -> None:
        self.result = None
        for part in (self.findings, self.platforms, self.pair, self.download):
            part.value = ""

    def _failed(self, text: str) -> None:
        self.clear()
        self.status.value = notice_html(text, "error")

    @guarded("photo check", "photo.unexpected", _failed)
    def check_bytes(self, data: bytes, name: str = "") -> PhotoResult | None:
        """Check one photo and show the result; replaces whatever was shown before."""
        self.clear()
        self.status.value = notice_html(t("photo.checking"), "info")
        from widgets.promotion.photo import analyse  # Pillow and numpy: once a photo arrives

        result = analyse(data, name)
        self._show(result, name)
        self.result = result
        return result

    def _show(self, result: PhotoResult, name: str) -> None:
        self.status.value = (f'<div style="font-size:14px;color:{COLORS["info"]};margin:4px 0">'
                             f"{escape(t('photo.file_name', name=name))}</div>" if name else "")
        self.findings.value = findings_html(result.report)
        if result.report.ok_image:
            self.platforms.value = platforms_html(result.report, self.today)
        if result.improved is not None:
            self.pair.value = before_after_html(result)
            self.download.value = download_html(result, name)
            PAGE.photo = result.after_uri


def photo_checker(today: dt.date | None = None) -> PhotoCheckView:
    """For a lesson cell: the product photo checker."""
    return PhotoCheckView(today)
