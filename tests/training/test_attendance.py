"""The attendance list (daftar hadir), by hand: per day and session from sign-ins, people the
trainer added (a whole day, or one session, sharing a neighbour's phone), each name once a day,
and the A4 table with a tick per session and a signature column; the same rows from the store."""

from __future__ import annotations

import datetime as dt

from widgets.core.village import load_village
from widgets.store import Store
from widgets.training import db
from widgets.training.attendance import AddedPerson, Presence, Profile, build
from widgets.training.overview import page_title, session_order
from widgets.training.report import TICK, attendance_blocks

MON, TUE = dt.date(2019, 12, 9), dt.date(2019, 12, 10)
ORDER = session_order()


def test_one_list_per_day_each_name_once_with_the_sessions_attended():
    presences = [Presence(1, "Sari", MON, "03-harga"), Presence(1, "Sari", MON, "02-buku-kas"),
                 Presence(1, "Sari", MON, "03-harga"),  # twice in one session: once
                 Presence(2, "Ani", MON, "02-buku-kas"), Presence(2, "Ani", TUE, "04-bagi-hasil")]
    added = [AddedPerson(1, MON, "Bu Sumi", "konveksi", "P", "", "Sari"),  # the whole day
             AddedPerson(2, TUE, "Pak Heri", "kambing", "L", "04-bagi-hasil", "")]
    days = build(presences, added, {1: Profile("konveksi", "P"), 2: Profile("", "P")}, ORDER)
    assert [d.day for d in days] == [MON, TUE]
    monday, tuesday = days
    assert monday.sessions == ("02-buku-kas", "03-harga")  # lesson order, not sign-in order
    assert [(r.name, r.sessions, r.added) for r in monday.rows] == [
        ("Ani", ("02-buku-kas",), False),
        ("Bu Sumi", ("02-buku-kas", "03-harga"), True),  # added for the day: every session
        ("Sari", ("02-buku-kas", "03-harga"), False)]
    assert (monday.women, monday.men) == (3, 0)
    assert [(r.name, r.gender) for r in tuesday.rows] == [("Ani", "P"), ("Pak Heri", "L")]
    assert (tuesday.women, tuesday.men) == (1, 1)


def test_the_a4_table_ticks_each_session_and_leaves_the_signature_blank():
    days = build([Presence(1, "Sari", MON, "02-buku-kas"), Presence(1, "Sari", MON, "03-harga"),
                  Presence(2, "Ani", MON, "03-harga")],
                 [AddedPerson(1, MON, "Bu Sumi", "konveksi", "P", "03-harga", "Sari")],
                 {1: Profile("konveksi", "P")}, ORDER)
    blocks = attendance_blocks(days, "Desa Jepara", {"konveksi": "Kelompok Konveksi"})
    legend = next(b.text for b in blocks if b.kind == "p" and "Sesi" in b.text)
    assert legend == f"Sesi ({TICK} = hadir): 1 = {page_title('02-buku-kas')}; 2 = " \
                     f"{page_title('03-harga')}."
    table = next(b for b in blocks if b.kind == "table")
    assert table.headers == ("No", "Nama", "Kelompok", "L/P", "1", "2", "Tanda tangan")
    assert [row[:6] for row in table.rows] == [
        ("1", "Ani", "–", "–", "", TICK),
        ("2", "Bu Sumi\n(memakai HP Sari)", "Kelompok Konveksi", "P", "", TICK),
        ("3", "Sari", "Kelompok Konveksi", "P", TICK, TICK)]
    assert [row[6].strip() for row in table.rows] == [
        "1. ...................", "2. ...................", "3. ..................."]


def test_the_store_builds_the_list_from_sign_ins_and_added_people(tmp_path):
    with Store(tmp_path / "usaha_kita.sqlite3") as store:
        groups = tuple(load_village().groups)
        sari = store.sign_in("Sari", "1234")
        db.save_profile(sari, "konveksi", "P", groups)
        for page in ("03-harga", "evaluasi-awal", "03-harga"):
            db.record_visit(sari, page)
        today = store.today()
        db.add_person(store, AddedPerson(0, today, "  Bu   Sumi ", "kambing", "P", "", "Sari"),
                      groups)
        days = build(db.presences(store), db.added_people(store), db.profiles(store), ORDER)
    assert len(days) == 1 and days[0].day == today
    assert days[0].sessions == ("evaluasi-awal", "03-harga")
    assert [(r.name, r.group, r.sessions, r.partner) for r in days[0].rows] == [
        ("Bu Sumi", "kambing", ("evaluasi-awal", "03-harga"), "Sari"),
        ("Sari", "konveksi", ("evaluasi-awal", "03-harga"), "")]
