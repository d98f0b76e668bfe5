"""The projector layout every big-screen view shares: the page's full width, body text at
least 24 px, key figures at least 32 px, black on white, and no sign-in box (the projector
pages build none). A view is put in it by :func:`projector`, which only adds a CSS class and
this stylesheet, so the topic's view itself stays as it is on a phone.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

PROJECTOR_CSS = """<style>
body.usaha-kita:has(.uk-projector) { background: #fff; color: #000; }
body.usaha-kita #rendered_cells:has(.uk-projector) { max-width: none; padding: 10px 28px 24px; }
body.usaha-kita:has(.uk-projector) .jp-RenderedHTMLCommon { font-size: 24px; }
.uk-projector { width: 100%; color: #000; }
.uk-projector .widget-html-content, .uk-projector .uk-msg, .uk-projector label,
.uk-projector .widget-label, .uk-projector input, .uk-projector select, .uk-projector textarea,
.uk-projector button, .uk-projector .widget-checkbox span, .uk-projector table,
.uk-projector .lm-TabBar-tab, .uk-projector .widget-radio-box label {
  font-size: 24px !important; line-height: 1.3 !important; }
.uk-projector .uk-msg { color: #111 !important; }
/* Views written for phones set small inline sizes (notes, deltas, sources): 24 px here. */
.uk-projector .widget-html-content [style*="font-size:1"],
.uk-projector .widget-html-content [style*="font-size: 1"], .uk-projector small,
.uk-projector .widget-html-content li, .uk-projector .widget-html-content p,
.uk-projector .widget-html-content td, .uk-projector .widget-html-content th {
  font-size: 24px !important; }
/* Tight rows, so a table of ten members fits a 720 px screen. */
.uk-projector table th, .uk-projector table td { padding: 2px 10px !important;
  line-height: 1.12 !important; }
.uk-projector table small, .uk-projector table .uk-bh-diff { font-size: 24px !important; }
.uk-projector h1.uk-projector-title { font-size: 40px; margin: 4px 0 8px; color: #5a1f05; }
.uk-projector h3, .uk-projector h4 { font-size: 32px !important; margin: 10px 0 6px !important;
  color: #5a1f05 !important; }
.uk-projector b, .uk-projector strong, .uk-projector .num { font-size: inherit; }
.uk-projector .uk-key, .uk-projector .uk-board-num, .uk-projector .uk-board-figure b {
  font-size: 36px !important; font-weight: 800; }
.uk-projector .widget-text, .uk-projector .widget-dropdown, .uk-projector .widget-textarea,
.uk-projector .jupyter-widgets.widget-inline-hbox { max-width: none !important; }
.uk-projector .widget-text input, .uk-projector .widget-dropdown select { min-height: 48px; }
.uk-projector svg { max-width: 100% !important; height: auto; }
.uk-projector .uk-signin-name, .uk-projector .uk-signin-pin { display: none !important; }
</style>"""


def projector(view: w.Widget, title: str = "") -> w.VBox:
    """``view`` in the projector layout, with an optional big title."""
    head = [w.HTML(f'<h1 class="uk-projector-title">{escape(title)}</h1>')] if title else []
    box = w.VBox([w.HTML(PROJECTOR_CSS), *head, view], layout=w.Layout(width="100%"))
    box.add_class("uk-projector")
    box.add_class("uk-trainer-wide")
    return box
