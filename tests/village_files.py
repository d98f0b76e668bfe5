"""Helpers for tests that break a copy of a village's files: the Jepara folder, a CSV cell or a
YAML value changed in place, and the DataError that loading the broken copy raises."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from widgets.core import village
from widgets.core.village import DataError, load_village

JEPARA = village.DATASETS_DIR / "jepara"


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Write ``value`` into a CSV cell; ``row`` counts like a spreadsheet (header = 1)."""
    with path.open(encoding="utf-8", newline="") as f:
        records = list(csv.reader(f))
    records[row - 1][records[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(records)


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def load_error(copy: Path, loader: Callable[[village.Village], object] | None = None) -> DataError:
    """The DataError from loading the broken copy: its profile, then the topic data ``loader``
    reads (``load_cashbook``, ``load_sharing``...)."""
    with pytest.raises(DataError) as info:
        loaded = load_village("jepara", root=copy.parent)
        if loader is not None:
            loader(loaded)
    return info.value
