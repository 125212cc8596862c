"""The demo's review paperwork: self-assessments with a trend, a completed (read-only) first
review and a draft for the next, SMART objectives in every status with their activities and
evidence, the feedback log and mandatory training; all believable, dated in the story's
order, resolving in the bundled framework, repeatable, and still built on another framework."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from reflect.demo import content as demo_content
from reflect.demo.journal import build_demo_journal, working_days_before
from reflect.progress.summary import gap_summary
from reflect.journal import open_journal
from reflect.review.objective_detail import smart_advice
from reflect.review.models import ACTIVITY_KINDS, OBJECTIVE_STATUSES
from reflect.review.prep import prepare_review
from reflect.review.reviews import ReviewLockedError
from reflect.entries.templates import ACTION_SECTIONS, section_text
from tests.conftest import FakeClock

TODAY = date(2026, 11, 24)  # a Tuesday
#: Midday on TODAY where the tests run, so the journal's today is TODAY in any time zone.
NOON = datetime.combine(TODAY, time(12)).astimezone()
SKILLS = {"focus", "integrity", "adaptability", "initiative", "communication", "feeling", "collaboration",
          "leadership", "curiosity", "creativity", "sense-making", "critical-thinking"}


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory, framework):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    build_demo_journal(path, framework, TODAY)
    return path


@pytest.fixture
def demo(demo_path):
    with open_journal(demo_path, create=False, clock=FakeClock(NOON)) as journal:
        yield journal


def objective(journal, key: str):
    wanted = next(item["specific"] for item in demo_content.OBJECTIVES if item["key"] == key)
    return next(o for o in journal.objectives.list() if o.specific == wanted)


def record_days(journal) -> list[date]:
    """Every day something happened on a record (not deadlines or due dates, which are plans)."""
    rows = journal.db.execute(
        "SELECT assessed_on FROM assessments UNION ALL SELECT changed_on FROM objective_status_changes"
        " UNION ALL SELECT completed_on FROM activities WHERE completed_on IS NOT NULL"
        " UNION ALL SELECT received_on FROM feedback UNION ALL SELECT done_on FROM feedback WHERE done_on IS NOT NULL"
        " UNION ALL SELECT completed_on FROM training WHERE completed_on IS NOT NULL"
        " UNION ALL SELECT agreed_on FROM reviews WHERE agreed_on IS NOT NULL")
    return [date.fromisoformat(r[0]) for r in rows]


# -- self-assessments --------------------------------------------------------------------------


def test_there_are_three_self_assessments_rating_all_twelve_meta_skills(demo):
    assessments = demo.assessments.list()
    assert len(assessments) == 3
    assert all({r.skill_id for r in a.ratings} == SKILLS for a in assessments)


def test_the_first_assessment_is_just_before_the_first_review_and_the_latest_a_week_ago(demo):
    latest, middle, first = demo.assessments.list()
    review = demo.reviews.last_completed()
    assert review.agreed_on - timedelta(days=3) <= first.assessed_on < review.agreed_on
    assert TODAY - timedelta(days=9) <= latest.assessed_on <= TODAY - timedelta(days=5)


def test_assessments_show_communication_rising_while_leadership_stays_low(demo):
    communication = [p.rating for p in demo.assessments.trend("communication")]
    leadership = [p.rating for p in demo.assessments.trend("leadership")]
    assert communication == [3, 3, 4]
    assert leadership == [2, 2, 2]


def test_leadership_is_an_improvement_need_every_time(demo):
    assert all("leadership" in a.improvements for a in demo.assessments.list())


def test_each_assessment_marks_strengths_and_notes_a_few_ratings(demo):
    for a in demo.assessments.list():
        assert len(a.strengths) >= 2
        assert 2 <= sum(bool(r.note) for r in a.ratings) <= 5


def test_the_first_assessment_belongs_to_the_first_review(demo):
    first = demo.assessments.list()[-1]
    assert first.review_id == demo.reviews.last_completed().id


# -- reviews ----------------------------------------------------------------------------------


def test_the_first_review_is_completed_with_her_assessor(demo):
    review = demo.reviews.last_completed()
    assert review.read_only
    assert "Fiona" in review.mentor_name
    assert review.strengths and review.improvements
    assert len(review.proposed_objectives) == 4


def test_a_completed_review_refuses_changes(demo):
    with pytest.raises(ReviewLockedError):
        demo.reviews.update(demo.reviews.last_completed().id, strengths="Rewritten later")


def test_the_first_review_was_held_when_the_schedule_started(demo):
    review = demo.reviews.last_completed()
    assert review.agreed_on.isoformat() == demo.settings.get("review_start")
    assert review.agreed_on == TODAY - timedelta(weeks=demo_content.REVIEW_START_WEEKS_AGO)


def test_the_review_workday_matches_the_schedule_in_the_content():
    assert demo_content.PREVIOUS_REVIEW["workday"] == demo_content.REVIEW_START_WEEKS_AGO * 5


def test_the_first_reviews_snapshot_holds_only_what_existed_then(demo):
    snapshot = demo.reviews.last_completed().snapshot
    assert snapshot["reflection_count"] == 0  # she only started writing three weeks later
    assert len(snapshot["objectives"]) == 4
    assert {o["objective"]["status"] for o in snapshot["objectives"]} == {"agreed"}
    assert snapshot["assessment"]["latest"]["assessed_on"] < snapshot["period_end"]


def test_a_draft_holds_her_notes_for_the_next_review(demo):
    draft = demo.reviews.draft()
    assert draft is not None and not draft.read_only
    assert "leadership" in draft.improvements.lower()
    assert draft.period_start == demo.reviews.last_completed().period_end + timedelta(days=1)


def test_the_next_review_is_two_weeks_away(demo, framework):
    assert gap_summary(demo, framework, today=TODAY).review.days_to_review == 14


# -- objectives ---------------------------------------------------------------------------------


def test_every_objective_status_is_represented(demo):
    assert {o.status for o in demo.objectives.list()} == set(OBJECTIVE_STATUSES)


def test_four_to_six_objectives(demo):
    assert 4 <= len(demo.objectives.list()) <= 6


def test_one_objective_went_from_draft_to_agreed_by_fiona_to_in_progress(demo):
    emails = objective(demo, "complaint-emails")
    assert [c.status for c in demo.objectives.history(emails.id)] == ["draft", "agreed", "in-progress"]
    assert "Fiona" in emails.agreed_by


def test_one_objective_was_drafted_from_a_reflections_action_section(demo):
    emails = objective(demo, "complaint-emails")
    source = demo.entries.get(emails.source_entry_id)
    assert section_text(source.body, ACTION_SECTIONS[source.model])
    assert source.id in {e.id for e in demo.objectives.evidence(emails.id)}


def test_closing_an_objective_early_or_short_says_why(demo):
    for o in demo.objectives.list(["dropped", "not-achieved"]):
        assert len(demo.objectives.history(o.id)[-1].reason) > 40


def test_exactly_one_open_objective_is_past_its_deadline(demo):
    assert [o.id for o in demo.objectives.overdue(TODAY)] == [objective(demo, "compliance").id]


def test_leadership_appears_only_on_the_draft(demo):
    with_leadership = demo.objectives.list(skill="leadership")
    assert [o.status for o in with_leadership] == ["draft"]


def test_every_objective_is_written_in_smart_terms(demo):
    for o in demo.objectives.list():
        assert o.measure and o.achievable and o.relevant and o.deadline and (o.skills or o.criteria)


def test_open_objectives_on_time_get_no_smart_advice(demo, framework):
    for o in demo.objectives.list(["draft", "agreed", "in-progress"]):
        if not o.is_overdue(TODAY):
            assert smart_advice(demo, o, framework, TODAY) == []


def test_reflections_are_linked_as_progress_evidence(demo):
    links = demo.db.execute("SELECT count(*), count(DISTINCT objective_id) FROM entry_objectives").fetchone()
    assert links[0] >= 10 and links[1] >= 4


def test_no_private_reflection_is_linked_to_a_record(demo):
    linked = {r[0] for r in demo.db.execute(
        "SELECT entry_id FROM entry_objectives UNION SELECT entry_id FROM feedback WHERE entry_id IS NOT NULL"
        " UNION SELECT source_entry_id FROM objectives WHERE source_entry_id IS NOT NULL")}
    assert not any(demo.entries.get(i).private for i in linked)


# -- activities --------------------------------------------------------------------------------


def test_each_objective_has_two_or_three_activities(demo):
    for o in demo.objectives.list():
        assert 2 <= len(demo.activities.list(objective_id=o.id)) <= 3


def test_activities_are_courses_shadowing_reading_and_practice(demo):
    assert {a.kind for a in demo.activities.list()} == set(ACTIVITY_KINDS) - {"other"}


def test_some_activities_are_done_and_some_still_to_do(demo):
    activities = demo.activities.list()
    done = [a for a in activities if a.done]
    assert len(activities) // 3 <= len(done) < len(activities)


def test_exactly_one_activity_is_overdue(demo):
    overdue = demo.activities.overdue(TODAY)
    assert len(overdue) == 1
    assert demo.objectives.get(overdue[0].objective_id).status == "in-progress"


# -- feedback ----------------------------------------------------------------------------------


def test_six_to_eight_pieces_of_feedback_from_every_kind_of_source(demo):
    feedback = demo.feedback.list()
    assert 6 <= len(feedback) <= 8
    assert {f.source_kind for f in feedback} == {"mentor", "manager", "colleague", "customer", "assessor"}


def test_exactly_one_piece_of_feedback_has_no_action_yet(demo):
    assert len([f for f in demo.feedback.list() if not f.action]) == 1


def test_most_feedback_is_acted_on_but_not_all(demo):
    feedback = demo.feedback.list()
    assert len(feedback) // 2 < sum(f.done for f in feedback) < len(feedback)


def test_some_feedback_is_linked_to_objectives_and_reflections(demo):
    feedback = demo.feedback.list()
    assert sum(f.objective_id is not None for f in feedback) >= 2
    assert sum(f.entry_id is not None for f in feedback) >= 5


# -- training ----------------------------------------------------------------------------------


def test_fire_safety_and_data_protection_are_done_with_certificates(demo):
    done = {t.name: t for t in demo.training.list(done=True)}
    for name in ("Fire safety and evacuation", "Data protection (UK GDPR)"):
        assert done[name].certificate_ref


def test_manual_handling_was_done_late_as_her_entry_says(demo):
    manual = next(t for t in demo.training.list() if t.name == "Manual handling")
    assert manual.done and manual.completed_on > manual.due


def test_anti_money_laundering_is_due_within_a_fortnight(demo):
    aml = next(t for t in demo.training.list(done=False) if "money laundering" in t.name)
    assert TODAY < aml.due <= TODAY + timedelta(days=14)


def test_exactly_one_piece_of_training_is_overdue(demo):
    assert len(demo.training.overdue(TODAY)) == 1


# -- dates and order --------------------------------------------------------------------------


def test_nothing_happened_after_today_or_at_a_weekend(demo):
    days = record_days(demo)
    assert max(days) <= TODAY
    assert all(d.weekday() < 5 for d in days)


def test_the_journal_was_set_up_at_the_first_review(demo):
    first_created = demo.db.execute(
        "SELECT min(created_at) FROM (SELECT created_at FROM entries UNION ALL SELECT created_at FROM assessments"
        " UNION ALL SELECT created_at FROM objectives UNION ALL SELECT created_at FROM training)").fetchone()[0]
    review = demo.reviews.last_completed()
    assert first_created <= review.completed_at < min(e.created_at for e in demo.entries.iter_entries())


# -- the framework -----------------------------------------------------------------------------


def test_every_id_in_the_records_is_in_the_bundled_framework(framework):
    skills = {s for item in demo_content.OBJECTIVES for s in item["skills"]}
    skills |= {s for item in demo_content.ASSESSMENTS for s in item["ratings"]}
    criteria = {c for item in demo_content.OBJECTIVES for c in item["criteria"]}
    assert {s for s in skills if framework.skill(s) is None} == set()
    assert {c for c in criteria if framework.criterion(c) is None} == set()


def test_objective_criteria_come_from_mandatory_or_chosen_units(framework):
    chosen = set(demo_content.CHOSEN_UNITS)
    units = {framework.criterion(c).unit_code for item in demo_content.OBJECTIVES for c in item["criteria"]}
    assert all(framework.unit(u).mandatory or u in chosen for u in units)


def test_the_built_objectives_keep_every_link(demo):
    built = {o.specific: (set(o.skills), set(o.criteria)) for o in demo.objectives.list()}
    assert built == {item["specific"]: (set(item["skills"]), set(item["criteria"]))
                     for item in demo_content.OBJECTIVES}


def test_titles_the_records_cite_are_live_public_entries():
    entries = {item["title"]: item for item in demo_content.ENTRIES if not item.get("trashed")}
    cited = {t for item in demo_content.OBJECTIVES for t in item["evidence"]}
    cited |= {item[k] for item in demo_content.OBJECTIVES for k in ("from_entry", "source_entry") if k in item}
    cited |= {item["entry"] for item in demo_content.FEEDBACK if "entry" in item}
    assert all(t in entries and not entries[t].get("private") for t in cited)


# -- preparing the next review and the gaps --------------------------------------------------------


def test_preparing_the_next_review_covers_everything_since_the_first(demo, framework):
    prepared = prepare_review(demo, framework)
    assert prepared.period_start == demo.reviews.last_completed().period_end + timedelta(days=1)
    assert prepared.period_end == TODAY
    assert prepared.reflection_count + prepared.private_count == demo.entries.count()
    assert len(prepared.objectives) == len(demo.objectives.list())
    assert prepared.assessment.in_period and prepared.assessment.previous is not None


def test_preparing_the_next_review_reminds_her_of_each_loose_end(demo, framework):
    reminders = " ".join(prepare_review(demo, framework).reminders)
    for words in ("activity is overdue", "no action yet", "still a draft", "training is overdue"):
        assert words in reminders


def test_older_feedback_still_to_act_on_is_carried_into_the_next_review(demo, framework):
    assert len(prepare_review(demo, framework).feedback_still_open) == 1


def test_the_gaps_flag_leadership_and_only_leadership(demo, framework):
    skills = gap_summary(demo, framework, today=TODAY).skills.skills
    flagged = [s for s in skills if s.flagged]
    assert [s.id for s in flagged] == ["leadership"]
    assert flagged[0].rating == 2 and flagged[0].active_objectives == ()


def test_the_gaps_list_one_loose_end_of_each_kind(demo, framework):
    review = gap_summary(demo, framework, today=TODAY).review
    assert len(review.overdue_activities) == len(review.overdue_objectives) == 1
    assert len(review.feedback_without_action) == len(review.training_overdue) == 1
    assert len(review.training_not_done) == 2


# -- any day, any framework (same-day repeatability is in test_demo.py) -----------------


@pytest.mark.parametrize("today", [date(2026, 11, 28), date(2026, 11, 29)], ids=["Saturday", "Sunday"])
def test_built_at_a_weekend_the_first_review_is_still_on_a_working_day(tmp_path, framework, today):
    build_demo_journal(tmp_path / "weekend.db", framework, today)
    with open_journal(tmp_path / "weekend.db", create=False) as journal:
        review = journal.reviews.last_completed()
        assert review.agreed_on.weekday() < 5
        assert review.agreed_on.isoformat() == journal.settings.get("review_start")
        assert 12 <= (review.agreed_on + timedelta(weeks=12) - today).days <= 16


def test_builds_on_another_framework_with_the_paperwork_but_without_its_ids(tmp_path, tiny_framework):
    build_demo_journal(tmp_path / "tiny.db", tiny_framework, TODAY)
    with open_journal(tmp_path / "tiny.db", create=False, clock=FakeClock(NOON)) as journal:
        assert journal.assessments.list() == []  # none of her meta-skills exists there
        objectives = journal.objectives.list()
        assert len(objectives) == len(demo_content.OBJECTIVES)
        assert all(o.skills == () and o.criteria == () for o in objectives)
        assert journal.reviews.last_completed().read_only
        assert len(journal.feedback.list()) == len(demo_content.FEEDBACK)
        assert prepare_review(journal, tiny_framework).reminders


def test_working_days_before_counts_forward_when_negative():
    friday = date(2026, 11, 27)
    assert working_days_before(friday, -1) == date(2026, 11, 30)
    assert working_days_before(friday, -5) == date(2026, 12, 4)
