"""The whole gap summary in one call: unit plan, criteria and meta-skill coverage, review loose
ends and next best steps; and the activity summary (heatmap, weekly counts, current run,
learning time this review period).

This is what `reflect gaps`, the dashboard and the exports use. Each part can also be had on
its own from its module (:mod:`reflect.framework.unit_plan`, :mod:`reflect.progress.criteria`,
:mod:`reflect.progress.skills`, :mod:`reflect.review.loose_ends`, :mod:`reflect.progress.activity`,
:mod:`reflect.progress.suggestions`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Iterable

from reflect.jsonable import Record, to_json
from reflect.progress.activity import (
    ActivityCalendar,
    WeekCount,
    activity_calendar,
    current_streak_weeks,
    weekly_counts,
)
from reflect.progress.criteria import CriteriaCoverage, criteria_coverage
from reflect.progress.learning_time import LearningTime, learning_time, review_period_start
from reflect.progress.evidence import evidence_filter
from reflect.progress.counts import open_evidence
from reflect.entries.models import EntryFilter
from reflect.review.loose_ends import ReviewGaps, review_gaps
from reflect.progress.skills import SkillSummary, skill_coverage
from reflect.progress.suggestions import Suggestion, suggestions
from reflect.framework.unit_plan import UnitPlan, unit_plan

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


@dataclass(frozen=True)
class GapSummary(Record):
    """Everything well evidenced and everything missing, on ``today``."""

    today: date
    stale_weeks: int
    include_private: bool
    plan: UnitPlan
    criteria: CriteriaCoverage
    skills: SkillSummary
    review: ReviewGaps
    suggestions: tuple[Suggestion, ...]

    def json_shape(self) -> dict:
        criteria = to_json(self.criteria)
        skills = to_json(self.skills)
        return {
            "date": self.today, "stale_weeks": self.stale_weeks,
            "stale_before": self.criteria.stale_before.isoformat(),
            "include_private": self.include_private,
            "optional_units": self.plan,
            "overall": criteria["overall"], "units": criteria["units"],
            "unknown_criteria": criteria["unknown_criteria"],
            "unchosen_evidence": criteria["unchosen_evidence"],
            "entries": skills["entries"], "untagged": skills["untagged"], "balance": skills["balance"],
            "meta_skills": skills["meta_skills"], "categories": skills["categories"],
            "unknown_skills": skills["unknown_skills"],
            "review": self.review,
            "suggestions": self.suggestions,
        }


def gap_summary(
    journal: "Journal",
    framework: "Framework",
    *,
    today: date | None = None,
    stale_weeks: int | None = None,
    units: Iterable[str] | None = None,
    entry_filter: EntryFilter | None = None,
    include_private: bool = True,
    suggestion_limit: int | None = 6,
) -> GapSummary:
    """Compute the whole summary (a handful of GROUP BY queries; no entry is loaded)."""
    today = today or journal.today()
    if stale_weeks is None:
        stale_weeks = journal.settings.get("stale_weeks")
    with open_evidence(journal, entry_filter, include_private) as evidence:
        criteria = criteria_coverage(journal, framework, units=units, today=today, stale_weeks=stale_weeks,
                                     evidence=evidence)
        skills = skill_coverage(journal, framework, today=today, stale_weeks=stale_weeks, evidence=evidence)
        summary = GapSummary(today, stale_weeks, include_private, unit_plan(journal, framework), criteria,
                             skills, review_gaps(journal, today), ())
        if suggestion_limit == 0:
            # No next steps asked for (a review pack): the weekly runs they need cost the most
            # when the entries are filtered by date, so they are not counted.
            return summary
        weeks = weekly_counts(journal, today, 1, entry_filter=evidence.filters)
        streak = current_streak_weeks(journal, today, entry_filter=evidence.filters)
    steps = suggestions(summary, streak_weeks=streak, this_week=weeks[-1].count, limit=suggestion_limit)
    return replace(summary, suggestions=tuple(steps))


@dataclass(frozen=True)
class ActivitySummary(Record):
    """How regularly the apprentice reflects: heatmap days, weekly counts and the current run;
    and the time spent learning this review period."""

    calendar: ActivityCalendar
    weeks: tuple[WeekCount, ...]
    current_streak_weeks: int
    learning: LearningTime | None = None

    def json_shape(self) -> dict:
        return {"calendar": self.calendar, "weeks": self.weeks,
                "current_streak_weeks": self.current_streak_weeks, "learning_time": self.learning}


def activity_summary(journal: "Journal", *, today: date | None = None, weeks: int = 26,
                     entry_filter: EntryFilter | None = None, include_private: bool = True) -> ActivitySummary:
    """Heatmap, sparkline and run of weeks for the last ``weeks`` weeks; learning time since
    the start of the review period (up to ``today``)."""
    today = today or journal.today()
    base = evidence_filter(entry_filter, include_private)
    return ActivitySummary(
        calendar=activity_calendar(journal, today, weeks, entry_filter=base),
        weeks=weekly_counts(journal, today, weeks, entry_filter=base),
        current_streak_weeks=current_streak_weeks(journal, today, entry_filter=base),
        learning=learning_time(journal, review_period_start(journal), today, include_private=include_private),
    )
