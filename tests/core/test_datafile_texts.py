"""``Cells.texts``: the one reader of a data file's text in each language (``{id, en}``)."""

from __future__ import annotations

import pytest

from widgets.core.datafile import Cells, DataError
from widgets.core.i18n import local


def test_both_languages_with_spaces_folded():
    block = {"id": "  Rapat   hari\nSabtu ", "en": "A\n Saturday  meeting"}
    cells = Cells("kelompok.yaml", None, {"story": block}, "jealousy.")
    texts = cells.texts("story")
    assert texts == {"id": "Rapat hari Sabtu", "en": "A Saturday meeting"}
    assert (local(texts, "id"), local(texts, "en")) == ("Rapat hari Sabtu", "A Saturday meeting")


@pytest.mark.parametrize("english", [None, "", "   "])
def test_a_blank_english_text_falls_back_to_indonesian(english):
    texts = Cells("harga.yaml", None, {"per": {"id": "per pesanan", "en": english}}).texts("per")
    assert texts == {"id": "per pesanan"}
    assert local(texts, "en") == "per pesanan"


@pytest.mark.parametrize(("block", "problem", "column"), [
    ({"en": "only English"}, "missing_value", "musim.note.id"),
    ({"id": "   ", "en": "x"}, "missing_value", "musim.note.id"),
    ("a plain sentence", "not_mapping", "musim.note"),
])
def test_a_block_without_indonesian_names_its_key(block, problem, column):
    with pytest.raises(DataError) as caught:
        Cells("musim.yaml", 4, {"note": block}, "musim.").texts("note")
    assert (caught.value.problem, caught.value.column, caught.value.row) == (problem, column, 4)


def test_a_missing_block_is_a_missing_value():
    with pytest.raises(DataError) as caught:
        Cells("musim.yaml", None, {}, "musim.").texts("name")
    assert (caught.value.problem, caught.value.column) == ("missing_value", "musim.name")


def test_a_list_items_own_text_falls_back_like_a_block():
    item = Cells("evaluasi.yaml", 3, {"key": "a", "id": "Harga jual", "en": ""}, "options.")
    assert item.own_texts() == {"id": "Harga jual", "en": ""}
    assert local(item.own_texts(), "en") == "Harga jual"
    with pytest.raises(DataError) as caught:
        Cells("evaluasi.yaml", 3, {"key": "a", "en": "Price"}, "options.").own_texts()
    assert (caught.value.column, caught.value.row) == ("options.id", 3)
