"""What each phone does on each page of the class day (see :mod:`bench.classday`), and the
check of the store at the end: every save a page acknowledged must be in the SQLite file.

Light phones (:class:`bench.phone.Phone`) type into the lesson's widgets and press its buttons;
Chromium phones (:class:`BrowserPhones`) do the same in a real page on the cash book, and open
the other pages signed in by the page's token.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.phone import KERNEL_ID, PageError, Phone, Visit

LESSONS = ["02-buku-kas.ipynb", "03-harga.ipynb", "04-bagi-hasil.ipynb",
           "05-promosi-media-sosial.ipynb", "diskusi.ipynb"]
PIN = "2468"
OK = "uk-msg-ok"


@dataclass
class Write:
    """One save the page acknowledged: where to find it in the store."""

    table: str
    name: str
    key: str  # the unique text the row holds (or the FGD question id)


@dataclass
class Day:
    """Everything the phones saw, shared between their threads (append only)."""

    visits: list[Visit] = field(default_factory=list)
    writes: list[Write] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    kernels_handed: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_visit(self, visit: Visit) -> None:
        with self.lock:
            self.visits.append(visit)
            if visit.kernel_id:
                self.kernels_handed.add(visit.kernel_id)

    def ack(self, write: Write) -> None:
        with self.lock:
            self.writes.append(write)

    def refuse(self, what: str) -> None:
        with self.lock:
            self.refused.append(what[:300])


# --- what a light phone does on each page ---------------------------------------------------
def _tag(phone: Phone, lesson: str, n: int) -> str:
    return f"{lesson}-{phone.name.split()[-1]}-{n}"


def _saved(phone: Phone, css: str, kinds: tuple[str, ...] = (OK,)) -> bool:
    value = phone.text(css)
    return any(f"uk-msg-{k.removeprefix('uk-msg-')}" in value for k in kinds)


def _save(phone: Phone, day: Day, button: str, status: str, write: Write, what: str,
          kinds: tuple[str, ...] = (OK,)) -> None:
    """Press ``button``: ``write`` is acknowledged when ``status`` then says saved, else the
    page's answer is kept as refused."""
    phone.click(button)
    if _saved(phone, status, kinds):
        day.ack(write)
    else:
        day.refuse(f"{phone.name} {what}: {phone.text(status)}")


def cash_entries(phone: Phone, day: Day) -> None:
    for n, (index, amount) in enumerate(((0, "150rb"), (1, "Rp 25.000,-")), start=1):
        description = f"Catatan {_tag(phone, 'kas', n)}"
        phone.set("uk-direction", index=index)
        phone.set("uk-description", value=description)
        phone.set("uk-amount", value=amount)
        _save(phone, day, "uk-save", "uk-status", Write("entries", phone.name, description),
              "cash entry")


def price(phone: Phone, day: Day) -> None:
    """Lesson 3's price steps (widgets/pricing/ui/pricesteps.py): with the cost and profit the
    page gives, type each step's result as a participant with a phone calculator would, then
    check them; the page must answer with the price."""
    from widgets.core.money import parse_rupiah
    from widgets.core.numbers import parse_percent
    from widgets.pricing.steps import price_steps

    cost = parse_rupiah(phone.text("uk-ps-cost"))
    margin = parse_percent(phone.text("uk-ps-margin"), 100 * 10_000)
    for step in price_steps(cost, margin).steps:
        phone.set(f"uk-st-{step.key}", value=str(step.answer))
    phone.click("uk-st-go")
    if not _saved(phone, "uk-st-result"):
        day.refuse(f"{phone.name} price: {phone.text('uk-st-result')}")


def sharing(phone: Phone, day: Day) -> None:
    note = f"Rapat {_tag(phone, 'bh', 1)}"
    phone.click("uk-bh-calc")
    phone.set("uk-bh-note", value=note)
    _save(phone, day, "uk-bh-save", "uk-bh-status", Write("distributions", phone.name, note),
          "sharing")


POST_PARTS = {"uk-pc-material": "kain perca katun", "uk-pc-size": "40 cm",
              "uk-pc-colour": "biru dan merah", "uk-pc-benefit": "Menyerap air dan mudah dicuci.",
              "uk-pc-price": "35rb", "uk-pc-contact": "0812-3456-7890"}


