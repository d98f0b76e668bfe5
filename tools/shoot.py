"""Screenshot a page of the running kit in headless Chromium, at phone and projector width.

    python tools/shoot.py http://127.0.0.1:8866/ artifacts/home   # -> home-360.png, home-1280.png
It also prints every request that left localhost (there must be none)."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SIZES = {"360": (360, 740), "1280": (1280, 720)}


def shoot(url: str, prefix: str) -> None:
    Path(prefix).parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, (w, h) in SIZES.items():
            page = browser.new_page(viewport={"width": w, "height": h})
            outside = []
            page.on("request", lambda r, o=outside: o.append(r.url)
                    if urlparse(r.url).hostname not in ("127.0.0.1", "localhost") and
                    not r.url.startswith("data:") else None)
            page.goto(url)
            page.wait_for_selector("#rendered_cells", state="visible", timeout=60000)
            page.wait_for_timeout(1500)
            page.screenshot(path=f"{prefix}-{name}.png", full_page=True)
            width = page.evaluate("document.documentElement.scrollWidth")
            print(f"{name}: scrollWidth={width} outside={outside}")
            page.close()
        browser.close()


if __name__ == "__main__":
    shoot(sys.argv[1], sys.argv[2])
