"""The server's part in rendering a page: templates compiled once per server, Markdown cells
rendered once per text, and the village's paragraphs (story cells) filled in.

Voila builds a new exporter for every page it renders, and with it a new Jinja environment
that compiled the page's templates again: about a dozen templates for every page a phone opens
(found with cProfile over six renders of lesson 2). Measured, the server's CPU for one render:
lesson 2 from 0.53 s to 0.40 s, a bare notebook from 0.25 s to 0.09 s. A class opening a
lesson at once paid that 30 times on two cores.

:func:`share_compiled_templates` gives every Voila environment one in-memory bytecode cache
(Jinja's own mechanism). A template is still read from its file each time; Jinja compares its
checksum, so an edited template is compiled again.

:func:`render_markdown_once` does the same for the Markdown cells: a page's text is the same for
every phone, and rendering it (mistune) cost about 3 ms per cell for every page. A story cell,
``{{ cerita("02-buku-kas", "teks_01") }}`` (:mod:`widgets.core.stories`), is rendered as the
village's paragraph: the server fills it in, where a code cell used to ask the page's kernel
(an execute request and five messages for each paragraph; lesson 3 had 14 of them).

:func:`install` does both; the kit's server and the hub's user servers call it at start.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import BytecodeCache, pass_context
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in this process (Jinja keys them by name, file and source)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self.compiled.clear()


# One cache per kind of environment: an async environment compiles other code.
CACHES = {True: MemoryBytecodeCache(), False: MemoryBytecodeCache()}


def share_compiled_templates() -> None:
    """Every Voila exporter's environment uses :data:`CACHES` (once per process), and offers
    the page template the scripts to name in its head (``kit_preload``,
    :mod:`widgets.kit.preload`)."""
    from voila.exporter import VoilaExporter

    made = VoilaExporter._create_environment  # noqa: SLF001 (nbconvert's factory method)
    if getattr(made, "shares_compiled_templates", False):
        return

    def _create_environment(self: Any) -> Any:
        from widgets.kit.preload import preload_paths

        environment = made(self)
        environment.bytecode_cache = CACHES[bool(environment.is_async)]
        environment.globals["kit_preload"] = preload_paths
        return environment

    _create_environment.shares_compiled_templates = True  # type: ignore[attr-defined]
    VoilaExporter._create_environment = _create_environment  # noqa: SLF001


# Each village folder's cerita.yaml time stamp when the server last read its paragraphs.
_STORIES_READ: dict[Any, int | None] = {}


def _village_for_stories() -> Any:
    """The kit's village, its paragraphs read again when ``cerita.yaml`` changed on disk."""
    from widgets.core.stories import load_stories
    from widgets.core.village import load_village

    village = load_village()
    path = village.file("stories")
    stamp = path.stat().st_mtime_ns if path is not None and path.exists() else None
    if _STORIES_READ.get(village.folder) != stamp:
        load_stories.cache_clear()
        _STORIES_READ[village.folder] = stamp
    return village


def page_markdown(source: str) -> str:
    """The Markdown a cell shows: a story cell's village paragraph, any other cell's own. A
    village file that cannot be read shows its plain message in the paragraph's place (as a
    lesson part does), not a broken page."""
    from widgets.core.datafile import DataError
    from widgets.core.notice import notice_html
    from widgets.core.stories import story_cell, story_markdown

    named = story_cell(source)
    if named is None:
        return source
    try:
        return story_markdown(_village_for_stories(), *named)
    except DataError as error:
        return notice_html(error.text(), "error")


# Voila's own Markdown filter, kept by :func:`render_markdown_once`.
_VOILA_MARKDOWN: Any = None


@lru_cache(maxsize=512)
def render_plain(renderer_class: type, anchor: str, source: str) -> str:
    """The HTML of a Markdown text without files, rendered once per process."""
    return _VOILA_MARKDOWN(_Plain(renderer_class, anchor), {"cell": {}}, source)


class _Plain:
    """What Voila's Markdown filter reads of its exporter, for a text without files."""

    def __init__(self, renderer_class: type, anchor: str) -> None:
        self.markdown_renderer_class = renderer_class
        self.anchor_link_text = anchor
        self.contents_manager = None  # read for images only, and those are not cached


def render_markdown_once() -> None:
    """Voila's Markdown filter fills in story cells and keeps each text's HTML (once per
    process). A cell with attachments or an image is rendered every time: its HTML inlines
    files, which may change."""
    global _VOILA_MARKDOWN  # noqa: PLW0603 (set once, at the server's start)
    from voila.exporter import VoilaExporter

    if _VOILA_MARKDOWN is not None:
        return
    _VOILA_MARKDOWN = VoilaExporter.markdown2html

    @pass_context
    def markdown2html(self: Any, context: Any, source: str) -> str:
        source = page_markdown(source)
        if context["cell"].get("attachments") or "![" in source or "<img" in source:
            return _VOILA_MARKDOWN(self, context, source)
        return render_plain(self.markdown_renderer_class, self.anchor_link_text, source)

    VoilaExporter.markdown2html = markdown2html


def install() -> None:
    share_compiled_templates()
    render_markdown_once()