def post(phone: Phone, day: Day) -> None:
    hook = f"Lantai teras cepat kotor? {_tag(phone, 'post', 1)}"
    phone.set("uk-pc-hook", value=hook)
    for css, value in POST_PARTS.items():
        phone.set(css, value=value)
    _save(phone, day, "uk-pc-save", "uk-pc-status", Write("posts", phone.name, hook), "post",
          ("ok", "warn"))  # "warn": saved, advice left to follow


def fgd_answer(phone: Phone, day: Day, question: int) -> None:
    """The poll's choice and Send; the answer view's last child is its status line."""
    index = sum(map(ord, phone.name)) % 3
    phone.set("uk-fgd-choice", index=index)
    phone.click("uk-fgd-send")
    children = phone.state("uk-fgd-phone").get("children", [])
    status = phone.models.get(children[-1].removeprefix("IPY_MODEL_"), {}) if children else {}
    if OK in str(status.get("value", "")):
        day.ack(Write("fgd_answers", phone.name, f"{question}:{index}"))
    else:
        day.refuse(f"{phone.name} FGD answer: {status.get('value', '')}")


def light_step(phone: Phone, lesson: str, day: Day, question: int) -> None:
    """Open ``lesson`` (leaving the last page) and do what it asks; never raises."""
    visit = phone.open(lesson)
    day.add_visit(visit)
    if not visit.with_widgets:
        day.refuse(f"{phone.name} {lesson}: page without widgets ({visit.error})")
        return
    try:
        if lesson != "03-harga.ipynb":  # the pricing page has no sign-in: it saves nothing
            if not phone.sign_in():
                day.refuse(f"{phone.name} {lesson}: sign-in not greeted")
                return
        {"02-buku-kas.ipynb": cash_entries, "03-harga.ipynb": price,
         "04-bagi-hasil.ipynb": sharing, "05-promosi-media-sosial.ipynb": post,
         "diskusi.ipynb": lambda p, d: fgd_answer(p, d, question)}[lesson](phone, day)
    except (PageError, KeyError) as exc:
        day.refuse(f"{phone.name} {lesson}: {exc}")


# --- real Chromium pages among the phones -------------------------------------------------
WIDGET = ".jupyter-widgets:visible, .widget-button:visible"


class BrowserPhones:
    """A few phones as real Chromium pages, all driven from one thread (Playwright's sync API
    belongs to the thread that started it): :meth:`run` takes the steps from a queue."""

    def __init__(self, names: list[str], timeout_s: float = 180) -> None:
        self.names, self.timeout_ms = names, int(timeout_s * 1000)
        self.jobs: list = []
        self.ready = threading.Event()
        self.error = ""
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, daemon=True)
        if names:
            self._thread.start()
            self.ready.wait(120)

    def _run(self) -> None:
        from bench.browser import Browser

        try:
            browser = Browser()
        except Exception as exc:  # noqa: BLE001 (reported: the day goes on with light phones)
            self.error = repr(exc)
            self.ready.set()
            return
        contexts = [browser.chromium.new_context(viewport={"width": 360, "height": 740})
                    for _ in self.names]
        pages = [c.new_page() for c in contexts]
        self.ready.set()
        try:
            while True:
                with self._wake:
                    while not self.jobs:
                        self._wake.wait()
                    job, done = self.jobs.pop(0)
                if job is None:
                    for page in pages:  # leaving: the page's websocket closes with 1001
                        page.goto("about:blank")
                    done.set()
                    return
                job(pages)
                done.set()
        finally:
            for context in contexts:
                context.close()
            browser.close()

    def submit(self, job) -> threading.Event:
        done = threading.Event()
        if not self.names or self.error:
            done.set()
            return done
        with self._wake:
            self.jobs.append((job, done))
            self._wake.notify()
        return done

    def step(self, url: str, lesson: str, day: Day) -> threading.Event:
        return self.submit(lambda pages: [self._visit(p, n, url, lesson, day)
                                          for p, n in zip(pages, self.names, strict=True)])

    def leave(self) -> None:
        """Every page leaves and the browser closes (once; later calls do nothing)."""
        if self._thread.is_alive():
            self.submit(None).wait(120)
            self._thread.join(60)

    def _visit(self, page, name: str, url: str, lesson: str, day: Day) -> None:
        visit = Visit(f"{lesson} (Chromium)")
        began = time.monotonic()
        try:
            # The whole lesson on one page (#semua): this phone's steps are many, not one.
            reply = page.goto(f"{url}/voila/render/{lesson}#semua", wait_until="commit",
                              timeout=self.timeout_ms)
            page.wait_for_selector(WIDGET, state="visible", timeout=self.timeout_ms)
            # goto gives no reply now and then (seen twice in 300 visits): the page's own
            # navigation entry has the status too
            visit.status = reply.status if reply else page.evaluate(
                "() => performance.getEntriesByType('navigation')[0]?.responseStatus || 0")
            visit.load_s = time.monotonic() - began
            kernel = KERNEL_ID.search(page.content())
            visit.kernel_id = kernel.group(1) if kernel else ""
            visit.html_models = ["shown"]
            if lesson == "02-buku-kas.ipynb":
                self._cash_book(page, name, day)
        except Exception as exc:  # noqa: BLE001 (a page that never showed its widgets)
            visit.error = f"{type(exc).__name__}: {str(exc)[:120]}; {_what_it_shows(page)}"
        day.add_visit(visit)

    def _cash_book(self, page, name: str, day: Day) -> None:
        """The same path as the light phones: sign in, then two entries."""
        page.fill(".uk-signin-name input", name)
        page.fill(".uk-signin-pin input", PIN)
        page.click(".uk-signin-submit")
        page.wait_for_selector(".uk-save", state="visible", timeout=self.timeout_ms)
        for n, (direction, amount) in enumerate((("Masuk", "150rb"),
                                                 ("Keluar", "Rp 25.000,-")), start=1):
            description = f"Catatan kas-{name.split()[-1]}-{n}"
            page.click(f".uk-direction button:has-text('{direction}')")
            page.fill(".uk-description input", description)
            page.fill(".uk-amount input", amount)
            page.click(".uk-save")
            try:
                page.wait_for_selector(f".uk-status .uk-msg-ok:has-text('{description}')",
                                       timeout=60_000)
                day.ack(Write("entries", name, description))
            except Exception:  # noqa: BLE001 (counted, not raised)
                day.refuse(f"{name} (Chromium) cash entry {n} not acknowledged")


