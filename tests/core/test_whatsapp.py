"""WhatsApp links in the core: what people type becomes the wa.me number (or a message saying how
to fix it), and the message survives the link's encoding. Shared by the order labels (lesson 4)
and the credit book's reminders."""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from widgets.core.i18n import t
from widgets.core.whatsapp import (
    MESSAGE_LIMIT,
    MessageError,
    PhoneError,
    format_phone,
    normalise_phone,
    wa_link,
)

NUMBER = "6281234567890"
KESET = "Keset bulat kain perca"
DEFAULT = "Halo, saya mau pesan Keset bulat kain perca (Rp15.000). Apakah masih ada?"


# --- Phone numbers --------------------------------------------------------------------------

VALID = [
    ("0812-3456-7890", NUMBER),
    ("+62 812 3456 7890", NUMBER),
    ("62812 3456 7890", NUMBER),
    ("6281234567890", NUMBER),
    ("(0812) 3456 7890", NUMBER),
    ("0812.3456.7890", NUMBER),
    ("081234567890", NUMBER),
    ("  0812 3456 7890  ", NUMBER),
    ("0812\u00a03456\u00a07890", NUMBER),  # non-breaking spaces, pasted from a phone
    ("0812\u20133456\u20137890", NUMBER),  # en dashes, typed by autocorrect
    ("+62 (0)812-3456-7890", NUMBER),  # the 0 that belongs to the national form only
    ("0062 812 3456 7890", NUMBER),  # international prefix instead of +
    ("812 3456 7890", NUMBER),  # written without the 0
    ("0811-234-567", "62811234567"),  # 10 digits, the shortest
    ("0813-1234-56789", "6281312345678" + "9"),  # 13 digits, the longest
    ("+62 896 1234 5678", "6289612345678"),
    ("0857 1234 5678", "6285712345678"),
]


@pytest.mark.parametrize("text,expected", VALID)
def test_indonesian_mobile_numbers_become_the_wa_me_form(text, expected):
    assert normalise_phone(text) == expected


INVALID = [
    ("", "phone_empty", {}),
    ("   ", "phone_empty", {}),
    ("( - )", "phone_empty", {}),
    ("abc", "phone_bad_char", {"char": "a"}),
    ("0812 3456 789O", "phone_bad_char", {"char": "O"}),  # letter O for a zero
    ("0812+3456+7890", "phone_bad_char", {"char": "+"}),
    ("Hp: 0812 3456 7890", "phone_bad_char", {"char": "H"}),
    ("0725 41234", "phone_not_mobile", {}),  # a landline in Lampung
    ("021 1234 5678", "phone_not_mobile", {}),
    ("0800 123 4567", "phone_not_mobile", {}),  # toll-free, not a mobile
    ("0912 345 678", "phone_not_mobile", {}),  # a Taiwanese mobile written locally
    ("0812 345", "phone_too_short", {"count": 7}),
    ("08", "phone_too_short", {"count": 2}),
    ("0812 3456 7890 12", "phone_too_long", {"count": 14}),
    ("0812 3456 7890 0813 1111 2222", "phone_too_long", {"count": 24}),
    ("+60 12-345 6789", "phone_foreign_known", {"code": "60", "country": "Malaysia"}),
    ("+852 9123 4567", "phone_foreign_known", {"code": "852", "country": "Hong Kong"}),
    ("+886 912 345 678", "phone_foreign_known", {"code": "886", "country": "Taiwan"}),
    ("+65 9123 4567", "phone_foreign_known", {"code": "65", "country": "Singapura"}),
    ("00852 9123 4567", "phone_foreign_known", {"code": "852", "country": "Hong Kong"}),
    ("60 12 345 6789", "phone_foreign_known", {"code": "60", "country": "Malaysia"}),
    ("+1 555 123 4567", "phone_foreign", {}),
    ("123456", "phone_bad_start", {}),
    ("+0812 3456 7890", "phone_bad_start", {}),
]


@pytest.mark.parametrize("text,key,params", INVALID)
def test_other_numbers_are_refused_with_their_own_message(text, key, params):
    with pytest.raises(PhoneError) as caught:
        normalise_phone(text)
    assert caught.value.key == key
    assert str(caught.value) == t(f"whatsapp.{key}", **params)
    assert isinstance(caught.value, ValueError)


