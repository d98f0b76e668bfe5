"""The FGD answer page a participant opens on a phone (``lessons/diskusi.ipynb``)."""

from __future__ import annotations

import ipywidgets as w

from widgets.store import Store
from widgets.training.ui.fgd_phone import AnswerView
from widgets.ui.common import PAGE
from widgets.ui.signin import SignInView, shared_store


def answer_page(store: Store | None = None) -> w.VBox:
    """Sign-in, then the current question (what ``lessons/diskusi.ipynb`` shows)."""
    store = store or shared_store()
    view = AnswerView(store)
    signin = SignInView(store, on_signed_in=view.signed_in, page="diskusi")
    if PAGE.session is not None:
        view.signed_in(PAGE.session)
    return w.VBox([signin, view], layout=w.Layout(width="100%"))
