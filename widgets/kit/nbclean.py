"""Keep notebooks free of outputs, execution counts and widget state in git.

``python -m widgets.kit.nbclean --check lessons slides`` fails (exit 1) naming each dirty notebook;
without ``--check`` it cleans them in place. ``make test`` runs the check.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def problems(nb: dict) -> list[str]:
    found = []
    for index, cell in enumerate(nb.get("cells", []), start=1):
        if cell.get("cell_type") != "code":
            continue
        if cell.get("outputs"):
            found.append(f"cell {index}: outputs")
        if cell.get("execution_count") is not None:
            found.append(f"cell {index}: execution_count")
    if "widgets" in nb.get("metadata", {}):
        found.append("metadata.widgets")
    return found


def clean(nb: dict) -> dict:
    for cell in nb.get("cells", []):
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nb.get("metadata", {}).pop("widgets", None)
    return nb


def notebooks(paths: list[str]) -> list[Path]:
    found: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        elif path.suffix == ".ipynb":
            found.append(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report, change nothing")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args(argv)
    dirty = 0
    for path in notebooks(args.paths):
        nb = json.loads(path.read_text(encoding="utf-8"))
        found = problems(nb)
        if not found:
            continue
        dirty += 1
        if args.check:
            print(f"{path}: {', '.join(found)}")
        else:
            path.write_text(json.dumps(clean(nb), indent=1, ensure_ascii=False) + "\n",
                            encoding="utf-8")
            print(f"cleaned {path}")
    if args.check and dirty:
        print(f"{dirty} notebook(s) carry outputs or widget state: run `make clean-notebooks`.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
