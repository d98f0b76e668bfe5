"""The fair duty roster: hand-made cases, then properties for any members, days and absences
(every day covered whenever possible, nobody on a day they cannot come, counts as even as the
absences allow, checked against every possible roster for small groups)."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from widgets.core.i18n import format_date
from widgets.group.roster import (
    DONE,
    MISSED,
    Roster,
    RosterError,
    Swap,
    check_roster,
    make_plan,
    make_roster,
    mark,
    swap,
    uncovered_days,
)

START = dt.date(2019, 7, 1)
GOATS = ["Sudarto", "Joko Santoso", "Slamet Prasetyo", "Agus Purnomo", "Heri Kuswanto",
         "Nur Hidayat", "Suparno", "Teguh Santosa"]


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_a_month_for_the_goat_group_gives_everyone_seven_or_eight_turns():
    plan = make_plan(GOATS, day(0), day(30), 2)
    roster = make_roster(plan)
    counts = roster.counts()
    assert sum(counts.values()) == 31 * 2
    assert set(counts.values()) == {7, 8}
    assert all(len(people) == 2 for people in roster.duty.values())
    check_roster(roster)


def test_a_member_away_for_two_weeks_does_what_they_can_and_the_rest_share_evenly():
    away = {"Heri Kuswanto": [day(i) for i in range(14)]}
    roster = make_roster(make_plan(GOATS, day(0), day(20), 2, away))
    counts = roster.counts()
    assert all(d >= day(14) for d, people in roster.duty.items() if "Heri Kuswanto" in people)
    assert max(counts.values()) - min(counts.values()) <= 1
    assert sum(counts.values()) == 42


def test_a_day_nobody_can_cover_is_named_with_who_is_away():
    away = {name: [day(3)] for name in GOATS[:7]}
    with pytest.raises(RosterError) as caught:
        make_roster(make_plan(GOATS, day(0), day(6), 2, away))
    message = str(caught.value)
    assert caught.value.day == day(3)
    assert "4 Juli 2019" in message and "Teguh Santosa" in message and "Sudarto" in message
    assert "perlu 2 orang" in message


def test_bad_plans_get_plain_messages():
    with pytest.raises(RosterError, match="dua kali"):
        make_plan(["Joko", "joko"], day(0), day(3), 1)
    with pytest.raises(RosterError, match="anggotanya hanya 2"):
        make_plan(["A", "B"], day(0), day(3), 3)
    with pytest.raises(RosterError, match="lebih awal"):
        make_plan(["A", "B"], day(3), day(0), 1)
    with pytest.raises(RosterError, match="kosong"):
        make_plan(["A", "  "], day(0), day(3), 1)
    with pytest.raises(RosterError, match="paling lama"):
        make_plan(["A"], day(0), day(200), 1)


def test_a_swap_trades_two_days_and_keeps_the_counts():
    roster = make_roster(make_plan(GOATS, day(0), day(13), 2))
    a, b = roster.duty[day(0)][0], roster.duty[day(1)][0]
    before = roster.counts()
    after = swap(roster, Swap(a, day(0), b, day(1)))
    assert b in after.duty[day(0)] and a in after.duty[day(1)]
    assert a not in after.duty[day(0)] and b not in after.duty[day(1)]
    assert after.counts() == before
    assert after.swaps == (Swap(a, day(0), b, day(1)),)
    check_roster(after)


def test_a_stand_in_moves_one_turn_and_a_swap_onto_an_away_day_is_refused():
    plan = make_plan(["A", "B", "C"], day(0), day(2), 1, {"C": [day(1)]})
    roster = make_roster(plan)
    holder = roster.duty[day(1)][0]
    other = next(m for m in "AB" if m != holder)
    stood = swap(roster, Swap(holder, day(1), other))
    assert stood.duty[day(1)] == (other,)
    with pytest.raises(RosterError, match="berhalangan"):
        swap(roster, Swap(holder, day(1), "C"))


def test_attendance_counts_only_days_ticked_done_and_a_miss_needs_a_reason():
    roster = make_roster(make_plan(GOATS, day(0), day(3), 2))
    first, second = roster.duty[day(0)]
    roster = mark(roster, day(0), first, DONE)
    with pytest.raises(RosterError, match="alasannya"):
        mark(roster, day(0), second, MISSED, "  ")
    roster = mark(roster, day(0), second, MISSED, "sakit")
    assert roster.attended()[first] == 1 and roster.attended()[second] == 0
    assert roster.missed()[second] == 1
    with pytest.raises(RosterError):
        mark(roster, day(0), next(m for m in GOATS if m not in (first, second)), DONE)


# --- Properties -----------------------------------------------------------------------------


@st.composite
def plans(draw, max_members: int = 9, max_days: int = 21):
    count = draw(st.integers(1, max_members))
    members = [f"Anggota {i}" for i in range(count)]
    days = draw(st.integers(1, max_days))
    per_day = draw(st.integers(1, count))
    away = {m: draw(st.sets(st.integers(0, days - 1), max_size=days)) for m in members}
    return members, days, per_day, {m: [day(i) for i in s] for m, s in away.items()}


def coverable(members, days, per_day, away) -> bool:
    return all(sum(day(i) not in away[m] for m in members) >= per_day for i in range(days))


@given(plans())
@settings(max_examples=300)
def test_every_day_is_covered_by_free_members_whenever_possible(case):
    members, days, per_day, away = case
    plan = make_plan(members, day(0), day(days - 1), per_day, away)
    if not coverable(members, days, per_day, away):
        with pytest.raises(RosterError) as caught:
            make_roster(plan)
        short_day, free = uncovered_days(plan)[0]
        assert caught.value.day == short_day
        assert len(free) < per_day
        # The message names the day and why: how many it needs, who can come, who is away.
        message = str(caught.value)
        assert message.startswith(f"Tanggal {format_date(short_day)} tidak bisa diisi")
        assert f"perlu {per_day} orang" in message
        away_that_day = [m for m in members if short_day in away[m]]
        assert f"({', '.join(free)})" in message if free else "semua anggota" in message
        assert ", ".join(away_that_day) in message
        return
    roster = make_roster(plan)
    check_roster(roster)  # exactly per_day different members, each free that day
    for d, people in roster.duty.items():
        assert len(set(people)) == per_day
        assert all(d not in away[m] for m in people)


@given(plans())
@settings(max_examples=300)
def test_counts_differ_by_at_most_one_when_nobody_is_away(case):
    members, days, per_day, _away = case
    roster = make_roster(make_plan(members, day(0), day(days - 1), per_day))
    counts = roster.counts().values()
    assert max(counts) - min(counts) <= 1
    assert sum(counts) == days * per_day


@given(plans())
@settings(max_examples=300)
def test_nobody_could_hand_a_turn_to_a_member_with_two_fewer(case):
    members, days, per_day, away = case
    if not coverable(members, days, per_day, away):
        return
    roster = make_roster(make_plan(members, day(0), day(days - 1), per_day, away))
    counts = roster.counts()
    for d, people in roster.duty.items():
        for giver in people:
            for taker in members:
                if taker not in people and d not in away[taker]:
                    assert counts[giver] - counts[taker] <= 1, (d, giver, taker, counts)


def best_spread(members, days, per_day, away) -> tuple[int, int]:
    """The lowest highest count and the highest lowest count over every possible roster."""
    choices = [[c for c in itertools.combinations(members, per_day)
                if all(day(i) not in away[m] for m in c)] for i in range(days)]
    best_max, best_min = 10**9, -1
    for pick in itertools.product(*choices):
        counts = {m: 0 for m in members}
        for people in pick:
            for m in people:
                counts[m] += 1
        best_max = min(best_max, max(counts.values()))
        best_min = max(best_min, min(counts.values()))
    return best_max, best_min


@given(plans(max_members=4, max_days=5))
@settings(max_examples=150)
def test_counts_are_as_even_as_any_roster_could_make_them(case):
    members, days, per_day, away = case
    if not coverable(members, days, per_day, away):
        return
    roster: Roster = make_roster(make_plan(members, day(0), day(days - 1), per_day, away))
    counts = roster.counts().values()
    assert (max(counts), min(counts)) == best_spread(members, days, per_day, away)


@given(plans(max_members=6, max_days=10), st.data())
@settings(max_examples=150)
def test_swaps_keep_the_roster_valid_and_the_counts(case, data):
    members, days, per_day, away = case
    if not coverable(members, days, per_day, away) or days < 2:
        return
    roster = make_roster(make_plan(members, day(0), day(days - 1), per_day, away))
    a_day, b_day = data.draw(st.sampled_from(list(itertools.permutations(range(days), 2))))
    a = data.draw(st.sampled_from(roster.duty[day(a_day)]))
    b = data.draw(st.sampled_from(roster.duty[day(b_day)]))
    before = roster.counts()
    try:
        after = swap(roster, Swap(a, day(a_day), b, day(b_day)))
    except RosterError:
        return  # refused with a message: a is already on b's day, or someone is away
    check_roster(after)
    assert after.counts() == before
