"""HTML for lesson 3: a distribution as a table with its check line and bars, and methods side
by side. Every name is escaped; amounts are written ``Rp1.500.000``. Used by the calculator,
the comparison and the worked examples.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from widgets.core.charts import grouped_hbar_chart, hbar_chart
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.theme import ACCENT, GAIN, LOSS, SERIES
from widgets.sharing.cash import ROUNDING
from widgets.sharing.comparison import Comparison
from widgets.sharing.record import contribution_text
from widgets.sharing.rules import Rule, method_label, set_aside_label
from widgets.sharing.split import Contribution, Distribution
from widgets.ui.tables import Cell, Row, money_table

SHARE_COLOR, METHOD_COLORS = ACCENT, SERIES

STYLE = (
    "<style>table.uk-bh-table{width:100%;border-collapse:collapse;font-size:16px;"
    "display:table!important;table-layout:auto!important}.uk-bh-table th,.uk-bh-table td{"
    "padding:6px 4px;border-bottom:1px solid #e4e0d8;vertical-align:top;"
    "text-align:left!important;overflow-wrap:normal!important;word-break:normal!important}"
    # A name typed as one long word breaks rather than widen the table past the phone; a
    # usual name (Muhammad) keeps its words whole.
    ".uk-bh-table td:first-child{overflow-wrap:anywhere!important;min-width:6em}"
    ".uk-bh-table th{background:#efe7dc;vertical-align:bottom}.uk-bh-table .num{"
    "text-align:right!important;white-space:nowrap}.uk-bh-table th.num{white-space:normal}"
    ".uk-bh-table small{color:#555}.uk-bh-table tr.uk-bh-aside td{"
    "background:#f7f1e8;font-style:italic}.uk-bh-table tr.uk-bh-sum td{font-weight:700;"
    "border-top:2px solid #b9ab98}.uk-bh-check{font-size:17px;font-weight:600;margin:8px 0;"
    "padding:8px 10px;border-radius:8px}.uk-bh-loss{background:#fdecea;color:#7a1c12;"
    "padding:8px 10px;border-radius:8px;font-weight:600;margin:6px 0}"
    ".uk-bh-compare{font-size:clamp(15px,1.3vw,19px)}.uk-bh-compare table.uk-bh-table{"
    "font-size:inherit}.uk-bh-compare td,.uk-bh-compare th{padding:6px 8px}"
    ".uk-bh-compare td.uk-cards-name{min-width:7em}"
    ".uk-bh-diff{display:block;font-size:.82em}</style>"
)
# On a lecture slide (ComparisonView(compact=True)), so that ten members fit under the
# controls: each difference beside its share (one line a member), the percentages' labels on
# one line, the tick boxes a little smaller.
COMPACT_STYLE = (
    "<style>.uk-bh-compact h4{margin:4px 0 2px}.uk-bh-compact .uk-bh-diff{display:inline;"
    "margin-left:.35em}.uk-bh-compact .uk-field label{white-space:nowrap;"
    "font-size:18px!important}.uk-bh-compact .widget-checkbox .widget-label-basic span{"
    "font-size:20px!important}.uk-bh-compact .uk-bh-compare td.uk-cards-name{"
    "min-width:9.5em}</style>"
)


def _rp(amount: int) -> str:
    return escape(format_rupiah(amount))


def check_line(shared: int, kept: int, total: int) -> str:
    """The line every member can verify: shared + set aside = total."""
    ok = shared + kept == total
    key = "lesson3.check_ok" if ok else "lesson3.check_wrong"
    text = t(key, shared=format_rupiah(shared), kept=format_rupiah(kept),
             total=format_rupiah(total))
    colors = ("#e6f4ea", "#1a7f37") if ok else ("#fdecea", "#b42318")
    return (f'<p class="uk-bh-check" data-shared="{shared}" data-kept="{kept}" '
            f'data-total="{total}" style="background:{colors[0]};color:{colors[1]}">'
            f"{'✔' if ok else '⚠'} {escape(text)}</p>")


def _basis(rule: Rule, members: Sequence[Contribution], name: str) -> str:
    member = next((m for m in members if m.name == name), None)
    return contribution_text(rule.method, rule.params, member) if member else ""


def _share_cell(result: Distribution, name: str, amount: int) -> str:
    """A member's share; when rounding to cash changed it, the figure as calculated under it."""
    exact = ""
    if result.exact.get(name, amount) != amount:
        exact = (f'<br><small class="uk-bh-exact" data-amount="{result.exact[name]}">'
                 f'{escape(t("lesson3.exact_share", amount=format_rupiah(result.exact[name])))}'
                 "</small>")
    return (f'<td class="num uk-bh-share" data-amount="{amount}">{_rp(amount)}{exact}</td>')


