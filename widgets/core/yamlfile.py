"""Read YAML with libyaml's C parser when PyYAML has it: the pure-Python parser took most of a
lesson's render time (over a second for the message catalogs on a busy 2-core laptop)."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """Like ``yaml.safe_load``: plain data only, never arbitrary objects."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 (a safe loader, C or Python)
