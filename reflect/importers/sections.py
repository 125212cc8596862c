"""Sections of a mentor's file that reflect reads as a whole, between two markers:

    <!-- reflect:NAME -->
    ...what reflect wrote and what the mentor filled in...
    <!-- reflect:NAME-end -->

The feedback import treats every such section as a known place (nothing in it counts as
text left outside a comment place) and hands its lines to the reader registered for
``NAME``. A section no reader is registered for is reported, line by line, as text that was
not imported, so its words are never dropped without a word.

A section type is registered with two functions:

* ``read(lines, first_line, context)``: what the section says, without writing anything.
  ``lines`` are the section's lines (without its two markers, line ends removed),
  ``first_line`` the file's line number of the first of them. It raises
  :class:`reflect.errors.InputError` for a section it cannot read (the section's text is then
  reported as not imported, and everything else still comes in). If what it returns has a
  ``mentor`` (attribute or key), that names the mentor when nothing else does; if it has
  ``unplaced`` (``(line, text)`` pairs: text written in the section outside the parts the
  reader takes), those are reported as not imported, like text outside the comment places;
  so are its ``problems`` written as ``"line N: why"`` (what it could not read).
* ``keep(read_result, context)`` (optional): keep it in the journal. It runs inside the
  import's transaction after the comments are stored, and is not called in a dry run unless
  the type says it handles dry runs itself (``dry_run_aware=True``; ``context.dry_run`` tells).
  What it returns is kept on the import's result under the section's name.

``context`` (:class:`SectionContext`) carries the journal, the file, its front matter, the
framework, the mentor's name, the day and the options the caller passed for sections
(``import_feedback(..., section_options={"actions_as": "feedback"})``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal


@dataclass
class SectionContext:
    """What a section's reader and keeper may need about the import."""

    journal: "Journal"
    path: Path
    front_matter: dict
    framework: "Framework | None"
    today: date
    dry_run: bool = False
    source_name: str = ""
    options: dict = field(default_factory=dict)


@dataclass(frozen=True)
class SectionType:
    """How one kind of section is read and kept."""

    read: Callable[[list[str], int, SectionContext], Any]
    keep: Callable[[Any, SectionContext], Any] | None = None
    dry_run_aware: bool = False


#: A section's first marker: ``<!-- reflect:NAME -->`` (anything after the name is the
#: section's own business); its last: ``<!-- reflect:NAME-end -->``.
START = re.compile(r"^\s{0,3}<!--\s*reflect:([a-z][a-z0-9_]*)(?:\s[^>]*)?\s*-->\s*$")
END = re.compile(r"^\s{0,3}<!--\s*reflect:([a-z][a-z0-9_]*)-end\s*-->\s*$")

#: Markers of the export format itself: never sections.
FORMAT_MARKERS = frozenset({"entry", "body", "comments", "end"})

_types: dict[str, SectionType] = {}


def register(name: str, read: Callable[[list[str], int, SectionContext], Any],
             keep: Callable[[Any, SectionContext], Any] | None = None, *, dry_run_aware: bool = False) -> None:
    """Read sections called ``name`` with ``read`` and keep them with ``keep`` (a later
    registration replaces an earlier one)."""
    if name in FORMAT_MARKERS or not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        raise ValueError(f"{name!r} cannot name a section")
    _types[name] = SectionType(read, keep, dry_run_aware)


def section_type(name: str) -> SectionType | None:
    """How sections called ``name`` are read; the built-in types register on first use."""
    _register_builtin()
    return _types.get(name)


def _register_builtin() -> None:
    # Section types that ship with reflect register themselves when their module is
    # imported; importing them here, when a file is read, keeps start-up light.
    import importlib

    for module in _BUILTIN:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name != module:
                raise


#: Modules that register a section type when imported (the review pack's meeting record:
#: ``record``); one not installed is no error.
_BUILTIN: tuple[str, ...] = ("reflect.importers.review_record_import",)
