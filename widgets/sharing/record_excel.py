"""The printed record of a distribution as an Excel workbook (*Berita Acara* sheet).

Its own module so that opening the sharing lesson does not load openpyxl (and with it numpy and
Pillow, about 20 MB a kernel): the view imports it when a record is made.
"""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from widgets.cashbook.export import _rupiah, _set_widths, _text
from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.sharing.record import DistributionRecord
from widgets.sharing.record_print import _line_amounts, _share_heads, _weekday

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def record_xlsx(rec: DistributionRecord) -> bytes:
    """One sheet, *Berita Acara*: the same content, amounts as numbers, set up for A4."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t("record.sheet")
    _text(ws, 1, 1, t("record.title"), bold=True).font = Font(bold=True, size=14)
    _text(ws, 2, 1, rec.group, bold=True)
    _text(ws, 3, 1, t("record.opening", weekday=_weekday(rec.day), date=format_date(rec.day),
                      place=rec.place or "-", group=rec.group))
    row = 5
    key = "record.total_loss" if rec.is_loss else "record.total"
    _text(ws, row, 1, t(key), bold=True)
    _rupiah(ws, row, 4, abs(rec.total) if rec.is_loss else rec.total, bold=True)
    info = [(t("record.method"), rec.method), (t("record.rule"), rec.rule_text),
            *rec.parameters]
    for label, value in info:
        row += 1
        _text(ws, row, 1, label)
        _text(ws, row, 2, value)
    if rec.set_aside:
        row += 2
        _text(ws, row, 1, t("record.aside"), bold=True)
        for label, amount in rec.set_aside:
            row += 1
            _text(ws, row, 2, label)
            _rupiah(ws, row, 4, amount)
    row += 2
    heads = [t("record.col_no"), t("record.col_name"), t("record.col_basis"),
             *_share_heads(rec), t("record.col_sign")]
    for column, head in enumerate(heads, start=1):
        _text(ws, row, column, head, bold=True).border = _BOX
    sign = len(heads)
    for number, line in enumerate(rec.lines, start=1):
        row += 1
        ws.cell(row=row, column=1, value=number).border = _BOX
        _text(ws, row, 2, line.name).border = _BOX
        _text(ws, row, 3, line.basis).border = _BOX
        for column, amount in enumerate(_line_amounts(line, rec.rounded), start=4):
            _rupiah(ws, row, column, amount)
            ws.cell(row=row, column=column).border = _BOX
        ws.cell(row=row, column=sign).border = _BOX
        ws.row_dimensions[row].height = 28
    row += 1
    _text(ws, row, 2, t("record.shared_total"), bold=True)
    sums = [rec.exact_shared, rec.shared] if rec.rounded else [rec.shared]
    for column, amount in enumerate(sums, start=4):
        _rupiah(ws, row, column, amount, bold=True)
    row += 2
    check_key = "record.check_ok" if rec.balanced else "record.check_wrong"
    _text(ws, row, 1, t(check_key, shared=format_rupiah(rec.shared),
                        kept=format_rupiah(rec.kept), total=format_rupiah(rec.total)), bold=True)
    if rec.note:
        row += 1
        _text(ws, row, 1, f"{t('record.note')} {rec.note}")
    row += 2
    signers = rec.signers or [(t("record.role_chair"), ""), (t("record.role_treasurer"), "")]
    for index, (role, name) in enumerate(signers):
        column = 2 if index % 2 == 0 else 4
        top = row + (index // 2) * 5
        _text(ws, top, column, role).alignment = Alignment(horizontal="center")
        _text(ws, top + 3, column, f"({name})" if name else "(....................)").alignment = (
            Alignment(horizontal="center"))
    _set_widths(ws, (6, 30, 22, 18, 18, 24) if rec.rounded else (6, 30, 22, 18, 24))
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
