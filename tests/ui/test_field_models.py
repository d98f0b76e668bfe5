"""A field is few models: a page fetches every widget model when it opens (one message), and
lesson 3 was 1,020 models, 0.9 MB to each phone."""

from __future__ import annotations

import ipywidgets as w
from ipywidgets.widgets import widget

from widgets.ui.common import Field, shared_text_parts


def models() -> set[str]:
    return set(widget._instances)  # noqa: SLF001 (ipywidgets keeps every live model here)


def test_a_field_is_seven_models_and_leaves_no_unused_layout():
    shared_text_parts()  # the shared label and message parts exist from the first field on
    before = models()
    field = Field("Jumlah (Rp)", w.Text())
    added = models() - before
    # the box and its layout, the label and the message line, the text box with its style and
    # its layout; before: the label's and the message's own layouts and styles, and the text
    # box's first layout, left unused, made 12
    assert len(added) == 7
    assert field.control.layout.model_id in added
    assert field.label.layout is field.message.layout is shared_text_parts()["layout"]
    assert field.label.style is field.message.style is shared_text_parts()["style"]


def test_shared_parts_come_back_after_every_widget_was_closed():
    parts = shared_text_parts()
    parts["layout"].close()
    again = shared_text_parts()
    assert again["layout"] is not parts["layout"] and again["layout"].comm is not None
    field = Field("Nama", w.Text())
    assert field.label.layout is again["layout"]


def test_a_message_still_changes_on_its_own_field():
    one, two = Field("Satu", w.Text()), Field("Dua", w.Text())
    one.error("Isi dengan angka.")
    assert "Isi dengan angka" in one.message.value and two.message.value == ""


def test_the_sign_in_and_a_later_part_share_their_text_lines_parts(tmp_path):
    """The sign-in is on every lesson page and a lesson has several later parts: their lines of
    text (never hidden or resized on their own) use the shared layout and style too."""
    from widgets.store import Store
    from widgets.ui.later import Later
    from widgets.ui.signin import SignInView

    shared_text_parts()
    before = models()
    with Store(tmp_path / "kit.sqlite3") as store:
        view = SignInView(store=store)
        later = Later(lambda: w.HTML("nanti"), "Buka")
    intro = view.children[0]
    for line in (intro, view.status, view.signed_in, later.status):
        assert line.layout is shared_text_parts()["layout"]
        assert line.style is shared_text_parts()["style"]
    # the sign-in 35 models (41 before its lines shared), the later part 6 (8 before)
    assert len(models() - before) == 35 + 6
