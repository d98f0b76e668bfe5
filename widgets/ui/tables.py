"""Money tables that fit a phone: one pattern for every table with several money columns.

On a projector or a laptop it is an ordinary table. On a phone (the page template's
``table.uk-cards`` rules, below 640 px) every row becomes a card: the row's name on top, then
one line per figure, ``label ........ Rp1.936.000``, so every figure is read whole and no two
run together, however many columns the table has.

Cells are HTML the caller has already escaped (amounts, a coloured difference, a ``<small>``
note); the column labels are plain text and escaped here. A cell that needs a class or data
attributes of its own (a hook for tests) is a ``Cell``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Cell:
    """A cell's HTML (already escaped), with extra classes and attributes for its ``<td>``."""

    html: str
    css: str = ""
    attrs: dict[str, str | int] | None = None


@dataclass(frozen=True)
class Row:
    """One row: its name (first cell, the card's title on a phone) and its figures."""

    name: str | Cell
    figures: Sequence[str | Cell]
    css: str = ""


def _cell(cell: str | Cell, css: str, label: str | None = None) -> str:
    if isinstance(cell, str):
        cell = Cell(cell)
    classes = " ".join(c for c in (css, cell.css) if c)
    attrs = "".join(f' {escape(k)}="{escape(str(v))}"' for k, v in (cell.attrs or {}).items())
    if label is None:
        return f'<td class="{classes}"{attrs}>{cell.html}</td>'
    # The span keeps the figure (and anything under it) together beside its label on a phone.
    return (f'<td class="{classes}" data-label="{escape(label)}"{attrs}>'
            f"<span>{cell.html}</span></td>")


def money_table(head: Sequence[str], rows: Sequence[Row], css: str = "") -> str:
    """A table whose first column names each row and whose other columns are figures: a table
    on a wide screen, a card per row on a phone. ``head`` labels every column, the first too."""
    if len(head) < 2:
        raise ValueError("a money table needs a name column and at least one figure column")
    labels = list(head[1:])
    body = []
    for row in rows:
        if len(row.figures) != len(labels):
            raise ValueError(f"row has {len(row.figures)} figures for {len(labels)} columns")
        cells = _cell(row.name, "uk-cards-name") + "".join(
            _cell(figure, "num", label) for figure, label in zip(row.figures, labels, strict=True))
        row_css = f' class="{escape(row.css)}"' if row.css else ""
        body.append(f"<tr{row_css}>{cells}</tr>")
    heads = f'<th class="uk-cards-name">{escape(head[0])}</th>' + "".join(
        f'<th class="num">{escape(label)}</th>' for label in labels)
    classes = " ".join(c for c in ("uk-cards", css) if c)
    return (f'<table class="{classes}"><thead><tr>{heads}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')
