"""Finding what a mentor wrote in an export or review pack they sent back, line by line.

The file is read as a mentor's editor may have left it: hidden lines deleted or damaged,
instruction lines re-styled, text written in places reflect did not offer. It is split into

* **comment places**: a "Mentor comments" heading and/or the hidden line
  ``<!-- reflect:comments entry=<uid> -->`` (``objective=<uid>``). A place runs until the
  next reflect marker, the next heading reflect itself wrote (an objective's, a part's:
  the caller says which those are) or a top-level ``#`` heading; the mentor's own
  ``##``/``###`` headings, ``---`` rules, lists, quotes and tables inside it are part of
  the comment, as written. Text between the heading and the hidden line belongs to it too.
  A place whose hidden line is missing or damaged is matched by position: to the
  reflection whose entry marker comes before it, or to the objective whose heading does.
* **sections** between ``<!-- reflect:NAME -->`` and ``<!-- reflect:NAME-end -->``
  (:mod:`reflect.importers.sections`);
* everything else, **outside** any place, which the caller compares with what reflect
  wrote to find text the mentor added there.

Markers are found by their line (a line starting with ``<!-- reflect:``), not by a Markdown
parser: a code block a mentor opened and never closed cannot hide them.
"""

from __future__ import annotations

from typing import AbstractSet

import re
from contextlib import suppress
from dataclasses import dataclass, field

from reflect import json_input
from reflect.errors import InputError
from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT, parse_front_matter
from reflect.importers import sections as section_types

