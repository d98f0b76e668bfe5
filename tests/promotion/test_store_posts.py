"""Saved posts and listings (migration 3): kept per participant, survive reopening the file,
and a file from before the promotion lessons keeps its data when it gains the new table."""

from __future__ import annotations

import pytest

from widgets.promotion import db as post_db
from widgets.store import MIGRATIONS, Store

SCHEMA_VERSION = len(MIGRATIONS)


@pytest.fixture
def db_path(db_location):
    return db_location


def test_posts_are_kept_per_participant_and_survive_reopening(db_path):
    with Store(db_path) as store:
        siti = store.sign_in("Siti", "1234")
        rina = store.sign_in("Rina", "5678")
        saved = post_db.save_post(siti, "post", "instagram", {"hook": "Keset?", "price": 15000},
                               "Keset?\n\nHarga Rp15.000")
        post_db.save_post(siti, "listing", "tokopedia", {"title": "Keset"}, "Keset")
        assert post_db.posts(rina) == []
    with Store(db_path) as store:
        siti = store.sign_in("siti", "1234")
        posts = post_db.posts(siti, "post")
        assert [p.id for p in posts] == [saved.id]
        assert posts[0].parts == {"hook": "Keset?", "price": 15000}
        assert posts[0].text == "Keset?\n\nHarga Rp15.000"
        assert [p.kind for p in post_db.posts(siti)] == ["post", "listing"]


@pytest.mark.parametrize(("kind", "text"), [("story", "x"), ("post", ""), ("post", " "),
                                            ("post", "x" * 6001), ("post", None)])
def test_bad_posts_are_refused_and_nothing_is_saved(db_path, kind, text):
    with Store(db_path) as store:
        siti = store.sign_in("Siti", "1234")
        with pytest.raises(ValueError):
            post_db.save_post(siti, kind, "instagram", {}, text)
        assert post_db.posts(siti) == []


def test_a_version_2_file_gains_the_posts_table_and_keeps_its_entries(db_path):
    Store(db_path, migrations=MIGRATIONS[:2]).close()
    with Store(db_path) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 3
        siti = store.sign_in("Siti", "1234")
        post_db.save_post(siti, "post", "facebook", {}, "Halo")
        assert len(post_db.posts(siti)) == 1
