"""The kit on JupyterHub: what the hub gives each user's server, and how that server takes the
kit's ``voila.json``.

Two halves, both plain Python (jupyterhub and jupyter_server load late):

* **the hub** (``deploy/jupyterhub/jupyterhub_config.py`` calls :func:`configure_hub`): every
  user's server opens the kit's home through Voila, keeps its data in a folder of that user's
  own (``USAHA_KITA_DATA``), and is told the user's role (``USAHA_KITA_HUB_ROLE``): a hub admin
  or a member of the group :data:`TRAINER_GROUP` is the trainer, with no shared password;
* **each user's server** (``deploy/jupyterhub/user/jupyter_server_config.py`` calls
  :func:`configure_user_server`): jupyterhub-singleuser with Voila as a server extension, over
  the kit's ``lessons/``, with the kit's template, ``voila.json`` (Voila reads its
  ``VoilaConfiguration`` itself; the server's sections are applied here) and the kit's websocket
  rules; no JupyterLab, no terminal. This module is also a jupyter_server extension that closes
  the two doors :mod:`widgets.kit.handlers` closes on a laptop.

On a hub a page's kernel is an ordinary Voila kernel of that user's server: the laptop's
preheated pool, live decks under ``slides/`` and ``make serve``'s start-up report are not
there (each user's server holds one user's pages, so the first page takes a kernel's start).
"""

from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path
from typing import Any

KIT_ROOT = Path(__file__).resolve().parents[2]
LESSONS_DIR = KIT_ROOT / "lessons"
USER_CONFIG_DIR = KIT_ROOT / "deploy" / "jupyterhub" / "user"
HOME_URL = "/voila/render/00-beranda.ipynb"
TRAINER_GROUP = "pelatih"
TRAINER, PARTICIPANT = "pelatih", "peserta"
PROXY_TIMEOUT_MS = 300_000
# The server's own sections of voila.json (Voila reads VoilaConfiguration itself).
SERVER_SECTIONS = ("MappingKernelManager", "VoilaExecutor", "VoilaExporter")

_UNSAFE = re.compile(r"[^a-z0-9_-]")


def folder_name(username: str) -> str:
    """A hub user name as one safe folder name: letters, digits, ``_`` and ``-`` kept, anything
    else (``.``, ``@``, ``/``, accents) written as ``~`` and its code point, so ``..`` or
    ``a/b`` never leave the data root and two names never share a folder."""
    return _UNSAFE.sub(lambda m: f"~{ord(m.group()):x}", username.lower()) or "~"


def is_trainer(user: Any) -> bool:
    """A hub user (``jupyterhub.user.User``) is the trainer when an admin or in the group."""
    return bool(user.admin) or any(group.name == TRAINER_GROUP for group in user.groups)


def data_folder(data_root: str | Path, username: str) -> Path:
    return Path(data_root) / folder_name(username)


CLASS_GROUP_PREFIX = "kelas-"


def class_key(user: Any) -> str:
    """The class of a hub user on a shared database: the hub group ``kelas-<key>`` they are in
    (the first by name); "" when none (the kit then uses the village's name)."""
    names = sorted(g.name for g in user.groups if g.name.startswith(CLASS_GROUP_PREFIX))
    return names[0][len(CLASS_GROUP_PREFIX):] if names else ""


def user_environment(data_root: str | Path, database_url: str = "") -> dict[str, Any]:
    """``Spawner.environment``: plain values, and callables the hub calls with the spawner
    when it starts a user's server (the role and class are read then: a change counts from
    the next start). With ``database_url`` every server keeps its work in that shared
    database, in the schema of the user's class, instead of the user's own folder."""
    shared = {"USAHA_KITA_DATABASE": database_url,
              "USAHA_KITA_CLASS": lambda spawner: class_key(spawner.user)} if database_url else {}
    return {**shared,
        "USAHA_KITA_DATA": lambda spawner: str(data_folder(data_root, spawner.user.name)),
        "USAHA_KITA_HUB_ROLE": lambda spawner: TRAINER if is_trainer(spawner.user)
        else PARTICIPANT,
        "JUPYTER_PATH": str(KIT_ROOT / "share" / "jupyter"),
        "JUPYTER_CONFIG_PATH": os.pathsep.join([str(USER_CONFIG_DIR), str(KIT_ROOT)]),
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
    }


