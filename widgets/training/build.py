"""``make slides``: the lecture decks as offline HTML that opens from a USB stick, no server.

Each deck in ``slides/`` is run (so its figures show) with ``USAHA_KITA_SLIDES=static`` (live
widgets then show static tables), and written by nbconvert with the kit's ``usaha-slides``
template to ``slides/build/<deck>.slides.html``, next to local copies of reveal.js and jQuery.
``--pdf`` also prints each deck through reveal's print view (``?print-pdf``) with Chromium.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from widgets.core import settings
from widgets.kit.server import KIT_ROOT, SLIDES_DIR, kit_environment
from widgets.training import assets
from widgets.training.slides import STATIC_ENV

BUILD_DIR = SLIDES_DIR / "build"
TEMPLATE = "usaha-slides"
# Black on white with more contrast than "white"; its web font is never asked for (our CSS
# names system fonts first).
THEME = "white-contrast"
WIDTH, HEIGHT = 1280, 720


def decks(folder: Path = SLIDES_DIR) -> list[Path]:
    return sorted(folder.glob("[0-9][0-9]-*.ipynb"))


def export_deck(path: Path, target: Path, timeout: int = 180) -> Path:
    """Run one deck and write its static HTML into ``target``; returns the HTML file."""
    import nbformat
    from nbconvert import SlidesExporter
    from nbconvert.preprocessors import ExecutePreprocessor

    nb = nbformat.read(path, as_version=4)
    ExecutePreprocessor(timeout=timeout, kernel_name="python3").preprocess(
        nb, {"metadata": {"path": str(path.parent)}})
    exporter = SlidesExporter(
        template_name=TEMPLATE, reveal_url_prefix="reveal.js", reveal_theme=THEME,
        reveal_transition="none", reveal_number="c/t", reveal_width=str(WIDTH),
        reveal_height=str(HEIGHT), exclude_input=True, exclude_input_prompt=True,
        exclude_output_prompt=True)
    body, _resources = exporter.from_notebook_node(nb, resources={"metadata": {
        "name": nb.metadata.get("title", path.stem)}})
    out = target / f"{path.stem}.slides.html"
    out.write_text(body, encoding="utf-8")
    return out


def print_pdf(html: Path) -> Path:
    """Print a built deck to PDF through reveal's print view, one slide per page."""
    from playwright.sync_api import sync_playwright

    pdf = html.with_suffix("").with_suffix(".pdf")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=settings.chromium(), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(html.as_uri() + "?print-pdf")
        page.wait_for_selector(".reveal.ready", timeout=30_000)
        page.pdf(path=str(pdf), width=f"{WIDTH}px", height=f"{HEIGHT}px",
                 print_background=True)
        browser.close()
    return pdf


def build(target: Path = BUILD_DIR, pdf: bool = False, only: list[str] | None = None
          ) -> list[Path]:
    kit_environment()
    os.environ[STATIC_ENV] = "static"  # the kernels nbconvert starts inherit it
    target.mkdir(parents=True, exist_ok=True)
    assets.copy_assets(target)
    written = []
    for path in decks():
        if only and path.stem not in only:
            continue
        html = export_deck(path, target)
        written.append(html)
        print(f"  {html.relative_to(KIT_ROOT) if html.is_relative_to(KIT_ROOT) else html}",
              flush=True)
        if pdf:
            written.append(print_pdf(html))
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the offline lecture decks.")
    parser.add_argument("--out", type=Path, default=BUILD_DIR)
    parser.add_argument("--pdf", action="store_true", help="also print each deck to PDF")
    parser.add_argument("decks", nargs="*", help="deck names (default: all)")
    args = parser.parse_args(argv)
    print("Membuat deck slide offline / building offline decks:")
    build(args.out, args.pdf, args.decks or None)
    print(f"Buka / open: {args.out}/00-pembukaan.slides.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
