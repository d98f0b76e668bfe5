"""Security findings 5, 8a and 8b (issue 13): every participant view, headless, with a
10,000-character text (starting with a right-to-left override) in its text fields and a date in
year 0001 in its date pickers, every button pressed.

Nothing may escape as an exception or reach a guard's "press again" sentence; every text field
says plainly under itself what is wrong (too long, or not a number); nothing over-long, no
direction control and no date outside 2000 .. today + 1 year reaches the store.
"""

from __future__ import annotations

import datetime as dt
import inspect
import logging
import re
import sqlite3
from collections.abc import Callable, Iterator

import ipywidgets as w
import pytest

from widgets.cashbook.ui import lesson as cashbook
from widgets.core import i18n
from widgets.core.text import BIDI_CONTROLS
from widgets.group.ui import lesson as group
from widgets.pricing.ui import lesson as pricing
from widgets.promotion.ui import lesson4, lesson5
from widgets.sharing.ui import lesson as sharing
from widgets.store import Store
from widgets.training.ui import lesson_evaluation, lesson_fgd
from widgets.ui import signin
from widgets.ui.common import Field
from widgets.ui.later import Later
from widgets.ui.signin import SignInView

LONG = "\u202e" + "Keset bulat dari kain perca " * 400  # over 10,000 characters
ERROR_NOTICE = "uk-msg-error"  # a field's own message: "too long", or why it cannot be read
ISO_DAY = re.compile(r"\b(\d{4})-\d{2}-\d{2}\b")

LESSON_MODULES = (group, cashbook, pricing, sharing, lesson4, lesson5, lesson_fgd)


def _views() -> dict[str, Callable[[], w.Widget]]:
    """Every participant view a lesson module offers: each public function that builds a
    widget without being told anything. A view added to a lesson is fuzzed without a word here."""
    found: dict[str, Callable[[], w.Widget]] = {}
    for module in LESSON_MODULES:
        for name, function in inspect.getmembers(module, inspect.isfunction):
            signature = inspect.signature(function)
            if (function.__module__ == module.__name__ and not name.startswith("_")
                    and str(signature.return_annotation) not in NOT_VIEWS
                    and all(p.default is not p.empty or p.kind is p.VAR_KEYWORD
                            for p in signature.parameters.values())):
                found[f"{module.__name__.split('.')[1]}.{name}"] = function
    found["training.evaluation_page"] = lambda: lesson_evaluation.evaluation_page("pre")
    return found


NOT_VIEWS = ("str", "None", "SignInView")  # an HTML text, a cell's output, the sign-in alone
VIEWS = _views()


def _generic_sentences() -> set[str]:
    """Every guard's "something went wrong, press again" sentence, in Indonesian."""
    found = set()
    for section, entries in i18n.catalog().items():
        for key in entries:
            if key == "unexpected" or key.endswith("_failed"):
                found.add(i18n.t(f"{section}.{key}"))
    return found


def _walk(widget: w.Widget, skip: tuple[type, ...] = (SignInView,)) -> Iterator[w.Widget]:
    stack, seen = [widget], set()
    while stack:
        item = stack.pop()
        if id(item) in seen or isinstance(item, skip):
            continue
        seen.add(id(item))
        yield item
        stack.extend(getattr(item, "children", ()) or ())


@pytest.fixture
def signed_in(fresh_page, tmp_path, monkeypatch):
    store = Store(tmp_path / "fuzz.sqlite3")
    monkeypatch.setattr(signin, "_store", store)
    fresh_page.session = store.sign_in("Siti Aminah", "2580")
    yield store
    store.close()


def _build(name: str) -> w.Widget:
    """The view as the participant reaches it: a part built on arrival is built now."""
    view = VIEWS[name]()
    for part in [x for x in _walk(view) if isinstance(x, Later)]:
        part.show()
    return view


def _sign_in_views(view: w.Widget, store: Store) -> None:
    """Sign in through the view's own sign-in form, as the participant would."""
    for form in _walk(view, skip=()):
        if isinstance(form, SignInView):
            form.store = store
            form.name.control.value, form.pin.control.value = "Siti Aminah", "2580"
            form.submit.click()


def _stored_text(store: Store) -> Iterator[tuple[str, str, str]]:
    conn = sqlite3.connect(store.path)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            cols = [c[1] for c in conn.execute(f'PRAGMA table_info("{table}")')]
            for row in conn.execute(f'SELECT * FROM "{table}"'):  # noqa: S608 (names from SQLite)
                for col, value in zip(cols, row, strict=True):
                    if isinstance(value, str):
                        yield table, col, value
    finally:
        conn.close()


def _press_everything(view: w.Widget) -> list[str]:
    problems = []
    for button in [b for b in _walk(view) if isinstance(b, w.Button)]:
        try:
            button.click()
        except Exception as exc:  # noqa: BLE001 (the finding: it must not escape)
            problems.append(f"{button.description!r} raised {exc!r}")
    return problems


def _shown(view: w.Widget) -> str:
    return "\n".join(x.value for x in _walk(view) if isinstance(x, w.HTML))


def _fill(view: w.Widget, store: Store) -> tuple[list[w.Widget], list[str]]:
    texts = [x for x in _walk(view) if isinstance(x, w.Text | w.Textarea)
             and not isinstance(x, w.Password)]
    problems = []
    for box in texts:
        try:
            box.value = LONG
        except Exception as exc:  # noqa: BLE001
            problems.append(f"typing raised {exc!r}")
    for picker in [x for x in _walk(view) if isinstance(x, w.DatePicker)]:
        try:
            picker.value = dt.date(1, 1, 1)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"picking a date raised {exc!r}")
    return texts, problems