def prepare_data_folder(data_root: str | Path):
    """A ``Spawner.pre_spawn_hook`` that makes the user's data folder, private to its owner:
    a system user of that name owns it when the hub runs as root (The Littlest JupyterHub's
    way); otherwise the hub's own user does."""

    def hook(spawner: Any) -> None:
        folder = data_folder(data_root, spawner.user.name)
        folder.mkdir(parents=True, exist_ok=True)
        owner = _system_user(spawner)
        if owner is not None and hasattr(os, "chown"):
            os.chown(folder, owner[0], owner[1])
        folder.chmod(0o700)

    return hook


def _system_user(spawner: Any) -> tuple[int, int] | None:
    """(uid, gid) of the system user the spawner runs the server as, when it is another."""
    if not hasattr(spawner, "system_user"):
        return None
    entry = spawner.system_user()
    return entry.pw_uid, entry.pw_gid


SYSTEM_PREFIX = "uk-"
# Hub names a district server accepts: a system user "uk-<name>" can carry them unchanged.
USERNAME_PATTERN = r"^[a-z][a-z0-9_-]{0,27}$"


def system_name(username: str) -> str:
    """The system user a hub user's server runs as: prefixed, so that a hub user called
    ``root`` or ``postgres`` is never that system account."""
    return SYSTEM_PREFIX + folder_name(username)


def local_spawner_class():
    """JupyterHub's ``LocalProcessSpawner`` with each hub user's server run as the system user
    :func:`system_name`, created (with a home) on its first start, as The Littlest JupyterHub
    does; the hub runs as root."""
    import pwd
    import subprocess

    from jupyterhub.spawner import LocalProcessSpawner

    class KitLocalSpawner(LocalProcessSpawner):
        def system_user(self) -> pwd.struct_passwd:
            name = system_name(self.user.name)
            try:
                return pwd.getpwnam(name)
            except KeyError:
                subprocess.run(["useradd", "--create-home", "--user-group", "--shell",
                                "/usr/sbin/nologin", name], check=True)
                return pwd.getpwnam(name)

        async def start(self):
            for path in (Path(sys.executable), KIT_ROOT):  # the venv's Python: the hub's
                closed = closed_to_others(path)
                if closed is not None:  # said here, not as "permission denied" later
                    raise RuntimeError(
                        f"{closed} is closed to other users, so a user's server cannot start "
                        f"from {path}: build the kit's .venv from a Python every user can run "
                        "(make setup PYTHON=/usr/bin/python3)")
            return await super().start()

        def make_preexec_fn(self, name: str):  # noqa: ARG002 (the hub's name: ours instead)
            return super().make_preexec_fn(self.system_user().pw_name)

        def user_env(self, env: dict) -> dict:
            entry = self.system_user()
            env.update(USER=entry.pw_name, HOME=entry.pw_dir, SHELL=entry.pw_shell)
            return env

    return KitLocalSpawner


def closed_to_others(path: Path) -> Path | None:
    """The first folder on the way to ``path`` (links followed), or the file itself, that other
    users cannot enter or read; ``None`` when every one is open."""
    real = path.resolve()
    for step in [*reversed(real.parents), real]:
        mode = step.stat().st_mode
        if not mode & 0o001 or (step == real and not mode & 0o004):
            return step
    return None


