"""Putting an entry's body into an export so that it reads well and comes back byte for byte.

A body is arbitrary Markdown. Inside an export it sits under the entry's ``##`` heading, so
its own headings move two levels down (``#`` becomes ``###``; levels past 6 stay at 6), and a
construct it leaves open (a code fence or an HTML comment without its end) is closed after
it, so it cannot swallow the rest of the file. Nothing else changes: every other byte,
including ``\\r``, trailing spaces and the final newline, is written as it is.

Each change is recorded in a :class:`BodyLayout` (written to the body marker), and
:func:`restore_body` undoes exactly those changes. So getting the body back never depends
on parsing it the same way twice, and a checksum tells whether it was edited meanwhile.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from reflect.jsonable import Record
from reflect.export.format import (
    MARK_BODY,
    MARK_CLOSE,
    block_parser,
    body_marker,
    count_lines,
    split_keeping_breaks,
)

#: How far a body's headings move down: the entry's heading is level 2.
SHIFT = 2
MAX_LEVEL = 6
# A hidden line appended after a body when checking whether the body leaves anything open.
_PROBE = "<!-- reflect:probe -->"

# Lines worth a look in the fast path: anything that could be a heading, a fence, HTML or a
# setext underline. Bodies with none of them (most) are written untouched without parsing.
# Matched against "\n" + body: a literal "\n" is found far faster than a multi-line "^".
_CANDIDATE = re.compile(r"\n(?:[ \t>*+\-0-9.)]*(?:```|~~~|<|#)| {0,3}(?:=+|-+)[ \t]*(?=\n|$))")
# The lines the fast path cannot lay out: the candidates above except ATX headings and
# paragraphs starting with "#" ("#hashtag", "#######") at most three spaces in.
_HARD = re.compile(r"\n(?:[ \t>*+\-0-9.)]*(?:```|~~~|<)|(?! {0,3}#)[ \t>*+\-0-9.)]*#| {0,3}(?:=+|-+)[ \t]*(?=\n|$))")
_ATX_LINE = re.compile(r"\n {0,3}(#{1,6})(?=[ \t\n]|$)")


@dataclass
class BodyLayout(Record):
    """How a body was written into an export (all line numbers count from the body's start)."""

    lines: int = 0
    sha256: str = ""
    #: ``(line, n)``: n "#" were added to the ATX heading on that line.
    shifts: list[tuple[int, int]] = field(default_factory=list)
    #: ``(first line, underline line, underline)``: a setext heading written as ATX.
    setext: list[tuple[int, int, str]] = field(default_factory=list)
    #: How many lines were added after the body to close what it left open.
    closers: int = 0

    def json_shape(self) -> dict:
        data: dict = {"lines": self.lines, "sha256": self.sha256}
        if self.shifts:
            data["shift"] = [list(s) for s in self.shifts]
        if self.setext:
            data["setext"] = [list(s) for s in self.setext]
        if self.closers:
            data["close"] = self.closers
        return data

    def marker(self) -> str:
        """The body marker line for this layout."""
        if self.shifts or self.setext or self.closers:
            return body_marker(self.to_json())
        # Most bodies: a digest is hex digits, so no JSON encoder is needed.
        return f'{MARK_BODY}{{"lines": {self.lines}, "sha256": "{self.sha256}"}}{MARK_CLOSE}'

    @classmethod
    def from_json(cls, data: dict) -> "BodyLayout":
        """Read a body marker's data; ValueError if it is not what :meth:`to_json` writes."""
        try:
            layout = cls(
                lines=_count(data["lines"]), sha256=str(data.get("sha256", "")),
                shifts=[(_count(i), _count(n)) for i, n in data.get("shift", [])],
                setext=[(_count(a), _count(b), str(u)) for a, b, u in data.get("setext", [])],
                closers=_count(data.get("close", 0)),
            )
        except (KeyError, TypeError, ValueError):
            raise ValueError("the body marker is damaged") from None
        return layout


def _count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(value)
    return value


def digest(body: str) -> str:
    """A short checksum of a body (enough to notice an edit, not a security measure)."""
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def layout_body(body: str) -> tuple[str, BodyLayout]:
    """The text to write for ``body`` and how to undo it. Write it followed by a newline."""
    if not body:
        return "", BodyLayout()
    if _plain(body):
        # Nothing that could be a heading, a fence or HTML (most bodies): written as is.
        return body, BodyLayout(lines=body.count("\n") + 1, sha256=digest(body))
    if "\r" not in body and (fast := _fast_layout(body)) is not None:
        return fast
    parts = split_keeping_breaks(body)
    lines = parts[0::2]
    layout = _parsed_layout(body, lines)
    for i, n in layout.shifts:
        at = lines[i].index("#")
        lines[i] = lines[i][:at] + "#" * n + lines[i][at:]
    for first, under, underline in layout.setext:
        lines[first] = _setext_prefix(underline) + lines[first]
        # Blank the underline; a space keeps a "\r" before it and a "\n" after it from
        # becoming one "\r\n" line break.
        merges = parts[2 * under - 1] == "\r" and parts[2 * under + 1:2 * under + 2] == ["\n"]
        lines[under] = " " if merges else ""
    parts[0::2] = lines
    text = "".join(parts)
    if layout.closers:
        text += "\n" + "\n".join(_closers(body))
    layout.lines = count_lines(text)
    layout.sha256 = digest(body)
    return text, layout


def _plain(body: str) -> bool:
    """Whether no line of ``body`` could be a heading, fence, HTML or setext underline
    (plain ``in`` tests first: they are a hundred times faster than any regex)."""
    if "#" in body or "<" in body or "`" in body or "~" in body or "=" in body or "\r" in body:
        return False
    # Without those, only a line of dashes (a setext underline) is left to look for.
    return "-" not in body or not _CANDIDATE.search("\n" + body)


def restore_body(text: str, layout: BodyLayout) -> str:
    """Undo :func:`layout_body`: the original body from the text as written.

    Changes are undone only where the text still looks as written, so a body edited after
    export keeps its edits (its checksum then no longer matches).
    """
    if layout.closers:
        text = text.rsplit("\n", layout.closers)[0]
    parts = split_keeping_breaks(text)
    lines = parts[0::2]
    for i, n in layout.shifts:
        if i < len(lines) and (at := lines[i].find("#")) >= 0 and lines[i][at:at + n] == "#" * n:
            lines[i] = lines[i][:at] + lines[i][at + n:]
    for first, under, underline in layout.setext:
        prefix = _setext_prefix(underline)
        if under < len(lines) and lines[first].startswith(prefix) and not lines[under].strip(" "):
            lines[first] = lines[first][len(prefix):]
            lines[under] = underline
    parts[0::2] = lines
    return "".join(parts)


def _setext_prefix(underline: str) -> str:
    level = 1 if underline.strip()[:1] == "=" else 2
    return "#" * (level + SHIFT) + " "


def _added(level: int) -> int:
    return min(level + SHIFT, MAX_LEVEL) - level


def _fast_layout(body: str) -> tuple[str, BodyLayout] | None:
    """Lay out a body (without "\\r") whose only structure is plain ATX headings; None if
    it has anything else.

    Gives exactly what the markdown-it path gives for such bodies (a test checks), without
    the cost of parsing: an export of 100,000 entries must stay fast.
    """
    text = "\n" + body
    if _HARD.search(text):
        return None
    pieces: list[str] = []
    shifts: list[tuple[int, int]] = []
    done = line = pos = 0
    for match in _ATX_LINE.finditer(text):
        n = _added(len(match.group(1)))
        if not n:
            continue
        line += text.count("\n", pos, match.start())  # the heading's line number
        pos = match.start()
        at = match.start(1) - 1  # where its "#" start in body
        pieces += (body[done:at], "#" * n)
        done = at
        shifts.append((line, n))
    pieces.append(body[done:])
    return "".join(pieces), BodyLayout(lines=body.count("\n") + 1, sha256=digest(body), shifts=shifts)


def _parsed_layout(body: str, lines: list[str]) -> BodyLayout:
    """The layout of any body, from markdown-it-py's reading of it."""
    tokens = block_parser().parse(body + "\n\n" + _PROBE + "\n")
    layout = BodyLayout()
    for token in tokens:
        if token.type != "heading_open" or token.map is None or token.map[0] >= len(lines):
            continue
        n = _added(int(token.tag[1]))
        start, end = token.map
        if not n:
            continue
        if token.markup.startswith("#"):
            layout.shifts.append((start, n))
        elif token.level == 0:
            # Setext headings ("Title" over "===") cannot go below level 2: write them as ATX.
            layout.setext.append((start, end - 1, lines[end - 1]))
    if not _is_probe(tokens[-1]):
        layout.closers = len(_closers(body))
    return layout


def _is_probe(token) -> bool:
    return token.type == "html_block" and token.content.strip() == _PROBE


_HTML_ENDS = (
    (re.compile(r" {0,3}<(script|pre|style|textarea)(?=[\s>]|$)", re.I), None),
    (re.compile(r" {0,3}<!--"), "-->"),
    (re.compile(r" {0,3}<\?"), "?>"),
    (re.compile(r" {0,3}<!\[CDATA\["), "]]>"),
    (re.compile(r" {0,3}<![A-Za-z]"), ">"),
)


def _closers(body: str) -> list[str]:
    """Lines that close whatever ``body`` leaves open at its end (usually none)."""
    closers: list[str] = []
    for _ in range(4):
        text = body + "".join("\n" + c for c in closers)
        tokens = block_parser().parse(text + "\n\n" + _PROBE + "\n")
        if _is_probe(tokens[-1]):
            return closers
        closers.append(_closer_for(tokens[-1]))
    raise RuntimeError("could not close an open construct in an entry body")  # a bug


def _closer_for(token) -> str:
    if token.type == "fence":
        return token.markup
    if token.type == "html_block":
        for pattern, end in _HTML_ENDS:
            if match := pattern.match(token.content):
                return end or f"</{match.group(1).lower()}>"
    raise RuntimeError(f"unexpected open {token.type} in an entry body")  # a bug
