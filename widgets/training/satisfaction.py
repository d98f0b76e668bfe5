"""The satisfaction form's results: per statement the mean on the 1-4 scale, how many chose each
point, and the share who agree (3 or 4); the open answers as written. Plain Python."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction

from widgets.core.numbers import round_half_up
from widgets.training.items import SATISFACTION_SCALE, EvaluationForm


@dataclass(frozen=True)
class SatisfactionAnswer:
    participant_id: int
    name: str
    ratings: Mapping[str, int]
    open_answers: Mapping[str, str]


@dataclass(frozen=True)
class StatementResult:
    key: str
    counts: tuple[int, ...]  # how many chose 1, 2, 3, 4

    @property
    def n(self) -> int:
        return sum(self.counts)

    @property
    def mean(self) -> Fraction | None:
        if not self.n:
            return None
        return Fraction(sum(p * c for p, c in zip(SATISFACTION_SCALE, self.counts, strict=True)),
                        self.n)

    @property
    def agree(self) -> Fraction | None:
        """Percentage who chose 3 (agree) or 4 (strongly agree)."""
        return Fraction(100 * (self.counts[2] + self.counts[3]), self.n) if self.n else None


@dataclass(frozen=True)
class SatisfactionResult:
    respondents: int
    statements: tuple[StatementResult, ...]
    open_answers: dict[str, tuple[str, ...]]  # question key -> non-empty answers, oldest first


def summarise_satisfaction(form: EvaluationForm, answers: Iterable[SatisfactionAnswer]
                           ) -> SatisfactionResult:
    """One answer per participant counts (the first one saved)."""
    first: dict[int, SatisfactionAnswer] = {}
    for answer in answers:
        first.setdefault(answer.participant_id, answer)
    kept = list(first.values())
    statements = tuple(
        StatementResult(s.key, tuple(sum(1 for a in kept if a.ratings.get(s.key) == point)
                                     for point in SATISFACTION_SCALE))
        for s in form.satisfaction)
    opens = {q.key: tuple(a.open_answers[q.key] for a in kept
                          if a.open_answers.get(q.key, "").strip())
             for q in form.open_questions}
    return SatisfactionResult(len(kept), statements, opens)


def format_mean(value: Fraction | None) -> str:
    """A mean on a rating scale with one decimal comma: ``3,5``; ``–`` when nobody answered."""
    if value is None:
        return "–"
    tenths = round_half_up(value * 10)
    return f"{tenths // 10},{tenths % 10}"
