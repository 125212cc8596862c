"""What a mentor wrote in the comment places of an export or a review pack.

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

from dataclasses import dataclass

from reflect.export.format import (
    COMMENT_TARGETS,
    COMMENTS_HINT,
    LINE_BREAK,
    MARK_COMMENTS,
    OBJECTIVE_COMMENTS_HINT,
    OBJECTIVE_LEVEL,
    block_parser,
    comments_target,
)

_HINTS = (COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT)
_MARKER_START = "<!-- reflect:"


@dataclass(frozen=True)
class CommentPlace:
    """A comment place found in a file. ``target`` is ``(kind, uid)``, None if its hidden
    line is damaged; ``text`` is the comment ("" if nothing was written)."""

    line: int
    target: tuple[str, str] | None
    text: str = ""


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


def objective_places(lines: list[str], first_line: int) -> list[CommentPlace]:
    """The objectives' comment places among ``lines`` (the part of a review pack before its
    first entry), numbered from ``first_line``.

    An entry's comment place here is reported too (with its target), so a caller can tell
    the file was rearranged.
    """
    if not any(line.startswith(MARK_COMMENTS) for line in lines):
        return []
    bounds: list[int] = []  # lines where a comment ends: markers and headings
    places: list[int] = []
    for token in block_parser().parse("".join(lines)):
        if token.level != 0 or not token.map:
            continue
        start = token.map[0]
        if token.type == "html_block" and lines[start].startswith(_MARKER_START):
            bounds.append(start)
            if lines[start].startswith(MARK_COMMENTS):
                places.append(start)
        elif token.type == "heading_open" and int(token.tag[1]) <= OBJECTIVE_LEVEL:
            bounds.append(start)
    found = []
    for start in places:
        end = min([b for b in bounds if b > start] + [len(lines)])
        target = comments_target(lines[start])
        text = comment_text(lines[start + 1:end], COMMENT_TARGETS[target[0]]) if target else ""
        found.append(CommentPlace(first_line + start, target, text))
    return found
