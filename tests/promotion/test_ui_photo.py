"""The photo checker view, headless: build it, hand it files the way the browser does, and check
what it shows (findings, platforms, previews, download) and what it never shows (stale results,
raw file names)."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re

import ipywidgets as w
import numpy as np
import pytest
from PIL import Image

from widgets.core import i18n
from widgets.promotion import photo
from widgets.promotion.ui.photo import PhotoCheckView, photo_checker


def textured(width: int, height: int, low: int = 60, high: int = 200) -> Image.Image:
    """A sharp checker pattern whose mean is about (low+high)/2."""
    y, x = np.mgrid[0:height, 0:width]
    grey = np.where(((x // 16) + (y // 16)) % 2 == 0, low, high).astype(np.uint8)
    return Image.fromarray(np.stack([grey] * 3, axis=-1), "RGB")


def encode(img: Image.Image) -> bytes:
    out = io.BytesIO()
    img.save(out, "JPEG", quality=90)
    return out.getvalue()


pytestmark = pytest.mark.usefixtures("fresh_page")


@pytest.fixture(scope="module")
def good() -> bytes:
    return encode(textured(1000, 1000))


@pytest.fixture(scope="module")
def dark_wide() -> bytes:
    return encode(textured(1600, 900, 10, 40))


def upload(view: PhotoCheckView, data: bytes, name: str = "keset.jpg") -> None:
    """What the browser sends: ipywidgets 8 deserializes this into ``FileUpload.value``."""
    view.upload.set_state({"value": [{"name": name, "type": "image/jpeg", "size": len(data),
                                      "content": memoryview(data), "last_modified": 0}]})


def shown(view: PhotoCheckView) -> str:
    return "".join(part.value for part in (view.status, view.findings, view.platforms, view.pair,
                                           view.download))


def test_the_lesson_cell_gets_an_image_upload_with_an_indonesian_label():
    view = photo_checker()
    assert isinstance(view, PhotoCheckView)
    assert isinstance(view.upload, w.FileUpload)
    assert view.upload.accept == "image/*" and view.upload.multiple is False
    assert "uk-photo-upload" in view.upload._dom_classes
    assert "Pilih atau ambil foto produk" in view.field.label.value
    assert "15 MB" in view.field.message.value
    assert shown(view) == ""


def test_a_good_photo_shows_findings_platforms_previews_and_a_download(good):
    view = PhotoCheckView()
    result = view.check_bytes(good, "keset.jpg")
    assert result is not None and result.report.ok_image
    findings = view.findings.value
    assert "Hasil pemeriksaan" in findings
    assert findings.count("✔") == 4 and "⚠" not in findings
    assert "Ukuran foto cukup: 1000 × 1000 piksel." in findings
    platforms = view.platforms.value
    assert "Katalog WhatsApp Business: cukup (paling kecil 500 × 500 piksel)" in platforms
    assert "TikTok Shop / Tokopedia: cukup (paling kecil 600 × 600 piksel)" in platforms
    assert "paling sedikit 5 foto" in platforms and "Sumber:" in platforms
    assert "Aplikasi ini tidak memeriksa latar" in platforms
    pair = view.pair.value
    assert 'class="uk-photo-before"' in pair and 'class="uk-photo-after"' in pair
    assert pair.count('src="data:image/jpeg;base64,') == 2
    assert "flex-wrap:wrap" in pair  # side by side, wrapping on a 360 px phone
    assert 'download="keset-persegi.jpg"' in view.download.value
    assert "Unduh foto persegi (1080 × 1080 piksel)" in view.download.value


def test_the_download_link_carries_the_square_copy(good):
    view = PhotoCheckView()
    view.check_bytes(good, "keset.jpg")
    link = re.search(r'<a class="uk-photo-download"[^>]*href="data:image/jpeg;base64,([^"]+)"',
                     view.download.value)
    assert link
    img = Image.open(io.BytesIO(base64.b64decode(link.group(1))))
    assert img.format == "JPEG" and img.size == (1080, 1080)


def test_problems_show_as_warnings_with_their_fix(dark_wide):
    view = PhotoCheckView()
    view.check_bytes(dark_wide, "gelap.jpg")
    findings = view.findings.value
    assert "⚠ Foto terlalu gelap." in findings
    assert "Foto tidak persegi (1600 × 900 piksel)" in findings
    assert findings.index("⚠") < findings.index("✔")  # problems first
    assert "dicerahkan sedikit" in view.download.value
    assert "latar putih, tanpa dipotong" in view.download.value


def test_uploading_through_the_widget_checks_the_file_and_frees_it(good):
    view = PhotoCheckView()
    upload(view, good, "keset biru.jpg")
    assert view.result is not None and view.result.report.ok_image
    assert "Foto: keset biru.jpg" in view.status.value
    assert 'download="keset-biru-persegi.jpg"' in view.download.value
    assert view.upload.value == ()  # the bytes are not kept in the kernel


def test_a_new_upload_replaces_the_old_result(good, dark_wide):
    view = PhotoCheckView()
    upload(view, dark_wide, "gelap.jpg")
    assert "terlalu gelap" in view.findings.value
    upload(view, good, "terang.jpg")
    assert "terlalu gelap" not in view.findings.value
    assert "Foto: terang.jpg" in view.status.value and "gelap.jpg" not in shown(view)


def test_a_bad_file_shows_its_message_and_no_stale_previews(good):
    view = PhotoCheckView()
    upload(view, good)
    assert view.pair.value and view.download.value
    upload(view, b"hello", "catatan.txt")
    assert "Berkas ini bukan foto yang bisa dibaca." in view.findings.value
    assert 'role="alert"' in view.findings.value
    assert view.platforms.value == "" and view.pair.value == "" and view.download.value == ""
    assert "data:image" not in shown(view)


@pytest.mark.parametrize(("data", "text"), [
    (b"", "Berkasnya kosong."),
    (b"\xff\xd8\xff" + bytes(15 * 1024 * 1024 + 1), "Berkas foto terlalu besar"),
    (b"\x00\x00\x00\x18ftypheic" + bytes(80), "HEIC"),
])
def test_refusals_are_plain_words(data, text):
    view = PhotoCheckView()
    view.check_bytes(data, "foto")
    assert text in view.findings.value
    assert "Traceback" not in shown(view)


def test_file_names_and_texts_are_escaped(good):
    view = PhotoCheckView()
    name = '<script>alert("x")</script>.jpg'
    upload(view, good, name)
    page = shown(view)
    assert "<script>" not in page
    assert "&lt;script&gt;" in view.status.value
    assert re.search(r'download="[a-z0-9-]+-persegi\.jpg"', view.download.value)
    view.check_bytes(b"nope", name)
    assert "<script>" not in shown(view)


def test_an_empty_upload_value_is_ignored(good):
    view = PhotoCheckView()
    view.check_bytes(good, "keset.jpg")
    before = shown(view)
    view.upload.value = ()
    assert shown(view) == before


def test_the_view_speaks_english_when_asked(good):
    i18n.set_language("en")
    view = PhotoCheckView()
    view.check_bytes(good, "mat.jpg")
    assert "Choose or take a product photo" in view.field.label.value
    assert "The photo is big enough" in view.findings.value
    assert "Download the square photo" in view.download.value
    assert photo.check_photo(good).findings[0].text.startswith("The photo is big enough")


def test_old_platform_rules_carry_a_reminder_to_check_again(good):
    old = PhotoCheckView(today=dt.date(2026, 11, 28))
    old.check_bytes(good, "keset.jpg")
    assert old.platforms.value.count("lebih dari 6 bulan lalu") == 2
    assert "per 11 Agustus 2025" in old.platforms.value
    fresh = PhotoCheckView(today=dt.date(2026, 1, 1))
    fresh.check_bytes(good, "keset.jpg")
    assert "lebih dari 6 bulan lalu" not in fresh.platforms.value


def test_setting_the_value_from_python_works_too(good):
    # The kernel-side shape after deserializing: last_modified is a datetime there.
    view = PhotoCheckView()
    view.upload.value = [{"name": "keset.jpg", "type": "image/jpeg", "size": len(good),
                          "content": memoryview(good),
                          "last_modified": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}]
    assert view.result is not None and view.result.report.ok_image
    assert view.upload.value == ()
