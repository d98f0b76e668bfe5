"""The activity report's files, drawn from one list of blocks (``report.build_report``):
A4 printable HTML (the browser prints it to PDF), an editable Word file (python-docx) and an
Excel annex with the raw tables (openpyxl). The Word file carries the chart as a PNG drawn with
Pillow from the same numbers. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape

from widgets.training.report import Block

A4_STYLE = """
@page { size: A4; margin: 20mm 18mm 20mm 22mm; }
body { font-family: "Times New Roman", "Liberation Serif", serif; font-size: 12pt; color: #000;
  line-height: 1.45; max-width: 170mm; margin: 0 auto; }
h1.title { text-align: center; font-size: 15pt; margin: 0 0 4px; }
p.subtitle { text-align: center; margin: 0 0 18px; }
h1 { font-size: 13pt; margin: 18px 0 6px; }
h2 { font-size: 12pt; margin: 12px 0 4px; }
p { margin: 4px 0 8px; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-size: 10.5pt;
  page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 5px; vertical-align: top; text-align: left; }
th { background: #eee; }
table.attendance td { height: 11mm; }
table.attendance td:last-child { width: 42mm; white-space: pre; }
.chart svg { max-width: 115mm !important; margin: 4px auto; }
.signature { margin: 24px 0 0 55%; white-space: pre-line; }
.pagebreak { page-break-after: always; break-after: page; }
@media screen { body { padding: 16px; } }
"""


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def block_html(block: Block) -> str:
    if block.kind == "title":
        return f'<h1 class="title">{escape(block.text)}</h1>'
    if block.kind in ("h1", "h2"):
        return f"<{block.kind}>{escape(block.text)}</{block.kind}>"
    if block.kind == "p":
        return f"<p>{_cell(block.text)}</p>"
    if block.kind == "chart":
        return f'<div class="chart">{block.svg}</div>'
    if block.kind == "signature":
        return f'<div class="signature">{escape(block.text)}</div>'
    if block.kind == "pagebreak":
        return '<div class="pagebreak"></div>'
    head = "".join(f"<th>{escape(h)}</th>" for h in block.headers)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>"
                   for row in block.rows) or f'<tr><td colspan="{len(block.headers)}">–</td></tr>'
    return f'<table class="{escape(block.text)}"><thead><tr>{head}</tr></thead>{body}</table>'


def report_html(blocks: Sequence[Block], title: str) -> str:
    """A whole A4 document: open it in the browser and print (Ctrl-P) to PDF."""
    parts = []
    for n, block in enumerate(blocks):
        html = block_html(block)
        if block.kind == "p" and n and blocks[n - 1].kind == "title":
            html = html.replace("<p>", '<p class="subtitle">', 1)
        parts.append(html)
    return (f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{A4_STYLE}</style></head>"
            f"<body>{''.join(parts)}</body></html>")


def chart_png(labels: Sequence[str], series: dict[str, Sequence[int]],
              colors: Sequence[str]) -> bytes:
    """Grouped horizontal percentage bars as a PNG for Word (same numbers as the SVG)."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=22)
    row, bar = 34 + 26 * len(series), 22
    width, left, right = 1400, 520, 1300
    image = Image.new("RGB", (width, 50 + row * len(labels)), "white")
    draw = ImageDraw.Draw(image)
    for s, (name, color) in enumerate(zip(series, colors, strict=False)):
        draw.rectangle((left + s * 220, 10, left + s * 220 + 24, 34), fill=color)
        draw.text((left + s * 220 + 32, 10), name, fill="black", font=font)
    for g, label in enumerate(labels):
        y = 50 + g * row
        draw.text((10, y + 4), label[:40], fill="black", font=font)
        for s, (values, color) in enumerate(zip(series.values(), colors, strict=False)):
            top = y + 4 + s * (bar + 4)
            end = left + (right - left) * max(0, min(values[g], 100)) / 100
            draw.rectangle((left, top, max(end, left + 1), top + bar), fill=color)
            draw.text((end + 8, top), f"{values[g]}%", fill="black", font=font)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def report_docx(blocks: Sequence[Block], chart: bytes | None) -> bytes:
    """The same blocks as an editable Word file (A4, Times New Roman 12)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(2.2), Cm(1.8)
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    for block in blocks:
        if block.kind == "title":
            heading = doc.add_heading(block.text, level=0)
            heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind in ("h1", "h2"):
            doc.add_heading(block.text, level=1 if block.kind == "h1" else 2)
        elif block.kind in ("p", "signature"):
            paragraph = doc.add_paragraph(block.text)
            if block.kind == "signature":
                paragraph.paragraph_format.left_indent = Cm(9)
        elif block.kind == "chart" and chart:
            doc.add_picture(io.BytesIO(chart), width=Cm(16))
        elif block.kind == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            table = doc.add_table(rows=1, cols=len(block.headers))
            table.style = "Table Grid"
            for cell, text in zip(table.rows[0].cells, block.headers, strict=True):
                cell.text = text
                for run in cell.paragraphs[0].runs:
                    run.bold = True
            for row in block.rows:
                for cell, text in zip(table.add_row().cells, row, strict=True):
                    cell.text = text.strip()
            doc.add_paragraph()
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def tables_xlsx(sheets: dict[str, Block]) -> bytes:
    """One sheet per table block (the raw figures), headers bold and frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for name, block in sheets.items():
        sheet = book.create_sheet(name[:31])
        sheet.append(list(block.headers))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in block.rows:
            sheet.append([_number(c) for c in row])
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            longest = max(len(str(c.value or "")) for c in column)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, longest + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _number(text: str) -> object:
    """Whole numbers as numbers, so the spreadsheet can add them; everything else as text."""
    return int(text) if text.isdigit() and len(text) < 12 else text
