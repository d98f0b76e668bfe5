"""Every setting the kit reads from the environment, in one place, each with its help text.

Plain Python, no ipywidgets, no other kit module. A value is read when it is asked for, not at
import, so a test (or a trainer's shell) that changes the environment is heard at once. Nothing
else in the kit reads ``os.environ`` for a setting: it calls the function here.

The ``USAHA_KITA_*`` variables reach every kernel, because kernels inherit the server's
environment. ``HOST``, ``PORT``, ``CLASS_SIZE`` and ``LESSON`` are the names ``make serve`` and
``make check`` pass on; ``python -m widgets.kit.server --help`` shows them as defaults.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Setting:
    """One environment variable: its name, the value used when it is unset or blank, and what
    it is for (shown by ``python -m widgets.core.settings``)."""

    name: str
    default: str
    help: str

    def raw(self) -> str:
        """The value as set (surrounding spaces removed), or the default when unset or blank."""
        return os.environ.get(self.name, "").strip() or self.default

    def is_set(self) -> bool:
        return bool(os.environ.get(self.name, "").strip())


class SettingError(ValueError):
    """A variable holds a value the kit cannot use; the message names the variable."""


DATA = Setting("USAHA_KITA_DATA", str(KIT_ROOT / "data"),
               "Folder for the kit's SQLite file (participants' work). Put it on a USB stick to "
               "keep a class's work: USAHA_KITA_DATA=/media/usb/kelas-jepara")
DATABASE = Setting("USAHA_KITA_DATABASE", "",
                   "Where participants' work is kept. Empty: the SQLite file in USAHA_KITA_DATA "
                   "(a laptop). A PostgreSQL URL shares one server among many classes: "
                   "USAHA_KITA_DATABASE=postgresql://kit@db.example/usaha_kita")
CLASS = Setting("USAHA_KITA_CLASS", "",
                "This class's key in a shared database (a-z, 0-9, _ and -): a trainer sees "
                "only their own class. Empty: the village's name.")
VILLAGE = Setting("USAHA_KITA_VILLAGE", "jepara",
                  "The village profile the lessons use: a folder name under datasets/.")
LANGUAGE = Setting("USAHA_KITA_LANG", "id",
                   "Language of every text: id (Indonesian) or en (English).")
HOST = Setting("HOST", "0.0.0.0",  # noqa: S104 (phones on the laptop's hotspot join)
               "Address the server listens on; 0.0.0.0 lets phones on the hotspot join.")
PORT = Setting("PORT", "8866", "Port the server listens on.")
CLASS_SIZE = Setting("CLASS_SIZE", "30",
                     "Participants expected: the lesson about to start gets this many "
                     "preheated kernels.")
LESSON = Setting("LESSON", "01-komunikasi-kelompok.ipynb",
                 "The lesson the class opens first (its kernels are preheated).")
HOTSPOT = Setting("USAHA_KITA_HOTSPOT", "",
                  "The hotspot's Wi-Fi name shown on the opening slide; unset: asked from "
                  "NetworkManager.")
RELEASE = Setting("USAHA_KITA_RELEASE", "",
                  "Seconds a page's kernel stays after its phone lost the link (asleep, out of "
                  "reach); empty: voila.json's culling (2 minutes).")
SLIDES = Setting("USAHA_KITA_SLIDES", "",
                 "'static' while make slides builds the offline decks (set by the build).")
SERVER_PORT = Setting("SERVER_PORT", "",
                      "Set by Voila in a page's kernel: the port the page was served on.")
CHROMIUM = Setting("CHROMIUM", "/usr/bin/chromium",
                   "The Chromium that prints the slide decks to PDF.")
PREHEAT = Setting("VOILA_PREHEAT", "False",
                  "Set by Voila in a preheated kernel: the page's address arrives later.")
QUERY = Setting("QUERY_STRING", "",
                "Set by Voila in a page's kernel: the query string of the page's address.")
HUB_ROLE = Setting("USAHA_KITA_HUB_ROLE", "",
                   "Set by the kit's JupyterHub config for each user's server: 'pelatih' (a hub "
                   "admin or in the group pelatih) or 'peserta'; empty on a laptop, where the "
                   "trainer password applies.")
HUB_USER = Setting("JUPYTERHUB_USER", "", "Set by JupyterHub: the name of the server's user.")
SETTINGS = (DATA, DATABASE, CLASS, VILLAGE, LANGUAGE, HOST, PORT, CLASS_SIZE, LESSON, HOTSPOT,
            RELEASE, SLIDES, SERVER_PORT, CHROMIUM, PREHEAT, QUERY, HUB_ROLE, HUB_USER)


def _whole(setting: Setting, minimum: int, maximum: int) -> int:
    text = setting.raw()
    if not text.isascii() or not text.isdigit() or not minimum <= int(text) <= maximum:
        raise SettingError(f"{setting.name}={text!r}: expected a whole number from {minimum} "
                           f"to {maximum}")
    return int(text)


def data_dir() -> Path:
    """The folder for the kit's data (not created here: the store creates it when it opens)."""
    return Path(DATA.raw())


