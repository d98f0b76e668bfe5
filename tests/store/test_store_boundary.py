"""The store as a trust boundary of its own (issue 13, findings 5 and 8b): whatever a page
sends over its websocket, no over-long answer or post and no direction control is written."""

from __future__ import annotations

import pytest

from widgets.promotion import db as promotion_db
from widgets.store import FieldError, Store
from widgets.store import answers as answer_db
from widgets.store.fields import short_text

RLO = "\u202e"


@pytest.fixture
def session(tmp_path):
    with Store(tmp_path / "kit.sqlite3") as store:
        yield store.sign_in("Siti Aminah", "2580")


def test_an_answer_too_long_is_refused_in_plain_words(session):
    with pytest.raises(FieldError, match="Jawaban terlalu panjang. Paling banyak 20000"):
        answer_db.save_answer(session, "ex", {"text": "a" * 30_000}, False)
    assert answer_db.answers(session, "ex") == []


def test_a_post_too_long_is_refused_in_plain_words(session):
    with pytest.raises(FieldError, match="Tulisan terlalu panjang"):
        promotion_db.save_post(session, "listing", "shopee", {}, "a" * 6001)
    assert promotion_db.posts(session) == []


def test_direction_controls_never_reach_the_file(session):
    answer_db.save_answer(session, "ex", {"text": f"{RLO}Keset{RLO}"}, True)
    promotion_db.save_post(session, "post", f"insta{RLO}gram", {"hook": RLO}, f"{RLO}Halo")
    assert short_text(f"{RLO}Jual\u2066 keset", "what") == "Jual keset"
    data = b"".join(p.read_bytes() for p in session.store.path.parent.glob("kit.sqlite3*"))
    assert b"Keset" in data and RLO.encode() not in data and b"\\u202e" not in data
