"""Take the cash book home: an Excel workbook (``Buku Kas`` + ``Ringkasan``, and with the credit
book ``Utang-Piutang`` + ``Pembayaran``) and a CSV file.

Amounts are written as whole-number cells with a ``"Rp"#,##0`` format, so Excel and LibreOffice
can add them up and an Indonesian spreadsheet shows ``Rp1.500.000``. Text typed by participants is
always written as text: a description like ``=HYPERLINK(…)`` must never become a formula.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from widgets.cashbook import credit
from widgets.cashbook.ledger import Entry, monthly_summary
from widgets.cashbook.table import CashBookRow, column_labels, table_rows
from widgets.core.i18n import format_date, format_month, t

RUPIAH_FORMAT = '"Rp"#,##0'
DATE_FORMAT = "DD/MM/YYYY"
# Characters that make Excel or LibreOffice read a cell as a formula (OWASP CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_CASHBOOK_WIDTHS = (13, 42, 28, 20, 17, 17, 17)
_SUMMARY_WIDTHS = (20, 17, 17, 17)
_BOLD = Font(bold=True)
_TOP_LINE = Border(top=Side(style="thin"))


def _text(ws: Worksheet, row: int, column: int, value: str, bold: bool = False) -> Cell:
    # Assigning "=…" makes openpyxl store a formula; forcing type 's' keeps it plain text.
    cell = ws.cell(row=row, column=column, value=value)
    cell.data_type = "s"
    if bold:
        cell.font = _BOLD
    return cell


def _rupiah(ws: Worksheet, row: int, column: int, value: int | None, bold: bool = False) -> None:
    cell = ws.cell(row=row, column=column, value=value)
    cell.number_format = RUPIAH_FORMAT
    if bold:
        cell.font = _BOLD


def _set_widths(ws: Worksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _header(ws: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        _text(ws, row, column, label, bold=True).border = Border(bottom=Side(style="thin"))
    ws.freeze_panes = ws.cell(row=row + 1, column=1)


def _cashbook_rows(ws: Worksheet, rows: list[CashBookRow], first: int) -> None:
    for row, line in enumerate(rows, start=first):
        ws.cell(row=row, column=1, value=line.day).number_format = DATE_FORMAT
        for column, text in ((2, line.description), (3, line.category), (4, line.purse)):
            _text(ws, row, column, text)
        # A blank cell reads like a paper cash book; Rp0 on every line would be noise.
        _rupiah(ws, row, 5, line.money_in or None)
        _rupiah(ws, row, 6, line.money_out or None)
        _rupiah(ws, row, 7, line.balance)


def _fill_cashbook(ws: Worksheet, entries: list[Entry], owner_name: str, opening: int) -> None:
    _text(ws, 1, 1, t("ledger.export_title", name=owner_name), bold=True).font = Font(
        bold=True, size=14
    )
    _text(ws, 2, 1, t("ledger.export_generated", date=format_date(dt.date.today())))
    _text(ws, 3, 1, t("ledger.export_opening"))
    _rupiah(ws, 3, 7, opening)
    _header(ws, 4, column_labels())
    rows = table_rows(entries, opening)
    _cashbook_rows(ws, rows, first=5)
    total_row = 5 + len(rows)
    _text(ws, total_row, 1, t("ledger.export_total"), bold=True)
    total_in = sum(line.money_in for line in rows)
    total_out = sum(line.money_out for line in rows)
    for column, value in ((5, total_in), (6, total_out), (7, opening + total_in - total_out)):
        _rupiah(ws, total_row, column, value, bold=True)
    for column in range(1, 8):
        ws.cell(row=total_row, column=column).border = _TOP_LINE
    _set_widths(ws, _CASHBOOK_WIDTHS)


def _fill_summary(ws: Worksheet, entries: list[Entry]) -> None:
    _text(ws, 1, 1, t("ledger.export_summary_title"), bold=True).font = Font(bold=True, size=14)
    labels = [t(f"ledger.col_{key}") for key in ("month", "in", "out", "net")]
    _header(ws, 2, labels)
    months = monthly_summary(entries)
    for row, month in enumerate(months, start=3):
        _text(ws, row, 1, format_month(month.year, month.month))
        for column, value in ((2, month.money_in), (3, month.money_out), (4, month.net)):
            _rupiah(ws, row, column, value)
    total_row = 3 + len(months)
    _text(ws, total_row, 1, t("ledger.export_total"), bold=True)
    totals = (sum(m.money_in for m in months), sum(m.money_out for m in months))
    for column, value in ((2, totals[0]), (3, totals[1]), (4, totals[0] - totals[1])):
        _rupiah(ws, total_row, column, value, bold=True)
        ws.cell(row=total_row, column=column).border = _TOP_LINE
    _set_widths(ws, _SUMMARY_WIDTHS)


def _fill_debts(ws: Worksheet, rows: list[credit.DebtStatus], summary: credit.CreditSummary,
                today: dt.date) -> None:
    _text(ws, 1, 1, t("creditui.export_title", date=format_date(today)), bold=True).font = Font(
        bold=True, size=14)
    labels = [t(f"creditui.xcol_{key}") for key in _DEBT_COLUMNS]
    _header(ws, 2, labels)
    for row, line in enumerate(rows, start=3):
        debt = line.debt
        for column, text in ((1, t(f"credit.kind_short_{debt.kind}")), (2, debt.who),
                             (3, debt.what), (10, _state(line))):
            _text(ws, row, column, text)
        for column, day in ((4, debt.day), (5, debt.due)):
            ws.cell(row=row, column=column, value=day).number_format = DATE_FORMAT
        for column, value in ((6, debt.amount), (7, line.paid), (8, line.balance)):
            _rupiah(ws, row, column, value)
        ws.cell(row=row, column=9, value=line.days_overdue or None)
    last = 3 + len(rows) + 1
    for offset, (key, value) in enumerate((
            ("owed", summary.owed_to_us), ("owe", summary.we_owe), ("cash", summary.cash),
            ("position", summary.position))):
        _text(ws, last + offset, 2, t(f"creditui.sum_{key}"), bold=True)
        _rupiah(ws, last + offset, 8, value, bold=True)
    _set_widths(ws, _DEBT_WIDTHS)


def _state(line: credit.DebtStatus) -> str:
    if line.settled:
        return t("creditui.state_paid")
    if line.days_overdue:
        return t("creditui.state_late", days=line.days_overdue)
    return t("creditui.state_open")


def _fill_payments(ws: Worksheet, debts: list[credit.Debt], payments: list[credit.Payment]
                   ) -> None:
    labels = [t(f"creditui.xcol_{key}") for key in ("day", "kind", "who", "what", "amount")]
    _header(ws, 1, labels)
    by_id = {d.id: d for d in debts}
    ordered = sorted(payments, key=lambda p: (p.day, p.id or 0))
    for row, payment in enumerate(ordered, start=2):
        debt = by_id[payment.debt_id]
        ws.cell(row=row, column=1, value=payment.day).number_format = DATE_FORMAT
        for column, text in ((2, t(f"credit.kind_short_{debt.kind}")), (3, debt.who),
                             (4, debt.what)):
            _text(ws, row, column, text)
        _rupiah(ws, row, 5, payment.amount)
    _set_widths(ws, (13, 12, 28, 34, 17))


_DEBT_COLUMNS = ("kind", "who", "what", "day", "due", "amount", "paid", "left", "late", "state")
_DEBT_WIDTHS = (12, 28, 34, 13, 13, 17, 17, 17, 10, 22)


@dataclass(frozen=True)
class CreditBook:
    """What the credit sheets need: the debts, their payments and the cash on ``today``."""

    debts: list[credit.Debt]
    payments: list[credit.Payment]
    cash: int
    today: dt.date


def add_credit_sheets(workbook: Workbook, book: CreditBook) -> None:
    """Sheets ``Utang-Piutang`` (every debt with what is paid and left, then the totals and the
    position after debts) and ``Pembayaran`` (every payment)."""
    rows = credit.statuses(book.debts, book.payments, book.today)
    summary = credit.summarise(book.debts, book.payments, book.cash, book.today)
    _fill_debts(workbook.create_sheet(t("creditui.sheet_debts")), rows, summary, book.today)
    _fill_payments(workbook.create_sheet(t("creditui.sheet_payments")), book.debts,
                   book.payments)


def cashbook_xlsx(entries: Iterable[Entry], owner_name: str, opening: int = 0,
                  credit_book: CreditBook | None = None) -> bytes:
    """The cash book as an .xlsx file: sheet ``Buku Kas`` (every line with its balance, then
    totals) and sheet ``Ringkasan`` (money in, out and net per month); with ``credit_book``,
    also its two sheets (:func:`add_credit_sheets`)."""
    entries = list(entries)
    workbook = Workbook()
    cashbook = workbook.active
    assert cashbook is not None
    cashbook.title = t("ledger.sheet_cashbook")
    _fill_cashbook(cashbook, entries, owner_name, opening)
    _fill_summary(workbook.create_sheet(t("ledger.sheet_summary")), entries)
    if credit_book is not None:
        add_credit_sheets(workbook, credit_book)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula: a leading apostrophe when it starts like
    one."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def cashbook_csv(entries: Iterable[Entry], opening: int = 0) -> bytes:
    """The cash book as CSV: comma-separated, ISO dates, plain integer rupiah, UTF-8 with a BOM
    so Excel shows Indonesian text correctly when the file is double-clicked."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(column_labels())
    for line in table_rows(entries, opening):
        texts = [csv_safe(text) for text in (line.description, line.category, line.purse)]
        writer.writerow([line.day.isoformat(), *texts, line.money_in, line.money_out, line.balance])
    return buffer.getvalue().encode("utf-8-sig")
