"""Reading a reflect Markdown export back: its entries, bodies byte for byte, and the
comments mentors wrote in it.

The file is read line by line (so a huge export needs little memory). Between two bodies,
the lines are parsed with markdown-it-py to find reflect's markers: only an HTML comment
at the top level of the document counts, so a marker-like line inside a mentor's code
block is just text. A body is then taken as the exact number of lines its marker gives,
without parsing it at all, and restored with :func:`reflect.export.body.restore_body`.

A body whose text no longer matches its checksum (someone wrote in it after export) is
never rebuilt by guesswork: reflect reads on to the entry's comment place and tries taking
out each paragraph that was added; if that gives back the exact text, the entry is
imported as it was (and the lines taken out are named). If not, the entry is marked
``edited`` and :func:`import_markdown` skips it and names it, unless asked to take it as
it now reads.
"""

from __future__ import annotations

import itertools
import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Collection, Iterable, Iterator, TextIO

from reflect.dates import from_iso
from reflect.errors import InputError, ReflectError
from reflect.files import require_regular_file
from reflect.importers.common import ImportResult, NewEntry, add_entries
from reflect.export.body import BodyLayout, digest, restore_body
from reflect.export.format import (
    COMMENTS_HEADING,
    ENTRY_LEVEL,
    FORMAT_VERSION,
    MARK_BODY,
    MARK_COMMENTS,
    MARK_END,
    MARK_ENTRY,
    block_parser,
    comments_target,
    marker_json,
    parse_front_matter,
)
from reflect.importers.mentor_comments import comment_text

if TYPE_CHECKING:
    from reflect.journal import Journal


#: Body-marker-like lines allowed between two entries before the reader concludes that a
#: block left open (a ``` in a mentor's comment) hides the rest of the file.
MAX_LOOKALIKES = 50


@dataclass(frozen=True)
class ExportedEntry:
    """One entry as found in an export. ``edited``: its body changed after export."""

    line: int
    data: dict
    body: str
    #: Its text was changed after export and cannot be given back exactly: ``body`` is the
    #: text as it now reads.
    edited: bool = False
    #: Lines written into its text after export that were taken out to give it back exactly.
    added_lines: tuple[int, ...] = ()
    #: What was written in the entry's mentor comment place ("" if nothing; see
    #: :mod:`reflect.importers.mentor_comments`).
    comments: str = ""
    #: Where the entry's comment place is (its hidden line), and what that line names:
    #: ``("entry", uid)``, or None if it is damaged. No line: the place is missing.
    comments_line: int | None = None
    comments_target: tuple[str, str] | None = None

    @property
    def uid(self) -> str:
        return str(self.data.get("uid", ""))


