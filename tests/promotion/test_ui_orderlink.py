"""The order link maker, headless: build the real widgets, type into them, press the button, and
check the link, the QR code, the label download and the messages under the fields."""

from __future__ import annotations

import base64
import re
from urllib.parse import unquote

import pytest
from test_orderlink import decode_svg, sheet_codes

from widgets.core import i18n
from widgets.core.i18n import t
from widgets.promotion.ui.orderlink import OrderLinkView, order_link_maker

KESET = "Keset bulat kain perca"
KESET_MESSAGE = "Halo, saya mau pesan Keset bulat kain perca (Rp15.000). Apakah masih ada?"


pytestmark = pytest.mark.usefixtures("fresh_page")


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def errors(field) -> str:
    return plain(field.message.value) if "uk-msg-error" in field.message.value else ""


def sheet_of(view: OrderLinkView) -> str:
    href = re.search(r'href="data:text/html;charset=utf-8;base64,([^"]+)"', view.download.value)
    assert href, "no label sheet to download"
    return base64.b64decode(href.group(1)).decode("utf-8")


def keset_view(phone: str = "0812-3456-7890") -> OrderLinkView:
    view = order_link_maker("konveksi")
    view.phone.control.value = phone
    return view


def test_the_maker_starts_from_the_village_profile():
    view = order_link_maker()
    assert view.product.control.value == KESET
    assert view.price.control.value == "Rp15.000"
    assert view.group.control.value == "Kelompok Konveksi Purna PMI"
    assert view.message.control.value == KESET_MESSAGE
    assert view.count.control.value == "21"
    assert view.result.value == "" and view.download.value == ""
    assert t("orderlink.live_animals") not in str([c.value for c in view.children
                                                   if hasattr(c, "value")])


def test_the_goat_maker_warns_about_listing_live_animals():
    view = order_link_maker("kambing")
    assert view.product.control.value.startswith("Kambing jantan")
    assert view.price.control.value == "Rp2.600.000"
    shown = " ".join(child.value for child in view.children if isinstance(
        getattr(child, "value", None), str))
    assert "hewan hidup" in shown and "katalog WhatsApp Business" in shown


def test_a_good_number_gives_the_link_the_qr_and_the_sheet():
    view = keset_view()
    view.make.click()
    link = ("https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20pesan%20Keset%20bulat%20"
            "kain%20perca%20%28Rp15.000%29.%20Apakah%20masih%20ada%3F")
    assert view.link == link
    result = view.result.value
    assert f'<a class="uk-wa-link" href="{link}"' in result
    assert "Coba pindai dengan kamera HP" in result
    qr = re.search(r'<div class="uk-wa-qr".*?</svg>', result, re.S).group(0)
    assert decode_svg(qr) == [link]
    assert 'class="uk-wa-download"' in view.download.value
    assert 'download="label-wa-keset-bulat-kain-perca.html"' in view.download.value
    assert "21 label, 1 lembar A4" in view.download.value
    assert t("orderlink.print_hint") in plain(view.download.value).replace("&quot;", '"')
    sheet = sheet_of(view)
    assert sheet == view.sheet
    assert sheet.count('class="ukl-label"') == 21
    assert set(sheet_codes(sheet).values()) == {link}
    assert "0812-3456-7890" in sheet and "Rp15.000" in sheet
    for field in (view.phone, view.product, view.price, view.group, view.message, view.count):
        assert errors(field) == ""


def test_a_landline_is_refused_under_the_phone_field_and_no_link_is_shown():
    view = keset_view("0725 41234")
    view.make.click()
    assert errors(view.phone).strip() == "⚠ " + t("whatsapp.phone_not_mobile")
    assert view.result.value == "" and view.download.value == "" and view.link is None
    assert errors(view.price) == "" and errors(view.product) == ""


def test_a_hong_kong_number_asks_for_an_indonesian_one():
    view = keset_view("+852 9123 4567")
    view.make.click()
    message = errors(view.phone)
    assert "Hong Kong" in message and "nomor WhatsApp Indonesia" in message
    assert view.result.value == ""


@pytest.mark.parametrize(("typed", "read"), [
    ("150rb", "Rp150.000"),
    ("Rp 20.000", "Rp20.000"),
    ("", None),  # the price may be left out
])
def test_a_typed_price_is_read_and_the_message_and_label_follow_it(typed, read):
    view = keset_view()
    view.price.control.value = typed
    in_brackets = f" ({read})" if read else ""
    assert view.message.control.value == (
        f"Halo, saya mau pesan Keset bulat kain perca{in_brackets}. Apakah masih ada?")
    view.make.click()
    assert errors(view.price) == ""
    sheet = sheet_of(view)
    assert KESET in sheet
    if read:
        assert f"%28{read}%29" in view.link and read in sheet
    else:
        assert 'class="ukl-price' not in sheet and "%28Rp" not in view.link


