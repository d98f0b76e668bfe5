"""``python -m usaha_kita check-village <desa>``: every file of a village folder through every
loader of the kit, and every mistake found, each naming its file, row and column in plain
Indonesian (English alongside), before a class rather than in the middle of one.

The loaders stop at their first mistake. To find the mistakes of the other files too, a loader
that failed on a file the profile names (``files:`` or a group's ``cashbook:``) is run again
without that file, until it passes or fails on a file it cannot do without: so every file
reports at least its first mistake. Plain Python, no ipywidgets.
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
from widgets.core.village import Village

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
            if exc.text("id") in known:
                break
            found.append(exc)
            current = without(current, exc.file)
    return found


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
    if not mistakes:
        lines += [t("village_check.ok", "id", village=village.name, folder=village.folder),
                  t("village_check.ok", "en", village=village.name, folder=village.folder)]
        return True, "\n".join(lines)
    lines.append(t("village_check.found", "id", count=len(mistakes)))
    lines.append(t("village_check.found", "en", count=len(mistakes)))
    for n, exc in enumerate(mistakes, start=1):
        lines += [f"  {n}. {exc.text('id')}", f"     ({exc.text('en')})"]
    lines.append(t("village_check.again", "id", name=name))
    return False, "\n".join(lines)


def main(name: str | None = None, root: Path | None = None) -> int:
    ok, text = report(name, root)
    print(text)
    return 0 if ok else 1
