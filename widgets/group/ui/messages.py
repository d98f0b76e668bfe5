"""Polite WhatsApp messages to partners: pick who, fill in the blanks, copy the text or open it
in WhatsApp (with the partner's number when it is typed)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.village import Village, load_village
from widgets.group.data import load_group_lesson
from widgets.group.messages import TEMPLATES, TemplateError, field_label, fill, whatsapp_link
from widgets.group.ui.parts import STYLE, copy_box, guard, tall
from widgets.ui.common import Field, button, notice_html


class MessageView(w.VBox):
    def __init__(self, village: Village | None = None, group: str | None = None) -> None:
        self.village = village or load_village()
        making = self.village.production_group()
        group = group or (making.key if making else "")
        self.partners = {p.kind: p for p in load_group_lesson(self.village).partners}
        self.group_name = self.village.group(group).name if group in self.village.groups else ""
        self.template = tall(Field(t("groupview.msg_template"), w.Dropdown(
            options=[(tpl.title, key) for key, tpl in TEMPLATES.items()]),
            css="uk-g-msg-template"))
        self.fields = {name: Field(field_label(name), w.Text(), css=f"uk-g-msg-{name}")
                       for tpl in TEMPLATES.values() for name in tpl.fields}
        self.phone = Field(t("groupview.msg_phone"), w.Text(placeholder="0812-3456-7890"),
                           t("groupview.msg_phone_hint"), css="uk-g-msg-phone")
        self.make = button(t("groupview.msg_make"), "primary")
        self.make.add_class("uk-g-msg-make")
        self.status = w.HTML()
        self.output = w.HTML()
        self.output.add_class("uk-g-msg-output")
        self.template.control.observe(lambda _c: self.load(), "value")
        self.make.on_click(lambda _b: self.build())
        super().__init__([w.HTML(STYLE), self.template, *self.fields.values(), self.phone,
                          self.make, self.status, self.output], layout=w.Layout(width="100%"))
        self.load()

    @guard("messages: load")
    def load(self) -> None:
        template = TEMPLATES[self.template.control.value]
        partner = self.partners.get(template.partner_kind)
        defaults = {"partner": partner.name if partner else "", "group": self.group_name,
                    "village": self.village.name}
        for name, field in self.fields.items():
            field.layout.display = "" if name in template.fields else "none"
            field.clear()
            if name in defaults and not field.control.value:
                field.control.value = defaults[name]
        if partner is not None:
            self.fields["partner"].control.value = partner.name
            self.phone.control.value = partner.phone
        self.output.value = self.status.value = ""

    @guard("messages: make")
    def build(self) -> None:
        template = TEMPLATES[self.template.control.value]
        self.phone.clear()
        values = {name: self.fields[name].control.value for name in template.fields}
        try:
            text = fill(template.key, values)
        except TemplateError as exc:
            for name in exc.missing:
                self.fields[name].error(t("groupview.msg_fill_this"))
            self.status.value = notice_html(str(exc), "error")
            return
        self.status.value = ""
        link = ""
        if self.phone.control.value.strip():
            try:
                link = whatsapp_link(self.phone.control.value, text)
            except TemplateError as exc:
                self.phone.error(str(exc))
        direct = (f'<p><a class="uk-g-msg-link" href="{escape(link)}" target="_blank" '
                  f'rel="noopener">{escape(t("groupview.msg_open_chat"))}</a></p>'
                  if link else "")
        self.output.value = copy_box(text, "uk-g-msg-text") + direct
