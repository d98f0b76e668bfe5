"""Helpers for the lecture decks in ``slides/``: live or static mode, how phones join (hotspot,
address, QR code), the 2-day agenda and the village's groups. Plain Python, no ipywidgets.

Every figure a deck shows is read from the village data, so another village's decks show its
own groups and products; the per-lesson figures are in :mod:`widgets.training.figures`. A deck
cell calls one ``show_*`` function, which displays projector-sized HTML.
"""

from __future__ import annotations

import base64
import re
import subprocess
from html import escape

from IPython.display import HTML, display

from widgets.core import settings
from widgets.core.i18n import t
from widgets.core.village import load_village

# ``make slides`` runs the decks with this set, so live parts show a static table instead.
STATIC_ENV = settings.SLIDES.name
HOTSPOT_ENV = settings.HOTSPOT.name
# Lessons on day 1 until this many minutes are planned; the rest go to day 2.
DAY_MINUTES = 360
# Ubuntu's hotspot hands out 10.42.0.x; home routers 192.168.x.x; docker bridges 172.17.x.x.
_PREFERRED = ("10.42.", "192.168.", "10.", "172.")


def is_static() -> bool:
    """True while ``make slides`` builds the offline decks (no live widgets there)."""
    return settings.slides_static()


def show(html: str) -> None:
    display(HTML(html))


def heading(text: str, level: int = 2) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


def bullets(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def source_note(text: str) -> str:
    return f"<p class='uk-source'>{escape(text)}</p>"


# --- The village and its groups ---------------------------------------------------------------


def village_line() -> str:
    v = load_village()
    return t("slides.village_line", village=v.name, district=v.district, regency=v.regency)


def title_html(subtitle: str) -> str:
    return (heading(t("slides.kit_name"), 1) + f"<p class='uk-big'>{escape(subtitle)}</p>"
            + f"<p>{escape(village_line())}</p>")


def show_title(subtitle: str) -> None:
    show(title_html(subtitle))


def groups_html() -> str:
    """Each group: what it does and its first products with their prices."""
    from widgets.core.money import format_rupiah

    parts = [heading(t("slides.groups_heading"))]
    for group in load_village().groups.values():
        products = ", ".join(f"{p.name} ({format_rupiah(p.price)}/{p.unit})"
                             for p in group.products[:3])
        members = t("slides.members", count=len(group.members))
        parts.append(f"<h3>{escape(group.name)}</h3><p>{escape(group.activity)}.<br>"
                     f"<span class='uk-muted'>{escape(members)} · {escape(products)}</span></p>")
    parts.append(source_note(t("slides.invented_note")))
    return "".join(parts)


def show_groups() -> None:
    show(groups_html())


# --- The agenda -------------------------------------------------------------------------------


def agenda_days() -> list[list[tuple[str, int]]]:
    """The lessons of ``lessons/lessons.yaml`` split into two days: (title, minutes)."""
    from widgets.kit.lessons import load_lessons

    days: list[list[tuple[str, int]]] = [[], []]
    used = 0
    for lesson in load_lessons():
        day = 0 if used + lesson.minutes <= DAY_MINUTES and not days[1] else 1
        days[day].append((lesson.text("title"), lesson.minutes))
        used += lesson.minutes
    return days


def agenda_html() -> str:
    rows = []
    for number, lessons in enumerate(agenda_days(), start=1):
        items = [t("slides.agenda_opening")] if number == 1 else []
        items += [t("slides.agenda_lesson", title=title.split(":")[0], minutes=minutes)
                  for title, minutes in lessons]
        if number == 2:
            items.append(t("slides.agenda_closing"))
        rows.append(f"<div style='flex:1'>{heading(t('slides.day', number=number), 3)}"
                    f"{bullets(items)}</div>")
    return (heading(t("slides.agenda_heading"))
            + f"<div style='display:flex;gap:40px'>{''.join(rows)}</div>")


def show_agenda() -> None:
    show(agenda_html())


# --- How phones join --------------------------------------------------------------------------


def _rank(address: str) -> int:
    for rank, prefix in enumerate(_PREFERRED):
        if address.startswith(prefix):
            return rank
    return len(_PREFERRED)


def join_address() -> str | None:
    """``http://<laptop's LAN address>:<port>/``: the address phones open, or None when the
    laptop has no network (no hotspot on). The port is the one this deck was served on."""
    from widgets.kit.server import lan_addresses

    port = settings.served_port()
    addresses = sorted(lan_addresses(), key=_rank)
    return f"http://{addresses[0]}:{port}/" if addresses else None


def hotspot_name() -> str | None:
    """The hotspot's name: ``USAHA_KITA_HOTSPOT``, else the active Wi-Fi network NetworkManager
    reports (Linux), else None (the slide then says where to read it)."""
    name = settings.hotspot()
    if name:
        return name
    try:
        out = subprocess.run(["nmcli", "-t", "-f", "ACTIVE,SSID", "device", "wifi"],
                             capture_output=True, text=True, timeout=3).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        active, _, ssid = line.partition(":")
        if active == "yes" and ssid.strip():
            return ssid.replace("\\:", ":").strip()
    return None


def qr_svg(text: str) -> str:
    """The QR code of ``text`` as SVG (black on white, scalable)."""
    import qrcode
    from qrcode.image.svg import SvgPathImage

    image = qrcode.make(text, image_factory=SvgPathImage, border=2)
    return re.sub(r"<\?xml[^>]*\?>", "", image.to_string(encoding="unicode"))


def qr_img(text: str) -> str:
    """An ``<img>`` of the QR code: an untrusted notebook's HTML output loses inline SVG, but
    keeps an image given as a data address."""
    data = base64.b64encode(qr_svg(text).encode()).decode()
    return (f"<img class='uk-qr' alt='{escape(t('slides.qr_alt', address=text))}' "
            f"src='data:image/svg+xml;base64,{data}'>")


def join_html() -> str:
    address = join_address()
    hotspot = hotspot_name()
    steps = [t("slides.join_wifi", name=hotspot) if hotspot else t("slides.join_wifi_unknown"),
             t("slides.join_open"), t("slides.join_signin")]
    body = "<ol>" + "".join(f"<li>{escape(s)}</li>" for s in steps) + "</ol>"
    if address:
        body += f"<p class='uk-address'>{escape(address)}</p>"
        qr = qr_img(address)
    else:
        body += f"<p class='uk-address'>{escape(t('slides.join_no_network'))}</p>"
        qr = ""
    if is_static():
        body += source_note(t("slides.join_static_note"))
    return heading(t("slides.join_heading")) + f"<div class='uk-join'><div>{body}</div>{qr}</div>"


def show_join() -> None:
    show(join_html())
