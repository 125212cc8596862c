"""What a review pack holds (:class:`ReviewPack`), shared by its building
(:mod:`reflect.export.pack`) and its writing (:mod:`reflect.export.pack_writing`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from reflect.export.plan import ExportPlan

if TYPE_CHECKING:
    from reflect.review.models import Review

KIND = "review-pack"
REFLECTIONS_HEADING = "Reflections of the period"


@dataclass(frozen=True)
class ReviewPack:
    """What goes into a pack: the review's data (a prepared review's JSON form, or a completed
    review's snapshot), the reflections (as an export plan), coverage up to the end of the
    period and up to the day before it, the whole training log and the last meeting record."""

    data: dict
    plan: ExportPlan
    gaps: Any  # a reflect.progress.summary.GapSummary, up to the end of the period
    before: Any  # the same, up to the day before the period (None for the first period)
    training: list = field(default_factory=list)  # every mandatory training record, as JSON
    mentor: str = ""
    review: "Review | None" = None  # the completed review this pack is of, or the draft
    mentor_ratings: dict = field(default_factory=dict)  # the last meeting record's, by skill id
    mentor_ratings_on: str = ""  # the day of the review they were given at, ISO
    learning: Any = None  # a reflect.progress.learning_time.LearningTime for the period

    @property
    def start(self) -> date:
        return date.fromisoformat(self.data["period_start"])

    @property
    def end(self) -> date:
        return date.fromisoformat(self.data["period_end"])

    @property
    def completed(self) -> bool:
        return self.review is not None and self.review.read_only
