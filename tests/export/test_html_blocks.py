"""The fast HTML of an export is markdown-it's HTML, byte for byte: plain paragraphs, plain
headings and the details list are written directly, everything else still goes through it."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.demo.journal import build_demo_journal
from reflect.export.entry_block import EntryRenderer
from reflect.export.html import renderer
from reflect.export.html_blocks import render_blocks
from reflect.journal import open_journal

TRICKY = [
    "Plain words.\nSecond line.",
    "Q&A with M&S staff &amp; &#169; &copy; entities",
    "He said \"no\" and 'yes' > < fine",
    "Setext heading\n===",
    "Setext two\n---",
    "Line with hard break  \nnext",
    "Back\\\nslash break",
    "- item\n\nlazy paragraph after a list",
    "- item\n\n  indented continuation",
    "1. one\n2. two\n\nAfter",
    "> quote\n\nafter quote",
    "```\ncode\n\nstill code\n```\n\nafter",
    "    indented code\n\n    more code\n\nafter",
    "[ref]\n\n[ref]: http://example.com",
    "## Heading with *emphasis*",
    "## Plain heading",
    "####### seven hashes",
    "- **Meta-skills:** Focus\n- **Criteria:**\n  - SDS.K5 — Tech & x\n  - SDS.K6 — y\n- **Time spent:** 10 min",
    "- * nested marker\n- # heading in item\n- > quote in item",
    "- item ending in two spaces  \n- next",
    "- ***\n- ---",
    "- 1. ordered inside",
    "- a\n   - b deeper",
    "- a\n  - b\n- c\n  - d\n  - e",
    "  - nested first",
    "Text | with pipe\n---|---",
    "Tab\tinside",
    "Ünïcödé wörds — “quotes” 😊",
    "word_with_underscores and *stars*",
    "http://not.linkified.example",
    "<b>raw html</b> stays text",
    "Trailing space ",
    "\u00a0leading nbsp",
]


def test_tricky_markdown_renders_exactly_as_markdown_it():
    md = renderer()
    for text in TRICKY:
        for document in (text, f"## Title\n\n{text}\n\nPlain closing words.\n"):
            assert render_blocks(document, md) == md.render(document), document


PIECES = st.sampled_from(["Plain", "words", "- ", "  - ", "# ", "## ", "**", "*", "_", "`", "```", "> ",
                          "1. ", "&", "&amp;", "<", ">", "[", "]", "(x)", ":", "|", "---", "===", "\\",
                          "  ", "\t", "\n", "\n\n", " ", "é", "😊", "\u00a0", "~~"])


@settings(max_examples=600, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_any_markdown_renders_exactly_as_markdown_it(text):
    md = renderer()
    assert render_blocks(text, md) == md.render(text)


def test_every_entry_of_the_demo_journal_renders_exactly_as_markdown_it(tmp_path, framework):
    path = tmp_path / "demo.db"
    build_demo_journal(path, framework, date(2026, 11, 24))
    md = renderer()
    blocks = EntryRenderer(framework, markers=False)
    with open_journal(path) as journal:
        rows = journal.entries.list(limit=10_000).rows
        assert len(rows) > 20
        for row in rows:
            text = blocks.render(journal.entries.get(row.id))
            assert render_blocks(text, md) == md.render(text), text
