"""Promotion: the text helpers the post builder and the checks share: clean what was typed,
read hashtags, find words, capitals, phone numbers and links.

Plain Python, no ipywidgets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Caps lock: flagged when at least this many letters are mostly upper case.
CAPS_MIN_LETTERS = 12
CAPS_SHARE = 0.7


_URL = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|id|net|org|me|ly|link|shop|store|co)"
    r"(?:/\S*)?\b", re.IGNORECASE)
# A phone number: 9 or more digits, possibly split by spaces, dashes or dots, with +62/62/0.
_PHONE = re.compile(r"(?<![\w])(?:\+?\d[\s\-.()]*){9,15}(?![\w])")


def clean(text: object, limit: int | None = None) -> str:
    """Text as typed, with phone-keyboard oddities folded (NFKC), control characters dropped,
    and trailing spaces trimmed; cut at ``limit`` characters."""
    value = unicodedata.normalize("NFKC", text if isinstance(text, str) else "")
    value = "".join(ch for ch in value if ch in "\n\t" or unicodedata.category(ch)[0] != "C"
                    or ch in "\u200d\ufe0f")
    lines = [" ".join(line.split()) for line in value.replace("\r", "").split("\n")]
    value = "\n".join(lines).strip()
    return value[:limit] if limit else value


def parse_hashtags(text: str) -> tuple[list[str], list[str]]:
    """``(tags, rejected)`` from what a participant typed: ``keset perca, #wayjepara`` gives
    ``['#kesetperca', '#wayjepara']``. Words are joined, ``#`` added, duplicates dropped."""
    tags: list[str] = []
    rejected: list[str] = []
    for piece in re.split(r"[,;\n]+|(?=#)", clean(text)):
        word = piece.strip().lstrip("#").strip()
        if not word:
            continue
        joined = "".join(word.split())
        if not re.fullmatch(r"\w+", joined):
            rejected.append(piece.strip())
            continue
        tag = "#" + joined.casefold()
        if tag not in tags:
            tags.append(tag)
    return tags, rejected


def words(text: str) -> list[str]:
    return re.findall(r"\w+(?:[-']\w+)*", text)


def is_shouting(text: str) -> bool:
    """Mostly capital letters (a long run of caps reads as shouting and is harder to read)."""
    letters = [ch for ch in text if ch.isalpha() and ch.lower() != ch.upper()]
    if len(letters) < CAPS_MIN_LETTERS:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) >= CAPS_SHARE


def _contains(text: str, phrase: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text.casefold()) is not None


def found_words(text: str, wordlist: Iterable[str]) -> list[str]:
    """The listed words and phrases that occur in ``text`` as whole words (any case)."""
    return [word for word in wordlist if _contains(text, word)]


def phone_numbers(text: str) -> list[str]:
    return [m.group(0).strip() for m in _PHONE.finditer(text)
            if len(re.sub(r"\D", "", m.group(0))) >= 9]


def links(text: str) -> list[str]:
    return [m.group(0) for m in _URL.finditer(text)]