_MARKER = re.compile(r"^\s{0,3}<!--\s*reflect:([a-z][a-z0-9_-]*)")
_COMMENTS_TARGET = re.compile(r"reflect:comments\s+(entry|objective)\s*=\s*([A-Za-z0-9_.:-]+?)\s*(?:-->|$)")
_UID = re.compile(r"[\"\u201c\u201d]uid[\"\u201c\u201d]\s*:\s*[\"\u201c\u201d]([A-Za-z0-9_.:-]+)")
# Headings as CommonMark reads them: only spaces and tabs separate the #s from the text.
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*$")
_COMMENTS_HEADING = re.compile(r"^\s{0,3}(?:#{1,6}\s*|\*\*)mentor comments\s*(?:\*\*)?\s*#*\s*$", re.IGNORECASE)
_OBJECTIVE_HEADING = re.compile(r"^ {0,3}#{2,4}[ \t]+Objective[ \t]+(\d+)\b[ \t]*:?[ \t]*(.*)$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_HINT_END = "under this line."


@dataclass
class Context:
    """What the text at a point of the file is about (for placing comments by position)."""

    kind: str  # "entry" or "objective"
    key: str | int | None  # entry uid, or objective number
    label: str


@dataclass
class Place:
    """A comment place and what was written in it."""

    line: int
    target: tuple[str, str | int] | None  # ("entry", uid), ("objective", uid) or ("objective-id", n)
    about: str
    text: str = ""
    text_line: int = 0
    #: How the place was matched: "marker", or "position" when its hidden line is missing
    #: or damaged (``problem`` then says which); "heading" only while reading (opened by its
    #: heading, its hidden line not met yet).
    how: str = "marker"
    problem: str = ""
    raw: list[tuple[int, str]] = field(default_factory=list)
    context: Context | None = None


@dataclass
class Section:
    """A section between ``<!-- reflect:NAME -->`` and its end marker."""

    name: str
    line: int
    lines: list[str] = field(default_factory=list)
    closed: bool = False
    last_line: int = 0


@dataclass
class Scan:
    """A mentor's file, split up."""

    front_matter: dict
    places: list[Place]
    sections: list[Section]
    #: Lines outside any place or section: (line number, text, after the end marker, the
    #: uid of the reflection they are in, if any).
    outside: list[tuple[int, str, bool, str | None]]
    entry_uids: list[str]
    #: What was taken in good part: sections whose end line is missing.
    notes: list[str] = field(default_factory=list)


def _core(line: str) -> str:
    core = " ".join(line.translate(_QUOTES).strip().strip("*_ \t").lower().split())
    return re.sub(r" (?=[:.,])", "", core)


_HINTS = frozenset(_core(hint) for hint in (COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT))


def is_hint(line: str) -> bool:
    """Whether ``line`` is one of reflect's instruction lines, however an editor restyled it
    (``*...*``, ``_..._``, plain, curly quotes, spaces)."""
    return "line" in line and _core(line) in _HINTS


def _after_hint(line: str) -> str | None:
    """What a mentor wrote on the hint line after the hint itself; None if not a hint line."""
    if "line" not in line:
        return None
    text = line.translate(_QUOTES)
    end = text.lower().find(_HINT_END)
    if end < 0 or _core(text[:end + len(_HINT_END)]) not in _HINTS:
        return None
    return text[end + len(_HINT_END):].strip().lstrip("*_").strip()


def heading_key(line: str) -> str:
    """A heading as compared with reflect's own: spaces, escapes and emphasis style aside."""
    return re.sub(r"[\s\\]", "", line.translate(_QUOTES)).replace("_", "*").rstrip("#")


def scan(lines: list[str], name: str, reflect_headings: AbstractSet[str] = frozenset()) -> Scan:
    """Split ``lines`` (the file, line ends removed). ``reflect_headings``: the
    :func:`heading_key` of the headings reflect wrote in the file, which end a comment place."""
    front, first = _front_matter(lines, name)
    places: list[Place] = []
    found_sections: list[Section] = []
    outside: list[tuple[int, str, bool, str | None]] = []
    uids: list[str] = []
    context: Context | None = None
    place: Place | None = None
    section: Section | None = None
    after_end = False
    seen_entry = False

    def close() -> None:
        nonlocal place
        if place is not None:
            _finish(place)
            places.append(place)
            place = None

    skip_to = 0
    for number in range(first, len(lines) + 1):
        line = lines[number - 1]
        if number <= skip_to:
            assert place is not None  # skip_to is only set while a place is open
            place.raw.append((number, line))  # inside a closed code block of the comment
            continue
        if place is not None and (close_at := _fence_end(lines, number)):
            # A code block the mentor wrote and closed is their text, marker-like lines and all.
            place.raw.append((number, line))
            skip_to = close_at
            continue
        if section is not None:
            end = section_types.END.match(line)
            if end and end.group(1) == section.name:
                section.closed = True
                section = None
                continue
            starts = _MARKER.match(line)
            if not (starts and starts.group(1) in section_types.FORMAT_MARKERS):
                section.lines.append(line)
                section.last_line = number
                continue
            section = None  # its end line was deleted: reflect's next hidden line ends it
        marker = _MARKER.match(line)
        kind = marker.group(1) if marker else None
        if kind is not None and kind not in section_types.FORMAT_MARKERS:
            start = section_types.START.match(line)
            close()
            if start:
                section = Section(start.group(1), number)
                found_sections.append(section)
            # A stray "-end" marker or one this reflect does not know is reflect's, not the mentor's.
            continue
        if kind == "entry":
            close()
            seen_entry = True
            context = _entry_context(line)
            if context.key:
                uids.append(str(context.key))
            continue
        if kind in ("body", "end"):
            close()
            after_end = after_end or kind == "end"
            if kind == "end":
                context = None
            continue
        if kind == "comments":
            target = _COMMENTS_TARGET.search(line.translate(_QUOTES))
            if place is not None and place.how == "heading" and not place.problem:
                place.raw.append((number, ""))  # the hidden line itself is not part of the comment
            else:
                close()
                place = Place(number, None, context.label if context else "", how="heading", context=context)
            if target:
                place.target, place.how = (target.group(1), target.group(2)), "marker"
                if not place.about:
                    place.about = f"the {'reflection' if target.group(1) == 'entry' else 'objective'} " \
                                  f"with id {target.group(2)}"
            else:
                place.problem = "damaged"
            continue
        if _COMMENTS_HEADING.match(line) and not after_end:
            close()
            place = Place(number, None, context.label if context else "", how="heading", context=context)
            continue
        if place is not None and not _ends_place(line, reflect_headings):
            place.raw.append((number, line))
            continue
        close()
        if not seen_entry and (objective := _OBJECTIVE_HEADING.match(line)):
            context = Context("objective", int(objective.group(1)),
                              f"objective {objective.group(1)} ({objective.group(2).strip()})")
        elif not seen_entry and (heading := _HEADING.match(line)) and len(heading.group(1)) <= 2:
            context = None
        elif context and context.kind == "entry" and not context.label and (heading := _HEADING.match(line)):
            context.label = f"the reflection \u201c{(heading.group(2) or '').strip()}\u201d"
        in_entry = str(context.key) if context and context.kind == "entry" and context.key else None
        outside.append((number, line, after_end, in_entry))
    close()
    notes = [f"line {s.line}: the {s.name} section's end line (<!-- reflect:{s.name}-end -->) is missing; it was "
             f"read up to line {max(s.last_line, s.line)}." for s in found_sections if not s.closed]
    for p in places:
        _resolve(p)
    return Scan(front, places, found_sections, outside, uids, notes)


def front_matter_of(lines: list[str], name: str) -> dict:
    """The file's front matter; InputError if it has none that can be read."""
    return _front_matter(lines, name)[0]


def entry_uids(lines: list[str]) -> list[str]:
    """The stable ids the file's entry lines name (a quick look, before the file is split up)."""
    return [match.group(1) for line in lines if "reflect:entry" in line and (match := _UID.search(line))]


def _front_matter(lines: list[str], name: str) -> tuple[dict, int]:
    """The front matter and the number of the first line after it."""
    if not lines or lines[0].strip() != "---":
        raise InputError(f"{name} is not a reflect export or review pack (it does not start with reflect's "
                         "front matter); nothing was imported.")
    for i in range(1, len(lines)):
        if lines[i].strip() == "---":
            try:
                return _uncurled(parse_front_matter(lines[1:i])), i + 2
            except ValueError as error:
                # An editor may have curled the quotes reflect wrote around its values.
                with suppress(ValueError):
                    return parse_front_matter(line.translate(_QUOTES) for line in lines[1:i]), i + 2
                raise InputError(f"{name} is not a reflect export or review pack ({error}); "
                                 "nothing was imported.") from None
    raise InputError(f"{name}: its front matter never ends (the second --- line was removed?); nothing was imported.")


def _uncurled(data):
    """Front matter values an editor wrapped in curly quotes (“review-pack”), unwrapped."""
    if isinstance(data, dict):
        return {key: _uncurled(value) for key, value in data.items()}
    if isinstance(data, str) and len(data) > 1 and data[0] in "\u201c\u2018" and data[-1] in "\u201d\u2019":
        return data[1:-1]
    return data


def _entry_context(line: str) -> Context:
    """The entry an entry marker starts: its uid and, if its data can be read, its date and title."""
    text = line.translate(_QUOTES)
    label = ""
    try:
        data = json_input.loads(text[text.index("{"):text.rindex("}") + 1])
        if isinstance(data, dict):
            label = f"the reflection of {data.get('date', '?')}, \u201c{data.get('title', '')}\u201d"
            uid = data.get("uid")
            return Context("entry", uid if isinstance(uid, str) and uid else None, label)
    except ValueError:
        pass
    match = _UID.search(line)
    return Context("entry", match.group(1) if match else None, label)


_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def _fence_end(lines: list[str], number: int) -> int:
    """The line number closing the code block ``lines[number - 1]`` opens; 0 if it opens
    none or is never closed (then it hides nothing: reflect's lines below still count)."""
    opening = _FENCE.match(lines[number - 1])
    if not opening or (opening.group(1)[0] == "`" and "`" in lines[number - 1][opening.end():]):
        return 0
    fence = opening.group(1)
    for later in range(number, len(lines)):
        if lines[later].startswith("<!-- reflect:entry ") or _COMMENTS_HEADING.match(lines[later]):
            return 0  # a block never spans the next reflection or comment place: it was left open
        closing = _FENCE.match(lines[later])
        if closing and closing.group(1)[0] == fence[0] and len(closing.group(1)) >= len(fence) \
                and not lines[later][closing.end():].strip():
            return later + 1
    return 0


def _ends_place(line: str, reflect_headings: AbstractSet[str]) -> bool:
    heading = _HEADING.match(line)
    if not heading or not heading.group(2):
        return False
    return (len(heading.group(1)) == 1 or heading_key(line) in reflect_headings
            or bool(_OBJECTIVE_HEADING.match(line)))


def _finish(place: Place) -> None:
    """Turn the lines written in ``place`` into its comment: instruction lines out, text
    written on an instruction line after it kept, blank lines around it trimmed."""
    kept: list[tuple[int, str]] = []
    for number, line in place.raw:
        rest = _after_hint(line)
        if rest is None:
            kept.append((number, line))
        elif rest:
            kept.append((number, rest))
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    place.text = "\n".join(line.rstrip() for _, line in kept)
    place.text_line = kept[0][0] if kept else place.line


def _resolve(place: Place) -> None:
    """A place without a readable hidden line is matched to what its position says."""
    if place.target is not None:
        return
    place.problem = "damaged" if place.problem == "damaged" else "missing"
    place.how = "position"
    place.target = position_target(place.context)
    if place.context is not None and place.context.label and not place.about:
        place.about = place.context.label


def position_target(context: Context | None) -> tuple[str, str | int] | None:
    """Where a place without its hidden line belongs, going by what comes before it."""
    if context is None or context.key is None:
        return None
    return ("entry", context.key) if context.kind == "entry" else ("objective-id", context.key)
