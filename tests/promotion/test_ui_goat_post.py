"""A goat post (issue 14): the composer starts from the goat group's product, and the
live-animal rule of ``platform_rules.yaml`` refuses it for a Meta shop but lets a WhatsApp
status or an ordinary post through."""

from __future__ import annotations

import re

import pytest

from tests.view_helpers import fill
from widgets.core.i18n import t
from widgets.core.money import format_rupiah
from widgets.core.village import load_village
from widgets.promotion import db as post_db
from widgets.promotion.checks import check_post, passes
from widgets.promotion.platform_rules import load_rules
from widgets.promotion.posts import PostParts
from widgets.promotion.ui import lesson4
from widgets.promotion.ui.composer import PostComposerView
from widgets.store import Store
from widgets.ui.common import PAGE

pytestmark = pytest.mark.usefixtures("fresh_page")


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="(\w+)"', html)


def fill_goat_post(view: PostComposerView) -> None:
    fill(view, hook="Cari kambing kurban yang sehat?", material="kambing jawa randu",
         size="umur lebih dari setahun", benefit="Sehat, diberi vitamin dan obat cacing.",
         contact="0812-3456-7890")


def goats():
    return load_village().group("kambing")


def test_the_composer_starts_from_the_goat_group_product():
    product = goats().products[0]
    view = lesson4.post_composer("kambing")
    assert view.product.control.value == product.name
    assert view.price.control.value == format_rupiah(product.price)
    assert view.hashtags.control.value.split()[0] == "#kambingkurban"
    assert view.group.name in view.preview.value


def test_the_start_choice_switches_between_groups():
    view = PostComposerView()
    goat = goats().products[-1]
    view.start.control.value = f"kambing:{goat.key}"
    assert view.product.control.value == goat.name
    assert view.price.control.value == format_rupiah(goat.price)
    assert view.group.key == "kambing" and view.group.name in view.preview.value
    assert "live_animal_post" in keys(view.findings.value)
    keset = load_village().group("konveksi").products[1]
    view.start.control.value = f"konveksi:{keset.key}"
    assert view.product.control.value == keset.name
    assert "live_animal_post" not in keys(view.findings.value)


@pytest.mark.parametrize("shop", ["facebook_shop", "whatsapp_catalog"])
def test_a_goat_for_a_meta_shop_is_refused_with_the_rule(shop):
    view = lesson4.post_composer("kambing")
    fill_goat_post(view)
    view.platform.control.value = "facebook"
    view.shop.control.value = shop
    finding = view.findings_list[0]
    assert (finding.key, finding.level) == ("live_animal", "error")
    name = load_rules().listings[shop].name
    assert finding.text == t("promotion.find_live_animal", name=name)
    assert finding.rule.source == load_rules().live_animals.source
    assert not passes(view.findings_list)
    assert name in view.findings.value and "live_animal" in keys(view.findings.value)


@pytest.mark.parametrize("platform", ["whatsapp", "facebook", "instagram"])
def test_a_goat_post_or_status_is_allowed(platform):
    view = lesson4.post_composer("kambing")
    fill_goat_post(view)
    view.platform.control.value = platform
    assert view.shop.control.value == ""
    assert passes(view.findings_list), [(f.key, f.level) for f in view.findings_list]
    assert "live_animal_post" in keys(view.findings.value)
    assert "post_ok" in keys(view.findings.value)


def test_a_keset_in_a_shop_is_not_a_live_animal():
    parts = PostParts.make(product="Keset karakter kambing", hook="Keset lucu?")
    found = [f.key for f in check_post(parts, "facebook", shop="facebook_shop")]
    assert "live_animal" not in found and "live_animal_post" not in found


def test_the_goat_post_saves_and_counts_as_done(tmp_path):
    store = Store(tmp_path / "kit.sqlite3")
    try:
        PAGE.session = store.sign_in("Agus Purnomo", "1234")
        view = lesson4.post_composer("kambing")
        fill_goat_post(view)
        view.platform.control.value = "whatsapp"
        view.save.click()
        [post] = post_db.posts(PAGE.session, "post")
        assert post.platform == "whatsapp" and goats().products[0].name in post.text
        assert "Latihan selesai" in view.status.value
    finally:
        PAGE.session = None
        store.close()
