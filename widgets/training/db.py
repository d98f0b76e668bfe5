"""The trainer side's tables: page visits, participant profiles (group, gender), the tests and
the satisfaction form, people added to the attendance list, and the report's own paragraphs.

Functions that take a :class:`Session` reach only that participant's rows and validate like the
view does (the store is a trust boundary). Functions that take a :class:`Store` read across
participants: only the trainer's views, built after the trainer password, call them.
Plain Python, no ipywidgets.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from widgets.core.i18n import t
from widgets.core.text import clean_text
from widgets.sharing import rules
from widgets.store import Session, Store
from widgets.training.attendance import GENDERS, AddedPerson, Presence, Profile
from widgets.training.evaluation import Attempt
from widgets.training.items import CONFIDENCE_SCALE, SATISFACTION_SCALE, EvaluationForm
from widgets.training.progress import AnswerRow, VisitRow
from widgets.training.satisfaction import SatisfactionAnswer

PAGE_MAX = 60
OPEN_MAX = 500
REPORT_TEXT_MAX = 4000
NAME_MAX = 60


class EvaluationError(ValueError):
    """A form the store refuses; the message is for the participant."""


def _local_day(store: Store) -> str:
    return store.clock().astimezone().date().isoformat()


# --- Participant side (a Session) -------------------------------------------------------------


def record_visit(session: Session, page: str) -> None:
    """Note that this participant signed in on ``page`` (a lesson file stem) now."""
    page = page if isinstance(page, str) else ""
    if not page or len(page) > PAGE_MAX:
        raise ValueError("page must be a short lesson name")
    store = session.store
    with store.transaction() as conn:
        conn.execute("INSERT INTO visits (participant_id, page, day, at) VALUES (?, ?, ?, ?)",
                     (session.participant_id, page, _local_day(store), store.now()))


def save_profile(session: Session, group: str, gender: str, groups: tuple[str, ...]) -> None:
    _save_profile(session.store, session.participant_id, group, gender, groups)


def profile(session: Session) -> Profile | None:
    return profiles(session.store).get(session.participant_id)


def _save_profile(store: Store, participant_id: int, group: str, gender: str,
                  groups: tuple[str, ...]) -> None:
    if group not in (*groups, "") or gender not in (*GENDERS, ""):
        raise EvaluationError(t("training.profile_bad"))
    with store.transaction() as conn:
        conn.execute(
            "INSERT INTO participant_profiles (participant_id, group_key, gender, updated_at)"
            " VALUES (?, ?, ?, ?) ON CONFLICT(participant_id) DO UPDATE SET"
            " group_key = excluded.group_key, gender = excluded.gender,"
            " updated_at = excluded.updated_at",
            (participant_id, group, gender, store.now()))


def _checked_answers(form: EvaluationForm, answers: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(answers, dict):
        raise EvaluationError(t("training.form_bad"))
    checked: dict[str, Any] = {}
    for item in form.items:
        value = answers.get(item.key)
        if value is None:
            raise EvaluationError(t("training.form_incomplete"))
        ok = (isinstance(value, str) and item.option(value) is not None if item.kind == "choice"
              else isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**12)
        if not ok:
            raise EvaluationError(t("training.form_bad"))
        checked[item.key] = value
    return checked


def _checked_ratings(statements: tuple, ratings: Any, scale: tuple[int, ...]) -> dict[str, int]:
    if not isinstance(ratings, dict):
        raise EvaluationError(t("training.form_bad"))
    checked = {}
    for statement in statements:
        value = ratings.get(statement.key)
        if isinstance(value, bool) or value not in scale:
            raise EvaluationError(t("training.form_incomplete"))
        checked[statement.key] = value
    return checked


def _insert(session: Session, phase: str, answers: dict[str, Any], extra: dict[str, Any]) -> None:
    store = session.store
    with store.transaction() as conn:
        done = conn.execute("SELECT 1 FROM evaluations WHERE participant_id = ? AND phase = ?",
                            (session.participant_id, phase)).fetchone()
        if done:
            raise EvaluationError(t(f"training.already_{phase}"))
        conn.execute(
            "INSERT INTO evaluations (participant_id, phase, answers, extra, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (session.participant_id, phase, clean_text(json.dumps(answers, ensure_ascii=False)),
             clean_text(json.dumps(extra, ensure_ascii=False)), store.now()))


def save_test(session: Session, form: EvaluationForm, phase: str, answers: dict[str, Any],
              confidence: dict[str, int]) -> Attempt:
    """Save the pre- or post-test, once per participant; every item must be answered."""
    if phase not in ("pre", "post"):
        raise ValueError(f"unknown phase {phase!r}")
    checked = _checked_answers(form, answers)
    sure = _checked_ratings(form.confidence, confidence, CONFIDENCE_SCALE)
    _insert(session, phase, checked, sure)
    return Attempt(session.participant_id, session.name, phase, checked, sure)


def my_attempt(session: Session, phase: str) -> Attempt | None:
    found = [a for a in _attempts(session.store, session.participant_id) if a.phase == phase]
    return found[0] if found else None


def save_satisfaction(session: Session, form: EvaluationForm, ratings: dict[str, int],
                      open_answers: dict[str, str]) -> None:
    checked = _checked_ratings(form.satisfaction, ratings, SATISFACTION_SCALE)
    texts = {}
    for question in form.open_questions:
        value = open_answers.get(question.key, "") if isinstance(open_answers, dict) else None
        if not isinstance(value, str) or len(value) > OPEN_MAX:
            raise EvaluationError(t("training.open_too_long", maximum=OPEN_MAX))
        texts[question.key] = value.strip()
    _insert(session, "satisfaction", checked, texts)


def satisfaction_done(session: Session) -> bool:
    return bool(session.store.read(
        "SELECT 1 FROM evaluations WHERE participant_id = ? AND phase = 'satisfaction'",
        (session.participant_id,)))


# --- Trainer side (a Store; reachable only after the trainer password) -------------------------


def _attempts(store: Store, participant_id: int | None = None) -> list[Attempt]:
    sql = ("SELECT e.participant_id, p.name, e.phase, e.answers, e.extra FROM evaluations e"
           " JOIN participants p ON p.id = e.participant_id WHERE e.phase IN ('pre', 'post')")
    params: tuple[object, ...] = ()
    if participant_id is not None:
        sql, params = sql + " AND e.participant_id = ?", (participant_id,)
    return [Attempt(pid, name, phase, json.loads(answers), json.loads(extra))
            for pid, name, phase, answers, extra in store.read(sql + " ORDER BY e.id", params)]


def class_attempts(store: Store) -> list[Attempt]:
    return _attempts(store)


def class_satisfaction(store: Store) -> list[SatisfactionAnswer]:
    rows = store.read(
        "SELECT e.participant_id, p.name, e.answers, e.extra FROM evaluations e JOIN"
        " participants p ON p.id = e.participant_id WHERE e.phase = 'satisfaction'"
        " ORDER BY e.id")
    return [SatisfactionAnswer(pid, name, json.loads(a), json.loads(x))
            for pid, name, a, x in rows]


def answer_rows(store: Store) -> list[AnswerRow]:
    rows = store.read("SELECT a.participant_id, p.name, a.exercise, a.answer, a.correct,"
                      " a.created_at FROM answers a JOIN participants p ON p.id = a.participant_id"
                      " ORDER BY a.id")
    return [AnswerRow(pid, name, ex, json.loads(ans), bool(ok), at)
            for pid, name, ex, ans, ok, at in rows]


def visit_rows(store: Store) -> list[VisitRow]:
    rows = store.read("SELECT v.participant_id, p.name, v.page, v.at FROM visits v"
                      " JOIN participants p ON p.id = v.participant_id ORDER BY v.id")
    return [VisitRow(*row) for row in rows]


def presences(store: Store) -> list[Presence]:
    rows = store.read("SELECT DISTINCT v.participant_id, p.name, v.day, v.page FROM visits v"
                      " JOIN participants p ON p.id = v.participant_id")
    return [Presence(pid, name, dt.date.fromisoformat(day), page)
            for pid, name, day, page in rows]


def participants(store: Store) -> dict[int, str]:
    return dict(store.read("SELECT id, name FROM participants ORDER BY name_key"))


def profiles(store: Store) -> dict[int, Profile]:
    rows = store.read("SELECT participant_id, group_key, gender FROM participant_profiles")
    return {pid: Profile(group, gender) for pid, group, gender in rows}


def set_profile(store: Store, participant_id: int, group: str, gender: str,
                groups: tuple[str, ...]) -> None:
    _save_profile(store, participant_id, group, gender, groups)


def add_person(store: Store, person: AddedPerson, groups: tuple[str, ...]) -> AddedPerson:
    name = " ".join(person.name.split()) if isinstance(person.name, str) else ""
    partner = " ".join(person.partner.split()) if isinstance(person.partner, str) else ""
    if not name or len(name) > NAME_MAX or len(partner) > NAME_MAX:
        raise EvaluationError(t("training.added_name"))
    if person.group not in (*groups, "") or person.gender not in (*GENDERS, ""):
        raise EvaluationError(t("training.profile_bad"))
    with store.transaction() as conn:
        cursor = conn.execute(
            "INSERT INTO attendance_added (day, name, group_key, gender, session, partner,"
            " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (person.day.isoformat(), name, person.group, person.gender, person.session[:PAGE_MAX],
             partner, store.now()))
        new_id = int(cursor.lastrowid or 0)
    return AddedPerson(new_id, person.day, name, person.group, person.gender, person.session,
                       partner)


def added_people(store: Store) -> list[AddedPerson]:
    rows = store.read("SELECT id, day, name, group_key, gender, session, partner"
                      " FROM attendance_added ORDER BY day, id")
    return [AddedPerson(i, dt.date.fromisoformat(d), n, g, s, ses, p)
            for i, d, n, g, s, ses, p in rows]


def remove_added(store: Store, person_id: int) -> None:
    with store.transaction() as conn:
        conn.execute("DELETE FROM attendance_added WHERE id = ?", (int(person_id),))


def save_report_text(store: Store, key: str, text: str) -> None:
    if not isinstance(text, str) or len(text) > REPORT_TEXT_MAX:
        raise EvaluationError(t("training.report_text_long", maximum=REPORT_TEXT_MAX))
    with store.transaction() as conn:
        conn.execute("INSERT INTO report_texts (key, text, updated_at) VALUES (?, ?, ?)"
                     " ON CONFLICT(key) DO UPDATE SET text = excluded.text,"
                     " updated_at = excluded.updated_at", (key, text.strip(), store.now()))


def report_texts(store: Store) -> dict[str, str]:
    return dict(store.read("SELECT key, text FROM report_texts"))


def method_text(method: str, params: str | None = None) -> str:
    """A sharing method as participants read it in lesson 4: the rule in one sentence when its
    parameters are known (*Kas kelompok 20% dulu, sisanya dibagi rata.*), else the method's
    name; an unknown key is shown as it is."""
    try:
        if params is None:
            return rules.method_label(method)
        return rules.describe(rules.Rule(method, json.loads(params)))
    except (KeyError, ValueError, TypeError, ArithmeticError):
        return method


def saved_rules(store: Store) -> list[tuple[str, str, str, str, str]]:
    """(participant, group, rule, note, saved at) of every participant's newest rule per
    group: the rules agreed in lesson 4."""
    rows = store.read(
        "SELECT p.name, r.group_name, r.method, r.params, r.note, r.created_at FROM"
        " sharing_rules r JOIN participants p ON p.id = r.participant_id WHERE r.id IN (SELECT"
        " MAX(id) FROM sharing_rules GROUP BY participant_id, group_key)"
        " ORDER BY r.group_name, p.name_key")
    return [(n, g, method_text(m, params), note, at) for n, g, m, params, note, at in rows]


def saved_distributions(store: Store) -> list[tuple[str, str, str, str, int, int]]:
    """(participant, group, day, method, total, number of shares) of every distribution."""
    rows = store.read("SELECT p.name, d.group_name, d.day, d.method, d.total, d.shares FROM"
                      " distributions d JOIN participants p ON p.id = d.participant_id"
                      " ORDER BY d.day, d.id")
    return [(n, g, day, method_text(m), total, len(json.loads(shares)))
            for n, g, day, m, total, shares in rows]


def agenda_rows(store: Store) -> list[tuple[str, str, str, str, int]]:
    """(day, page, first sign-in, last sign-in, people) per day and page, as the class ran."""
    return [tuple(row) for row in store.read(  # type: ignore[misc]
        "SELECT day, page, MIN(at), MAX(at), COUNT(DISTINCT participant_id) FROM visits"
        " GROUP BY day, page ORDER BY day, MIN(at)")]
