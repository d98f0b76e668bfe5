"""A shortened class day (issue 13, item 5; ``bench.classday`` runs the whole one): six phones,
one of them a real Chromium page, through the cash book, the price steps and the sharing
calculator, with the server's process group killed by SIGKILL after the cash book and started
again on the same data folder. Every save the pages acknowledged must be in the SQLite file,
the file must pass ``integrity_check``, every page must come with its widgets, and once the
phones have left no kernel handed to a page may be alive (the release time is shortened to
10 s)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest

from bench.classday import class_day, lines
from bench.metrics import Lab

pytestmark = pytest.mark.slow
LESSONS = ["02-buku-kas.ipynb", "03-harga.ipynb", "04-bagi-hasil.ipynb"]


@pytest.fixture
def lab():
    started = Lab(Path(tempfile.mkdtemp(prefix="usaha-kita-classday-")))
    started.env["USAHA_KITA_RELEASE"] = "10"
    yield started
    started.stop_all()
    shutil.rmtree(started.work, ignore_errors=True)


def test_a_short_class_day_loses_nothing_and_gives_kernels_back(lab):
    report = class_day(lab, phones=6, chromium=1, wait_s=30, lessons=LESSONS,
                       restart_after=LESSONS[0])
    print("\n".join(lines(report)))
    writes = report["writes"]
    # 6 phones x 2 cash entries before the kill, 5 light phones x 1 distribution after it.
    assert writes["by_table"]["entries"] == 12, report["refused_examples"]
    assert writes["by_table"]["distributions"] == 5, report["refused_examples"]
    assert writes["lost"] == 0, writes["lost_examples"]
    assert writes["integrity"] == "ok"
    assert report["pages"] == 18
    assert report["pages_without_widgets"] == 0, report["without_widgets_examples"]
    assert report["refused"] == 0, report["refused_examples"]
    assert report["restart"]["alive_after_30s"] == 0, "kernels outlived the killed server"
    assert report["kernels_after_leaving"]["beyond_pool"] == 0
    assert report["peak_rss_gb"] >= report["final_rss_gb"] > 0
    assert report["peak_rss_gb"] > report["peak_pss_gb"] >= report["final_pss_gb"] > 0
