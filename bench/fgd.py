"""The FGD board's latency: 30 simulated phones answer one question within 10 s while the
projector page is open in Chromium; the time from each phone's submit (its commit to the store,
written the way the participant page writes: ``fgd_db.submit`` on a Session) to the projector
page showing that many answers; and the projector kernel's CPU while nothing happens.

The page's count is watched in the browser by a MutationObserver that stamps ``Date.now()``
for every new count, so the browser's clock and the phones' clock are the same machine's.
The k-th committed answer is shown once the page counts k answers.
"""

from __future__ import annotations

import random
import threading
import time
from pathlib import Path

from bench import servers
from bench.browser import Browser
from bench.measure import median, p95
from bench.servers import Server

PHONES = 30
WINDOW = 10.0
IDLE_SECONDS = 20.0
WATCH = """() => {
  window.ukSeen = {};
  const read = () => {
    const el = document.querySelector('.uk-board-n');
    const n = el ? parseInt(el.textContent, 10) : NaN;
    if (!Number.isNaN(n) && !(n in window.ukSeen)) { window.ukSeen[n] = Date.now(); }
  };
  new MutationObserver(read).observe(document.body, {subtree: true, childList: true,
                                                      characterData: true});
  read();
}"""


def _prepare(store_path: Path) -> tuple[int, str, list]:
    """Trainer password, one open poll with its results shown, and 30 signed-in phones."""
    from widgets.store import Store
    from widgets.training import access, fgd_db, projector
    from widgets.training.fgd import Question

    store = Store(store_path)
    access.set_password(store, "bench-trainer-password")
    qid = fgd_db.add_question(store, Question(
        "poll", "Siapa yang memegang uang kelompok?", ("Ketua", "Bendahara", "Bergiliran")))
    fgd_db.set_state(store, qid, "open")
    fgd_db.reveal(store, qid)
    key = projector.projector_key(store)
    store.close()
    return qid, key, [f"Peserta {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(PHONES)]


def _phones(store_path: Path, qid: int, names: list[str]) -> list[float]:
    """Each phone signs in first (as on the page), then answers at a random moment of the
    10-second window; returns the wall-clock times of the commits, in ms."""
    from widgets.store import Store
    from widgets.training import fgd_db

    sessions = [Store(store_path).sign_in(name, "2468") for name in names]
    rng = random.Random(11)
    offsets = sorted(rng.uniform(0, WINDOW) for _ in sessions)
    done: list[float] = []
    lock = threading.Lock()
    start = time.monotonic()

    def answer(session, offset: float) -> None:
        time.sleep(max(0.0, start + offset - time.monotonic()))
        fgd_db.submit(session, qid, rng.randrange(3))
        with lock:
            done.append(time.time() * 1000)

    threads = [threading.Thread(target=answer, args=(s, o)) for s, o in zip(sessions, offsets,
                                                                            strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    for session in sessions:
        session.store.close()
    return sorted(done)


def _projector_kernel(server: Server, before: dict[int, float]) -> int:
    """The kernel that worked hardest during the answers: the projector page's."""
    after = {pid: servers.cpu_seconds([pid]) for pid in server.kernels()}
    return max(after, key=lambda pid: after[pid] - before.get(pid, 0.0))


def one_round(server: Server, store_path: Path, browser: Browser) -> dict:
    qid, key, names = _prepare(store_path)
    context = browser.chromium.new_context(viewport={"width": 1280, "height": 720})
    try:
        page = context.new_page()
        page.goto(f"{server.url}/voila/render/proyektor.ipynb?view=fgd&kunci={key}",
                  timeout=180_000)
        page.wait_for_selector(".uk-board-n", timeout=180_000)
        page.evaluate(WATCH)
        servers.wait_quiet(server)
        before = {pid: servers.cpu_seconds([pid]) for pid in server.kernels()}
        commits = _phones(store_path, qid, names)
        page.wait_for_selector(f".uk-board-n:has-text('{PHONES} jawaban')", timeout=60_000)
        seen = {int(k): v for k, v in page.evaluate("window.ukSeen").items()}
        kernel = _projector_kernel(server, before)
        time.sleep(2)
        cpu_start = servers.cpu_seconds([kernel])
        time.sleep(IDLE_SECONDS)
        idle = (servers.cpu_seconds([kernel]) - cpu_start) / IDLE_SECONDS
    finally:
        context.close()
    latencies = []
    for k, committed in enumerate(commits, start=1):
        shown = min((at for n, at in seen.items() if n >= k), default=None)
        latencies.append((shown - committed) / 1000 if shown is not None else float("inf"))
    from widgets.store import Store
    from widgets.training import fgd_db

    with Store(store_path) as store:
        stored = len(fgd_db.read_board(store, qid).answers)
    return {"p95_s": p95(latencies), "median_s": median(latencies), "max_s": max(latencies),
            "answers_sent": len(commits), "answers_stored": stored,
            "shown_last": max(seen) if seen else 0, "idle_cpu_percent": 100 * idle,
            "latencies_s": latencies}


def fgd_latency(lab, reps: int) -> dict:
    """``reps`` rounds, each on a fresh kit server and data folder."""
    rounds = []
    browser = Browser()
    try:
        for rep in range(reps):
            data = lab.work / f"fgd-data-{rep}"
            data.mkdir()
            lab.env["USAHA_KITA_DATA"] = str(data)
            server = lab.start(servers.kit_server, 1)
            try:
                server.wait_log(r"Kernel pool of .* is filled", 1, 300)
                servers.wait_quiet(server)
                rounds.append(one_round(server, data / "usaha_kita.sqlite3", browser))
                lab.log(f"  round {rep + 1}: p95 {rounds[-1]['p95_s']:.2f} s, idle CPU "
                        f"{rounds[-1]['idle_cpu_percent']:.1f}%")
            finally:
                lab.stop(server)
    finally:
        browser.close()
        lab.env["USAHA_KITA_DATA"] = str(lab.work / "data")
    return {"rounds": rounds}
