"""Self-assessments: ratings with plain words, notes, strengths, the trend per skill."""

from datetime import date

import pytest

from reflect.review.assessments import compare
from reflect.errors import InputError
from reflect.review.models import RATING_SCALE, rating_word
from tests.review.conftest import TODAY


def test_scale_has_five_plain_words():
    assert [RATING_SCALE[n][0] for n in range(1, 6)] == ["Not yet", "Starting", "Developing", "Confident", "Strong"]
    assert rating_word(3) == "Developing"


def test_add_keeps_ratings_notes_and_marks(journal):
    a = journal.assessments.add(ratings={"focus": 4, "leadership": 2, "integrity": 3},
                                notes={"focus": "calmer at the till"}, strengths=["focus"], improve=["leadership"],
                                note="after the Christmas rush")
    assert a.assessed_on == TODAY and a.note == "after the Christmas rush"
    focus = a.rating_for("focus")
    assert (focus.rating, focus.word, focus.note, focus.focus) == (4, "Confident", "calmer at the till", "strength")
    assert a.strengths == ("focus",) and a.improvements == ("leadership",)
    assert a.rating_for("integrity").focus is None
    assert journal.assessments.get(a.id) == a


@pytest.mark.parametrize("kwargs,message", [
    ({"ratings": {}}, "Rate at least one"),
    ({"ratings": {"focus": 6}}, "Rate focus from 1 to 5, not 6"),
    ({"ratings": {"focus": True}}, "from 1 to 5"),
    ({"ratings": {"focus": 3}, "strengths": ["focus"], "improve": ["focus"]}, "both a strength and an improvement"),
    ({"ratings": {"focus": 3}, "strengths": ["leadership"]}, "Rate leadership too"),
    ({"ratings": {"focus": 3}, "notes": {"leadership": "x"}}, "Rate leadership too"),
    ({"ratings": {"focus": 3}, "assessed_on": date(2027, 1, 1)}, "can't be in the future"),
])
def test_bad_assessments_are_refused_and_nothing_is_saved(journal, kwargs, message):
    with pytest.raises(InputError, match=message):
        journal.assessments.add(**kwargs)
    assert journal.assessments.list() == []


def test_every_assessment_is_kept_and_the_trend_shows(journal):
    first = journal.assessments.add(ratings={"focus": 2, "leadership": 1}, assessed_on=date(2026, 6, 1))
    second = journal.assessments.add(ratings={"focus": 3}, assessed_on=date(2026, 9, 1))
    third = journal.assessments.add(ratings={"focus": 4, "leadership": 2}, assessed_on=TODAY)
    assert [p.rating for p in journal.assessments.trend("focus")] == [2, 3, 4]
    assert [(p.assessment_id, p.rating) for p in journal.assessments.trend("leadership")] == [(first.id, 1),
                                                                                             (third.id, 2)]
    assert [a.id for a in journal.assessments.list()] == [third.id, second.id, first.id]
    assert journal.assessments.latest() == third
    assert journal.assessments.latest(on_or_before=date(2026, 10, 1)) == second
    assert journal.assessments.previous(third) == second
    assert journal.assessments.previous(first) is None


def test_compare_against_previous_in_framework_order(journal):
    before = journal.assessments.add(ratings={"focus": 2, "integrity": 3}, assessed_on=date(2026, 9, 1))
    after = journal.assessments.add(ratings={"focus": 4, "leadership": 2})
    changes = compare(after, before, order=["focus", "integrity", "leadership"])
    assert [(c.skill_id, c.before, c.after, c.change) for c in changes] == [
        ("focus", 2, 4, 2), ("integrity", 3, None, None), ("leadership", None, 2, None)]


def test_delete_an_assessment_made_by_mistake(journal):
    a = journal.assessments.add(ratings={"focus": 2})
    journal.assessments.delete(a.id)
    assert journal.assessments.list() == []
