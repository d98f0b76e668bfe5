"""What the sharing comparison reads: the members, the total and the cash unit. The lesson's
calculator fills it from its form; a lecture slide fills it from the village data
(``widgets.training.figures``). Plain traitlets, no widgets."""

from __future__ import annotations

import traitlets


class Inputs(traitlets.HasTraits):
    """What the calculator's form holds right now (only when it reads without errors)."""

    group_key = traitlets.Unicode("")
    group_name = traitlets.Unicode("")
    members = traitlets.List()  # Contribution
    total = traitlets.Int(None, allow_none=True)
    unit = traitlets.Unicode("hari")
    cash_unit = traitlets.Int(1)  # shares rounded down to this (1: not rounded)
    revision = traitlets.Int(0)
