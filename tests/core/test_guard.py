"""The one guard: an unexpected error in a callback is logged with its traceback and the
participant reads a plain catalog sentence, never the traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import ipywidgets as w
import pytest

from widgets.core.guard import guarded
from widgets.core.i18n import t
from widgets.promotion.ui.orderlink import OrderLinkView
from widgets.promotion.ui.photo import PhotoCheckView
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.sharing.ui.compare import ComparisonView
from widgets.sharing.ui.lesson import SharingExercise
from widgets.sharing.ui.record import RecordPanel
from widgets.ui.common import guard

ROOT = Path(__file__).resolve().parents[2]
SECRET = "kolom_rahasia_xyz"  # stands for whatever an internal error message would reveal


class Board:
    """A stand-in page: what the guard sees of a view is an object with an HTML widget."""

    def __init__(self) -> None:
        self.status = w.HTML()
        self.shown: list[str] = []
        self.calls = 0

    @guarded("board sum", "orderlink.unexpected", lambda view, text: view.shown.append(text))
    def add(self, a: int, b: int) -> int:
        self.calls += 1
        return a + b

    @guarded("board crash", "orderlink.unexpected", lambda view, text: view.shown.append(text))
    def crash(self) -> int:
        self.calls += 1
        return {}[SECRET]

    @guard("board button", "lesson3.unexpected")
    def click(self, _button=None) -> None:
        raise RuntimeError(SECRET)

    @guarded("broken page", "photo.unexpected", lambda view, text: view.missing.append(text))
    def broken(self) -> None:
        raise ValueError(SECRET)


def test_a_method_that_works_is_untouched():
    board = Board()
    assert board.add(2, 3) == 5 and board.shown == [] and board.calls == 1
    assert Board.add.__name__ == "add" and Board.add.__wrapped__  # functools.wraps


def test_an_error_is_logged_with_its_traceback_and_shown_as_plain_words(caplog):
    board = Board()
    with caplog.at_level(logging.ERROR):
        assert board.crash() is None
    assert board.shown == [t("orderlink.unexpected")]
    assert board.shown[0].startswith("Maaf, ada yang tidak beres")
    record = caplog.records[-1]
    assert record.name == __name__  # the logger of the view's own module
    assert record.getMessage() == "board crash"
    assert record.exc_info and record.exc_info[0] is KeyError
    assert SECRET in caplog.text and "Traceback" in caplog.text


def test_the_view_guard_shows_an_error_notice_in_the_target(caplog):
    board = Board()
    board.click()
    shown = board.status.value
    assert 'class="uk-msg uk-msg-error"' in shown and 'role="alert"' in shown
    assert t("lesson3.unexpected") in shown
    assert SECRET not in shown and "Traceback" not in shown and "RuntimeError" not in shown
    assert SECRET in caplog.text


def test_a_page_that_cannot_show_the_message_is_logged_not_raised(caplog):
    assert Board().broken() is None
    assert "showing the message photo.unexpected" in caplog.text


def test_other_exceptions_than_errors_pass(caplog):
    """Ctrl-C and a kernel shutting down are not the participant's problem: not swallowed."""

    class Stop:
        @guarded("stop", "orderlink.unexpected", lambda view, text: None)
        def run(self) -> None:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        Stop().run()


@pytest.mark.parametrize(("view", "methods"), [
    (SharingCalculator, ["update", "_group_changed"]),
    (ComparisonView, ["refresh"]),
    (SharingExercise, ["_check"]),
    (RecordPanel, ["_make", "_save", "_save_rule", "_use_rule", "refresh_saved"]),
    (OrderLinkView, ["build", "suggest_message", "use_default_message"]),
    (PhotoCheckView, ["check_bytes"]),
])
def test_the_views_callbacks_are_guarded(view, methods):
    for name in methods:
        assert hasattr(getattr(view, name), "__wrapped__"), f"{view.__name__}.{name}"


def test_no_view_writes_its_own_guard():
    """Catching every exception is the guard's job: no view module repeats it."""
    copies = [str(path.relative_to(ROOT)) for path in (ROOT / "widgets").rglob("ui/*.py")
              if "except Exception" in path.read_text(encoding="utf-8")]
    assert copies == []
