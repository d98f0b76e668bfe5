"""Lesson 5's exercise on where the goat group may sell live goats, checked on the server.

Plain Python, no ipywidgets. Which channels are allowed follows the live-animal rule in
``datasets/platform_rules.yaml`` (Meta's shops and catalogs refuse live animals); the ordinary
ways of promoting (posts, statuses, chats, groups, farm visits, qurban pre-orders) are open.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.promotion.checks import live_animal_channels
from widgets.promotion.platform_rules import PlatformRules, load_rules

GOAT_EXERCISE = "marketplace-kambing"
# Each choice: the shop listing it stands for in the rules file, or None for ordinary promotion.
GOAT_CHOICES: dict[str, str | None] = {
    "status": None,
    "group_chat": None,
    "catalog": "whatsapp_catalog",
    "fb_marketplace": "facebook_shop",
    "ig_shop": "facebook_shop",
    "farm_visit": None,
    "preorder": None,
}


@dataclass(frozen=True)
class GoatResult:
    correct: bool
    wrongly_chosen: tuple[str, ...]  # forbidden channels the participant picked
    missed: tuple[str, ...]  # allowed channels left out

    def messages(self) -> list[str]:
        if self.correct:
            return [t("promotionex.goat_correct")]
        lines = [t("promotionex.goat_forbidden", channel=t(f"promotionex.goat_{key}"))
                 for key in self.wrongly_chosen]
        lines += [t("promotionex.goat_missed", channel=t(f"promotionex.goat_{key}"))
                  for key in self.missed]
        return lines


def allowed_goat_channels(rules: PlatformRules | None = None) -> set[str]:
    open_listing = live_animal_channels(rules or load_rules())
    return {key for key, listing in GOAT_CHOICES.items()
            if listing is None or open_listing[listing]}


def check_goat_channels(chosen: Iterable[str], rules: PlatformRules | None = None
                        ) -> GoatResult:
    picked = {c for c in chosen if c in GOAT_CHOICES}
    allowed = allowed_goat_channels(rules)
    wrong = tuple(k for k in GOAT_CHOICES if k in picked and k not in allowed)
    missed = tuple(k for k in GOAT_CHOICES if k in allowed and k not in picked)
    return GoatResult(not wrong and not missed, wrong, missed)
