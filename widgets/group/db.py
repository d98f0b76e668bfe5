"""The communication lesson's tables: meeting notulen and duty rosters, per participant and
labelled with the group they are for. Everything is checked again by the core before it is
written (the store is a trust boundary of its own): a notulen goes through ``make_meeting``, a
roster through ``check_roster``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from widgets.core.text import clean_text
from widgets.group.meeting import Action, Meeting, MeetingError, make_meeting
from widgets.group.roster import Mark, Plan, Roster, RosterError, Swap, check_roster, make_plan
from widgets.store.db import Session, add_own, row_id, select_own
from widgets.store.fields import short_text

MAX_SAVED = 200  # rows a participant keeps per group and table: far above one course


@dataclass(frozen=True)
class SavedMeeting:
    id: int
    group_key: str
    meeting: Meeting
    created_at: str


@dataclass(frozen=True)
class SavedRoster:
    id: int
    group_key: str
    roster: Roster
    created_at: str
    updated_at: str


# --- JSON -----------------------------------------------------------------------------------


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _action(a: Action) -> dict[str, Any]:
    return {"person": a.person, "task": a.task, "due": a.due.isoformat(), "done": a.done}


def meeting_to_dict(m: Meeting) -> dict[str, Any]:
    return {"group": m.group, "day": m.day.isoformat(), "place": m.place,
            "members": list(m.members), "present": list(m.present), "agenda": list(m.agenda),
            "decisions": list(m.decisions), "actions": [_action(a) for a in m.actions],
            "reviewed": [_action(a) for a in m.reviewed], "chair": m.chair,
            "secretary": m.secretary, "village": m.village}


def meeting_from_dict(d: dict[str, Any]) -> Meeting:
    def actions(items: list[dict[str, Any]]) -> list[Action]:
        return [Action(a["person"], a["task"], dt.date.fromisoformat(a["due"]),
                       bool(a.get("done"))) for a in items]

    return make_meeting(group=d["group"], day=_date(d["day"]), place=d["place"],
                        members=d["members"], present=d["present"], agenda=d["agenda"],
                        decisions=d["decisions"], actions=actions(d["actions"]),
                        reviewed=actions(d.get("reviewed", [])), chair=d.get("chair", ""),
                        secretary=d.get("secretary", ""), village=d.get("village", ""))


def roster_to_dict(r: Roster) -> dict[str, Any]:
    p = r.plan
    return {
        "members": list(p.members), "start": p.start.isoformat(), "end": p.end.isoformat(),
        "per_day": p.per_day,
        "away": {m: sorted(d.isoformat() for d in days) for m, days in p.away.items() if days},
        "duty": {d.isoformat(): list(people) for d, people in sorted(r.duty.items())},
        "swaps": [[s.first, s.first_day.isoformat(), s.second,
                   s.second_day.isoformat() if s.second_day else None] for s in r.swaps],
        "marks": [[d.isoformat(), m, mark.status, mark.reason]
                  for (d, m), mark in sorted(r.marks.items())],
    }


def roster_from_dict(d: dict[str, Any]) -> Roster:
    """A roster from its JSON, checked (``RosterError`` if it does not hold together)."""
    plan: Plan = make_plan(d["members"], dt.date.fromisoformat(d["start"]),
                           dt.date.fromisoformat(d["end"]), d["per_day"],
                           {m: [dt.date.fromisoformat(x) for x in days]
                            for m, days in d.get("away", {}).items()})
    duty = {dt.date.fromisoformat(day): tuple(people) for day, people in d["duty"].items()}
    swaps = tuple(Swap(a, dt.date.fromisoformat(ad), b, _date(bd))
                  for a, ad, b, bd in d.get("swaps", []))
    marks = {(dt.date.fromisoformat(day), m): Mark(status, reason)
             for day, m, status, reason in d.get("marks", [])}
    roster = Roster(plan, duty, swaps, marks)
    check_roster(roster)
    return roster


def _group_key(key: object) -> str:
    return short_text(key, "group")


# --- Meetings -------------------------------------------------------------------------------


def save_meeting(session: Session, group_key: str, meeting: Meeting) -> SavedMeeting:
    """Keep a meeting's notulen (``MeetingError`` if they do not check out)."""
    key = _group_key(group_key)
    data = meeting_to_dict(meeting)
    checked = meeting_from_dict(data)
    now = session.store.now()
    meeting_id = add_own(session, "meetings", {
        "group_key": key, "day": checked.day.isoformat(),
        "notulen": clean_text(json.dumps(data, ensure_ascii=False, sort_keys=True)),
        "created_at": now})
    return SavedMeeting(meeting_id, key, checked, now)


