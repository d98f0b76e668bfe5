"""The house rules, checked on every module and lesson notebook (issue "the house"):

- ipywidgets is imported only inside a ``*/ui/`` folder;
- ``core/`` and ``store/`` import no topic;
- no topic imports another topic's ``ui/``;
- a lesson notebook imports only ``widgets.<topic>.ui.lesson*`` or the shared ``widgets.ui``;
- no module is over about 300 lines (unless its first docstring line says why), and no view
  class is over about 250 lines.

Each rule is one function over source text, so the tests below can also plant a wrong import in
a synthetic module and prove that the guard catches it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
WIDGETS = ROOT / "widgets"
SHARED = {"core", "store", "ui", "kit"}
MODULE_LINES = 300
CLASS_LINES = 250
# The first docstring line of a larger module says why it must be larger.
SIZE_EXCUSE = "larger than"


def module_name(path: Path, root: Path = ROOT) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, current: str, names: bool = True) -> set[str]:
    """Every module ``source`` imports, at any depth (imports inside functions count). With
    ``names``, ``from pkg import name`` counts as ``pkg.name`` too (the name may be a
    submodule)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = current.split(".")[: len(current.split(".")) - node.level]
                base = ".".join([*package, base] if base else package)
            found.add(base)
            if names:
                found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def topic_of(module: str) -> str | None:
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "widgets" or parts[1] in SHARED:
        return None
    return parts[1]


def in_ui(module: str) -> bool:
    return "ui" in module.split(".")[1:]


def violations(module: str, source: str) -> list[str]:
    """The house rules ``module`` (dotted name) breaks with this ``source``."""
    problems = []
    area = module.split(".")[1] if module.count(".") else ""
    own_topic = topic_of(module)
    for name in sorted(imported_modules(source, module)):
        if name.split(".")[0] == "ipywidgets" and not in_ui(module):
            problems.append(f"{module} imports ipywidgets outside a ui/ folder")
        other = topic_of(name)
        if other is None:
            continue
        if area in ("core", "store"):
            problems.append(f"{module} ({area}/) imports the topic module {name}")
        elif other != own_topic and in_ui(name):
            problems.append(f"{module} imports another topic's view {name}")
    return problems


def notebook_violations(path: Path) -> list[str]:
    nb = nbformat.read(path, as_version=4)
    problems = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for name in imported_modules(cell.source, "lessons", names=False):
            if not name.startswith("widgets"):
                continue
            parts = name.split(".")
            lesson_module = len(parts) >= 4 and parts[2] == "ui" and parts[3].startswith("lesson")
            shared_ui = len(parts) >= 2 and parts[1] == "ui"
            if not (lesson_module or shared_ui):
                problems.append(f"{path.name} imports {name}")
    return problems


