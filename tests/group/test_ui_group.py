"""The communication lesson's views, headless: a roster with absences, a swap, attendance, and
the days done in the profit-sharing calculator; notulen written, printed and opened again at the
next meeting; the money report, role cards, partner messages and the exercises' saved answers."""

from __future__ import annotations

import base64
import datetime as dt
import re

from widgets.group import db
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.sharing.ui.roster_days import RosterDays
from widgets.store.answers import answers
from widgets.ui.signin import SignInView


def sign_in(page, store, name="Siti Aminah", pin="1234"):
    view = SignInView(store=store)
    view.name.control.value, view.pin.control.value = name, pin
    view.submit.click()
    assert page.session is not None
    return view


def download(html: str, css: str) -> str:
    match = re.search(rf'class="{css}"[^>]*href="data:[^;]+;charset=utf-8;base64,([^"]+)"', html)
    assert match, f"no {css} link"
    return base64.b64decode(match.group(1)).decode("utf-8")


def test_roster_with_absences_swap_and_attendance_feeds_the_sharing_calculator(fresh_page, store):
    from widgets.group.ui.roster_view import RosterView

    sign_in(fresh_page, store)
    view = RosterView()
    form = view.form
    assert form.group.control.value == "kambing"
    form.away_member.control.value = "Agus Purnomo"
    form.away_day.control.value = dt.date(2019, 9, 5)
    form.add_away.click()
    assert "Agus Purnomo" in form.away_list.value
    view.make.click()
    roster = view.roster
    assert roster is not None and "Tersimpan" in view.status.value
    assert all("Agus Purnomo" not in roster.duty[d] for d in (dt.date(2019, 9, 5),))
    assert all("Heri Kuswanto" not in roster.duty[dt.date(2019, 9, d)] for d in (2, 3, 4))
    counts = roster.counts().values()
    assert max(counts) - min(counts) <= 1

    # Swap two days. The form offers a turn of another day to swap with.
    assert view.swap_a.control.value[0] != view.swap_b.control.value[0]
    first, second = roster.duty[dt.date(2019, 9, 7)][0], roster.duty[dt.date(2019, 9, 8)][0]
    view.swap_a.control.value = (dt.date(2019, 9, 7), first)
    view.swap_b.control.value = (dt.date(2019, 9, 8), second)
    view.do_swap.click()
    assert "bertukar dengan" in view.status.value, view.swap_b.message.value
    assert first in view.roster.duty[dt.date(2019, 9, 8)]

    # Tick attendance: two turns done, one missed (a reason is required).
    done = view.duty.control.options[0][1], view.duty.control.options[2][1]
    for turn in done:
        view.duty.control.value = turn
        view.status_pick.control.value = "done"
        view.do_mark.click()
    view.duty.control.value = view.duty.control.options[1][1]
    view.status_pick.control.value = "missed"
    view.do_mark.click()
    assert "alasannya" in view.reason.message.value
    view.reason.control.value = "sakit"
    view.do_mark.click()
    saved = db.latest_roster(fresh_page.session, "kambing").roster
    assert sum(saved.attended().values()) == 2 and sum(saved.missed().values()) == 1
    assert saved.swaps and saved.swaps[0].first == first

    # The printout and the WhatsApp text; the profile's ketua and sekretaris sign it.
    sheet = download(view.outputs.value, "uk-g-roster-download")
    assert "JADWAL PIKET" in sheet and "tidak datang: sakit" in sheet
    assert "(Sudarto)" in sheet and "(Slamet Prasetyo)" in sheet
    assert view.outputs.value.count("Sen, 2 Sep: ") == 1

    # Lesson 3: the calculator takes the days done from the saved roster.
    calculator = SharingCalculator(group="kambing")
    panel = RosterDays(calculator)
    assert panel.layout.display == ""
    panel.take.click()
    assert calculator.method.control.value == "work"
    typed = {row.name.value: row.values["work"].value for row in calculator.rows}
    expected = {name: str(days) for name, days in saved.attended().items()}
    assert typed == expected
    assert "2 hari dikerjakan" in panel.status.value
    assert calculator.last is not None
    shares = calculator.last.result.shares
    assert sum(shares.values()) + sum(calculator.last.result.set_aside.values()) == \
        calculator.last.result.total
    worked = [name for name, days in saved.attended().items() if days]
    assert all(shares[name] > 0 for name in worked)
    assert all(shares[name] == 0 for name in shares if name not in worked)


