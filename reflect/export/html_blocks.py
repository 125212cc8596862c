"""Markdown to HTML at the cost of a Markdown export: plain paragraphs are written directly.

markdown-it-py takes about 5 ms for an entry of an export, so a printable pack of 120,000
entries took eight times as long as the Markdown one. Most of an entry is plain prose, and
the rest repeats (the details list names the same criteria over and over, a model's section
headings recur in every entry written with it). So the text is split at blank lines into
blocks:

* a heading of plain text is written directly too;
* a *plain* block (every line starts with a letter and holds no character Markdown could act
  on) is a paragraph, written as markdown-it would write it;
* so is a tight bullet list of one-line items (nested one level at most), its items' text
  rendered by markdown-it's inline renderer and remembered;
* a run of other blocks goes through markdown-it as one piece, and the HTML of each distinct
  run is remembered, so the repeated ones cost nothing after the first.

Splitting at blank lines is only sound when no construct spans them, so text with a fenced
code block (whose blank lines are inside it) or a link reference definition (which applies to
the whole text) is rendered in one piece, as before. ``tests/export/test_html_blocks.py``
checks the result is the same as markdown-it's, byte for byte.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# A line markdown-it would copy into a paragraph unchanged but for escaping: it starts with a
# letter (not a list, heading, quote, code or table marker), has no spaces at either end (hard
# breaks, indented code) and none of the characters that start inline syntax.
_PLAIN_LINE = re.compile(r"[^\W\d_][^\\`*_\[\]<|~\t\r]*(?<=\S)", re.UNICODE)
_LIST_ITEM = re.compile(r"(  )?- (\S[^\n]*)")
# Item text that would open a block of its own inside the item (a list, heading, quote, code,
# a thematic break) or end in a hard break: left to markdown-it.
_BLOCK_START = re.compile(r"[-+*](?:\s|$)|#{1,6}(?:\s|$)|>|```|~~~|(?:[-*_][ \t]*){3,}$"
                          r"|\d{1,9}[.)](?:\s|$)|.*(?:\s|\\)$")
# A block that cannot be part of a list next to it (across a blank line): a paragraph or heading
# starting at the margin.
_ALONE = re.compile(r"[^\W\d_]|#")
_HEADING = re.compile(r"(#{1,6}) ([^\n]+)")
_ENTITY = re.compile(r"&(?:#\d+|#[xX][0-9a-fA-F]+|\w+);")
# Constructs that reach across a blank line.
_SPANS_BLANKS = re.compile(r"^ {0,3}(?:```|~~~)|\]:", re.MULTILINE)


def render_blocks(markdown: str, md: "MarkdownIt") -> str:
    """The HTML ``md.render`` gives for ``markdown``, with plain paragraphs, headings and
    simple lists written directly and other runs rendered once each (see the module)."""
    render = md.render
    if _SPANS_BLANKS.search(markdown):
        return render(markdown)
    html: list[str] = []
    pending: list[str] = []
    # Only what markdown-it takes for a blank line separates blocks.
    blocks = [b for b in re.split(r"\n[ \t]*\n", markdown) if b.strip(" \t\n")]
    for at, block in enumerate(blocks):
        direct = _direct(block, md)
        if direct is not None and block.startswith("- ") and not (
                _ALONE.match(blocks[at - 1] if at else "#") and _ALONE.match(blocks[at + 1] if at + 1 < len(blocks) else "#")):
            direct = None  # a list item or continuation before or after it makes one (loose) list
        if direct is not None:
            if pending:
                html.append(_cached(render)("\n\n".join(pending)))
                pending = []
            html.append(direct)
        else:
            pending.append(block)
    if pending:
        html.append(_cached(render)("\n\n".join(pending)))
    return "".join(html)


def _direct(block: str, md: "MarkdownIt") -> str | None:
    """The HTML of a plain paragraph, a one-line heading of plain text or a simple list;
    None for others."""
    if block.startswith("- "):
        return _simple_list(block, md)
    heading = _HEADING.fullmatch(block)
    if heading:
        level, text = len(heading.group(1)), heading.group(2)
        return f"<h{level}>{_escape(text)}</h{level}>\n" if _is_plain(text) else None
    return f"<p>{_escape(block)}</p>\n" if _is_plain(block) else None


def _simple_list(block: str, md: "MarkdownIt") -> str | None:
    """A tight bullet list of one-line items, nested at most one level (the details list of
    every entry): its items' text goes through markdown-it's inline renderer, remembered."""
    inline = _cached(md.renderInline)
    html = ["<ul>\n"]
    nested = False
    for line in block.split("\n"):
        item = _LIST_ITEM.fullmatch(line)
        if item is None or _BLOCK_START.match(item.group(2)):
            return None
        if item.group(1):  # "  - ": an item of the list inside the previous item
            if not nested:
                if html[-1] != "</li>\n":
                    return None
                html[-1] = "\n<ul>\n"
                nested = True
        elif nested:
            html.append("</ul>\n</li>\n")
            nested = False
        html += ["<li>", inline(item.group(2)), "</li>\n"]
    html.append("</ul>\n</li>\n</ul>\n" if nested else "</ul>\n")
    return "".join(html)


def _is_plain(block: str) -> bool:
    return all(_PLAIN_LINE.fullmatch(line) for line in block.split("\n")) and not (
        "&" in block and _ENTITY.search(block))


def _escape(text: str) -> str:
    # What markdown-it's escapeHtml does (no ``'``, unlike html.escape).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@lru_cache(maxsize=8)
def _cached(render: Callable[[str], str]) -> Callable[[str], str]:
    # Bounded: the pieces that repeat are few (details lists, a model's headings).
    return lru_cache(maxsize=4096)(render)
