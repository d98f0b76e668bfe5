"""The A4 page shell every printout shares: a complete offline page, A4 CSS, escaped text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from widgets.core import i18n
from widgets.core.printable import PRINT_FONT, a4_page, page_rule, rows_html, text
from widgets.promotion.consignment import Agreement, agreement_html
from widgets.promotion.orderlink import label_sheet_html, make_label
from widgets.sharing.record import DistributionRecord, Line
from widgets.sharing.record_print import record_html

EVIL = '<script>alert("x")</script> & \'kutip\''


def test_a_complete_a4_page():
    page = a4_page("Berita acara", "<p>isi</p>", ".x { color: red; }", margin="14mm 15mm")
    assert page.startswith('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "<title>Berita acara</title>" in page
    assert "@page { size: A4; margin: 14mm 15mm; }" in page
    assert "html, body { margin: 0; background: #fff; }" in page
    assert f"body {{ font-family: {PRINT_FONT}; color: #111; }}" in page
    # The document's own style comes last, so it may override the base.
    assert page.index("background: #fff") < page.index(".x { color: red; }")
    assert page.endswith("<body><p>isi</p></body></html>")


def test_the_page_follows_the_language():
    i18n.set_language("en")
    assert a4_page("t", "").startswith('<!DOCTYPE html><html lang="en">')


def test_the_title_and_helpers_escape_participant_text():
    page = a4_page(EVIL, "")
    assert "<script>" not in page
    assert ("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;"
            "</title>") in page
    assert text(EVIL) == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;"
    assert text(1500) == "1500"
    assert rows_html([("Harga", "Rp15.000"), (EVIL, "<b>")]) == (
        "<tr><td>Harga</td><td>Rp15.000</td></tr>"
        f"<tr><td>{text(EVIL)}</td><td>&lt;b&gt;</td></tr>")


@pytest.mark.parametrize("margin", ["10mm", "18mm", "14mm 15mm 14mm 15mm"])
def test_page_rule(margin):
    assert page_rule(margin) == f"@page {{ size: A4; margin: {margin}; }}"


def _printouts() -> dict[str, str]:
    record = DistributionRecord(EVIL, EVIL, dt.date(2019, 8, 10), "Rata", EVIL, [(EVIL, EVIL)],
                                100, [Line(EVIL, 100)], [], [(EVIL, EVIL)], EVIL, EVIL)
    agreement = Agreement(EVIL, EVIL, EVIL, price=15000, commission=2000)
    label = make_label("Keset <b>bulat</b>", 15000, "Kelompok & Co", "081234567890", "Halo")
    return {"record": record_html(record), "agreement": agreement_html(agreement),
            "labels": label_sheet_html([label])}


@pytest.mark.parametrize("name", ["record", "agreement", "labels"])
def test_every_printout_uses_the_shell(name):
    page = _printouts()[name]
    assert page.startswith('<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">')
    assert len(re.findall(r"@page \{ size: A4; margin: [0-9m ]+; \}", page)) == 1
    assert len(re.findall(r"<title>[^<]*</title><style>", page)) == 1  # the head, not an SVG
    assert "<script>" not in page and "<b>bulat" not in page
    assert not re.search(r"https?://(?!wa\.me)", page)  # nothing to fetch when printed
