"""WhatsApp links (``https://wa.me/62…?text=…``) and the Indonesian mobile numbers they need.

Plain Python, no ipywidgets. Shared by every topic that hands a participant a ready-to-send
message: the order labels of lesson 4 (``promotion.orderlink``) and the payment reminders of the
credit book (``cashbook.reminder``). wa.me wants the number with country code 62 and no leading
0, so :func:`normalise_phone` turns what people type (``0812-3456-7890``, ``+62 812 3456 7890``)
into that form and refuses, with a message saying how to fix it, anything that is not an
Indonesian mobile number. Messages: ``widgets/locale/whatsapp.yaml``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from widgets.core.i18n import KeyedError, t

MESSAGE_LIMIT = 1000  # characters; one or two short paragraphs is what a chat needs

# Spaces (also the non-breaking ones phones paste), dashes of every width, dots and brackets.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212.()]+")
_DIGITS = frozenset("0123456789")
# Codes of countries many participants worked in; named in the message when a number has one.
_COUNTRIES = ("852", "853", "886", "966", "971", "673", "60", "65", "82", "81")
_SHORTEST, _LONGEST = 10, 13  # digits of a mobile number written the 08 way


class WhatsAppError(KeyedError):
    """Input we cannot make a link from. ``str(e)`` is the participant's message; ``key`` is
    its catalog key (``<section>.<key>``) so tests and views need not match text. A topic's own
    errors subclass this with their own ``section``, so a view catches them all at once."""

    section = "whatsapp"


class PhoneError(WhatsAppError):
    """The phone number is not an Indonesian mobile number."""


class MessageError(WhatsAppError):
    """The message is too long for a link."""


# --- Phone numbers --------------------------------------------------------------------------


def normalise_phone(text: str) -> str:
    """``0812-3456-7890``, ``+62 812 3456 7890``, ``(0812) 3456 7890`` -> ``6281234567890``."""
    if not isinstance(text, str):
        raise TypeError(f"normalise_phone expects str, got {type(text).__name__}")
    compact = _SEPARATORS.sub("", text)
    international = compact.startswith("+")
    digits = compact[1:] if international else compact
    if not digits:
        raise PhoneError("phone_empty")
    bad = next((char for char in digits if char not in _DIGITS), None)
    if bad is not None:
        raise PhoneError("phone_bad_char", char=bad)
    national = _national(digits, international)
    _check_mobile(national)
    return "62" + national


def _national(digits: str, international: bool) -> str:
    """The number after the country code or the leading 0 (``81234567890``)."""
    if not international and digits.startswith("00"):  # 0062…: the international prefix
        digits, international = digits[2:], True
    if digits.startswith("62"):
        rest = digits[2:]
        # "+62 0812…": the 0 belongs to the national form only; wa.me would fail with it.
        return rest[1:] if rest.startswith("0") else rest
    if international:
        raise _foreign(digits) if digits[:1] != "0" else PhoneError("phone_bad_start")
    if digits.startswith("0"):
        return digits[1:]
    if digits.startswith("8"):  # written without the 0: 812-3456-7890
        return digits
    if any(digits.startswith(code) for code in _COUNTRIES):
        raise _foreign(digits)
    raise PhoneError("phone_bad_start")


def _foreign(digits: str) -> PhoneError:
    code = next((code for code in _COUNTRIES if digits.startswith(code)), None)
    if code is None:
        return PhoneError("phone_foreign")
    return PhoneError("phone_foreign_known", code=code, country=t(f"whatsapp.country_{code}"))


def _check_mobile(national: str) -> None:
    """Mobile numbers are 08 then 1-9 (0812, 0857, 0896…), 10 to 13 digits in all."""
    if not national.startswith("8") or national[1:2] == "0":
        raise PhoneError("phone_not_mobile")
    count = len(national) + 1  # as written with the leading 0
    if count < _SHORTEST:
        raise PhoneError("phone_too_short", count=count)
    if count > _LONGEST:
        raise PhoneError("phone_too_long", count=count)


def format_phone(phone: str) -> str:
    """A number the way people read it aloud: ``6281234567890`` -> ``0812-3456-7890``."""
    local = "0" + normalise_phone(phone)[2:]
    rest = local[4:]
    half = len(rest) // 2
    return f"{local[:4]}-{rest[:half]}-{rest[half:]}"


# --- The link -------------------------------------------------------------------------------


def check_message(message: str, limit: int = MESSAGE_LIMIT) -> str:
    """The message as it goes into the link: trimmed, Windows line ends made plain."""
    text = message.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > limit:
        raise MessageError("message_too_long", count=len(text), limit=limit)
    return text


def wa_link(phone: str, message: str = "") -> str:
    """``https://wa.me/6281234567890?text=Halo%2C…``; no ``?text=`` for an empty message."""
    number = normalise_phone(phone)
    text = check_message(message)
    if not text:
        return f"https://wa.me/{number}"
    return f"https://wa.me/{number}?text={quote(text, safe='')}"
