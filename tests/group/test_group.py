"""The communication lesson's core: notulen, the money report, role cards, partner messages, the
village data and the exercises; and its tables in the real SQLite store."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from widgets.cashbook.data import load_cashbook
from widgets.cashbook.ledger import make_entry
from widgets.core.i18n import local
from widgets.core.village import load_village
from widgets.group import db
from widgets.group.data import load_group_lesson, member_names, role_holders
from widgets.group.exercises import (
    TypedAction,
    check_jealousy,
    check_meeting,
    check_roster_fix,
    starting_roster,
    unfair_plan,
)
from widgets.group.meeting import (
    Action,
    MeetingError,
    make_meeting,
    notulen_html,
    open_actions,
    whatsapp_text,
)
from widgets.group.messages import TEMPLATES, TemplateError, fill, whatsapp_link
from widgets.group.report import month_report, months, read_aloud, report_html
from widgets.group.roles import ROLE_KEYS, cards_html, role
from widgets.group.roster import DONE, MISSED, RosterError, Swap, make_plan, make_roster, mark, swap
from widgets.group.roster_sheet import roster_html
from widgets.group.roster_sheet import whatsapp_text as roster_whatsapp

DAY = dt.date(2019, 9, 1)
GOATS = ["Sudarto", "Joko Santoso", "Slamet Prasetyo", "Agus Purnomo"]


def meeting(**changes):
    fields = dict(group="Kelompok Kambing", day=DAY, place="Kandang", members=GOATS,
                  present=GOATS[:3], agenda=["Jadwal ngarit"], decisions=["Ngarit dua orang"],
                  actions=[Action("Joko Santoso", "Beli obat cacing", dt.date(2019, 9, 4))],
                  chair="Sudarto", secretary="Slamet Prasetyo")
    fields.update(changes)
    return make_meeting(**fields)


# --- Notulen ----------------------------------------------------------------------------------


def test_notulen_list_who_came_who_did_not_and_the_actions():
    m = meeting()
    assert m.absent == ["Agus Purnomo"]
    text = whatsapp_text(m)
    assert "*NOTULEN RAPAT ANGGOTA*" in text and "Hadir 3 dari 4" in text
    assert "- Joko Santoso: Beli obat cacing (paling lambat 4 September 2019)" in text
    page = notulen_html(m)
    assert "@page { size: A4" in page and "Tidak hadir: Agus Purnomo." in page
    assert page.count("ukg-sign") >= 3  # a signature cell per person present
    # The chair and the secretary sign right under what was decided; the attendance list, a
    # signature per person, comes after them and may run onto a second page.
    assert page.index("Tindak lanjut: siapa") < page.index("(Sudarto)") < \
        page.index("Daftar hadir") < page.index("dibuat dengan aplikasi")


def test_notulen_name_every_problem_next_to_its_field():
    with pytest.raises(MeetingError) as caught:
        meeting(place=" ", present=[], decisions=["", " "],
                actions=[Action("Joko Santoso", "Beli obat", dt.date(2019, 8, 30)),
                         Action("", "Tanpa nama", DAY)])
    problems = caught.value.problems
    assert set(problems) == {"place", "present", "decisions", "actions"}
    assert "nomor 2" in problems["actions"]  # the last problem found is the one shown


def test_an_action_before_the_meeting_or_without_a_date_is_refused():
    with pytest.raises(MeetingError, match="lebih awal dari rapat"):
        meeting(actions=[Action("Joko Santoso", "Beli obat", dt.date(2019, 8, 30))])
    with pytest.raises(MeetingError, match="tanggal paling lambat"):
        meeting(actions=[Action("Joko Santoso", "Beli obat", None)])  # type: ignore[arg-type]


def test_typed_text_stays_text_in_the_printout():
    m = meeting(place="<script>alert(1)</script>", decisions=["<b>semua</b> setuju"])
    page = notulen_html(m)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;semua" in page


def test_the_next_meeting_opens_with_the_last_meetings_actions():
    assert open_actions(None) == []
    assert [a.task for a in open_actions(meeting())] == ["Beli obat cacing"]


# --- Store ------------------------------------------------------------------------------------


@pytest.fixture
def store(db_location):
    """The store tests here run on SQLite and on PostgreSQL."""
    from widgets.store import Store

    with Store(db_location) as opened:
        yield opened


def test_notulen_and_rosters_are_saved_per_participant_and_group(store):
    siti, budi = store.sign_in("Siti", "1234"), store.sign_in("Budi", "4321")
    db.save_meeting(siti, "kambing", meeting())
    db.save_meeting(siti, "kambing", meeting(day=dt.date(2019, 10, 1), actions=[]))
    assert [s.meeting.day for s in db.meetings(siti, "kambing")] == [DAY, dt.date(2019, 10, 1)]
    assert db.last_meeting(siti, "kambing").meeting.actions == ()
    assert db.meetings(budi, "kambing") == [] and db.meetings(siti, "konveksi") == []

    roster = make_roster(make_plan(GOATS, DAY, DAY + dt.timedelta(days=6), 2))
    saved = db.save_roster(siti, "kambing", roster)
    first = roster.duty[DAY][0]
    changed = mark(roster, DAY, first, DONE)
    db.update_roster(siti, saved.id, changed)
    assert db.latest_roster(siti, "kambing").roster.attended()[first] == 1
    with pytest.raises(LookupError):
        db.update_roster(budi, saved.id, changed)  # not Budi's
    assert db.latest_roster(budi, "kambing") is None


def test_the_store_refuses_a_roster_that_puts_someone_on_a_day_they_are_away(store):
    siti = store.sign_in("Siti", "1234")
    plan = make_plan(GOATS, DAY, DAY + dt.timedelta(days=1), 1, {"Sudarto": [DAY]})
    roster = make_roster(plan)
    bad = type(roster)(plan, {**roster.duty, DAY: ("Sudarto",)})
    with pytest.raises(RosterError, match="berhalangan"):
        db.save_roster(siti, "kambing", bad)
    assert store.read("SELECT COUNT(*) FROM rosters") == [(0,)]


def test_a_roster_row_edited_by_hand_is_skipped_not_shown(store):
    siti = store.sign_in("Siti", "1234")
    saved = db.save_roster(siti, "kambing", make_roster(make_plan(GOATS, DAY, DAY, 2)))
    with store.transaction() as conn:
        body = json.loads(conn.execute("SELECT roster FROM rosters").fetchone()[0])
        body["duty"][DAY.isoformat()] = ["Sudarto", "Sudarto"]
        conn.execute("UPDATE rosters SET roster = ? WHERE id = ?", (json.dumps(body), saved.id))
    assert db.rosters(siti, "kambing") == []


# --- Roster outputs ---------------------------------------------------------------------------


def test_the_roster_whatsapp_text_has_one_line_per_day_and_the_sheet_the_swaps():
    roster = make_roster(make_plan(GOATS, DAY, DAY + dt.timedelta(days=6), 2))
    a, b = roster.duty[DAY][0], roster.duty[DAY + dt.timedelta(days=1)][0]
    roster = swap(roster, Swap(a, DAY, b, DAY + dt.timedelta(days=1)))
    roster = mark(roster, DAY, b, MISSED, "sakit")
    text = roster_whatsapp(roster, "Kelompok Kambing")
    day_lines = [line for line in text.splitlines() if line[:3] in ("Min", "Sen", "Sel", "Rab",
                                                                     "Kam", "Jum", "Sab")]
    assert len(day_lines) == 7 and day_lines[0].startswith("Min, 1 Sep: ")
    page = roster_html(roster, "Kelompok Kambing")
    assert "bertukar dengan" in page and "tidak datang: sakit" in page
    assert "@page { size: A4" in page


# --- Money report -----------------------------------------------------------------------------


def test_the_report_for_december_checks_itself_against_the_cash_book():
    village = load_village()
    book = load_cashbook(village).book("konveksi")
    group = village.group("konveksi")
    assert months(book)[-1] == (2019, 12)
    report = month_report(book, 2019, 12, opening=group.opening_balance, group=group.name)
    assert report.opening == 850_000  # the balance at the end of November (datasets/README)
    assert report.closing == report.opening + report.totals.total_in - report.totals.total_out
    assert report.previous is not None
    said = "\n".join(read_aloud(report))
    assert "Rp850.000" in said and "laporan uang kelompok bulan Desember 2019" in said
    assert "Periksa: Rp850.000 +" in report_html(report)


def test_household_money_from_the_business_purse_is_named():
    entries = [make_entry(dt.date(2019, 8, d), text, direction, category, amount, purse,
                          today=dt.date(2020, 1, 1))
               for d, text, direction, category, amount, purse in (
                   (1, "Jual keset", "in", "penjualan", 300_000, "usaha"),
                   (2, "Pinjam untuk dapur", "out", "rumah_tangga", 50_000, "usaha"),
                   (3, "Belanja", "out", "rumah_tangga", 80_000, "rumah"))]
    report = month_report(entries, 2019, 8)
    assert report.household == 50_000 and report.closing == 250_000
    assert report.profit == 300_000 and report.previous is None


# --- Roles and messages -----------------------------------------------------------------------


def test_every_role_has_duties_and_a_card():
    for key in ROLE_KEYS:
        assert len(role(key).duties) == 4
    page = cards_html({"ketua": "Sudarto", "bendahara": "<b>Joko</b>"}, "Kelompok Kambing")
    assert page.count("ukg-card") >= 4 and "&lt;b&gt;Joko" in page


def test_a_message_names_the_blanks_still_empty_and_makes_a_whatsapp_link():
    with pytest.raises(TemplateError) as caught:
        fill("visit", {"partner": "Pak Pendamping", "sender": "Sari"})
    assert set(caught.value.missing) == {"group", "topic", "day"}
    values = {name: "x" for name in TEMPLATES["consign"].fields}
    values.update(product="keset kain perca", price="Rp15.000")
    text = fill("consign", values)
    assert "keset kain perca" in text and "Rp15.000" in text
    assert whatsapp_link("0812-3456-7890", text).startswith("https://wa.me/6281234567890?text=")
    with pytest.raises(TemplateError):
        whatsapp_link("12345", text)


# --- Village data and exercises ---------------------------------------------------------------


def test_the_profile_gives_roles_habits_and_sourced_facts():
    village = load_village()
    lesson = load_group_lesson(village)
    assert role_holders(village, "kambing") == {
        "ketua": "Sudarto", "bendahara": "Joko Santoso", "sekretaris": "Slamet Prasetyo",
        "humas": "Nur Hidayat"}
    assert all(h.invented for h in lesson.habits.values())
    facts = " ".join(f.text for f in lesson.habits["konveksi"].facts)
    assert "20 anggota" in facts and "10" in facts
    assert all(f.source for h in lesson.habits.values() for f in h.facts)


def test_the_meeting_story_is_checked_for_names_tasks_and_dates():
    story = load_group_lesson().meeting_story
    right = [TypedAction("Joko Santoso", "beli obat cacing dan vitamin", dt.date(2019, 9, 4)),
             TypedAction("Slamet Prasetyo", "kirim jadwal ke grup", dt.date(2019, 9, 2))]
    decisions = [s.key for s in story.statements if s.decision]
    assert check_meeting(story, decisions, right).correct
    late = [right[0], TypedAction("Slamet Prasetyo", "kirim jadwal", dt.date(2019, 9, 3))]
    feedback = check_meeting(story, decisions, late)
    assert not feedback.correct
    text = " ".join(line for _kind, line in feedback.lines)
    assert "Slamet Prasetyo" in text and "2 September" not in text  # no answer on try 1
    third = check_meeting(story, decisions, late, attempt=3)
    assert "2 September 2019" in " ".join(line for _k, line in third.lines)
    chopper = check_meeting(story, [*decisions, "chopper"], right)
    assert not chopper.correct and any("usul" in line for _k, line in chopper.lines)


def test_the_unfair_roster_is_wrong_until_repaired():
    exercise = load_group_lesson().unfair_roster
    start = starting_roster(exercise)
    assert not check_roster_fix(exercise, [start.duty[d] for d in start.plan.days]).correct
    best = make_roster(unfair_plan(exercise))
    assert check_roster_fix(exercise, [best.duty[d] for d in best.plan.days]).correct


def test_each_jealousy_choice_is_explained():
    choices = load_group_lesson().jealousy_choices
    for choice in choices:
        feedback = check_jealousy(choices, choice.key)
        assert feedback.correct == choice.best and feedback.lines[0][1] == local(choice.why)
    assert not check_jealousy(choices, "").correct


def test_member_names_come_from_the_profile():
    assert member_names(load_village(), "kambing")[0] == "Sudarto"


# --- Who came, from the attendance list -------------------------------------------------------


def test_the_attendance_list_gives_the_groups_people_of_that_day(store):
    from widgets.group.attendance import attendees, match
    from widgets.store.participants import sign_in
    from widgets.training import db as training_db
    from widgets.training.attendance import AddedPerson

    groups = tuple(load_village().groups)
    today = store.clock().astimezone().date()
    for name, group in (("sudarto", "kambing"), ("Wati Baru", "kambing"),
                        ("Endang Susilowati", "konveksi"), ("Tanpa Kelompok", "")):
        session = sign_in(store, name, "1234")
        training_db.record_visit(session, "01-komunikasi-kelompok")
        if group:
            training_db.save_profile(session, group, "", groups)
    training_db.add_person(store, AddedPerson(0, today, "Heri Kuswanto", "kambing", "L", "", ""),
                           groups)
    names = attendees(store, "kambing", today)
    assert sorted(names, key=str.casefold) == ["Heri Kuswanto", "sudarto", "Wati Baru"]
    assert attendees(store, "kambing", today - dt.timedelta(days=1)) == []
    assert attendees(store, "konveksi", today) == ["Endang Susilowati"]

    present, extra = match(member_names(load_village(), "kambing"), names)
    assert sorted(present) == ["Heri Kuswanto", "Sudarto"]  # the profile's spelling
    assert extra == ["Wati Baru"]
    assert match(["Sudarto"], ["  SUDARTO ", "Ani", "ani"]) == (["Sudarto"], ["Ani"])


def test_a_printed_table_repeats_its_header_on_the_next_page():
    """A fortnight's roster runs onto a second A4 page: its header row is a <thead>, which
    the browser prints again at the top of that page."""
    roster = make_roster(make_plan(GOATS, DAY, DAY + dt.timedelta(days=13), 2))
    sheet = roster_html(roster, "Kelompok Kambing")
    days = sheet[sheet.index("<table>"):sheet.index("</table>")]
    assert days.startswith("<table><thead><tr><th>Hari, tanggal</th>")
    assert days.count("<thead>") == 1 and days.index("</thead>") < days.index("<td>")