def database_url() -> str:
    """The PostgreSQL URL as set, or "" for the SQLite file in the data folder."""
    url = DATABASE.raw()
    if url and not url.startswith(("postgresql://", "postgres://")):
        raise SettingError(f"{DATABASE.name}: expected a postgresql:// URL or nothing")
    return url


def class_key() -> str:
    """This class's key in a shared database; unset: the village's name."""
    key = CLASS.raw() or village()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,47}", key):
        raise SettingError(f"{CLASS.name}={key!r}: use a-z, 0-9, _ and - (at most 48)")
    return key


def village() -> str:
    """The name of the village folder under ``datasets/``; the village loader checks it."""
    return VILLAGE.raw()


def language() -> str:
    """The language code as set; :mod:`widgets.core.i18n` falls back to Indonesian when it is
    not one the catalogs have."""
    return LANGUAGE.raw()


def host() -> str:
    return HOST.raw()


def port() -> int:
    return _whole(PORT, 1, 65535)


def class_size() -> int:
    return _whole(CLASS_SIZE, 1, 1000)


def lesson() -> str:
    return LESSON.raw()


def served_port() -> int:
    """The port phones reach this page on: Voila's ``SERVER_PORT`` inside a page's kernel,
    else ``PORT``, else 8866 (also when the value is not a number: a slide must not fail)."""
    text = SERVER_PORT.raw() or PORT.raw()
    return int(text) if text.isascii() and text.isdigit() else int(PORT.default)


def release_seconds() -> int | None:
    """Seconds before the kernel of a page without a connection is given back, when set
    (the tests shorten it); ``None``: voila.json's culling applies."""
    return _whole(RELEASE, 2, 24 * 3600) if RELEASE.is_set() else None


def hotspot() -> str:
    """The hotspot's name as set, or "" when unset."""
    return HOTSPOT.raw()


def slides_static() -> bool:
    """True while ``make slides`` builds the offline decks (no live widgets there)."""
    return SLIDES.raw() == "static"


def chromium() -> str:
    return CHROMIUM.raw()


def preheated() -> bool:
    """True in a kernel Voila started before any page asked for it."""
    return PREHEAT.raw() != "False"


def page_query() -> str:
    """The query string Voila gave this page's kernel at its start ("" when none)."""
    return QUERY.raw()


def hub_role() -> str:
    """'pelatih' or 'peserta' on a JupyterHub (anything else counts as 'peserta'); "" on a
    laptop."""
    role = HUB_ROLE.raw()
    return "" if not role else ("pelatih" if role == "pelatih" else "peserta")


def hub_user() -> str:
    return HUB_USER.raw()


def describe() -> str:
    """Every setting, its current value and its help: for a trainer setting up a laptop."""
    lines = []
    for setting in SETTINGS:
        mark = "" if setting.is_set() else "  (default)"
        value = re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", setting.raw())  # no password shown
        lines.append(f"{setting.name}={value}{mark}\n    {setting.help}")
    return "\n".join(lines)


if __name__ == "__main__":
    print(describe())