def meetings(session: Session, group_key: str) -> list[SavedMeeting]:
    """This participant's notulen for the group, by meeting day (oldest first)."""
    rows = session.store.read(
        "SELECT id, group_key, notulen, created_at FROM meetings"
        " WHERE participant_id = ? AND group_key = ? ORDER BY day DESC, id DESC LIMIT ?",
        (session.participant_id, group_key, MAX_SAVED))
    found = []
    for i, k, body, at in reversed(rows):
        try:
            found.append(SavedMeeting(i, k, meeting_from_dict(json.loads(body)), at))
        except (MeetingError, KeyError, TypeError, ValueError):
            continue  # a row no longer valid (e.g. edited by hand) is skipped, never shown
    return found


def last_meeting(session: Session, group_key: str) -> SavedMeeting | None:
    found = meetings(session, group_key)
    return found[-1] if found else None


# --- Rosters --------------------------------------------------------------------------------


def _roster_json(roster: Roster) -> str:
    data = roster_to_dict(roster)
    roster_from_dict(data)  # the same checks a read makes
    return clean_text(json.dumps(data, ensure_ascii=False, sort_keys=True))


def save_roster(session: Session, group_key: str, roster: Roster) -> SavedRoster:
    """Keep a new roster for the group; it becomes the group's current roster."""
    key = _group_key(group_key)
    body = _roster_json(roster)
    now = session.store.now()
    roster_id = add_own(session, "rosters", {"group_key": key, "roster": body, "created_at": now,
                                             "updated_at": now})
    return SavedRoster(roster_id, key, roster, now, now)


def update_roster(session: Session, roster_id: int, roster: Roster) -> SavedRoster:
    """Write a swap or attendance into saved roster ``roster_id`` (``LookupError`` if it is not
    this participant's)."""
    roster_id = row_id(roster_id, "roster")
    body = _roster_json(roster)
    store = session.store
    now = store.now()
    with store.transaction() as conn:
        cursor = conn.execute(
            "UPDATE rosters SET roster = ?, updated_at = ? WHERE id = ? AND participant_id = ?",
            (body, now, roster_id, session.participant_id))
        if cursor.rowcount != 1:
            raise LookupError(f"no roster {roster_id} here")
    return get_roster(session, roster_id)


def _select_rosters(session: Session, *, group_key: str | None = None,
                    roster_id: int | None = None) -> list[SavedRoster]:
    rows = select_own(session, "SELECT id, group_key, roster, created_at, updated_at FROM rosters",
                      {"group_key": group_key, "id": roster_id}, "ORDER BY id DESC LIMIT ?",
                      [MAX_SAVED])
    found = []
    for i, key, body, created, updated in reversed(rows):
        try:
            found.append(SavedRoster(i, key, roster_from_dict(json.loads(body)), created,
                                     updated))
        except (RosterError, KeyError, TypeError, ValueError):
            continue  # a row no longer valid (e.g. edited by hand) is skipped, never shown
    return found


def get_roster(session: Session, roster_id: int) -> SavedRoster:
    found = _select_rosters(session, roster_id=row_id(roster_id, "roster"))
    if not found:
        raise LookupError(f"no roster {roster_id} here")
    return found[0]


def rosters(session: Session, group_key: str) -> list[SavedRoster]:
    return _select_rosters(session, group_key=group_key)


def latest_roster(session: Session, group_key: str) -> SavedRoster | None:
    """The group's current roster: the newest this participant saved for it."""
    found = rosters(session, group_key)
    return found[-1] if found else None
