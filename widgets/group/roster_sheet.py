"""The duty roster on paper and in the group chat: an A4 sheet with a line per day to initial
when the duty is done, each member's count, and the swaps; and a WhatsApp text with one line per
day. Plain Python, no ipywidgets."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_date

from widgets.core.i18n import format_date, language, t
from widgets.group.printout import a4_page, signatures, table, text
from widgets.group.roster import DONE, Roster, Swap

_BABEL = {"id": "id_ID", "en": "en_GB"}


def short_day(day: dt.date) -> str:
    """``Sen, 1 Jul`` (a line per day must fit a phone's chat bubble)."""
    return babel_date(day, "EEE, d MMM", locale=_BABEL.get(language(), "id_ID"))


def weekday(day: dt.date) -> str:
    return babel_date(day, "EEEE", locale=_BABEL.get(language(), "id_ID"))


def swap_text(change: Swap) -> str:
    if change.second_day is None:
        return t("group.swap_line_stand_in", first=change.first, second=change.second,
                 date=format_date(change.first_day))
    return t("group.swap_line", first=change.first, second=change.second,
             first_day=format_date(change.first_day), second_day=format_date(change.second_day))


def _mark_text(roster: Roster, day: dt.date, member: str) -> str:
    mark = roster.mark(day, member)
    if mark is None:
        return ""
    if mark.status == DONE:
        return t("group.mark_done_short")
    return t("group.mark_missed_short", reason=mark.reason)


def whatsapp_text(roster: Roster, group: str) -> str:
    """``*Jadwal piket …*`` then one line per day: ``Sen, 1 Jul: Sudarto, Joko Santoso``."""
    plan = roster.plan
    lines = [f"*{t('group.roster_title')} · {group}*",
             t("group.roster_period", start=format_date(plan.start), end=format_date(plan.end),
               per_day=plan.per_day), ""]
    for day in plan.days:
        lines.append(f"{short_day(day)}: {', '.join(roster.duty[day])}")
    if roster.swaps:
        lines += ["", f"*{t('group.roster_swaps')}*"] + [f"- {swap_text(s)}"
                                                          for s in roster.swaps]
    lines += ["", t("group.roster_wa_closing")]
    return "\n".join(lines)


def counts_rows(roster: Roster) -> list[tuple[str, str, str, str]]:
    """(name, turns, done, missed) for each member."""
    counts, done, missed = roster.counts(), roster.attended(), roster.missed()
    return [(m, str(counts[m]), str(done[m]), str(missed[m])) for m in roster.plan.members]


def roster_body(roster: Roster, group: str, village: str = "",
                signers: tuple[tuple[str, str], ...] = ()) -> str:
    plan = roster.plan
    rows = []
    for day in plan.days:
        for index, member in enumerate(roster.duty[day]):
            first = index == 0
            rows.append((f"{weekday(day)}, {format_date(day)}" if first else "", member,
                         _mark_text(roster, day, member), ""))
    days = table([t("group.col_day"), t("group.col_name"), t("group.col_status"),
                  t("group.col_initial")], rows, ["", "", "ukg-tick", "ukg-sign"])
    counts = table([t("group.col_name"), t("group.col_turns"), t("group.col_done"),
                    t("group.col_missed")], counts_rows(roster),
                   ["", "ukg-num", "ukg-num", "ukg-num"])
    swaps = (f"<h2>{text(t('group.roster_swaps'))}</h2><ul>"
             + "".join(f"<li>{text(swap_text(s))}</li>" for s in roster.swaps) + "</ul>"
             if roster.swaps else "")
    away = [(m, ", ".join(short_day(d) for d in sorted(plan.away.get(m, ()))))
            for m in plan.members if plan.away.get(m)]
    away_html = (f"<h2>{text(t('group.roster_away'))}</h2>"
                 + table([t("group.col_name"), t("group.col_days")], away) if away else "")
    period = t("group.roster_period", start=format_date(plan.start), end=format_date(plan.end),
               per_day=plan.per_day)
    signer_list = signers or ((t("group.role_ketua"), ""), (t("group.role_sekretaris"), ""))
    return (f"<h1>{text(t('group.roster_title'))}</h1>"
            f'<p class="ukg-sub"><b>{text(group)}</b>'
            + (f"<br>{text(village)}" if village else "") + "</p>"
            f"<p>{text(period)}</p>"
            f"<p>{text(t('group.roster_how_to_sign'))}</p>"
            + days + f"<h2>{text(t('group.roster_counts'))}</h2>" + counts + swaps + away_html
            + f'<div class="ukg-close"><p>{text(t("group.roster_agreed"))}</p>'
            + signatures(signer_list) + f'<p class="ukg-foot">{text(t("group.roster_footer"))}'
            "</p></div>")


def roster_html(roster: Roster, group: str, village: str = "",
                signers: tuple[tuple[str, str], ...] = ()) -> str:
    title = (f"{t('group.roster_title')} · {group} · {format_date(roster.plan.start)}")
    return a4_page(title, roster_body(roster, group, village, signers))

