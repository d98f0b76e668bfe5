"""The server compiles its page templates once, and starts without building URI grammars."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import jinja2
import pytest
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


def _markdown(source: str, cell: dict | None = None) -> str:
    """What a page's Markdown cell shows: the source through the page's Markdown filter."""
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from voila.exporter import VoilaExporter

    files = FileContentsManager(root_dir=str(ROOT / "lessons"))
    # The filter is any page's; the contents manager inlines a cell's images.
    environment = VoilaExporter(template_name="lab", contents_manager=files).environment
    template = environment.from_string("{{ source | markdown2html }}")
    return run_async(template.render_async(source=source, cell=cell or {}))


def test_a_story_cell_shows_the_village_paragraph():
    templates.install()
    html = _markdown('{{ cerita("02-buku-kas", "teks_04") }}')
    assert '<h2 id="Contoh:-buku-kas-kelompok-konveksi">Contoh: buku kas kelompok' in html
    assert "<strong>contoh karangan untuk latihan</strong>" in html
    assert "cerita" not in html
    missing = _markdown('{{ cerita("02-buku-kas", "tidak_ada") }}')
    assert "Catatan untuk pelatih" in missing and "02-buku-kas.tidak_ada" in missing


def test_a_text_is_rendered_once_and_an_image_every_time():
    templates.install()
    source = "## Langkah satu\n\nIsi **tebal** untuk tes render sekali."
    before = templates.render_plain.cache_info()
    first, second = _markdown(source), _markdown(source)
    after = templates.render_plain.cache_info()
    assert first == second and "<strong>tebal</strong>" in first and "Langkah satu" in first
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 1)
    # A cell with attachments inlines them: rendered every time, never from the cache.
    attached = {"attachments": {"a.png": {"image/png": "iVBORw0KGgo="}}}
    html = _markdown("![gambar](attachment:a.png)", attached)
    assert "data:image/png;base64,iVBORw0KGgo=" in html
    assert templates.render_plain.cache_info() == after


@pytest.fixture
def village_copy(tmp_path, monkeypatch):
    """A copy of Jepara's folder as the kit's village, read afresh."""
    from widgets.core import village

    folder = tmp_path / "jepara"
    shutil.copytree(village.DATASETS_DIR / "jepara", folder)
    monkeypatch.setattr(village, "DATASETS_DIR", tmp_path)
    village.clear_cache()
    templates.install()
    yield folder
    village.clear_cache()


def _saved_later(path, text: str) -> None:
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stamp, stamp))  # a second later, as an editor's save


def test_an_edited_story_file_shows_at_the_next_page(village_copy):
    cell = '{{ cerita("00-beranda", "teks_01") }}'
    assert "Desmigratif" in _markdown(cell)
    _saved_later(village_copy / "cerita.yaml", "00-beranda:\n  teks_01: Paragraf baru desa.\n")
    assert "Paragraf baru desa." in _markdown(cell)


def test_a_broken_story_file_shows_its_message_not_a_broken_page(village_copy):
    _saved_later(village_copy / "cerita.yaml", "00-beranda:\n  Teks Satu: halo\n")
    html = _markdown('{{ cerita("00-beranda", "teks_01") }}')
    assert 'class="uk-msg uk-msg-error"' in html and "cerita.yaml" in html
    assert "00-beranda.Teks Satu" in html


def test_a_page_checks_its_notebook_once_not_after_every_preprocessor(monkeypatch):
    """nbconvert validates the notebook after each of a page's twelve preprocessors, about
    4 ms each for a lesson; ``voila.json`` has it check once, after the last."""
    import nbformat
    from nbconvert.exporters.exporter import Exporter
    from traitlets.config import Config
    from voila.exporter import VoilaExporter

    from widgets.kit.lessons import LESSONS_DIR

    settings = json.loads((ROOT / "voila.json").read_text(encoding="utf-8"))
    checks: list[str] = []
    checking = Exporter._validate_preprocessor  # noqa: SLF001
    monkeypatch.setattr(Exporter, "_validate_preprocessor",
                        lambda self, nb, step: checks.append(type(step).__name__) or
                        checking(self, nb, step))
    notebook = nbformat.read(LESSONS_DIR / "02-buku-kas.ipynb", as_version=4)
    for config, expected in ((Config(), "each"), (Config(settings), "once")):
        checks.clear()
        exporter = VoilaExporter(template_name="lab", config=config)
        exporter._preprocess(notebook, {"config_dir": ""})  # noqa: SLF001 (each page does)
        assert (len(checks) == 1) == (expected == "once") and len(checks) >= 1, checks
