"""``python -m usaha_kita check-village <desa>``: every file of a village folder through every
loader of the kit, and every mistake found, each naming its file, row and column in plain
Indonesian (English alongside), before a class rather than in the middle of one.

The loaders stop at their first mistake. To find the mistakes of the other files too, a loader
that failed on a file the profile names (``files:`` or a group's ``cashbook:``) is run again
without that file, until it passes or fails on a file it cannot do without: so every file
reports at least its first mistake. A file still the same as the example ``new-village``
copied (``datasets/jepara/``) is not a mistake, but the report names it: its stories, questions
and answers would show the example village's in the lessons. Plain Python, no ipywidgets.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
from collections.abc import Callable, Container
from pathlib import Path

from widgets.core import settings
from widgets.core import village as village_mod
from widgets.core.datafile import DataError
from widgets.core.i18n import t
from widgets.core.village import DATASETS_DIR, Village
from widgets.core.yamlfile import safe_load
from widgets.kit.village_new import TEMPLATE

# Every topic's loaders live in widgets/<topic>/data.py as ``load_*(village)``.
TOPICS = ("cashbook", "group", "pricing", "promotion", "sharing")
# The trainer's files, read by folder.
FOLDER_LOADERS = (("widgets.training.items", "load_form"),
                  ("widgets.training.fgd_sets", "load_sets"))
ATTEMPTS = 20


def loaders() -> list[tuple[str, Callable[[Village], object]]]:
    """``(name, load)`` for every loader: each topic's ``load_*`` taking a village first,
    then the trainer's files read from the village's folder."""
    found = []
    for topic in TOPICS:
        module = importlib.import_module(f"widgets.{topic}.data")
        for name, load in sorted(vars(module).items()):
            if name.startswith("load_") and callable(load) and _takes_village(load):
                found.append((f"{topic}.{name}", load))
    for module_name, name in FOLDER_LOADERS:
        load = getattr(importlib.import_module(module_name), name)
        found.append((f"{module_name.rsplit('.', 1)[1]}.{name}",
                      lambda v, load=load: load(v.folder)))
    return found


def _takes_village(load: Callable) -> bool:
    try:
        params = list(inspect.signature(load).parameters)
    except (TypeError, ValueError):
        return False
    return bool(params) and params[0] == "village"


def clear_caches() -> None:
    """Forget every loaded village and topic file, so the files are read as they are now."""
    village_mod.clear_cache()
    for topic in TOPICS:
        module = importlib.import_module(f"widgets.{topic}.data")
        for value in vars(module).values():
            for clear in ("cache_clear", "clear_cache"):
                if callable(getattr(value, clear, None)) and not inspect.isclass(value):
                    getattr(value, clear)()
        if callable(getattr(module, "clear_cache", None)):
            module.clear_cache()
    for module_name, _ in FOLDER_LOADERS:
        importlib.import_module(module_name)._load.cache_clear()
    importlib.import_module("widgets.group.data")._load.cache_clear()


def without(village: Village, file: str | None) -> Village | None:
    """``village`` with ``file`` left out (as if its profile did not name it), or None when
    the profile does not name it (a file every village must have)."""
    keys = [key for key, name in village.files.items() if name == file]
    if keys:
        files = {k: v for k, v in village.files.items() if k not in keys}
        return dataclasses.replace(village, files=files)
    groups = {key: dataclasses.replace(g, cashbook_file=None) if g.cashbook_file == file else g
              for key, g in village.groups.items()}
    if groups != dict(village.groups):
        return dataclasses.replace(village, groups=groups)
    return None


def run_loader(load: Callable[[Village], object], village: Village,
               known: Container[str] = ()) -> list[DataError]:
    """Every mistake ``load`` finds in ``village``, leaving out each file that failed. A
    mistake already ``known`` (in a file an earlier loader read) stops it: what it reads on
    top of that file cannot be checked until the file is fixed."""
    found: list[DataError] = []
    current: Village | None = village
    for _ in range(ATTEMPTS):
        if current is None:
            break
        try:
            load(current)
            break
        except DataError as exc:
            if exc.text("id") in known or _follows(exc, village, current):
                break
            found.append(exc)
            current = without(current, exc.file)
    return found


def _follows(exc: DataError, village: Village, current: Village) -> bool:
    """Whether ``exc`` only follows from a file left out: with ``files.credit`` left out, the
    loader looks for its default file, which a village that names its own need not have."""
    named = set(village.files.values()) | {g.cashbook_file for g in village.groups.values()}
    return current is not village and exc.problem == "file_missing" and exc.file not in named


def unchanged(village: Village) -> list[str]:
    """The village's files that still hold exactly what the example folder's file of the same
    name holds (comments aside); none for the example itself."""
    template = DATASETS_DIR / TEMPLATE
    if village.folder.resolve() == template.resolve():
        return []
    same = []
    for path in sorted(village.folder.iterdir()):
        example = template / path.name
        if path.suffix in (".yaml", ".csv") and example.is_file() and _content(path) == (
                _content(example)):
            same.append(path.name)
    return same


def _content(path: Path) -> object:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".csv":
        return text.strip().splitlines()
    try:
        return safe_load(text)
    except Exception:  # noqa: BLE001 (a broken file is reported by its loader, not here)
        return None


def check(name: str | None = None, root: Path | None = None) -> tuple[Village | None,
                                                                       list[DataError]]:
    """The village (None when its profile cannot be read) and every mistake, each once."""
    clear_caches()
    try:
        try:
            village = village_mod.load_village(name, root)
        except DataError as exc:
            return None, [exc]
        mistakes: dict[str, DataError] = {}
        for _, load in loaders():
            for exc in run_loader(load, village, mistakes):
                mistakes.setdefault(exc.text("id"), exc)
        return village, list(mistakes.values())
    finally:
        clear_caches()


def report(name: str | None, root: Path | None = None) -> tuple[bool, str]:
    """Whether the village passes, and the text to print (Indonesian, then English)."""
    name = name or settings.village()
    village, mistakes = check(name, root)
    lines = [t("village_check.checking", "id", name=name)]
    same = ", ".join(unchanged(village)) if village is not None else ""
    notes = [t("village_check.unchanged", lang, files=same, example=TEMPLATE)
             for lang in ("id", "en")] if same else []
    if not mistakes:
        lines += [t("village_check.ok", "id", village=village.name, folder=village.folder),
                  t("village_check.ok", "en", village=village.name, folder=village.folder)]
        return True, "\n".join(lines + notes)
    lines.append(t("village_check.found", "id", count=len(mistakes)))
    lines.append(t("village_check.found", "en", count=len(mistakes)))
    for n, exc in enumerate(mistakes, start=1):
        lines += [f"  {n}. {exc.text('id')}", f"     ({exc.text('en')})"]
    lines.append(t("village_check.again", "id", name=name))
    return False, "\n".join(lines + notes)


def main(name: str | None = None, root: Path | None = None) -> int:
    ok, text = report(name, root)
    print(text)
    return 0 if ok else 1
