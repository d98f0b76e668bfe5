"""Idea cards on the FGD board: one idea per card, cards the trainer puts into named groups or
merges into another card (duplicates), anonymous 1-5 scores in rounds, and the top ideas to
read out. Plain Python, no ipywidgets.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from widgets.training.fgd import SCALE, FgdError

MAX_GROUP = 40


@dataclass(frozen=True)
class Card:
    id: int
    author: int  # participant id; never shown on the board, used only to stop self-scoring
    text: str
    group: str = ""
    merged_into: int | None = None


@dataclass(frozen=True)
class Score:
    card: int
    participant: int
    round: int
    score: int


@dataclass(frozen=True)
class Idea:
    """A card with the duplicates merged into it and its scores in one round."""

    card: Card
    merged: tuple[Card, ...]
    scores: int
    mean: Fraction | None


def check_group(name: object) -> str:
    text = " ".join(str(name or "").split())
    if len(text) > MAX_GROUP:
        raise FgdError("answer_long", limit=MAX_GROUP, length=len(text))
    return text


def root(card_id: int, cards: dict[int, Card]) -> int:
    """The card a card ends in after following merges (a loop stops where it would repeat)."""
    seen = {card_id}
    while (target := cards[card_id].merged_into) is not None and target in cards \
            and target not in seen:
        seen.add(target)
        card_id = target
    return card_id


def check_merge(card_id: int, into: int, cards: dict[int, Card]) -> None:
    if card_id not in cards or into not in cards:
        raise FgdError("card_gone")
    if card_id == into or root(into, cards) == card_id:
        raise FgdError("merge_self")


def check_score(card: Card, participant: int, value: object) -> int:
    if card.author == participant:
        raise FgdError("score_own")
    if isinstance(value, bool) or value not in SCALE:
        raise FgdError("choose_scale")
    return int(value)  # type: ignore[arg-type]


def ideas(cards: Iterable[Card], scores: Iterable[Score], round_: int) -> list[Idea]:
    """The board's cards (merged duplicates folded into the card they joined), each with the
    mean of the scores given to it or its duplicates in ``round_``; best first, then the most
    scored, then the oldest card."""
    by_id = {c.id: c for c in cards}
    merged: dict[int, list[Card]] = {}
    for card in by_id.values():
        top = root(card.id, by_id)
        if top != card.id:
            merged.setdefault(top, []).append(card)
    given: dict[int, list[int]] = {}
    for s in scores:
        if s.round == round_ and s.card in by_id:
            given.setdefault(root(s.card, by_id), []).append(s.score)
    found = []
    for card in by_id.values():
        if root(card.id, by_id) != card.id:
            continue
        values = given.get(card.id, [])
        mean = Fraction(sum(values), len(values)) if values else None
        found.append(Idea(card, tuple(merged.get(card.id, [])), len(values), mean))
    return sorted(found, key=lambda i: (-(i.mean or 0), -i.scores, i.card.id))


def grouped(found: list[Idea]) -> list[tuple[str, list[Idea]]]:
    """Ideas by group name, named groups in alphabetical order and ungrouped cards last."""
    groups: dict[str, list[Idea]] = {}
    for idea in sorted(found, key=lambda i: i.card.id):
        groups.setdefault(idea.card.group, []).append(idea)
    named = sorted((g for g in groups if g), key=str.casefold)
    return [(g, groups[g]) for g in named] + ([("", groups[""])] if "" in groups else [])


def top_ideas(found: list[Idea], count: int = 3) -> list[Idea]:
    """The ideas to read out: the best scored, only those that got a score."""
    return [i for i in found if i.mean is not None][:count]
