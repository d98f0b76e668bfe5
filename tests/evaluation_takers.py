"""A participant who takes the pre- and post-test with a chosen number of right answers, written
straight into a real store: shared by the report and aggregation tests."""

from __future__ import annotations

from widgets.core.village import load_village
from widgets.training import db


def take(store, form, name, pre_right, post_right, page="02-buku-kas"):
    """Sign ``name`` in on ``page`` and save the tests with so many right (None: not taken)."""
    session = store.sign_in(name, "1234")
    db.record_visit(session, page)
    db.save_profile(session, "konveksi", "P", tuple(load_village().groups))

    def answers_for(right):
        return {i.key: (i.answer if n < right else
                        (next(o.key for o in i.options if o.key != i.answer)
                         if i.kind == "choice" else i.answer + 1))
                for n, i in enumerate(form.items)}

    sure = {s.key: 3 for s in form.confidence}
    for phase, right in (("pre", pre_right), ("post", post_right)):
        if right is not None:
            db.save_test(session, form, phase, answers_for(right), sure)
    return session
