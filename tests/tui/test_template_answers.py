"""Templates keep answers: typing on or just under a hint starts the answer on its own line,
ctrl+up/down go from section to section, and the word count leaves the template out."""

from __future__ import annotations

from textual.widgets import TextArea

from reflect.entries.templates import template_body
from reflect.tui.widgets.markdown_area import answer_edit, answer_spot, first_answer, section_starts
from reflect.words import body_words

from .test_navigation import until

LINES = ["## Task", "", "> What did you need to achieve?", "", "", "## Action", "", "> What did you do?", ""]


def test_typing_on_a_hint_goes_below_it_a_blank_line_apart():
    assert answer_edit(LINES, 2, 31, "W") == ((4, 0), "W")
    assert answer_edit(["> Q?", "", "next"], 0, 4, "W") == ((1, 0), "\nW")
    assert answer_edit(["> Q?"], 0, 4, "W") == ((0, 4), "\n\nW")


def test_typing_just_under_a_hint_keeps_a_blank_line():
    assert answer_edit(["> Q?", ""], 1, 0, "W") == ((1, 0), "\nW")
    assert answer_edit(["Mine", ""], 1, 0, "W") == ((1, 0), "W")


def test_sections_and_where_their_answers_go():
    assert section_starts(LINES) == [0, 5]
    assert answer_spot(LINES, 0) == (4, 0)
    assert answer_spot(LINES[:3] + ["", "I had to cover tills"] + LINES[5:], 0) == (4, 20)


def test_the_first_answer_goes_under_the_first_question_from_a_row_on():
    assert first_answer(LINES) == (4, 0)  # two blank lines under the hint: the second one
    assert first_answer(["> Q?", "", "Next"]) == (1, 0)
    assert first_answer(["> Q?"]) == (1, 0)  # at the end: the line after it
    assert first_answer(["> A?", "", "", "> B?", "", ""], from_row=1) == (5, 0)  # the next question's
    assert first_answer(["> Q?", "already answered"]) is None


async def test_star_answers_stay_answers_and_count(make, journal):
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await until(pilot, lambda: type(app.screen).__name__ == "TemplateChooser")
        await pilot.press("down", "down", "down", "enter")  # STAR
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        await pilot.press(*"Busy Saturday", "enter")
        body = app.screen.query_one("#body", TextArea)
        await until(pilot, lambda: body.has_focus)
        await pilot.press(*"Cover the tills")
        # To the Task section, then onto its hint line, and type there.
        await pilot.press("ctrl+down")
        await until(pilot, lambda: body.cursor_location[0] > 4)
        await pilot.press("up", "up", "end", *"Keep the queue short")
        await until(pilot, lambda: "Keep the queue short" in body.text)
        lines = body.text.splitlines()
        answer = lines.index("Keep the queue short")
        assert lines[answer - 1] == "" and lines[answer - 2] == "> What did you need to achieve?"
        words = body_words(body.text) + 2
        assert f"{words} words" in str(body.border_subtitle)
        assert words == 2 + 3 + 4
        await pilot.press("ctrl+up")
        await until(pilot, lambda: body.cursor_location[0] < answer - 2)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: journal.entries.count() == 1)
    stored = journal.conn.execute("SELECT words FROM entries").fetchone()[0]
    assert stored == words
    assert body_words(template_body("star")) == 0


async def test_sections_are_also_on_keys_macos_lets_through(make, journal):
    # macOS keeps ctrl+up and ctrl+down (Mission Control): ctrl+n and ctrl+b move too.
    app = make()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await until(pilot, lambda: type(app.screen).__name__ == "TemplateChooser")
        await pilot.press("down", "down", "down", "enter")  # STAR
        await until(pilot, lambda: type(app.screen).__name__ == "EditorScreen")
        await pilot.press(*"Busy Saturday", "enter")
        body = app.screen.query_one("#body", TextArea)
        await until(pilot, lambda: body.has_focus)
        start = body.cursor_location[0]
        await pilot.press("ctrl+n")
        await until(pilot, lambda: body.cursor_location[0] > start)
        moved = body.cursor_location[0]
        await pilot.press("ctrl+b")
        await until(pilot, lambda: body.cursor_location[0] < moved)
