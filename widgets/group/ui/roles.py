"""The group's roles: each role's duties, who holds it (from the village profile, changeable
here), and the role cards to print."""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.theme import CARD_BORDER
from widgets.core.village import Village, load_village
from widgets.group.data import member_names, role_holders
from widgets.group.roles import ROLE_KEYS, cards_html, roles
from widgets.group.ui.parts import STYLE, a4_download, group_field, guard, tall
from widgets.ui.common import Field, button


def roles_html() -> str:
    """Every role with its duties, as the lesson shows them."""
    cards = []
    for item in roles():
        duties = "".join(f"<li>{escape(d)}</li>" for d in item.duties)
        cards.append(f"<div style='flex:1 1 240px;background:#fff;border:2px solid {CARD_BORDER};"
                     f"border-radius:10px;padding:8px 12px'><h4 style='margin:4px 0'>"
                     f"{escape(item.title)}</h4><p style='margin:2px 0'><i>"
                     f"{escape(item.summary)}</i></p><ol style='padding-left:20px;margin:4px 0'>"
                     f"{duties}</ol></div>")
    return ("<div class='uk-g-roles' style='display:flex;flex-wrap:wrap;gap:10px'>"
            f"{''.join(cards)}</div>")


class RoleCards(w.VBox):
    def __init__(self, village: Village | None = None) -> None:
        self.village = village or load_village()
        self.group = group_field(self.village, "uk-g-roles-group")
        self.holders = {key: tall(Field(t(f"group.role_{key}"), w.Dropdown(),
                                        css=f"uk-g-holder-{key}")) for key in ROLE_KEYS}
        self.make = button(t("groupview.cards_make"), "primary")
        self.make.add_class("uk-g-cards-make")
        self.status = w.HTML()
        self.output = w.HTML()
        self.output.add_class("uk-g-cards")
        self.group.control.observe(lambda _c: self.load(), "value")
        self.make.on_click(lambda _b: self.build())
        super().__init__([w.HTML(STYLE), self.group, *self.holders.values(), self.make,
                          self.status, self.output], layout=w.Layout(width="100%"))
        self.load()

    @guard("roles: load")
    def load(self) -> None:
        key = self.group.control.value
        names, holders = member_names(self.village, key), role_holders(self.village, key)
        for role, field in self.holders.items():
            field.control.options = ["", *names]
            field.control.value = holders.get(role, "")
        self.output.value = ""

    @guard("roles: cards")
    def build(self) -> None:
        group = self.village.group(self.group.control.value)
        holders = {role: field.control.value for role, field in self.holders.items()}
        self.output.value = a4_download("uk-g-cards-download", "kartu-tugas", group.name,
                                        dt.date.today(), cards_html(holders, group.name))