def test_foreign_numbers_ask_for_an_indonesian_whatsapp_number():
    with pytest.raises(PhoneError) as caught:
        normalise_phone("+852 9123 4567")
    message = str(caught.value)
    assert "Hong Kong" in message and "+852" in message
    assert "nomor WhatsApp Indonesia" in message and "08" in message and "+62" in message


def test_every_problem_has_a_different_message_that_says_what_to_do():
    messages = {key: t(f"whatsapp.{key}", char="x", count=1, code="60", country="Malaysia")
                for key in {key for _text, key, _params in INVALID}}
    assert len(set(messages.values())) == len(messages)
    for key, message in messages.items():
        assert "0812-3456-7890" in message or "+62" in message, key


separator = st.sampled_from(["", "", " ", "-", ".", "\u00a0", "  "])
prefix = st.sampled_from(["0", "+62", "62", "+62 ", "+62 (0)", "0062 ", "(0"])


@given(
    national=st.from_regex(r"8[1-9][0-9]{7,10}", fullmatch=True),
    prefix=prefix,
    gaps=st.lists(separator, min_size=13, max_size=13),
)
def test_any_spacing_of_a_valid_number_gives_the_same_link_number(national, prefix, gaps):
    written = prefix + "".join(digit + gap for digit, gap in zip(national, gaps, strict=False))
    assert normalise_phone(written) == "62" + national
    assert normalise_phone(format_phone(written)) == "62" + national


@pytest.mark.parametrize("text,readable", [
    ("6281234567890", "0812-3456-7890"),
    ("+62 811 234 567", "0811-234-567"),
    ("0812 3456 789", "0812-345-6789"),
    ("0813 1234 56789", "0813-1234-56789"),
])
def test_numbers_print_the_way_people_read_them(text, readable):
    assert format_phone(text) == readable


# --- The link -------------------------------------------------------------------------------


def test_the_link_carries_the_number_and_the_encoded_message():
    link = wa_link("0812-3456-7890", DEFAULT)
    assert link == (
        "https://wa.me/6281234567890?text=Halo%2C%20saya%20mau%20pesan%20Keset%20bulat%20"
        "kain%20perca%20%28Rp15.000%29.%20Apakah%20masih%20ada%3F")


@pytest.mark.parametrize("message", [
    "Halo, saya mau pesan",
    "Keset & taplak",
    "Warna #merah, ukuran 40 x 60?",
    "a=1&text=lain?x#y",
    "Baris satu\nBaris dua",
    "Mau 2 keset 🙏😊",
    "Bisa antar ke Way Jepara? Harga Rp15.000/buah, 100% kain perca.",
    "100%%20 + plus / garis",
])
def test_the_message_survives_the_link(message):
    link = wa_link("0812-3456-7890", message)
    parts = urlsplit(link)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/6281234567890")
    assert parts.fragment == ""  # a # in the message must not end the link
    encoded = link.split("?text=", 1)[1]
    assert not set(encoded) & set(" &#?\n/=+")  # all of them percent-encoded
    assert unquote(encoded) == message
    assert parse_qs(parts.query) == {"text": [message]}


def test_an_empty_message_gives_the_plain_chat_link():
    assert wa_link("0812-3456-7890") == "https://wa.me/6281234567890"
    assert wa_link("0812-3456-7890", "  \n ") == "https://wa.me/6281234567890"


def test_the_message_is_trimmed_and_windows_line_ends_made_plain():
    link = wa_link("0812-3456-7890", "  Halo\r\nkak  ")
    assert link.endswith("?text=Halo%0Akak")


def test_a_very_long_message_is_refused():
    wa_link("0812-3456-7890", "a" * MESSAGE_LIMIT)
    with pytest.raises(MessageError) as caught:
        wa_link("0812-3456-7890", "a" * (MESSAGE_LIMIT + 1))
    assert caught.value.key == "message_too_long"
    assert str(caught.value) == t("whatsapp.message_too_long", count=MESSAGE_LIMIT + 1,
                                  limit=MESSAGE_LIMIT)


def test_a_bad_number_stops_the_link():
    with pytest.raises(PhoneError):
        wa_link("0725 41234", "Halo")


