"""Reading a reflect Markdown export back: its front matter, its entries with their bodies
byte for byte, and the comments mentors wrote in it.

The file is read line by line (so a huge export needs little memory). Between two bodies,
the lines are searched for reflect's markers (:mod:`reflect.importers.export_markers`: only
an HTML comment at the top level of the document counts, so a marker-like line inside a
mentor's code block is just text). A body is then taken as the exact number of lines its
marker gives, without parsing it at all, and restored with
:func:`reflect.export.body.restore_body`.

A body whose text no longer matches its checksum (someone wrote in it after export) is
never rebuilt by guesswork: the reader reads on to the entry's comment place and tries
taking out each paragraph that was added (:mod:`reflect.importers.body_recovery`); if that
gives back the exact text, the entry comes as it was (and the lines taken out are named).
If not, the entry is marked ``edited``, and `reflect import`
(:func:`reflect.importers.markdown.import_markdown`) skips it and names it, unless asked to
take it as it now reads.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Iterator

from reflect.errors import InputError
from reflect.export.body import BodyLayout, digest
from reflect.export.format import (
    COMMENTS_HEADING,
    ENTRY_LEVEL,
    FORMAT_VERSION,
    MARK_BODY,
    MARK_ENTRY,
    block_parser,
    comments_target,
    marker_json,
    parse_front_matter,
)
from reflect.importers.body_recovery import restored, without_added_text
from reflect.importers.export_markers import find_markers, marker_kind
from reflect.importers.mentor_comments import comment_text


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
        #: (line, date, title) of edited entries `reflect import` left out.
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
            markers = find_markers(segment)
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
        markers = find_markers(segment)
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
        hidden = next((i for i, line in enumerate(segment) if marker_kind(line) and i not in found), None)
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
            body = restored(lines, layout)
            if not layout.sha256 or digest(body) == layout.sha256:
                return body, False, (), False
        # Edited after export: read on to the comment place and try to give the text back.
        lines += self._up_to_comment_place()
        if lines and not lines[-1][1].strip():
            lines.pop()  # the blank line between the text and its comment place
        if not lines and layout.lines:
            raise self._error(entry_line, "the file ends inside this entry's text.")
        given_back = without_added_text(lines, layout)
        if given_back is not None:
            self.recovered += 1
            return given_back[0], False, given_back[1], True
        self.edited += 1
        return restored(lines, layout), True, (), True

    def _up_to_comment_place(self) -> list[tuple[int, str]]:
        """The lines from here up to the next comment place, entry or end marker (left unread)."""
        found = []
        for item in self._lines:
            line = item[1]
            if line.rstrip("\r\n") == COMMENTS_HEADING or marker_kind(line):
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