class ExportReader:
    """Iterate over the entries of an export read from ``stream`` (opened with ``newline=""``).

    Reading the front matter happens at once (so a file that is not an export is refused
    before anything else); entries come as you iterate. Problems raise :class:`InputError`
    naming ``name`` and the line.
    """

    def __init__(self, stream: Iterable[str], name: str = "the file", *,
                 expected: str = "a reflect export", hint: str = "; for a jrnl journal use --from jrnl"):
        self.name = name
        self._expected, self._hint = expected, hint
        self._lines = _PushBack(self._numbered(stream))
        self.front_matter = self._read_front_matter()
        self.count = 0
        self.edited = 0
        #: Entries whose text was edited after export and given back exactly, by taking out
        #: what was added (see :attr:`ExportedEntry.added_lines`).
        self.recovered = 0
        self.recovered_items: list[ExportedEntry] = []
        #: (line, date, title) of edited entries :func:`import_markdown` left out.
        self.left_out: list[tuple[int, str, str]] = []
        #: The lines between the front matter and the first entry (or the end): the header,
        #: and a review pack's sections. Known once the first entry (or the end) is read.
        self.preamble: list[str] = []
        self.preamble_line = 0

    # -- lines ------------------------------------------------------------------------------

    def _numbered(self, stream: Iterable[str]) -> Iterator[tuple[int, str]]:
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
            raise InputError(f"{self.name} is not {self._expected} (it does not start with reflect's "
                             f"front matter){self._hint}.")
        lines = []
        for number, line in self._lines:
            if line.rstrip("\r\n") == "---":
                break
            lines.append(line)
        else:
            raise self._error(None, "its front matter never ends.")
        try:
            data = parse_front_matter(lines)
        except ValueError as error:
            raise InputError(f"{self.name} is not {self._expected} ({error}){self._hint}.") from None
        version = data.get("reflect_export")
        if not isinstance(version, int):
            raise InputError(f"{self.name} is not {self._expected} (its front matter has no "
                             f"reflect_export version){self._hint}.")
        if version > FORMAT_VERSION:
            raise InputError(f"{self.name} was written by a newer reflect (export format {version}); "
                             "update reflect to import it.")
        return data

    # -- entries ----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[ExportedEntry]:
        segment: list[str] = []
        start = 0
        pending: ExportedEntry | None = None
        lookalikes = 0
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
                # Marker-like text inside someone's code block, not a marker. Many of them in a
                # row: a block opened in a comment and never closed has swallowed the entries
                # below it; say so, rather than parse an ever longer segment again and again.
                lookalikes += 1
                if lookalikes > MAX_LOOKALIKES:
                    self._hidden_marker(segment, start, markers)
                continue
            at = self._entry_marker(markers, start, number, segment)
            if pending is not None:
                yield self._with_comments(pending, segment, start, markers, at)
            else:
                self.preamble, self.preamble_line = segment[:at], start
            data = self._json(segment[at], start + at, MARK_ENTRY)
            layout = self._layout(line, number)
            body, edited, added, checked = self._read_body(layout, start + at)
            pending = ExportedEntry(start + at, data, body, edited, added)
            if added:
                self.recovered_items.append(pending)
            segment, expect_blank, lookalikes = [], not checked, 0
        markers = _markers(segment)
        ends = [i for kind, i in markers if kind == "end"]
        if not ends:
            self._hidden_marker(segment, start, markers)
            raise self._error(None, "it ends without reflect's end marker, so it may have been cut short.")
        strays = [i for kind, i in markers if kind == "entry"]
        if strays:
            raise self._error(start + strays[0], "this entry has no body marker.")
        if pending is not None:
            yield self._with_comments(pending, segment, start, markers, ends[0])
        else:
            self.preamble, self.preamble_line = segment[:ends[0]], start
        expected = (self.front_matter.get("counts") or {}).get("entries")
        if isinstance(expected, int) and expected != self.count:
            self._hidden_marker(segment, start, markers)
            raise self._error(None, f"it should hold {expected} entries but {self.count} were found "
                                    "(was it edited or cut short?).")

    def _entry_marker(self, markers: list[tuple[str, int]], start: int, number: int,
                      segment: list[str]) -> int:
        entries = [i for kind, i in markers if kind == "entry"]
        if not entries:
            self._hidden_marker(segment, start, markers)
            raise self._error(number, "this entry text has no entry marker before it.")
        if len(entries) > 1:
            raise self._error(start + entries[0], "this entry has no body marker.")
        return entries[0]

    def _hidden_marker(self, segment: list[str], start: int, markers: list[tuple[str, int]]) -> None:
        """Say so if reflect's lines are there but swallowed by a code block or HTML block that
        something written above them (often a mentor's comment) opened and did not close."""
        found = {i for _, i in markers}
        hidden = next((i for i, line in enumerate(segment) if _marker_kind(line) and i not in found), None)
        if hidden is None:
            return
        for token in block_parser().parse("".join(segment)):
            if token.level == 0 and token.map and token.nesting != -1 and token.map[0] < hidden < token.map[1]:
                raise self._error(start + token.map[0], "a code block or HTML block opened on this line hides "
                                                        "reflect's hidden lines below it (a ``` or <!-- left "
                                                        "without its end?).")

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

    def _read_body(self, layout: BodyLayout, entry_line: int) -> tuple[str, bool, tuple[int, ...], bool]:
        """The body, whether it was edited (and cannot be given back exactly), the lines taken
        out to give it back, and whether the lines after it were read up to the comment place."""
        blank = next(self._lines, None)
        if blank is None or blank[1].strip():
            raise self._error(blank[0] if blank else None, "a blank line should follow the body marker.")
        lines = []
        for _ in range(layout.lines):
            item = next(self._lines, None)
            if item is None:
                break
            lines.append(item)
        after = next(self._lines, None)
        if after is None and len(lines) < layout.lines:
            raise self._error(entry_line, "the file ends inside this entry's text.")
        if after is not None:
            self._lines.push(after)
        self.count += 1
        if len(lines) == layout.lines and (after is None or not after[1].strip()):
            body = _restored(lines, layout)
            if not layout.sha256 or digest(body) == layout.sha256:
                return body, False, (), False
        # Edited after export: read on to the comment place and try to give the text back.
        lines += self._up_to_comment_place()
        if lines and not lines[-1][1].strip():
            lines.pop()  # the blank line between the text and its comment place
        if not lines and layout.lines:
            raise self._error(entry_line, "the file ends inside this entry's text.")
        for added in _added_blocks(lines):
            kept = [item for item in lines if item[0] not in added]
            if len(kept) == layout.lines + 1 and not kept[-1][1].strip():
                kept.pop()
            if len(kept) == layout.lines and digest(body := _restored(kept, layout)) == layout.sha256:
                self.recovered += 1
                return body, False, tuple(sorted(added)), True
        self.edited += 1
        return _restored(lines, layout), True, (), True

    def _up_to_comment_place(self) -> list[tuple[int, str]]:
        """The lines from here up to the next comment place, entry or end marker (left unread)."""
        found = []
        for item in self._lines:
            line = item[1]
            if line.rstrip("\r\n") == COMMENTS_HEADING or _marker_kind(line):
                self._lines.push(item)
                break
            found.append(item)
        return found

    def _with_comments(self, entry: ExportedEntry, segment: list[str], start: int,
                       markers: list[tuple[str, int]], end: int) -> ExportedEntry:
        """``entry`` with its comment place, found in ``segment`` (from line ``start``)
        before index ``end``, and the comment written in it."""
        places = [i for kind, i in markers if kind == "comments" and i < end]
        if not places:
            return entry
        at = places[0]
        target = comments_target(segment[at])
        stop = min([i for _, i in markers if i > at] + [end])
        text = comment_text(segment[at + 1:stop], ENTRY_LEVEL) if target == ("entry", entry.uid) else ""
        return replace(entry, comments=text, comments_line=start + at, comments_target=target)


