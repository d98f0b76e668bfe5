"""Marking the pre- and post-test and summarising a class: per-item rates, class means and the
normalized gain (Hake's g).

g = (post% - pre%) / (100% - pre%), computed from the class means of the participants who took
both tests (Hake 1998). Bands: low g < 0.3, medium 0.3 <= g < 0.7, high g >= 0.7. Everyone who
took only one test is counted and named, never silently dropped: they enter that test's mean and
item rates, not the gain. Exact arithmetic (``Fraction``); rounding happens only when shown.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from widgets.core.numbers import round_half_up
from widgets.training.items import EvaluationForm, Item

PHASES = ("pre", "post")
LOW, HIGH = Fraction(3, 10), Fraction(7, 10)


@dataclass(frozen=True)
class Attempt:
    """One participant's saved test: item key -> chosen option key or typed whole number."""

    participant_id: int
    name: str
    phase: str
    answers: Mapping[str, str | int]
    confidence: Mapping[str, int]


def is_right(item: Item, value: str | int | None) -> bool:
    if value is None:
        return False
    if item.kind == "choice":
        return isinstance(value, str) and value == item.answer
    return isinstance(value, int) and not isinstance(value, bool) and value == item.answer


def percent(items: Sequence[Item], answers: Mapping[str, str | int]) -> Fraction:
    """Share of items answered right, 0..100 (an unanswered item counts as wrong)."""
    if not items:
        return Fraction(0)
    right = sum(is_right(item, answers.get(item.key)) for item in items)
    return Fraction(100 * right, len(items))


def hake_gain(pre: Fraction, post: Fraction) -> Fraction | None:
    """Normalized gain from two percentages; None when the pre-test was already 100%."""
    if pre >= 100:
        return None
    return (Fraction(post) - Fraction(pre)) / (100 - Fraction(pre))


def gain_band(gain: Fraction | None) -> str | None:
    """``low``, ``medium`` or ``high`` (Hake's bands), None when there is no gain."""
    if gain is None:
        return None
    if gain < LOW:
        return "low"
    return "medium" if gain < HIGH else "high"


def format_gain(gain: Fraction | None) -> str:
    """Two decimals with a decimal comma: ``0,50``; ``–`` when there is no gain."""
    if gain is None:
        return "–"
    hundredths = round_half_up(gain * 100)
    whole, frac = divmod(abs(hundredths), 100)
    return f"{'-' if hundredths < 0 else ''}{whole},{frac:02d}"


def format_percent(value: Fraction | None) -> str:
    """A 0..100 percentage rounded half up to a whole: ``Fraction(200, 3)`` -> ``67%``."""
    return "–" if value is None else f"{round_half_up(Fraction(value))}%"


def _mean(values: Iterable[Fraction]) -> Fraction | None:
    found = list(values)
    return sum(found, Fraction(0)) / len(found) if found else None


@dataclass(frozen=True)
class ItemRate:
    key: str
    lesson: str
    pre_right: int
    pre_n: int
    post_right: int
    post_n: int

    @property
    def pre(self) -> Fraction | None:
        return Fraction(100 * self.pre_right, self.pre_n) if self.pre_n else None

    @property
    def post(self) -> Fraction | None:
        return Fraction(100 * self.post_right, self.post_n) if self.post_n else None


@dataclass(frozen=True)
class ParticipantScore:
    participant_id: int
    name: str
    pre: Fraction | None
    post: Fraction | None

    @property
    def gain(self) -> Fraction | None:
        if self.pre is None or self.post is None:
            return None
        return hake_gain(self.pre, self.post)


@dataclass(frozen=True)
class ConfidenceRate:
    key: str
    pre: Fraction | None  # mean on the 1-5 scale
    post: Fraction | None


@dataclass(frozen=True)
class ClassResult:
    """Everything the dashboard, the report and the Word file show about the tests."""

    scores: tuple[ParticipantScore, ...]
    items: tuple[ItemRate, ...]
    confidence: tuple[ConfidenceRate, ...]

    @property
    def pre_scores(self) -> list[Fraction]:
        return [s.pre for s in self.scores if s.pre is not None]

    @property
    def post_scores(self) -> list[Fraction]:
        return [s.post for s in self.scores if s.post is not None]

    @property
    def both(self) -> list[ParticipantScore]:
        return [s for s in self.scores if s.pre is not None and s.post is not None]

    @property
    def pre_only(self) -> list[ParticipantScore]:
        return [s for s in self.scores if s.pre is not None and s.post is None]

    @property
    def post_only(self) -> list[ParticipantScore]:
        return [s for s in self.scores if s.pre is None and s.post is not None]

    @property
    def mean_pre(self) -> Fraction | None:
        return _mean(self.pre_scores)

    @property
    def mean_post(self) -> Fraction | None:
        return _mean(self.post_scores)

    @property
    def gain(self) -> Fraction | None:
        """Hake's g of the class: from the means of those who took both tests."""
        both = self.both
        if not both:
            return None
        return hake_gain(_mean(s.pre for s in both), _mean(s.post for s in both))  # type: ignore[arg-type]

    @property
    def band(self) -> str | None:
        return gain_band(self.gain)


def _rates(form: EvaluationForm, pre: list[Attempt], post: list[Attempt]) -> tuple[ItemRate, ...]:
    return tuple(
        ItemRate(item.key, item.lesson,
                 sum(is_right(item, a.answers.get(item.key)) for a in pre), len(pre),
                 sum(is_right(item, a.answers.get(item.key)) for a in post), len(post))
        for item in form.items)


def _confidence(form: EvaluationForm, pre: list[Attempt], post: list[Attempt]
                ) -> tuple[ConfidenceRate, ...]:
    def mean(attempts: list[Attempt], key: str) -> Fraction | None:
        return _mean(Fraction(a.confidence[key]) for a in attempts if key in a.confidence)

    return tuple(ConfidenceRate(s.key, mean(pre, s.key), mean(post, s.key))
                 for s in form.confidence)


def summarise(form: EvaluationForm, attempts: Iterable[Attempt]) -> ClassResult:
    """The class result; the first attempt per participant and phase counts."""
    first: dict[tuple[int, str], Attempt] = {}
    for attempt in attempts:
        first.setdefault((attempt.participant_id, attempt.phase), attempt)
    pre = [a for (_, phase), a in first.items() if phase == "pre"]
    post = [a for (_, phase), a in first.items() if phase == "post"]
    names = {a.participant_id: a.name for a in first.values()}
    scores = tuple(
        ParticipantScore(
            pid, names[pid],
            percent(form.items, first[(pid, "pre")].answers) if (pid, "pre") in first else None,
            percent(form.items, first[(pid, "post")].answers) if (pid, "post") in first else None)
        for pid in sorted(names, key=lambda p: (names[p].casefold(), p)))
    return ClassResult(scores, _rates(form, pre, post), _confidence(form, pre, post))
