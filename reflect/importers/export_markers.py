"""Which lines of a stretch of an export are reflect's hidden markers (entry, body, comment
place, end).

Only an HTML comment at the top level of the document counts, so a marker-like line inside a
mentor's code block or HTML block is just text. markdown-it-py decides that, but only when
something in the stretch could open such a block; otherwise every marker-like line is a
marker (the same answer, much faster).
"""

from __future__ import annotations

from reflect.export.format import MARK_BODY, MARK_COMMENTS, MARK_END, MARK_ENTRY, block_parser


def find_markers(segment: list[str]) -> list[tuple[str, int]]:
    """reflect's markers among ``segment``'s top-level blocks: ``(kind, line index)``."""
    if not any(may_hide_lines(line) for line in segment):
        # Only a fence or an HTML block opened at the top level can make a line that starts
        # at column 0 part of something else; with neither, every marker line is a marker.
        # (The same answer markdown-it gives, a test checks; it is just much faster.)
        return [(kind, i) for i, line in enumerate(segment) if (kind := marker_kind(line))]
    return parsed_markers(segment)


def parsed_markers(segment: list[str]) -> list[tuple[str, int]]:
    """:func:`find_markers` always asking markdown-it-py (slower; the reference answer)."""
    found = []
    for token in block_parser().parse("".join(segment)):
        if token.type == "html_block" and token.level == 0 and token.map:
            if kind := marker_kind(segment[token.map[0]]):
                found.append((kind, token.map[0]))
    return found


_KINDS = (("entry", MARK_ENTRY), ("body", MARK_BODY), ("comments", MARK_COMMENTS))


def marker_kind(line: str) -> str | None:
    """``"entry"``, ``"body"``, ``"comments"`` or ``"end"`` if ``line`` looks like that marker
    (wherever it stands), else None."""
    for kind, prefix in _KINDS:
        if line.startswith(prefix):
            return kind
    return "end" if line.rstrip("\r\n") == MARK_END else None


def may_hide_lines(line: str) -> bool:
    """Whether ``line`` could open a fence or HTML block that runs on past it."""
    text = line.lstrip(" ")
    return text[:1] in ("`", "~", "<") and len(line) - len(text) <= 3 and not (
        line.startswith("<!-- reflect:") and line.rstrip("\r\n").endswith(" -->"))
