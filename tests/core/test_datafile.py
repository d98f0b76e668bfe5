"""The one cached loader behind every rules file: read once per path, kept, re-read on request."""

from __future__ import annotations

from pathlib import Path

import pytest

from widgets.core.datafile import CachedFile, DataError, cached_file, read_yaml
from widgets.pricing import fees
from widgets.promotion import photo_rules, platform_rules, seasons


@pytest.fixture
def counted(tmp_path, monkeypatch):
    """A loader over a small YAML file that counts how often it really reads the file."""
    path = tmp_path / "aturan.yaml"
    path.write_text("harga: 1500\n", encoding="utf-8")
    reads: list[Path] = []

    @cached_file(path)
    def load(file: Path) -> dict:
        """The rules, checked."""
        reads.append(file)
        data = read_yaml(file)
        if not isinstance(data.get("harga"), int):
            raise DataError(file.name, "not_int", column="harga", value=data.get("harga"))
        return data

    monkeypatch.chdir(tmp_path)
    return load, path, reads


def test_read_once_per_path_and_kept(counted):
    load, path, reads = counted
    first = load()
    assert first == {"harga": 1500}
    assert load() is first and load(path) is first and load(Path("aturan.yaml")) is first
    assert reads == [path.resolve()]
    assert load.__doc__ == "The rules, checked." and load.__name__ == "load"


def test_a_changed_file_is_read_again_only_after_clear_cache(counted):
    load, path, reads = counted
    assert load()["harga"] == 1500
    path.write_text("harga: 2000\n", encoding="utf-8")
    assert load()["harga"] == 1500  # as the old lru_cache loaders did: kept for the process
    load.clear_cache()
    assert load()["harga"] == 2000
    assert len(reads) == 2


def test_another_path_gets_its_own_entry(counted, tmp_path):
    load, _path, _reads = counted
    other = tmp_path / "lain.yaml"
    other.write_text("harga: 7\n", encoding="utf-8")
    assert load(other) == {"harga": 7} and load() == {"harga": 1500}


def test_a_broken_file_is_not_kept(counted):
    load, path, reads = counted
    path.write_text("harga: banyak\n", encoding="utf-8")
    with pytest.raises(DataError, match="harga"):
        load()
    path.write_text("harga: 3\n", encoding="utf-8")
    assert load() == {"harga": 3}  # fixed by the facilitator: no clear_cache needed
    assert len(reads) == 2


@pytest.mark.parametrize(("module", "loader"), [
    (fees, "load_fees"), (photo_rules, "load_rules"), (platform_rules, "load_rules"),
    (seasons, "load_seasons"),
])
def test_every_rules_file_uses_it(module, loader):
    load = getattr(module, loader)
    assert isinstance(load, CachedFile)
    assert module.clear_cache == load.clear_cache
    assert load() is load(load.default)
    module.clear_cache()
    assert load() is not None
