"""The preheated pool follows the class (widgets/kit/pool.py): its size comes from the laptop's
free memory, the trainer moves it from the trainer page, and a real server moves it with no
restart."""

from __future__ import annotations

import asyncio
import time
import types
import urllib.request

import pytest
from conftest import KitServer, run_async

from widgets.kit import check, pool
from widgets.store import Store
from widgets.training.ui.pool_view import PoolView


@pytest.mark.parametrize("free,class_size,size", [
    (8000, 30, 30),   # (8000 - 1200) // 90 = 75 kernels fit: the whole class
    (3000, 30, 20),   # (3000 - 1200) // 90 = 20: memory decides
    (1000, 30, 1),    # nothing fits: still one, so the lesson opens as without a pool
    (8000, 5, 5),
])
def test_pool_size_follows_free_memory(free, class_size, size):
    assert pool.pool_size(class_size, available=free) == size


@pytest.mark.parametrize("in_use,target", [
    (0, 30),   # nobody on a page yet: the whole class
    (20, 15),  # budget 30 + 5 spares = 35; 20 phones hold pages: 15 more
    (30, 5),   # the class holds the last lesson: the spares only
    (40, 1),   # over budget: still one, for a late phone
])
def test_idle_pool_kernels_count_against_the_class_budget(in_use, target):
    assert pool.spare_kernels(30) == 5 and pool.spare_kernels(3) == 2
    assert pool.pool_target(30, in_use, available=8000) == target
    # and free memory still caps it: (3000 - 1200) // 90 = 20
    assert pool.pool_target(30, in_use, available=3000) == min(target, 20)


class VoilaManagerState:
    """What :class:`pool.PoolMover` uses of Voila's kernel manager: the kernels started, the
    pools' entries, and the three methods it wraps (a page's own kernel starts with
    ``start_kernel``; a preheated one is handed out by ``get_rendered_notebook``)."""

    def __init__(self) -> None:
        self._kernels: dict[str, object] = {}
        self._pools: dict[str, list] = {"03-harga.ipynb": []}
        self.kernel_pools_config: dict = {}
        self.gate = asyncio.Event()
        self.now = self.most = 0  # kernels starting at once, now and at the most

    def list_kernel_ids(self) -> list[str]:
        return list(self._kernels)

    def fill_if_needed(self, delay=None, notebook_name=None) -> None:
        size = self.kernel_pools_config.get(notebook_name, {}).get("pool_size", 0)
        pool = self._pools.setdefault(notebook_name, [])
        pool.extend(object() for _ in range(size - len(pool)))  # refills not started yet

    async def start_kernel(self, **_kwargs) -> str:
        self.now += 1
        self.most = max(self.most, self.now)
        await self.gate.wait()  # a kernel takes a while to start when a class arrives
        self.now -= 1
        kernel_id = f"page{len(self._kernels)}"
        self._kernels[kernel_id] = object()
        return kernel_id

    async def get_rendered_notebook(self, notebook_name: str, **_kwargs):
        self._pools[notebook_name].pop(0)
        kernel_id = f"pool{len(self._kernels)}"
        self._kernels[kernel_id] = types.SimpleNamespace(last_activity=None)
        return None, [], kernel_id


def test_kernels_of_pages_count_as_in_use_while_they_start():
    async def day() -> list[int]:
        manager = VoilaManagerState()
        mover = pool.PoolMover(manager, store=None, lesson="03-harga.ipynb", class_size=30)
        mover.install()
        seen = [mover.in_use()]
        starting = [asyncio.create_task(manager.start_kernel()) for _ in range(25)]
        await asyncio.sleep(0)
        seen.append(mover.in_use())  # 25 phones' kernels starting, none listed yet
        assert manager.most == pool.START_SLOTS  # the others wait for a slot
        manager.fill_if_needed(notebook_name="03-harga.ipynb")
        seen.append(len(manager._pools["03-harga.ipynb"]))  # budget 35 - 25 (or less memory)
        for _ in range(5):
            await manager.get_rendered_notebook("03-harga.ipynb")
        manager.gate.set()
        await asyncio.gather(*starting)
        seen.append(mover.in_use())
        given_back = next(k for k in manager._kernels if k.startswith("page"))
        manager._kernels.pop(given_back)  # a page left: its kernel given back
        seen.append(mover.in_use())
        return seen

    # Before, the 25 starting kernels were not counted (the pool grew for them: 72 kernels),
    # and then the pool's own refills not yet started were subtracted (70 kernels).
    seen = run_async(day())
    assert seen == [0, 25, min(10, pool.pool_size(30)), 30, 29]


