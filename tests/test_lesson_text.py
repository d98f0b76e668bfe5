"""What a participant reads in the lessons (issue 14): plain words, figures that come from the
village data, invented examples labelled as invented, and headings that say what to do.

- Catalog ``id`` texts and lesson prose use no ≤ or ≥ (written out in words) and not the word
  "kit" (test_project checks "kit"; here the symbols).
- One word for profit within a lesson: *laba* or *untung*, not both (notebook and its topic's
  catalog).
- No bare "**Latihan N:**" heading: every exercise heading says what to do.
- Every invented table carries "contoh karangan untuk latihan", in its view or just above it.
- **Figures come from data.** A rupiah amount, a count of goats or members, or a date that exists
  in the village data (``datasets/<village>/``) and is typed into a lesson's prose fails: the
  lesson must render it from the data through a view, so another village's files give another
  village's lesson. What counts:
    * rupiah: ``Rp25.000``, ``25rb``/``25 ribu``, ``1,5 jt``/``2 juta`` (also inside backticks);
    * counts: a number before *ekor, kambing, cempe, jantan, betina, induk, anggota, orang*;
    * dates: ``14 Desember 2019`` (or ``14 Desember`` when the data has that day in any year).
  Not counted: text in backticks, which shows how to type an amount into a field (`150rb`),
  and a citation "(wawancara 14 Desember 2019)". A figure in the data is any whole number of
  Rp500 or more or any date in the village's CSV and YAML files; a count is what the data
  counts: members per group, the reported member counts, the herd's sizes, deaths and sales.
  :data:`ALLOWED` lists the legitimate constants with their reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
import yaml
from yaml_tree import nodes

from widgets.core.i18n import t
from widgets.core.village import DATASETS_DIR, load_village
from widgets.kit.lessons import LESSONS_DIR
from widgets.sharing.data import load_sharing

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "widgets" / "locale"
LABEL = "contoh karangan untuk latihan"
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
          "September", "Oktober", "November", "Desember")


def lessons() -> list[Path]:
    return sorted(LESSONS_DIR.glob("0[1-9]-*.ipynb"))


def cell_text(cell) -> str | None:
    """What a participant reads from a cell: a Markdown cell's text, or the village paragraph a
    story cell ``{{ cerita(lesson, key) }}`` shows (Jepara's ``cerita.yaml``); None for code."""
    from widgets.core.stories import story, story_cell

    if cell.cell_type != "markdown":
        return None
    named = story_cell(cell.source)
    return cell.source if named is None else story(load_village("jepara"), *named) or ""


def markdown(path: Path) -> list[str]:
    """The lesson's prose in page order: its Markdown cells and its village paragraphs."""
    texts = (cell_text(c) for c in nbformat.read(path, as_version=4).cells)
    return [text for text in texts if text is not None]


def topic_of(path: Path) -> str:
    """The topic whose lesson module the notebook imports (widgets.<topic>.ui.lesson...)."""
    cells = nbformat.read(path, as_version=4).cells
    code = "\n".join(c.source for c in cells if c.cell_type == "code")
    found = set(re.findall(r"from widgets\.(\w+)\.ui\.lesson", code))
    assert len(found) == 1, (path.name, found)
    return found.pop()


def catalog_ids(stem: str) -> list[str]:
    """Every ``id`` text of one catalog file."""
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("id"), str):
                found.append(node["id"])
            for value in node.values():
                walk(value)

    walk(yaml.safe_load((LOCALE / f"{stem}.yaml").read_text(encoding="utf-8")))
    return found


# --- Words ----------------------------------------------------------------------------------

SYMBOLS = re.compile(r"[≤≥]|<=|>=")


def symbol_problems(texts: dict[str, list[str]]) -> list[str]:
    return [f"{where}: {text[:70]}" for where, items in texts.items() for text in items
            if SYMBOLS.search(text)]


def test_no_comparison_symbols_on_participant_screens():
    """'omzet ≤ Rp500.000.000' is read as 'omzet paling banyak Rp500.000.000'."""
    texts = {f"{p.stem}.yaml": catalog_ids(p.stem) for p in LOCALE.glob("*.yaml")
             if p.stem != "kit"}  # kit.yaml: terminal lines for whoever sets up the laptop
    texts |= {p.name: markdown(p) for p in lessons()}
    assert not symbol_problems(texts)
    assert symbol_problems({"planted": ["omzet ≤ {limit}", "paling banyak"]}) == [
        "planted: omzet ≤ {limit}"]


