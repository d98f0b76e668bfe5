"""The promotion lessons' village data: the village's own hashtags (``hashtags`` in
``profile.yaml``), which the post composer suggests.

Plain Python, no ipywidgets. Checked once per village: a tag that is not ``#`` and letters or
digits raises ``DataError`` naming ``profile.yaml`` and the item. The platforms' rules, photo
rules and seasons are shared by every village and have their own loaders (``platform_rules``,
``photo_rules``, ``seasons``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from widgets.core.datafile import DataError, need_list
from widgets.core.village import PROFILE, Village, per_village

HASHTAG = re.compile(r"#\w+")


@dataclass(frozen=True)
class PromotionData:
    village: Village
    hashtags: tuple[str, ...]


@per_village
def load_promotion(village: Village) -> PromotionData:
    """The promotion data of ``village`` (default: the kit's village), read once per village."""
    return PromotionData(village, _hashtags(village.profile.get("hashtags")))


def clear_cache() -> None:
    load_promotion.cache_clear()


def _hashtags(raw: Any) -> tuple[str, ...]:
    if not raw:
        return ()
    tags = []
    for i, tag in enumerate(need_list(PROFILE, raw, "hashtags"), start=1):
        if not HASHTAG.fullmatch(str(tag)):
            raise DataError(PROFILE, "not_hashtag", column=f"hashtags[{i}]", value=tag)
        tags.append(str(tag))
    return tuple(tags)
