"""widgets.promotion.data: the village's hashtags load from the profile, a broken tag names the
item to fix, and the composer's suggestions come from them."""

from __future__ import annotations

from village_files import edit_yaml, load_error

from widgets.core.village import load_village
from widgets.promotion import posts
from widgets.promotion.data import load_promotion


def test_the_village_hashtags():
    tags = load_promotion(load_village("jepara")).hashtags
    assert tags[:2] == ("#kesetperca", "#kesetkarakter") and all(t.startswith("#") for t in tags)
    assert posts.suggest_for(load_village("jepara"), "Keset perca bulat", 5)[:2] == list(tags[:2])


def test_a_tag_with_a_space_names_the_item(copy):
    edit_yaml(copy / "profile.yaml", lambda d: d.update(hashtags=["#ok", "keset perca"]))
    error = load_error(copy, load_promotion)
    assert (error.file, error.row, error.column) == ("profile.yaml", None, "hashtags[2]")
    assert str(error).startswith("Berkas profile.yaml, bagian hashtags[2]: ")
    assert "bukan tagar" in str(error)


def test_a_village_without_hashtags(copy):
    edit_yaml(copy / "profile.yaml", lambda d: d.pop("hashtags"))
    assert load_promotion(load_village("jepara", root=copy.parent)).hashtags == ()