def _what_it_shows(page) -> str:
    """What a page that did not show its widgets shows instead (for the report)."""
    try:
        return page.evaluate("""() => {
            const cells = document.querySelectorAll("#rendered_cells .jp-OutputArea-output");
            const loading = [...cells].filter(c => c.textContent.includes("Loading widget"));
            return `at ${location.pathname}${location.hash}: ${cells.length} outputs, `
              + `${document.querySelectorAll(".jupyter-widgets").length} widget views, `
              + `${loading.length} still loading, reload note `
              + `${document.getElementById("uk-reload-note") ? "shown" : "not shown"}`;
        }""")
    except Exception as exc:  # noqa: BLE001 (the page itself is gone)
        return f"page not readable: {type(exc).__name__}"


# --- the store at the end -----------------------------------------------------------------
FIND = {
    "entries": "SELECT 1 FROM entries e JOIN participants p ON p.id = e.participant_id "
               "WHERE p.name = ? AND e.description = ?",
    "distributions": "SELECT 1 FROM distributions d JOIN participants p "
                     "ON p.id = d.participant_id WHERE p.name = ? AND d.note = ?",
    "posts": "SELECT 1 FROM posts s JOIN participants p ON p.id = s.participant_id "
             "WHERE p.name = ? AND instr(s.parts, ?) > 0",
    "fgd_answers": "SELECT 1 FROM fgd_answers a JOIN participants p "
                   "ON p.id = a.participant_id WHERE p.name = ? "
                   "AND a.question_id || ':' || a.answer = ?",
}


def check_store(path: Path, writes: list[Write]) -> dict:
    """Every acknowledged write looked up in the file (opened read-only), and its integrity."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        lost = [w for w in writes if not conn.execute(FIND[w.table], (w.name, w.key)).fetchone()]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    return {"acknowledged": len(writes), "lost": len(lost),
            "lost_examples": [vars(w) for w in lost[:5]], "integrity": integrity,
            "by_table": {t: sum(1 for w in writes if w.table == t) for t in FIND}}


def kernel_ids(cmdlines: list[str]) -> set[str]:
    return {m for line in cmdlines for m in re.findall(r"kernel-([0-9a-f-]{36})\.json", line)}
