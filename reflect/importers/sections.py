"""Sections of a mentor's file that reflect reads as a whole, between two markers:

    <!-- reflect:NAME -->
    ...what reflect wrote and what the mentor filled in...
    <!-- reflect:NAME-end -->

The feedback import treats every such section as a known place (nothing in it counts as
text left outside a comment place) and hands its lines to the reader registered for
``NAME``. A section no reader is registered for is reported, line by line, as text that was
not imported, so its words are never dropped without a word.

A reader is a function ``(lines, first_line) -> object``: ``lines`` are the section's lines
(without the two markers, line ends removed), ``first_line`` the file's line number of the
first of them. What it returns is kept on the import's result under ``NAME``. It raises
:class:`reflect.errors.InputError` for a section it cannot read.
"""

from __future__ import annotations

import re
from typing import Any, Callable

SectionReader = Callable[[list[str], int], Any]

#: A section's first marker: ``<!-- reflect:NAME -->`` (anything after the name is the
#: section's own business); its last: ``<!-- reflect:NAME-end -->``.
START = re.compile(r"^\s{0,3}<!--\s*reflect:([a-z][a-z0-9_]*)(?:\s[^>]*)?\s*-->\s*$")
END = re.compile(r"^\s{0,3}<!--\s*reflect:([a-z][a-z0-9_]*)-end\s*-->\s*$")

#: Markers of the export format itself: never sections.
FORMAT_MARKERS = frozenset({"entry", "body", "comments", "end"})

_readers: dict[str, SectionReader] = {}


def register(name: str, reader: SectionReader) -> None:
    """Read sections called ``name`` with ``reader`` (a later registration replaces it)."""
    if name in FORMAT_MARKERS or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ValueError(f"{name!r} cannot name a section")
    _readers[name] = reader


def reader_for(name: str) -> SectionReader | None:
    """The reader registered for ``name``; the built-in ones are registered on first use."""
    _register_builtin()
    return _readers.get(name)


def _register_builtin() -> None:
    # Readers that ship with reflect register themselves when their module is imported;
    # importing them here (not at import time of this module) keeps start-up light.
    import importlib

    for module in ("reflect.importers.review_record",):
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise
