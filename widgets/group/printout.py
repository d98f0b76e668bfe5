"""The A4 page the group's printouts share (notulen, duty roster, role cards, money report): a
complete HTML file that opens in any browser and prints on A4, loading nothing from outside.
Plain Python, no ipywidgets.

The look follows the profit-sharing record (``widgets.sharing.record_print``): same font, same
table lines, same signature boxes. Everything a participant typed goes through :func:`text`
before it is put into a page, so ``<script>`` stays text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from widgets.core.i18n import language

PRINT_FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'

STYLE = f"""
.ukg {{ font-family: {PRINT_FONT}; color: #111; font-size: 10.5pt; line-height: 1.35; }}
.ukg h1 {{ font-size: 15pt; text-align: center; margin: 0 0 2pt; letter-spacing: .5pt; }}
.ukg .ukg-sub {{ text-align: center; margin: 0 0 8pt; }}
.ukg h2 {{ font-size: 11.5pt; margin: 9pt 0 2pt; break-after: avoid; page-break-after: avoid; }}
.ukg p {{ margin: 3pt 0; }}
.ukg ol, .ukg ul {{ margin: 2pt 0 4pt; padding-left: 18pt; }}
.ukg table {{ width: 100%; border-collapse: collapse; margin: 3pt 0 6pt;
  table-layout: auto !important; display: table !important; }}
.ukg th, .ukg td {{ border: 1px solid #444; padding: 3pt 5pt; text-align: left;
  vertical-align: top; overflow-wrap: normal !important; word-break: normal !important; }}
.ukg th {{ background: #eee; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
.ukg td.ukg-num, .ukg th.ukg-num {{ text-align: right; white-space: nowrap; }}
.ukg td.ukg-no {{ width: 1.6em; text-align: right; }}
.ukg td.ukg-sign {{ width: 24%; height: 18pt; }}
.ukg td.ukg-tick {{ width: 11%; }}
.ukg tr {{ page-break-inside: avoid; break-inside: avoid; }}
.ukg .ukg-info td:first-child {{ width: 30%; }}
.ukg .ukg-close {{ page-break-inside: avoid; break-inside: avoid; }}
.ukg .ukg-signs {{ display: flex; flex-wrap: wrap; justify-content: space-between;
  margin-top: 8pt; }}
.ukg .ukg-signs > div {{ width: 45%; text-align: center; margin-bottom: 8pt; }}
.ukg .ukg-line {{ height: 36pt; border-bottom: 1px solid #111; margin: 0 10% 3pt; }}
.ukg .ukg-foot {{ font-size: 8.5pt; color: #555; margin-top: 10pt; }}
.ukg .ukg-big {{ font-size: 13pt; font-weight: bold; }}
.ukg .ukg-card {{ border: 2px solid #111; border-radius: 8pt; padding: 8pt 12pt;
  margin: 0 0 10pt; page-break-inside: avoid; break-inside: avoid; }}
"""

PAGE_STYLE = """
@page { size: A4; margin: 14mm 15mm 14mm 15mm; }
html, body { background: #fff; margin: 0; }
@media screen { body { max-width: 180mm; margin: 0 auto; padding: 10mm 8mm; } }
"""


def text(value: object) -> str:
    """Any value as text that is safe inside HTML (quotes too)."""
    return escape(str(value))


def a4_page(title: str, body: str) -> str:
    """A complete HTML file for A4; ``body`` is HTML already escaped by the caller."""
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{PAGE_STYLE}{STYLE}</style></head>"
        f'<body><div class="ukg">{body}</div></body></html>'
    )


PREVIEW_STYLE = """
.uk-sheet .ukg table { font-size: 9pt; }
.uk-sheet .ukg th, .uk-sheet .ukg td { padding: 2pt 2pt; }
.uk-sheet .ukg td:not(.ukg-num), .uk-sheet .ukg th { overflow-wrap: break-word !important; }
.uk-sheet { overflow-x: auto; }
"""


def preview(body: str) -> str:
    """The document as shown inside the lesson page: the same content on a white sheet as wide
    as the screen (nothing to swipe sideways on a phone; a word typed without spaces breaks in
    its cell; tables are set a little smaller). The downloaded file is the one laid out for A4."""
    return (f"<style>{STYLE}{PREVIEW_STYLE}</style>"
            '<div class="uk-sheet" style="background:#fff;border:1px solid #d0c7ba;'
            'border-radius:6px;padding:8px;max-width:100%;box-sizing:border-box">'
            f'<div class="ukg">{body}</div></div>')


def table(head: Sequence[str], rows: Sequence[Sequence[str]], classes: Sequence[str] = ()
          ) -> str:
    """A table from texts (escaped here), with a header row unless ``head`` is empty;
    ``classes`` gives each column's cell class."""
    def cls(i: int) -> str:
        return f' class="{classes[i]}"' if i < len(classes) and classes[i] else ""

    # In <thead>, so a table that runs onto a second A4 page repeats its header row there.
    top = ("<thead><tr>" + "".join(f"<th{cls(i)}>{text(h)}</th>" for i, h in enumerate(head))
           + "</tr></thead>") if head else ""
    body = "".join("<tr>" + "".join(f"<td{cls(i)}>{text(c)}</td>" for i, c in enumerate(row))
                   + "</tr>" for row in rows)
    return f"<table>{top}{body}</table>"


def signatures(signers: Sequence[tuple[str, str]], where: str = "") -> str:
    """Signature boxes: (role, name); an empty name leaves a space on one line to write it."""
    def name_line(name: str) -> str:
        if name:
            return f"<div>({text(name)})</div>"
        return f'<div style="white-space:nowrap">({"&nbsp;" * 24})</div>'

    boxes = "".join(f'<div><div>{text(role)}</div><div class="ukg-line"></div>'
                    f"{name_line(name)}</div>" for role, name in signers)
    place = f'<p style="text-align:right;margin:8pt 0 0">{text(where)}</p>' if where else ""
    return f'{place}<div class="ukg-signs">{boxes}</div>'