class _PushBack:
    """An iterator one can give items back to (read again first)."""

    def __init__(self, items: Iterator):
        self._items = items
        self._back: list = []

    def __iter__(self):
        return self

    def __next__(self):
        return self._back.pop() if self._back else next(self._items)

    def push(self, item) -> None:
        self._back.append(item)


def _restored(lines: list[tuple[int, str]], layout: BodyLayout) -> str:
    text = "".join(line for _, line in lines)
    if lines:
        text = text[:-1]  # the newline written after every body
    return restore_body(text, layout)


def _added_blocks(lines: list[tuple[int, str]]) -> Iterator[set[int]]:
    """Line numbers of each paragraph (a run of non-blank lines, with the blank line after
    it), and of each single line: what a person most likely wrote into a text."""
    blocks: list[list[int]] = []
    current: list[int] = []
    for number, line in lines:
        if line.strip():
            current.append(number)
        elif current:
            blocks.append(current + [number])
            current = []
    if current:
        blocks.append(current)
    for block in blocks:
        yield set(block)
        if len(block) > 2:
            for number in block:
                yield {number}


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


def new_entry(item: ExportedEntry, name: str, files_base: Path | None = None,
              have: Collection[str] = ()) -> NewEntry:
    """Check an exported entry's data and turn it into an entry to add; with ``files_base``
    (the export's folder), its attached files are read too, except those whose SHA-256 is in
    ``have``."""
    d = item.data

    def bad(what: str) -> InputError:
        return InputError(f"{name}, line {item.line}: {what} Nothing was imported.")

    uid = d.get("uid")
    if not isinstance(uid, str) or not uid.isprintable() or uid != uid.strip() or not uid or len(uid) > 200 \
            or "-->" in uid:
        # Kept out: an id that could not be written back into a marker line intact.
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
    try:
        kind = kind_fields(d)
    except (InputError, TypeError, ValueError) as error:
        raise bad(f"the entry's kind of evidence is damaged ({str(error).rstrip('.')}).") from None
    attachments: tuple = ()
    if files_base is not None:
        from reflect.importers.attached_files import exported_files

        attachments = exported_files(d.get("attachments"), files_base, f"{name}, line {item.line}", have=have)
    return NewEntry(
        uid=uid, day=day, title=title, body=item.body, skills=tuple(skills), criteria=tuple(criteria),
        model=str(d.get("model", "none")), private=d.get("private") is True, confidence=numbers[0],
        minutes=numbers[1], created_at=created if isinstance(created, str) and created else None,
        line=item.line, attachments=attachments, **kind,
    )


def kind_fields(d: dict) -> dict:
    """The kind of evidence and its details from an entry marker's data (see
    :func:`reflect.export.entry_block.kind_data`); raises on anything damaged."""
    from reflect.dates import from_iso as iso_day
    from reflect.entries.kinds import KINDS, REFLECTION
    from reflect.entries.models import Witness

    kind = d.get("kind", REFLECTION)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {str(kind)[:20]!r}")
    fields: dict = {"kind": kind}
    for name in ("observer", "participants"):
        value = d.get(name, "")
        if not isinstance(value, str):
            raise ValueError(f"{name} is not text")
        fields[name] = value
    raw = d.get("witness")
    if raw is not None:
        if not isinstance(raw, dict):
            raise ValueError("witness is not a record")
        texts = {name: raw.get(name, "") for name in ("name", "role", "relationship", "contact")}
        if not all(isinstance(v, str) for v in texts.values()) or not isinstance(raw.get("confirmed", False), bool):
            raise ValueError("witness details are not text")
        on = raw.get("confirmed_on")
        fields["witness"] = Witness(**texts, confirmed=raw.get("confirmed", False),
                                    confirmed_on=iso_day(on) if on is not None else None)
    return fields


