"""The FGD board's tables: questions with their state, the current question, answers (one per
participant and question, a new one replaces the old), idea cards and their anonymous scores.

Functions taking a :class:`Session` are the phone's: they reach only that participant's own
answer and check it as the view does (a closed question refuses, in plain words). Functions
taking a :class:`Store` are the trainer's and the projector's, called only behind the trainer
password or the projector key. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from widgets.core.text import clean_text
from widgets.store import Session, Store
from widgets.store.db import row_id
from widgets.training.fgd import MAX_QUESTION, FgdError, Question, check_answer
from widgets.training.fgd_ideas import Card, Score, check_group, check_merge, check_score

STATES = ("ready", "open", "closed")
_SELECT = ("SELECT id, key, lesson, kind, text, options, anonymous, state, revealed, round,"
           " outcome, agreed_at FROM fgd_questions")


@dataclass(frozen=True)
class BoardQuestion:
    id: int
    question: Question
    state: str
    revealed: bool
    round: int
    outcome: str
    agreed_at: str | None


@dataclass(frozen=True)
class Answer:
    participant: int
    name: str
    value: object
    at: str


@dataclass(frozen=True)
class Board:
    """Everything the projector shows for one question, read in one go."""

    q: BoardQuestion
    answers: list[Answer]
    cards: list[Card]
    scores: list[Score]


def _question(row: tuple) -> BoardQuestion:
    qid, key, lesson, kind, text, options, anonymous, state, revealed, round_, outcome, at = row
    question = Question(kind, text, tuple(json.loads(options)), bool(anonymous), key, lesson)
    return BoardQuestion(qid, question, state, bool(revealed), round_, outcome, at)


def get_question(store: Store, question_id: object) -> BoardQuestion:
    rows = store.read(_SELECT + " WHERE id = ?",
                      (row_id(question_id, "question"),))
    if not rows:
        raise FgdError("question_gone")
    return _question(rows[0])


def current_question(store: Store) -> BoardQuestion | None:
    """The question phones and the projector show now (its text is not private)."""
    (current,) = store.read("SELECT (SELECT question_id FROM fgd_current WHERE id = 1)")[0]
    if current is None:
        return None
    rows = store.read(_SELECT + " WHERE id = ?", (current,))
    return _question(rows[0]) if rows else None


# --- Phone side (a Session) ---------------------------------------------------------------


def _open_in(conn, question_id: int) -> BoardQuestion:
    row = conn.execute(_SELECT + " WHERE id = ?",
                       (question_id,)).fetchone()
    if row is None:
        raise FgdError("question_gone")
    found = _question(row)
    if found.state != "open":
        raise FgdError("closed")
    return found


def submit(session: Session, question_id: object, value: object) -> object:
    """Save the participant's answer (replacing an earlier one); returns it as stored."""
    qid = row_id(question_id, "question")
    store = session.store
    with store.transaction() as conn:
        found = _open_in(conn, qid)
        if found.question.kind == "ideas" and found.round:
            raise FgdError("scoring_now")
        answer = check_answer(found.question, _without_controls(value))
        now = store.now()
        conn.execute(
            "INSERT INTO fgd_answers (question_id, participant_id, answer, created_at,"
            " updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (question_id, participant_id)"
            " DO UPDATE SET answer = excluded.answer, updated_at = excluded.updated_at",
            (qid, session.participant_id, json.dumps(answer, ensure_ascii=False), now, now))
        if found.question.kind == "ideas":
            _sync_cards(conn, qid, session.participant_id, answer, now)  # type: ignore[arg-type]
    return answer


