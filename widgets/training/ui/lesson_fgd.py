"""The FGD answer page on a participant's phone (``lessons/diskusi.ipynb``): the notebook's one
call. The page itself lives in ``training/ui/fgd_phone.py``."""

from __future__ import annotations

import ipywidgets as w

from widgets.store import Store
from widgets.training.ui import fgd_phone


def answer_page(store: Store | None = None) -> w.VBox:
    """Sign-in, then the question the trainer has open."""
    return fgd_phone.answer_page(store)
