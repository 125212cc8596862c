"""A question for today: one prompt to reflect on, drawn from what is evidenced least.

Candidates come from the meta-skill with the least recent evidence (one question per
sub-skill, "Think of a time today you used *listening*...") and from the performance
criteria still without evidence in the apprentice's chosen units (or the mandatory ones
when none is chosen). :func:`pick` takes one by the day, so the question changes every day
and stays the same all day. :func:`question_for_today` reads the journal for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Sequence

from reflect.jsonable import Record

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal

__all__ = ["Prompt", "candidates", "pick", "question_for_today"]


@dataclass(frozen=True)
class Prompt(Record):
    """One question, why it was chosen, and the tags a reflection written from it starts with."""

    question: str
    why: str
    skill: str | None = None
    criterion: str | None = None

    def starting_body(self) -> str:
        """The text a reflection started from this prompt opens with: the question as a hint."""
        return f"> {self.question}\n\n"


def candidates(framework: "Framework", skill_latest: dict[str, date | None], gap_criteria: Sequence[str],
               today: date) -> list[Prompt]:
    """The questions worth asking: the stalest meta-skill's sub-skills, then criterion gaps.

    ``skill_latest`` maps each meta-skill id to the day of its latest reflection (None:
    never); ``gap_criteria`` are criterion ids with no evidence, most wanted first.
    """
    prompts: list[Prompt] = []
    if framework.meta_skills:
        order = {s.id: i for i, s in enumerate(framework.meta_skills)}
        stalest = min(framework.meta_skills,
                      key=lambda s: (skill_latest.get(s.id) or date.min, order[s.id]))
        latest = skill_latest.get(stalest.id)
        why = (f"{stalest.name} has no reflections yet" if latest is None else
               f"{stalest.name} was last evidenced {(today - latest).days} days ago")
        for sub in stalest.sub_skills or (stalest.name.lower(),):
            prompts.append(Prompt(f"When did you use {sub} at work recently? What did you do, how did it go, "
                                  f"and what did it teach you about {stalest.name.lower()}?", why, skill=stalest.id))
    for cid in gap_criteria[:6]:
        criterion = framework.criterion(cid)
        if criterion is None:
            continue
        unit = framework.unit(criterion.unit_code)
        text = criterion.text.rstrip(". ")
        prompts.append(Prompt(f"{cid} asks for “{text}”. When did you do that? Write about a time you did, "
                              f"or ask your mentor for a chance to.",
                              f"{cid} ({unit.title if unit else criterion.unit_code}) has no evidence yet",
                              criterion=cid))
    return prompts


def pick(prompts: Sequence[Prompt], today: date) -> Prompt | None:
    """The prompt for ``today``: the same all day, a different one the next day (if there are two)."""
    if not prompts:
        return None
    return prompts[today.toordinal() % len(prompts)]


def question_for_today(journal: "Journal", framework: "Framework", today: date | None = None) -> Prompt | None:
    """Today's question for this journal (None when the framework has nothing to ask about).

    It needs only each meta-skill's latest day and the criteria without evidence, so it reads
    them from the running totals (as the coverage summaries do) without building those
    summaries: the home screen asks for it every time the journal changes.
    """
    from reflect.dates import later
    from reflect.framework.unit_plan import unit_plan
    from reflect.progress import counts
    from reflect.progress.evidence import GAP, STALE, freshness, stale_cutoff

    today = today or journal.today()
    cutoff = stale_cutoff(today, journal.settings.get("stale_weeks"))
    with counts.open_evidence(journal) as evidence:
        found = counts.criteria(journal, evidence)
        sets = counts.skill_sets(journal, evidence, None)  # only each set's latest day is wanted
    latest: dict[str, date | None] = {}
    for skills_of, _entries, _recent, day in sets:
        for sid in skills_of:
            latest[sid] = later(latest.get(sid), day)
    plan = unit_plan(journal, framework)
    order = {u.code: i for i, u in enumerate(framework.units)}
    units = [u for u in map(framework.unit, plan.units) if u is not None]
    chosen = [u for u in units if u.code in plan.chosen] or [u for u in units if u.mandatory]
    status = {c.id: freshness(found.get(c.id, (0, None))[1], cutoff) for u in chosen for c in u.criteria}

    def most_wanted(unit) -> tuple:
        # As the coverage summary orders units: most gaps, then most stale, then the framework's order.
        states = [status[c.id] for c in unit.criteria]
        return -states.count(GAP), -states.count(STALE), order[unit.code]
    gaps = [c.id for u in sorted(chosen, key=most_wanted) for c in u.criteria
            if status[c.id] == GAP and c.kind == "performance"]
    return pick(candidates(framework, latest, gaps, today), today)
