"""The villages on this laptop (every folder of ``datasets/`` with a ``profile.yaml``) and the
one the kit serves (``USAHA_KITA_VILLAGE``), for the trainer page. Plain Python, no ipywidgets.

A folder whose profile cannot be read is listed with the loader's message (file, row, column),
so the trainer sees why; its other files are checked by ``python -m usaha_kita check-village``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from widgets.core import settings
from widgets.core.datafile import SLUG, DataError
from widgets.core.village import DATASETS_DIR, PROFILE, load_village


@dataclass(frozen=True)
class VillageEntry:
    key: str  # the folder's name, as USAHA_KITA_VILLAGE names it
    name: str  # the village's name from its profile ("" when the profile is broken)
    place: str  # kecamatan, kabupaten, provinsi
    groups: tuple[str, ...]  # the groups' names
    served: bool
    problem: str | None = None  # the profile's first mistake, in Indonesian


def villages_on_laptop(root: Path | None = None, served: str | None = None
                       ) -> list[VillageEntry]:
    """Every village folder under ``root`` (default: the kit's ``datasets/``), by name; the
    one ``served`` (default: the kit's village) marked."""
    root = root or DATASETS_DIR
    served = served or settings.village()
    folders = sorted(p.name for p in root.iterdir()
                     if (p / PROFILE).is_file() and SLUG.fullmatch(p.name))
    return [_entry(key, root, key == served) for key in folders]


def _entry(key: str, root: Path, served: bool) -> VillageEntry:
    try:
        village = load_village(key, root)
    except DataError as exc:
        return VillageEntry(key, "", "", (), served, exc.text("id"))
    place = ", ".join(p for p in (village.district, village.regency, village.province) if p)
    return VillageEntry(key, village.name, place,
                        tuple(g.name for g in village.groups.values()), served)


def served_is_missing(entries: list[VillageEntry]) -> bool:
    """The kit names a village that is not on this laptop (the lessons then fail to load)."""
    return not any(entry.served for entry in entries)
