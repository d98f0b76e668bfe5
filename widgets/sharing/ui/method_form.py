"""The calculator's settings for the chosen method: one field per parameter the registry
(:mod:`widgets.sharing.methods`) describes, shown for the methods that use it, read into a
rule's parameters (each problem under its own field) and filled back from a saved rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import ipywidgets as w

from widgets.core.i18n import t
from widgets.core.money import AmountError
from widgets.sharing.methods import Method, form_params
from widgets.sharing.params import (
    Param,
    basis_label,
    cash_label,
    read_percent,
    set_aside_label,
    unit_label,
)
from widgets.sharing.shu import ALLOCATIONS
from widgets.sharing.split import SharingError
from widgets.ui.common import Field, plain_text

# The page template makes a select 44 px high for thumbs; its box must grow with it, and the
# remove button is too narrow for the template's button padding.
CALC_STYLE = (
    "<style>.uk-bh-remove{padding:0!important;min-width:40px!important;font-size:18px}"
    ".uk-bh-tall{height:auto!important;min-height:44px}</style>"
)
CHOICES = ("choice", "unit", "cash")


def tall(field: Field) -> Field:
    """A dropdown field whose box is as tall as the select inside it."""
    field.control.add_class("uk-bh-tall")
    field.control.layout.height = "auto"
    return field


def text_box(value: str = "", placeholder: str = "", css: str = "") -> w.Text:
    box = plain_text(w.Text(value=value, placeholder=placeholder, continuous_update=False))
    if css:
        box.add_class(css)
    return box


def css_class(key: str) -> str:
    """``equal_part`` -> ``uk-bh-equal-part``: the hook browser tests and styles use."""
    return "uk-bh-" + key.replace("_", "-")


def _field(param: Param) -> Any:
    """The input for one parameter: a Field, a tick box, or the SHU's fields by allocation."""
    css = css_class(param.field_key)
    if param.kind == "unit":
        return Field(t(param.label), w.ToggleButtons(
            options=[(unit_label(u), u) for u in param.choices], value=param.default), css=css)
    if param.kind == "choice":
        return tall(Field(t(param.label), w.Dropdown(
            options=[(basis_label(b), b) for b in param.choices], value=param.default),
            css=css))
    if param.kind == "cash":
        return tall(Field(t(param.label), w.Dropdown(
            options=[(cash_label(u), u) for u in param.choices], value=param.default),
            t(param.hint), css=css))
    if param.kind == "flag":
        box = w.Checkbox(value=bool(param.default), description=t(param.label), indent=False)
        box.add_class(css)
        return box
    if param.kind == "bylaws":
        start = param.start_text()
        fields = {key: Field(set_aside_label(key), text_box(start[key]),
                             css=f"uk-bh-bylaw-{key}") for key in ALLOCATIONS}
        for field in fields.values():
            field.layout = w.Layout(width="48%", min_width="140px", margin="0 2% 4px 0")
        return fields
    return Field(t(param.label), text_box(param.start_text(), param.placeholder()),
                 t(param.hint) if param.hint else "", css=css)


class MethodForm(w.VBox):
    """Every method's settings, one field each (methods sharing a parameter share its field);
    ``show`` leaves the chosen method's fields visible."""

    def __init__(self) -> None:
        self.params = form_params()
        self.fields: dict[str, Any] = {p.field_key: _field(p) for p in self.params}
        self.boxes: dict[str, w.Widget] = {}
        for param in self.params:
            field = self.fields[param.field_key]
            self.boxes[param.field_key] = (
                w.HBox(list(field.values()), layout=w.Layout(flex_flow="row wrap",
                                                             max_width="520px"))
                if isinstance(field, dict) else field)
        super().__init__(list(self.boxes.values()))

    def _fields(self) -> list[Field]:
        return [f for field in self.fields.values()
                for f in (field.values() if isinstance(field, dict) else [field])
                if isinstance(f, Field)]

    def controls(self) -> list[w.Widget]:
        """Every control whose change should recalculate."""
        return [f.control for f in self._fields()] + [
            f for f in self.fields.values() if isinstance(f, w.Checkbox)]

    def observe_all(self, handler: Callable) -> None:
        for control in self.controls():
            control.observe(handler, "value")

    def choices(self, method: Method) -> dict[str, Any]:
        """The method's choices (basis, work unit): they always read, and decide its columns."""
        return {p.key: self.fields[p.field_key].control.value
                for p in method.settings if p.kind in CHOICES}

    def show(self, method: Method) -> None:
        shown = {p.field_key for p in method.fields(self.choices(method))}
        for key, box in self.boxes.items():
            box.layout.display = "" if key in shown else "none"

    def clear(self) -> None:
        for field in self._fields():
            field.clear()

    def text(self, param: Param) -> str:
        return self.fields[param.field_key].control.value

    def read(self, method: Method) -> dict[str, Any]:
        """The method's parameters as a rule saves them; ``ValueError`` after showing each
        problem under its field."""
        params: dict[str, Any] = {}
        failed: list[str] = []
        for param in method.settings:
            field = self.fields[param.field_key]
            if param.kind == "bylaws":
                params[param.key] = _typed_each(field, read_percent, failed)
            elif param.kind == "flag":
                params[param.key] = bool(field.value)
            elif param.kind in CHOICES:
                params[param.key] = field.control.value
            else:
                params[param.key] = _typed_each({param.key: field}, param.read,
                                                failed).get(param.key)
        if failed:
            raise ValueError(", ".join(failed))
        return params

    def apply(self, method: Method, params: dict[str, Any]) -> None:
        """Put a saved rule's parameters into the fields (missing ones: their defaults)."""
        for param in method.settings:
            field = self.fields[param.field_key]
            if param.kind in CHOICES:
                # A rule saved without a work unit keeps the group's (days for goats…).
                value = params.get(param.key) if param.kind == "unit" else param.value(params)
                if value in param.choices:
                    field.control.value = value
            elif param.kind == "bylaws":
                for key, value in param.text(params.get(param.key, {})).items():
                    if key in field:
                        field[key].control.value = value
            elif param.kind == "flag":
                field.value = bool(param.value(params))
            else:
                field.control.value = param.text(param.value(params))


def _typed_each(fields: dict[str, Field], reader: Callable[[str], Any], failed: list[str]
                ) -> dict[str, Any]:
    """Each field's text read by ``reader``; a problem shows under its field and its key is
    added to ``failed``."""
    values = {}
    for key, field in fields.items():
        try:
            values[key] = reader(field.control.value)
        except (AmountError, SharingError) as exc:
            field.error(str(exc))
            failed.append(key)
    return values
