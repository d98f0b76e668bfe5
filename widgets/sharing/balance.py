"""What a split and its printed record both answer from their totals."""

from __future__ import annotations


class Balance:
    """What a split and its printed record both answer from ``total``, ``shared`` (to the
    members) and ``kept`` (set aside)."""

    total: int
    shared: int
    kept: int

    @property
    def is_loss(self) -> bool:
        return self.total < 0

    @property
    def balanced(self) -> bool:
        return self.shared + self.kept == self.total
