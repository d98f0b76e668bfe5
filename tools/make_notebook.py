"""Write a lesson notebook from a plain list of (kind, text) cells, cleared and id-stable.

Used once to create a lesson; afterwards the .ipynb file is the source and is edited directly.
"""

from __future__ import annotations

import hashlib
import sys

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook


def build(path: str, title: str, cells: list[tuple[str, str]]) -> None:
    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
        "title": title,
    }
    for kind, text in cells:
        cell = new_markdown_cell(text.strip()) if kind == "md" else new_code_cell(text.strip())
        cell["id"] = hashlib.sha1(f"{path}:{len(nb.cells)}".encode()).hexdigest()[:8]  # noqa: S324
        nb.cells.append(cell)
    nbformat.write(nb, path)


if __name__ == "__main__":
    sys.exit("import build() from a script")
