"""WhatsApp order links: phone numbers to the wa.me form, the link's encoding, QR codes decoded
back to the link, and the printable A4 label sheet (escaped, offline, paged right)."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image, ImageDraw

from widgets.core.i18n import t
from widgets.promotion.orderlink import (
    PER_PAGE,
    Label,
    LabelError,
    MessageError,
    PhoneError,
    check_qr,
    default_message,
    label_sheet_html,
    make_label,
    order_link,
    pages_needed,
    qr_modules,
    qr_png,
    qr_svg,
    sheet_filename,
)

NUMBER = "6281234567890"
KESET = "Keset bulat kain perca"


# --- Helpers: turn drawn QR codes back into text --------------------------------------------

_RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-\d+z")


def rasterize(size: int, path: str, scale: int = 6) -> Image.Image:
    """Draw the path data our SVG uses (one ``M x y h w v1 h-w z`` per dark run) as pixels."""
    image = Image.new("L", (size * scale, size * scale), 255)
    draw = ImageDraw.Draw(image)
    for x, y, width in _RUN.findall(path):
        x, y, width = int(x), int(y), int(width)
        draw.rectangle([x * scale, y * scale, (x + width) * scale - 1, (y + 1) * scale - 1],
                       fill=0)
    return image


def decode(image: Image.Image) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(image)]


def decode_svg(svg: str) -> list[str]:
    """The text of a QR code drawn as ``<svg viewBox="0 0 n n">…<path d="…">``."""
    size = int(re.search(r'viewBox="0 0 (\d+) \1"', svg).group(1))
    path = re.search(r'<path d="([^"]*)"', svg).group(1)
    return decode(rasterize(size, path))


def sheet_codes(html: str) -> dict[str, str]:
    """The QR codes a label sheet draws once, by id, decoded."""
    codes = re.findall(r'<g id="([\w-]+)"><rect width="(\d+)"[^>]*/><path d="([^"]*)"', html)
    assert codes, "no QR code drawn in the sheet"
    return {ident: decode(rasterize(int(size), path))[0] for ident, size, path in codes}


# --- The link -------------------------------------------------------------------------------


def test_the_default_message_names_the_product_and_price():
    assert default_message(KESET, 15_000) == (
        "Halo, saya mau pesan Keset bulat kain perca (Rp15.000). Apakah masih ada?")
    assert default_message("  Keset   karakter ") == (
        "Halo, saya mau pesan Keset karakter. Apakah masih ada?")
    assert default_message(" ") == t("orderlink.message_no_product")
    assert "Rp2.600.000" in default_message("Kambing jantan", 2_600_000)


# --- QR codes -------------------------------------------------------------------------------

LINKS = [
    order_link("0812-3456-7890", default_message(KESET, 15_000)),
    order_link("+62 857 1234 56789", "Mau 2 keset 🙏\nWarna #merah & biru?"),
    order_link("0811-234-567"),
]


@pytest.mark.parametrize("link", LINKS)
def test_the_png_qr_code_scans_back_to_the_link(link):
    png = qr_png(link)
    assert png.startswith(b"\x89PNG")
    assert decode(Image.open(io.BytesIO(png))) == [link]


@pytest.mark.parametrize("link", LINKS)
def test_the_svg_qr_code_scans_back_to_the_link(link):
    svg = qr_svg(link, title="<QR>")
    assert decode_svg(svg) == [link]
    assert "<title>&lt;QR&gt;</title>" in svg


def test_qr_codes_are_the_same_every_time():
    link = LINKS[1]
    assert qr_png(link) == qr_png(link)
    assert qr_svg(link) == qr_svg(link)
    modules = qr_modules(link)
    assert len(modules) == len(modules[0]) and not any(modules[0])  # quiet zone on top


def test_a_message_too_long_for_a_label_qr_is_refused():
    link = order_link("0812-3456-7890", "Halo kak, saya mau tanya " * 16)
    with pytest.raises(MessageError) as caught:
        check_qr(link)
    assert caught.value.key == "qr_too_long"
    with pytest.raises(MessageError):
        qr_png(link)


# --- Labels and the sheet -------------------------------------------------------------------


def keset_label(**changes) -> Label:
    fields = {"product": KESET, "price": 15_000, "group": "Kelompok Konveksi Purna PMI",
              "phone": "0812-3456-7890", "message": default_message(KESET, 15_000)}
    fields.update(changes)
    return make_label(**fields)


def test_a_label_is_checked_and_tidied():
    label = keset_label(product="  Keset   bulat kain perca ", group=" Kelompok  Konveksi ")
    assert label == Label(KESET, 15_000, "Kelompok Konveksi", LINKS[0], NUMBER)


@pytest.mark.parametrize("changes,error,key", [
    ({"product": "  "}, LabelError, "product_empty"),
    ({"product": "x" * 61}, LabelError, "product_too_long"),
    ({"group": "x" * 61}, LabelError, "group_too_long"),
    ({"phone": "+852 9123 4567"}, PhoneError, "phone_foreign_known"),
    ({"message": "panjang sekali " * 30}, MessageError, "qr_too_long"),
])
def test_a_label_that_cannot_be_made_says_why(changes, error, key):
    with pytest.raises(error) as caught:
        keset_label(**changes)
    assert caught.value.key == key


def test_the_sheet_is_a_complete_a4_page_with_every_text():
    html = label_sheet_html([keset_label()])
    assert html.startswith("<!DOCTYPE html>") and html.endswith("</html>")
    assert '<meta charset="utf-8">' in html
    assert "@page { size: A4; margin: 10mm; }" in html
    assert "dashed" in html  # the cut lines
    for text in (KESET, "Rp15.000", "Kelompok Konveksi Purna PMI", "0812-3456-7890",
                 "Pindai untuk pesan lewat WhatsApp"):
        assert text in html, text


def test_the_sheet_qr_codes_scan_back_to_their_links():
    keset = keset_label()
    goat_message = default_message("Kambing jantan", 2_600_000)
    goat = keset_label(product="Kambing jantan", price=2_600_000, message=goat_message)
    html = label_sheet_html([keset, goat], copies=3)
    codes = sheet_codes(html)
    assert sorted(codes.values()) == sorted([keset.link, goat.link])  # each drawn once
    shown = re.findall(r'<use href="#([\w-]+)"/>', html)
    assert [codes[ident] for ident in shown] == [keset.link] * 3 + [goat.link] * 3


@pytest.mark.parametrize("copies,pages", [(1, 1), (20, 1), (21, 1), (22, 2), (63, 3), (64, 4)])
def test_labels_fill_pages_of_21(copies, pages):
    html = label_sheet_html([keset_label()], copies=copies)
    assert html.count('class="ukl-label"') == copies
    assert html.count('<section class="ukl-page">') == pages == pages_needed(copies)
    per_page = [part.count('class="ukl-label"') for part in html.split("<section")[1:]]
    assert all(count == PER_PAGE for count in per_page[:-1])


def test_participant_text_never_becomes_html():
    label = keset_label(product='<script>alert("x")</script>', group="<b>Grup</b> & Co",
                        message="<img src=x onerror=alert(1)>")
    html = label_sheet_html([label])
    assert "<script" not in html and "<b>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;Grup&lt;/b&gt; &amp; Co" in html
    assert "<title>Label pesan lewat WhatsApp: &lt;script&gt;" in html


def test_the_sheet_loads_nothing_from_outside():
    html = label_sheet_html([keset_label()], copies=30)
    assert not re.search(r"<(?:script|link|img|iframe|object|embed)\b", html)
    assert not re.search(r"url\(|@import|@font-face", html)
    references = re.findall(r"""\b(?:src|href)\s*=\s*["']?([^"'\s>]*)""", html)
    assert references and all(ref.startswith("#ukl-qr-") for ref in references)
    # The only web address a label may mention is its own wa.me link.
    assert all(url.startswith("https://wa.me/")
               for url in re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}", html))


def test_a_sheet_needs_a_label_and_a_copy():
    with pytest.raises(ValueError):
        label_sheet_html([])
    with pytest.raises(ValueError):
        label_sheet_html([keset_label()], copies=0)


def test_the_file_name_comes_from_the_product():
    assert sheet_filename(keset_label()) == "label-wa-keset-bulat-kain-perca.html"
    assert sheet_filename(keset_label(product="<!>")) == "label-wa-produk.html"


# --- The printed sheet, in a real browser ---------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow
def test_a_label_cut_from_the_rendered_sheet_scans_back_to_its_link(browser):
    long_name = "Kambing jantan siap kurban (menjelang Idul Adha)"
    goat = keset_label(product=long_name, price=2_600_000, group="Kelompok Ternak Kambing",
                       message=default_message(long_name, 2_600_000))
    html = label_sheet_html([keset_label(), goat], copies=11)
    page = browser.new_page(viewport={"width": 800, "height": 1100})
    try:
        page.set_content(html)
        page.emulate_media(media="print")
        labels = page.locator(".ukl-label")
        assert labels.count() == 22
        for index, link in ((0, LINKS[0]), (21, goat.link)):  # the last one sits on page 2
            png = labels.nth(index).screenshot()
            assert decode(Image.open(io.BytesIO(png))) == [link]
        # Nothing spills out of a label: the text column fits beside the QR code.
        overflow = page.evaluate("""() => [...document.querySelectorAll('.ukl-text')]
            .filter(e => e.scrollHeight > e.parentElement.clientHeight + 1
                      || e.scrollWidth > e.clientWidth + 1).length""")
        assert overflow == 0
        assert len(page.pdf(format="A4", prefer_css_page_size=True)) > 1000
    finally:
        page.close()
