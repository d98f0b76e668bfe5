"""Plain-HTTP measurements (no browser) and the bare notebook the lesson is compared with."""

from __future__ import annotations

import gzip
import http.client
import json
import math
import statistics
import threading
import time
from pathlib import Path

HOST = "127.0.0.1"
# What a phone's browser sends; stock Voila ignores it, the kit answers with gzip.
HEADERS = {"Accept-Encoding": "gzip", "User-Agent": "usaha-kita-bench"}

# Present in a rendered page once a cell has displayed a widget.
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"

BARE_CELLS = [
    "import ipywidgets as widgets\nimport pandas as pd",
    'widgets.Button(description="OK")',
]


def write_bare_notebook(folder: Path) -> Path:
    """A notebook that imports ipywidgets and pandas and shows one widget, nothing else."""
    cells = [
        {"cell_type": "code", "execution_count": None, "id": f"bare-{i}", "metadata": {},
         "outputs": [], "source": source}
        for i, source in enumerate(BARE_CELLS)
    ]
    notebook = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = folder / "bare.ipynb"
    path.write_text(json.dumps(notebook, indent=1))
    return path


def timed_get(port: int, path: str, timeout: float = 300) -> dict:
    """Seconds from connecting until the whole body is read; status, bytes and the text."""
    start = time.monotonic()
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        conn.request("GET", path, headers=HEADERS)
        reply = conn.getresponse()
        body = reply.read()
    finally:
        conn.close()
    seconds = time.monotonic() - start
    if reply.getheader("Content-Encoding") == "gzip":
        text = gzip.decompress(body).decode(errors="replace")
    else:
        text = body.decode(errors="replace")
    return {"seconds": seconds, "status": reply.status, "bytes": len(body), "text": text}


def burst(port: int, path: str, count: int, timeout: float = 300) -> list[dict]:
    """``count`` GETs released at the same instant, one thread each; one dict per request."""
    gate = threading.Barrier(count + 1, timeout=60)
    results: list[dict] = [{"error": "not run"} for _ in range(count)]

    def one(i: int) -> None:
        try:
            gate.wait()
            got = timed_get(port, path, timeout)
            results[i] = {k: got[k] for k in ("seconds", "status", "bytes")}
            results[i]["widgets"] = WIDGET_MIME in got["text"]
        except Exception as exc:  # noqa: BLE001 (reported, never hidden)
            results[i] = {"error": repr(exc)}

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    for thread in threads:
        thread.start()
    gate.wait()
    for thread in threads:
        thread.join(timeout + 60)
    return results


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile (of 30 requests: the 29th fastest)."""
    ordered = sorted(values)
    return ordered[max(math.ceil(0.95 * len(ordered)) - 1, 0)]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
