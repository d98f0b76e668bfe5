"""Two doors of Voila's web app the kit closes (security findings 8d and 8e of issue 13).

* ``/voila/tree`` listed the lessons folder, the one page that loaded Font Awesome from the
  internet; the kit's root opens the home notebook instead, so the tree answers 404.
* Voila's template static handler answered 500 to a path that left its template's
  ``static/`` folder (``/voila/templates/lab/static/../../x``): it unpacked the normalised path
  with ``assert``. Such a path now answers 404 before Voila looks at it.

Imported by :mod:`widgets.kit.server` when it builds the app (tornado and Voila load late).
"""

from __future__ import annotations

import posixpath
import re

import tornado.web
from voila.static_file_handler import TemplateStaticFileHandler

_TEMPLATE = re.compile(r"[A-Za-z0-9_-]+")


class NotFound(tornado.web.RequestHandler):
    """Answers 404 to every method."""

    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


def template_static_path_ok(path: str) -> bool:
    """``<template>/static/<file>`` that stays inside the template's ``static/`` folder."""
    parts = path.split("/")
    if len(parts) < 3 or parts[1] != "static" or not _TEMPLATE.fullmatch(parts[0]):
        return False
    rest = parts[2:]
    if any(part in ("", ".", "..") for part in rest) or "\\" in path or "\0" in path:
        return False
    return posixpath.normpath(path) == path


class KitTemplateStatic(TemplateStaticFileHandler):
    """Voila's template static files, with the path checked first."""

    def parse_url_path(self, path: str) -> str:
        if not template_static_path_ok(path):
            raise tornado.web.HTTPError(404)
        return super().parse_url_path(path)
