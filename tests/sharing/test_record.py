"""The printed record (berita acara): the content, the A4 page CSS, escaping, and Excel."""

from __future__ import annotations

import datetime as dt
import io
import re

from openpyxl import load_workbook

from widgets.core.village import load_village
from widgets.sharing.examples import group_data
from widgets.sharing.record import make_record
from widgets.sharing.record_excel import record_xlsx
from widgets.sharing.record_print import record_html, record_preview
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


def _cells(html: str, css: str) -> list[str]:
    return re.findall(rf'<td class="{css}">([^<]*)</td>', html)


def test_a_record_rounded_to_cash_shows_the_rule_and_both_figures():
    rule = Rule("work", {"unit": "hari", "cash_unit": 1000})
    rec = goat_record(rule=rule)
    html = record_html(rec)
    assert rec.rounded and rec.balanced and rec.remainder == 4_000
    assert "Setiap bagian dibulatkan ke bawah ke kelipatan Rp1.000 untuk dibayar tunai" in html
    assert "<th class=\"ukr-num\">Hasil hitung</th><th class=\"ukr-num\">Dibayar tunai</th>" in html
    # Heri Kuswanto, 8 days: Rp1.273.469 as calculated, Rp1.273.000 paid.
    figures = _cells(html, "ukr-num")
    assert figures[figures.index("Rp1.273.469") + 1] == "Rp1.273.000"
    assert "<td>Sisa pembulatan masuk kas kelompok</td><td class=\"ukr-num\">Rp4.000</td>" in html
    assert "Rp15.600.000</th><th class=\"ukr-num\">Rp15.596.000" in html  # both sums
    assert "Rp15.596.000 + disisihkan Rp4.000 = Rp15.600.000" in html
    plain = record_html(goat_record(rule=Rule("work", {"unit": "hari"})))
    assert "Hasil hitung" not in plain and "pembulatan masuk" not in plain


def test_a_record_rounded_to_cash_in_excel_has_both_columns():
    rec = goat_record(rule=Rule("equal", {"cash_unit": 500}), total=15_600_100)
    sheet = load_workbook(io.BytesIO(record_xlsx(rec))).worksheets[0]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    head = next(r for r in rows if "Hasil hitung" in r)
    assert head[3:6] == ["Hasil hitung", "Dibayar tunai", "Tanda tangan"]
    sudarto = next(r for r in rows if "Sudarto" in r)
    assert sudarto[3:5] == [1_950_013, 1_950_000]  # 15.600.100 ÷ 8 = 1.950.012,5
    assert any("dibulatkan ke bawah ke kelipatan Rp500" in str(r[1]) for r in rows)  # the rule
    assert ["Sisa pembulatan masuk kas kelompok", 100] in [[r[1], r[3]] for r in rows]