PROFIT = {"laba": re.compile(r"\blaba\b", re.I), "untung": re.compile(r"\buntung\b", re.I)}


def profit_words(texts: list[str]) -> set[str]:
    return {word for word, pattern in PROFIT.items() if any(pattern.search(x) for x in texts)}


def test_one_word_for_profit_within_a_lesson():
    """A lesson says *laba* or *untung* for profit, not both ('menguntungkan' is another word)."""
    for path in lessons():
        words = profit_words(markdown(path) + catalog_ids(topic_of(path)))
        assert len(words) <= 1, (path.name, words)
    assert profit_words(["Laba usaha", "ikut untung besar"]) == {"laba", "untung"}
    assert profit_words(["lebih menguntungkan", "laba"]) == {"laba"}


BARE_EXERCISE = re.compile(r"^\s*\*\*Latihan\s*\d*\s*:?\s*\*\*\s*:?\s*$", re.M | re.I)


def test_no_bare_exercise_heading():
    """'**Latihan 3:**' alone on a line tells the participant nothing; say what to do."""
    for path in lessons():
        for text in markdown(path):
            assert not BARE_EXERCISE.search(text), (path.name, text[:80])
    assert BARE_EXERCISE.search("Isi tabel.\n\n**Latihan 3:**\n")
    assert not BARE_EXERCISE.search("**Latihan 3:** tulis nomor WhatsApp kelompok")
    assert not BARE_EXERCISE.search("## Latihan\n\nMasuk dengan nama dan PIN.")  # a section


def test_every_lesson_links_back_home_and_ends_with_its_sources():
    for path in lessons():
        cells = markdown(path)
        assert "](./00-beranda.ipynb)" in cells[-1], path.name
        assert "Sumber:" in cells[-1] + cells[-2], path.name  # the village's part may be a story


def village_names(folder: Path) -> list[str]:
    """What names a village in its profile: the village and its region, each group's short
    name, code, kind (but ``ternak``), animal, sale season, feed duty and materials, each
    product's word and short name (Jepara: Jepara, Lampung Timur, kelompok konveksi, kambing,
    keset, Idul Adha, ngarit, kain perca...)."""
    v = load_village(folder.name, root=folder.parent)
    found = {v.name, v.district, v.regency, v.province}
    for group in v.groups.values():
        found |= {group.short_name, group.key, group.animal, group.sale_season, group.duty}
        found |= {group.materials.split(",")[0].strip()}  # the main one (kain perca)
        found |= {group.kind} - {"ternak"}
        found |= {p.word for p in group.products} | {p.short_name for p in group.products}
    return sorted((x for x in found if x), key=len, reverse=True)


def typed_names(texts: list[str], names: list[str]) -> list[str]:
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])", re.I)
    return [m.group(0) for text in texts for m in pattern.finditer(text)]


def name_problems(folder: Path, notebooks: list[Path]) -> list[str]:
    names = village_names(folder)
    problems = []
    for path in notebooks:
        cells = [c.source for c in nbformat.read(path, as_version=4).cells
                 if c.cell_type == "markdown"]
        problems += [f"{path.name}: {name}" for name in typed_names(cells, names)]
    return problems


def test_no_village_name_is_typed_into_a_lesson():
    """The village, its groups, products and season come from its files: a lesson's Markdown
    names none of them, it shows the village's paragraph (a story cell) or a view instead."""
    home = LESSONS_DIR / "00-beranda.ipynb"
    decks = sorted((ROOT / "slides").glob("*.ipynb"))
    problems = name_problems(DATASETS_DIR / "jepara", [home, *lessons(), *decks])
    assert not problems, "typed into the prose, move them to cerita.yaml:\n" + "\n".join(
        problems)


def test_the_name_check_finds_planted_names(tmp_path):
    planted = tmp_path / "02-planted.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(
        "Di Desa Jepara, kelompok konveksi menjual Keset bulat. Kambingnya? Jual ke pasar; "
        "buku kas dan kas-keset-an tidak dihitung."),
        nbformat.v4.new_markdown_cell('{{ cerita("02-buku-kas", "teks_01") }}'),
        nbformat.v4.new_code_cell('show_costs()  # keset')]
    nbformat.write(nb, planted)
    assert name_problems(DATASETS_DIR / "jepara", [planted]) == [
        "02-planted.ipynb: Jepara", "02-planted.ipynb: kelompok konveksi",
        "02-planted.ipynb: Keset bulat"]


# --- Invented tables carry a label ----------------------------------------------------------


