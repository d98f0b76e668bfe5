"""The printed record of a distribution (*berita acara pembagian hasil*): print-ready HTML for A4.

Built from a ``record.DistributionRecord``; the Excel copy is ``record_excel``. No ipywidgets.

Everything a participant typed (group, place, names, notes) is escaped in the HTML and written as
text cells in Excel, so a name like ``<script>`` or ``=HYPERLINK(…)`` stays a name. The record
repeats the check every member can verify: shared + set aside = total.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from babel.dates import format_date as _babel_date

from widgets.core.i18n import format_date, language, t
from widgets.core.money import format_rupiah
from widgets.core.printable import PRINT_COLORS, a4_page
from widgets.sharing.record import DistributionRecord, Line

_BABEL = {"id": "id_ID", "en": "en_GB"}


# --- HTML -----------------------------------------------------------------------------------

STYLE = """
.ukr { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #111;
  font-size: 10pt; line-height: 1.3; }
.ukr h1 { font-size: 15pt; text-align: center; margin: 0 0 2pt; letter-spacing: .5pt; }
.ukr .ukr-sub { text-align: center; margin: 0 0 8pt; }
.ukr table { width: 100%; border-collapse: collapse; margin: 4pt 0 6pt;
  table-layout: auto !important; display: table !important; }
.ukr h2 { font-size: 11pt; margin: 6pt 0 0; }
.ukr p { margin: 4pt 0; }
.ukr th, .ukr td { border: 1px solid #444; padding: 3pt 5pt; text-align: left;
  vertical-align: top; overflow-wrap: normal !important; word-break: normal !important; }
