"""Start the kit's web server: Voila over ``lessons/`` (and the decks in ``slides/``), tuned for
a classroom of phones.

``python -m widgets.kit.server`` (what ``make serve`` runs). Settings live in ``voila.json`` at the
kit's root; this module adds only what a config file cannot say:

* tornado's ``compress_response`` must be known when the tornado Application is built, but
  stock Voila applies ``tornado_settings`` after that, so gzip never switches on;
* the root URL opens the kit's home notebook instead of a file listing;
* hashed JavaScript files get a year-long cache and the other static files a day-long one,
  so a phone that has loaded one lesson loads the next from its own cache;
* the lesson a class is about to open gets a pool of preheated kernels sized for the class;
* the lecture decks in ``slides/`` are served live under ``/voila/render/slides/``, with reveal.js
  and jQuery from installed packages under ``/voila/kit/`` (see ``widgets.training.assets``).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

from widgets.core import settings
from widgets.kit.banner import banner, lan_addresses  # noqa: F401 (the API)
from widgets.kit.pool import follow_the_class, pool_config

KIT_ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = KIT_ROOT / "lessons"
SLIDES_DIR = KIT_ROOT / "slides"
SLIDES_PREFIX = "slides"
HOME_NOTEBOOK = "00-beranda.ipynb"

# Webpack output with a content hash in its name never changes under that name.
_HASHED = re.compile(r"[.-][0-9a-f]{16,}\.(js|css|woff2?|svg|png)$")
YEAR = 365 * 24 * 3600
DAY = 24 * 3600


def compile_kit() -> None:
    """Write the kit's bytecode once, before any kernel starts. Where Python is told not to
    write it at import (``PYTHONDONTWRITEBYTECODE``, common in containers and set on our build
    machine), every kernel compiled the kit's 70 modules again: 0.1 s of every page's render.
    Up-to-date files are only looked at; a folder we may not write to is left as it is."""
    import compileall

    compileall.compile_dir(str(KIT_ROOT / "widgets"), quiet=2)


def kit_environment() -> None:
    """Environment every kernel and the server share: our template, no telemetry."""
    share = str(KIT_ROOT / "share" / "jupyter")
    paths = os.environ.get("JUPYTER_PATH", "")
    if share not in paths.split(os.pathsep):
        os.environ["JUPYTER_PATH"] = os.pathsep.join(p for p in (share, paths) if p)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")


def _make_app_class():
    """Build the Voila subclass lazily so ``--help`` and the check stay fast."""
    # jsonschema checks the "iri" and "uri" formats with rfc3987_syntax when it is installed
    # (jupyter_server's dependencies bring it), and that module builds 38 Lark grammars at
    # import: 2.3 s of every server start, of 3.1 s for importing Voila. Nothing the server
    # validates uses those formats, and jsonschema does without the module when it is absent.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[assignment]
    import tornado.web
    from jupyter_server.base.handlers import FileFindHandler
    from jupyter_server.services.contents.largefilemanager import LargeFileManager
    from jupyter_server.utils import url_path_join
    from voila.app import Voila
    from voila.static_file_handler import MultiStaticFileHandler

    from widgets.kit import handlers, shutdown, templates
    from widgets.training import assets

    templates.install()

    class KitContents(LargeFileManager):
        """The lessons folder, plus the kit's ``slides/`` folder seen as its ``slides/``
        sub-folder, so a deck renders at ``/voila/render/slides/<deck>.ipynb`` while lesson
        addresses stay as they are. Voila reads a notebook with ``get``; the slides part is a
        second manager rooted at ``slides/``, with all its checks (hidden files, ``..``)."""

        def _split(self, path: str) -> str | None:
            head, _, rest = path.strip("/").partition("/")
            return rest if head == SLIDES_PREFIX else None

        @property
        def slides(self) -> LargeFileManager:
            if getattr(self, "_slides", None) is None:
                self._slides = LargeFileManager(root_dir=str(SLIDES_DIR), log=self.log)
            return self._slides

        def get(self, path, content=True, type=None, format=None, **kwargs):  # noqa: A002
            rest = self._split(path)
            if rest is None:
                return super().get(path, content=content, type=type, format=format, **kwargs)
            model = self.slides.get(rest, content=content, type=type, format=format, **kwargs)
            model["path"] = f"{SLIDES_PREFIX}/{model['path']}".rstrip("/")
            return model

        def exists(self, path):
            rest = self._split(path)
            return super().exists(path) if rest is None else self.slides.exists(rest)

    class KitAsset(tornado.web.StaticFileHandler):
        """reveal.js and jQuery, read from the packages that ship them."""

        @classmethod
        def get_cache_time(cls, path, modified, mime_type):  # noqa: ARG003 (tornado API)
            return DAY

    class HomeRedirect(tornado.web.RequestHandler):
        def get(self) -> None:
            self.redirect(url_path_join(self.settings["base_url"], "voila/render", HOME_NOTEBOOK))

    class CachedStatic(MultiStaticFileHandler):
        """Voila's own bundles: a day is long enough for a class, short enough for upgrades."""

        def get_cache_time(self, path, modified, mime_type):  # noqa: ARG002 (tornado API)
            return YEAR if _HASHED.search(path) else DAY

    class CachedLabExtensions(FileFindHandler):
        def set_headers(self) -> None:
            super().set_headers()
            if _HASHED.search(self.request.path):
                self.set_header("Cache-Control", f"public, max-age={YEAR}, immutable")

    class KitVoila(Voila):
        name = "usaha-kita"
        pool_lesson = ""  # set by main(): the lesson whose pool the trainer can move
        class_size = 1

        def init_settings(self) -> dict:
            # Unix sockets, not TCP ports: two kernels starting at once could pick the same
            # port, and that page came without widgets. (Windows keeps TCP.)
            if os.name == "posix":
                self.config.KernelManager.transport = "ipc"
            settings = super().init_settings()
            self.contents_manager = KitContents(parent=self)
            settings["contents_manager"] = self.contents_manager
            return settings

        def start(self) -> None:
            self.connection_dir = tempfile.mkdtemp(prefix="voila_", dir=self.connection_dir_root)
            settings = self.init_settings()
            # The fix: tornado reads compress_response only in Application.__init__.
            settings.update(self.tornado_settings)
            self.app = tornado.web.Application(**settings)
            self.app.add_handlers(".*$", self._kit_handlers() + self.init_handlers())
            shutdown.stop_on_signals()
            if self.pool_lesson:  # the trainer can move the preheated pool (widgets.kit.pool)
                self._pool_check = follow_the_class(self.kernel_manager, self.pool_lesson,
                                                    self.class_size, self.log)
            self.listen()

        def stop(self) -> None:
            """Shut every kernel down on the loop that started them; kill any left after that.

            Voila's ``stop`` runs it through ``run_sync``, which makes a *new* event loop once
            the server's has stopped; kernels starting, refills and renderers' sockets belong
            to the server's loop: that failed ("future belongs to a different loop"). Here the
            server's loop runs once more, then its tasks are cancelled (no kernel starts after
            that) and a kernel still running (half-started, or slow) is killed."""
            if getattr(self, "_pool_check", None) is not None:
                self._pool_check.stop()  # no pool moves while kernels shut down
            shutil.rmtree(self.connection_dir, ignore_errors=True)
            loop = self.ioloop.asyncio_loop
            try:  # bounded without relying on cancellation, which a task may swallow
                if not shutdown.run_at_most(loop, self._shutdown_all(), shutdown.SECONDS):
                    self.log.warning("Kernels slow to shut down; killing the rest")
            except Exception as exc:  # noqa: BLE001 (the kill follows)
                self.log.warning("Shutting kernels down: %r; killing the rest", exc)
            finally:
                shutdown.close_loop(loop)
                for pid in shutdown.kill_child_kernels():
                    self.log.warning("Kernel process %d killed", pid)

        async def _shutdown_all(self) -> None:
            """Every started kernel asked to stop at once (Voila's waits for the pools)."""
            manager = self.kernel_manager
            pooled = [item for pool in manager._pools.values() for item in pool]
            manager._pools = {}  # nothing is handed out any more
            await shutdown.stop_preheating(pooled)
            kernels = manager.list_kernel_ids()
            results = await asyncio.gather(*(manager.shutdown_kernel(kid) for kid in kernels),
                                           return_exceptions=True)
            for kid, result in zip(kernels, results, strict=True):
                if isinstance(result, Exception):
                    self.log.warning("Kernel %s did not shut down: %r", kid, result)

        def _kit_handlers(self) -> list:
            base = self.server_url
            return [
                (base, HomeRedirect),
                (url_path_join(base, r"/voila/tree(?:/.*)?"), handlers.NotFound),
                (url_path_join(base, r"/voila/templates/(.*)"), handlers.KitTemplateStatic),
                (url_path_join(base, "index.html"), HomeRedirect),
                (
                    url_path_join(base, r"/voila/static/(.*)"),
                    CachedStatic,
                    {"paths": self.static_paths, "default_filename": "index.html"},
                ),
                (
                    url_path_join(base, r"/voila/kit/revealjs/(.*)"),
                    KitAsset,
                    {"path": str(assets.revealjs_dir())},
                ),
                (
                    url_path_join(base, r"/voila/kit/jquery/(.*)"),
                    KitAsset,
                    {"path": str(assets.jquery_dir())},
                ),
                (
                    url_path_join(base, r"/voila/labextensions/(.*)"),
                    CachedLabExtensions,
                    {"path": self.labextensions_path, "no_cache_paths": ["/"]},
                ),
            ]

    return KitVoila


