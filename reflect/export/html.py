"""Markdown made into one self-contained, printable HTML file (for mentors who prefer a browser).

The Markdown is rendered with markdown-it-py (CommonMark plus tables and strikethrough) with
its ``html`` option OFF: HTML written in a reflection (``<script>``, ``<img>``, ...) is shown
as text, never run. Nothing is loaded from anywhere: the stylesheet is inline, pictures a
reflection links to become plain links, attached pictures are in the page itself
(:mod:`reflect.export.entries_html`), and a Content-Security-Policy forbids fetching
anything but those ``data:`` images even if something slipped through. A print stylesheet makes it a tidy handout.

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
figure.attachment { margin: 0.8em 0; }
figure.attachment img { display: block; max-width: 100%; max-height: 14cm; height: auto; border: 1px solid #c9c9c3; }
figure.attachment figcaption { font-size: 0.85rem; color: #5f5f5a; }
@page { size: A4; margin: 16mm 15mm; }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h1.part { break-before: page; page-break-before: always; }
  table, tr, pre, blockquote, figure { break-inside: avoid; page-break-inside: avoid; }
  figure.attachment img { max-height: 9cm; }
  th { background: #eee; }
  tbody tr:nth-child(even) { background: none; }
}
""".strip()

#: Added for a review pack: a denser print (two columns of reflections, run-in details) so a
#: mentor's printout stays short, and the record's boxes with room to write by hand.
PACK_CSS = CSS + """
section.brief table th:nth-child(1) { width: 1.5em; }
section.brief table th:nth-child(2) { width: 45%; }
section.reflections article.entry > ul:first-of-type { list-style: none; padding: 0; margin: 0.2em 0 0.5em;
  font-size: 0.85em; color: #4a4a46; }
section.reflections article.entry > ul:first-of-type ul { padding-left: 1.2em; margin: 0; }
section.record { break-before: page; page-break-before: always; }
section.record .box { border: 1px solid #7a7a74; border-radius: 3px; margin: 0.3em 0 0.8em; box-sizing: border-box;
  padding: 0.3em 0.5em; white-space: pre-wrap; }
section.record .box ul { white-space: normal; margin: 0; }
section.record table { table-layout: fixed; }
section.record .comments { min-height: 4.8cm; }
section.record .actions { min-height: 3.6cm; }
section.record .next { min-height: 1.1cm; width: 45%; }
section.record table.sign td, section.record table.sign th { height: 1.1cm; vertical-align: middle; }
section.record table.ratings td { padding: 0.05em 0.5em; height: 0.5cm; }
@media print {
  body { font-size: 9.5pt; line-height: 1.32; }
  h1 { font-size: 15pt; margin: 0.4em 0 0.3em; }
  h2 { font-size: 12pt; margin: 0.9em 0 0.3em; }
  h3 { font-size: 10.5pt; margin: 0.8em 0 0.25em; }
  h4, h5, h6 { font-size: 9.5pt; margin: 0.6em 0 0.15em; }
  p, ul, ol { margin: 0.3em 0; }
  table { font-size: 8.5pt; margin: 0.4em 0; }
  th, td { padding: 0.15em 0.35em; }
  table { break-inside: auto; page-break-inside: auto; }
  section.reflections { font-size: 8.8pt; line-height: 1.27; }
  /* The reflections follow on (a page of white after the training table would only add paper). */
  section.reflections h1.part { break-before: auto; page-break-before: auto; margin-top: 1.2em; }
  section.reflections .entries { columns: 2; column-gap: 6mm; }
  section.reflections article.entry { margin-top: 0.6rem; padding-top: 0.2rem; }
  section.reflections article.entry > h2 { font-size: 10pt; margin: 0.2em 0; break-after: avoid; }
  section.reflections article.entry h3 { font-size: 9pt; margin: 0.5em 0 0.1em; }
  /* A model's headings run in: "Situation  Just after lunch..." */
  section.reflections article.entry h4 { display: inline; font-size: 8.8pt; margin: 0; }
  section.reflections article.entry h4::before { content: ""; display: block; margin-top: 0.35em; }
  section.reflections article.entry h4::after { content: "  "; white-space: pre; }
  section.reflections article.entry h4 + p { display: inline; }
  section.reflections article.entry > ul:first-of-type li { display: inline; }
  section.reflections article.entry > ul:first-of-type > li + li::before { content: " \\00b7  "; }
  section.reflections article.entry > ul:first-of-type ul li + li::before { content: "; "; }
  section.reflections article.entry > ul:first-of-type ul { display: inline; padding: 0; }
  section.detail > h2:first-child { break-before: page; page-break-before: always; }
  section.detail { font-size: 9pt; }
  section.brief { font-size: 9pt; }
  section.detail > table:first-of-type td:nth-child(2), section.detail > table:first-of-type td:nth-child(3) { white-space: nowrap; }
  section.appendix table { font-size: 8pt; line-height: 1.2; }
  section.appendix th, section.appendix td { padding: 0.05em 0.3em; }
  section.appendix h3 { margin: 0.6em 0 0.15em; }
  section.appendix { font-size: 9pt; }
  section.record h1 { margin-top: 0; }
  section.record { font-size: 9pt; }
  section.record h2 { font-size: 10.5pt; margin: 0.5em 0 0.15em; border: 0; }
  section.record table.ratings, section.record table.sign { break-inside: avoid; }
}
""".rstrip()

_HEAD = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
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

    def __init__(self, out: TextIO, title: str, css: str = CSS):
        self.out = out
        self.title = title
        self.css = css

    def __enter__(self) -> "HtmlPage":
        self.out.write(_HEAD.format(version=escape(__version__), title=escape(self.title), css=self.css))
        return self

    def add(self, markdown: str, *, wrap: str | None = None, tag: str = "article") -> None:
        """Render ``markdown`` into the page, inside ``<article class="wrap">`` (or another
        ``tag``) if given."""
        html = render_blocks(markdown, renderer())
        if wrap:
            html = f'<{tag} class="{escape(wrap)}">\n{html}</{tag}>\n'
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
