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


def _question_from_the_summaries(journal, framework, today):
    """The question worked out from the full coverage summaries (how it was done before the
    running totals were read directly): the reference for the quicker path."""
    from reflect.progress.criteria import criteria_coverage
    from reflect.progress.skills import skill_coverage

    skills = skill_coverage(journal, framework, today=today)
    coverage = criteria_coverage(journal, framework, today=today)
    chosen = [u for u in coverage.units if u.chosen] or [u for u in coverage.units if u.mandatory]
    gaps = [cid for u in chosen for cid in u.gap_ids
            if (c := framework.criterion(cid)) is not None and c.kind == "performance"]
    latest = {s.id: s.latest for s in skills.skills}
    return pick(candidates(framework, latest, gaps, today), today)


def test_the_question_matches_the_coverage_summaries(journal, framework):
    import random

    rng = random.Random(16)
    performance = [c.id for u in framework.units for c in u.criteria if c.kind == "performance"]
    skills = [s.id for s in framework.meta_skills]
    journal.settings.set("stale_weeks", 4)
    for day in range(120):
        journal.entries.add(day=TODAY - timedelta(days=day * 3), title=f"Day {day}", body="Words.",
                            skills=rng.sample(skills, rng.randint(0, 3)),
                            criteria=rng.sample(performance, rng.randint(0, 4)), private=rng.random() < 0.1)
    for chosen in ([], [u.code for u in framework.optional_units[:3]]):
        for code in chosen:
            journal.settings.choose_unit(code)
        for n in range(0, 40, 3):
            day = TODAY - timedelta(days=n * 5)
            assert question_for_today(journal, framework, day) == _question_from_the_summaries(journal, framework, day)
