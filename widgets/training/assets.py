"""Where the slide decks' browser files come from: reveal.js 5.2 from the ``sphinx-revealjs``
wheel and jQuery from ``xstatic-jquery``, both installed by ``make setup``. Nothing is fetched
from the internet: the live server serves these folders, the offline build copies them."""

from __future__ import annotations

import shutil
from pathlib import Path

# What an offline deck needs of reveal.js: the script, its styles and themes (with the fonts
# the themes name), and the speaker-notes plugin.
REVEAL_PARTS = ("dist", "plugin/notes", "LICENSE")
JQUERY_FILE = "jquery.min.js"


def revealjs_dir() -> Path:
    """The reveal.js folder (``dist/``, ``dist/theme/``, ``plugin/notes/``)."""
    import sphinx_revealjs

    folder = Path(sphinx_revealjs.__file__).resolve().parent / "_static" / "revealjs"
    if not (folder / "dist" / "reveal.js").is_file():
        raise FileNotFoundError(f"reveal.js is missing from {folder}: run `make setup`")
    return folder


def jquery_dir() -> Path:
    from xstatic.pkg import jquery

    folder = Path(jquery.BASE_DIR)
    if not (folder / JQUERY_FILE).is_file():
        raise FileNotFoundError(f"{JQUERY_FILE} is missing from {folder}: run `make setup`")
    return folder


def copy_assets(target: Path) -> None:
    """Copy reveal.js to ``target/reveal.js/`` and jQuery to ``target/jquery/``."""
    reveal = target / "reveal.js"
    for part in REVEAL_PARTS:
        source = revealjs_dir() / part
        if source.is_dir():
            shutil.copytree(source, reveal / part, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("*.map", "*.esm.js"))
        else:
            (reveal / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, reveal / part)
    (target / "jquery").mkdir(parents=True, exist_ok=True)
    shutil.copy2(jquery_dir() / JQUERY_FILE, target / "jquery" / JQUERY_FILE)
