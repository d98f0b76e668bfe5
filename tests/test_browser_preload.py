"""A kit page names in its head every script it will ask for, and asks for nothing else
(``widgets/kit/preload.py``): in real Chromium, each script is fetched once, and each named
script is used. A list gone stale after an upgrade fails here with the command that renews it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from widgets.kit.preload import read_list

pytestmark = [pytest.mark.browser, pytest.mark.slow]

RENEW = "the preload list does not fit this Voila: run `python -m bench.preload`"


def scripts_and_preloads(browser, url: str) -> tuple[list[str], list[str]]:
    """Every script request a page made until its first widget showed and the network went
    quiet (addresses under ``/voila/``, template files left out), and its preload tags."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    asked: list[str] = []
    try:
        page = context.new_page()

        def request(req) -> None:
            parts = urlsplit(req.url)
            if req.resource_type == "script" and "/templates/" not in parts.path:
                query = f"?{parts.query}" if parts.query else ""
                asked.append(parts.path.split("/voila/", 1)[1] + query)

        page.on("request", request)
        page.goto(url, timeout=120_000)
        page.wait_for_selector(".jupyter-widgets:visible, .widget-button:visible",
                               timeout=120_000)
        page.wait_for_load_state("networkidle", timeout=60_000)
        preloads = page.eval_on_selector_all(
            "link[rel=preload][as=script]", "links => links.map(l => l.getAttribute('href'))")
    finally:
        context.close()
    return asked, preloads


def test_a_lesson_fetches_each_script_once_and_only_named_ones(kit_server, browser):
    asked, preloads = scripts_and_preloads(
        browser, kit_server.url + "/voila/render/04-bagi-hasil.ipynb#semua")
    listed = read_list()
    # The page names the list, under the server's address.
    assert preloads == [f"/voila/{path}" for path in listed]
    # Fetched once each: a named script whose address differs from the one the page's code
    # asks for (e.g. without its ?v=) would be fetched twice.
    doubled = sorted({a for a in asked if asked.count(a) > 1})
    assert doubled == [], f"fetched twice: {doubled}; {RENEW}"
    assert sorted(set(asked) - set(listed)) == [], RENEW
    assert sorted(set(listed) - set(asked)) == [], RENEW
