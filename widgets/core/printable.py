"""The A4 page shell every printout uses: the distribution record (*berita acara*), the
consignment agreement and the sheet of WhatsApp order labels.

Plain Python, no ipywidgets. :func:`a4_page` makes a complete HTML file that opens in any
browser and prints on A4: the page size and margins, a white page, the document's language and
its title. It loads nothing from outside, so it opens and prints on a laptop without internet.
Each document brings only its own look (``css``) and body. Everything a participant typed goes
through :func:`text` (or ``escape``) before it is put into a page, so ``<script>`` stays text.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from widgets.core.i18n import language

__all__ = ["A4_HEIGHT_MM", "A4_WIDTH_MM", "PRINT_COLORS", "PRINT_FONT", "a4_page", "escape",
           "page_rule", "rows_html", "text"]

A4_WIDTH_MM, A4_HEIGHT_MM = 210, 297
# Fonts every Debian/Ubuntu laptop and Android phone has; no web font to download.
PRINT_FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
# Browsers drop background colours when printing unless a rule asks to keep them.
PRINT_COLORS = "-webkit-print-color-adjust: exact; print-color-adjust: exact;"
_BASE = (f"html, body {{ margin: 0; background: #fff; }}\n"
         f"body {{ font-family: {PRINT_FONT}; color: #111; }}")


def text(value: object) -> str:
    """Any value as text that is safe inside HTML (quotes too, so also inside an attribute)."""
    return escape(str(value))


def rows_html(rows: Iterable[tuple[str, str]]) -> str:
    """Label/value table rows, both cells escaped: ``<tr><td>Harga</td><td>Rp15.000</td></tr>``."""
    return "".join(f"<tr><td>{text(label)}</td><td>{text(value)}</td></tr>"
                   for label, value in rows)


def page_rule(margin: str) -> str:
    """The CSS ``@page`` rule: A4 portrait with the given margins (``10mm``, ``14mm 15mm``)."""
    return f"@page {{ size: A4; margin: {margin}; }}"


def a4_page(title: str, body: str, css: str = "", *, margin: str = "15mm") -> str:
    """A complete HTML file for A4: ``title`` (escaped here) names the browser tab and the
    default PDF file name; ``body`` is HTML the caller has already escaped; ``css`` is the
    document's own style, after the page rule and the base (a white page without margins,
    :data:`PRINT_FONT` in near-black), so it may override either."""
    return (
        f'<!DOCTYPE html><html lang="{language()}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title>"
        f"<style>{page_rule(margin)}\n{_BASE}\n{css}</style></head>"
        f"<body>{body}</body></html>"
    )
