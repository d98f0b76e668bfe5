"""Lesson 4's lesson module: each notebook cell's call gives its view, filled from the village
profile, with the sign-in that the composer saves through."""

from __future__ import annotations

import datetime as dt

import pytest

from widgets.core.i18n import t
from widgets.core.village import load_village
from widgets.promotion import db as promotion_db
from widgets.promotion.ui import lesson4
from widgets.promotion.ui.composer import PostComposerView
from widgets.promotion.ui.orderlink import OrderLinkView
from widgets.promotion.ui.photo import PhotoCheckView
from widgets.promotion.ui.seasons import SeasonCalendarView
from widgets.store import Store
from widgets.ui.common import PAGE, notice_html
from widgets.ui.signin import SignInView

pytestmark = pytest.mark.usefixtures("fresh_page")
TODAY = dt.date(2026, 11, 28)


def test_each_cell_gets_its_view():
    assert isinstance(lesson4.photo_checker(TODAY), PhotoCheckView)
    assert isinstance(lesson4.sign_in(), SignInView)
    composer = lesson4.post_composer()
    assert isinstance(composer, PostComposerView)
    assert composer.product.control.value == load_village().group("konveksi").products[0].name
    calendar = lesson4.season_calendar(TODAY)
    assert isinstance(calendar, SeasonCalendarView) and calendar.today == TODAY


def test_the_order_link_starts_from_the_group_first_product():
    goats = load_village().group("kambing")
    view = lesson4.order_link_maker("kambing", phone="0812-3456-7890")
    assert isinstance(view, OrderLinkView)
    assert view.product.control.value == goats.products[0].name
    assert view.group.control.value == goats.name


def test_the_composer_saves_through_the_sign_in_cell(tmp_path):
    signin, composer = lesson4.sign_in(), lesson4.post_composer()
    composer.save.click()
    assert composer.status.value == notice_html(t("promoview.sign_in_first"), "error")
    store = Store(tmp_path / "kit.sqlite3")
    try:
        signin.store = store
        signin.name.control.value, signin.pin.control.value = "Siti Aminah", "1234"
        signin.submit.click()
        assert PAGE.session is not None and PAGE.session.name == "Siti Aminah"
        composer.hook.control.value = "Lantai teras cepat kotor?"
        composer.save.click()
        assert [p.platform for p in promotion_db.posts(PAGE.session, "post")] == ["instagram"]
        assert "Lantai teras cepat kotor?" in composer.saved.value
    finally:
        PAGE.session = None
        store.close()
