"""A polite WhatsApp reminder for a piutang: the text in plain Indonesian (who, what for, how
much is left, the due date, thanks) in a chosen tone, and the ``wa.me`` link that opens the chat
with it written. Plain Python, no ipywidgets; the link and phone checks are ``core.whatsapp``.

Tones: ``ramah`` (friendly, for a first reminder or a neighbour) and ``tegas`` (firm but
courteous, for a debt well past its date: it names a day to pay by and offers to talk).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from widgets.cashbook.credit import DebtStatus
from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.core.whatsapp import PhoneError, check_message, wa_link

Tone = Literal["ramah", "tegas"]
TONES: tuple[Tone, ...] = ("ramah", "tegas")
FIRM_DAYS = 7  # the firm tone asks for payment within a week


class ReminderError(ValueError):
    """No reminder for this debt: it is ours to pay (utang) or already paid."""


def tone_label(tone: str, lang: str | None = None) -> str:
    if tone not in TONES:
        raise KeyError(f"unknown tone {tone!r}")
    return t(f"reminder.tone_{tone}", lang)


def _when(row: DebtStatus, tone: str, today: dt.date) -> str:
    """The words about the due date: still to come, today, or passed (the friendly tone does
    not count the days)."""
    due = format_date(row.debt.due)
    if row.debt.due > today:
        return t("reminder.due_future", due=due)
    if row.debt.due == today:
        return t("reminder.due_today")
    return t(f"reminder.due_past_{tone}", due=due, days=(today - row.debt.due).days)


def reminder_text(row: DebtStatus, tone: str, today: dt.date, sender: str = "",
                  group: str = "") -> str:
    """The message, ready to send. ``sender``: who signs it; ``group``: on whose behalf."""
    if row.debt.kind != "piutang":
        raise ReminderError("reminders are for money owed to us")
    if row.settled:
        raise ReminderError("this debt is paid")
    if tone not in TONES:
        raise KeyError(f"unknown tone {tone!r}")
    debt = row.debt
    fields = {"who": debt.who, "what": debt.what, "left": format_rupiah(row.balance),
              "when": _when(row, tone, today),
              "us": t("reminder.from_group", group=group) if group else t("reminder.from_us"),
              "by": format_date(today + dt.timedelta(days=FIRM_DAYS))}
    parts = [t(f"reminder.{tone}_hello", **fields)]
    parts.append(t(f"reminder.{tone}_body", **fields))
    if row.paid:
        parts.append(t("reminder.part_paid", paid=format_rupiah(row.paid),
                       total=format_rupiah(debt.amount)))
    parts.append(t(f"reminder.{tone}_close", **fields))
    text = " ".join(parts)
    if sender:
        text += "\n\n" + t("reminder.signed", sender=sender)
    return check_message(text)


def reminder_link(row: DebtStatus, tone: str, today: dt.date, sender: str = "",
                  group: str = "", phone: str | None = None) -> str:
    """``https://wa.me/62…?text=…`` to the debtor's number (``phone``, else the one saved with
    the debt); PhoneError when there is none or it is not an Indonesian mobile number."""
    number = phone if phone is not None else row.debt.phone
    if not number:
        raise PhoneError("phone_empty")
    return wa_link(number, reminder_text(row, tone, today, sender, group))