def size_violations(path: Path, root: Path = ROOT) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    doc = (ast.get_docstring(tree) or "").splitlines()
    excused = bool(doc) and SIZE_EXCUSE in doc[0].lower()
    problems = []
    lines = len(source.splitlines())
    if lines > MODULE_LINES and not excused:
        problems.append(f"{path.relative_to(root)}: {lines} lines")
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and in_ui(module_name(path, root)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > CLASS_LINES:
                problems.append(f"{path.relative_to(root)}: class {node.name} {length} lines")
    return problems


def _modules() -> list[Path]:
    return sorted(WIDGETS.rglob("*.py"))


def test_every_module_keeps_the_house_rules():
    problems = [p for path in _modules()
                for p in violations(module_name(path), path.read_text(encoding="utf-8"))]
    assert not problems, "\n".join(problems)


def test_every_lesson_notebook_imports_only_its_lesson_module():
    notebooks = sorted((ROOT / "lessons").glob("*.ipynb"))
    assert notebooks
    problems = [p for path in notebooks for p in notebook_violations(path)]
    assert not problems, "\n".join(problems)


def test_no_module_or_view_class_is_too_large():
    problems = [p for path in _modules() for p in size_violations(path)]
    assert not problems, "\n".join(problems)


# --- The guard can fail ---------------------------------------------------------------------


@pytest.mark.parametrize(("module", "source", "expected"), [
    ("widgets.pricing.costing", "import ipywidgets as w", "ipywidgets outside"),
    ("widgets.core.money", "def f():\n    from ipywidgets import HTML\n", "ipywidgets outside"),
    ("widgets.core.money", "from widgets.cashbook.ledger import Entry", "imports the topic"),
    ("widgets.store.db", "from widgets.sharing import db", "imports the topic"),
    ("widgets.store.db", "import widgets.promotion.posts", "imports the topic"),
    ("widgets.sharing.ui.lesson", "from widgets.pricing.ui.costsheet import LATEST",
     "another topic's view"),
    ("widgets.sharing.ui.lesson", "from widgets.pricing.ui import costsheet",
     "another topic's view"),
    ("widgets.sharing.record", "from ..pricing.ui import channels", "another topic's view"),
])
def test_the_guard_catches_a_planted_wrong_import(module, source, expected):
    found = violations(module, source)
    assert found and expected in found[0]


@pytest.mark.parametrize(("module", "source"), [
    ("widgets.sharing.ui.lesson", "import ipywidgets as w\nfrom widgets.ui.common import PAGE"),
    ("widgets.sharing.ui.lesson", "from widgets.sharing.ui.calculator import SharingCalculator"),
    ("widgets.pricing.data", "from widgets.cashbook.ledger import Entry"),
    ("widgets.store.participants", "from widgets.core.i18n import t"),
])
def test_the_guard_lets_allowed_imports_pass(module, source):
    assert violations(module, source) == []


def test_the_notebook_guard_catches_a_planted_import(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("from widgets.cashbook.ui.lesson import cashbook_app"),
                nbformat.v4.new_code_cell("from widgets.cashbook.ledger import balance")]
    path = tmp_path / "99-planted.ipynb"
    nbformat.write(nb, path)
    assert notebook_violations(path) == ["99-planted.ipynb imports widgets.cashbook.ledger"]


def test_the_size_guard_catches_a_long_module_and_a_long_view(tmp_path):
    ui = tmp_path / "widgets" / "pricing" / "ui"
    ui.mkdir(parents=True)
    long_view = ui / "big.py"
    long_view.write_text('"""A view."""\n\n\nclass Big:\n' + "    x = 1\n" * 260, "utf-8")
    excused = ui / "excused.py"
    excused.write_text('"""Larger than 300 lines because X."""\n' + "x = 1\n" * 310, "utf-8")
    plain = ui / "plain.py"
    plain.write_text('"""Plain."""\n' + "x = 1\n" * 310, "utf-8")
    assert size_violations(long_view, tmp_path) == [
        "widgets/pricing/ui/big.py: class Big 261 lines"]
    assert size_violations(excused, tmp_path) == []
    assert size_violations(plain, tmp_path) == ["widgets/pricing/ui/plain.py: 311 lines"]


# Every open page is a kernel, and a class holds thirty of them: a page's modules load the heavy
# libraries (openpyxl pulls in numpy and Pillow, about 20 MB a kernel) only when a file is made.
HEAVY = ("openpyxl", "numpy", "PIL", "pandas", "matplotlib", "docx")


def page_modules() -> list[str]:
    """The widgets modules the kit's notebooks import (lessons and trainer pages)."""
    names: set[str] = set()
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                names.update(n for n in imported_modules(cell.source, "lessons", names=False)
                             if n.startswith("widgets"))
    return sorted(names)


def heavy_after_import(modules: list[str]) -> dict[str, list[str]]:
    """For each module, the heavy libraries loaded by importing it alone (one fresh interpreter
    each, run side by side)."""
    import subprocess
    import sys

    probes = {m: subprocess.Popen(
        [sys.executable, "-c",
         f"import sys, {m}; print(' '.join(h for h in {HEAVY!r} if h in sys.modules))"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True) for m in modules}
    found = {}
    for module, probe in probes.items():
        out, _ = probe.communicate(timeout=120)
        assert probe.returncode == 0, module
        found[module] = out.split()
    return found


def test_pages_load_no_heavy_library_at_open():
    modules = page_modules()
    assert "widgets.sharing.ui.lesson" in modules
    loaded = {m: heavy for m, heavy in heavy_after_import(modules).items() if heavy}
    assert not loaded, loaded


def test_the_heavy_library_probe_sees_openpyxl():
    found = heavy_after_import(["widgets.sharing.record_excel"])
    assert "openpyxl" in found["widgets.sharing.record_excel"]
