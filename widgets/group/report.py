"""The monthly money report for the members' meeting: one page, read aloud by the treasurer,
built from the cash book lesson's ledger (:mod:`widgets.cashbook.ledger`). Plain Python, no
ipywidgets.

Only the business purse counts (household money is the family's business). The report gives the
money in hand at the start of the month, money in and out by category, the money in hand at the
end, the month's profit, money taken from the business purse for the home, and what changed
from the month before. Every figure is whole rupiah and the page checks itself:
start + in - out = end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from widgets.cashbook.ledger import Entry, category_label, profit_and_loss
from widgets.core.i18n import format_month, t
from widgets.core.money import format_rupiah
from widgets.group.printout import a4_page, signatures, table, text


@dataclass(frozen=True)
class MonthTotals:
    money_in: dict[str, int]  # category -> rupiah, business purse only
    money_out: dict[str, int]

    @property
    def total_in(self) -> int:
        return sum(self.money_in.values())

    @property
    def total_out(self) -> int:
        return sum(self.money_out.values())


@dataclass(frozen=True)
class MonthReport:
    group: str
    year: int
    month: int
    opening: int
    totals: MonthTotals
    profit: int
    household: int  # taken from the business purse for the home (in money_out too)
    previous: MonthTotals | None

    @property
    def closing(self) -> int:
        return self.opening + self.totals.total_in - self.totals.total_out

    @property
    def label(self) -> str:
        return format_month(self.year, self.month)


def months(entries: Iterable[Entry]) -> list[tuple[int, int]]:
    """(year, month) of every month with a business-purse entry, oldest first."""
    return sorted({(e.day.year, e.day.month) for e in entries if e.purse == "usaha"})


def _in_month(entry: Entry, year: int, month: int) -> bool:
    return (entry.day.year, entry.day.month) == (year, month) and entry.purse == "usaha"


def _totals(entries: Sequence[Entry], year: int, month: int) -> MonthTotals:
    money_in: dict[str, int] = {}
    money_out: dict[str, int] = {}
    for e in entries:
        if _in_month(e, year, month):
            side = money_in if e.direction == "in" else money_out
            side[e.category] = side.get(e.category, 0) + e.amount
    order = sorted  # categories in a stable order: largest first, then by key
    return MonthTotals(dict(order(money_in.items(), key=lambda kv: (-kv[1], kv[0]))),
                       dict(order(money_out.items(), key=lambda kv: (-kv[1], kv[0]))))


def month_report(entries: Iterable[Entry], year: int, month: int, *, opening: int = 0,
                 group: str = "") -> MonthReport:
    """The report for one month; ``opening`` is the business purse before the first entry."""
    book = list(entries)
    first = dt.date(year, month, 1)
    before = opening + sum(e.signed for e in book if e.purse == "usaha" and e.day < first)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    previous_month = (year - 1, 12) if month == 1 else (year, month - 1)
    has_previous = any(_in_month(e, *previous_month) for e in book)
    return MonthReport(
        group, year, month, before, _totals(book, year, month),
        profit_and_loss(book, first, last).profit,
        sum(e.amount for e in book if _in_month(e, year, month)
            and e.direction == "out" and e.category == "rumah_tangga"),
        _totals(book, *previous_month) if has_previous else None)


def _rp(amount: int) -> str:
    return format_rupiah(amount)


def changes(report: MonthReport) -> list[str]:
    """What changed from the month before, in sentences (empty without a month before)."""
    prev = report.previous
    if prev is None:
        return [t("group.report_no_previous")]
    lines = []
    for key, now, then in (("in", report.totals.total_in, prev.total_in),
                           ("out", report.totals.total_out, prev.total_out)):
        if now == then:
            lines.append(t(f"group.report_same_{key}", amount=_rp(now)))
        else:
            word = t("group.report_up" if now > then else "group.report_down")
            lines.append(t(f"group.report_change_{key}", change=word,
                           amount=_rp(abs(now - then)), before=_rp(then), now=_rp(now)))
    return lines


def read_aloud(report: MonthReport) -> list[str]:
    """The sentences the treasurer reads out at the meeting."""
    r, totals = report, report.totals
    lines = [t("group.report_say_open", month=r.label, amount=_rp(r.opening)),
             t("group.report_say_in", amount=_rp(totals.total_in))]
    lines += [f"- {category_label(k)}: {_rp(v)}" for k, v in totals.money_in.items()]
    lines.append(t("group.report_say_out", amount=_rp(totals.total_out)))
    lines += [f"- {category_label(k)}: {_rp(v)}" for k, v in totals.money_out.items()]
    lines.append(t("group.report_say_close", amount=_rp(r.closing)))
    key = "group.report_say_profit" if r.profit >= 0 else "group.report_say_loss"
    lines.append(t(key, amount=_rp(abs(r.profit))))
    if r.household:
        lines.append(t("group.report_say_household", amount=_rp(r.household)))
    return lines + changes(r) + [t("group.report_say_questions")]


def report_body(report: MonthReport, village: str = "",
                signers: Sequence[tuple[str, str]] = ()) -> str:
    r, totals = report, report.totals
    rows = [(t("group.report_opening"), _rp(r.opening))]
    rows += [(f"+ {category_label(k)}", _rp(v)) for k, v in totals.money_in.items()]
    rows.append((t("group.report_total_in"), _rp(totals.total_in)))
    rows += [(f"− {category_label(k)}", _rp(v)) for k, v in totals.money_out.items()]
    rows.append((t("group.report_total_out"), _rp(totals.total_out)))
    rows.append((t("group.report_closing"), _rp(r.closing)))
    key = "group.report_profit" if r.profit >= 0 else "group.report_loss"
    check = t("group.report_check", opening=_rp(r.opening), money_in=_rp(totals.total_in),
              money_out=_rp(totals.total_out), closing=_rp(r.closing))
    signer_list = signers or [(t("group.role_bendahara"), ""), (t("group.role_ketua"), "")]
    return (f"<h1>{text(t('group.report_title'))}</h1>"
            f'<p class="ukg-sub"><b>{text(r.group)}</b> · {text(r.label)}'
            + (f"<br>{text(village)}" if village else "") + "</p>"
            + table([t("group.report_col_item"), t("group.report_col_amount")], rows,
                    ["", "ukg-num"])
            + f"<p><b>{text(check)}</b></p>"
            + f"<p>{text(t(key, amount=_rp(abs(r.profit))))}</p>"
            + (f"<p>{text(t('group.report_household', amount=_rp(r.household)))}</p>"
               if r.household else "")
            + f"<h2>{text(t('group.report_changes'))}</h2><ul>"
            + "".join(f"<li>{text(line)}</li>" for line in changes(r)) + "</ul>"
            + f'<div class="ukg-close"><p>{text(t("group.report_agreed"))}</p>'
            + signatures(signer_list) + "</div>")


def report_html(report: MonthReport, village: str = "",
                signers: Sequence[tuple[str, str]] = ()) -> str:
    return a4_page(f"{t('group.report_title')} · {report.group} · {report.label}",
                   report_body(report, village, signers))