def invented_views() -> dict[str, list[str]]:
    """For each lesson, the calls that show invented village data as a table or figures."""
    return {
        "01-komunikasi-kelompok.ipynb": ["show_roster_example"],
        "02-buku-kas.ipynb": ["show_worked_example", "show_worked_summary",
                              "show_credit_example", "show_herd_book",
                              "show_herd_cash"],
        "03-harga.ipynb": ["show_cashbook_facts", "show_goat_records", "show_investor_case"],
        "04-bagi-hasil.ipynb": ["show_roster", "show_goat_sale", "show_sewing_month",
                                "show_shu", "show_gaduh", "show_investor"],
    }


def view_html(topic: str, call: str) -> str:
    """The HTML the lesson's ``show_x`` displays, from its ``x_html`` twin."""
    import importlib

    module = importlib.import_module(f"widgets.{topic}.ui.lesson")
    name = call.removeprefix("show_") + "_html"
    return getattr(module, name)() if hasattr(module, name) else ""


def test_every_invented_table_says_it_is_invented():
    for file, calls in invented_views().items():
        path = LESSONS_DIR / file
        cells = nbformat.read(path, as_version=4).cells
        topic = topic_of(path)
        for call in calls:
            index = next(i for i, c in enumerate(cells)
                         if c.cell_type == "code" and f"{call}(" in c.source)
            above = cell_text(cells[index - 1]) or ""
            shown = above + view_html(topic, call)
            assert LABEL in shown.lower(), (file, call)


def test_goat_records_are_labelled_on_screen():
    from widgets.pricing.ui.lesson import goat_records_html

    assert LABEL in goat_records_html().lower()


# --- Figures come from data -----------------------------------------------------------------

# Constants that may be typed into the prose, with their reason: (lesson, figure as typed).
ALLOWED: dict[tuple[str, str], str] = {
    ("*", "17 Agustus"): "Independence Day, a fixed national holiday (FACTS.md, seasons)",
    ("03-harga.ipynb", "Rp10.000"): "arithmetic illustration of a margin, not a village cost",
    ("03-harga.ipynb", "Rp12.000"): "arithmetic illustration of a margin, not a village price",
    ("04-bagi-hasil.ipynb", "Rp12.000"): "illustration of rounding down to Rp1.000",
    ("04-bagi-hasil.ipynb", "Rp1.000"): "a cash unit the calculator offers (sharing/cash.py)",
    ("04-bagi-hasil.ipynb", "Rp500"): "a cash unit the calculator offers (sharing/cash.py)",
    ("05-promosi-media-sosial.ipynb", "Rp15.000"): "how to write a price (PUEBI), not a figure",
}

_UNIT = {"rb": 1_000, "ribu": 1_000, "k": 1_000, "jt": 1_000_000, "juta": 1_000_000}
RUPIAH = re.compile(r"Rp\.?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\s?(?:rb|ribu|jt|juta)\b)"
                    r"|(?:Rp\s?)?(\d+(?:[.,]\d+)?)\s?(rb|ribu|jt|juta)\b", re.I)
COUNT = re.compile(r"\b(\d+)\s+(ekor|kambing|cempe|jantan|betina|induk|anggota|orang)\b", re.I)
DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(MONTHS)})(?:\s+(\d{{4}}))?\b")
CITATION = re.compile(r"wawancara[^)]*", re.I)  # "(wawancara 14 Desember 2019)" cites a source
CODE = re.compile(r"`[^`]*`")  # `150rb`: how to type an amount, not a figure


def _numbers_and_dates(tree: object) -> Iterator[int | dt.date]:
    for value in nodes(tree):
        if isinstance(value, bool):
            continue
        if isinstance(value, int | dt.date):
            yield value
        elif isinstance(value, str):
            if re.fullmatch(r"-?\d+", value.strip()):
                yield int(value)
            elif re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
                yield dt.date.fromisoformat(value.strip())


