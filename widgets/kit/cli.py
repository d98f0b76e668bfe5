"""Every command of the kit without ``make``: ``python -m usaha_kita <command>``.

The same on Linux, macOS and Windows (with or without conda); the Makefile's targets call it,
so each command is written once. Standard library only at import: ``setup`` runs before the
kit's packages are installed. Any other command first finds the Python that runs the kit
(:func:`widgets.kit.venv.kit_python`, setting up ``.venv`` when needed) and, when that is not
the Python running now, hands the whole command over to it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from widgets.kit import venv

ROOT = venv.ROOT
ENTRY = "usaha_kita"

# command -> (module run as ``python -m``, its fixed arguments, help); extra arguments follow.
MODULES: dict[str, tuple[str, tuple[str, ...], str]] = {
    "trainer-password": ("widgets.training.access", (), "set (or change) the trainer password"),
    "slides": ("widgets.training.build", (), "write the lecture decks as offline HTML"),
    "handout": ("widgets.training.build", ("--pdf",), "print the decks to PDF (Chromium)"),
    "workbook": ("widgets.training.workbook", ("build/workbook",),
                 "write the participant workbook to print on A4 (build/workbook/)"),
    "aggregate": ("widgets.training.aggregate", (), "every class in one Excel file"),
    "backup": ("widgets.store.backup", (), "list (--list) or restore (--restore FILE) backups"),
    "bench": ("bench.run", (), "compare the kit's server with stock Voila"),
    "clean-notebooks": ("widgets.kit.nbclean", ("lessons", "slides"),
                        "strip outputs from the notebooks"),
    "test-fast": ("pytest", ("tests", "-m", "not browser and not slow"),
                  "the tests without browser and server"),
}
LINT = (("ruff", ("check", ".")), ("widgets.kit.nbclean", ("--check", "lessons", "slides")))
TEST = ("pytest", ("--nbval-lax", "tests", "lessons"))


def run_module(module: str, args: Sequence[str] = ()) -> int:
    """``python -m module args`` with the Python running now, from the kit's folder."""
    return subprocess.call([sys.executable, "-m", module, *args], cwd=ROOT)


def hand_over(python: Path, argv: Sequence[str]) -> int:
    """Run this command with ``python`` instead. On Linux and macOS the process becomes it
    (Ctrl-C then reaches the server directly); Windows has no such call, so we wait for it,
    ignoring the Ctrl-C the console sends to both of us."""
    command = [str(python), "-m", ENTRY, *argv]
    if os.name != "nt":
        os.chdir(ROOT)
        os.execv(command[0], command)  # noqa: S606 (our own Python, fixed arguments)
    proc = subprocess.Popen(command, cwd=ROOT)
    for name in ("SIGINT", "SIGBREAK"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    return proc.wait()


def cmd_setup(args: argparse.Namespace) -> int:
    python = venv.setup(args.extras, force=args.force)
    print(f"Siap / ready: {python}")
    return 0


def _use_village(args: argparse.Namespace) -> None:
    """``--village``: the village folder the server, its check and every kernel use."""
    if args.village:
        from widgets.core import settings

        os.environ[settings.VILLAGE.name] = args.village


def cmd_serve(args: argparse.Namespace) -> int:
    """The Makefile's ``serve``: ask for the trainer password when none is set, then serve."""
    _use_village(args)
    # Kernels import the kit from this folder too, even when the Python's installed copy of
    # the kit is another folder's (a .venv copied or linked from elsewhere).
    paths = os.environ.get("PYTHONPATH", "").split(os.pathsep)
    if str(ROOT) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), *paths) if p)
    run_module("widgets.training.access", ["--ensure"])
    from widgets.kit import server

    argv = ["--host", args.host, "--port", str(args.port), "--class-size", str(args.class_size),
            "--lesson", args.lesson, *(["--no-check"] if args.no_check else [])]
    return server.main(argv)


def cmd_check(args: argparse.Namespace) -> int:
    _use_village(args)
    from widgets.kit import check

    return 0 if check.report(port=args.port, host=args.host) else 1


