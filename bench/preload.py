"""``python -m bench.preload``: record the scripts kit pages ask for, into the preload list.

The kit's page names in its head the scripts it will ask for (``widgets/kit/preload.py``).
Which scripts those are is decided by Voila's and the widget extensions' own code, so this
asks Chromium: it opens each page of a kit server whose pages name no scripts
(``bench.kitlaunch --no-preload``), so that the scripts are asked for as the page's own code
asks for them, and writes every script address under ``voila/``
to ``preload.txt``, in the order they were first asked for. Run it after upgrading Voila or
ipywidgets; ``tests/kit/test_preload.py`` says when the list no longer fits.

``--check`` writes nothing: it prints the recorded list's differences from the file and exits
1 when there are any.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from bench import servers
from bench.browser import WIDGET, Browser
from bench.metrics import Lab
from widgets.kit.preload import LIST, read_list

# The home page shows no widget; the others wait until their first one shows.
HOME = "00-beranda.ipynb"
PAGES = [HOME, "02-buku-kas.ipynb", "04-bagi-hasil.ipynb", "diskusi.ipynb"]
HEADER = ("# The scripts every kit page asks for, in the order Chromium first asked for them.\n"
          "# Written by `python -m bench.preload` (see widgets/kit/preload.py); do not edit.\n")


def page_scripts(browser: Browser, base: str, page_name: str) -> list[str]:
    """The script addresses under ``voila/`` one page asks for (template files left out:
    the page names those itself), in order."""
    context = browser.chromium.new_context(viewport={"width": 360, "height": 740})
    asked: list[str] = []
    try:
        page = context.new_page()

        def request(req) -> None:
            if req.resource_type != "script":
                return
            parts = urlsplit(req.url)
            address = parts.path.removeprefix("/voila/") + (f"?{parts.query}" if parts.query
                                                            else "")
            if not address.startswith("templates/") and address not in asked:
                asked.append(address)

        page.on("request", request)
        page.goto(f"{base}/voila/render/{page_name}#semua", timeout=180_000)
        page.wait_for_selector("#rendered_cells", state="visible", timeout=180_000)
        if page_name != HOME:
            page.wait_for_selector(WIDGET, state="visible", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
    finally:
        context.close()
    return asked


def record(log=print) -> list[str]:
    """Every page's scripts, in the order first asked for over :data:`PAGES`."""
    work = Path(tempfile.mkdtemp(prefix="usaha-kita-preload-"))
    lab = Lab(work, log)
    browser = None
    try:
        server = lab.start(servers.kit_cold_server, servers.LESSONS, "--no-preload")
        browser = Browser()
        union: list[str] = []
        for name in PAGES:
            scripts = page_scripts(browser, server.url, name)
            log(f"{name}: {len(scripts)} scripts")
            union += [s for s in scripts if s not in union]
        return union
    finally:
        if browser is not None:
            browser.close()
        lab.stop_all()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    args = parser.parse_args(argv)
    scripts = record()
    if args.check:
        listed = read_list()
        missing = [s for s in scripts if s not in listed]
        unused = [s for s in listed if s not in scripts]
        print(f"asked for but not listed: {missing}\nlisted but not asked for: {unused}")
        return 1 if missing or unused else 0
    LIST.write_text(HEADER + "".join(f"{s}\n" for s in scripts), encoding="utf-8")
    print(f"{len(scripts)} scripts written to {LIST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
