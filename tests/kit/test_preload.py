"""The preload list (widgets/kit/preload.py): only installed scripts are named, and the
shipped list fits the installed Voila and widgets."""

from __future__ import annotations

from widgets.kit import preload


def _roots(tmp_path):
    static = tmp_path / "static-root"
    ext = tmp_path / "ext-root"
    (static).mkdir()
    (ext / "@jupyter-widgets/manager/static").mkdir(parents=True)
    (static / "1.voila.js").write_text("x")
    (ext / "@jupyter-widgets/manager/static/7.ab.js").write_text("x")
    (tmp_path / "secret.js").write_text("x")
    return {"static": [tmp_path / "nowhere", static], "labextensions": [ext]}


def test_only_installed_scripts_are_named_in_their_order(tmp_path):
    roots = _roots(tmp_path)
    paths = [
        "labextensions/@jupyter-widgets/manager/static/7.ab.js?v=ab",  # query: file 7.ab.js
        "static/2.voila.js",  # not installed
        "static/1.voila.js",
        "static/../secret.js",  # outside its folder
        "other/1.voila.js",  # no such kind
        "labextensions/@jupyter-widgets/manager/static/8.cd.js?v=cd",
    ]
    assert preload.present(paths, roots) == [
        "labextensions/@jupyter-widgets/manager/static/7.ab.js?v=ab", "static/1.voila.js"]


def test_the_list_reads_without_comments_and_blank_lines(tmp_path):
    listed = tmp_path / "preload.txt"
    listed.write_text("# recorded\n\nstatic/voila.js\n  static/1.voila.js  \n")
    assert preload.read_list(listed) == ["static/voila.js", "static/1.voila.js"]


def test_the_shipped_list_fits_the_installed_kit():
    listed = preload.read_list()
    assert "static/voila.js" in listed and len(listed) > 50
    missing = [p for p in listed if p not in preload.present(listed, preload.installed_roots())]
    assert missing == [], f"not installed: {missing}; run `python -m bench.preload`"
    preload.preload_paths.cache_clear()
    assert preload.preload_paths() == tuple(listed)