def test_phones_changing_pages_do_not_grow_the_pool():
    manager = VoilaManagerState()
    mover = pool.PoolMover(manager, store=None, lesson="03-harga.ipynb", class_size=30)
    mover.pages = {f"k{i}" for i in range(30)}
    manager._kernels = dict.fromkeys(mover.pages)
    assert mover.busiest(now=100.0) == 30
    manager._kernels = {}  # the class left the last page and has not opened the next yet
    assert mover.in_use() == 0
    assert mover.busiest(now=100.0 + pool.MOVING_SECONDS - 1) == 30  # still counted
    # once the class has been gone that long, the pool may grow again
    assert mover.busiest(now=100.0 + pool.MOVING_SECONDS + 1) == 0


def test_make_check_says_how_many_phones(monkeypatch):
    finding = check.check_memory(class_size=1)
    assert finding.params["phones"] == pool.affordable_kernels(finding.params["free"])
    assert str(finding.params["phones"]) in finding.text("id")
    short = check.check_memory(class_size=10**6)  # more phones than any laptop can serve
    assert not short.ok and short.passes, "low memory warns but does not stop the class"
    assert "AWAS" in short.lines()[0]


def test_the_trainer_asks_and_the_plan_is_kept(db_location):
    with Store(db_location) as store:
        assert pool.plan(store) is None
        pool.request(store, "03-harga.ipynb")
        wanted = pool.plan(store)
        assert wanted.lesson == "03-harga.ipynb" and not wanted.ready
        pool.mark_ready(store, "03-harga.ipynb", 7)
        assert pool.plan(store).ready and pool.plan(store).ready_size == 7
        with pytest.raises(ValueError):
            pool.request(store, "../voila.json")
        assert pool.plan(store).lesson == "03-harga.ipynb"


def test_trainer_view_moves_the_pool(fresh_page, tmp_path):
    with Store(tmp_path / "kit.sqlite3") as store:
        view = PoolView(store)
        assert "Belum ada" in view.status.value
        view.page.control.value = "04-bagi-hasil.ipynb"
        view.move.click()
        assert pool.plan(store).lesson == "04-bagi-hasil.ipynb"
        assert "Sedang disiapkan: Pelajaran 4" in view.status.value
        pool.mark_ready(store, "04-bagi-hasil.ipynb", 12)
        view.refresh.click()
        assert "Siap: Pelajaran 4" in view.status.value and "12 HP" in view.status.value


def _wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if (value := predicate()):
            return value
        time.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.mark.slow
def test_a_running_server_moves_its_pool(tmp_path):
    """Start on lesson 1 with a class of 2; the trainer asks for lesson 3; the server fills
    lesson 3's pool, gives lesson 1's spare kernel back, and lesson 3 opens on a preheated
    kernel, all without a restart."""
    server = KitServer(tmp_path, class_size=2)
    try:
        with Store(tmp_path / "usaha_kita.sqlite3") as store:
            start = _wait_for(lambda: (p := pool.plan(store)) and p.ready and p, 180,
                              "the start lesson's pool")
            assert start.lesson == "01-komunikasi-kelompok.ipynb" and start.ready_size == 2
            pool.request(store, "03-harga.ipynb")
            moved = _wait_for(lambda: (p := pool.plan(store)) and p.ready and p, 180,
                              "the moved pool")
            assert moved.lesson == "03-harga.ipynb" and moved.ready_size == 2
        log = server.log_path.read_text()
        assert "Moving the kernel pool from 01-komunikasi-kelompok.ipynb to 03-harga.ipynb" in log
        for _ in range(2):  # two phones, both on preheated kernels
            with urllib.request.urlopen(server.url + "/voila/render/03-harga.ipynb",
                                        timeout=120) as reply:
                assert reply.status == 200
        log = server.log_path.read_text()
        assert log.count("Using pre-heated kernel") >= 2
        assert "for 03-harga.ipynb" in log
        assert "Traceback" not in log
    finally:
        assert server.stop() == 0
