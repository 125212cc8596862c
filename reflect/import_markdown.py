"""Reading a reflect Markdown export back: its entries, bodies byte for byte, and the
comments mentors wrote in it.

The file is read line by line (so a huge export needs little memory). Between two bodies,
the lines are parsed with markdown-it-py to find reflect's markers: only an HTML comment
at the top level of the document counts, so a marker-like line inside a mentor's code
block is just text. A body is then taken as the exact number of lines its marker gives,
without parsing it at all, and restored with :func:`reflect.markdown_body.restore_body`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, TextIO

from reflect.dates import from_iso
from reflect.errors import InputError, ReflectError
from reflect.files import require_regular_file
from reflect.importing import ImportResult, NewEntry, add_entries
from reflect.markdown_body import BodyLayout, digest, restore_body
from reflect.markdown_format import (
    COMMENTS_HINT,
    FORMAT_VERSION,
    MARK_BODY,
    MARK_COMMENTS,
    MARK_END,
    MARK_ENTRY,
    block_parser,
    comments_uid,
    marker_json,
    parse_front_matter,
)

if TYPE_CHECKING:
    from reflect.journal import Journal


@dataclass(frozen=True)
class ExportedEntry:
    """One entry as found in an export. ``edited``: its body changed after export."""

    line: int
    data: dict
    body: str
    edited: bool = False
    #: What was written in the entry's mentor comment place (stripped; "" if nothing).
    comments: str = ""

    @property
    def uid(self) -> str:
        return str(self.data.get("uid", ""))


class ExportReader:
    """Iterate over the entries of an export read from ``stream`` (opened with ``newline=""``).

    Reading the front matter happens at once (so a file that is not an export is refused
    before anything else); entries come as you iterate. Problems raise :class:`InputError`
    naming ``name`` and the line.
    """

    def __init__(self, stream: TextIO, name: str = "the file"):
        self.name = name
        self._lines = self._numbered(stream)
        self.front_matter = self._read_front_matter()
        self.count = 0
        self.edited = 0

    # -- lines ------------------------------------------------------------------------------

    def _numbered(self, stream: TextIO) -> Iterator[tuple[int, str]]:
        crlf = None
        for number, line in enumerate(stream, start=1):
            if number == 1:
                line = line.removeprefix("\ufeff")
                # An editor that saved the whole file with Windows line ends: undo that.
                crlf = line.endswith("\r\n")
            if crlf and line.endswith("\r\n"):
                line = line[:-2] + "\n"
            yield number, line

    def _error(self, line: int | None, what: str) -> InputError:
        where = f"{self.name}, line {line}" if line else self.name
        return InputError(f"{where}: {what} Nothing was imported.")

    def _read_front_matter(self) -> dict:
        first = next(self._lines, (1, ""))[1]
        if first.rstrip("\r\n") != "---":
            raise InputError(f"{self.name} is not a reflect export (it does not start with reflect's "
                             "front matter); for a jrnl journal use --from jrnl.")
        lines = []
        for number, line in self._lines:
            if line.rstrip("\r\n") == "---":
                break
            lines.append(line)
        else:
            raise self._error(None, "its front matter never ends.")
        data = parse_front_matter(lines)
        version = data.get("reflect_export")
        if not isinstance(version, int):
            raise InputError(f"{self.name} is not a reflect export (its front matter has no "
                             "reflect_export version); for a jrnl journal use --from jrnl.")
        if version > FORMAT_VERSION:
            raise InputError(f"{self.name} was written by a newer reflect (export format {version}); "
                             "update reflect to import it.")
        return data

    # -- entries ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[ExportedEntry]:
        segment: list[str] = []
        start = 0
        pending: ExportedEntry | None = None
        expect_blank = False
        for number, line in self._lines:
            if expect_blank and line.strip():
                raise self._error(number, "an entry's text does not end where its marker says "
                                          "(was the file edited there?).")
            expect_blank = False
            if not segment:
                start = number
            segment.append(line)
            if not line.startswith(MARK_BODY):
                continue
            markers = _markers(segment)
            if not markers or markers[-1] != ("body", len(segment) - 1):
                continue  # marker-like text inside someone's code block, not a marker
            at = self._entry_marker(markers, start, number)
            if pending is not None:
                yield self._with_comments(pending, segment, markers, at)
            data = self._json(segment[at], start + at, MARK_ENTRY)
            layout = self._layout(line, number)
            body, edited = self._read_body(layout, start + at)
            pending = ExportedEntry(start + at, data, body, edited)
            segment, expect_blank = [], True
        markers = _markers(segment)
        ends = [i for kind, i in markers if kind == "end"]
        if not ends:
            raise self._error(None, "it ends without reflect's end marker, so it may have been cut short.")
        strays = [i for kind, i in markers if kind == "entry"]
        if strays:
            raise self._error(start + strays[0], "this entry has no body marker.")
        if pending is not None:
            yield self._with_comments(pending, segment, markers, ends[0])
        expected = (self.front_matter.get("counts") or {}).get("entries")
        if isinstance(expected, int) and expected != self.count:
            raise self._error(None, f"it should hold {expected} entries but {self.count} were found "
                                    "(was it edited or cut short?).")

    def _entry_marker(self, markers: list[tuple[str, int]], start: int, number: int) -> int:
        entries = [i for kind, i in markers if kind == "entry"]
        if not entries:
            raise self._error(number, "this entry text has no entry marker before it.")
        if len(entries) > 1:
            raise self._error(start + entries[0], "this entry has no body marker.")
        return entries[0]

    def _json(self, line: str, number: int, prefix: str) -> dict:
        try:
            return marker_json(line, prefix)
        except ValueError:
            raise self._error(number, "reflect's hidden marker on this line is damaged.") from None

    def _layout(self, line: str, number: int) -> BodyLayout:
        try:
            return BodyLayout.from_json(self._json(line, number, MARK_BODY))
        except ValueError:
            raise self._error(number, "reflect's hidden marker on this line is damaged.") from None

    def _read_body(self, layout: BodyLayout, entry_line: int) -> tuple[str, bool]:
        blank = next(self._lines, None)
        if blank is None or blank[1].strip():
            raise self._error(blank[0] if blank else None, "a blank line should follow the body marker.")
        lines = []
        for _ in range(layout.lines):
            item = next(self._lines, None)
            if item is None:
                raise self._error(entry_line, "the file ends inside this entry's text.")
            lines.append(item[1])
        text = "".join(lines)
        if layout.lines:
            text = text[:-1]  # the newline written after every body
        body = restore_body(text, layout)
        edited = bool(layout.sha256) and digest(body) != layout.sha256
        self.count += 1
        self.edited += edited
        return body, edited

    def _with_comments(self, entry: ExportedEntry, segment: list[str],
                       markers: list[tuple[str, int]], end: int) -> ExportedEntry:
        """``entry`` with the text written in its comment place (up to line ``end``)."""
        places = [i for kind, i in markers if kind == "comments" and i < end]
        if not places or comments_uid(segment[places[0]]) != entry.uid:
            return entry
        first = places[0] + 1
        if first < end and segment[first].strip() == COMMENTS_HINT:
            first += 1
        return replace(entry, comments="".join(segment[first:end]).strip())


def _markers(segment: list[str]) -> list[tuple[str, int]]:
    """reflect's markers among ``segment``'s top-level blocks: ``(kind, line index)``."""
    if not any(_may_hide_lines(line) for line in segment):
        # Only a fence or an HTML block opened at the top level can make a line that starts
        # at column 0 part of something else; with neither, every marker line is a marker.
        # (The same answer markdown-it gives, a test checks; it is just much faster.)
        return [(kind, i) for i, line in enumerate(segment) if (kind := _marker_kind(line))]
    return _parsed_markers(segment)


def _parsed_markers(segment: list[str]) -> list[tuple[str, int]]:
    found = []
    for token in block_parser().parse("".join(segment)):
        if token.type == "html_block" and token.level == 0 and token.map:
            if kind := _marker_kind(segment[token.map[0]]):
                found.append((kind, token.map[0]))
    return found


_KINDS = (("entry", MARK_ENTRY), ("body", MARK_BODY), ("comments", MARK_COMMENTS))


def _marker_kind(line: str) -> str | None:
    for kind, prefix in _KINDS:
        if line.startswith(prefix):
            return kind
    return "end" if line.rstrip("\r\n") == MARK_END else None


def _may_hide_lines(line: str) -> bool:
    """Whether ``line`` could open a fence or HTML block that runs on past it."""
    text = line.lstrip(" ")
    return text[:1] in ("`", "~", "<") and len(line) - len(text) <= 3 and not (
        line.startswith("<!-- reflect:") and line.rstrip("\r\n").endswith(" -->"))


def new_entry(item: ExportedEntry, name: str) -> NewEntry:
    """Check an exported entry's data and turn it into an entry to add."""
    d = item.data

    def bad(what: str) -> InputError:
        return InputError(f"{name}, line {item.line}: {what} Nothing was imported.")

    uid = d.get("uid")
    if not isinstance(uid, str) or not uid.strip() or len(uid) > 200:
        raise bad("the entry has no valid id.")
    try:
        day = from_iso(d.get("date"))
    except InputError as error:
        raise bad(str(error)) from None
    title = d.get("title")
    skills, criteria = d.get("skills", []), d.get("criteria", [])
    if not isinstance(title, str):
        raise bad("the entry has no title.")
    for value in (skills, criteria):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("the entry's tags are damaged.")
    numbers = [d.get("confidence"), d.get("minutes")]
    if any(n is not None and (isinstance(n, bool) or not isinstance(n, int)) for n in numbers):
        raise bad("the entry's confidence or time spent is damaged.")
    created = d.get("created_at")
    return NewEntry(
        uid=uid, day=day, title=title, body=item.body, skills=tuple(skills), criteria=tuple(criteria),
        model=str(d.get("model", "none")), private=d.get("private") is True, confidence=numbers[0],
        minutes=numbers[1], created_at=created if isinstance(created, str) and created else None,
        line=item.line,
    )


def import_markdown(journal: "Journal", path: Path, *, dry_run: bool = False,
                    progress: Callable[[int], None] | None = None) -> tuple[ImportResult, ExportReader]:
    """Add the entries of the export at ``path`` that the journal lacks, all or nothing."""
    name = str(path)
    require_regular_file(path, "a reflect export")
    try:
        with open(path, encoding="utf-8", newline="") as stream:
            reader = ExportReader(stream, name)
            entries = (new_entry(item, name) for item in reader)
            return add_entries(journal, entries, source=name, dry_run=dry_run, progress=progress), reader
    except FileNotFoundError:
        raise ReflectError(f"No such file: {name}") from None
    except IsADirectoryError:
        raise ReflectError(f"{name} is a folder, not an export file") from None
    except UnicodeDecodeError:
        raise ReflectError(f"{name} is not UTF-8 text, so it is not a reflect export; nothing was imported") from None
    except OSError as error:
        raise ReflectError(f"Cannot read {name}: {error.strerror or error}") from None
