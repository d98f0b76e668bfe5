"""First visits in headless Chromium: bytes on the wire and time until a widget shows.

Each visit gets a new browser context (empty cache, no cookies). Bytes are the sum of
``encodedDataLength`` of CDP ``Network.loadingFinished`` (headers and body as received, after
any gzip), counted until the first widget is visible and the network has gone idle.

Nothing leaves the machine: Chromium resolves every host name except 127.0.0.1 to "not
found", so the CDN fetches of stock Voila's lab template fail at once (they are counted as
``offsite_requests``; on a real network they would only add bytes and time to stock Voila).
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
WIDGET = ".jupyter-widgets:visible, .widget-button:visible"
# A phone on a crowded hotspot: 1.6 Mbit/s down, 750 kbit/s up, 150 ms, a slow CPU.
SLOW_LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 200_000,
    "uploadThroughput": 93_750,
}
CPU_SLOWDOWN = 4


class Browser:
    """One headless Chromium for the whole run (Playwright's sync API)."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        try:
            self.chromium = self._pw.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=60_000)
        except Exception:
            self._pw.stop()
            raise

    def close(self) -> None:
        try:
            self.chromium.close()
        finally:
            self._pw.stop()

    def visit(self, url: str, slow: bool = False, timeout_s: float = 180) -> dict:
        """Load ``url`` cold; return bytes, requests and seconds until the first widget."""
        context = self.chromium.new_context(viewport={"width": 360, "height": 740})
        try:
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            wire = {"bytes": 0, "requests": 0, "failed": 0, "ws_bytes": 0}
            offsite: set[str] = set()
            urls: dict[str, str] = {}
            sizes: dict[str, int] = {}

            def sent(event: dict) -> None:
                urls[event["requestId"]] = event["request"]["url"]
                host = urlsplit(event["request"]["url"]).hostname
                if host and host != "127.0.0.1":
                    offsite.add(event["request"]["url"])

            def finished(event: dict) -> None:
                size = int(event.get("encodedDataLength", 0))
                wire["bytes"] += size
                url = urlsplit(urls.get(event["requestId"], "?")).path
                sizes[url] = sizes.get(url, 0) + size
                wire["requests"] += 1

            def failed(_event: dict) -> None:
                wire["failed"] += 1

            def ws_frame(event: dict) -> None:
                wire["ws_bytes"] += len(event["response"].get("payloadData", ""))

            cdp.on("Network.requestWillBeSent", sent)
            cdp.on("Network.loadingFinished", finished)
            cdp.on("Network.loadingFailed", failed)
            cdp.on("Network.webSocketFrameReceived", ws_frame)
            cdp.send("Network.enable")
            if slow:
                cdp.send("Network.emulateNetworkConditions", SLOW_LINK)
                cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
            ms = int(timeout_s * 1000)
            start = time.monotonic()
            page.goto(url, wait_until="commit", timeout=ms)
            page.wait_for_selector(WIDGET, state="visible", timeout=ms)
            widget_s = time.monotonic() - start
            page.wait_for_load_state("networkidle", timeout=ms)
            idle_s = time.monotonic() - start
            top = sorted(sizes.items(), key=lambda item: -item[1])[:5]
            return {**wire, "widget_s": widget_s, "idle_s": idle_s,
                    "offsite_requests": len(offsite), "largest": [list(t) for t in top]}
        finally:
            context.close()
