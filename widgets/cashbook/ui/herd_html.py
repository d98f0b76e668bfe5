"""Lesson 1's goat example as HTML: the herd book, the cash book of the same months, and the
check that the two tell the same story (``cashbook.herdbook``). Every text is escaped."""

from __future__ import annotations

from html import escape

from widgets.cashbook import ledger
from widgets.cashbook.herdbook import HerdAndCash, Mismatch
from widgets.cashbook.ui.book_html import IN_COLOR, OUT_COLOR
from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.core.numbers import format_count
from widgets.ui.common import notice_html
from widgets.ui.tables import Row, money_table


def _signed(change: int) -> str:
    return f"+{format_count(change)}" if change > 0 else f"−{format_count(-change)}"


def herd_table(result: HerdAndCash) -> str:
    """Each event: the day and what happened, goats more or fewer, goats in the pen after it."""
    head = "".join(f"<th{' class=num' if i else ''}>{escape(t(k))}</th>"
                   for i, k in enumerate(("herdbook.col_event", "herdbook.col_change",
                                          "herdbook.col_after")))
    rows = [f'<tr><td><i>{escape(t("herdbook.opening", day=format_date(result.start)))}</i>'
            f'</td><td></td><td class="num">{format_count(result.opening_count)}</td></tr>']
    for line in result.lines:
        rows.append(
            f"<tr><td>{escape(format_date(line.day))}<br>"
            f"<b>{escape(t(f'herdbook.ev_{line.event}'))}</b></td>"
            f'<td class="num">{escape(_signed(line.change))}</td>'
            f'<td class="num">{format_count(line.herd_after)}</td></tr>')
    return (f'<table class="uk-book uk-herd-book"><tr>{head}</tr>{"".join(rows)}</table>')


def _mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def check_table(result: HerdAndCash) -> str:
    """The two books side by side: goat sales, goats bought, and the count of goats."""
    rows = [
        Row(escape(t("herdbook.row_sales", count=result.count("jual"))),
            [escape(format_rupiah(result.money("jual"))), escape(format_rupiah(result.sales_cash)),
             _mark(result.money("jual") == result.sales_cash)]),
        Row(escape(t("herdbook.row_buys", count=result.count("beli"))),
            [escape(format_rupiah(result.money("beli"))), escape(format_rupiah(result.buys_cash)),
             _mark(result.money("beli") == result.buys_cash)]),
    ]
    head = [t("herdbook.col_what"), t("herdbook.col_herd_book"), t("herdbook.col_cash_book"),
            t("herdbook.col_agree")]
    return money_table(head, rows, css="uk-herd-check")


def cash_table(entries: list[ledger.Entry], opening: int) -> str:
    """The cash book as a money table (a card per line on a phone): the goat group's sales run
    to eight digits, wider than the konveksi book's three-column table allows at 360 px."""
    rows = [Row(f"<i>{escape(t('cashbook.opening_balance'))}</i>",
                ["", escape(format_rupiah(opening))])]
    for entry, balance in ledger.running_balance(entries, opening):
        sign, color = ("+", IN_COLOR) if entry.direction == "in" else ("−", OUT_COLOR)
        name = (f"{escape(format_date(entry.day))}<br><b>{escape(entry.description)}</b><br>"
                f"<small>{escape(ledger.category_label(entry.category))}</small>")
        rows.append(Row(name, [f'<span style="color:{color}">{sign}'
                               f"{escape(format_rupiah(entry.amount))}</span>",
                               escape(format_rupiah(balance))]))
    head = [t("cashbook.col_entry"), t("cashbook.col_amount"), t("cashbook.col_balance")]
    return money_table(head, rows, css="uk-herd-cash-book")


def count_line(result: HerdAndCash) -> str:
    counts = {"opening": result.arrived, "born": result.count("lahir"),
              "bought": result.count("beli"), "died": result.count("mati"),
              "sold": result.count("jual"), "counted": result.counted,
              "closing": result.closing_count}
    return t("herdbook.count_line", **{k: format_count(v) for k, v in counts.items()})


def _mismatch(m: Mismatch) -> str:
    key = "herdbook.missing_in_cash" if m.book == "herd" else "herdbook.missing_in_herd"
    return notice_html(t(key, day=format_date(m.day), amount=format_rupiah(m.amount or 0),
                         note=m.note), "error")


def herd_book_html(result: HerdAndCash, group: str) -> str:
    """The herd book over the period, and the feed bought in it."""
    period = t("herdbook.period", start=format_date(result.start), end=format_date(result.end))
    feed = t("herdbook.feed_line", total=format_rupiah(result.feed_total),
             times=len(result.feed))
    return (
        f'<div class="uk-herd-example"><p><small>{escape(t("herdbook.invented"))}</small></p>'
        f"<h4>{escape(t('herdbook.herd_title', group=group))}</h4><p>{escape(period)}</p>"
        + herd_table(result) + f"<p>{escape(feed)}</p></div>"
    )


def cash_check_html(result: HerdAndCash, group: str, opening_balance: int,
                    entries: list) -> str:
    """The cash book of the same months, and whether it agrees with the herd book."""
    verdict = notice_html(t("herdbook.agree" if result.agree else "herdbook.disagree"),
                          "ok" if result.agree else "error")
    return (
        f'<div class="uk-herd-cash"><p><small>{escape(t("herdbook.invented_cash"))}</small></p>'
        f"<h4>{escape(t('herdbook.cash_title', group=group))}</h4>"
        + cash_table(entries, opening_balance)
        + f"<h4>{escape(t('herdbook.check_title'))}</h4>"
        + f"<p>{escape(count_line(result))} {_mark(result.counted == result.closing_count)}</p>"
        + check_table(result) + "".join(_mismatch(m) for m in result.mismatches)
        + verdict + "</div>"
    )