def test_the_roster_opens_again_after_a_reload(fresh_page, store):
    from widgets.group.ui.roster_view import RosterView

    sign_in(fresh_page, store)
    RosterView().make.click()
    again = RosterView()
    assert again.roster is not None and "tersimpan" in again.status.value


def test_the_turns_the_pickers_show_are_the_turns_a_button_uses(fresh_page, store):
    """A participant who presses Tukar or Catat without touching the pickers acts on the turns
    they see, after every change too (a picker whose options change would be left empty)."""
    from widgets.group.ui.roster_view import RosterView

    sign_in(fresh_page, store)
    view = RosterView()
    view.make.click()
    for _ in range(2):
        first, second = view.swap_a.control.value, view.swap_b.control.value
        assert first == view.swap_a.control.options[0][1] and first[0] != second[0]
        view.do_swap.click()
        assert "bertukar dengan" in view.status.value, view.swap_b.message.value
        assert first[1] in view.roster.duty[second[0]]
    marked = view.duty.control.value
    assert marked == view.duty.control.options[0][1]
    view.do_mark.click()
    assert view.roster.mark(*marked).status == "done"
    assert view.duty.control.value == marked  # the turn just ticked stays in view
    assert len(db.latest_roster(fresh_page.session, "kambing").roster.swaps) == 2


def test_a_roster_that_cannot_be_covered_names_the_day(fresh_page):
    from widgets.group.ui.roster_view import RosterView

    view = RosterView()
    form = view.form
    for box in list(form.checks.values())[2:]:
        box.value = False
    form.away_member.control.value = "Sudarto"
    form.away_day.control.value = dt.date(2019, 9, 3)
    form.add_away.click()
    view.make.click()
    assert "3 September 2019 tidak bisa diisi" in view.status.value
    form.per_day.control.value = "dua"
    view.make.click()
    assert form.per_day.message.value and "Periksa isian" in view.status.value


def test_notulen_are_written_printed_saved_and_open_the_next_meeting(fresh_page, store):
    from widgets.group.ui.meeting import NotulenView

    sign_in(fresh_page, store)
    view = NotulenView(today=dt.date(2019, 9, 1))
    view.make.click()
    assert view.present.message.value and view.decisions.message.value
    for name in ("Sudarto", "Joko Santoso", "Slamet Prasetyo"):
        view.checks[name].value = True
    view.decisions.control.value = "Ngarit dua orang setiap hari\n\nRp50.000 untuk obat"
    view.rows[0].person.value = "Joko Santoso"
    view.rows[0].task.value = "Beli obat cacing"
    view.rows[0].due.value = dt.date(2019, 9, 4)
    view.make.click()
    assert "tersimpan" in view.status.value
    page = download(view.outputs.value, "uk-g-notulen-download")
    assert "NOTULEN RAPAT ANGGOTA" in page and "Beli obat cacing" in page
    assert "Tidak hadir: Agus Purnomo" in page
    assert "*NOTULEN RAPAT ANGGOTA*" in view.outputs.value

    following = NotulenView(today=dt.date(2019, 10, 6))
    assert len(following.reviews) == 1
    action, box = following.reviews[0]
    assert action.task == "Beli obat cacing" and following.rows[0].task.value == action.task
    box.value = True  # done: no longer carried
    assert following.rows[0].layout.display == "none"
    following.checks["Sudarto"].value = True
    following.decisions.control.value = "Jual dua kambing sebelum Idul Adha"
    following.make.click()
    latest = db.last_meeting(fresh_page.session, "kambing").meeting
    assert latest.reviewed[0].done and latest.actions == ()