class _BoundedLines:
    """The lines of an open export, each at most :data:`MAX_LINE_CHARS` long (iterate), or
    all of them (``read()``)."""

    def __init__(self, stream: TextIO, name: str):
        self.stream, self.name = stream, name

    def __iter__(self) -> Iterator[str]:
        for number in itertools.count(1):
            line = self.stream.readline(MAX_LINE_CHARS + 1)
            if not line:
                return
            if len(line) > MAX_LINE_CHARS:
                raise InputError(f"{self.name}, line {number}: longer than {MAX_LINE_CHARS:,} characters, so "
                                 "not a reflect export; nothing was imported.")
            yield line

    def read(self) -> str:
        return "".join(self)


def import_markdown(journal: "Journal", path: Path, *, dry_run: bool = False, accept_edited: bool = False,
                    progress: Callable[[int], None] | None = None,
                    attachments: bool = True, shown_as: str | None = None) -> tuple[ImportResult, ExportReader]:
    """Add the entries of the export at ``path`` that the journal lacks, all or nothing, with
    their attached files from the folder beside it (unless ``attachments=False``).

    An entry whose text was changed in the file and cannot be given back exactly is skipped
    and listed in ``reader.left_out`` (line, date and title), unless ``accept_edited``: then
    it is imported as it now reads. ``shown_as`` names the file in messages (a bundle's name
    for the Markdown unpacked from it).
    """
    name = shown_as or str(path)
    with open_export(path, shown_as=shown_as) as stream:
        reader = ExportReader(stream, name)

        def wanted(item: ExportedEntry) -> bool:
            if item.edited and not accept_edited:
                reader.left_out.append((item.line, str(item.data.get("date", "?")), str(item.data.get("title", ""))))
                return False
            return True

        base = Path(path).parent if attachments else None

        def entry_of(item: ExportedEntry) -> NewEntry:
            if base is None or not item.data.get("attachments"):
                return new_entry(item, name)
            uid = item.data.get("uid")
            existing = journal.entries.get_by_uid(uid) if isinstance(uid, str) else None
            if existing is None:
                return new_entry(item, name, base)
            if existing.in_trash:  # files cannot be attached to an item in the trash
                return new_entry(item, name)
            # An entry already there gets only the files it lacks (same bytes are never read
            # or attached twice; a file detached on purpose is not brought back).
            return new_entry(item, name, base, have=journal.attachments.known_digests(existing.id))

        entries = (entry_of(item) for item in reader if wanted(item))
        return add_entries(journal, entries, source=name, dry_run=dry_run, progress=progress), reader



#: Longest line an export may hold (characters): a whole reflection in one paragraph is far
#: shorter, and a longer one is read no further, so a hostile file cannot fill the memory.
MAX_LINE_CHARS = 1_000_000


@contextmanager
def open_export(path: Path, *, max_bytes: int | None = None, shown_as: str | None = None) -> Iterator[Iterable[str]]:
    """The lines of an export to read (line ends kept as written), each at most
    :data:`MAX_LINE_CHARS` long; a file over ``max_bytes`` is refused before it is read. The
    ways that can fail, here or while reading it, become one plain sentence.

    Both `reflect import` and `reflect import-feedback` read through here."""
    name = shown_as or str(path)
    require_regular_file(path, "a reflect export")
    try:
        with open(path, encoding="utf-8", newline="") as stream:
            size = os.fstat(stream.fileno()).st_size
            if max_bytes is not None and size > max_bytes:
                raise InputError(f"{name} is too big to read ({size / 1_000_000:.1f} MB; at most "
                                 f"{max_bytes // 1_000_000} MB); nothing was imported.")
            yield _BoundedLines(stream, name)
    except FileNotFoundError:
        raise ReflectError(f"No such file: {name}") from None
    except IsADirectoryError:
        raise ReflectError(f"{name} is a folder, not an export file") from None
    except UnicodeDecodeError:
        raise ReflectError(f"{name} is not UTF-8 text, so it is not a reflect export; nothing was imported") from None
    except OSError as error:
        raise ReflectError(f"Cannot read {name}: {error.strerror or error}") from None
