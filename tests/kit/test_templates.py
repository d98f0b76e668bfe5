"""The server compiles its page templates once, and starts without building URI grammars."""

from __future__ import annotations

import subprocess
import sys

import jinja2
from conftest import ROOT, run_async

from widgets.kit import templates


def _compiles(monkeypatch) -> list[str]:
    """The names of the templates Jinja compiles from now on."""
    seen: list[str] = []
    compile_ = jinja2.Environment.compile

    def counting(self, source, name=None, filename=None, raw=False, defer_init=False):
        seen.append(name)
        return compile_(self, source, name, filename, raw, defer_init)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    return seen


def _page_environment(folder):
    """A Voila exporter's environment over ``folder``, as one page's render makes it."""
    from voila.exporter import VoilaExporter

    return VoilaExporter(template_paths=[str(folder)], template_name="usaha").environment


def test_a_second_page_reuses_the_compiled_templates(tmp_path, monkeypatch):
    templates.share_compiled_templates()
    templates.CACHES[True].clear()
    (tmp_path / "page.html.j2").write_text("{% for x in items %}<p>{{ x }}</p>{% endfor %}")
    compiled = _compiles(monkeypatch)

    def render(environment) -> str:
        template = environment.get_template("page.html.j2")
        return run_async(template.render_async(items=[1, 2]))

    first = render(_page_environment(tmp_path))
    assert compiled == ["page.html.j2"]
    second = render(_page_environment(tmp_path))  # another page, a new exporter
    assert second == first == "<p>1</p><p>2</p>" and compiled == ["page.html.j2"]
    # An edited template is compiled again and shows the edit.
    (tmp_path / "page.html.j2").write_text("{% for x in items %}<i>{{ x }}</i>{% endfor %}")
    assert render(_page_environment(tmp_path)) == "<i>1</i><i>2</i>"
    assert compiled == ["page.html.j2", "page.html.j2"]


def test_the_server_starts_without_building_uri_grammars():
    code = ("import sys\nfrom widgets.kit.server import _make_app_class\n_make_app_class()\n"
            "print(sys.modules.get('rfc3987_syntax', 'absent'), 'voila.app' in sys.modules)")
    shown = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, check=True).stdout.split()
    assert shown == ["None", "True"]
