"""The scripts every kit page asks for, named at the top of the page (``<link rel=preload>``).

A Voila page fetches its JavaScript in waves: ``voila.js``, then the 60 chunks it asks for,
then the widget extensions, then the chunks that draw outputs, then the widget controls. A
wave starts only once the phone has run the one before, so on a phone link (1.6 Mbit/s,
150 ms, a CPU four times slower; ``bench/browser.py``) the link stood idle for about 4 of the
12.85 s before lesson 2's first widget showed (Chromium's timeline, 2 December 2026).

Every kit page asks for the same scripts: recorded in Chromium, each lesson, the FGD, the
evaluation and the trainer's pages fetched the same 90 (beside the template's own files), the
home page 88 of them. So the page names them all in its head, and the phone fetches them
while it runs the first ones.

The list is ``preload.txt`` beside the page template, one address under ``voila/`` a line
(with its query: a preload is used only by a request for the very same address), in the
order Chromium asked for them; ``python -m bench.preload`` records it again. A path whose
file is not installed (another Voila or ipywidgets) is left out, so a stale list costs speed,
never a broken page; ``tests/kit/test_preload.py`` says when it is stale.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "share/jupyter/voila/templates/usaha"
LIST = TEMPLATE / "preload.txt"


def read_list(path: Path = LIST) -> list[str]:
    """The recorded paths, without blank lines and ``#`` comments."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def installed_roots() -> dict[str, list[Path]]:
    """Where the server finds a path's file: ``static/`` in the template's static folders,
    ``labextensions/`` in Voila's extension folders (as its handlers look them up)."""
    from voila.paths import collect_static_paths
    from voila.utils import get_voila_labextensions_path

    return {
        "static": [Path(p) for p in collect_static_paths(["voila", "nbconvert"], "usaha")],
        "labextensions": [Path(p) for p in get_voila_labextensions_path()],
    }


def present(paths: list[str], roots: dict[str, list[Path]]) -> list[str]:
    """The paths whose file one of their roots holds, in their order (a path may end in the
    query its script is asked for with, e.g. an extension's ``?v=<hash>``)."""
    kept = []
    for path in paths:
        kind, _, rest = path.partition("?")[0].partition("/")
        if ".." in Path(rest).parts:
            continue
        if any((root / rest).is_file() for root in roots.get(kind, [])):
            kept.append(path)
    return kept


@lru_cache(maxsize=1)
def preload_paths() -> tuple[str, ...]:
    """The installed scripts to name in a page's head (read once per server)."""
    try:
        return tuple(present(read_list(), installed_roots()))
    except OSError:
        return ()
