"""The kit's settings: one module reads every environment variable, when asked, with help text."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from widgets.core import settings
from widgets.kit import server

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_when_unset_or_blank(monkeypatch):
    for setting in settings.SETTINGS:
        monkeypatch.delenv(setting.name, raising=False)
    assert settings.data_dir() == ROOT / "data"
    assert settings.village() == "jepara"
    assert settings.language() == "id"
    assert (settings.host(), settings.port(), settings.class_size()) == ("0.0.0.0", 8866, 30)
    assert settings.lesson() == "01-komunikasi-kelompok.ipynb"
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "   ")
    monkeypatch.setenv("PORT", "")
    assert settings.village() == "jepara" and settings.port() == 8866


def test_values_are_read_when_asked_not_at_import(monkeypatch, tmp_path):
    monkeypatch.setenv("USAHA_KITA_DATA", str(tmp_path / "kelas"))
    monkeypatch.setenv("USAHA_KITA_VILLAGE", " desaku ")
    monkeypatch.setenv("USAHA_KITA_LANG", "en")
    monkeypatch.setenv("PORT", "8870")
    monkeypatch.setenv("CLASS_SIZE", "12")
    assert settings.data_dir() == tmp_path / "kelas"
    assert not (tmp_path / "kelas").exists()  # the store creates it, not the settings
    assert settings.village() == "desaku"
    assert settings.language() == "en"
    assert (settings.port(), settings.class_size()) == (8870, 12)


@pytest.mark.parametrize("value", ["80a", "-1", "0", "70000", "８０８０", "1.5"])
def test_a_bad_number_names_the_variable(monkeypatch, value):
    monkeypatch.setenv("PORT", value)
    with pytest.raises(settings.SettingError, match="PORT="):
        settings.port()


@pytest.mark.parametrize(("server", "port", "expected"), [
    ("8870", "9000", 8870), ("", "9000", 9000), ("", "", 8866), ("abc", "9000", 8866),
])
def test_the_port_a_page_was_served_on(monkeypatch, server, port, expected):
    monkeypatch.setenv("SERVER_PORT", server)
    monkeypatch.setenv("PORT", port)
    assert settings.served_port() == expected


def test_slide_settings(monkeypatch):
    monkeypatch.delenv("USAHA_KITA_SLIDES", raising=False)
    monkeypatch.setenv("USAHA_KITA_HOTSPOT", "  Pelatihan-UK ")
    assert not settings.slides_static() and settings.hotspot() == "Pelatihan-UK"
    monkeypatch.setenv("USAHA_KITA_SLIDES", "static")
    assert settings.slides_static()


def test_server_options_default_to_the_settings(monkeypatch):
    monkeypatch.setenv("PORT", "9001")
    monkeypatch.setenv("CLASS_SIZE", "7")
    monkeypatch.setenv("LESSON", "04-bagi-hasil")
    args = server.parse_args([])
    assert (args.port, args.class_size, args.lesson) == (9001, 7, "04-bagi-hasil")
    assert server.parse_args(["--port", "9002"]).port == 9002


def test_every_setting_has_help_and_the_listing_shows_it(monkeypatch):
    monkeypatch.setenv("USAHA_KITA_VILLAGE", "desaku")
    text = settings.describe()
    for setting in settings.SETTINGS:
        assert len(setting.help) > 20 and setting.name in text
    assert "USAHA_KITA_VILLAGE=desaku\n" in text and "PORT=8866  (default)" in text
    out = subprocess.run([sys.executable, "-m", "widgets.core.settings"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert "USAHA_KITA_DATA=" in out


def test_no_other_module_reads_a_setting_from_the_environment():
    """Only settings.py reads os.environ; the server may read and extend Jupyter's own path,
    and ``python -m usaha_kita serve`` Python's (so kernels import the served folder's kit)."""
    allowed = {("widgets/kit/server.py", "JUPYTER_PATH"), ("widgets/kit/cli.py", "PYTHONPATH")}
    readers = set()
    for path in (ROOT / "widgets").rglob("*.py"):
        if path.name == "settings.py":
            continue
        where = str(path.relative_to(ROOT))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func) in (
                    "os.environ.get", "os.getenv"):
                readers.add((where, ast.unparse(node.args[0]).strip("'\"")))
            elif (isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ"
                  and isinstance(node.ctx, ast.Load)):
                readers.add((where, ast.unparse(node.slice)))
            elif isinstance(node, ast.Assign) and ast.unparse(node.value) == "os.environ":
                readers.add((where, "os.environ aliased"))
    assert readers <= allowed, sorted(readers - allowed)
