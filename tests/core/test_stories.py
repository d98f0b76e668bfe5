"""The village's own lesson paragraphs (cerita.yaml) and the cells that name them."""

from __future__ import annotations

import pytest
from village_files import edit_yaml

from widgets.core import village
from widgets.core.datafile import DataError
from widgets.core.stories import load_stories, story, story_cell, story_markdown
from widgets.core.village import load_village


def test_a_story_cell_names_its_lesson_and_paragraph():
    assert story_cell('{{ cerita("02-buku-kas", "teks_04") }}') == ("02-buku-kas", "teks_04")
    assert story_cell(' {{cerita( "00-beranda" ,"teks_01" )}}\n') == ("00-beranda", "teks_01")


@pytest.mark.parametrize("source", [
    'Lihat {{ cerita("02-buku-kas", "teks_04") }}',  # inside a sentence: prose, not a story
    '{{ cerita("02-buku-kas") }}', '{{ cerita(02-buku-kas, teks_04) }}',
    '{{ cerita("../x", "teks_01") }}', "## Buku kas", ""])
def test_other_markdown_is_not_a_story_cell(source):
    assert story_cell(source) is None


def test_a_paragraph_is_the_village_markdown_with_its_step_heading():
    text = story_markdown(load_village("jepara"), "02-buku-kas", "teks_04")
    assert text.startswith("## Contoh: buku kas kelompok konveksi\n")
    assert "**contoh karangan untuk latihan**" in text


def test_a_missing_paragraph_leaves_a_note_for_the_trainer():
    html = story_markdown(load_village("jepara"), "02-buku-kas", "tidak_ada")
    assert "Catatan untuk pelatih" in html and "cerita.yaml: 02-buku-kas.tidak_ada" in html


def test_a_village_without_stories_has_none(copy):
    edit_yaml(copy / "profile.yaml", lambda d: d["files"].pop("stories"))
    other = load_village("jepara", root=copy.parent)
    assert load_stories(other) == {} and story(other, "02-buku-kas", "teks_01") is None


def test_a_bad_key_names_the_file_and_the_key(copy):
    path = copy / "cerita.yaml"
    path.write_text("02-buku-kas:\n  Teks Satu: halo\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_stories(load_village("jepara", root=copy.parent))
    assert info.value.file == "cerita.yaml" and info.value.column == "02-buku-kas.Teks Satu"
    village.clear_cache()


def test_every_story_cell_of_the_lessons_has_its_paragraph_in_each_village():
    """A lesson's story cell names a paragraph every shipped village writes (a missing one
    shows the trainer's note instead of the lesson's text)."""
    import nbformat

    from widgets.kit.lessons import LESSONS_DIR

    named = {story_cell(cell.source) for path in sorted(LESSONS_DIR.glob("*.ipynb"))
             for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown"}
    named.discard(None)
    assert len(named) >= 60  # every lesson holds some
    for profile in sorted(village.DATASETS_DIR.glob("*/profile.yaml")):
        place = load_village(profile.parent.name)
        missing = sorted(f"{lesson}.{key}" for lesson, key in named
                         if story(place, lesson, key) is None)
        assert not missing, f"{place.folder.name}/cerita.yaml lacks {missing}"
