"""What a mentor wrote in an entry's comment place, as `reflect import` reads an export
(``ExportedEntry.comments``). `reflect import-feedback` reads a mentor's file with its own,
more forgiving reader: :mod:`reflect.importers.comment_places`.

A comment place is a "Mentor comments" heading, a hidden line naming what it is about
(``<!-- reflect:comments entry=<uid> -->`` or ``objective=<uid>``) and a hint line. The
comment is everything written after the hint up to the next reflect marker, or up to the
next heading at the level of its entry's (``##``) or objective's (``###``) own heading or
higher, whichever comes first. The hint itself and blank lines around the text are not part
of it; line ends become ``\\n``. Headings, code blocks and marker-like text inside a comment
are kept as written, as long as they are at a lower level or closed.

Structure is read with markdown-it-py, as a viewer reads it: only top-level HTML comments
are markers and only top-level headings end a comment.
"""

from __future__ import annotations

from reflect.export.format import (
    COMMENTS_HINT,
    LINE_BREAK,
    OBJECTIVE_COMMENTS_HINT,
    block_parser,
)

_HINTS = (COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT)


def comment_text(lines: list[str], level: int) -> str:
    """The comment in ``lines``: the lines after a comments marker, up to the next marker.
    ``level`` is the heading level of the block the comment is about."""
    lines = _without_hint(lines)
    if not any(line.strip() for line in lines):
        return ""
    for token in block_parser().parse("".join(lines)):
        if token.type == "heading_open" and token.level == 0 and int(token.tag[1]) <= level and token.map:
            lines = lines[:token.map[0]]
            break
    return normalise("".join(lines))


def normalise(text: str) -> str:
    """A comment as it is kept: ``\\n`` line ends, no blank lines or spaces around it."""
    return LINE_BREAK.sub("\n", text).strip()


def _without_hint(lines: list[str]) -> list[str]:
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines):
        return []
    first = lines[start].strip()
    for hint in _HINTS:
        if first.startswith(hint):
            # A mentor may have started writing on the hint line itself.
            rest = first[len(hint):].strip()
            return ([rest + "\n"] if rest else []) + lines[start + 1:]
    return lines[start:]
