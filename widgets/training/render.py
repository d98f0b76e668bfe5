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
from widgets.training.evaluation import format_gain, format_percent
from widgets.training.items import EvaluationForm
from widgets.training.overview import Overview, page_title
from widgets.training.satisfaction import format_mean

PRE_COLOR, POST_COLOR = "#98a2b3", "#b4541a"


def table(headers: list[str], rows: list[list[str]], css: str = "", raw: bool = False) -> str:
    """A table; cells are escaped unless ``raw`` (then the caller escaped them)."""
    cell = (lambda v: v) if raw else escape
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


def progress_html(ov: Overview) -> str:
    rows = [[p.name, p.attempted, p.correct, p.attempts] for p in ov.progress]
    return table([t("training.col_name"), t("training.col_tried"), t("training.col_right"),
                  t("training.col_attempts")], rows, "uk-progress")


def wrong_html(ov: Overview) -> str:
    rows = []
    for ex in ov.exercises:
        wrong = "<br>".join(
            escape(t("training.wrong_line", answer=w.text, times=w.times, people=w.people))
            for w in ex.wrong) or escape(t("training.no_wrong"))
        rows.append([f"<b>{escape(ex.exercise)}</b><br><small>{escape(page_title(ex.lesson))}"
                     "</small>", str(ex.attempted), str(ex.correct), wrong])
    return table([t("training.col_exercise"), t("training.col_people_tried"),
                  t("training.col_people_right"), t("training.col_wrong")], rows,
                 "uk-wrong", raw=True)


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


def items_html(ov: Overview, form: EvaluationForm) -> str:
    rows = [[str(n), form.item(i.key).text(), page_title(i.lesson), format_percent(i.pre),
             format_percent(i.post)] for n, i in enumerate(ov.tests.items, start=1)]
    return table(["No", t("training.col_item"), t("training.col_lesson"), t("training.pre"),
                  t("training.post")], rows, "uk-items")


def scores_html(ov: Overview) -> str:
    rows = [[s.name, format_percent(s.pre), format_percent(s.post), format_gain(s.gain)]
            for s in ov.tests.scores]
    return table([t("training.col_name"), t("training.pre"), t("training.post"), "g"], rows,
                 "uk-scores")


def confidence_html(ov: Overview, form: EvaluationForm) -> str:
    texts = {s.key: s.text() for s in form.confidence}
    rows = [[texts[c.key], format_mean(c.pre), format_mean(c.post)] for c in ov.tests.confidence]
    return table([t("training.col_statement"), t("training.pre"), t("training.post")], rows,
                 "uk-confidence")


def satisfaction_html(ov: Overview, form: EvaluationForm) -> str:
    texts = {s.key: s.text() for s in form.satisfaction}
    rows = [[texts[s.key], format_mean(s.mean), format_percent(s.agree), *map(str, s.counts)]
            for s in ov.satisfaction.statements]
    opens = "".join(
        f"<p><b>{escape(q.text())}</b></p><ul>"
        + "".join(f"<li>{escape(a)}</li>" for a in ov.satisfaction.open_answers.get(q.key, ()))
        + "</ul>" for q in form.open_questions)
    head = t("training.sat_respondents", n=ov.satisfaction.respondents)
    return (f"<p>{escape(head)}</p>" + table(
        [t("training.col_statement"), t("training.col_mean4"), t("training.col_agree"),
         "1", "2", "3", "4"], rows, "uk-satisfaction") + opens)


def rules_html(ov: Overview) -> str:
    rows = [[group, method, note or "–", name, format_date(dt.date.fromisoformat(at[:10]))]
            for name, group, method, note, at in ov.rules]
    return table([t("training.col_group"), t("training.col_method"), t("training.col_note"),
                  t("training.col_saved_by"), t("training.col_date")], rows, "uk-rules")


def distributions_html(ov: Overview) -> str:
    rows = [[group, format_date(dt.date.fromisoformat(day)), method, format_rupiah(total),
             str(shares), name] for name, group, day, method, total, shares in ov.distributions]
    return table([t("training.col_group"), t("training.col_date"), t("training.col_method"),
                  t("training.col_total"), t("training.col_shares"), t("training.col_saved_by")],
                 rows, "uk-distributions")
