"""The FGD board as HTML (projector first: body text 24 px and more, key figures 32 px and
more, dark on light) and as one line of text per result, for the Excel file and the activity
report. Every participant's text is escaped here. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from html import escape

from widgets.core.i18n import t
from widgets.core.theme import themed
from widgets.store import Store
from widgets.training import fgd, fgd_db, fgd_ideas
from widgets.training.fgd_db import Board

STYLE = themed("""<style>
.uk-board { font-size: 26px; line-height: 1.3; color: #111; }
.uk-board h2.uk-board-q { font-size: 36px; margin: 4px 0 10px; color: #5a1f05; line-height: 1.2; }
.uk-board-status { font-size: 24px; color: #333; margin: 0 0 12px; }
.uk-board-status b { color: #000; }
.uk-board-agreed { display: inline-block; background: @GAIN@; color: #fff; padding: 2px 14px;
  border-radius: 8px; font-weight: 700; margin-left: 10px; }
.uk-board-hidden { font-size: 30px; padding: 24px; background: #fff6e5; border-radius: 12px; }
.uk-board-count { font-size: 64px; font-weight: 800; color: @HEADING@; }
.uk-board-row { display: grid; grid-template-columns: minmax(220px, 28%) 1fr 190px;
  align-items: center; gap: 4px 16px; margin: 6px 0; }
.uk-board-label { font-weight: 700; }
.uk-board-bar { height: 40px; background: @ACCENT@; border-radius: 6px; min-width: 4px; }
.uk-board-num { font-size: 34px; font-weight: 800; text-align: right; white-space: nowrap; }
.uk-board-names { grid-column: 1 / -1; font-size: 24px; color: #333; margin-top: -4px; }
.uk-board-figures { display: flex; gap: 48px; margin: 10px 0 6px; }
.uk-board-figure { font-size: 26px; }
.uk-board-figure b { display: block; font-size: 64px; color: @HEADING@; line-height: 1.1; }
.uk-board-words { display: flex; flex-wrap: wrap; gap: 6px 36px; align-items: baseline; }
.uk-board-word { font-weight: 800; color: #5a1f05; line-height: 1.1; }
.uk-board-word small { font-size: 24px; color: #444; font-weight: 600; margin-left: 4px; }
.uk-board-group { background: #fff; border: 2px solid @HEADING@; border-radius: 10px;
  padding: 6px 14px 10px; margin: 0 0 12px; }
.uk-board-group h3 { font-size: 28px; margin: 0 0 6px; color: @HEADING@; }
.uk-board-cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr));
  gap: 8px 12px; }
.uk-board-card { background: #fff8e1; border: 1px solid #d9c27a; border-radius: 8px;
  padding: 6px 10px; }
.uk-board-card small { display: block; font-size: 24px; color: #333; }
.uk-board-top { background: #e7f4ea; border-radius: 10px; padding: 8px 16px; margin: 10px 0; }
.uk-board-top .uk-board-card { background: #fff; font-weight: 700; }
.uk-board-top h3 { font-size: 30px; margin: 0 0 4px; color: #114d24; }
.uk-board-note { font-size: 24px; color: #333; }
/* The trainer's preview on a phone: the projector's sizes would not fit 360 px. */
@media (max-width: 640px) {
  .uk-board { font-size: 18px; }
  .uk-board h2.uk-board-q { font-size: 24px; }
  .uk-board-status, .uk-board-names, .uk-board-figure, .uk-board-note, .uk-board-card small,
  .uk-board-word small { font-size: 16px; }
  .uk-board-row { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) auto; gap: 4px 8px; }
  .uk-board-bar { height: 24px; }
  .uk-board-num { font-size: 22px; }
  .uk-board-count, .uk-board-figure b { font-size: 40px; }
  .uk-board-figures { gap: 20px; flex-wrap: wrap; }
  .uk-board-cards { grid-template-columns: minmax(0, 1fr); }
  .uk-board-hidden { font-size: 20px; padding: 12px; }
  .uk-board-group h3, .uk-board-top h3 { font-size: 20px; }
}
</style>""")


def _names(names: list[str]) -> str:
    shown = [n for n in names if n]
    return (f'<div class="uk-board-names">{escape(", ".join(shown))}</div>' if shown else "")


def _bars(rows: list[tuple[str, int, str, list[str]]]) -> str:
    """Labelled horizontal bars: (label, value, value text, names)."""
    top = max([v for _, v, _, _ in rows] + [1])
    out = []
    for label, value, text, names in rows:
        width = round(100 * value / top)
        out.append(f'<div class="uk-board-row"><div class="uk-board-label">{escape(label)}</div>'
                   f'<div><div class="uk-board-bar" style="width:{width}%"></div></div>'
                   f'<div class="uk-board-num">{escape(text)}</div>{_names(names)}</div>')
    return "".join(out)


def _poll(board: Board) -> str:
    options = board.q.question.options
    counts = fgd.poll_counts(options, [a.value for a in board.answers])  # type: ignore[misc]
    names = [[a.name for a in board.answers if a.value == i] for i in range(len(options))]
    return _bars([(o, c, str(c), names[i]) for i, (o, c) in enumerate(zip(options, counts,
                                                                           strict=True))])


def _scale(board: Board) -> str:
    s = fgd.scale_summary(a.value for a in board.answers)  # type: ignore[misc]
    figures = (f'<div class="uk-board-figures"><div class="uk-board-figure uk-board-mean">'
               f'{escape(t("fgd.mean"))}<b>{fgd.decimal_text(s.mean)}</b></div>'
               f'<div class="uk-board-figure uk-board-spread">{escape(t("fgd.spread"))}'
               f'<b>{fgd.decimal_text(s.spread)}</b></div></div>')
    labels = {1: f"1 · {t('fgd.scale_1')}", 5: f"5 · {t('fgd.scale_5')}"}
    rows = [(labels.get(v, str(v)), s.counts[v], str(s.counts[v]),
             [a.name for a in board.answers if a.value == v]) for v in fgd.SCALE]
    return figures + _bars(rows) + f'<p class="uk-board-note">{escape(t("fgd.spread_note"))}</p>'


def _words(board: Board) -> str:
    words = fgd.word_list((str(a.value), a.name) for a in board.answers)
    spans = "".join(
        f'<span class="uk-board-word" style="font-size:{w.size}px">{escape(w.text)}'
        f'<small>{escape(t("fgd.times", count=w.count))}</small></span>'
        for w in words)
    return f'<div class="uk-board-words">{spans}</div>'


def _ranking(board: Board) -> str:
    options = board.q.question.options
    totals = fgd.borda(options, [a.value for a in board.answers])  # type: ignore[misc]
    rows = [(f"{place}. {options[i]}", p, t("fgd.points", points=p), [])
            for place, (i, p) in enumerate(totals, start=1)]
    return _bars(rows) + (f'<p class="uk-board-note">'
                          f'{escape(t("fgd.borda_note", top=len(options) - 1))}</p>')


def _volunteer(board: Board) -> str:
    pairs = fgd.volunteers(board.q.question.options,
                           [(a.value, a.name) for a in board.answers])  # type: ignore[misc]
    rows = []
    for role, names in pairs:
        shown = [n for n in names if n]
        who = ", ".join(shown) if shown else (t("fgd.people", count=len(names)) if names
                                              else t("fgd.nobody"))
        rows.append(f'<div class="uk-board-row"><div class="uk-board-label">{escape(role)}</div>'
                    f'<div class="uk-board-vol">{escape(who)}</div>'
                    f'<div class="uk-board-num">{len(names)}</div></div>')
    return "".join(rows)


def _card(idea: fgd_ideas.Idea, round_: int) -> str:
    extra = [t("fgd.same_as", count=len(idea.merged))] if idea.merged else []
    if round_ and idea.mean is not None:
        extra.append(t("fgd.score_mean", mean=fgd.decimal_text(idea.mean), count=idea.scores))
    small = f"<small>{escape(' · '.join(extra))}</small>" if extra else ""
    return (f'<div class="uk-board-card" data-card="{idea.card.id}">{escape(idea.card.text)}'
            f"{small}</div>")


def _ideas(board: Board) -> str:
    round_ = board.q.round
    found = fgd_ideas.ideas(board.cards, board.scores, round_)
    top = ""
    if round_ and (best := fgd_ideas.top_ideas(found)):
        top = (f'<div class="uk-board-top"><h3>{escape(t("fgd.top_ideas"))} · '
               f'{escape(t("fgd.round", round=round_))}</h3>'
               + '<div class="uk-board-cards">' + "".join(_card(i, round_) for i in best)
               + "</div></div>")
    groups = "".join(
        f'<div class="uk-board-group"><h3>{escape(name or t("fgd.ungrouped"))}</h3>'
        + '<div class="uk-board-cards">' + "".join(_card(i, round_) for i in items)
        + "</div></div>" for name, items in fgd_ideas.grouped(found))
    return top + f'<div class="uk-board-groups">{groups}</div>'


RESULTS = {"poll": _poll, "scale": _scale, "words": _words, "ranking": _ranking,
           "volunteer": _volunteer, "ideas": _ideas}


def status_html(board: Board) -> str:
    q = board.q
    agreed = (f'<span class="uk-board-agreed">✔ {escape(t("fgd.agreed"))}: '
              f"{escape(q.outcome)}</span>" if q.agreed_at else "")
    anonymous = f" · {escape(t('fgd.anonymous_note'))}" if q.question.anonymous else ""
    return (f'<p class="uk-board-status"><b>{escape(t(f"fgd.state_{q.state}"))}</b> · '
            f'<span class="uk-board-n">{escape(t("fgd.answers_in", count=len(board.answers)))}'
            f"</span>{anonymous}{agreed}</p>")


def board_html(board: Board) -> str:
    """The projector's board for one question: results only once the trainer reveals them."""
    head = f'<h2 class="uk-board-q">{escape(board.q.question.text)}</h2>' + status_html(board)
    if not board.q.revealed:
        body = (f'<div class="uk-board-hidden"><span class="uk-board-count">'
                f"{len(board.answers)}</span> · {escape(t('fgd.hidden'))}</div>")
    elif not board.answers:
        body = f'<p class="uk-board-note">{escape(t("fgd.no_answers"))}</p>'
    else:
        body = RESULTS[board.q.question.kind](board)
    return f'<div class="uk-board uk-board-{board.q.question.kind}">{head}{body}</div>'


def result_text(board: Board) -> str:
    """The result in one line, for the Excel summary and the activity report."""
    q, answers = board.q.question, board.answers
    if not answers:
        return t("fgd.no_answers")
    if q.kind == "poll":
        counts = fgd.poll_counts(q.options, [a.value for a in answers])  # type: ignore[misc]
        return "; ".join(f"{o}: {c}" for o, c in sorted(zip(q.options, counts, strict=True),
                                                        key=lambda p: -p[1]))
    if q.kind == "scale":
        s = fgd.scale_summary(a.value for a in answers)  # type: ignore[misc]
        return (f"{t('fgd.mean')} {fgd.decimal_text(s.mean)}; {t('fgd.spread')} "
                f"{fgd.decimal_text(s.spread)}; n = {s.count}")
    if q.kind == "words":
        return "; ".join(f"{w.text} ({w.count})" for w in
                         fgd.word_list((str(a.value), "") for a in answers)[:8])
    if q.kind == "ranking":
        return "; ".join(f"{q.options[i]} ({p})" for i, p in
                         fgd.borda(q.options, [a.value for a in answers]))  # type: ignore[misc]
    if q.kind == "volunteer":
        pairs = fgd.volunteers(q.options, [(a.value, a.name) for a in answers])  # type: ignore[misc]
        return "; ".join(f"{role}: {', '.join(n for n in names if n) or len(names)}"
                         for role, names in pairs)
    found = fgd_ideas.ideas(board.cards, board.scores, board.q.round)
    best = fgd_ideas.top_ideas(found) or found[:3]
    return "; ".join(i.card.text + (f" ({fgd.decimal_text(i.mean)})" if i.mean else "")
                     for i in best)


def outcomes(store: Store) -> list[tuple[str, str, str, str]]:
    """(lesson, question, result, agreed) for every question that was opened: the FGD table of
    the activity report (and the Excel summary's source of the same lines)."""
    from widgets.training.overview import page_title  # overview reads this module

    rows = []
    for q in fgd_db.questions(store):
        if q.state == "ready":
            continue
        board = fgd_db.read_board(store, q.id)
        rows.append((page_title(q.question.lesson) if q.question.lesson else "–",
                     q.question.text, result_text(board), q.outcome or "–"))
    return rows
