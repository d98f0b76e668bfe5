"""The credit exercise, checked on the server side only: the answer key never reaches the page.

A week's story with credit sales, a purchase on credit and part payments. The participant states
what others still owe the group (piutang), what the group still owes (utang) and the position
after debts. :func:`check_week` compares the three with the story; :func:`explain` names the
likely slip (the whole order counted instead of what is left, a payment forgotten, the utang
added instead of subtracted) and shows the worked steps only from the third try, or once right.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

from dataclasses import dataclass

from widgets.cashbook import credit
from widgets.cashbook.data import CreditWeek
from widgets.core.i18n import t
from widgets.core.money import format_rupiah

STEPS_AFTER = 3  # tries before the worked numbers are shown


@dataclass(frozen=True)
class CreditAnswer:
    """What is right for the week, computed from the story's events with the credit core."""

    opening: int
    cash_in: int
    cash_out: int
    cash: int
    lent_to_us: int  # every piutang in full
    paid_to_us: int
    owed_to_us: int
    we_owe: int
    position: int


def week_answer(week: CreditWeek) -> CreditAnswer:
    by_id = {d.id: d for d in week.debts}
    moves = list(week.cash) + [credit.payment_entry(by_id[p.debt_id], p) for p in week.payments]
    cash_in = sum(e.amount for e in moves if e.direction == "in")
    cash_out = sum(e.amount for e in moves if e.direction == "out")
    cash = week.opening_cash + cash_in - cash_out
    summary = credit.summarise(week.debts, week.payments, cash, week.last_day)
    piutang = [d for d in week.debts if d.kind == "piutang"]
    return CreditAnswer(
        week.opening_cash, cash_in, cash_out, cash, sum(d.amount for d in piutang),
        sum(p.amount for p in week.payments if by_id[p.debt_id].kind == "piutang"),
        summary.owed_to_us, summary.we_owe, summary.position)


@dataclass(frozen=True)
class CreditCheck:
    answer: CreditAnswer
    payments: tuple[int, ...]  # the piutang payments, to spot one forgotten
    owed: int | None
    owe: int | None
    position: int | None
    attempt: int  # 1 for the first try

    @property
    def owed_ok(self) -> bool:
        return self.owed == self.answer.owed_to_us

    @property
    def owe_ok(self) -> bool:
        return self.owe == self.answer.we_owe

    @property
    def position_ok(self) -> bool:
        return self.position == self.answer.position

    @property
    def correct(self) -> bool:
        return self.owed_ok and self.owe_ok and self.position_ok


def check_week(week: CreditWeek, owed: int | None, owe: int | None, position: int | None,
               attempt: int = 1) -> CreditCheck:
    by_id = {d.id: d for d in week.debts}
    paid = tuple(p.amount for p in week.payments if by_id[p.debt_id].kind == "piutang")
    return CreditCheck(week_answer(week), paid, owed, owe, position, attempt)


def _owed_line(check: CreditCheck) -> tuple[str, str]:
    a = check.answer
    if check.owed is None:
        return ("error", t("creditex.owed_empty"))
    if check.owed_ok:
        return ("ok", t("creditex.owed_ok", amount=format_rupiah(a.owed_to_us)))
    if check.owed == a.lent_to_us:
        return ("error", t("creditex.owed_full"))
    if any(check.owed == a.owed_to_us + p for p in check.payments):
        return ("error", t("creditex.owed_payment_missing"))
    return ("error", t("creditex.owed_wrong", typed=format_rupiah(check.owed)))


def _owe_line(check: CreditCheck) -> tuple[str, str]:
    if check.owe is None:
        return ("error", t("creditex.owe_empty"))
    if check.owe_ok:
        return ("ok", t("creditex.owe_ok", amount=format_rupiah(check.answer.we_owe)))
    if check.owe == 0:
        return ("error", t("creditex.owe_zero"))
    return ("error", t("creditex.owe_wrong", typed=format_rupiah(check.owe)))


def _position_line(check: CreditCheck) -> tuple[str, str]:
    a, typed = check.answer, check.position
    if typed is None:
        return ("error", t("creditex.position_empty"))
    if check.position_ok:
        return ("ok", t("creditex.position_ok", amount=format_rupiah(a.position)))
    slips = {a.cash: "position_cash_only", a.cash + a.owed_to_us + a.we_owe: "position_added",
             a.cash + a.owed_to_us: "position_no_utang"}
    if typed in slips:
        return ("error", t(f"creditex.{slips[typed]}"))
    if (check.owed is not None and check.owe is not None
            and typed == a.cash + check.owed - check.owe):
        return ("error", t("creditex.position_follows"))
    return ("error", t("creditex.position_wrong", typed=format_rupiah(typed)))


def explain(check: CreditCheck) -> list[tuple[str, str]]:
    """Feedback as (kind, text) lines: ``ok``, ``error`` or ``info``."""
    lines = [_owed_line(check), _owe_line(check), _position_line(check)]
    a = check.answer
    if check.correct or check.attempt >= STEPS_AFTER:
        lines.append(("info", t("creditex.steps_owed", lent=format_rupiah(a.lent_to_us),
                                paid=format_rupiah(a.paid_to_us),
                                owed=format_rupiah(a.owed_to_us))))
        lines.append(("info", t("creditex.steps_cash", opening=format_rupiah(a.opening),
                                cash_in=format_rupiah(a.cash_in),
                                cash_out=format_rupiah(a.cash_out), cash=format_rupiah(a.cash))))
        lines.append(("info", t("creditex.steps_position", cash=format_rupiah(a.cash),
                                owed=format_rupiah(a.owed_to_us), owe=format_rupiah(a.we_owe),
                                position=format_rupiah(a.position))))
    else:
        lines.append(("info", t("creditex.hint")))
    return lines
