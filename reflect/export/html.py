"""Markdown made into one self-contained, printable HTML file (for mentors who prefer a browser).

The Markdown is rendered with markdown-it-py (CommonMark plus tables and strikethrough) with
its ``html`` option OFF: HTML written in a reflection (``<script>``, ``<img>``, ...) is shown
as text, never run. Nothing is loaded from anywhere: the stylesheet is inline, pictures a
reflection links to become plain links, and a Content-Security-Policy forbids fetching
anything even if something slipped through. A print stylesheet makes it a tidy handout.

The page is written piece by piece (:class:`HtmlPage`), so a long export never has to be
held in memory as one HTML string. Plain paragraphs skip markdown-it
(:mod:`reflect.export.html_blocks`), so the HTML pack costs about what the Markdown one does.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from types import TracebackType
from typing import TextIO

from reflect import __version__
from reflect.export.html_blocks import render_blocks

CSS = """
:root { color-scheme: light; }
body { margin: 0; background: #f4f4f1; color: #1d1d1b; font: 16px/1.5 system-ui, -apple-system, "Segoe UI",
       Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 54rem; margin: 0 auto; padding: 1.5rem 2rem 4rem; background: #fff; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.5em; }
h1 { font-size: 1.8rem; border-bottom: 3px solid #2b5b84; padding-bottom: 0.2em; }
h2 { font-size: 1.35rem; border-bottom: 1px solid #c9c9c3; padding-bottom: 0.15em; }
h3 { font-size: 1.1rem; }
h4, h5, h6 { font-size: 1rem; }
a { color: #2b5b84; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.9rem; width: 100%; }
th, td { border: 1px solid #c9c9c3; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }
th { background: #e8eef3; }
tbody tr:nth-child(even) { background: #f7f7f4; }
code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
pre { background: #f4f4f1; padding: 0.6em 0.8em; overflow-x: auto; white-space: pre-wrap; }
blockquote { margin: 0.8em 0; padding: 0 1em; border-left: 4px solid #c9c9c3; color: #4a4a46; }
article.entry { border-top: 1px solid #c9c9c3; margin-top: 1.5rem; }
article.entry > h2 { border: 0; }
.generated { color: #5f5f5a; font-size: 0.85rem; margin-top: 3rem; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h1.part { break-before: page; page-break-before: always; }
  table, tr, pre, blockquote { break-inside: avoid; page-break-inside: avoid; }
  th { background: #eee; }
  tbody tr:nth-child(even) { background: none; }
}
""".strip()

_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="reflect {version}">
<title>{title}</title>
<style>
{css}
</style>
</head>
<body>
<main>
"""
_TAIL = "</main>\n</body>\n</html>\n"


class HtmlPage:
    """One HTML document written to ``out``: the head on entering, then each piece of
    Markdown as it is added, and the end on leaving (not after an error)."""

    def __init__(self, out: TextIO, title: str):
        self.out = out
        self.title = title

    def __enter__(self) -> "HtmlPage":
        self.out.write(_HEAD.format(version=escape(__version__), title=escape(self.title), css=CSS))
        return self

    def add(self, markdown: str, *, wrap: str | None = None) -> None:
        """Render ``markdown`` into the page, inside ``<article class="wrap">`` if given."""
        html = render_blocks(markdown, renderer())
        if wrap:
            html = f'<article class="{escape(wrap)}">\n{html}</article>\n'
        self.out.write(html)

    def add_html(self, html: str) -> None:
        """Add HTML reflect wrote itself (never user text)."""
        self.out.write(html)

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.out.write(_TAIL)


def markdown_to_html(markdown: str, title: str) -> str:
    """A whole self-contained page for ``markdown`` (handy for short documents and tests)."""
    import io

    out = io.StringIO()
    with HtmlPage(out, title) as page:
        page.add(markdown)
    return out.getvalue()


@lru_cache(maxsize=1)
def renderer():
    """markdown-it-py for user content: CommonMark, tables, strikethrough; raw HTML off."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.add_render_rule("image", _image_as_link)
    md.add_render_rule("link_open", _link_open)
    return md


def _image_as_link(self, tokens, idx, options, env) -> str:
    """A picture becomes a link to it: the page never loads anything from elsewhere."""
    token = tokens[idx]
    alt = self.renderInlineAsText(token.children or [], options, env).strip()
    src = token.attrGet("src") or ""
    label = f"[picture: {escape(alt)}]" if alt else "[picture]"
    return f'<a class="picture" href="{escape(str(src))}" rel="noopener noreferrer">{label}</a>'


def _link_open(self, tokens, idx, options, env) -> str:
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)
