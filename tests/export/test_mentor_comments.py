"""Where a mentor's comment starts and ends."""

from __future__ import annotations

from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT
from reflect.importers.mentor_comments import comment_text


def lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_the_hint_and_blank_lines_around_are_not_part_of_it():
    assert comment_text(lines(f"{COMMENTS_HINT}\n\n  Well done.\n\n\n"), 2) == "Well done."


def test_text_written_on_the_hint_line_counts():
    assert comment_text(lines(f"{COMMENTS_HINT} Well done.\nMore.\n"), 2) == "Well done.\nMore."


def test_nothing_written_is_no_comment():
    assert comment_text(lines(f"{COMMENTS_HINT}\n\n"), 2) == ""
    assert comment_text([], 2) == ""


def test_a_heading_at_the_blocks_level_ends_the_comment():
    text = f"{COMMENTS_HINT}\nGood.\n\n## Overall comments\n\nGreat term.\n"
    assert comment_text(lines(text), 2) == "Good."


def test_setext_headings_count_as_headings():
    assert comment_text(lines(f"{COMMENTS_HINT}\nGood.\n\nOverall\n=======\n"), 2) == "Good."


def test_lower_headings_and_code_stay_in_the_comment():
    text = f"{COMMENTS_HINT}\n### Next time\n\n```\n## not a heading\n```\n"
    assert comment_text(lines(text), 2) == "### Next time\n\n```\n## not a heading\n```"


def test_a_rule_right_under_the_hint_is_a_rule_not_a_heading():
    assert comment_text(lines(f"{COMMENTS_HINT}\n---\nGood.\n"), 2) == "---\nGood."


def test_line_ends_become_newlines():
    assert comment_text(["a\r\n", "b\r", "c\n"], 2) == "a\nb\nc"


FRONT = '---\nreflect_export: 1\nkind: "review-pack"\n---\n'


def places_of(text: str, *reflect_headings: str):
    from reflect.importers.comment_places import heading_key, scan

    found = scan((FRONT + text).split("\n"), "pack.md", {heading_key(h) for h in reflect_headings})
    return [(p.line - 4, p.target, p.text, p.how) for p in found.places]


def test_objective_places_end_at_the_next_objective_or_reflect_heading():
    pack = ("## SMART objectives\n\n### Objective 1: A\n\n#### Mentor comments\n"
            "<!-- reflect:comments objective=u1 -->\n"
            f"{OBJECTIVE_COMMENTS_HINT}\nFirst.\n\n## My notes\n\nkept\n\n"
            "### Objective 2: B\n\n#### Mentor comments\n<!-- reflect:comments objective=u2 -->\n"
            f"{OBJECTIVE_COMMENTS_HINT}\nSecond.\n\n## Development activities\n\n| a |\n")
    assert places_of(pack, "## Development activities") == [
        (5, ("objective", "u1"), "First.\n\n## My notes\n\nkept", "marker"),
        (16, ("objective", "u2"), "Second.", "marker")]


def test_a_damaged_objective_place_is_placed_by_its_heading():
    text = f"### Objective 4: Weigh\n\n#### Mentor comments\n<!-- reflect:comments objective= -->\nx\n"
    assert places_of(text) == [(3, ("objective-id", 4), "x", "position")]


def test_a_marker_lookalike_in_a_closed_code_block_of_a_comment_is_text():
    text = ("### Objective 1: A\n\n#### Mentor comments\n<!-- reflect:comments objective=u1 -->\n"
            "```\n<!-- reflect:comments objective=u2 -->\n```\nafter\n")
    [(_, target, comment, _)] = places_of(text)
    assert target == ("objective", "u1") and comment == "```\n<!-- reflect:comments objective=u2 -->\n```\nafter"
