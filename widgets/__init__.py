"""Usaha Kita: the kit's Python package.

Plain modules (money, ledger, store, village, i18n) hold the calculations and never import
ipywidgets; ``widgets.ui`` holds the thin ipywidgets views over them.
"""

__version__ = "0.1.0"
