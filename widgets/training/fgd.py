"""The FGD board's rules: question kinds, checking an answer, and the results the projector
shows (poll counts, a 1-5 scale's average and spread, short answers as a word list sized by
frequency, Borda totals for a ranking, volunteers per role, idea cards in groups with their
anonymous scores). Plain Python, no ipywidgets; ``fgd_db`` stores, the views show.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from widgets.core.i18n import KeyedError
from widgets.core.numbers import round_half_up

KINDS = ("poll", "scale", "words", "ideas", "ranking", "volunteer")
WITH_OPTIONS = ("poll", "ranking", "volunteer")
SCALE = (1, 2, 3, 4, 5)
MAX_QUESTION, MAX_OPTION, MAX_OPTIONS = 300, 60, 8
MAX_WORDS, MAX_IDEA, MAX_CARDS = 40, 140, 3

# Chat spellings and shortenings heard in class, mapped to the standard word, so "gak jujur"
# and "tidak jujur" count as one answer. A facilitator may add more here.
VARIANTS = {
    "gak": "tidak", "ga": "tidak", "gk": "tidak", "nggak": "tidak", "ngga": "tidak",
    "enggak": "tidak", "engga": "tidak", "tdk": "tidak", "tak": "tidak", "kagak": "tidak",
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "utk": "untuk", "untk": "untuk",
    "sdh": "sudah", "udah": "sudah", "udh": "sudah", "blm": "belum", "blum": "belum",
    "krn": "karena", "karna": "karena", "jd": "jadi", "tp": "tapi", "dr": "dari",
    "jg": "juga", "aja": "saja", "bs": "bisa", "bsa": "bisa", "klo": "kalau", "kalo": "kalau",
    "kl": "kalau", "org": "orang", "hrs": "harus", "bnyk": "banyak", "byk": "banyak",
    "sm": "sama", "lg": "lagi", "sy": "saya", "gmn": "bagaimana", "gimana": "bagaimana",
    "pake": "pakai", "trs": "terus", "trus": "terus", "emang": "memang", "tau": "tahu",
    "dah": "sudah", "skrg": "sekarang", "skrng": "sekarang", "bln": "bulan", "thn": "tahun",
    "kls": "kelas", "kel": "kelompok", "klp": "kelompok", "kelp": "kelompok", "angg": "anggota",
    "ptg": "penting", "bgt": "sekali", "banget": "sekali", "duit": "uang", "jualan": "jual",
}
# Old (pre-1972) spellings still written by older members: djahit -> jahit, tjatat -> catat.
OLD_SPELLING = (("dj", "j"), ("tj", "c"), ("oe", "u"))


class FgdError(KeyedError):
    """An answer or question the board refuses; the message is plain Indonesian."""

    section = "fgd"


@dataclass(frozen=True)
class Question:
    """One FGD question: from the village's prepared set or typed by the trainer on the spot."""

    kind: str
    text: str
    options: tuple[str, ...] = ()
    anonymous: bool = False
    key: str = ""
    lesson: str = ""


def _clean_text(value: object, limit: int, empty: str, long: str) -> str:
    text = " ".join(str(value if value is not None else "").split())
    if not text:
        raise FgdError(empty)
    if len(text) > limit:
        raise FgdError(long, limit=limit, length=len(text))
    return text


def check_question(kind: str, text: object, options: Iterable[object] = (),
                   anonymous: bool = False, key: str = "", lesson: str = "") -> Question:
    """A question as the trainer typed it, checked: known kind, a text, 2-8 short options for
    the kinds that have them (blank lines dropped, duplicates refused)."""
    if kind not in KINDS:
        raise FgdError("bad_kind")
    body = _clean_text(text, MAX_QUESTION, "question_empty", "question_long")
    opts = tuple(_clean_text(o, MAX_OPTION, "option_empty", "option_long")
                 for o in options if str(o or "").strip())
    if kind in WITH_OPTIONS:
        if not 2 <= len(opts) <= MAX_OPTIONS:
            raise FgdError("option_count", maximum=MAX_OPTIONS)
        if len({o.casefold() for o in opts}) != len(opts):
            raise FgdError("option_twice")
    else:
        opts = ()
    return Question(kind, body, opts, bool(anonymous), key, lesson)


def _index(value: object, options: Sequence[str]) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < len(options):
        raise FgdError("choose_one")
    return value


def split_ideas(text: object) -> list[str]:
    """A phone's idea box: one idea per line, blank lines dropped."""
    return [" ".join(line.split()) for line in str(text or "").splitlines() if line.strip()]


