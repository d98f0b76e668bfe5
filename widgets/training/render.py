"""HTML pieces of the class overview, shared by the dashboard and the activity report, so a
figure on the projector and in the printed report comes from the same line of code. Every name
and answer is escaped. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from widgets.core.charts import grouped_hbar_chart
from widgets.core.i18n import format_date, t
from widgets.core.money import format_rupiah
from widgets.core.theme import ACCENT, MUTED
from widgets.training.evaluation import format_gain, format_percent
from widgets.training.items import EvaluationForm
from widgets.training.overview import Overview, page_title
from widgets.training.satisfaction import format_mean

PRE_COLOR, POST_COLOR = MUTED, ACCENT


Table = tuple[list[str], list[list[str]]]


def table(headers: list[str], rows: list[list[str]], css: str = "") -> str:
    """A table; cells are escaped, and a line break in a cell stays a line break."""
    cell = lambda v: escape(v).replace("\n", "<br>")  # noqa: E731
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell(str(v))}</td>" for v in row) + "</tr>"
                   for row in rows)
    if not rows:
        body = f'<tr><td colspan="{len(headers)}">{escape(t("training.nothing_yet"))}</td></tr>'
    return (f'<table class="uk-table {css}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


def _clock(iso: str) -> str:
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%H.%M")


def presence_html(ov: Overview) -> str:
    active = [p for p in ov.presence if p.active]
    rows = [[("● " if p.active else "○ ") + p.name, page_title(p.page), _clock(p.last_seen)]
            for p in ov.presence]
    note = t("training.active_count", active=len(active), total=len(ov.participants))
    return (f"<p><b>{escape(note)}</b></p>" + table(
        [t("training.col_name"), t("training.col_page"), t("training.col_last")], rows,
        "uk-presence"))


def progress_table(ov: Overview) -> Table:
    return ([t("training.col_name"), t("training.col_tried"), t("training.col_right"),
             t("training.col_attempts")],
            [[p.name, str(p.attempted), str(p.correct), str(p.attempts)] for p in ov.progress])


def progress_html(ov: Overview) -> str:
    return table(*progress_table(ov), "uk-progress")


def wrong_table(ov: Overview) -> Table:
    rows = []
    for ex in ov.exercises:
        wrong = "\n".join(
            t("training.wrong_line", answer=w.text, times=w.times, people=w.people)
            for w in ex.wrong) or t("training.no_wrong")
        rows.append([f"{ex.exercise}\n({page_title(ex.lesson)})", str(ex.attempted),
                     str(ex.correct), wrong])
    return ([t("training.col_exercise"), t("training.col_people_tried"),
             t("training.col_people_right"), t("training.col_wrong")], rows)


def wrong_html(ov: Overview) -> str:
    return table(*wrong_table(ov), "uk-wrong")


def gain_sentence(ov: Overview) -> str:
    r = ov.tests
    band = t(f"training.band_{r.band}") if r.band else t("training.band_none")
    return t("training.gain_sentence", pre=format_percent(r.mean_pre), n_pre=len(r.pre_scores),
             post=format_percent(r.mean_post), n_post=len(r.post_scores),
             gain=format_gain(r.gain), band=band, n_both=len(r.both))


def one_test_only(ov: Overview) -> str:
    pre = ", ".join(s.name for s in ov.tests.pre_only) or "–"
    post = ", ".join(s.name for s in ov.tests.post_only) or "–"
    return t("training.one_test_only", n_pre=len(ov.tests.pre_only), pre=pre,
             n_post=len(ov.tests.post_only), post=post)


def tests_chart(ov: Overview, form: EvaluationForm) -> str:
    def whole(v) -> int:
        return int(format_percent(v).rstrip("%")) if v is not None else 0

    labels = [t("training.class_mean")] + [f"{n}. {form.item(i.key).text()[:38]}…"
                                           for n, i in enumerate(ov.tests.items, start=1)]
    pre = [whole(ov.tests.mean_pre)] + [whole(i.pre) for i in ov.tests.items]
    post = [whole(ov.tests.mean_post)] + [whole(i.post) for i in ov.tests.items]
    return grouped_hbar_chart(labels, {t("training.pre"): pre, t("training.post"): post},
                              [PRE_COLOR, POST_COLOR], t("training.chart_title"),
                              fmt=lambda v: f"{v}%")


def items_table(ov: Overview, form: EvaluationForm) -> Table:
    rows = [[str(n), form.item(i.key).text(), page_title(i.lesson), format_percent(i.pre),
             format_percent(i.post)] for n, i in enumerate(ov.tests.items, start=1)]
    return (["No", t("training.col_item"), t("training.col_lesson"), t("training.pre_pct"),
             t("training.post_pct")], rows)


def items_html(ov: Overview, form: EvaluationForm) -> str:
    return table(*items_table(ov, form), "uk-items")


def scores_table(ov: Overview) -> Table:
    rows = [[s.name, format_percent(s.pre), format_percent(s.post), format_gain(s.gain)]
            for s in ov.tests.scores]
    return [t("training.col_name"), t("training.pre"), t("training.post"), "g"], rows


def scores_html(ov: Overview) -> str:
    return table(*scores_table(ov), "uk-scores")


def confidence_table(ov: Overview, form: EvaluationForm) -> Table:
    texts = {s.key: s.text() for s in form.confidence}
    rows = [[texts[c.key], format_mean(c.pre), format_mean(c.post)] for c in ov.tests.confidence]
    return [t("training.col_statement"), t("training.pre"), t("training.post")], rows


def confidence_html(ov: Overview, form: EvaluationForm) -> str:
    return table(*confidence_table(ov, form), "uk-confidence")


def satisfaction_table(ov: Overview, form: EvaluationForm) -> Table:
    texts = {s.key: s.text() for s in form.satisfaction}
    rows = [[texts[s.key], format_mean(s.mean), format_percent(s.agree), *map(str, s.counts)]
            for s in ov.satisfaction.statements]
    return ([t("training.col_statement"), t("training.col_mean4"), t("training.col_agree"),
             "1", "2", "3", "4"], rows)


def satisfaction_html(ov: Overview, form: EvaluationForm) -> str:
    opens = "".join(
        f"<p><b>{escape(q.text())}</b></p><ul>"
        + "".join(f"<li>{escape(a)}</li>" for a in ov.satisfaction.open_answers.get(q.key, ()))
        + "</ul>" for q in form.open_questions)
    head = t("training.sat_respondents", n=ov.satisfaction.respondents)
    return (f"<p>{escape(head)}</p>" + table(*satisfaction_table(ov, form), "uk-satisfaction")
            + opens)


def rules_table(ov: Overview) -> Table:
    rows = [[group, method, note or "–", name, format_date(dt.date.fromisoformat(at[:10]))]
            for name, group, method, note, at in ov.rules]
    return ([t("training.col_group"), t("training.col_method"), t("training.col_note"),
             t("training.col_saved_by"), t("training.col_date")], rows)


def rules_html(ov: Overview) -> str:
    return table(*rules_table(ov), "uk-rules")


def distributions_table(ov: Overview) -> Table:
    rows = [[group, format_date(dt.date.fromisoformat(day)), method, format_rupiah(total),
             str(shares), name] for name, group, day, method, total, shares in ov.distributions]
    return ([t("training.col_group"), t("training.col_date"), t("training.col_method"),
             t("training.col_total"), t("training.col_shares"), t("training.col_saved_by")], rows)


def distributions_html(ov: Overview) -> str:
    return table(*distributions_table(ov), "uk-distributions")


def fgd_table(ov: Overview) -> Table:
    """The FGD board's questions with their results and what the group agreed."""
    return ([t("training.col_session"), t("training.col_fgd_question"),
             t("training.col_fgd_result"), t("fgd.agreed")], [list(row) for row in ov.fgd])


def fgd_html(ov: Overview) -> str:
    return table(*fgd_table(ov), "uk-fgd")
