"""``python -m usaha_kita <command>``: the kit's commands on any laptop, with or without make.

The commands live in :mod:`widgets.kit.cli`; this name is what a trainer types.
"""
