"""The trainer's *Desa* tab: the villages on this laptop, which one the kit serves, and how to
serve another (``training.villages``)."""

from __future__ import annotations

from html import escape
from pathlib import Path

import ipywidgets as w

from widgets.core import settings
from widgets.core.i18n import t
from widgets.core.theme import CARD_BORDER, GAIN, LOSS
from widgets.training.villages import VillageEntry, served_is_missing, villages_on_laptop
from widgets.ui.common import button, guard, notice_html, section


def village_card(entry: VillageEntry) -> str:
    """One village as a card: name and place, its groups, and whether the kit serves it."""
    title = escape(entry.name or entry.key)
    status = (f'<b style="color:{GAIN}">{escape(t("villages.served"))}</b>' if entry.served
              else escape(t("villages.not_served")))
    lines = [f"<b>{title}</b> · {escape(t('villages.folder', folder=entry.key))}", status]
    if entry.problem:
        lines.append(f'<span style="color:{LOSS}">{escape(t("villages.broken"))} '
                     f"{escape(entry.problem)}</span>")
    else:
        lines += [escape(entry.place),
                  escape(t("villages.groups", count=len(entry.groups),
                           names=", ".join(entry.groups)))]
    border = GAIN if entry.served else CARD_BORDER
    return (f'<div class="uk-village" style="border:2px solid {border};border-radius:8px;'
            f'padding:8px 12px;margin:6px 0;overflow-wrap:anywhere">'
            + "<br>".join(lines) + "</div>")


def villages_html(entries: list[VillageEntry], served: str) -> str:
    parts = [village_card(entry) for entry in entries]
    if served_is_missing(entries):
        parts.insert(0, notice_html(t("villages.missing", folder=served), "error"))
    return "".join(parts)


def how_to_switch_html() -> str:
    steps = [t("villages.switch_stop"), t("villages.switch_make"), t("villages.switch_python")]
    items = "".join(f"<li style='overflow-wrap:anywhere'>{escape(s)}</li>" for s in steps)
    return (f"<p>{escape(t('villages.switch_intro'))}</p><ol>{items}</ol>"
            f"<p>{escape(t('villages.check_hint'))}</p>")


class VillagesView(w.VBox):
    def __init__(self, root: Path | None = None) -> None:
        self.root = root  # the folder of village folders (default: the kit's datasets/)
        self.list = w.HTML()
        self.status = w.HTML()
        self.refresh = button(t("villages.refresh"))
        self.refresh.add_class("uk-villages-refresh")
        self.refresh.on_click(self.show)
        super().__init__([section(t("villages.heading")), self.list, self.refresh,
                          self.status, section(t("villages.switch_heading")),
                          w.HTML(how_to_switch_html())])
        self.add_class("uk-villages")
        self.show()

    @guard("listing the villages", "villages.failed", target="status")
    def show(self, _button=None) -> None:
        served = settings.village()
        self.list.value = villages_html(villages_on_laptop(self.root, served), served)
