"""Usaha Kita benchmark: the kit's server against stock Voila and a bare notebook.

``python -m bench.run`` (what ``make bench`` runs) starts every server itself, on loopback
only, and writes its figures to ``artifacts/bench.json``.
"""
