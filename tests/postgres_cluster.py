"""A private PostgreSQL 15 cluster for the store tests: initdb in a temporary folder, a Unix
socket there and no TCP port, started and stopped by the tests themselves.

PostgreSQL refuses to run as root, so as root the cluster belongs to the ``postgres`` user
(Debian's package makes it) and its commands run through ``runuser``. Without PostgreSQL or
psycopg the PostgreSQL half of the store tests is skipped, unless ``USAHA_KITA_TEST_POSTGRES``
is ``required`` (``.ci/run`` sets it): then it fails.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from pathlib import Path


def _bin() -> Path:
    """``USAHA_KITA_PG_BIN``, else the newest Debian PostgreSQL (15 on bookworm)."""
    if os.environ.get("USAHA_KITA_PG_BIN"):
        return Path(os.environ["USAHA_KITA_PG_BIN"])
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parts[-3]) if p.parts[-3].isdigit() else 0)
    return found[-1].parent if found else Path("/usr/lib/postgresql/15/bin")


BIN = _bin()
DATABASE = "usaha_kita"
USER = "kit"


def missing() -> str:
    """Why the cluster cannot start here ("" when it can)."""
    if not (BIN / "initdb").exists():
        return f"no PostgreSQL at {BIN} (apt-get install postgresql)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if os.geteuid() == 0 and not shutil.which("runuser"):
        return "running as root without runuser"
    return ""


def required() -> bool:
    return os.environ.get("USAHA_KITA_TEST_POSTGRES", "") == "required"


class Cluster:
    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="uk-pg-"))
        self.data = self.root / "data"
        self.owner = "postgres" if os.geteuid() == 0 else ""
        if self.owner:
            account = pwd.getpwnam(self.owner)
            os.chown(self.root, account.pw_uid, account.pw_gid)
        self.url = f"postgresql://{USER}@/{DATABASE}?host={self.root}"

    def _run(self, *argv: str) -> None:
        prefix = ["runuser", "-u", self.owner, "--"] if self.owner else []
        subprocess.run([*prefix, *argv], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, timeout=120)

    def start(self) -> Cluster:
        self._run(str(BIN / "initdb"), "-D", str(self.data), "-U", USER, "-A", "trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = (f"-k {self.root} -c listen_addresses='' -c max_connections=60"
                   " -c shared_buffers=16MB -c fsync=off -c full_page_writes=off")
        self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "log"),
                  "-o", options, "-w", "-t", "60", "start")
        import psycopg

        with psycopg.connect(f"postgresql://{USER}@/postgres?host={self.root}",
                             autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {DATABASE}")
        return self

    def stop(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self._run(str(BIN / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                          "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def new_class_key() -> str:
    return "t" + uuid.uuid4().hex[:12]


def new_database(url: str) -> str:
    """A fresh, empty database in the cluster at ``url`` (for a test that lists classes)."""
    import psycopg

    name = "db_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.replace(f"/{DATABASE}?", f"/{name}?")
