"""The activity report (*laporan kegiatan*) as a list of plain blocks (headings, paragraphs,
tables, a chart), assembled from the class overview, the village profile and the trainer's own
paragraphs. The printable HTML and the Word file are drawn from the same blocks, and the tables
come from the same functions as the dashboard's, so every figure matches.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from widgets.core.i18n import format_date, t
from widgets.core.village import Village
from widgets.training import render
from widgets.training.attendance import AttendanceDay
from widgets.training.items import EvaluationForm
from widgets.training.overview import Overview, page_title

# The trainer's paragraphs (saved in the store); the first four have a default text.
TICK = "✓"  # a session attended, in the attendance list's session columns
TEXT_KEYS = ("place", "trainers", "background", "aims", "conclusions", "follow_up")


@dataclass(frozen=True)
class Block:
    kind: str  # title, h1, h2, p, table, chart, signature, pagebreak
    text: str = ""
    headers: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()
    svg: str = ""


def _table(table: render.Table, text: str = "") -> Block:
    headers, rows = table
    return Block("table", text, tuple(headers), tuple(tuple(r) for r in rows))


def default_texts(village: Village) -> dict[str, str]:
    groups = ", ".join(g.name for g in village.groups.values())
    where = t("training.report_where", village=village.name, district=village.district,
              regency=village.regency)
    return {"place": where, "trainers": "",
            "background": t("training.report_background", village=village.name,
                            since=village.desmigratif_since, groups=groups),
            "aims": t("training.report_aims"), "conclusions": "", "follow_up": ""}


def texts_with_defaults(saved: dict[str, str], village: Village) -> dict[str, str]:
    defaults = default_texts(village)
    return {key: saved.get(key) or defaults[key] for key in TEXT_KEYS}


def days_text(days: list[dt.date]) -> str:
    if not days:
        return "–"
    first, last = min(days), max(days)
    return format_date(first) if first == last else f"{format_date(first)} – {format_date(last)}"


def agenda_table(agenda: list[tuple[str, str, str, str, int]]) -> render.Table:
    def clock(iso: str) -> str:
        return dt.datetime.fromisoformat(iso).astimezone().strftime("%H.%M")

    rows = [[format_date(dt.date.fromisoformat(day)), page_title(page),
             f"{clock(first)}–{clock(last)}", str(people)]
            for day, page, first, last, people in agenda]
    return ([t("training.col_day"), t("training.col_session"), t("training.col_time"),
             t("training.col_signed_in")], rows)


def attendance_blocks(days: list[AttendanceDay], place: str,
                      group_names: dict[str, str] | None = None) -> list[Block]:
    """One page per day: the heading of a *daftar hadir*, the day's sessions numbered, and a
    table with a tick per session attended and a signature column (odd rows sign on the left,
    even on the right, as on paper forms)."""
    blocks: list[Block] = []
    for n, day in enumerate(days):
        if n:
            blocks.append(Block("pagebreak"))
        blocks.append(Block("title", t("training.attendance_title")))
        blocks.append(Block("p", t("training.attendance_head", day=format_date(day.day),
                                   place=place, men=day.men, women=day.women,
                                   total=len(day.rows))))
        if day.sessions:
            blocks.append(Block("p", t("training.attendance_sessions", sessions="; ".join(
                f"{i} = {page_title(s)}" for i, s in enumerate(day.sessions, start=1)))))
        rows = [[str(i), r.name + (f"\n({t('training.with_partner', partner=r.partner)})"
                                   if r.partner else ""),
                 (group_names or {}).get(r.group, r.group) or "–", r.gender or "–",
                 *(TICK if s in r.sessions else "" for s in day.sessions),
                 f"{i}. ..................." if i % 2 else f"        {i}. ..................."]
                for i, r in enumerate(day.rows, start=1)]
        numbers = [str(i) for i in range(1, len(day.sessions) + 1)]
        blocks.append(_table((["No", t("training.col_name"), t("training.col_group"), "L/P",
                               *numbers, t("training.col_signature")], rows), "attendance"))
    return blocks


def build_report(ov: Overview, form: EvaluationForm, village: Village, texts: dict[str, str],
                 agenda: list[tuple[str, str, str, str, int]], today: dt.date) -> list[Block]:
    days = [d.day for d in ov.attendance]
    people = {(r.name, r.added) for d in ov.attendance for r in d.rows}
    b: list[Block] = [
        Block("title", t("training.report_title")),
        Block("p", t("training.report_subtitle", village=village.name,
                     regency=village.regency, days=days_text(days))),
        Block("h1", t("training.report_intro")),
        Block("h2", t("training.report_background_h")), Block("p", texts["background"]),
        Block("h2", t("training.report_aims_h")), Block("p", texts["aims"]),
        Block("h1", t("training.report_run")),
        Block("p", t("training.report_run_facts", days=days_text(days), place=texts["place"],
                     people=len(people), trainers=texts["trainers"] or "–")),
        Block("p", t("training.report_method")),
        _table(agenda_table(agenda), "agenda"),
        Block("h1", t("training.report_results")),
        Block("h2", "A. " + t("training.dash_tests")),
        Block("p", render.gain_sentence(ov)), Block("p", render.one_test_only(ov)),
        Block("chart", svg=render.tests_chart(ov, form)),
        _table(render.items_table(ov, form), "items"),
        Block("p", t("training.report_confidence")),
        _table(render.confidence_table(ov, form), "confidence"),
        Block("h2", "B. " + t("training.dash_satisfaction")),
        Block("p", t("training.sat_respondents", n=ov.satisfaction.respondents)),
        _table(render.satisfaction_table(ov, form), "satisfaction"),
    ]
    for question in form.open_questions:
        answers = ov.satisfaction.open_answers.get(question.key, ())
        b.append(Block("p", question.text() + " " + ("; ".join(answers) or "–")))
    b += [
        Block("h2", "C. " + t("training.dash_wrong")), _table(render.wrong_table(ov), "wrong"),
        Block("h2", "D. " + t("training.report_fgd")),
        Block("p", t("training.report_fgd_note")),
        _table(render.rules_table(ov), "rules"),
        _table(render.distributions_table(ov), "distributions"),
        _table(render.fgd_table(ov), "fgd"),
        Block("h1", t("training.report_close")),
        Block("h2", t("training.report_conclusions_h")),
        Block("p", texts["conclusions"] or t("training.report_empty_text")),
        Block("h2", t("training.report_follow_up_h")),
        Block("p", texts["follow_up"] or t("training.report_empty_text")),
        Block("signature", t("training.report_signature", place=village.regency,
                             day=format_date(today), trainers=texts["trainers"] or "")),
        Block("pagebreak"),
        Block("h1", t("training.report_annex1")),
        *attendance_blocks(ov.attendance, texts["place"],
                           {k: g.name for k, g in village.groups.items()}),
        Block("pagebreak"),
        Block("h1", t("training.report_annex2")),
        _table(render.scores_table(ov), "scores"),
        _table(render.progress_table(ov), "progress"),
    ]
    return b