def village_figures(folder: Path) -> tuple[set[int], set[int], set[dt.date]]:
    """(amounts, counts, dates) in a village's data files."""
    values: list[int | dt.date] = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".csv":
            with path.open(encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    values += _numbers_and_dates(list(row.values()))
        elif path.suffix in (".yaml", ".yml"):
            values += _numbers_and_dates(yaml.safe_load(path.read_text(encoding="utf-8")))
    amounts = {abs(v) for v in values if isinstance(v, int) and abs(v) >= 500}
    dates = {v for v in values if isinstance(v, dt.date)}
    village = load_village(folder.name, root=folder.parent)
    counts = {len(g.members) for g in village.groups.values()}
    counts |= {v for g in village.groups.values() for v in g.reported.values()
               if isinstance(v, int)}
    herd = load_sharing(village)
    counts |= {s.total for s in herd.herd_size_by_date()}
    counts |= {abs(e.does + e.bucks) for e in herd.herd_events()}
    return amounts, counts, dates


def _rupiah(match: re.Match[str]) -> int:
    if match.group(1):
        return int(match.group(1).replace(".", ""))
    number, unit = match.group(2).replace(",", "."), match.group(3).lower()
    return round(float(number) * _UNIT[unit])


def typed_figures(text: str, amounts: set[int], counts: set[int],
                  dates: set[dt.date]) -> list[str]:
    """The figures in ``text`` that are also in the data (as typed)."""
    text = CODE.sub("", CITATION.sub("", text))
    found = [m.group(0).strip() for m in RUPIAH.finditer(text) if _rupiah(m) in amounts]
    found += [m.group(0) for m in COUNT.finditer(text) if int(m.group(1)) in counts]
    for m in DATE.finditer(text):
        day, month = int(m.group(1)), MONTHS.index(m.group(2)) + 1
        year = int(m.group(3)) if m.group(3) else None
        if any(d.day == day and d.month == month and year in (None, d.year) for d in dates):
            found.append(m.group(0))
    return found


def figure_problems(folder: Path, notebooks: list[Path]) -> list[str]:
    amounts, counts, dates = village_figures(folder)
    problems = []
    for path in notebooks:
        for text in markdown(path):
            for figure in typed_figures(text, amounts, counts, dates):
                if (path.name, figure) in ALLOWED or ("*", figure) in ALLOWED:
                    continue
                problems.append(f"{path.name}: {figure}")
    return problems


def test_figures_in_the_lessons_come_from_the_data():
    problems = figure_problems(DATASETS_DIR / "jepara", lessons())
    assert not problems, "typed into the prose, render them from the data:\n" + "\n".join(
        problems)


def test_the_figure_check_finds_planted_figures(tmp_path):
    """A figure from the data typed into a notebook fails; the same sentence with a figure
    that is not in the data, or the figure in a citation, passes."""
    planted = tmp_path / "02-planted.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell(
        "Sekolah membayar uang muka Rp800.000 pada 4 November 2019. Kelompok kambing punya "
        "40 ekor, dan sisanya 1,1 jt. Bandingkan: Rp801.000, 99 ekor, 5 November 2031. "
        "Tulis `1,1 jt`. "
        "(wawancara 14 Desember 2019)")]
    nbformat.write(nb, planted)
    found = figure_problems(DATASETS_DIR / "jepara", [planted])
    assert found == ["02-planted.ipynb: Rp800.000", "02-planted.ipynb: 1,1 jt",
                     "02-planted.ipynb: 40 ekor", "02-planted.ipynb: 4 November 2019"]


@pytest.mark.parametrize(("text", "value"), [
    ("Rp1.500.000", 1_500_000), ("Rp 25.000", 25_000), ("150rb", 150_000),
    ("1,5 jt", 1_500_000), ("2 juta", 2_000_000), ("Rp500rb", 500_000)])
def test_rupiah_as_people_write_it(text, value):
    match = RUPIAH.search(text)
    assert match and _rupiah(match) == value


def test_the_label_is_the_catalogs():
    """The data's own label (konveksi_utang_piutang.yaml) and the views' label agree."""
    assert LABEL in t("lesson3.invented_note").lower()


def data_texts(path: Path) -> list[str]:
    """Every string value of a data file (comments and keys are for the facilitator)."""
    found: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            found.append(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def test_data_files_shown_on_screen_do_not_say_kit():
    """Sources and notes in the data files reach the phone ('Saran kit: ... kit membuangnya'):
    they say 'aplikasi ini' too. English texts (`en:`) may say 'kit'."""
    word = re.compile(r"\bkit\b", re.I)
    found = []
    for path in sorted(DATASETS_DIR.glob("*.yaml")) + sorted(DATASETS_DIR.glob("*/*.yaml")):
        english = {n["en"] for n in nodes(yaml.safe_load(path.read_text(encoding="utf-8")))
                   if isinstance(n, dict) and isinstance(n.get("en"), str)}
        found += [f"{path.name}: {x[:60]}" for x in data_texts(path)
                  if word.search(x.replace("Usaha Kita", "")) and x not in english]
    assert not found, found
