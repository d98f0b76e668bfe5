"""What another village's pages must never show: Jepara's names, products and dates.

The words are read from ``datasets/jepara/`` (the village, district, regency and province, the
group names, product names and words (``seragam``), member names and the shops, buyers and
partners its files name, and every date in its files as a page writes it: ``5 Agustus 2019``,
``Agustus 2019``) plus a few words only Jepara's trade uses (``keset``, ``kain perca``,
``ngarit``, ``menjahit``...). ``find_leaks`` looks for them as whole words, in any letter case.
Used by ``tests/test_villages.py`` (the shared catalogs and notebooks, planted text) and
``tests/test_browser_villages.py`` (every page of another village, served by the real kit).
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

import yaml

from widgets.core import i18n
from widgets.core.village import DATASETS_DIR, load_village

JEPARA = DATASETS_DIR / "jepara"

# Words of Jepara's trade and places that no other village's page should show; the
# names below are added from the files themselves.
TRADE_WORDS = (
    "keset", "kain perca", "perca", "konveksi", "kebaya", "umbul-umbul", "kambing", "ngarit",
    "rumah jahit", "Metro", "Mbak Ida", "Darman", "Lantai teras", "Menyerap air", "menjahit",
    "jahitan", "penjahit", "dedak", "obat cacing", "pesan kurban",
)
_DATE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_TITLES = ("Bu", "Ibu", "Pak", "Bapak")


def _dates_in(text: str) -> Iterator[str]:
    """Every date (``2019-08-05``) or month (``2019-08``) in ``text``, as a page writes it."""
    for year, month, day in _DATE.findall(text):
        if not 1 <= int(month) <= 12:
            continue
        if day:
            try:
                yield i18n.format_date(dt.date(int(year), int(month), int(day)), "id")
            except ValueError:
                continue
        yield i18n.format_month(int(year), int(month), "id")


def _names(value: object) -> Iterator[str]:
    """``name``/``siapa`` values anywhere in a YAML tree (partners, shops, buyers)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("name", "siapa") and isinstance(item, str):
                yield item
                if key == "siapa":  # "Bu Warsih (tetangga)": the person's name alone too
                    yield item.split(" (")[0]
            else:
                yield from _names(item)
    elif isinstance(value, list):
        for item in value:
            yield from _names(item)


@functools.lru_cache(maxsize=2)
def jepara_words(folder: Path = JEPARA) -> tuple[str, ...]:
    """Jepara's names, products and dates, longest first."""
    jepara = load_village(folder.name, folder.parent)
    words = {jepara.name, jepara.district, jepara.regency, jepara.province, *TRADE_WORDS}
    for group in jepara.groups.values():
        words.add(group.name)
        words.update(p.name for p in group.products)
        words.update(p.piece for p in group.products)  # one piece: keset, seragam, kambing
        for member in group.members:
            words.add(member.name)
            first = member.name.split()[0]
            words.update(f"{title} {first}" for title in _TITLES)
            if " " not in member.name:
                words.add(member.name)
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        words.update(_dates_in(text))
        if path.suffix == ".yaml" and path.name != "profile.yaml":
            words.update(_names(yaml.safe_load(text)))
        if path.suffix == ".csv" and "tanggal" in text.splitlines()[0]:
            with path.open(encoding="utf-8") as f:
                for row in csv.DictReader(f):
                    words.update(_dates_in(row["tanggal"]))
    # Short words, the village office and a generic cost line are no leak.
    words = {w for w in words if len(w) > 3 and w not in ("Kantor desa", "Cadangan ganti mesin")}
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


@functools.lru_cache(maxsize=2)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                      re.IGNORECASE)


def find_leaks(text: str, words: Iterable[str] | None = None) -> list[str]:
    """The Jepara words in ``text``, each with a little of the text around it."""
    pattern = _pattern(tuple(words) if words is not None else jepara_words())
    found = []
    for match in pattern.finditer(text):
        start, end = max(match.start() - 30, 0), min(match.end() + 30, len(text))
        found.append(f"{match.group(1)!r} in …{' '.join(text[start:end].split())}…")
    return found
