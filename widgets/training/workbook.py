"""The participant workbook on paper: A4 pages that mirror the lessons' exercises (the cash-book
week, the cost sheet, the sharing sheet, the post template and the duty roster), so a
participant without a phone, or with a flat battery, works on paper and a neighbour types the
results in. Plain Python, no ipywidgets.

Every story and figure is read from the village data through the topics' own loaders, never
typed here: another village's folder gives another village's workbook. The page shell is
:func:`widgets.core.printable.a4_page`; every text goes through ``printable.text``.

``python -m widgets.training.workbook [folder]`` (``make workbook``) writes the HTML file;
Chromium prints it to PDF (Ctrl+P, or ``--pdf``).
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from widgets.core.i18n import format_date, t, village_words_of
from widgets.core.money import format_rupiah
from widgets.core.notice import left_out_html
from widgets.core.printable import a4_page, text
from widgets.core.village import Village, load_village
from widgets.core.words import village_words

SECTIONS = ("cover", "roster", "cashbook", "cashbook-own", "cost", "sharing", "post")
DEFAULT_FOLDER = Path("build") / "workbook"
BLANK = "&nbsp;"
CSS = """
.wb-page { page-break-after: always; break-after: page; }
.wb-page:last-child { page-break-after: auto; break-after: auto; }
h1 { font-size: 20pt; margin: 0 0 4mm; } h2 { font-size: 15pt; margin: 0 0 3mm; }
h3 { font-size: 12pt; margin: 4mm 0 2mm; }
p, li { font-size: 11pt; line-height: 1.4; margin: 0 0 2mm; }
.wb-lesson { font-size: 10pt; color: #444; margin-bottom: 1mm; }
.wb-story { border-left: 3px solid #444; padding: 1mm 3mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 3mm; }
th, td { border: 1px solid #333; padding: 1mm 2mm; font-size: 10.5pt; text-align: left;
         vertical-align: top; }
th { background: #eee; }
td.wb-write { height: 6mm; } td.num, th.num { text-align: right; white-space: nowrap; }
.wb-box { border: 1px solid #333; min-height: 16mm; padding: 1mm 2mm; margin: 0 0 2mm; }
.wb-box b { font-size: 10pt; } .wb-tall { min-height: 30mm; }
.wb-answer { font-size: 12pt; margin: 3mm 0; }
.wb-small { font-size: 9pt; color: #444; }
"""


def _page(lesson: str, title: str, body: str, key: str) -> str:
    return (f'<section class="wb-page" data-section="{key}">'
            f'<p class="wb-lesson">{text(lesson)}</p><h2>{text(title)}</h2>{body}</section>')


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], numeric: Sequence[int] = (),
           blank_rows: int = 0) -> str:
    """``rows`` are escaped texts; an empty cell becomes a box to write in."""
    def cell(i: int, value: str, tag: str = "td") -> str:
        css = " ".join(c for c in ("num" if i in numeric else "",
                                   "wb-write" if not value and tag == "td" else "") if c)
        return f'<{tag}{f" class={css!r}" if css else ""}>{value or BLANK}</{tag}>'

    top = "".join(cell(i, text(h), "th") for i, h in enumerate(head))
    body = [rows_ for rows_ in rows] + [[""] * len(head) for _ in range(blank_rows)]
    lines = "".join("<tr>" + "".join(cell(i, v) for i, v in enumerate(r)) + "</tr>"
                    for r in body)
    return f"<table><tr>{top}</tr>{lines}</table>"


def _answer(label: str) -> str:
    return f'<p class="wb-answer">{text(label)} ______________________</p>'


def _box(label: str, hint: str = "", tall: bool = False) -> str:
    hint_html = f' <span class="wb-small">{text(hint)}</span>' if hint else ""
    return f'<div class="wb-box{" wb-tall" if tall else ""}"><b>{text(label)}</b>{hint_html}</div>'


# --- The pages ----------------------------------------------------------------------------------


def cover_page(village: Village) -> str:
    groups = ", ".join(g.name for g in village.groups.values())
    body = (f"<p>{text(t('workbook.place', village=village.name, district=village.district))}</p>"
            f"<p>{text(groups)}</p>"
            + _box(t("workbook.name")) + _box(t("workbook.group"))
            + f"<h3>{text(t('workbook.how_title'))}</h3><ol>"
            + "".join(f"<li>{text(t(f'workbook.how_{i}'))}</li>" for i in range(1, 4)) + "</ol>"
            + f'<p class="wb-small">{text(t("workbook.invented"))}</p>')
    return (f'<section class="wb-page" data-section="cover"><h1>{text(t("workbook.title"))}</h1>'
            f"{body}</section>")


def cashbook_page(village: Village) -> str:
    from widgets.cashbook.data import load_cashbook

    week = load_cashbook(village).exercise_week()
    head = [t("workbook.col_day"), t("workbook.col_what"), t("workbook.col_in"),
            t("workbook.col_out"), t("workbook.col_balance")]
    opening = ["", text(t("workbook.opening")), "", "", text(format_rupiah(week.opening_balance))]
    body = (f'<p class="wb-story"><b>{text(week.title_text())}</b><br>'
            f"{text(week.story_text())}</p>"
            + _table(head, [opening], numeric=(2, 3, 4), blank_rows=len(week.entries) + 4)
            + _answer(t("workbook.closing")) + _answer(t("workbook.profit")))
    own = _table(head, [["", text(t("workbook.opening")), "", "", ""]], numeric=(2, 3, 4),
                 blank_rows=22)
    return (_page(t("workbook.lesson_cashbook"), t("workbook.cashbook_title"), body, "cashbook")
            + _page(t("workbook.lesson_cashbook"), t("workbook.own_book_title"), own,
                    "cashbook-own"))


def cost_page(village: Village) -> str:
    from widgets.core.numbers import format_quantity
    from widgets.pricing.data import load_pricing
    from widgets.pricing.exercises import cost_story

    data = load_pricing(village)
    intro, _lines = cost_story(data)
    sheet = data.cost_exercise.sheet
    product = data.product(data.cost_exercise.product).name.lower()
    materials = [[text(m.name), text(f"{format_quantity(m.quantity)} {m.unit}"),
                  text(format_rupiah(m.unit_price)), ""] for m in sheet.materials]
    steps = [
        t("workbook.cost_materials", units=sheet.batch_units, product=product),
        t("workbook.cost_material_one"),
        t("workbook.cost_labour", minutes=sheet.labour.minutes or 0,
          per_hour=format_rupiah(sheet.labour.per_hour or 0)),
        t("workbook.cost_overheads", overheads=format_rupiah(sum(o.monthly
                                                                 for o in sheet.overheads)),
          units=sheet.units_per_month),
        t("workbook.cost_total", product=product),
    ]
    body = (f'<p class="wb-story">{text(intro)}</p>'
            + _table([t("workbook.col_material"), t("workbook.col_quantity"),
                      t("workbook.col_unit_price"), t("workbook.col_cost")], materials,
                     numeric=(2, 3))
            + _table([t("workbook.col_step"), t("workbook.col_amount")],
                     [[text(f"{i}. {s}"), ""] for i, s in enumerate(steps, 1)], numeric=(1,)))
    return _page(t("workbook.lesson_cost"), t("workbook.cost_title"), body, "cost")


def sharing_page(village: Village) -> str:
    from widgets.sharing.data import load_sharing
    from widgets.sharing.examples import goat_sale, livestock_key
    from widgets.sharing.exercises import questions

    group = livestock_key(village)
    question = next((q for q in questions(village) if q.key == "ngarit"), None)
    if group is None or question is None:
        return _page(t("workbook.lesson_sharing"), t("workbook.sharing_title"),
                     left_out_html("no_livestock" if group is None else "no_data",
                                   what="files.herd, files.roster"), "sharing")
    sale = goat_sale(village)
    days = load_sharing(village).feed_days(group, until=sale.day)
    names = {m.id: m.name for m in village.group(group).members}
    rows = [[text(names.get(member, member)), text(str(count)), "", ""]
            for member, count in days.items()]
    rows.append([f"<b>{text(t('workbook.total'))}</b>", text(str(sum(days.values()))),
                 text(format_rupiah(sale.price or 0)), text(format_rupiah(sale.price or 0))])
    info = village.group(group)
    story = t("workbook.sharing_story", day=format_date(sale.day), group=info.called,
              animal=info.animal or info.called,
              total=format_rupiah(sale.price or 0))
    body = (f'<p class="wb-story">{text(story)}</p>'
            + _table([t("workbook.col_member"), t("workbook.col_days"),
                      t("workbook.col_equal"), t("workbook.col_by_days")], rows,
                     numeric=(1, 2, 3))
            + f"<h3>{text(question.title)}</h3><p>{text(question.text)}</p>"
            + _answer(t("workbook.sharing_answer"))
            + f'<p class="wb-small">{text(t("workbook.sharing_check"))}</p>')
    return _page(t("workbook.lesson_sharing"), t("workbook.sharing_title"), body, "sharing")


def post_page(village: Village) -> str:
    from widgets.promotion.data import load_promotion
    from widgets.promotion.platform_rules import load_rules

    rules = load_rules()
    instagram = rules.posts["instagram"]
    products = ", ".join(f"{p.name} ({format_rupiah(p.price)})"
                         for g in village.groups.values() for p in g.products)
    parts = [("hook", True), ("product", False), ("details", False), ("benefit", True),
             ("price", False), ("order", False), ("contact", False), ("hashtags", False)]
    hints = {"hook": t("workbook.post_hook_hint", chars=instagram.preview_chars.value
                       if instagram.preview_chars else 0),
             "hashtags": t("workbook.post_tags_hint", max=instagram.hashtags_max.value,
                           tags=" ".join(load_promotion(village).hashtags))}
    livestock = village.livestock_group()
    animal = (livestock.animal or livestock.called) if livestock else ""
    goats = t("workbook.post_goats", source=rules.live_animals.source, animal=animal,
              Animal=animal[:1].upper() + animal[1:],
              date=format_date(rules.live_animals.as_of)) if livestock else ""
    body = (f"<p>{text(t('workbook.post_intro'))}</p>"
            f'<p class="wb-small">{text(t("workbook.post_products", products=products))}</p>'
            + "".join(_box(t(f"workbook.post_{key}"), hints.get(key, ""), tall)
                      for key, tall in parts)
            + f'<p class="wb-small">{text(goats)}</p>')
    return _page(t("workbook.lesson_post"), t("workbook.post_title"), body, "post")


def roster_page(village: Village) -> str:
    from widgets.group.data import load_group_lesson

    example = load_group_lesson(village).roster_example
    group = village.group(example.group)
    away = "; ".join(f"{name}: " + ", ".join(format_date(d) for d in days)
                     for name, days in example.away.items())
    head = ([t("workbook.col_day")]
            + [t("workbook.col_on_duty", n=n) for n in range(1, example.per_day + 1)]
            + [t("workbook.col_initial")])
    rows = [[text(format_date(example.start + dt.timedelta(days=i)))]
            + [""] * (example.per_day + 1) for i in range(example.days)]
    counts = _table([t("workbook.col_member"), t("workbook.col_turns")],
                    [[text(m.name), ""] for m in group.members], numeric=(1,))
    story = t("workbook.roster_story", group=group.name, start=format_date(example.start),
              end=format_date(example.end), per_day=example.per_day,
              members=len(group.members))
    body = (f'<p class="wb-story">{text(story)}'
            + (f"<br>{text(t('workbook.roster_away', away=away))}" if away else "") + "</p>"
            + _table(head, rows) + f"<h3>{text(t('workbook.roster_counts'))}</h3>" + counts)
    return _page(t("workbook.lesson_roster"), t("workbook.roster_title"), body, "roster")


def workbook_body(village: Village | None = None) -> str:
    village = village or load_village()
    return "".join(page(village) for page in (cover_page, roster_page, cashbook_page, cost_page,
                                              sharing_page, post_page))


def workbook_html(village: Village | None = None) -> str:
    """The workbook of ``village`` (default: the one the kit serves), in its own words."""
    village = village or load_village()
    with village_words_of(village_words(village)):
        title = t("workbook.file_title", village=village.name)
        return a4_page(title, workbook_body(village), CSS, margin="12mm 12mm 14mm")


def file_name(village: Village) -> str:
    return f"buku-kerja-{village.key}.html"


def write(folder: Path = DEFAULT_FOLDER, village: Village | None = None) -> Path:
    """Write the workbook's HTML into ``folder``; returns the file."""
    village = village or load_village()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(village)
    path.write_text(workbook_html(village), encoding="utf-8")
    return path


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the participant workbook (A4 HTML).")
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args(argv)
    path = write(args.folder)
    print(t("workbook.written", path=str(path)))


if __name__ == "__main__":
    main()