def _stored_problems(store: Store, today: dt.date) -> list[str]:
    problems = []
    last = today.replace(year=today.year + 1, day=min(today.day, 28))
    for table, col, value in _stored_text(store):
        if len(value) >= 10_000 or any(ch in BIDI_CONTROLS for ch in value):
            problems.append(f"{table}.{col} holds {len(value)} characters: {value[:30]!r}")
        if col.endswith("_at"):
            continue  # the store's own clock
        for year in ISO_DAY.findall(value):
            if not 2000 <= int(year) <= last.year:
                problems.append(f"{table}.{col} holds a date in the year {year}")
    return problems


@pytest.mark.parametrize("name", list(VIEWS))
def test_every_field_refuses_huge_text_plainly(name, signed_in, caplog):
    caplog.set_level(logging.ERROR)
    view = _build(name)
    _sign_in_views(view, signed_in)
    texts, problems = _fill(view, signed_in)
    problems += _press_everything(view)
    shown = _shown(view)
    problems += [f"shows the generic sentence {s!r}" for s in _generic_sentences() if s in shown]
    problems += [f"logged {r.getMessage()!r}" for r in caplog.records]
    in_fields = {id(f.control): f for f in _walk(view) if isinstance(f, Field)}
    for box in texts:
        field = in_fields.get(id(box))
        still_long = len(box.value) >= 10_000  # a "new entry" button may have emptied it
        if field is not None and still_long and ERROR_NOTICE not in field.message.value:
            problems.append(f"field {field.label.value!r} says nothing: "
                            f"{field.message.value[-80:]!r}")
    problems += _stored_problems(signed_in, signed_in.today())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", [n for n in VIEWS if n != "sharing.calculator_app"])
def test_each_field_alone_refuses_huge_text_plainly(name, signed_in, caplog):
    """One field at a time, the others as the page starts: a save that only fails when the
    other fields are valid (a listing's description) is reached too."""
    caplog.set_level(logging.ERROR)
    view = _build(name)
    _sign_in_views(view, signed_in)
    texts = [x for x in _walk(view) if isinstance(x, w.Text | w.Textarea)
             and not isinstance(x, w.Password)]
    problems = []
    for box in texts:
        before = box.value
        box.value = LONG
        problems += _press_everything(view)
        box.value = before
    shown = _shown(view)
    problems += [f"shows the generic sentence {s!r}" for s in _generic_sentences() if s in shown]
    problems += [f"logged {r.getMessage()!r}" for r in caplog.records]
    problems += _stored_problems(signed_in, signed_in.today())
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("year", [1, 9999])
@pytest.mark.parametrize("name", [n for n in VIEWS if n != "sharing.calculator_app"])
def test_no_date_outside_the_range_is_saved(name, year, signed_in, caplog):
    """Every date picker at 1 January of ``year``, every empty text field given an amount that
    reads (so the date is what is left to refuse), every button pressed."""
    caplog.set_level(logging.ERROR)
    view = _build(name)
    _sign_in_views(view, signed_in)
    for box in _walk(view):
        if isinstance(box, w.Text | w.Textarea) and not box.value:
            box.value = "25000"
    problems = []
    pickers = [x for x in _walk(view) if isinstance(x, w.DatePicker)]
    for picker in pickers:
        picker.value = dt.date(year, 1, 1)
    problems += _press_everything(view)
    problems += [f"logged {r.getMessage()!r}" for r in caplog.records]
    problems += _stored_problems(signed_in, signed_in.today())
    fields = {id(f.control): f for f in _walk(view) if isinstance(f, Field)}
    for picker in pickers:
        field = fields.get(id(picker))
        if field is not None and picker.value == dt.date(year, 1, 1) and (
                ERROR_NOTICE not in field.message.value):
            problems.append(f"date {field.label.value!r} says nothing")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(VIEWS))
def test_direction_controls_are_never_saved_or_shown(name, signed_in, caplog):
    """A right-to-left override (and its kin) pasted into every text field, the rest of the
    text as it was or a plain amount: none of them is kept, saved or echoed back."""
    caplog.set_level(logging.ERROR)
    view = _build(name)
    _sign_in_views(view, signed_in)
    controls = "\u202e\u2066\u200f\u061c"
    texts = [x for x in _walk(view) if isinstance(x, w.Text | w.Textarea)
             and not isinstance(x, w.Password)]
    for box in texts:
        box.value = controls + (box.value or "25000") + "\u202c"
    problems = _press_everything(view)
    problems += [f"logged {r.getMessage()!r}" for r in caplog.records]
    problems += _stored_problems(signed_in, signed_in.today())
    shown = _shown(view)
    problems += [f"shows {ch!r}" for ch in BIDI_CONTROLS if ch in shown]
    problems += [f"field keeps {box.value[:20]!r}" for box in texts
                 if any(ch in BIDI_CONTROLS for ch in box.value)]
    assert not problems, "\n".join(problems)


def test_every_lesson_module_gives_the_fuzz_its_views():
    """The list is found, not written: a filter that dropped a lesson's views would show here."""
    for module in LESSON_MODULES:
        short = module.__name__.split(".")[1]
        assert any(name.startswith(short + ".") for name in VIEWS), module.__name__
    assert {"cashbook.cashbook_app", "sharing.calculator_app", "promotion.stock_card",
            "training.answer_page", "group.roster_app"} <= set(VIEWS)