def voila_argv(host: str, port: int, class_size: int, lesson: str) -> list[str]:
    argv = [
        str(LESSONS_DIR),
        f"--Voila.config_file_paths=['{KIT_ROOT}']",
        f"--Voila.ip={host}",
        f"--Voila.port={port}",
        pool_config(class_size, lesson),
    ]
    release = settings.release_seconds()
    if release is not None:  # a kernel without a connection is looked at 4 times per period
        argv += [f"--MappingKernelManager.cull_idle_timeout={release}",
                 f"--MappingKernelManager.cull_interval={max(1, release // 4)}"]
    return argv


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; each default comes from :mod:`widgets.core.settings`."""
    parser = argparse.ArgumentParser(description="Start Usaha Kita for a class.")
    for flag, setting, kind, value in (
        ("--host", settings.HOST, str, settings.host()),
        ("--port", settings.PORT, int, settings.port()),
        ("--class-size", settings.CLASS_SIZE, int, settings.class_size()),
        ("--lesson", settings.LESSON, str, settings.lesson()),
    ):
        parser.add_argument(flag, type=kind, default=value,
                            help=f"{setting.help} (${setting.name}; now {value})")
    parser.add_argument("--no-check", action="store_true", help="skip the readiness check")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.lesson.endswith(".ipynb"):
        args.lesson += ".ipynb"
    if not args.no_check:
        from widgets.kit import check

        if not check.report(port=args.port, host=args.host):
            return 1
    kit_environment()
    compile_kit()
    from widgets.kit.pool import banner_line, pool_size
    from widgets.store import backup

    lock = backup.server_lock()  # held while we run: a restore waits for the stop
    report = backup.at_start()
    size = pool_size(args.class_size)
    app_class = _make_app_class()
    app_class.pool_lesson, app_class.class_size = args.lesson, args.class_size
    print(banner(args.host, args.port, backup.banner_lines(report)), flush=True)
    print(banner_line(args.class_size, size, args.lesson), flush=True)
    try:
        app_class.launch_instance(argv=voila_argv(args.host, args.port, size, args.lesson))
    finally:
        if lock is not None:
            lock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
