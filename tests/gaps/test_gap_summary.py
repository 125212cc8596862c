"""The whole gap summary and its next-best-step suggestions."""

from datetime import timedelta

from reflect.progress.summary import activity_summary, gap_summary
from tests.gaps.conftest import (
    TODAY,
    add_activity,
    add_assessment,
    add_entry,
    add_feedback,
    add_objective,
    days_ago,
)


def summary(journal, framework, **kwargs):
    return gap_summary(journal, framework, today=TODAY, stale_weeks=12, **kwargs)


def texts(s):
    return [x.text for x in s.suggestions]


def test_summary_leaves_no_transaction_or_temporary_table_behind(journal, tiny_framework):
    add_entry(journal, days_ago(1), skills=["kneading"], criteria=["BAKE01.P1"])
    summary(journal, tiny_framework)
    assert not journal.db.conn.in_transaction
    assert journal.db.execute("SELECT count(*) FROM sqlite_temp_master").fetchone()[0] == 0


def test_summary_works_inside_a_write(journal, tiny_framework):
    with journal.write():
        add_entry(journal, days_ago(1), criteria=["BAKE01.P1"])
        s = summary(journal, tiny_framework)
    assert s.criteria.overall.evidenced == 1
    assert journal.entries.count() == 1


def test_parts_agree_on_the_evidence(journal, tiny_framework):
    add_entry(journal, days_ago(1), skills=["kneading"], criteria=["BAKE01.P1"], private=True)
    s = summary(journal, tiny_framework, include_private=False)
    assert (s.criteria.overall.evidenced, s.skills.entries, s.include_private) == (0, 0, False)


def test_suggests_choosing_optional_units_and_mentions_evidence_already_there(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["SERVE02.P1"])
    assert ("You have chosen no optional units; the framework needs at least 1: choose 1 more. "
            "You already have evidence for 1 criterion of SERVE02.") in texts(summary(journal, tiny_framework))


def test_suggests_a_stale_skill_with_the_weeks_since(journal, tiny_framework):
    add_entry(journal, TODAY - timedelta(weeks=13, days=2), skills=["patience"])
    s = summary(journal, tiny_framework)
    step = next(x for x in s.suggestions if "Patience" in x.text)
    assert step.text == "No reflection on Patience for 13 weeks."
    assert (step.target.kind, step.target.id) == ("skill", "patience")


def test_suggests_the_unit_kind_with_most_gaps(journal, tiny_framework):
    journal.settings.choose_unit("ICE03")
    add_entry(journal, days_ago(1), criteria=["ICE03.P1", "ICE03.B1", "BAKE01.K1"])
    step = next(x for x in summary(journal, tiny_framework).suggestions if x.kind == "unit")
    assert step.text == "BAKE01: 2 performance criteria with no evidence."
    assert step.target.id == "BAKE01"


def test_low_rating_without_objective_is_suggested_first_among_skills(journal, tiny_framework):
    add_assessment(journal, days_ago(5), {"patience": 1})
    s = summary(journal, tiny_framework)
    assert "You rated Patience 1/5 and have no active objective for it: agree one with your mentor." in texts(s)


def test_review_loose_ends_come_before_evidence(journal, tiny_framework):
    journal.settings.choose_unit("ICE03")
    objective = add_objective(journal, "Phone calls")
    add_activity(journal, objective, "Listen to three calls", due=days_ago(2))
    add_feedback(journal, "Speak up more")
    s = summary(journal, tiny_framework)
    assert s.suggestions[0].text.startswith("1 activity is overdue: \"Listen to three calls\" was due")
    assert s.suggestions[0].target.kind == "activity"
    assert s.suggestions[1].text == '1 piece of feedback has no action: "Speak up more".'


def test_review_soon_is_the_first_suggestion(journal, tiny_framework):
    journal.settings.set("review_start", (TODAY + timedelta(days=3)).isoformat())
    assert summary(journal, tiny_framework).suggestions[0].text.startswith("Your review is in 3 days")


def test_streak_nudge_when_this_week_is_empty(journal, tiny_framework):
    add_entry(journal, TODAY - timedelta(days=8))
    assert "Write a reflection this week to keep your 1-week run going." in texts(
        summary(journal, tiny_framework, suggestion_limit=None))


def test_no_more_than_two_suggestions_of_one_kind(journal, framework):
    for unit in framework.optional_units[:3]:
        journal.settings.choose_unit(unit.code)
    kinds = [x.kind for x in summary(journal, framework, suggestion_limit=None).suggestions]
    assert kinds.count("unit") == 2


def test_activity_summary_parts(journal):
    add_entry(journal, TODAY)
    a = activity_summary(journal, today=TODAY, weeks=4)
    assert (len(a.weeks), a.weeks[-1].count, a.current_streak_weeks) == (4, 1, 1)
    assert a.calendar.start == a.weeks[0].start
