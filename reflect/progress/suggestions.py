"""Gentle "next best step" suggestions drawn from a gap summary.

Each suggestion is one short sentence with a :class:`~reflect.progress.evidence.Target` to drill into,
ranked so the most pressing comes first: the review itself, loose ends from the last one, the
unit plan, meta-skills, then criteria. Nothing here queries the journal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Protocol

from reflect.words import plural
from reflect.jsonable import Record
from reflect.dates import format_long
from reflect.entries.models import Target
from reflect.progress.evidence import GAP

if TYPE_CHECKING:
    from reflect.framework.unit_plan import UnitPlan
    from reflect.progress.criteria import CriteriaCoverage
    from reflect.progress.skills import SkillSummary
    from reflect.review.loose_ends import ReviewGaps


class SummaryParts(Protocol):
    """The parts of a gap summary that suggestions are drawn from (a GapSummary has them).

    Read-only properties, so that a frozen dataclass (GapSummary is one) matches.
    """

    @property
    def today(self) -> date: ...
    @property
    def plan(self) -> "UnitPlan": ...
    @property
    def criteria(self) -> "CriteriaCoverage": ...
    @property
    def skills(self) -> "SkillSummary": ...
    @property
    def review(self) -> "ReviewGaps": ...


#: How many days before a review it is worth a nudge.
REVIEW_SOON_DAYS = 14
#: At most this many suggestions of one kind.
PER_KIND = 2
#: How to name items of each kind in a sentence (singular, plural).
KIND_NOUNS = {
    "performance": ("performance criterion", "performance criteria"),
    "knowledge": ("knowledge item", "knowledge items"),
    "skill": ("skills item", "skills items"),
    "behaviour": ("behaviour", "behaviours"),
}


@dataclass(frozen=True)
class Suggestion(Record):
    """One next step: what to do, why, and where to look."""

    kind: str  # review, activities, objectives, feedback, training, units, rating, skill, unit, streak
    text: str
    target: Target
    priority: int  # lower comes first

    def json_shape(self) -> dict:
        return {"kind": self.kind, "text": self.text, "target": self.target}


def suggestions(summary: "SummaryParts", *, streak_weeks: int | None = None,
                this_week: int | None = None, limit: int | None = 6) -> list[Suggestion]:
    """The next best steps, most pressing first (at most ``limit``; None for all).

    ``streak_weeks`` (the current run) and ``this_week`` (reflections so far this week), when
    given, add a nudge to keep a run of weekly reflections going.
    """
    found: list[Suggestion] = []
    found += _review(summary)
    found += _plan(summary)
    found += _skills(summary)
    found += _units(summary)
    if streak_weeks and this_week == 0:
        found.append(Suggestion("streak", f"Write a reflection this week to keep your {streak_weeks}-week run going.",
                                Target("write"), 60))
    found.sort(key=lambda s: s.priority)  # stable: ties keep the order they were made in
    # A few of each kind, so one long list (twelve skills, ten units) does not crowd out the rest.
    seen: dict[str, int] = {}
    kept = []
    for s in found:
        seen[s.kind] = seen.get(s.kind, 0) + 1
        if seen[s.kind] <= PER_KIND:
            kept.append(s)
    return kept if limit is None else kept[:limit]


def _review(summary: "SummaryParts") -> list[Suggestion]:
    review = summary.review
    found = []
    days = review.days_to_review
    if days is not None and days <= REVIEW_SOON_DAYS and review.next_review is not None:
        when = "today" if days == 0 else ("tomorrow" if days == 1 else f"in {days} days")
        found.append(Suggestion("review", f"Your review is {when} ({format_long(review.next_review)}): "
                                          "look over your gaps and loose ends.", Target("review"), 0))
    for kind, items, what in (
            ("activities", review.overdue_activities, "activity is overdue|activities are overdue"),
            ("objectives", review.overdue_objectives, "objective is past its deadline|objectives are past their deadline"),
            ("feedback", review.feedback_without_action, "piece of feedback has no action|pieces of feedback have no action"),
            ("training", review.training_overdue, "mandatory training course is overdue|mandatory training courses are overdue")):
        if not items:
            continue
        one, many = what.split("|")
        oldest = items[0]
        text = f"{len(items)} {one if len(items) == 1 else many}"
        if oldest.due and kind != "feedback":
            text += f': "{_clip(oldest.title)}" was due {format_long(oldest.due)}.'
        else:
            text += f': "{_clip(oldest.title)}".'
        found.append(Suggestion(kind, text, oldest.target, 10))
    return found


def _plan(summary: "SummaryParts") -> list[Suggestion]:
    plan = summary.plan
    if plan.met:
        return []
    text = f"{plan.message[:-1]}: choose {plan.shortfall} more."
    unchosen = summary.criteria.unchosen_evidence
    if unchosen:
        code, n = next(iter(unchosen.items()))
        text += f" You already have evidence for {plural(n, 'criterion', 'criteria')} of {code}."
    return [Suggestion("units", text, Target("units"), 20)]


def _skills(summary: "SummaryParts") -> list[Suggestion]:
    found = []
    for s in summary.skills.flagged:
        found.append(Suggestion("rating", f"You rated {s.name} {s.rating}/5 and have no active objective "
                                          "for it: agree one with your mentor.", s.target, 30))
    missing = [s for s in summary.skills.skills if s.status == GAP]
    if len(missing) == 1:
        found.append(Suggestion("skill", f"No reflection on {missing[0].name} yet.", missing[0].target, 40))
    elif missing:
        names = [s.name for s in missing]
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        found.append(Suggestion("skill", f"No reflection yet on {len(names)} meta-skills: {listed}.",
                                missing[0].target, 40))
    # Longest neglected first.
    stale = [(s.latest, s) for s in summary.skills.stale if s.latest is not None]  # stale: written on once
    for latest, s in sorted(stale, key=lambda pair: pair[0]):
        weeks = (summary.today - latest).days // 7
        found.append(Suggestion("skill", f"No reflection on {s.name} for {weeks} weeks.", s.target, 41))
    return found


def _units(summary: "SummaryParts") -> list[Suggestion]:
    found = []
    for unit in summary.criteria.units:  # most missing first
        if not unit.tally.gaps:
            continue
        kind, tally = max(unit.kinds.items(), key=lambda kv: kv[1].gaps)
        one, many = KIND_NOUNS.get(kind, (kind, kind))
        text = f"{unit.code}: {tally.gaps} {one if tally.gaps == 1 else many} with no evidence."
        found.append(Suggestion("unit", text, Target("unit", unit.code, unit.target.entries),
                                50 if unit.mandatory else 51))
    return found


def _clip(text: str, room: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[: room - 1] + "…"

