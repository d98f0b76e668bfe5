"""Headless views of the trainer side and the evaluation pages."""

from __future__ import annotations

import pytest

from widgets.store import Store, answers
from widgets.training import access, db
from widgets.training.items import load_form
from widgets.training.ui.dashboard import Dashboard
from widgets.training.ui.gate import TrainerGate
from widgets.training.ui.lesson_evaluation import evaluation_page
from widgets.ui import signin
from widgets.ui.common import PAGE


@pytest.fixture
def store(fresh_page, tmp_path, monkeypatch):
    opened = Store(tmp_path / "usaha_kita.sqlite3")
    monkeypatch.setattr(signin, "_store", opened)
    monkeypatch.setattr("widgets.training.ui.gate.WRONG_PAUSE", 0)
    yield opened
    opened.close()


def all_widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from all_widgets(child)


def test_the_gate_builds_nothing_before_the_right_password(store):
    access.set_password(store, "rahasia-pelatih")
    built = []
    gate = TrainerGate(store, lambda s: built.append(s) or __import__("ipywidgets").HTML("ok"))
    gate.submit.click()
    assert "Ketik kata sandi" in gate.password.message.value and not built
    gate.password.control.value = "salah-sekali"
    assert "Sisa 4" in gate.password.message.value and not built
    assert gate.password.control.value == ""  # never left in the field's state
    gate.password.control.value = "rahasia-pelatih"
    assert built == [store] and gate.signed_in
    assert "rahasia" not in repr([getattr(w, "value", "") for w in all_widgets(gate)])


def fill_test(page, form, right: bool) -> None:
    test = page.body.children[0]
    for item, field in test.fields:
        if item.kind == "choice":
            options = [key for _, key in field.control.options]
            field.control.value = item.answer if right else next(
                k for k in options if k != item.answer)
        else:
            typed = item.answer if right else item.answer + 1000
            field.control.value = (f"{typed}" if item.kind == "count"
                                   else f"Rp {typed:,}".replace(",", "."))
    for _, field in test.confidence:
        field.control.value = "3"
    test.submit.click()


def sign_in(store, name):
    session = store.sign_in(name, "1234")
    PAGE.session = session
    return session


def test_pre_then_post_then_satisfaction(store):
    form = load_form()
    page = evaluation_page("pre")
    assert page.body.children == ()
    session = sign_in(store, "Sari Wulandari")
    profile = page.body.children[0]
    profile.save.click()
    assert "Pilih salah satu" in profile.group.message.value
    profile.group.control.value = "konveksi"
    profile.gender.control.value = "P"
    profile.save.click()
    test = page.body.children[0]
    amount_field = next(f for i, f in test.fields if i.kind == "amount")
    amount_field.control.value = "150rbx"
    test.submit.click()
    assert "uk-msg-error" in amount_field.message.value
    assert db.my_attempt(session, "pre") is None  # nothing half-saved
    fill_test(page, form, right=False)
    assert "sudah tersimpan" in page.body.children[0].value
    assert "Jawaban yang benar" not in page.body.children[0].value  # no answers before the end
    PAGE.session = None
    post = evaluation_page("post")
    PAGE.session = session
    fill_test(post, form, right=True)
    shown = post.body.children[0]
    result = shown.children[1].value
    assert "Nilai evaluasi akhir Anda 100% (evaluasi awal: 0%)" in result
    sat = shown.children[2]
    for _, field in sat.ratings:
        field.control.value = "4"
    sat.opens[0][1].control.value = "<b>Harga pokok</b>"
    sat.submit.click()
    assert db.satisfaction_done(session)
    assert "Terima kasih" in post.body.children[0].children[0].value


def test_the_dashboard_shows_the_class(store):
    form = load_form()
    sari = store.sign_in("Sari O'Neil", "1234")
    db.record_visit(sari, "03-harga")
    answers.save_answer(sari, "harga-biaya-keset", {"typed": 9000}, False)
    answers.save_answer(sari, "harga-biaya-keset", {"typed": 9000}, False)
    answers.save_answer(sari, "harga-biaya-keset", {"typed": 10000}, True)
    answers.save_answer(sari, "harga-shopee", {"typed": "<script>x</script>"}, False)
    dash = Dashboard(store, form)
    html = dash.parts["now"].value
    assert "Sari O&#x27;Neil" in html and "&lt;script&gt;x" in html and "<script>" not in html
    assert "9.000 (2 kali, 1 orang)" in html
    assert "Pelajaran 3: Harga" in html
    assert dash.refreshes == 1


def test_rules_and_distributions_read_as_in_lesson_4_not_as_method_keys(store):
    """The dashboard and the report show what the group agreed in the lesson's own words, never
    the store's method key ("fund", "equal")."""
    import datetime as dt

    from widgets.sharing import db as sharing_db
    from widgets.training.overview import overview
    from widgets.training.ui.dashboard import dashboard_html

    form = load_form()
    sari = store.sign_in("Sari", "1234")
    sharing_db.save_rule(sari, "konveksi", "Kelompok Konveksi", "fund", {"fund_percent": "20"},
                         "Disepakati 5 Des")
    sharing_db.save_distribution(sari, group_key="konveksi", group_name="Kelompok Konveksi",
                                 day=dt.date(2019, 12, 5), method="equal", params={},
                                 total=300_000, shares=[("Sari", 150_000), ("Ani", 150_000)])
    groups = Dashboard(store, form).parts["groups"].value
    assert groups == dashboard_html(overview(store, form), form)["groups"]
    rules = groups[groups.index('class="uk-dash-rules"'):groups.index('class="uk-dash-dist"')]
    dist = groups[groups.index('class="uk-dash-dist"'):]
    assert "Kas kelompok 20% disisihkan dulu, sisanya dibagi rata." in rules
    assert "Disepakati 5 Des" in rules and "Rp300.000" in dist and "Dibagi rata" in dist
    assert "<td>fund</td>" not in rules and "<td>equal</td>" not in dist
    assert db.method_text("bukan-cara") == "bukan-cara"  # an unknown key is shown, not an error