def test_who_came_is_ticked_from_the_attendance_list(fresh_page, store):
    from widgets.core.village import load_village
    from widgets.group.ui.meeting import NotulenView
    from widgets.store.participants import sign_in as register
    from widgets.training import db as training_db
    from widgets.training.attendance import AddedPerson

    groups = tuple(load_village().groups)
    today = store.clock().astimezone().date()
    view = NotulenView(today=today)
    view.from_list.click()
    assert "Masuk dulu" in view.list_note.value  # the list is read for a signed-in page only
    wati = register(store, "Wati Baru", "4321")
    training_db.record_visit(wati, "01-komunikasi-kelompok")
    training_db.save_profile(wati, "kambing", "P", groups)
    # The trainer adds someone with no phone; a name typed by hand stays text on every page.
    training_db.add_person(store, AddedPerson(0, today, "Ani <b>", "kambing", "P", "", ""),
                           groups)
    sign_in(fresh_page, store, name="Sudarto")
    training_db.save_profile(fresh_page.session, "kambing", "L", groups)
    training_db.record_visit(fresh_page.session, "01-komunikasi-kelompok")
    view = NotulenView(today=today)
    view.checks["Suparno"].value = True  # ticked by hand before: stays ticked
    view.from_list.click()
    ticked = sorted(name for name, box in view.checks.items() if box.value)
    assert ticked == ["Ani <b>", "Sudarto", "Suparno", "Wati Baru"]
    assert "3 orang" in view.list_note.value and "Ani &lt;b&gt;, Wati Baru" in view.list_note.value
    assert "Wati Baru" in view.rows[0].person.options
    view.day.control.value = today - dt.timedelta(days=1)
    view.from_list.click()
    assert "Belum ada" in view.list_note.value
    view.day.control.value = today
    view.decisions.control.value = "Rapat bulanan setiap Minggu pertama"
    view.rows[0].person.value = "Wati Baru"
    view.rows[0].task.value = "Menulis notulen"
    view.rows[0].due.value = today
    view.make.click()
    assert "tersimpan" in view.status.value, view.status.value
    saved = db.last_meeting(fresh_page.session, "kambing").meeting
    assert {"Ani <b>", "Wati Baru"} <= set(saved.present) and saved.actions[0].person == "Wati Baru"
    printout = download(view.outputs.value, "uk-g-notulen-download")
    assert "Ani &lt;b&gt;" in printout and "Ani <b>" not in printout


def test_report_roles_and_messages_views(fresh_page):
    from widgets.group.ui.messages import MessageView
    from widgets.group.ui.report import ReportView
    from widgets.group.ui.roles import RoleCards

    report = ReportView()
    assert "Rp850.000" in report.output.value
    report.source.control.value = "mine"
    assert "Masuk dulu" in report.status.value
    cards = RoleCards()
    cards.holders["humas"].control.value = "Agus Purnomo"
    cards.make.click()
    assert "Agus Purnomo" in download(cards.output.value, "uk-g-cards-download")
    messages = MessageView()
    messages.template.control.value = "visit"
    messages.make.click()
    assert "Masih kosong" in messages.status.value
    assert messages.fields["sender"].message.value
    for name, value in (("sender", "Sari"), ("topic", "pembukuan"), ("day", "Sabtu")):
        messages.fields[name].control.value = value
    messages.phone.control.value = "12"
    messages.make.click()
    assert "Sari" in messages.output.value and messages.phone.message.value


def test_exercise_answers_are_saved(fresh_page, store):
    from widgets.group.exercises import JEALOUSY_EXERCISE, MEETING_EXERCISE, ROSTER_EXERCISE
    from widgets.group.ui.exercises import JealousyExercise, MeetingExercise, RosterExercise

    sign_in(fresh_page, store)
    meeting = MeetingExercise()
    for key in ("roster", "standin", "medicine_fund"):
        meeting.picks[key].value = True
    meeting.rows[0].person.value = "Joko Santoso"
    meeting.rows[0].task.value = "Beli obat cacing"
    meeting.rows[0].due.value = dt.date(2019, 9, 4)
    meeting.rows[1].person.value = "Slamet Prasetyo"
    meeting.rows[1].task.value = "Kirim jadwal ke grup"
    meeting.rows[1].due.value = dt.date(2019, 9, 2)
    meeting.check.click()
    assert "Tepat" in meeting.status.value
    roster = RosterExercise()
    roster.check.click()
    assert "berhalangan" in roster.status.value
    jealousy = JealousyExercise()
    jealousy.pick.value = "cut_share"
    jealousy.check.click()
    session = fresh_page.session
    assert [a.correct for a in answers(session, MEETING_EXERCISE)] == [True]
    assert [a.correct for a in answers(session, ROSTER_EXERCISE)] == [False]
    assert answers(session, JEALOUSY_EXERCISE)[0].answer == {"choice": "cut_share"}
