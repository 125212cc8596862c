"""Meta-skill coverage: reflections per meta-skill and per category, how recent, how balanced,
and the latest self-rating next to the amount of evidence.

A skill rated low in the latest self-assessment with no active objective is flagged: that is
where an objective is most likely missing. Self-ratings and objectives are read straight from
their tables (read-only) so this module needs nothing from the review-workflow stores.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record
from reflect.dates import later
from reflect.entries.models import Target
from reflect.progress.evidence import (
    STALE,
    freshness,
    narrowed,
    stale_cutoff,
)
from reflect.progress import counts
from reflect.progress.counts import EvidenceSet, open_evidence
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework

#: Objective statuses that mean someone is working on it (a draft is not agreed yet).
ACTIVE_STATUSES = ("agreed", "in-progress")
#: A self-rating at or below this (out of 5) with no active objective is flagged.
LOW_RATING = 2


@dataclass(frozen=True)
class SkillCoverage(Record):
    """One meta-skill: evidence, freshness, share of all skill tags, latest self-rating."""

    id: str
    name: str
    category: str
    count: int  # reflections tagged with it
    recent: int  # of those, dated within the stale age
    latest: date | None
    status: str  # gap, stale, ok
    share: float  # fraction of all meta-skill tags in scope (0..1)
    rating: int | None  # latest self-rating, 1..5
    rated_on: date | None
    active_objectives: tuple[int, ...]  # ids of agreed/in-progress objectives for it
    target: Target

    @property
    def flagged(self) -> bool:
        """Rated low with no active objective to work on it."""
        return self.rating is not None and self.rating <= LOW_RATING and not self.active_objectives

    def json_shape(self) -> dict:
        return {"id": self.id, "name": self.name, "category": self.category, "count": self.count,
                "recent": self.recent, "latest": self.latest, "status": self.status,
                "share": round(self.share, 4), "rating": self.rating, "rated_on": self.rated_on,
                "active_objectives": list(self.active_objectives), "flagged": self.flagged}


@dataclass(frozen=True)
class CategoryCoverage(Record):
    """A group of meta-skills: distinct reflections tagged with any of them."""

    id: str
    name: str
    count: int
    latest: date | None
    status: str
    skill_ids: tuple[str, ...]  # drill down through the skills (entry filters AND skills)

    def json_shape(self) -> dict:
        return {"id": self.id, "name": self.name, "count": self.count, "latest": self.latest,
                "status": self.status, "skills": list(self.skill_ids)}


@dataclass(frozen=True)
class SkillSummary(Record):
    """Every meta-skill of the framework, its categories, and the balance across them."""

    today: date
    stale_weeks: int
    stale_before: date
    entries: int  # reflections in scope
    untagged: int  # of those, with no meta-skill at all
    skills: tuple[SkillCoverage, ...]  # framework order
    categories: tuple[CategoryCoverage, ...]
    #: How evenly reflections spread over the skills: 1 = perfectly even, 0 = one skill or none.
    balance: float
    unknown: dict[str, int]  # skill ids the framework lacks -> reflections

    def skill(self, skill_id: str) -> SkillCoverage | None:
        return next((s for s in self.skills if s.id == skill_id), None)

    @property
    def stale(self) -> list[SkillCoverage]:
        return [s for s in self.skills if s.status == STALE]

    @property
    def flagged(self) -> list[SkillCoverage]:
        return [s for s in self.skills if s.flagged]

    def json_shape(self) -> dict:
        return {"date": self.today, "stale_weeks": self.stale_weeks,
                "stale_before": self.stale_before, "entries": self.entries,
                "untagged": self.untagged, "balance": round(self.balance, 4),
                "meta_skills": self.skills,
                "categories": self.categories, "unknown_skills": dict(self.unknown)}


def skill_coverage(
    journal: "Journal",
    framework: "Framework",
    *,
    today: date | None = None,
    stale_weeks: int | None = None,
    entry_filter: EntryFilter | None = None,
    include_private: bool = True,
    evidence: EvidenceSet | None = None,
) -> SkillSummary:
    """Evidence for each meta-skill and category (arguments as in ``criteria_coverage``)."""
    if evidence is None:
        with open_evidence(journal, entry_filter, include_private) as evidence:
            return skill_coverage(journal, framework, today=today, stale_weeks=stale_weeks, evidence=evidence)
    today = today or journal.today()
    stale_weeks = stale_weeks if stale_weeks is not None else journal.settings.get("stale_weeks")
    cutoff = stale_cutoff(today, stale_weeks)
    base = evidence.filters

    sets = counts.skill_sets(journal, evidence, cutoff)
    ratings = _latest_ratings(journal, today)
    objectives = _active_objectives(journal)

    per_skill: dict[str, list] = {}  # skill id -> [entries, recent, latest]
    for skills_of, n, recent, latest in sets:
        for sid in skills_of:
            row = per_skill.setdefault(sid, [0, 0, None])
            row[0] += n
            row[1] += recent
            row[2] = later(row[2], latest)
    tags = sum(per_skill.get(s.id, (0,))[0] for s in framework.meta_skills)
    skills = []
    for s in framework.meta_skills:
        count, recent, latest = per_skill.get(s.id, (0, 0, None))
        rating, rated_on = ratings.get(s.id, (None, None))
        skills.append(SkillCoverage(
            id=s.id, name=s.name, category=s.category, count=count, recent=recent, latest=latest,
            status=freshness(latest, cutoff), share=count / tags if tags else 0.0,
            rating=rating, rated_on=rated_on, active_objectives=tuple(objectives.get(s.id, ())),
            target=Target("skill", s.id, narrowed(base, skill=s.id)),
        ))
    return SkillSummary(
        today=today, stale_weeks=stale_weeks, stale_before=cutoff,
        entries=sum(n for _, n, _, _ in sets), untagged=sum(n for ids, n, _, _ in sets if not ids),
        skills=tuple(skills), categories=_categories(framework, sets, cutoff),
        balance=balance([s.count for s in skills]),
        unknown={sid: v[0] for sid, v in sorted(per_skill.items()) if framework.skill(sid) is None},
    )


def balance(counts: list[int]) -> float:
    """Evenness of ``counts`` as normalised Shannon entropy: 1 when all equal, 0 when one has all."""
    total = sum(counts)
    if total == 0 or len(counts) < 2:
        return 0.0
    entropy = -sum(n / total * math.log(n / total) for n in counts if n)
    return entropy / math.log(len(counts))


def _categories(framework: "Framework", sets: list, cutoff: date) -> tuple[CategoryCoverage, ...]:
    result = []
    for c in framework.categories:
        members = frozenset(s.id for s in framework.skills_in(c.id))
        count, latest = 0, None
        for skills_of, n, _, last in sets:
            if skills_of & members:  # an entry with two skills of one category counts once
                count += n
                latest = later(latest, last)
        result.append(CategoryCoverage(c.id, c.name, count, latest, freshness(latest, cutoff),
                                       tuple(s.id for s in framework.skills_in(c.id))))
    return tuple(result)


def _latest_ratings(journal: "Journal", today: date) -> dict[str, tuple[int, date]]:
    """Per skill, the rating from the latest self-assessment (on or before today) that rated it."""
    conn = journal.conn
    rated = {sid for (sid,) in conn.execute("SELECT DISTINCT skill_id FROM assessment_ratings")}
    found: dict[str, tuple[int, date]] = {}
    # Newest first, stopping once every skill has its rating: usually after the first one.
    for assessment_id, on in conn.execute(
            "SELECT id, assessed_on FROM assessments WHERE assessed_on <= ? ORDER BY assessed_on DESC, id DESC",
            [today.isoformat()]).fetchall():
        for sid, rating in conn.execute(
                "SELECT skill_id, rating FROM assessment_ratings WHERE assessment_id = ?", [assessment_id]):
            found.setdefault(sid, (rating, date.fromisoformat(on)))
        if len(found) == len(rated):
            break
    return found


def _active_objectives(journal: "Journal") -> dict[str, list[int]]:
    marks = ", ".join("?" for _ in ACTIVE_STATUSES)
    found: dict[str, list[int]] = {}
    for sid, oid in journal.conn.execute(
            "SELECT os.skill_id, o.id FROM objective_skills os JOIN objectives o ON o.id = os.objective_id"
            f" WHERE o.status IN ({marks}) ORDER BY o.id", ACTIVE_STATUSES):
        found.setdefault(sid, []).append(oid)
    return found
