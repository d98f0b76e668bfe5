"""The photo checker's rules from ``datasets/photo_rules.yaml``: each platform's smallest photo
(with ``as_of`` and ``source``) and the kit's own thresholds, checked on load.

Plain Python, no ipywidgets and no image libraries: a lesson page reads these when it opens,
while Pillow and numpy (``widgets.promotion.photo``) are loaded only when a photo arrives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from widgets.core.datafile import Cells, DataError, cached_file, need_mapping, read_yaml
from widgets.core.village import DATASETS_DIR

RULES_FILE = DATASETS_DIR / "photo_rules.yaml"
PLATFORMS = ("whatsapp", "tiktok_tokopedia")
MEGABYTE = 1024 * 1024


# --- Rules ----------------------------------------------------------------------------------


class PhotoDataError(DataError):
    """A problem in ``photo_rules.yaml`` whose text lives in ``widgets/locale/photo.yaml``."""

    section = "photo"


@dataclass(frozen=True)
class Platform:
    key: str
    name: str
    min_width: int
    min_height: int
    min_photos: int  # 0 where the platform names no count
    as_of: dt.date
    source: str


@dataclass(frozen=True)
class KitRules:
    """The kit's own heuristics (see the comments in the data file)."""

    max_bytes: int
    max_pixels: int
    too_dark: int
    too_bright: int
    measure_side: int
    blurry_below: int
    square_tolerance_percent: int
    crop_up_to_percent: int
    square_side: int
    max_upscale_percent: int
    brighten_to: int
    jpeg_quality: int
    preview_side: int


@dataclass(frozen=True)
class PhotoRules:
    platforms: Mapping[str, Platform]
    kit: KitRules


# Allowed range of each kit number: a typo in the data file stops the kit with a message.
_KIT_RANGES = {
    "max_upload_mb": (1, 100), "max_megapixels": (1, 150), "too_dark": (0, 254),
    "too_bright": (1, 255), "measure_side": (100, 4000), "blurry_below": (0, 100_000),
    "square_tolerance_percent": (0, 100), "crop_up_to_percent": (0, 100),
    "square_side": (100, 4000), "max_upscale_percent": (100, 1000), "brighten_to": (1, 254),
    "jpeg_quality": (30, 95), "preview_side": (32, 1080),
}


@cached_file(RULES_FILE)
def load_rules(path: Path) -> PhotoRules:
    """The photo rules (default ``datasets/photo_rules.yaml``), checked; cached per path."""
    data = read_yaml(path)
    file = path.name
    raw = need_mapping(file, data.get("platforms"), "platforms")
    platforms = {key: _platform(file, key, need_mapping(file, raw.get(key), f"platforms.{key}"))
                 for key in PLATFORMS}
    return PhotoRules(platforms, _kit(file, need_mapping(file, data.get("kit"), "kit")))


clear_cache = load_rules.clear_cache


def _platform(file: str, key: str, raw: Mapping[str, Any]) -> Platform:
    cells = Cells(file, None, raw, f"platforms.{key}.")
    photos = cells.integer("min_photos", minimum=1) if raw.get("min_photos") is not None else 0
    return Platform(key, cells.text("name"), cells.integer("min_width", minimum=1),
                    cells.integer("min_height", minimum=1), photos, cells.date("as_of"),
                    " ".join(cells.text("source").split()))


def _kit(file: str, raw: Mapping[str, Any]) -> KitRules:
    cells = Cells(file, None, raw, "kit.")
    cells.date("as_of"), cells.text("source")  # the kit's thresholds are dated too
    values = {}
    for key, (low, high) in _KIT_RANGES.items():
        values[key] = cells.integer(key)
        if not low <= values[key] <= high:
            raise PhotoDataError(file, "data_range", column=f"kit.{key}", value=values[key],
                                 low=low, high=high)
    if values["too_dark"] >= values["too_bright"]:
        raise PhotoDataError(file, "data_order", column="kit.too_dark", value=values["too_dark"],
                             high=values["too_bright"])
    mb, mp = values.pop("max_upload_mb"), values.pop("max_megapixels")
    return KitRules(max_bytes=mb * MEGABYTE, max_pixels=mp * 1_000_000, **values)
