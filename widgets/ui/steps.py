"""A lesson page in steps: the marker a lesson notebook shows so the page template splits it.

A long lesson is one notebook; the page template's script (``uk-steps`` in
``share/jupyter/voila/templates/usaha/index.html.j2``) shows one ``## `` section at a time, with
"Langkah 2 dari 9", a contents list, back and next buttons and an address per step
(``#langkah-3``). It acts only on a page that holds this marker, and takes its words from the
marker's ``data-*`` attributes, so they come from the message catalog like every other text.
"""

from __future__ import annotations

from html import escape

from IPython.display import HTML, display

from widgets.core.i18n import t

HOME = "./00-beranda.ipynb"  # the home page, beside the lessons (widgets/ui/home.py)


def steps_marker_html() -> str:
    """The hidden element that turns the page into steps, with the navigation's texts."""
    texts = {
        "counter": t("steps.counter", n="{n}", total="{total}"),
        "contents": t("steps.contents"),
        "previous": t("steps.previous"),
        "next": t("steps.next"),
        "home": t("steps.home"),
        "show_all": t("steps.show_all"),
        "all": t("steps.all"),
    }
    data = " ".join(f'data-uk-{key}="{escape(value)}"' for key, value in texts.items())
    return f'<div class="uk-steps-marker" hidden {data} data-uk-home-href="{HOME}"></div>'


def lesson_steps() -> None:
    """Show the marker (a lesson notebook's first code cell)."""
    display(HTML(steps_marker_html()))
