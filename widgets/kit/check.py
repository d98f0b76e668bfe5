"""Readiness check: is this laptop ready to run a class? (``make check``, also run by
``make serve``). Each line is printed in Indonesian and English so any trainer can act on it."""

from __future__ import annotations

import importlib
import socket
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from widgets.core import settings
from widgets.core.i18n import t

MIN_PYTHON = (3, 11)
PACKAGES = ("voila", "ipywidgets", "ipykernel", "pandas", "babel", "openpyxl", "yaml", "nbconvert")


@dataclass(frozen=True)
class Finding:
    """One check's result; a parameter may be a {language: text} mapping."""

    ok: bool
    key: str
    params: dict
    blocking: bool = True  # False: the class can go ahead, with the trainer warned

    @property
    def passes(self) -> bool:
        return self.ok or not self.blocking

    def text(self, lang: str) -> str:
        params = {k: v[lang] if isinstance(v, dict) else v for k, v in self.params.items()}
        return t("check." + self.key, lang, **params)

    def lines(self) -> list[str]:
        mark = "OK   " if self.ok else ("AWAS " if not self.blocking else "GAGAL")
        return [f"[{mark}] {self.text('id')}", f"        {self.text('en')}"]


def check_python() -> Finding:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info[:2] >= MIN_PYTHON
    return Finding(ok, "python_ok" if ok else "python_old", {"version": version})


def check_packages() -> Finding:
    missing = []
    for name in PACKAGES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        return Finding(False, "packages_missing", {"names": ", ".join(missing)})
    return Finding(True, "packages_ok", {})


def check_port(port: int, host: str = "0.0.0.0") -> Finding:  # noqa: S104 (phones join)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return Finding(False, "port_busy", {"port": port})
    return Finding(True, "port_ok", {"port": port})


def check_data_dir() -> Finding:
    from widgets.store import data_dir

    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".check-"):
            pass
    except OSError as exc:
        return Finding(False, "data_not_writable", {"path": str(settings.data_dir()),
                                                    "error": exc.strerror or str(exc)})
    return Finding(True, "data_ok", {"path": str(folder)})


def check_village(root: Path | None = None) -> Finding:
    """The village profile and every topic's data files load (each lesson reads only its own
    when it opens: this finds a broken file before class)."""
    from widgets.cashbook.data import load_cashbook
    from widgets.core.datafile import DataError
    from widgets.core.village import load_village
    from widgets.group.data import load_group_lesson
    from widgets.pricing.data import load_pricing
    from widgets.promotion.data import load_promotion
    from widgets.sharing.data import load_sharing

    try:
        village = load_village(root=root)
        for load in (load_cashbook, load_pricing, load_sharing, load_promotion,
                     load_group_lesson):
            load(village)
    except DataError as exc:
        return Finding(False, "village_broken",
                       {"error": {lang: exc.text(lang) for lang in ("id", "en")}})
    return Finding(True, "village_ok", {"village": village.name, "folder": village.folder.name})


def check_lessons() -> Finding:
    lessons = Path(__file__).resolve().parents[2] / "lessons"
    count = len(list(lessons.glob("*.ipynb")))
    return Finding(count > 0, "lessons_ok" if count else "lessons_missing", {"count": count})


def check_memory(class_size: int | None = None) -> Finding:
    """How many phones this laptop can serve: one kernel per phone with a lesson open."""
    from widgets.kit.pool import affordable_kernels, available_mb

    free = available_mb()
    phones = affordable_kernels(free)
    wanted = settings.class_size() if class_size is None else class_size
    return Finding(phones >= wanted, "memory_ok" if phones >= wanted else "memory_low",
                   {"free": free, "phones": phones}, blocking=False)


def run_checks(port: int, host: str = "0.0.0.0") -> list[Finding]:  # noqa: S104
    checks: list[Callable[[], Finding]] = [check_python, check_packages, check_lessons]
    findings = [c() for c in checks]
    if findings[1].ok:  # the data checks need the kit's packages
        findings += [check_data_dir(), check_village(), check_memory()]
    findings.append(check_port(port, host))
    return findings


def report(port: int, host: str = "0.0.0.0") -> bool:  # noqa: S104
    findings = run_checks(port, host)
    for finding in findings:
        print("\n".join(finding.lines()))
    ready = all(f.passes for f in findings)
    print(t("check.ready" if ready else "check.not_ready", "id"))
    print(t("check.ready" if ready else "check.not_ready", "en"))
    return ready


def main() -> int:
    return 0 if report(settings.port(), settings.host()) else 1


if __name__ == "__main__":
    sys.exit(main())