.ukr th { background: #eee; }
.ukr td.ukr-num, .ukr th.ukr-num { text-align: right; white-space: nowrap; }
.ukr td.ukr-no { width: 1.6em; text-align: right; }
.ukr td.ukr-sign { width: 28%; height: 17pt; }
.ukr .ukr-cash td.ukr-sign { width: 18%; height: 15pt; }
.ukr .ukr-cash td.ukr-basis { white-space: nowrap; }
.ukr tr { page-break-inside: avoid; break-inside: avoid; }
.ukr .ukr-info td:first-child { width: 32%; }
.ukr .ukr-check { font-weight: bold; margin: 4pt 0 8pt; }
.ukr .ukr-loss { color: #9b1c1c; font-weight: bold; }
.ukr .ukr-close { page-break-inside: avoid; break-inside: avoid; }
.ukr .ukr-signs { display: flex; flex-wrap: wrap; justify-content: space-between;
  margin-top: 8pt; }
.ukr .ukr-signs > div { width: 45%; text-align: center; margin-bottom: 8pt; }
.ukr .ukr-line { height: 36pt; border-bottom: 1px solid #111; margin: 0 10% 3pt; }
.ukr .ukr-foot { font-size: 8.5pt; color: #555; margin-top: 6pt; }
"""

PAGE_STYLE = f"""
@media screen {{ body {{ max-width: 180mm; margin: 0 auto; padding: 10mm 8mm; }} }}
@media print {{ .ukr th {{ {PRINT_COLORS} }} }}
"""


def _weekday(day: dt.date) -> str:
    return _babel_date(day, "EEEE", locale=_BABEL.get(language(), "id_ID"))


def _amount(amount: int) -> str:
    return escape(format_rupiah(amount))


def _info_table(rec: DistributionRecord) -> str:
    key = "record.total_loss" if rec.is_loss else "record.total"
    total = _amount(abs(rec.total))
    rows = [(t(key), f'<b class="{"ukr-loss" if rec.is_loss else ""}">{total}</b>'),
            (t("record.method"), escape(rec.method)),
            (t("record.rule"), escape(rec.rule_text))]
    rows += [(label, escape(value)) for label, value in rec.parameters]
    body = "".join(f"<tr><td>{escape(label)}</td><td>{value_html}</td></tr>"
                   for label, value_html in rows)
    return f'<table class="ukr-info">{body}</table>'


def _aside_table(rec: DistributionRecord) -> str:
    if not rec.set_aside:
        return ""
    rows = "".join(f'<tr><td>{escape(label)}</td><td class="ukr-num">{_amount(amount)}</td></tr>'
                   for label, amount in rec.set_aside)
    if len(rec.set_aside) > 1:
        rows += (f'<tr><th>{escape(t("record.kept_total"))}</th>'
                 f'<th class="ukr-num">{_amount(rec.kept)}</th></tr>')
    return f"<h2>{escape(t('record.aside'))}</h2><table>{rows}</table>"


def _share_heads(rec: DistributionRecord) -> list[str]:
    """The amount columns: the share; or, rounded to cash, as calculated and as paid."""
    share_head = t("record.col_loss" if rec.is_loss else "record.col_share")
    if rec.rounded:
        return [t("record.col_exact"), share_head if rec.is_loss else t("record.col_paid")]
    return [share_head]


def _line_amounts(line: Line, rounded: bool) -> list[int]:
    if rounded:
        return [line.amount if line.exact is None else line.exact, line.amount]
    return [line.amount]


def _members_table(rec: DistributionRecord) -> str:
    has_basis = any(line.basis for line in rec.lines)
    head = (f"<tr><th class=\"ukr-no\">{escape(t('record.col_no'))}</th>"
            f"<th>{escape(t('record.col_name'))}</th>"
            + (f"<th class=\"ukr-basis\">{escape(t('record.col_basis'))}</th>"
               if has_basis else "")
            + "".join(f'<th class="ukr-num">{escape(h)}</th>' for h in _share_heads(rec))
            + f"<th class=\"ukr-sign-col\">{escape(t('record.col_sign'))}</th></tr>")
    rows = []
    for number, line in enumerate(rec.lines, start=1):
        rows.append(f'<tr><td class="ukr-no">{number}</td><td>{escape(line.name)}</td>'
                    + (f'<td class="ukr-basis">{escape(line.basis)}</td>' if has_basis else "")
                    + "".join(f'<td class="ukr-num">{_amount(a)}</td>'
                              for a in _line_amounts(line, rec.rounded))
                    + '<td class="ukr-sign"></td></tr>')
    sums = [rec.exact_shared, rec.shared] if rec.rounded else [rec.shared]
    # One cell per column (no colspan), so a column the phone preview hides takes its cell.
    rows.append('<tr><th class="ukr-no"></th>'
                f'<th>{escape(t("record.shared_total"))}</th>'
                + ('<th class="ukr-basis"></th>' if has_basis else "")
                + "".join(f'<th class="ukr-num">{_amount(a)}</th>' for a in sums)
                + '<th class="ukr-sign-col"></th></tr>')
    css = "ukr-members ukr-cash" if rec.rounded else "ukr-members"
    return f'<table class="{css}">{head}{"".join(rows)}</table>'


def _signatures(rec: DistributionRecord) -> str:
    signers = rec.signers or [(t("record.role_chair"), ""), (t("record.role_treasurer"), "")]
    boxes = "".join(
        f'<div><div>{escape(role)}</div><div class="ukr-line"></div>'
        f"<div>({escape(name) if name else '&nbsp;' * 30})</div></div>"
        for role, name in signers)
    where = ", ".join(x for x in (rec.place, format_date(rec.day)) if x)
    return (f'<p style="text-align:right;margin:8pt 0 0">{escape(where)}</p>'
            f'<div class="ukr-signs">{boxes}</div>')


def record_body(rec: DistributionRecord) -> str:
    """The record's content (no page CSS): used in the lesson page and in the document."""
    opening = t("record.opening", weekday=_weekday(rec.day), date=format_date(rec.day),
                place=rec.place or "-", group=rec.group)
    check_key = "record.check_ok" if rec.balanced else "record.check_wrong"
    check = t(check_key, shared=format_rupiah(rec.shared), kept=format_rupiah(rec.kept),
              total=format_rupiah(rec.total))
    note = (f"<p><b>{escape(t('record.note'))}</b> {escape(rec.note)}</p>" if rec.note else "")
    footer = "record.footer_cash" if rec.rounded else "record.footer"
    return (
        f'<div class="ukr"><h1>{escape(t("record.title"))}</h1>'
        f'<p class="ukr-sub"><b>{escape(rec.group)}</b>'
        + (f"<br>{escape(rec.village)}" if rec.village else "") + "</p>"
        f"<p>{escape(opening)}</p>{_info_table(rec)}{_aside_table(rec)}"
        f"<h2>{escape(t('record.members'))}</h2>"
        f"{_members_table(rec)}<p class=\"ukr-check\">{escape(check)}</p>{note}"
        f'<div class="ukr-close"><p>{escape(t("record.agreement"))}</p>{_signatures(rec)}'
        f'<p class="ukr-foot">{escape(t(footer))}</p></div></div>'
    )


def record_html(rec: DistributionRecord) -> str:
    """A complete HTML file: opens in any browser and prints on one or more A4 pages."""
    title = f"{t('record.title')} · {rec.group} · {format_date(rec.day)}"
    return a4_page(title, record_body(rec), PAGE_STYLE + STYLE, margin="14mm 15mm 14mm 15mm")


PREVIEW_STYLE = """
.uk-record .ukr td:not(.ukr-num) { overflow-wrap: anywhere !important; }
@media (max-width: 640px) {
  .uk-record .ukr .ukr-sign, .uk-record .ukr .ukr-sign-col { display: none; }
  .uk-record .ukr-cash .ukr-no, .uk-record .ukr-cash .ukr-basis { display: none; }
  .uk-record .ukr-cash th, .uk-record .ukr-cash td { padding: 3pt 3pt; font-size: 9pt; }
  .uk-record .ukr-cash th.ukr-num { white-space: normal; } }
"""


def record_preview(rec: DistributionRecord) -> str:
    """The record as shown inside the lesson page: the same content on a white sheet, as wide
    as the screen (the downloaded file is the one laid out for A4). On a phone, a name typed as
    one long word breaks inside its cell, and the signature column (for paper) is left out; so
    are the number and basis columns of a record rounded to cash, to leave room for both
    figures (the file keeps them all)."""
    return (f"<style>{STYLE}{PREVIEW_STYLE}</style>"
            '<div class="uk-record" style="background:#fff;border:1px solid #d0c7ba;'
            'border-radius:6px;padding:12px;max-width:100%;box-sizing:border-box">'
            f"{record_body(rec)}</div>")
