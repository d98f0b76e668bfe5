"""The kit's virtual environment (``.venv``), made with the standard library only, so that
``python -m usaha_kita setup`` works on a fresh laptop (Linux, macOS, Windows) before any of
the kit's packages is installed. The Makefile's ``setup`` target calls the same code.

Which Python runs the kit (:func:`kit_python`): the one running now when it is ``.venv``'s or
already has the kit's packages (a conda environment made from ``environment.yml``); else
``.venv``'s, set up first when it is missing or older than ``pyproject.toml``.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV = ROOT / ".venv"
STAMP_NAME = ".installed-stamp"
DEFAULT_EXTRAS = "test,postgres"
# Imported by every page: when these are importable the Python running now can run the kit.
NEEDED = ("voila", "yaml", "ipywidgets")


def venv_python(folder: Path = VENV, windows: bool | None = None) -> Path:
    """``.venv/bin/python`` on Linux and macOS, ``.venv\\Scripts\\python.exe`` on Windows."""
    windows = os.name == "nt" if windows is None else windows
    return folder / "Scripts" / "python.exe" if windows else folder / "bin" / "python"


def up_to_date(folder: Path = VENV, root: Path = ROOT) -> bool:
    """Set up, and not older than ``pyproject.toml`` (the Makefile's stamp rule)."""
    stamp = folder / STAMP_NAME
    return (venv_python(folder).exists() and stamp.exists()
            and stamp.stat().st_mtime >= (root / "pyproject.toml").stat().st_mtime)


def setup(extras: str = DEFAULT_EXTRAS, folder: Path = VENV, root: Path = ROOT,
          force: bool = False) -> Path:
    """Create ``folder`` when its Python is missing and install the kit into it with
    ``extras``; returns its Python. Skipped when already up to date, unless ``force``."""
    python = venv_python(folder)
    if not force and up_to_date(folder, root):
        return python
    if not python.exists():
        print(f"Membuat {folder} / creating {folder} ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(folder)
    target = f"{root}[{extras}]" if extras else str(root)
    print("Memasang paket (perlu internet sekali saja) / installing packages (needs the "
          "internet once) ...", flush=True)
    subprocess.run([str(python), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-e", target], check=True)
    (folder / STAMP_NAME).touch()
    return python


def running_in(folder: Path = VENV) -> bool:
    """Whether the Python running now is ``folder``'s."""
    return Path(sys.prefix).resolve() == folder.resolve()


def has_kit_packages() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in NEEDED)


def kit_python(extras: str = DEFAULT_EXTRAS) -> Path | None:
    """The Python that runs the kit's commands (see the module's docstring); None when it is
    the one running now. (Not compared by path: a venv's python is often a link to the
    system's, and the two resolve to one file.)"""
    if running_in(VENV):
        return None
    if not VENV.exists() and has_kit_packages():
        return None
    return setup(extras)
