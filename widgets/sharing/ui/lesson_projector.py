"""Lesson 3 on the projector (``lessons/proyektor-bagi-hasil.ipynb``): the FGD comparison and the
feed roster in the projector layout (full width, big type, no sign-in box); the comparison on a
lecture slide (``slides/04-bagi-hasil.ipynb``)."""

from __future__ import annotations

import ipywidgets as w

from widgets.core.i18n import t
from widgets.sharing.inputs import Inputs
from widgets.sharing.ui.calculator import SharingCalculator
from widgets.sharing.ui.compare import ComparisonView
from widgets.sharing.ui.lesson import roster_html
from widgets.ui.projector import projector


def projector_comparison() -> w.VBox:
    """Lesson 3's FGD comparison in the projector layout (``lessons/proyektor-bagi-hasil.ipynb``):
    the methods side by side first, the group's numbers to change under it."""
    calculator = SharingCalculator()
    numbers = w.Accordion([calculator], selected_index=None)
    numbers.set_title(0, t("lesson3.projector_numbers"))
    return projector(w.VBox([ComparisonView(intro="lesson3.compare_intro_alone"), numbers]),
                     t("lesson3.projector_title"))


def projector_roster() -> w.VBox:
    """The feed roster, member by member, in the projector layout."""
    return projector(w.HTML(roster_html()))


def slide_comparison(inputs: Inputs) -> ComparisonView:
    """The FGD comparison of ``inputs`` (the village's group) made to fit a 1280x720 slide:
    compact, with no word of a calculator above."""
    return ComparisonView(inputs, intro="lesson3.compare_intro_alone", compact=True)
