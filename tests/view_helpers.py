"""Helpers for the headless view tests: type into a view's fields the way a participant does."""

from __future__ import annotations

from typing import Any


def fill(view: Any, **values: Any) -> None:
    """Set each named field's control (``view.<name>.control.value``), in the order given."""
    for name, value in values.items():
        getattr(view, name).control.value = value
