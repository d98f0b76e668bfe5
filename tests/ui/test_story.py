"""The village's own lesson paragraphs (cerita.yaml) as the lesson page shows them."""

from __future__ import annotations

import pytest
from village_files import edit_yaml

from widgets.core import village
from widgets.core.datafile import DataError
from widgets.core.stories import load_stories, story
from widgets.core.village import load_village
from widgets.ui.story import story_html


def test_a_paragraph_is_rendered_markdown_with_its_step_heading():
    html = story_html("02-buku-kas", "teks_04")
    assert html.startswith('<div class="uk-story')
    assert "<h2>Contoh: buku kas kelompok konveksi</h2>" in html
    assert "<strong>contoh karangan untuk latihan</strong>" in html and "<small>" in html


def test_a_missing_paragraph_leaves_a_note_for_the_trainer():
    html = story_html("02-buku-kas", "tidak_ada")
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