def check_answer(question: Question, value: object) -> object:
    """The answer as it is stored (JSON-ready), or :class:`FgdError` with the message the
    participant sees: poll/volunteer an option number, scale 1-5, words a short text, ideas a
    list of 1-3 cards, ranking an order of every option."""
    kind = question.kind
    if kind in ("poll", "volunteer"):
        return _index(value, question.options)
    if kind == "scale":
        if isinstance(value, bool) or value not in SCALE:
            raise FgdError("choose_scale")
        return int(value)  # type: ignore[arg-type]
    if kind == "words":
        return _clean_text(value, MAX_WORDS, "answer_empty", "answer_long")
    if kind == "ideas":
        cards = split_ideas(value) if isinstance(value, str) else list(value or [])  # type: ignore[call-overload]
        if not cards:
            raise FgdError("answer_empty")
        if len(cards) > MAX_CARDS:
            raise FgdError("ideas_many", maximum=MAX_CARDS)
        return [_clean_text(c, MAX_IDEA, "answer_empty", "answer_long") for c in cards]
    order = list(value) if isinstance(value, list | tuple) else []
    if sorted(order) != list(range(len(question.options))) or any(
            isinstance(i, bool) for i in order):
        raise FgdError("rank_all")
    return order


# --- Words --------------------------------------------------------------------------------


def normalise(text: str) -> str:
    """One spelling for one answer: case, accents, spacing and punctuation ignored; chat
    shortenings and old spellings written the standard way; ``anggota2`` = ``anggota-anggota``;
    ``bagusss`` = ``bagus``."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()
    words = []
    for word in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text):
        word = re.sub(r"(.)\1{2,}", r"\1", word)
        if len(word) > 2 and word.endswith("2") and word[:-1].isalpha():
            word = f"{word[:-1]}-{word[:-1]}"
        for old, new in OLD_SPELLING:
            word = word.replace(old, new)
        words.append(VARIANTS.get(word, word))
    return " ".join(words)


@dataclass(frozen=True)
class Word:
    text: str
    count: int
    size: int  # px on the projector, bigger for more frequent answers
    names: tuple[str, ...] = ()


def word_list(answers: Iterable[tuple[str, str]], smallest: int = 28, largest: int = 84
              ) -> list[Word]:
    """Short answers ``(text, name)`` grouped by their normalised spelling, most frequent first
    (ties alphabetical), each with a font size growing with its count."""
    counts: Counter[str] = Counter()
    names: dict[str, list[str]] = {}
    for text, name in answers:
        key = normalise(text)
        if key:
            counts[key] += 1
            names.setdefault(key, []).append(name)
    if not counts:
        return []
    top = max(counts.values())
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Word(key, n, smallest + round_half_up(Fraction((largest - smallest) * (n - 1),
                                                           max(top - 1, 1))),
                 tuple(x for x in names[key] if x)) for key, n in ordered]


# --- Numbers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleSummary:
    count: int
    counts: dict[int, int]
    mean: Fraction | None
    spread: float | None  # population standard deviation, in scale points


def scale_summary(values: Iterable[int]) -> ScaleSummary:
    values = list(values)
    counts = {v: values.count(v) for v in SCALE}
    if not values:
        return ScaleSummary(0, counts, None, None)
    return ScaleSummary(len(values), counts, Fraction(sum(values), len(values)),
                        statistics.pstdev(values))


def decimal_text(value: Fraction | float | None) -> str:
    """One decimal with a comma, as Indonesians write it: ``3,5``."""
    if value is None:
        return "–"
    tenths = round_half_up(Fraction(value) * 10)
    return f"{tenths // 10},{tenths % 10}"


def poll_counts(options: Sequence[str], answers: Iterable[int]) -> list[int]:
    counts = [0] * len(options)
    for index in answers:
        counts[index] += 1
    return counts


def borda(options: Sequence[str], rankings: Iterable[Sequence[int]]) -> list[tuple[int, int]]:
    """Borda count: with n options, first place earns n-1 points, last 0. Returns
    ``(option index, points)`` best first; ties keep the listed order."""
    n = len(options)
    points = [0] * n
    for order in rankings:
        for place, index in enumerate(order):
            points[index] += n - 1 - place
    return sorted(enumerate(points), key=lambda pair: (-pair[1], pair[0]))


def volunteers(options: Sequence[str], answers: Iterable[tuple[int, str]]
               ) -> list[tuple[str, list[str]]]:
    """Each role with the names that signed up for it, in the order they signed up."""
    by_role: list[list[str]] = [[] for _ in options]
    for index, name in answers:
        by_role[index].append(name)
    return list(zip(options, by_role, strict=True))
