"""The sign-in view against the security findings: a look-alike name is refused under the
name field (6), the phone's id reaches the store (3a), and the next lesson's page signs in
with the token the last one handed to the browser (3c)."""

from __future__ import annotations

import re

import pytest

from widgets.store import Store
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView

PHONE = "0123456789abcdef" * 2


@pytest.fixture
def store(fresh_page, tmp_path):
    with Store(tmp_path / "kit.sqlite3") as opened:
        yield opened


def _sign_in(view: SignInView, name: str, pin: str) -> None:
    view.name.control.value, view.pin.control.value = name, pin
    view.submit.click()


def test_a_look_alike_name_is_refused_under_the_name_field(store):
    _sign_in(SignInView(store), "Siti Aminah", "2580")
    PAGE.session = None
    view = SignInView(store)
    _sign_in(view, "S\u0456ti Aminah", "1111")
    assert "dua abjad" in view.name.message.value and "uk-msg-error" in view.name.message.value
    assert PAGE.session is None
    assert store.read("SELECT COUNT(*) FROM participants") == [(1,)]


def test_the_next_lesson_signs_in_with_the_token_of_the_last(store):
    first = SignInView(store, page="01-komunikasi-kelompok")
    first.carry.value = PHONE + " "  # the page has an id, no token yet
    _sign_in(first, "Siti Aminah", "2580")
    token = re.search(r'data-uk-token="([^"]+)"', first.token_out.value)[1]
    assert store.read("SELECT device, trusted FROM signin_devices") == [(PHONE, 1)]
    assert "2580" not in first.token_out.value
    PAGE.session = None  # another lesson: another kernel, nobody signed in

    following = SignInView(store, page="02-buku-kas")
    following.carry.value = f"{PHONE} {token}"
    assert PAGE.session is not None and PAGE.session.name == "Siti Aminah"
    assert "Siti Aminah" in following.signed_in.value
    assert following.form.layout.display == "none"


@pytest.mark.parametrize("carried", [f"{'f' * 32} TOKEN", f"{PHONE} {'x' * 43}", "<b> </b>"])
def test_a_wrong_token_or_phone_leaves_the_pin_form(store, carried):
    first = SignInView(store)
    first.carry.value = PHONE + " "
    _sign_in(first, "Siti Aminah", "2580")
    token = re.search(r'data-uk-token="([^"]+)"', first.token_out.value)[1]
    PAGE.session = None
    view = SignInView(store)
    view.carry.value = carried.replace("TOKEN", token)  # the right token from another phone
    assert PAGE.session is None and view.form.layout.display != "none"


def test_signing_out_ends_the_token_here_and_in_the_browser(store):
    first = SignInView(store)
    first.carry.value = PHONE + " "
    _sign_in(first, "Siti Aminah", "2580")
    token = re.search(r'data-uk-token="([^"]+)"', first.token_out.value)[1]
    first.sign_out.click()
    assert first.token_out.value == '<span data-uk-token=""></span>'
    view = SignInView(store)
    view.carry.value = f"{PHONE} {token}"
    assert PAGE.session is None
