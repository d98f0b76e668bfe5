"""The kit's colours and sizes, in one place: every view, table and chart takes them from here.

Plain Python, no ipywidgets. Warm, high-contrast colours that stay readable on a cheap phone in
daylight and on a projector; green and red always carry the same meaning (money in or a gain,
money out or a loss). The page template (``share/jupyter/voila/templates/usaha/*.j2``) cannot
import Python: it repeats some of these values, and ``tests/test_theme.py`` keeps it in step.
Printed documents keep their own black-and-white palette (``core.printable``).
"""

from __future__ import annotations

import re

# --- Colours ---------------------------------------------------------------------------------
ACCENT = "#b4541a"  # the kit's terracotta: buttons, bars, card edges, numbers to notice
HEADING = "#7a2e0e"  # headings and strong rules
GAIN = "#1a7f37"  # money in, profit, a share gained, "ok"
LOSS = "#b42318"  # money out, a loss, a share lost, an error
INFO = "#344054"  # information, a balance line
WARN = "#9a6700"  # advice: not wrong, worth a look
MUTED = "#667085"  # secondary text: sources, dates, platform names
TEXT = "#1f2328"  # body text of the page
TEXT_SOFT = "#555"  # small print under a value
TEXT_DARK = "#333"  # text on a white card, chart labels
PAGE_BG = "#f6f4ef"  # the page behind the cards
RULE = "#e4e0d8"  # lines between table rows
ROW_ALT = "#fbf8f3"  # every other table row
TABLE_HEAD = "#efe7dc"  # table header cells
CARD_BORDER = "#e6d5c3"  # the home page's lesson cards
SHEET_BORDER = "#d0c7ba"  # a white sheet inside the page (record preview, QR code)
INPUT_BORDER = "#d0d5dd"  # boxes that look like a phone's text field or post
HIGHLIGHT = "#fff4e5"  # a card that needs attention now
GAIN_BG, LOSS_BG, LOSS_TEXT = "#e6f4ea", "#fdecea", "#7a1c12"  # tinted result boxes
# Charts: axis labels, the zero line and the grid lines.
AXIS_TEXT, AXIS, GRID = "#444", "#888", "#ddd"
# One colour per series (sharing methods side by side), distinct on a projector.
SERIES = (MUTED, ACCENT, GAIN, "#6941c6", "#0e7090", WARN)
# A message's colour by its kind (``ui.common.notice_html``, the findings lists).
NOTICE = {"ok": GAIN, "error": LOSS, "info": INFO, "warn": WARN}

# --- Sizes -----------------------------------------------------------------------------------
TOUCH = "44px"  # the smallest button or control a thumb hits reliably
FIELD_WIDTH = "520px"  # a form field's widest, so a laptop line stays readable
NOTICE_SIZE = "15px"  # messages under a field
LABEL_SIZE = "16px"  # field labels


def themed(css: str) -> str:
    """``css`` with each ``@NAME@`` replaced by the theme value of that name, for style sheets
    written as plain strings (``@ACCENT@`` -> ``#b4541a``). An unknown name is an error."""

    def value(match: re.Match[str]) -> str:
        found = globals().get(match.group(1))
        if not isinstance(found, str):
            raise KeyError(f"no theme value {match.group(1)!r}")
        return found

    return re.sub(r"@([A-Z_]+)@", value, css)