def distribution_html(result: Distribution, rule: Rule,
                      members: Sequence[Contribution] = (), chart: bool = True) -> str:
    """Each member's share (a part of the loss when the total is negative; rounded down to
    cash with the figure as calculated under it, when the rule says so), the amounts set
    aside (the rounding remainder on its own line), the check line and a bar per member."""
    loss = result.is_loss
    head = t("lesson3.col_loss" if loss else "lesson3.col_share")
    with_basis = any(_basis(rule, members, n) for n in result.shares)
    rows = []
    for name, amount in result.shares.items():
        basis = _basis(rule, members, name) if with_basis else ""
        rows.append(
            f'<tr class="uk-bh-row"><td>{escape(name)}'
            + (f"<br><small>{escape(basis)}</small>" if basis else "")
            + f"</td>{_share_cell(result, name, amount)}</tr>")
    for code, amount in result.set_aside.items():
        label = set_aside_label(code, {**result.params, **rule.params})
        css = "uk-bh-aside uk-bh-rounding" if code == ROUNDING else "uk-bh-aside"
        rows.append(f'<tr class="{css}"><td>{escape(label)}</td>'
                    f'<td class="num" data-amount="{amount}">{_rp(amount)}</td></tr>')
    rows.append(f'<tr class="uk-bh-sum"><td>{escape(t("lesson3.total_row"))}</td>'
                f'<td class="num uk-bh-total-shown" data-amount="{result.total}">'
                f"{_rp(result.total)}</td></tr>")
    banner = (f'<div class="uk-bh-loss">{escape(t("lesson3.loss_banner", total=format_rupiah(-result.total)))}</div>'  # noqa: E501
              if loss else "")
    table = (f'<table class="uk-bh-table"><tr><th>{escape(t("lesson3.col_name"))}</th>'
             f'<th class="num">{escape(head)}</th></tr>{"".join(rows)}</table>')
    bars = ""
    if chart:  # the rounding remainder, a few thousand rupiah at most, would be no bar at all
        aside = {c: a for c, a in result.set_aside.items() if c != ROUNDING}
        labels = list(result.shares) + [set_aside_label(c, {**result.params, **rule.params})
                                         for c in aside]
        values = list(result.shares.values()) + list(aside.values())
        bars = hbar_chart(labels, values, t("lesson3.chart_shares"), SHARE_COLOR)
    return (STYLE + banner + table + check_line(result.shared, result.kept, result.total)
            + bars)


def comparison_html(comparison: Comparison, chart: bool = True, baseline: str = "",
                    summary: bool = True) -> str:
    """Methods side by side: a column per method with each member's share and its difference
    from the equal split (green: gains, red: loses), who gains and loses most (``summary``),
    grouped bars (``chart``). ``baseline`` names the column that is the equal split itself
    (shown without differences)."""
    labels = list(comparison.distributions)
    rows = []
    for row in comparison.rows:
        cells = []
        for label in labels:
            diff = row.differences[label]
            sign = "+" if diff > 0 else ""
            color = GAIN if diff > 0 else LOSS if diff < 0 else "#555"
            diff_text = (escape(t("lesson3.same_as_equal")) if diff == 0
                         else f"{sign}{_rp(diff)}")
            diff_html = ("" if label == baseline else
                         f'<span class="uk-bh-diff" style="color:{color}">{diff_text}</span>')
            cells.append(Cell(f"{_rp(row.shares[label])}{diff_html}",
                              attrs={"data-amount": row.shares[label]}))
        rows.append(Row(escape(row.name), cells))
    if any(comparison.distributions[label].kept for label in labels):
        kept = [comparison.distributions[label].kept for label in labels]
        rows.append(Row(escape(t("lesson3.set_aside_row")),
                        [_rp(amount) if amount else "–" for amount in kept], css="uk-bh-aside"))
    table = money_table([t("lesson3.col_name"), *labels], rows,
                        css="uk-bh-table uk-bh-compare-table")
    bars = ""
    if chart:
        series = {label: [r.shares[label] for r in comparison.rows] for label in labels}
        bars = grouped_hbar_chart([r.name for r in comparison.rows], series,
                                  METHOD_COLORS, t("lesson3.chart_compare"))
    words = summary_html(comparison, baseline) if summary else ""
    return STYLE + f'<div class="uk-bh-compare">{words}{table}{bars}</div>'



def summary_html(comparison: Comparison, baseline: str = "") -> str:
    """Per method, in one line each: who gains most and who loses most against equal."""
    lines = []
    for label in comparison.distributions:
        if label == baseline:
            continue
        gainers = sorted(comparison.gainers(label), key=lambda r: -r.differences[label])
        losers = sorted(comparison.losers(label), key=lambda r: r.differences[label])
        if not gainers and not losers:
            text = t("lesson3.summary_same", method=label)
        else:
            parts = []
            if gainers:
                g = gainers[0]
                same = len({r.differences[label] for r in gainers}) == 1 and len(gainers) > 1
                parts.append(t("lesson3.summary_gain_each" if same else "lesson3.summary_gain",
                               name=g.name, amount=format_rupiah(g.differences[label]),
                               count=len(gainers)))
            if losers:
                lo = losers[0]
                same = len({r.differences[label] for r in losers}) == 1 and len(losers) > 1
                parts.append(t("lesson3.summary_lose_each" if same else "lesson3.summary_lose",
                               name=lo.name, amount=format_rupiah(-lo.differences[label]),
                               count=len(losers)))
            text = f"{label}: " + "; ".join(parts) + "."
        lines.append(f"<li>{escape(text)}</li>")
    return (f"<p><b>{escape(t('lesson3.summary_title'))}</b></p>"
            f'<ul class="uk-bh-summary">{"".join(lines)}</ul>')


def method_name(rule: Rule) -> str:
    return method_label(rule.method)