def cmd_lint(args: argparse.Namespace) -> int:
    for module, fixed in LINT:
        code = run_module(module, fixed)
        if code:
            return code
    return 0


def cmd_test(args: argparse.Namespace) -> int:
    """``make test``: lint, then one pytest run over the tests and the lessons."""
    return cmd_lint(args) or run_module(TEST[0], [*TEST[1], *args.rest])


def cmd_check_village(args: argparse.Namespace) -> int:
    from widgets.kit import village_check

    return village_check.main(args.name, Path(args.root) if args.root else None)


def cmd_new_village(args: argparse.Namespace) -> int:
    from widgets.kit import village_new

    return village_new.main(args.name, Path(args.root) if args.root else None)


def cmd_clean(args: argparse.Namespace) -> int:
    for name in (".venv", ".pytest_cache", ".ruff_cache", "artifacts"):
        shutil.rmtree(ROOT / name, ignore_errors=True)
    return 0


def _module_command(name: str) -> Callable[[argparse.Namespace], int]:
    module, fixed, _ = MODULES[name]
    return lambda args: run_module(module, [*fixed, *args.rest])


def _server_options(parser: argparse.ArgumentParser, serve: bool) -> None:
    from widgets.core import settings

    parser.add_argument("--host", default=settings.host(), help="$HOST (default 0.0.0.0)")
    parser.add_argument("--port", type=int, default=settings.port(), help="$PORT (8866)")
    parser.add_argument("--village", help="the village folder in datasets/ "
                        f"($USAHA_KITA_VILLAGE; now {settings.village()})")
    if serve:
        parser.add_argument("--class-size", type=int, default=settings.class_size(),
                            help="$CLASS_SIZE: kernels preheated for the lesson (30)")
        parser.add_argument("--lesson", default=settings.lesson(),
                            help="$LESSON: the lesson to preheat (01-komunikasi-kelompok)")
        parser.add_argument("--no-check", action="store_true", help="skip the readiness check")


def _village_options(parser: argparse.ArgumentParser, name_help: str) -> None:
    parser.add_argument("name", nargs="?", help=name_help)
    parser.add_argument("--root", help="the folder of village folders (default: datasets/)")


COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "setup": (cmd_setup, "create .venv and install the kit (needs the internet once)"),
    "serve": (cmd_serve, "start the kit for a class"),
    "check": (cmd_check, "is this laptop ready?"),
    "lint": (cmd_lint, "ruff and the notebook check"),
    "test": (cmd_test, "lint, then the whole test suite"),
    "check-village": (cmd_check_village, "check every file of a village folder"),
    "new-village": (cmd_new_village, "start a new village folder from the template"),
    "clean": (cmd_clean, "remove .venv and the caches"),
    **{name: (_module_command(name), help_) for name, (_, _, help_) in MODULES.items()},
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog=f"python -m {ENTRY}",
                                  description="Usaha Kita: every command, no make needed.")
    sub = top.add_subparsers(dest="command", required=True, metavar="command")
    for name, (_, help_) in COMMANDS.items():
        one = sub.add_parser(name, help=help_, description=help_)
        if name == "setup":
            one.add_argument("--extras", default=venv.DEFAULT_EXTRAS,
                             help="optional parts of pyproject.toml (CI adds hub)")
            one.add_argument("--force", action="store_true", help="install even if up to date")
        elif name in ("serve", "check"):
            _server_options(one, name == "serve")
        elif name == "check-village":
            _village_options(one, "the village folder (default: $USAHA_KITA_VILLAGE)")
        elif name == "new-village":
            _village_options(one, "the new folder's name: lower-case letters, digits, - or _")
        else:
            one.add_argument("rest", nargs=argparse.REMAINDER, help="passed on")
    return top


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args, extra = parser().parse_known_args(argv)
    if extra:  # options for a module's own command line (``backup --list``): passed on
        if args.command not in MODULES:
            parser().error(f"unrecognized arguments: {' '.join(extra)}")
        args.rest = [*extra, *args.rest]
    if args.command not in ("setup", "clean"):
        python = venv.kit_python()
        if python is not None:
            return hand_over(python, argv)
    return COMMANDS[args.command][0](args)
