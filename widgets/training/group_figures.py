"""The village's own figures for the group-communication deck (``slides/01-komunikasi-kelompok``):
what the programme report says about each group (with its source), who holds which role, the
monthly money report the treasurer reads aloud, the example duty roster and the groups that lost
members. Plain Python, no ipywidgets.

Every name and number is read from the village data (``profile.yaml`` and the lesson's file
through :mod:`widgets.group.data`), so another village's deck shows its own groups.
"""

from __future__ import annotations

from html import escape

from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.training.slides import heading, show, source_note

# Inline styles: an output's <style> element does not survive the page's sanitizer.
# Columns side by side on the projector, one under another on a narrow screen.
_COLS = "display:flex;flex-wrap:wrap;align-items:flex-start"
_GAP = 3  # percent of the width between columns
_TEXT = "font-size:22px;line-height:1.3;margin:0 0 6px"
_SMALL = "font-size:18px;color:#444"
_SOURCE = "display:block;font-size:18px;line-height:1.25;color:#444;margin-top:2px"
_H3 = "font-size:30px;margin:0 0 8px"
_CELL = "font-size:22px;padding:4px 10px"
_SMALL_CELL = "font-size:20px;line-height:1.2;padding:2px 6px"
_SAY = ("border-left:6px solid #2e7d32;background:#f3f8f3;padding:8px 14px;font-size:24px;"
        "line-height:1.3")
_TURNS = "font-size:20px;line-height:1.25;margin:6px 0 0;white-space:normal"
_BIG = "font-size:44px;font-weight:700;color:#0b3d0b;margin:4px 0 10px"


def _columns(parts: list[str], grow: tuple[int, ...] = ()) -> str:
    """Side by side; ``grow`` gives each column's share of the width (equal by default). Widths
    in percent (the live page's sanitizer drops ``flex`` and ``gap``); on a narrow screen the
    columns wrap under one another."""
    shares = grow or (1,) * len(parts)
    room = 100 - _GAP * (len(parts) - 1)
    return (f"<div style='{_COLS}'>"
            + "".join(f"<div style='width:{room * share / sum(shares):.1f}%;min-width:260px;"
                      f"margin:0 {0 if i == len(parts) - 1 else _GAP}% 8px 0'>{part}</div>"
                      for i, (share, part) in enumerate(zip(shares, parts, strict=True)))
            + "</div>")


def _items(items: list[str]) -> str:
    """A list of already-escaped items at the figures' size."""
    return ("<ul style='margin:0 0 8px 0;padding-left:1.2em'>"
            + "".join(f"<li style='{_TEXT}'>{item}</li>" for item in items) + "</ul>")


def _table(head: list[str], rows: list[list[str]], numeric: tuple[int, ...] = (),
           cell: str = _CELL) -> str:
    def cells(tag: str, values: list[str]) -> str:
        return "".join(f"<{tag} style='{cell}'{' class=num' if i in numeric else ''}>"
                       f"{escape(v)}</{tag}>" for i, v in enumerate(values))
    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in rows)
    return f"<table style='margin:4px 0'><tr>{cells('th', head)}</tr>{body}</table>"


# --- Why communication: what the report says -------------------------------------------------


def facts_html() -> str:
    """Each group: the report's facts with their sources, and how it meets now (invented)."""
    from widgets.group.data import load_group_lesson

    village = load_village()
    columns = []
    for key, habits in load_group_lesson(village).habits.items():
        facts = [f"{escape(f.text)}<span style='{_SOURCE}'>{escape(t('slides.g_source'))}: "
                 f"{escape(f.source)}</span>" for f in habits.facts]
        label = (f" <span style='{_SMALL}'>({escape(t('slides.g_invented'))})</span>"
                 if habits.invented else "")
        columns.append(f"<h3 style='{_H3}'>{escape(village.group(key).name)}</h3>"
                       + _items(facts) + f"<p style='{_TEXT}'><b>{escape(t('slides.g_habit'))}"
                       f"</b> {escape(habits.habit)}{label}</p>")
    return heading(t("slides.g_facts_heading")) + _columns(columns)


# --- Roles ------------------------------------------------------------------------------------


def roles_html() -> str:
    """Each role, what it is for, and who holds it in each group (the profile's roles)."""
    from widgets.group.data import role_holders
    from widgets.group.roles import roles

    village = load_village()
    keys = list(village.groups)
    holders = {key: role_holders(village, key) for key in keys}
    rows = [[item.title, item.summary, *(holders[k].get(item.key, "–") for k in keys)]
            for item in roles()]
    head = [t("slides.g_col_role"), t("slides.g_col_task"),
            *(village.group(k).name for k in keys)]
    return (heading(t("slides.g_roles_heading")) + _table(head, rows)
            + source_note(t("slides.invented_note")))


# --- Openness about money ---------------------------------------------------------------------


def money_group() -> str | None:
    """The first group with a cash book: its latest month is the report read aloud."""
    from widgets.cashbook.data import load_cashbook
    from widgets.group.report import months

    village = load_village()
    books = load_cashbook(village)
    for key in village.groups:
        if months(books.book(key)):
            return key
    return None