def test_a_bad_price_is_shown_under_the_price_field():
    view = keset_view()
    view.price.control.value = "abc"
    view.make.click()
    assert "bukan jumlah uang" in errors(view.price)
    assert errors(view.phone) == ""
    assert view.result.value == "" and view.link is None


def test_every_problem_shows_at_once_under_its_own_field():
    view = keset_view("")
    view.product.control.value = " "
    view.price.control.value = "12.5"
    view.count.control.value = "0"
    view.make.click()
    assert t("whatsapp.phone_empty") in errors(view.phone)
    assert t("orderlink.product_empty") in errors(view.product)
    assert "kurang jelas" in errors(view.price)
    assert errors(view.count)
    assert view.result.value == ""


def test_bad_input_takes_the_old_qr_off_the_page():
    view = keset_view()
    view.make.click()
    before = (view.result.value, view.download.value)
    assert all(before)
    view.phone.control.value = "0725 41234"
    view.make.click()
    assert errors(view.phone)
    # An old QR for another number must not stay on screen to be printed by mistake.
    assert (view.result.value, view.download.value) == ("", "")
    view.phone.control.value = "0812-3456-7890"
    view.make.click()
    assert errors(view.phone) == ""  # fixed: the message goes away


def test_an_edited_message_is_kept_and_can_be_reset():
    view = keset_view()
    view.message.control.value = "Kak, keset bulat masih ada? Saya di Way Jepara."
    view.price.control.value = "17rb"
    view.product.control.value = "Keset persegi"
    assert view.message.control.value == "Kak, keset bulat masih ada? Saya di Way Jepara."
    view.make.click()
    assert unquote(view.link.split("?text=")[1]) == (
        "Kak, keset bulat masih ada? Saya di Way Jepara.")
    view.reset.click()
    assert view.message.control.value == (
        "Halo, saya mau pesan Keset persegi (Rp17.000). Apakah masih ada?")
    view.price.control.value = "18rb"  # back to following the product and price
    assert "(Rp18.000)" in view.message.control.value


def test_an_empty_message_gives_the_plain_chat_link():
    view = keset_view()
    view.message.control.value = ""
    view.make.click()
    assert view.link == "https://wa.me/6281234567890"


def test_a_message_too_long_is_shown_under_the_message_field():
    view = keset_view()
    view.message.control.value = "a" * 1001
    view.make.click()
    assert "terlalu panjang" in errors(view.message) and "1001" in errors(view.message)
    assert view.result.value == ""
    view.message.control.value = "Halo kak, saya mau tanya " * 16
    view.make.click()
    assert t("orderlink.qr_too_long") in errors(view.message)
    assert view.result.value == ""


@pytest.mark.parametrize("count,labels,pages", [("1", 1, 1), ("2", 2, 1), ("42", 42, 2)])
def test_the_number_of_labels_sets_the_sheet(count, labels, pages):
    view = keset_view()
    view.count.control.value = count
    view.make.click()
    assert sheet_of(view).count('class="ukl-label"') == labels
    assert f"{labels} label, {pages} lembar A4" in view.download.value


def test_too_many_labels_are_refused():
    view = keset_view()
    view.count.control.value = "500"
    view.make.click()
    assert errors(view.count).strip() == "⚠ " + t("orderlink.too_many_labels", limit=210,
                                                     pages=10)
    assert view.result.value == ""


def test_typed_text_stays_text_everywhere():
    view = keset_view()
    view.product.control.value = "<script>alert(1)</script>"
    view.group.control.value = '<img src=x onerror="alert(2)">'
    view.make.click()
    for html in (view.result.value, sheet_of(view)):
        assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in sheet_of(view)
    assert "%3Cscript%3E" in view.link


def test_controls_carry_hooks_for_the_browser_tests():
    view = keset_view()
    classes = {css for widget in (view.phone.control, view.product.control, view.price.control,
                                  view.group.control, view.message.control, view.count.control,
                                  view.make, view.reset, view.result, view.download)
               for css in widget._dom_classes}
    assert {"uk-wa-phone", "uk-wa-product", "uk-wa-price", "uk-wa-group", "uk-wa-message",
            "uk-wa-count", "uk-wa-make", "uk-wa-reset", "uk-wa-result",
            "uk-wa-downloads"} <= classes


def test_the_view_speaks_english_too():
    i18n.set_language("en")
    view = OrderLinkView(product="Round rag doormat", price=15_000)
    assert view.message.control.value == (
        "Hello, I would like to order Round rag doormat (Rp15.000). Is it still available?")
    assert view.make.description == "Make link & QR"