def _without_controls(value: object) -> object:
    """Typed text (or a list of idea cards) without direction controls: the store's own
    check, whatever the phone sent."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_text(v) if isinstance(v, str) else v for v in value]
    return value


def _sync_cards(conn, qid: int, pid: int, texts: list[str], now: str) -> None:
    """Keep the cards whose text is unchanged (with their group and merges); replace the rest."""
    old = conn.execute("SELECT id, text FROM fgd_cards WHERE question_id = ? AND"
                       " participant_id = ?", (qid, pid)).fetchall()
    keep = {text: card for card, text in old}
    for card, text in old:
        if text not in texts:
            conn.execute("DELETE FROM fgd_cards WHERE id = ?", (card,))
    for text in texts:
        if text not in keep:
            conn.execute("INSERT INTO fgd_cards (question_id, participant_id, text, created_at)"
                         " VALUES (?, ?, ?, ?)", (qid, pid, text, now))


def my_answer(session: Session, question_id: object) -> object | None:
    rows = session.store.read("SELECT answer FROM fgd_answers WHERE question_id = ? AND"
                              " participant_id = ?",
                              (row_id(question_id, "question"), session.participant_id))
    return json.loads(rows[0][0]) if rows else None


def cards_to_score(session: Session, question_id: object) -> list[tuple[int, str, int | None]]:
    """Other people's cards (duplicates folded away) with this participant's score this round."""
    found = get_question(session.store, question_id)
    board = read_board(session.store, found.id)
    from widgets.training.fgd_ideas import ideas

    mine = {s.card: s.score for s in board.scores
            if s.participant == session.participant_id and s.round == found.round}
    return [(i.card.id, i.card.text, mine.get(i.card.id)) for i in ideas(board.cards, [], 0)
            if i.card.author != session.participant_id]


def score_card(session: Session, question_id: object, card_id: object, value: object) -> None:
    qid, cid = row_id(question_id, "question"), row_id(card_id, "card")
    store = session.store
    with store.transaction() as conn:
        found = _open_in(conn, qid)
        if not found.round:
            raise FgdError("not_scoring")
        row = conn.execute("SELECT participant_id, text FROM fgd_cards WHERE id = ? AND"
                           " question_id = ?", (cid, qid)).fetchone()
        if row is None:
            raise FgdError("card_gone")
        score = check_score(Card(cid, row[0], row[1]), session.participant_id, value)
        conn.execute("INSERT INTO fgd_scores (card_id, participant_id, round, score, updated_at)"
                     " VALUES (?, ?, ?, ?, ?) ON CONFLICT (card_id, participant_id, round)"
                     " DO UPDATE SET score = excluded.score, updated_at = excluded.updated_at",
                     (cid, session.participant_id, found.round, score, store.now()))


# --- Trainer side (a Store) ---------------------------------------------------------------


def add_question(store: Store, question: Question) -> int:
    """Put a (checked) question on the board, ready to open; returns its id."""
    now = store.now()
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO fgd_questions (key, lesson, kind, text, options, anonymous, state,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'ready', ?, ?)",
            (question.key, question.lesson, question.kind, question.text,
             json.dumps(list(question.options), ensure_ascii=False), int(question.anonymous),
             now, now))
        return int(cursor.lastrowid)


def questions(store: Store) -> list[BoardQuestion]:
    return [_question(r) for r in store.read(_SELECT + " ORDER BY id")]


def _update(store: Store, question_id: object, sql: str, params: tuple = ()) -> None:
    qid = row_id(question_id, "question")
    with store.transaction() as conn:
        # ``sql`` is one of this module's constant SET clauses, never a participant's text.
        changed = conn.execute(f"UPDATE fgd_questions SET {sql}, updated_at = ? WHERE id = ?",  # noqa: S608
                               (*params, store.now(), qid)).rowcount
        if not changed:
            raise FgdError("question_gone")


def show(store: Store, question_id: object | None) -> None:
    """Make a question the current one on phones and the projector (None: nothing shown)."""
    qid = None if question_id is None else get_question(store, question_id).id
    with store.transaction() as conn:
        conn.execute("INSERT INTO fgd_current (id, question_id, updated_at) VALUES (1, ?, ?)"
                     " ON CONFLICT (id) DO UPDATE SET question_id = excluded.question_id,"
                     " updated_at = excluded.updated_at", (qid, store.now()))


def set_state(store: Store, question_id: object, state: str) -> None:
    """Open (also reopen) or close a question; opening also shows it."""
    if state not in STATES:
        raise ValueError(state)
    _update(store, question_id, "state = ?", (state,))
    if state == "open":
        show(store, question_id)


def reveal(store: Store, question_id: object, shown: bool = True) -> None:
    _update(store, question_id, "revealed = ?", (int(bool(shown)),))


def set_anonymous(store: Store, question_id: object, anonymous: bool) -> None:
    _update(store, question_id, "anonymous = ?", (int(bool(anonymous)),))


def agree(store: Store, question_id: object, outcome: str) -> None:
    """Record what the group agreed (*disepakati*); a blank text takes the mark away."""
    text = " ".join(str(outcome or "").split())
    if len(text) > MAX_QUESTION:
        raise FgdError("answer_long", limit=MAX_QUESTION, length=len(text))
    _update(store, question_id, "outcome = ?, agreed_at = ?",
            (text, store.now() if text else None))


def next_round(store: Store, question_id: object) -> int:
    """Start the next scoring round of an idea question (answers stop; scores start)."""
    found = get_question(store, question_id)
    if found.question.kind != "ideas":
        raise FgdError("not_ideas")
    _update(store, found.id, "round = round + 1")
    return found.round + 1


def set_group(store: Store, card_id: object, name: object) -> None:
    group = check_group(name)
    with store.transaction() as conn:
        conn.execute("UPDATE fgd_cards SET group_name = ? WHERE id = ?",
                     (group, row_id(card_id, "card")))


def merge(store: Store, card_id: object, into: object | None) -> None:
    """Fold a duplicate card into another (``into=None`` takes it out again)."""
    cid = row_id(card_id, "card")
    with store.transaction() as conn:
        if into is not None:
            target = row_id(into, "card")
            rows = conn.execute("SELECT id, participant_id, text, merged_into FROM fgd_cards"
                                " WHERE question_id = (SELECT question_id FROM fgd_cards"
                                " WHERE id = ?)", (cid,)).fetchall()
            cards = {r[0]: Card(r[0], r[1], r[2], "", r[3]) for r in rows}
            check_merge(cid, target, cards)
        conn.execute("UPDATE fgd_cards SET merged_into = ? WHERE id = ?",
                     (None if into is None else target, cid))


def read_board(store: Store, question_id: int) -> Board:
    found = get_question(store, question_id)
    answers = [Answer(pid, name, json.loads(answer), at) for pid, name, answer, at in store.read(
        "SELECT a.participant_id, p.name, a.answer, a.updated_at FROM fgd_answers a JOIN"
        " participants p ON p.id = a.participant_id WHERE a.question_id = ?"
        " ORDER BY a.updated_at, a.participant_id", (found.id,))]
    cards = [Card(*row) for row in store.read(
        "SELECT id, participant_id, text, group_name, merged_into FROM fgd_cards"
        " WHERE question_id = ? ORDER BY id", (found.id,))]
    scores = [Score(*row) for row in store.read(
        "SELECT s.card_id, s.participant_id, s.round, s.score FROM fgd_scores s JOIN fgd_cards c"
        " ON c.id = s.card_id WHERE c.question_id = ?", (found.id,))]
    if found.question.anonymous:
        answers = [replace(a, name="") for a in answers]
    return Board(found, answers, cards, scores)
