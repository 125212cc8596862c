"""Bodies inside an export: headings nested under the entry, nothing left open, and back
byte for byte."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflect.export.body import (
    BodyLayout,
    _fast_layout,
    _parsed_layout,
    digest,
    layout_body,
    restore_body,
)
from reflect.export.format import block_parser, split_keeping_breaks

NASTY = {
    "empty": "",
    "only spaces": "   ",
    "no final newline": "one line",
    "many final newlines": "text\n\n\n",
    "trailing spaces (hard break)": "line one  \nline two\t\n",
    "every heading level": "# 1\n## 2\n### 3\n#### 4\n##### 5\n###### 6\n####### not one\n",
    "closed ATX headings": "# Title #\n## Sub ##   \n",
    "setext headings": "Big\n===\n\nSmaller\n---\n",
    "multi-line setext": "First line\nsecond line\n  ====  \nafter\n",
    "front matter look-alike": "---\ntitle: Not front matter\ndate: 2026-11-24\n---\n\nBody.\n",
    "thematic breaks": "a\n\n---\n\n***\n\n- - -\n",
    "closed fence with headings": "```python\n# comment\n## more\n```\n# real\n",
    "unclosed backtick fence": "Before\n\n```\ncode\n# not a heading",
    "unclosed long tilde fence": "~~~~~ sh\necho hi\n~~~\n",
    "unclosed fence in a list": "- item\n\n  ```\n  code\n",
    "unclosed html comment": "Visible\n\n<!-- hidden\n# still hidden\n",
    "unclosed script": "<script>\nalert('hi')\n\n# inside\n",
    "unclosed pre": "<PRE class=x>\nkeep\n",
    "processing instruction": "<?php echo 1;\n",
    "declaration": "<!DOCTYPE html\n",
    "cdata": "<![CDATA[\nstuff\n",
    "html block": "<div>\n<p>hi</p>\n</div>\n\n<details><summary>More</summary>\n\nInside\n\n</details>\n",
    "our own markers": ("<!-- reflect:entry {\"uid\": \"x\"} -->\n<!-- reflect:body {\"lines\": 1} -->\n"
                        "<!-- reflect:comments entry=x -->\n<!-- reflect:end -->\n### Mentor comments\n"),
    "windows line ends": "# Title\r\n\r\nText\r\n",
    "old mac line ends": "# Title\rText\r",
    "mixed line ends": "a\r\n# b\rc\nd\r",
    "lone carriage return at end": "text\r",
    "nul and odd separators": "a\x00b\n\x0bc\x0c\u2028d\u2029\x85e\x1c\n",
    "headings in containers": "> # Quoted\n>\n> ## Sub\n\n- # In a list\n1. ## Numbered\n",
    "indented code": "    # not a heading\n\n\t# nor this\n",
    "hashtags": "#hashtag at the start\n #another\n",
    "link definitions": "[ref]: http://example.com 'title'\n\n[ref]\n",
    "setext in a quote": "> Quote\n> ===\n",
}


@pytest.mark.parametrize("body", NASTY.values(), ids=NASTY.keys())
def test_nasty_bodies_come_back_byte_for_byte(body):
    text, layout = layout_body(body)
    assert restore_body(text, layout) == body
    assert digest(restore_body(text, layout)) == layout.sha256 or body == ""


@pytest.mark.parametrize("body", NASTY.values(), ids=NASTY.keys())
def test_layout_survives_its_marker_json(body):
    _, layout = layout_body(body)
    assert BodyLayout.from_json(layout.to_json()) == layout


@pytest.mark.parametrize("body", NASTY.values(), ids=NASTY.keys())
def test_nothing_stays_open_after_a_body(body):
    text, _ = layout_body(body)
    tokens = block_parser().parse(text + "\n\n<!-- after -->\n")
    assert tokens[-1].type == "html_block" and tokens[-1].content.strip() == "<!-- after -->"


@pytest.mark.parametrize("body", NASTY.values(), ids=NASTY.keys())
def test_written_line_count_is_what_markdown_it_counts(body):
    text, layout = layout_body(body)
    after = block_parser().parse(text + ("\n" if text else "") + "<!-- after -->\n")[-1]
    assert after.map[0] == layout.lines


def test_headings_move_two_levels_down():
    text, _ = layout_body("# One\ntext\n## Two\n#### Four\n##### Five\n###### Six\n")
    assert text == "### One\ntext\n#### Two\n###### Four\n###### Five\n###### Six\n"


def test_setext_headings_become_atx_below_the_entry():
    text, _ = layout_body("Big\n===\nSmall\n---\n")
    assert text == "### Big\n\n#### Small\n\n"


def test_headings_in_quotes_and_lists_move_too():
    text, _ = layout_body("> # Quoted\n- ## Listed\n")
    assert text == "> ### Quoted\n- #### Listed\n"


def test_code_and_hashtags_are_not_headings():
    body = "```\n# comment\n```\n    # indented\n#hashtag\n"
    assert layout_body(body)[0] == body


def test_unclosed_fence_is_closed_after_the_body():
    text, layout = layout_body("```\ncode")
    assert text == "```\ncode\n```"
    assert layout.closers == 1


def test_unclosed_comment_is_closed_after_the_body():
    text, _ = layout_body("<!-- secret\nnote\n")
    assert text.endswith("\n-->")


def test_body_without_structure_is_written_as_is():
    body = "Served a queue of forty.\n\n- kept calm\n- said sorry\n"
    text, layout = layout_body(body)
    assert text == body
    assert layout.to_json() == {"lines": 5, "sha256": digest(body)}


def test_edited_text_keeps_the_edit_and_fails_the_checksum():
    text, layout = layout_body("# Title\nfirst\n")
    restored = restore_body(text.replace("first", "changed by mentor"), layout)
    assert restored == "# Title\nchanged by mentor\n"
    assert digest(restored) != layout.sha256


def test_damaged_marker_data_is_refused():
    with pytest.raises(ValueError):
        BodyLayout.from_json({"lines": "many"})
    with pytest.raises(ValueError):
        BodyLayout.from_json({"lines": 2, "shift": [[0]]})


# -- properties ------------------------------------------------------------------------------

#: Text made of Markdown's building blocks: printable characters, line ends of every kind,
#: punctuation and whole constructs (fences, comments, our own markers).
MARKDOWNISH = st.lists(
    st.sampled_from(list("abc XYZ 123\t\n\r#=-*_`~<>![](){}|\\/:.'\"&;?")
                    + ["```", "~~~", "<!--", "-->", "<script>", "\n\n", "    ", "# ", "\r\n",
                       "<!-- reflect:end -->", "---\n", "é", "\u2028", "\x00"]),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
@example("#\n=")
@example("```\n\r")
def test_any_markdownish_body_round_trips(body):
    text, layout = layout_body(body)
    assert restore_body(text, layout) == body


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_any_unicode_body_round_trips(body):
    text, layout = layout_body(body)
    assert restore_body(text, layout) == body


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_no_body_leaves_anything_open(body):
    text, _ = layout_body(body)
    tokens = block_parser().parse(text + "\n\n<!-- after -->\n")
    assert tokens[-1].type == "html_block" and tokens[-1].content.strip() == "<!-- after -->"


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_fast_path_agrees_with_markdown_it(body):
    fast = _fast_layout(body) if body and "\r" not in body else None
    if fast is not None:
        parsed = _parsed_layout(body, split_keeping_breaks(body)[0::2])
        assert fast[1].shifts == parsed.shifts
        assert parsed.setext == [] and parsed.closers == 0


@settings(max_examples=300, deadline=None)
@given(MARKDOWNISH)
def test_top_level_headings_end_up_below_the_entry_heading(body):
    text, _ = layout_body(body)
    levels = [int(t.tag[1]) for t in block_parser().parse(text) if t.type == "heading_open" and t.level == 0]
    assert all(level >= 3 for level in levels)


@pytest.mark.parametrize("body", ["a\r---\n", "a\r===\r\nb", "x\r\n===\r"])
def test_blanked_setext_underline_does_not_join_line_ends(body):
    text, layout = layout_body(body)
    assert restore_body(text, layout) == body
    after = block_parser().parse(text + "\n<!-- after -->\n")[-1]
    assert after.map[0] == layout.lines


@settings(max_examples=400, deadline=None)
@given(MARKDOWNISH)
def test_marker_line_count_matches_markdown_it(body):
    text, layout = layout_body(body)
    after = block_parser().parse(text + ("\n" if text else "") + "<!-- after -->\n")[-1]
    assert after.map[0] == layout.lines
