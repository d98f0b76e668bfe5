"""The cash book as HTML for the page: the list with its running balance, the monthly summary
(a money table that becomes cards on a phone) with its chart, profit and loss, the two purses,
and the download links. Shared by the participant's cash book and lesson 2's worked example."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from widgets.cashbook import credit, ledger
from widgets.cashbook.ledger import CATEGORIES
from widgets.core.charts import bar_chart
from widgets.core.i18n import format_date, format_month, t
from widgets.core.money import format_rupiah
from widgets.core.theme import GAIN, LOSS, ROW_ALT, RULE, TABLE_HEAD, TEXT_SOFT
from widgets.ui.common import XLSX, download_link, file_slug, notice_html
from widgets.ui.tables import Row, money_table

IN_COLOR, OUT_COLOR = GAIN, LOSS
_TABLE_STYLE = (
    "<style>.uk-book{width:100%;border-collapse:collapse;font-size:15px;display:table!important}"
    f".uk-book th,.uk-book td{{padding:6px 4px;border-bottom:1px solid {RULE};vertical-align:top;"
    f"text-align:left!important}}.uk-book tr:nth-child(even){{background:{ROW_ALT}}}"
    f".uk-book th{{background:{TABLE_HEAD}}}.uk-book .num{{text-align:right!important;"
    f"white-space:nowrap}}.uk-book small{{color:{TEXT_SOFT}}}</style>"
)


def category_choices(direction: str) -> list[tuple[str, str]]:
    return [(ledger.category_label(c.key), c.key) for c in CATEGORIES if c.direction == direction]


def _money_cell(entry: ledger.Entry) -> str:
    sign, color = ("+", IN_COLOR) if entry.direction == "in" else ("−", OUT_COLOR)
    return f'<td class="num" style="color:{color}">{sign}{escape(format_rupiah(entry.amount))}</td>'


def entries_table(entries: list[ledger.Entry], opening: int = 0) -> str:
    """The cash book as a three-column table that fits a 360 px phone."""
    if not entries:
        return notice_html(t("cashbook.book_empty"), "info")
    rows = []
    if opening:
        rows.append(f"<tr><td><i>{escape(t('cashbook.opening_balance'))}</i></td><td></td>"
                    f'<td class="num">{escape(format_rupiah(opening))}</td></tr>')
    for entry, balance in ledger.running_balance(entries, opening):
        rows.append(
            f"<tr><td>{escape(format_date(entry.day))}<br><b>{escape(entry.description)}</b><br>"
            f"<small>{escape(ledger.category_label(entry.category))} · "
            f"{escape(ledger.purse_label(entry.purse))}</small></td>"
            f"{_money_cell(entry)}"
            f'<td class="num">{escape(format_rupiah(balance))}</td></tr>'
        )
    head = (
        f"<tr><th>{escape(t('cashbook.col_entry'))}</th>"
        f"<th class='num'>{escape(t('cashbook.col_amount'))}</th>"
        f"<th class='num'>{escape(t('cashbook.col_balance'))}</th></tr>"
    )
    return _TABLE_STYLE + f'<table class="uk-book">{head}{"".join(rows)}</table>'


CHART_MONTHS = 12  # more bars than this no longer read on a phone


def summary_html(entries: list[ledger.Entry]) -> str:
    """Monthly summary table, chart, profit and loss, and the two purses."""
    if not entries:
        return ""
    months = ledger.monthly_summary(entries)
    rows = [Row(escape(format_month(m.year, m.month, short=True)),
                [escape(format_rupiah(m.money_in)), escape(format_rupiah(m.money_out)),
                 f"<b>{escape(format_rupiah(m.net))}</b>"]) for m in months]
    head = [t(f"cashbook.col_{key}") for key in ("month", "in", "out", "net")]
    table = money_table(head, rows, css="uk-summary")
    return _TABLE_STYLE + table + months_chart(months) + profit_html(entries) + purses_html(entries)


def months_chart(months: list[ledger.MonthSummary]) -> str:
    """Money in and out per month: every month of the table beside it, up to ``CHART_MONTHS``
    (the title then says how many). Bars are labelled by month; across a new year the title
    names the first and last month."""
    shown = months[-CHART_MONTHS:]
    title = (t("cashbook.chart_title") if len(shown) == len(months)
             else t("cashbook.chart_title_last", months=len(shown)))
    if len({m.year for m in shown}) > 1:
        title = t("cashbook.chart_period", title=title,
                  first=format_month(shown[0].year, shown[0].month, short=True),
                  last=format_month(shown[-1].year, shown[-1].month, short=True))
    labels = [format_month(m.year, m.month, short=True).split()[0] for m in shown]
    chart = bar_chart(labels, {t("cashbook.col_in"): [m.money_in for m in shown],
                               t("cashbook.col_out"): [m.money_out for m in shown]},
                      [IN_COLOR, OUT_COLOR], title)
    return f'<p class="uk-chart-title"><b>{escape(title)}</b></p>{chart}'


def profit_html(entries: list[ledger.Entry]) -> str:
    pl = ledger.profit_and_loss(entries)
    lines = [f"<tr><th colspan=2>{escape(t('cashbook.pl_income'))}</th></tr>"]
    lines += [
        f'<tr><td>{escape(ledger.category_label(k))}</td><td class="num">'
        f"{escape(format_rupiah(v))}</td></tr>" for k, v in pl.income.items()
    ]
    lines.append(f"<tr><th colspan=2>{escape(t('cashbook.pl_expenses'))}</th></tr>")
    lines += [
        f'<tr><td>{escape(ledger.category_label(k))}</td><td class="num">'
        f"{escape(format_rupiah(v))}</td></tr>" for k, v in pl.expenses.items()
    ]
    key = "cashbook.pl_profit" if pl.profit >= 0 else "cashbook.pl_loss"
    lines.append(
        f'<tr><td><b>{escape(t(key))}</b></td><td class="num"><b>'
        f"{escape(format_rupiah(pl.profit))}</b></td></tr>"
    )
    return (
        f"<h4>{escape(t('cashbook.pl_title'))}</h4>"
        f'<table class="uk-book">{"".join(lines)}</table>'
        + notice_html(t("cashbook.pl_note"), "info")
    )


def purses_html(entries: list[ledger.Entry]) -> str:
    split = ledger.purse_split(entries)
    rows = "".join(
        f"<tr><td>{escape(ledger.purse_label(p))}</td>"
        f'<td class="num">{escape(format_rupiah(s.money_in))}</td>'
        f'<td class="num">{escape(format_rupiah(s.money_out))}</td></tr>'
        for p, s in split.items()
    )
    return (
        f"<h4>{escape(t('cashbook.purse_title'))}</h4><table class='uk-book'><tr><th></th>"
        f'<th class="num">{escape(t("cashbook.col_in"))}</th><th class="num">'
        f'{escape(t("cashbook.col_out"))}</th></tr>{rows}</table>'
    )


def workbook(entries: list[ledger.Entry], owner: str, debts: Sequence[credit.Debt] = (),
             payments: Sequence[credit.Payment] = (), today: dt.date | None = None) -> bytes:
    """The Excel file both books hand out: the cash book, and the credit book's sheets too
    when the participant has debts (cash on hand: the business purse)."""
    # openpyxl costs a quarter of a second to import: pay it after sign-in, not on page load.
    from widgets.cashbook.export import CreditBook, cashbook_xlsx

    book = (CreditBook(list(debts), list(payments), ledger.purse_split(entries)["usaha"].net,
                       today or dt.date.today()) if debts else None)
    return cashbook_xlsx(entries, owner, credit_book=book)


def downloads_html(entries: list[ledger.Entry], owner: str, debts: Sequence[credit.Debt] = (),
                   payments: Sequence[credit.Payment] = (), today: dt.date | None = None) -> str:
    """Download links carrying the files themselves, so nothing is served from disk."""
    from widgets.cashbook.export import cashbook_csv

    name = f"buku-kas-{file_slug(owner, 'peserta')}"
    return (download_link("uk-download-xlsx", f"{name}.xlsx", XLSX,
                          workbook(entries, owner, debts, payments, today),
                          t("cashbook.download_xlsx"))
            + download_link("uk-download-csv", f"{name}.csv", "text/csv",
                            cashbook_csv(entries), t("cashbook.download_csv")))


def credit_download(entries: list[ledger.Entry], owner: str, debts: Sequence[credit.Debt],
                    payments: Sequence[credit.Payment], today: dt.date) -> str:
    """The credit book's link to the same Excel file as the cash book's."""
    return download_link("uk-credit-xlsx", f"buku-kas-{file_slug(owner, 'peserta')}.xlsx", XLSX,
                         workbook(entries, owner, debts, payments, today), t("creditui.download"))