def money_html() -> str:
    """The month's report in four lines, and what the treasurer says first and last."""
    from widgets.cashbook.data import load_cashbook
    from widgets.group.report import month_report, months, read_aloud

    key = money_group()
    if key is None:
        return heading(t("slides.no_cashbook"))
    village = load_village()
    group = village.group(key)
    entries = load_cashbook(village).book(key)
    report = month_report(entries, *months(entries)[-1], opening=group.opening_balance,
                          group=group.name)
    rows = [[t("slides.g_report_opening"), format_rupiah(report.opening)],
            ["+ " + t("slides.g_report_total_in"), format_rupiah(report.totals.total_in)],
            ["− " + t("slides.g_report_total_out"), format_rupiah(report.totals.total_out)],
            ["= " + t("slides.g_report_closing"), format_rupiah(report.closing)]]
    said = read_aloud(report)
    closing = t("slides.g_report_say_close", amount=format_rupiah(report.closing))
    say = f"<p style='{_TEXT}'>…</p>".join(
        f"<p style='{_TEXT}'>“{escape(line)}”</p>" for line in (said[0], closing, said[-1]))
    table = _table([t("slides.g_report_col_item"), t("slides.g_report_col_amount")], rows, (1,))
    line = t("slides.g_money_line", group=group.name, month=report.label)
    return (heading(t("slides.g_money_heading")) + f"<p style='{_TEXT}'>{escape(line)}</p>"
            + _columns([table, f"<div style='{_SAY}'>{say}</div>"], (5, 6))
            + source_note(t("slides.invented_note")))


# --- The fair duty roster ---------------------------------------------------------------------


def example_roster():
    """The lesson's example roster, made by the kit from the data's plan and absences."""
    from widgets.group.data import load_group_lesson
    from widgets.group.roster import make_plan, make_roster

    village = load_village()
    example = load_group_lesson(village).roster_example
    names = [m.name for m in village.group(example.group).members]
    return make_roster(make_plan(names, example.start, example.end, example.per_day,
                                 example.away))


def _days(roster) -> list[list[str]]:
    from widgets.group.roster_sheet import short_day

    # A no-break space keeps "Sen, 2 Sep" on one line.
    return [[short_day(d).replace(" ", "\u00a0"), ", ".join(roster.duty[d])]
            for d in roster.plan.days]


def roster_days_html(roster) -> str:
    """A roster at projector size: the days in two columns, then each member's turns and the
    days they said they are away."""
    plan = roster.plan
    days = _days(roster)
    half = (len(days) + 1) // 2
    head = [t("slides.g_col_day"), t("slides.g_col_who")]
    counts = roster.counts()
    turns = [[name, str(counts[name]), str(len(plan.away.get(name, ())) or "")]
             for name in plan.members]
    return _columns([
        _table(head, days[:half], cell=_SMALL_CELL),
        _table(head, days[half:], cell=_SMALL_CELL),
        _table([t("slides.g_col_member"), t("slides.g_col_turns"), t("slides.g_col_away")],
               turns, (1, 2), _SMALL_CELL)])


def roster_list_html(roster) -> str:
    """A roster in one narrow column (the live roster maker's side of the slide)."""
    return _table([t("slides.g_col_day"), t("slides.g_col_who")], _days(roster),
                  cell=_SMALL_CELL)


def roster_turns_html(roster) -> str:
    """Each member's turns in one line."""
    counts = roster.counts()
    turns = " · ".join(f"{name} {counts[name]}" for name in roster.plan.members)
    return (f"<p style='{_TURNS}'><b>{escape(t('slides.g_col_turns'))}:</b> "
            f"{escape(turns)}</p>")


def roster_html() -> str:
    """The lesson's example fortnight, made by the kit."""
    from widgets.group.data import load_group_lesson

    village = load_village()
    example = load_group_lesson(village).roster_example
    line = t("slides.g_roster_line", group=village.group(example.group).name,
             days=example.days, per_day=example.per_day)
    return (heading(t("slides.g_roster_heading")) + f"<p style='{_TEXT}'>{escape(line)}</p>"
            + roster_days_html(example_roster()) + source_note(t("slides.g_roster_note")))


def roster_whatsapp_html() -> str:
    """The static stand-in for the live roster maker: the example roster as it goes to the
    group's WhatsApp."""
    from widgets.group.data import load_group_lesson
    from widgets.group.roster_sheet import whatsapp_text

    village = load_village()
    group = village.group(load_group_lesson(village).roster_example.group).name
    text = whatsapp_text(example_roster(), group)
    return (heading(t("slides.g_maker_heading"))
            + f"<p style='{_TEXT}'>{escape(t('slides.g_maker_static'))}</p>"
            + f"<div style='{_SAY};font-size:19px;line-height:1.25;white-space:pre-line;"
            f"columns:2'>{escape(text)}</div>")


# --- When members leave -----------------------------------------------------------------------


def leaving_html() -> str:
    """Groups whose members fell since they started (the report's counts), with the facts the
    report gives about them."""
    from widgets.group.data import load_group_lesson

    village = load_village()
    habits = load_group_lesson(village).habits
    parts = []
    for key, group in village.groups.items():
        start, now = group.reported.get("members_at_start"), group.reported.get("members_now")
        if start is None or now is None or now >= start:
            continue
        facts = [f"{escape(f.text)}<span style='{_SOURCE}'>{escape(t('slides.g_source'))}: "
                 f"{escape(f.source)}</span>"
                 for f in (habits[key].facts if key in habits else ())]
        parts.append(f"<h3 style='{_H3}'>{escape(group.name)}</h3><p style='{_BIG}'>"
                     f"{escape(t('slides.g_members_fell', start=start, now=now))}</p>"
                     + _items(facts))
    if not parts:
        parts.append(f"<p>{escape(t('slides.g_nobody_left'))}</p>")
    return heading(t("slides.g_leaving_heading")) + "".join(parts)


def show_figure(name: str) -> None:
    """Display one figure by name (``facts``, ``roles``, ``money``, ``roster``, ``leaving``)."""
    show(globals()[f"{name}_html"]())
