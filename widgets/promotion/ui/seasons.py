"""The promotion season calendar view: a group filter and one card per coming season (its date,
how far away it is, the preparation steps with their dates, the step due now and the source).

A thin view over ``promotion.seasons``; ``today`` is injectable so tests and a trainer's rehearsal
can pin the day. Cards are plain HTML, one column, readable on a 360 px phone.
"""

from __future__ import annotations

import datetime as dt
from html import escape

import ipywidgets as w

from widgets.core import i18n
from widgets.core.datafile import DataError
from widgets.core.i18n import format_date, t
from widgets.core.theme import ACCENT, HEADING, HIGHLIGHT, MUTED
from widgets.core.village import load_village
from widgets.promotion import seasons
from widgets.promotion.seasons import PlanStep, SeasonData, SeasonDate
from widgets.ui.common import COLORS, Field, notice_html

ALL = "semua"
CARD_STYLE = (f"background:#fff;border-left:4px solid {ACCENT};border-radius:6px;"
              "padding:10px 12px;margin:0 0 12px;max-width:520px;box-sizing:border-box;"
              "overflow-wrap:anywhere;font-size:16px;line-height:1.4")


def countdown(days: int) -> str:
    """How far away: "dalam 12 minggu (84 hari)", "dalam 3 hari", "besok", "2 hari yang lalu"."""
    if days >= 14:
        return t("seasons.in_weeks", weeks=days // 7, days=days)
    if days > 1:
        return t("seasons.in_days", days=days)
    if days in (1, 0, -1):
        return t({1: "seasons.tomorrow", 0: "seasons.today", -1: "seasons.yesterday"}[days])
    return t("seasons.days_ago", days=-days)


def step_when(step: PlanStep) -> str:
    """When a step falls: "8 minggu sebelum", "hari H", "3 hari sesudah"."""
    after = step.days_after
    if after is not None:
        return t("seasons.one_day_after") if after == 1 else t("seasons.days_after", days=after)
    weeks = step.weeks_before or 0
    if weeks == 0:
        return t("seasons.on_the_day")
    return t("seasons.one_week_before") if weeks == 1 else t("seasons.weeks_before", weeks=weeks)


def group_name(group: str) -> str:
    """A group kind's label: the catalog's word for the kit's own kind (Ternak), else the kind
    as the profile writes it, capitalised (Konveksi, Makanan)."""
    try:
        return t(f"seasons.group_{group}")
    except KeyError:
        return group.replace("_", " ").replace("-", " ").capitalize()


def _steps_html(item: SeasonDate) -> str:
    rows = []
    for index, step in enumerate(item.steps):
        text = (f'<span class="uk-cal-step-date" style="font-weight:600">'
                f"{escape(format_date(step.day))}</span> ({escape(step_when(step.plan))}): "
                f"{escape(i18n.local(step.plan.text))}")
        if index == item.current:
            css, style = "uk-cal-step uk-cal-step-now", f"background:{HIGHLIGHT};font-weight:600"
        elif item.current is not None and index < item.current:
            css, style = "uk-cal-step uk-cal-step-past", f"color:{MUTED}"
        else:
            css, style = "uk-cal-step", ""
        rows.append(f'<li class="{css}" style="margin:0 0 6px;padding:2px 4px;{style}">'
                    f"{text}</li>")
    return (f'<div style="font-weight:600;margin-top:8px">{escape(t("seasons.steps_title"))}'
            f'</div><ol class="uk-cal-steps" style="padding-left:22px;margin:4px 0">'
            f'{"".join(rows)}</ol>')


def _now_html(item: SeasonDate) -> str:
    step = item.current_step
    if step is None:
        first = item.steps[0]
        text = t("seasons.starts", date=format_date(first.day),
                 text=i18n.local(first.plan.text))
    else:
        text = t("seasons.now", text=i18n.local(step.plan.text))
    return (f'<div class="uk-cal-now" style="background:{HIGHLIGHT};border-radius:4px;'
            f'padding:6px 8px;margin:6px 0;font-weight:600">{escape(text)}</div>')


def card_html(item: SeasonDate, group: str | None = None,
              kinds: list[str] | None = None) -> str:
    """One season as a card; with ``group`` only that group kind's products are listed, else
    those of ``kinds`` (default: every kind the season lists)."""
    season = item.season
    name = " ".join(part for part in (i18n.local(season.name), item.label) if part)
    if item.estimate:
        note = i18n.local(season.note) if season.note else ""
        kind = (f'<div class="uk-cal-estimate" style="color:{COLORS["warn"]}">'
                f'⚠ <b>{escape(t("seasons.estimate"))}.</b> {escape(note)}</div>')
    else:
        kind = f'<div class="uk-cal-fixed" style="color:{MUTED}">{escape(t("seasons.fixed"))}</div>'
    products = "".join(
        f'<div class="uk-cal-products">'
        f'{escape(t("seasons.products", group=group_name(key), products=i18n.local(texts)))}'
        f"</div>"
        for key, texts in season.products.items()
        if (key == group if group is not None else kinds is None or key in kinds))
    source = t("seasons.source", source=season.source, as_of=format_date(season.as_of))
    return (
        f'<div class="uk-cal-card" data-season="{escape(season.key)}" style="{CARD_STYLE}">'
        f'<div class="uk-cal-name" style="font-weight:700;font-size:18px;color:{HEADING}">'
        f"{escape(name)}</div>"
        f'<div class="uk-cal-date"><b>{escape(format_date(item.day))}</b> · '
        f'<span class="uk-cal-countdown">{escape(countdown(item.days_until))}</span></div>'
        f"{kind}{products}{_now_html(item)}{_steps_html(item)}"
        f'<div class="uk-cal-source" style="color:{MUTED};font-size:14px;margin-top:6px">'
        f"{escape(source)}</div></div>"
    )


def calendar_html(items: list[SeasonDate], group: str | None = None,
                  horizon_days: int = seasons.DEFAULT_HORIZON_DAYS,
                  kinds: list[str] | None = None) -> str:
    """The cards; with no ``group``, only seasons with a product of ``kinds`` (the village's
    group kinds; default: all)."""
    if group is None and kinds is not None:
        items = [i for i in items if any(k in kinds for k in i.season.products)]
    if not items:
        return notice_html(t("seasons.none", days=horizon_days), "info")
    cards = "".join(card_html(item, group, kinds) for item in items)
    return f'<div class="uk-cal-list">{cards}</div>'


class SeasonCalendarView(w.VBox):
    """The filter (Semua, then each group kind of the village: Konveksi / Ternak in Jepara; the
    first kind at first) above the cards of the coming seasons."""

    def __init__(self, today: dt.date | None = None, data: SeasonData | None = None,
                 horizon_days: int = seasons.DEFAULT_HORIZON_DAYS) -> None:
        self.today = today or dt.date.today()
        self.data = data or seasons.load_seasons()
        self.horizon_days = horizon_days
        village = load_village()
        self.kinds = village.kinds()
        # A season's steps are the village's (seasons.yaml may write a list per group kind).
        self.village_kinds = village.kinds(seasons=True)
        # A kind's button shows its groups' extra season codes too (ternak: also kurban).
        self.codes = {kind: [kind, *(c for g in village.groups_of_kind(kind) for c in g.seasons)]
                      for kind in self.kinds}
        options = [(t("seasons.filter_all"), ALL)] + [(group_name(g), g) for g in self.kinds]
        # One group at first: both at once were 8 phone screens of cards.
        self.filter = Field(t("seasons.filter_label"),
                            w.ToggleButtons(options=options, value=self.kinds[0]),
                            css="uk-cal-filter")
        self.cards = w.HTML()
        self.cards.add_class("uk-cal-cards")
        self.filter.control.observe(self.update, "value")
        intro = w.HTML(f'<p style="margin:0 0 8px">{escape(t("seasons.intro"))}</p>')
        super().__init__([intro, self.filter, self.cards])
        self.add_class("uk-cal")
        self.update()

    @property
    def group(self) -> str | None:
        value = self.filter.control.value
        return None if value == ALL else value

    def update(self, _change=None) -> None:
        codes = self.codes[self.group] if self.group else [c for k in self.kinds
                                                            for c in self.codes[k]]
        items = self.data.upcoming(self.today, None, self.horizon_days, self.village_kinds)
        self.cards.value = calendar_html(items, None, self.horizon_days, codes)


def season_calendar(today: dt.date | None = None) -> w.Widget:
    """The lesson cell's call: the calendar, or a plain message when the data file is broken."""
    try:
        data = seasons.load_seasons()
    except DataError as exc:
        return w.HTML(notice_html(f"{t('seasons.broken')} {exc.text()}", "error"))
    return SeasonCalendarView(today=today, data=data)
