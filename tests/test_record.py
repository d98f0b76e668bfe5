"""The printed record (berita acara): the content, the A4 page CSS, escaping, and Excel."""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import load_workbook

from widgets.core.village import load_village
from widgets.sharing.examples import group_data
from widgets.sharing.record import make_record
from widgets.sharing.record_print import record_html, record_preview, record_xlsx
from widgets.sharing.rules import Rule, calculate
from widgets.sharing.split import Contribution

EVIL = "<script>alert(1)</script>"
DAY = dt.date(2019, 8, 10)


def goat_record(rule=None, total=None, members=None, **extra):
    data = group_data(load_village(), "kambing")
    rule = rule or Rule("fund", {"fund_percent": "10", "basis": "work", "unit": "hari"})
    members = members or data.members
    result = calculate(rule, data.total if total is None else total, members)
    fields = dict(group=data.name, day=DAY, place="Balai Desa Jepara", members=members,
                  signers=data.signers, village="Desa Jepara", note="Jual 6 jantan")
    fields.update(extra)
    return make_record(result, rule, **fields)


def test_record_holds_everything_the_group_signs():
    rec = goat_record()
    html = record_html(rec)
    assert rec.balanced and rec.total == 15_600_000
    assert "BERITA ACARA PEMBAGIAN HASIL" in html
    assert "Sabtu, tanggal 10 Agustus 2019" in html  # 10 Aug 2019 was a Saturday
    assert "Kas kelompok 10% disisihkan dulu" in html
    assert "Rp1.560.000" in html  # the fund
    assert "14 hari kerja" in html  # Sudarto's basis
    assert html.count('class="ukr-sign"') == 8  # a signature cell per member
    assert "(Sudarto)" in html and "(Joko Santoso)" in html
    assert "Rp14.040.000 + disisihkan Rp1.560.000 = Rp15.600.000" in html
    assert sum(line.amount for line in rec.lines) == 14_040_000


def test_record_is_an_a4_document():
    html = record_html(goat_record())
    assert html.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in html
    assert re.search(r"@page\s*\{\s*size:\s*A4", html)
    assert "break-inside: avoid" in html
    assert not re.search(r"https?://", html)  # nothing to fetch when opened or printed


def test_participant_text_is_escaped_everywhere():
    members = [Contribution(EVIL, work=3), Contribution("Ani", work=1)]
    rec = goat_record(members=members, group=EVIL, place=EVIL, note=EVIL,
                      signers=[("Ketua Kelompok", EVIL)], village=EVIL,
                      rule=Rule("investor", {"investor": EVIL, "investor_percent": "40"}))
    for html in (record_html(rec), record_preview(rec)):
        assert "<script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_a_loss_is_labelled_as_a_loss():
    rec = goat_record(rule=Rule("equal"), total=-400_000)
    html = record_html(rec)
    assert "RUGI yang ditanggung bersama" in html and "Tanggungan rugi" in html
    assert "-Rp50.000" in html


def test_excel_record_has_numbers_and_safe_text():
    members = [Contribution("=HYPERLINK(\"http://x\")", work=3), Contribution("Ani", work=1)]
    rec = goat_record(members=members, rule=Rule("work", {"unit": "hari"}), total=1_000_000)
    sheet = load_workbook(io.BytesIO(record_xlsx(rec))).worksheets[0]
    assert sheet.title == "Berita Acara"
    values = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert 750_000 in values and 250_000 in values and 1_000_000 in values
    name = next(c for row in sheet.iter_rows() for c in row if c.value == members[0].name)
    assert name.data_type == "s"  # text, never a formula
    amount = next(c for row in sheet.iter_rows() for c in row if c.value == 750_000)
    assert amount.number_format == '"Rp"#,##0'
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4 == "9"  # A4
