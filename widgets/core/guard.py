"""The one guard between a participant's click and a traceback: an unexpected error in a view's
callback is logged for the trainer (with its traceback, in the server's log) and the participant
reads one plain sentence from the catalog instead.

Plain Python, no ipywidgets: the view says how to show the sentence. Expected problems (a typed
amount that cannot be read, a rule that does not fit) are handled where they happen and shown
next to their field; this guard is for everything else. Views use it as a decorator, usually
through :func:`widgets.ui.common.guard`, which shows the sentence as an error notice::

    @guard("order link", "orderlink.unexpected")
    def build(self) -> None: ...
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from widgets.core.i18n import t

R = TypeVar("R")
Show = Callable[[Any, str], None]  # (the view, the plain sentence) -> None


def guarded(what: str, message: str, show: Show) -> Callable[[Callable[..., R]],
                                                             Callable[..., R | None]]:
    """Decorator for a view method. If the method raises, the error is logged as ``what`` on
    the logger of the method's module, ``show(view, t(message))`` puts the catalog sentence on
    the page, and the call returns ``None``. ``message`` is a catalog key (``domain.key``)."""

    def decorate(method: Callable[..., R]) -> Callable[..., R | None]:
        log = logging.getLogger(method.__module__)

        @functools.wraps(method)
        def run(view: Any, *args: Any, **kwargs: Any) -> R | None:
            try:
                return method(view, *args, **kwargs)
            except Exception:  # noqa: BLE001 (logged for the trainer; plain words on the page)
                log.exception(what)
                _show_safely(log, show, view, message)
                return None

        return run

    return decorate


def _show_safely(log: logging.Logger, show: Show, view: Any, message: str) -> None:
    """Showing the sentence must not raise either: a broken page is logged, never shown."""
    try:
        show(view, t(message))
    except Exception:  # noqa: BLE001 (the page itself is broken: only the log can say so)
        log.exception("showing the message %s", message)
