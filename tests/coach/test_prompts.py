"""A question for today: drawn from what is evidenced least, different the next day."""

from __future__ import annotations

from datetime import date, timedelta

from reflect.coach.prompts import candidates, pick, question_for_today

TODAY = date(2026, 11, 24)


def test_the_stalest_meta_skill_is_asked_about_through_its_sub_skills(framework):
    latest = {s.id: TODAY for s in framework.meta_skills}
    latest["feeling"] = TODAY - timedelta(days=40)
    prompts = candidates(framework, latest, [], TODAY)
    assert {p.skill for p in prompts} == {"feeling"}
    assert [p for p in prompts if "empathy" in p.question]
    assert "40 days ago" in prompts[0].why


def test_a_skill_never_evidenced_comes_first(framework):
    latest = {s.id: TODAY for s in framework.meta_skills if s.id != "curiosity"}
    prompts = candidates(framework, latest, [], TODAY)
    assert prompts[0].skill == "curiosity" and "no reflections yet" in prompts[0].why


def test_criterion_gaps_are_asked_about(framework):
    prompts = candidates(framework, {}, ["SDS0354.P1"], TODAY)
    (gap,) = [p for p in prompts if p.criterion]
    assert gap.criterion == "SDS0354.P1"
    assert "Checking type, quantity and condition" in gap.question
    assert "Processing returns" in gap.why


def test_the_question_stays_all_day_and_changes_the_next(framework):
    prompts = candidates(framework, {}, ["SDS0354.P1", "SDS0354.P2"], TODAY)
    assert pick(prompts, TODAY) == pick(prompts, TODAY)
    assert pick(prompts, TODAY) != pick(prompts, TODAY + timedelta(days=1))
    assert pick([], TODAY) is None


def test_from_a_journal(journal, framework):
    for skill in framework.meta_skills:
        if skill.id != "leadership":
            journal.entries.add(day=TODAY - timedelta(days=2), title="x", body="y", skills=[skill.id])
    prompt = question_for_today(journal, framework, TODAY)
    assert prompt is not None
    assert prompt.skill == "leadership" or prompt.criterion is not None
    asked = [question_for_today(journal, framework, TODAY + timedelta(days=n)) for n in range(14)]
    assert len({p.question for p in asked}) > 1
    assert {p.skill for p in asked if p.skill} == {"leadership"}  # the one meta-skill never evidenced
    assert all(framework.criterion(p.criterion).unit_code in ("INSCS009", "SDS0223")
               for p in asked if p.criterion)  # no unit chosen: gaps in the mandatory ones
