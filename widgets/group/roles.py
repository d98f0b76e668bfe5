"""The group's roles (*pengurus*): ketua, sekretaris, bendahara and humas/pemasaran, each with
its duties, and a printable A4 card per role to hand to the member who holds it. Plain Python,
no ipywidgets. The duties are the catalog's (``group.duty_<role>_<n>``), so a facilitator reads
and changes them in one place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from widgets.core.i18n import t
from widgets.group.printout import a4_page, text

ROLE_KEYS = ("ketua", "sekretaris", "bendahara", "humas")
DUTIES = 4  # duties per role in the catalog


@dataclass(frozen=True)
class Role:
    key: str
    title: str
    summary: str
    duties: tuple[str, ...]
    lesson: str  # where in the kit the role's tools are


def role(key: str) -> Role:
    if key not in ROLE_KEYS:
        raise KeyError(f"no role {key!r}; roles are {', '.join(ROLE_KEYS)}")
    return Role(key, t(f"group.role_{key}"), t(f"group.summary_{key}"),
                tuple(t(f"group.duty_{key}_{n}") for n in range(1, DUTIES + 1)),
                t(f"group.tools_{key}"))


def roles() -> list[Role]:
    return [role(key) for key in ROLE_KEYS]


def card_body(item: Role, holder: str = "", group: str = "") -> str:
    duties = "".join(f"<li>{text(d)}</li>" for d in item.duties)
    who = text(holder) if holder else "&nbsp;" * 40
    return (f'<div class="ukg-card"><h1>{text(item.title.upper())}</h1>'
            f'<p class="ukg-sub">{text(group)}</p>'
            f'<p class="ukg-big">{text(t("group.card_holder"))}: {who}</p>'
            f"<p><i>{text(item.summary)}</i></p>"
            f"<h2>{text(t('group.card_duties'))}</h2><ol>{duties}</ol>"
            f"<p>{text(t('group.card_tools', tools=item.lesson))}</p>"
            f'<p class="ukg-foot">{text(t("group.card_footer"))}</p></div>')


def cards_html(holders: Mapping[str, str], group: str,
               keys: Sequence[str] = ROLE_KEYS) -> str:
    """One A4 file with a card for each role in ``keys`` (two cards fit on a page)."""
    body = "".join(card_body(role(k), holders.get(k, ""), group) for k in keys)
    return a4_page(f"{t('group.card_title')} · {group}", body)
