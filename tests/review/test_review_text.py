"""The review as text: every section, the reader's notes, completed reviews read-only."""

from datetime import date

from reflect.review.prep import complete_review, prepare_review
from reflect.review.text import render_review
from tests.review.conftest import TODAY


def test_preparation_text_has_every_section(journal, framework):
    journal.entries.add(day=TODAY, title="Calm refund", skills=["focus"], criteria=["INSCS009.P2"])
    journal.reviews.save_draft(strengths="Calm with complaints")
    prepared = prepare_review(journal, framework)
    text = render_review(prepared.to_json(), prepared.draft)
    for heading in ("# Review preparation", "## Before the meeting", "## Self-assessment",
                    "## Reflections by meta-skill (1)", "## Criteria evidenced for the first time (1)",
                    "## Objectives", "## Development activities", "## Feedback", "## Mandatory training",
                    "## Current gaps", "## Review notes"):
        assert heading in text, heading
    assert "  #1     Tue 24 Nov 2026  Calm refund" in text
    assert "Strengths:\n  Calm with complaints" in text


def test_ratings_show_words_and_change(journal, framework):
    journal.assessments.add(ratings={"focus": 2}, assessed_on=date(2026, 9, 1))
    journal.assessments.add(ratings={"focus": 4}, strengths=["focus"], notes={"focus": "calmer"})
    text = render_review(prepare_review(journal, framework).to_json())
    assert "  Focus       4 Confident   was 2 (+2)  strength" in text
    assert "“calmer”" in text


def test_completed_review_text_says_read_only(journal, framework):
    journal.entries.add(day=TODAY, title="x")
    review = complete_review(journal, framework, mentor_name="Alex Smith", agreed_on=TODAY)
    text = render_review(review.snapshot, review)
    assert text.startswith("# Completed review: ")
    assert "Agreed on Tue 24 Nov 2026 with Alex Smith (review 1; read-only)." in text
    assert "## Before the meeting" not in text