def configure_hub(c: Any, data_root: str | Path, trainers: tuple[str, ...] = (),
                  database_url: str = "") -> None:
    """The kit's part of a ``jupyterhub_config.py``; the file chooses who may sign in and the
    spawner. ``trainers`` join the trainer group when the hub starts (an admin adds more on
    the hub's admin page); ``database_url``: see :func:`user_environment`."""
    bin_dir = Path(sys.executable).parent
    c.Spawner.cmd = [str(bin_dir / "jupyterhub-singleuser")]
    c.Spawner.default_url = HOME_URL
    c.Spawner.environment.update(user_environment(data_root, database_url))
    c.Spawner.pre_spawn_hook = prepare_data_folder(data_root)
    # The pure-Python proxy gives up on a reply after 20 s unless told; the hub's page that
    # waits for a server to start is one reply that lasts the whole start (node's proxy
    # takes the same flag).
    c.ConfigurableHTTPProxy.command = [str(bin_dir / "configurable-http-proxy"),
                                       "--proxy-timeout", str(PROXY_TIMEOUT_MS)]
    c.JupyterHub.load_groups = {TRAINER_GROUP: {"users": list(trainers)}}
    # Nothing from the internet: JupyterHub's own pages use their bundled files.
    c.JupyterHub.template_vars = {"announcement": ""}


def voila_settings() -> dict[str, Any]:
    return json.loads((KIT_ROOT / "voila.json").read_text(encoding="utf-8"))


def configure_user_server(c: Any) -> None:
    """One user's jupyter server as the kit's Voila: the sections of ``voila.json`` a server
    reads, the lessons folder, the kit's home as its front page, Voila and this module as its
    only extensions."""
    from traitlets.config import Config

    settings = voila_settings()
    c.merge(Config({name: settings[name] for name in SERVER_SECTIONS}))
    c.ServerApp.root_dir = str(LESSONS_DIR)
    c.ServerApp.default_url = HOME_URL
    c.ServerApp.terminals_enabled = False
    c.ServerApp.kernel_spec_manager_class = "widgets.kit.kernel.KitKernelSpecManager"
    c.ServerApp.tornado_settings = settings["Voila"]["tornado_settings"]
    c.ServerApp.kernel_websocket_connection_class = (
        settings["Voila"]["kernel_websocket_connection_class"])
    c.ServerApp.jpserver_extensions.update({"voila": True, "widgets.kit.hub": True,
                                            "jupyterlab": False, "jupyter_lsp": False})
    if os.name == "posix":  # as on a laptop: no two kernels can pick the same port
        c.KernelManager.transport = "ipc"
        os.environ["JUPYTER_RUNTIME_DIR"] = _socket_dir()  # the kernels' connection files


def _socket_dir() -> str:
    """A short private folder for the kernels' sockets (a Unix socket's path holds at most
    107 bytes; under a user's home it can be longer), removed when the server stops."""
    import atexit
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="uk-kernels-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "widgets.kit.hub"}]


def _load_jupyter_server_extension(server_app: Any) -> None:
    """Put the kit's two closed doors in front of Voila's handlers: tornado takes the first
    host rule whose handlers match, and ``add_handlers`` puts a new one last but one. Pages
    render as on the kit's own server (story cells filled in, templates compiled once)."""
    from jupyter_server.utils import url_path_join

    from widgets.kit import handlers, templates

    templates.install()
    app = server_app.web_app
    base = app.settings["base_url"]
    # Voila's page config falls back to MathJax from a CDN when the server has neither
    # setting; the kit's own server passes None for both (no MathJax), and so does this one.
    app.settings.update(mathjax_url=None, mathjax_config=None)
    app.add_handlers(".*$", [
        (url_path_join(base, r"/voila/tree(?:/.*)?"), handlers.NotFound),
        (url_path_join(base, r"/voila/?"), handlers.NotFound),
        (url_path_join(base, r"/voila/templates/(.*)"), handlers.KitTemplateStatic),
    ])
    rules = app.default_router.rules
    rules.insert(0, rules.pop(-2))
