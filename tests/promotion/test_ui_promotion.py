"""Lessons 4 and 5 views, headless: the composer's live preview, findings, copy box and saving;
the listing builder with the lesson 2 listing price; the agreement maker; the goat exercise."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from view_helpers import fill

from widgets.core import i18n
from widgets.promotion import db as post_db
from widgets.promotion.ui.composer import PostComposerView
from widgets.promotion.ui.lesson5 import AgreementView, GoatChannelsView, listing_repair
from widgets.promotion.ui.listing import ListingBuilderView
from widgets.store import Store
from widgets.store import answers as answer_db
from widgets.ui.common import PAGE

TODAY = dt.date(2026, 11, 28)


pytestmark = pytest.mark.usefixtures("fresh_page")


@pytest.fixture
def signed_in(tmp_path):
    store = Store(tmp_path / "kit.sqlite3")
    PAGE.session = store.sign_in("Siti Aminah", "1234")
    yield PAGE.session
    PAGE.session = None
    store.close()


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def keys(html: str) -> list[str]:
    return re.findall(r'data-key="(\w+)"', html)


def fill_good_post(view: PostComposerView) -> None:
    fill(view, hook="Lantai teras cepat kotor?", material="kain perca katun", size="40 cm",
         colour="biru dan merah", benefit="Menyerap air dan mudah dicuci.",
         contact="0812-3456-7890")


def test_the_composer_starts_from_the_group_product_and_village_hashtags():
    view = PostComposerView()
    assert view.product.control.value == "Keset bulat kain perca"
    assert view.price.control.value == "Rp15.000"
    assert view.hashtags.control.value.split()[:2] == ["#kesetperca", "#kesetkarakter"]
    assert len(view.hashtags.control.value.split()) == 5
    assert "hook_missing" in keys(view.findings.value)


def test_typing_updates_the_preview_and_the_findings_live():
    view = PostComposerView()
    fill_good_post(view)
    assert keys(view.findings.value) == ["post_ok"]
    assert "Lantai teras cepat kotor?" in view.preview.value
    assert "Harga Rp15.000" in view.preview.value
    view.price.control.value = "1,5 jt"
    assert "Rp1.500.000" in view.preview.value
    view.price.control.value = "abc"
    assert "uk-msg-error" in view.price.message.value
    assert "price_missing" in keys(view.findings.value)


def test_participant_text_is_shown_as_text_never_as_html():
    view = PostComposerView()
    view.hook.control.value = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    for html in (view.preview.value, view.copy.value):
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html


def test_whatsapp_preview_is_a_chat_bubble_without_hashtags():
    view = PostComposerView()
    fill_good_post(view)
    view.platform.control.value = "whatsapp"
    assert "#kesetperca" not in view.text
    assert "hashtags_whatsapp" in keys(view.findings.value)


def test_instagram_preview_cuts_after_125_characters():
    view = PostComposerView()
    fill_good_post(view)
    view.platform.control.value = "instagram"
    assert "selengkapnya" in view.preview.value  # the whole post is longer than 125
    assert "hook_long" not in keys(view.findings.value)
    view.hook.control.value = "Keset " * 25
    assert "hook_long" in keys(view.findings.value)


def test_six_hashtags_on_instagram_is_an_error_with_the_rule_date():
    view = PostComposerView()
    fill_good_post(view)
    view.hashtags.control.value = "#a #b #c #d #e #f"
    assert "hashtags_many" in keys(view.findings.value)
    assert "18-19 Desember 2025" in view.findings.value
    view.hashtags.control.value = "#a #b #c #d #e"
    assert "hashtags_many" not in keys(view.findings.value)


def test_saving_needs_sign_in_and_keeps_the_post(signed_in):
    PAGE.session = None
    view = PostComposerView()
    view.save.click()
    assert "Masuk dulu" in plain(view.status.value)
    PAGE.session = signed_in
    view.save.click()  # not yet passing: saved, exercise not done
    assert "Masih ada saran" in plain(view.status.value)
    fill_good_post(view)
    view.save.click()
    assert "Latihan selesai" in plain(view.status.value)
    posts = post_db.posts(signed_in, "post")
    assert len(posts) == 2 and posts[-1].parts["hook"] == "Lantai teras cepat kotor?"
    assert [a.correct for a in answer_db.answers(signed_in, "promosi-tulisan")] == [False, True]
    assert "Lantai teras" in view.saved.value


def test_listing_builder_prices_from_the_lesson_2_calculation():
    view = ListingBuilderView(today=TODAY)
    assert view.platform.control.value == "tokopedia"
    # Rp15.000 net at 10% with the 20% tier discount (8%), Rp1.250 per order and 0,5% PPh 22.
    assert view.price.control.value == "Rp17.760"
    view.platform.control.value = "whatsapp_catalog"
    assert view.price.control.value == "Rp15.000"
    view.net.control.value = "25rb"
    view.platform.control.value = "shopee"
    view.use_net.click()
    assert view.price.control.value == "Rp29.330"  # the same figure lesson 2's test checks


def test_listing_repair_exercise_starts_blocked_and_can_be_fixed(signed_in):
    view = listing_repair()
    start = keys(view.findings.value)
    for key in ("title_promo", "title_symbols", "phone", "link", "other_platform"):
        assert key in start
    fill(view, title="Keset Kain Perca Bulat 40 cm Biru Merah",
         description=" ".join(["Keset bulat dari kain perca katun tebal."] * 6),
         weight="350 gram", photos=5)
    view.save.click()
    assert keys(view.findings.value) == ["listing_ok"]
    assert answer_db.answers(signed_in, "marketplace-daftar")[-1].correct
    view.weight.control.value = "berat"
    view.check.click()
    assert "uk-msg-error" in view.weight.message.value


def test_a_goat_in_the_whatsapp_catalog_is_refused():
    view = ListingBuilderView(today=TODAY)
    view.platform.control.value = "whatsapp_catalog"
    view.title.control.value = "Kambing Jantan 30 kg"
    view.check.click()
    assert keys(view.findings.value)[0] == "live_animal"
    assert "pre-order" in plain(view.findings.value)


def test_agreement_maker_lists_what_is_missing_then_makes_the_letter(signed_in):
    view = AgreementView(today=TODAY)
    view.make.click()
    missing = keys(view.findings.value)
    assert missing[:2] == ["agreement_partner", "agreement_commission"]
    fill(view, partner="Warung <Bu Sri>", quantity="20", commission="20", payment="7",
         returns="30", damage="half")
    view.make.click()
    assert keys(view.findings.value) == ["agreement_ok"]
    text = plain(view.preview.value)
    assert "Rp12.000" in text and "Rp240.000" in text and "28 November 2026" in text
    assert "Warung &lt;Bu Sri&gt;" in view.preview.value
    assert 'download="perjanjian-titip-warung-bu-sri-2026-11-28.html"' in view.preview.value
    assert answer_db.answers(signed_in, "marketplace-titip")[-1].correct
    view.commission.control.value = "dua puluh"
    view.make.click()
    assert "uk-msg-error" in view.commission.message.value and view.preview.value == ""


def test_goat_channels_exercise_feedback(signed_in):
    view = GoatChannelsView()
    view.boxes["catalog"].value = True
    view.check.click()
    assert "tidak boleh" in plain(view.result.value)
    for key in ("catalog",):
        view.boxes[key].value = False
    for key in ("status", "group_chat", "farm_visit", "preorder"):
        view.boxes[key].value = True
    view.check.click()
    assert "Benar" in plain(view.result.value)
    assert [a.correct for a in answer_db.answers(signed_in, "marketplace-kambing")] == [False, True]


def test_english_catalog_works_for_the_composer():
    i18n.set_language("en")
    view = PostComposerView()
    assert "Opening line" in view.hook.label.value


def test_the_checked_photo_appears_in_the_preview():
    import io

    from PIL import Image

    from widgets.promotion.ui.photo import PhotoCheckView

    composer = PostComposerView()
    assert "uk-pc-photo" not in composer.preview.value
    out = io.BytesIO()
    Image.effect_noise((700, 700), 60).convert("RGB").save(out, "JPEG")
    PhotoCheckView().check_bytes(out.getvalue(), "keset.jpg")
    assert PAGE.photo.startswith("data:image/jpeg;base64,")
    assert '<img class="uk-pc-photo" src="data:image/jpeg;base64,' in composer.preview.value
    composer.platform.control.value = "whatsapp"
    assert "uk-pc-photo" in composer.preview.value
    PAGE.photo = "javascript:alert(1)"  # only the kit's own JPEG data is ever shown
    assert "javascript" not in composer.preview.value


def test_a_saved_post_opens_again_to_be_changed(signed_in):
    view = PostComposerView()
    assert view.reopen_box.layout.display == "none"
    fill_good_post(view)
    view.price.control.value = "20rb"
    view.platform.control.value = "facebook"
    view.hashtags.control.value = "#kesetperca #wayjepara"
    view.save.click()
    assert view.reopen_box.layout.display == ""
    fresh = PostComposerView()  # a reload: a new page, the same participant
    assert fresh.hook.control.value == ""
    fresh.reopen.control.value = post_db.posts(signed_in, "post")[-1].id
    fresh.reopen_button.click()
    assert fresh.hook.control.value == "Lantai teras cepat kotor?"
    assert fresh.price.control.value == "Rp20.000"
    assert fresh.platform.control.value == "facebook"
    assert fresh.hashtags.control.value == "#kesetperca #wayjepara"
    assert fresh.text == view.text


def test_the_newest_saved_post_is_the_one_offered(signed_in):
    view = PostComposerView()
    fill_good_post(view)
    view.save.click()
    view.hook.control.value = "Keset baru!"
    view.save.click()
    fresh = PostComposerView()
    fresh.reopen_button.click()  # nothing chosen: the newest
    assert fresh.hook.control.value == "Keset baru!"
