"""How the kit's server stops: on Ctrl-C or SIGTERM, every kernel down, none left behind.

Used by ``KitVoila.stop`` in :mod:`widgets.kit.server`, which explains why Voila's own stop
is not enough. Plain asyncio and /proc (psutil where there is none); imported only by
the server.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal

from widgets.kit import kernel

SECONDS = 8


async def stop_preheating(pooled: list[asyncio.Task]) -> None:
    """Stop the renderers still running notebooks in pooled kernels, and close their kernel
    clients, before the kernels go: stopped under them, each would log a "Kernel died"
    traceback per cell, and its sockets would be left to the garbage collector."""
    contents = [item.result() for item in pooled
                if item.done() and not item.cancelled() and item.exception() is None]
    for content in contents:
        content["task"].cancel()
        # One that ends with "kernel died" instead is not worth a traceback at exit.
        content["task"].add_done_callback(lambda task: task.cancelled() or task.exception())
    if contents:
        await asyncio.wait([content["task"] for content in contents], timeout=3)
    for content in contents:
        if not content["task"].done():
            continue  # still waiting on its sockets: closed with the loop instead
        client = getattr(getattr(content["renderer"], "executor", None), "kc", None)
        if client is not None and client.channels_running:
            client.stop_channels()


def kill_child_kernels(proc: str = "/proc") -> list[int]:
    """The last resort: kill every kernel process this server started that still runs, and
    reap it. Kernels run in sessions of their own, so nothing else stops them once we exit;
    found as our children in /proc, they include kernels caught half-way through starting,
    which the kernel manager does not list yet. Where there is no /proc (macOS, Windows),
    psutil finds and kills them."""
    if not os.path.isdir(proc):
        return _kill_with_psutil()
    killed = []
    me = str(os.getpid())
    for entry in os.listdir(proc):
        try:
            with open(f"{proc}/{entry}/stat", encoding="utf-8") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"{proc}/{entry}/cmdline", "rb") as cmd:
                is_kernel = kernel.is_kernel(cmd.read().decode(errors="replace"))
        except (OSError, IndexError):
            continue
        if fields[1] == me and is_kernel and fields[0] != "Z":
            os.kill(int(entry), signal.SIGKILL)
            killed.append(int(entry))
    for pid in killed:
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass
    return killed


def _kill_with_psutil() -> list[int]:
    import psutil

    kernels = []
    for child in psutil.Process().children():
        try:
            if kernel.is_kernel(" ".join(child.cmdline())) and child.status() != "zombie":
                child.kill()  # SIGKILL, or TerminateProcess on Windows
                kernels.append(child)
        except psutil.Error:
            continue
    psutil.wait_procs(kernels, timeout=10)
    return [child.pid for child in kernels]


def run_at_most(loop: asyncio.AbstractEventLoop, work, seconds: float) -> bool:
    """Run ``work`` on ``loop`` for at most ``seconds``; True if it finished. Unlike
    ``wait_for`` this never waits for the work to accept its cancellation (jupyter_client's
    nested ``wait_for`` calls can lose one: the server then hung at Ctrl-C 2 times in 50)."""
    task = loop.create_task(work)
    loop.run_until_complete(asyncio.wait({task}, timeout=seconds))
    if task.done():
        task.result()  # raise what it raised
        return True
    task.cancel()
    return False


def close_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Cancel what still runs on the server's loop (preheating renderers, refills) and close
    it, so nothing touches a kernel's sockets while the interpreter exits."""
    tasks = [task for task in asyncio.all_tasks(loop) if not task.done()]
    for task in tasks:
        task.cancel()
    # A further Ctrl-C, or an error in a generator's clean-up: close the loop anyway.
    with contextlib.suppress(Exception):
        if tasks:  # bounded: a task that swallows its cancellation must not hang the stop
            loop.run_until_complete(asyncio.wait(tasks, timeout=3))
        run_at_most(loop, loop.shutdown_asyncgens(), 3)
    loop.close()


def stop_on_signals() -> None:
    """Ctrl-C (SIGINT) and SIGTERM stop the server's event loop; ``KitVoila.stop`` then shuts
    every kernel down and the server exits 0.

    Python's own handlers run wherever the main thread happens to be (Ctrl-C raised
    KeyboardInterrupt inside nbclient's nested event loop while kernels were preheating, and
    the server died without stopping its kernels). The loop's handlers run as a callback on the
    loop instead. A second signal while kernels shut down stops the waiting: the kernels left
    are killed at once."""
    import tornado.ioloop

    install_stop(tornado.ioloop.IOLoop.current().asyncio_loop)  # type: ignore[attr-defined]


def install_stop(aio: asyncio.AbstractEventLoop) -> list[int]:
    """Stop ``aio`` on SIGTERM and Ctrl-C (and Ctrl-Break on Windows); the signals handled.
    Windows' event loops have no ``add_signal_handler``: there the handler is Python's own,
    and it only asks the loop to stop, from wherever the main thread is."""
    wanted = [signal.SIGTERM, *([signal.SIGBREAK] if hasattr(signal, "SIGBREAK") else [])]
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        wanted.append(signal.SIGINT)  # not when a shell started us in the background
    for sig in wanted:
        try:
            aio.add_signal_handler(sig, aio.stop)
        except NotImplementedError:
            signal.signal(sig, lambda *_: aio.call_soon_threadsafe(aio.stop))
    return wanted
