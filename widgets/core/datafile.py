"""Reading the kit's data files with checks: a YAML or CSV file, typed cells, and a
:class:`DataError` whose message names the file, the row or key, and the value, in plain
Indonesian (English alongside), so a facilitator can fix the file without help.

Plain Python, no ipywidgets. Used by the village loader and by every file of shared rules (fees,
platform rules, photo rules, seasons), so the same mistake gets the same message everywhere. The
texts are the ``datafile`` section of ``widgets/locale/shared.yaml``.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Generic, TypeVar

import yaml

from widgets.core import i18n, yamlfile

T = TypeVar("T")
SLUG = re.compile(r"[a-z0-9][a-z0-9_-]*")
DIGITS = re.compile(r"[+-]?[0-9]+")


class DataError(ValueError):
    """A dataset file holds a value the kit cannot use.

    ``row`` is the spreadsheet row (header = 1) or, with ``item=True``, the 1-based item of a
    YAML list; ``column`` is the CSV column or the YAML key path. ``text(lang)`` gives the message.
    A rules file with problems of its own subclasses this and names the catalog ``section`` that
    holds their texts; where the problem is always reads the same.
    """

    section = "datafile"

    def __init__(
        self,
        file: str | None,
        problem: str,
        *,
        row: int | None = None,
        column: str | None = None,
        value: object = None,
        item: bool = False,
        **params: object,
    ) -> None:
        self.file, self.problem, self.row, self.column = file, problem, row, column
        self.value, self.item, self.params = value, item, params
        super().__init__(self.text())

    def text(self, lang: str | None = None) -> str:
        problem = i18n.t(f"{self.section}.{self.problem}", lang, value=self.value, **self.params)
        if self.file is None:
            return problem
        if self.row is not None and self.column is None:
            where = i18n.t("datafile.where_line", lang, file=self.file, row=self.row)
        elif self.row is not None:
            where_key = "where_item" if self.item else "where_row"
            where = i18n.t(f"datafile.{where_key}", lang, file=self.file, row=self.row,
                           column=self.column)
        elif self.column is not None:
            where = i18n.t("datafile.where_key", lang, file=self.file, column=self.column)
        else:
            where = i18n.t("datafile.where_file", lang, file=self.file)
        return f"{where}: {problem}"

    def __str__(self) -> str:
        return self.text()


class CachedFile(Generic[T]):
    """A rules file read, checked and built once per path, then kept for the process.

    Made with :func:`cached_file`. Calling it (``load_fees()``, ``load_fees(other_path)``) gives
    the built data for ``path`` (default: the kit's own file). A file is not re-read when it
    changes on disk: a kernel reads the rules once, a new kernel reads them again, and
    :meth:`clear_cache` forces a re-read (tests, a trainer's script). A file that fails its
    checks is not kept, so the next call reads it again.
    """

    def __init__(self, default: Path, build: Callable[[Path], T], maxsize: int) -> None:
        self.default = default
        self._cached = functools.lru_cache(maxsize=maxsize)(build)
        functools.update_wrapper(self, build)

    def __call__(self, path: Path | None = None) -> T:
        return self._cached(Path(path or self.default).resolve())

    def clear_cache(self) -> None:
        self._cached.cache_clear()


def cached_file(default: Path, maxsize: int = 4) -> Callable[[Callable[[Path], T]], CachedFile[T]]:
    """Decorator for the function that builds a rules file's data from its path::

        @cached_file(DATASETS_DIR / "seasons.yaml")
        def load_seasons(path: Path) -> SeasonData: ...

        clear_cache = load_seasons.clear_cache
    """
    return lambda build: CachedFile(default, build, maxsize)


def read_yaml(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise DataError(path.name, "file_missing")
    try:
        data = yamlfile.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        raise DataError(path.name, "yaml_broken", row=line) from exc
    if not isinstance(data, dict):
        raise DataError(path.name, "not_mapping")
    return data


def read_csv(path: Path, required: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """(spreadsheet row, cells) for each non-blank data row; the header is row 1."""
    if not path.is_file():
        raise DataError(path.name, "file_missing")
    with path.open(encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    header = [h.strip() for h in records[0]] if records else []
    for column in required:
        if column not in header:
            raise DataError(path.name, "missing_column", row=1, column=column, value=column,
                            choices=", ".join(header) or "-")
    for row, record in enumerate(records[1:], start=2):
        if any(cell.strip() for cell in record):
            padded = record + [""] * (len(header) - len(record))
            yield row, {h: padded[i].strip() for i, h in enumerate(header)}


class Cells:
    """Typed access to one row (CSV or YAML mapping) that raises DataError naming the cell."""

    def __init__(self, file: str, row: int | None, cells: Mapping[str, Any], prefix: str = "",
                 item: bool = False) -> None:
        self.file, self.row, self.cells, self.prefix, self.item = file, row, cells, prefix, item

    def error(self, column: str, problem: str, value: object = None, **params: object) -> DataError:
        return DataError(self.file, problem, row=self.row, column=self.prefix + column,
                         value=value, item=self.item, **params)

    def raw(self, column: str) -> Any:
        value = self.cells.get(column)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise self.error(column, "missing_value")
        return value.strip() if isinstance(value, str) else value

    def text(self, column: str, default: str | None = None) -> str:
        if default is not None and self.cells.get(column) in (None, ""):
            return default
        return str(self.raw(column))

    def texts(self, column: str) -> dict[str, str]:
        """The ``{id: ..., en: ...}`` block in ``column`` (an ``i18n.Local``), spaces folded:
        the Indonesian text is required, a blank other language falls back to it."""
        raw = self.raw(column)
        if not isinstance(raw, dict):
            raise self.error(column, "not_mapping")
        block = Cells(self.file, self.row, raw, self.prefix + column + ".", item=self.item)
        block.text(i18n.DEFAULT_LANGUAGE)
        return {str(lang): " ".join(str(text).split()) for lang, text in block.cells.items()
                if text is not None and str(text).strip()}

    def own_texts(self) -> dict[str, str]:
        """A list item's own text, written beside its other keys (``id:``, ``en:``): the
        Indonesian text is required, a blank English one falls back to it, as in ``texts``."""
        return {"id": self.text("id"), "en": self.text("en", default="")}

    def integer(self, column: str, minimum: int | None = None, problem: str = "not_int") -> int:
        value = self.raw(column)
        if isinstance(value, bool) or not (
            isinstance(value, int) or DIGITS.fullmatch(str(value))
        ):
            raise self.error(column, problem, value)
        number = int(value)
        if minimum is not None and number < minimum:
            raise self.error(column, "too_small", number, minimum=minimum)
        return number

    def amount(self, column: str, minimum: int = 1) -> int:
        return self.integer(column, minimum, problem="not_amount")

    def date(self, column: str) -> dt.date:
        value = self.raw(column)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                raise ValueError(value)
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise self.error(column, "not_date", value) from None

    def choice(self, column: str, choices: Iterable[str], problem: str = "bad_choice") -> str:
        value = str(self.raw(column))
        options = list(choices)
        if value not in options:
            raise self.error(column, problem, value, choices=", ".join(options))
        return value

    def flag(self, column: str, default: bool = False) -> bool:
        value = self.cells.get(column, default)
        if not isinstance(value, bool):
            raise self.error(column, "not_bool", value)
        return value

    def slug(self, column: str) -> str:
        value = str(self.raw(column))
        if not SLUG.fullmatch(value):
            raise self.error(column, "not_slug", value)
        return value


def need_mapping(file: str, value: Any, path: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise DataError(file, "not_mapping", column=path)
    return value


def need_list(file: str, value: Any, path: str) -> list[Any]:
    if not isinstance(value, list) or not value:
        raise DataError(file, "not_list", column=path)
    return value
