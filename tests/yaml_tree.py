"""Walking what a YAML or CSV file holds (mappings, lists and values inside each other), for
the tests that look through data files and catalogs."""

from __future__ import annotations

from collections.abc import Iterator


def nodes(tree: object) -> Iterator[object]:
    """``tree`` and everything inside it, depth first in file order: each mapping, list and
    value."""
    yield tree
    children = tree.values() if isinstance(tree, dict) else tree if isinstance(tree, list) else ()
    for child in children:
        yield from nodes(child)
