"""Every lesson and every deck runs for every village (issue 15).

Each notebook in ``lessons/`` and ``slides/`` is executed with nbclient, as nbval does, in a
kernel started with ``USAHA_KITA_VILLAGE=<village>`` (and the run's throwaway
``USAHA_KITA_DATA`` from conftest). Any error output fails it, and so does anything written to
stderr: the kit's guard logs a caught error there while the participant reads a plain sentence,
so a page that "works" by hiding a traceback fails here too. Parametrised by the village folders,
so a third village is run by being added.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from test_villages import VILLAGES

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted([*(ROOT / "lessons").glob("*.ipynb"), *(ROOT / "slides").glob("*.ipynb")])


def problems(nb: nbformat.NotebookNode) -> list[str]:
    """Error outputs and stderr text of an executed notebook, one line each."""
    found = []
    for number, cell in enumerate(nb.cells, start=1):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                found.append(f"cell {number}: {out['ename']}: {out['evalue'][:300]}")
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                found.append(f"cell {number}: stderr: {out['text'][:500]}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[f"{p.parent.name}/{p.stem}" for p in NOTEBOOKS])
@pytest.mark.parametrize("village", VILLAGES)
def test_notebook_runs_for_the_village(village, path, monkeypatch):
    monkeypatch.setenv("USAHA_KITA_VILLAGE", village)  # the kernel inherits it
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    assert problems(nb) == []


def test_an_error_in_a_notebook_is_reported():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("import sys; print('x', file=sys.stderr)"),
        nbformat.v4.new_code_cell("{}['konveksi']")])
    NotebookClient(nb, timeout=60, kernel_name="python3", allow_errors=True).execute()
    assert [p.split(":")[0] for p in problems(nb)] == ["cell 1", "cell 2"]
    assert "KeyError" in problems(nb)[1]
