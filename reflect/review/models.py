"""Plain records of SDS0223's workflow: self-assessments, objectives, activities, feedback,
mandatory training and reviews.

They are frozen dataclasses with dates as :class:`datetime.date`; ``to_json()`` gives the
JSON form (ISO dates) used by ``--json``, review snapshots and exports. Anything that depends
on today (is it overdue?) is a method taking ``today``, so a record never goes stale.
"""

from __future__ import annotations

from reflect.jsonable import Record

from dataclasses import dataclass
from datetime import date

#: The self-rating scale, in one place: number -> (word, what it means).
RATING_SCALE: dict[int, tuple[str, str]] = {
    1: ("Not yet", "I have not really used this yet, or only with a lot of help"),
    2: ("Starting", "I use it now and then, with support"),
    3: ("Developing", "I use it often, sometimes with support"),
    4: ("Confident", "I use it well on my own in most situations"),
    5: ("Strong", "I use it well even when things are hard, and help others with it"),
}


def rating_word(rating: int) -> str:
    """The plain word for a 1-5 rating ("Developing" for 3)."""
    return RATING_SCALE[rating][0]


#: Objective statuses in workflow order, with how people read them.
OBJECTIVE_STATUSES: dict[str, str] = {
    "draft": "Draft",
    "agreed": "Agreed",
    "in-progress": "In progress",
    "achieved": "Achieved",
    "not-achieved": "Not achieved",
    "dropped": "Dropped",
}
OPEN_STATUSES = ("draft", "agreed", "in-progress")
CLOSED_STATUSES = ("achieved", "not-achieved", "dropped")

ACTIVITY_KINDS: dict[str, str] = {
    "course": "Course", "shadowing": "Shadowing", "reading": "Reading",
    "practice": "Practice", "other": "Other",
}
FEEDBACK_SOURCES: dict[str, str] = {
    "mentor": "Mentor", "manager": "Manager", "colleague": "Colleague",
    "customer": "Customer", "assessor": "Assessor", "other": "Other",
}


# -- self-assessment ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rating(Record):
    """One meta-skill rated 1-5 in a self-assessment; ``focus`` is "strength", "improve" or None."""

    skill_id: str
    rating: int
    note: str = ""
    focus: str | None = None

    @property
    def word(self) -> str:
        return rating_word(self.rating)


@dataclass(frozen=True)
class Assessment(Record):
    """A self-assessment: the meta-skills rated on one day."""

    id: int
    assessed_on: date
    ratings: tuple[Rating, ...]
    note: str = ""
    review_id: int | None = None
    created_at: str = ""

    def rating_for(self, skill_id: str) -> Rating | None:
        return next((r for r in self.ratings if r.skill_id == skill_id), None)

    @property
    def strengths(self) -> tuple[str, ...]:
        return tuple(r.skill_id for r in self.ratings if r.focus == "strength")

    @property
    def improvements(self) -> tuple[str, ...]:
        return tuple(r.skill_id for r in self.ratings if r.focus == "improve")


@dataclass(frozen=True)
class TrendPoint(Record):
    """One skill's rating in one assessment (for a trend line)."""

    assessment_id: int
    assessed_on: date
    rating: int


@dataclass(frozen=True)
class RatingChange(Record):
    """A skill's rating now against the previous assessment (either may be missing)."""

    skill_id: str
    before: int | None
    after: int | None
    skill_name: str = ""

    @property
    def change(self) -> int | None:
        """Points up (positive) or down; None when one side has no rating."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


# -- objectives -----------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange(Record):
    """One step in an objective's history; the first is the status it was created with."""

    id: int
    objective_id: int
    status: str
    changed_on: date
    reason: str = ""
    created_at: str = ""

    @property
    def label(self) -> str:
        return OBJECTIVE_STATUSES.get(self.status, self.status)


@dataclass(frozen=True)
class Objective(Record):
    """A SMART objective. ``set_on`` is the day of its first status (when it was set)."""

    id: int
    uid: str
    specific: str
    set_on: date
    measure: str = ""
    achievable: str = ""
    relevant: str = ""
    deadline: date | None = None
    status: str = "draft"
    agreed_by: str = ""
    agreed_on: date | None = None
    source_entry_id: int | None = None
    skills: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    @property
    def label(self) -> str:
        return OBJECTIVE_STATUSES.get(self.status, self.status)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Still open with its deadline behind it."""
        return self.is_open and self.deadline is not None and self.deadline < today


# -- activities, feedback, training ---------------------------------------------------------


class _DueAndDone:
    """What activities and training share: a due date, and done once completed."""

    due: date | None
    completed_on: date | None

    @property
    def done(self) -> bool:
        return self.completed_on is not None

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today


@dataclass(frozen=True)
class Activity(_DueAndDone, Record):
    """A development activity (course, shadowing, reading, practice) under an objective."""

    id: int
    objective_id: int
    title: str
    kind: str = "practice"
    due: date | None = None
    completed_on: date | None = None
    notes: str = ""
    created_at: str = ""
    updated_at: str = ""
    minutes: int | None = None  # time spent on it, where recorded

    def days_overdue(self, today: date) -> int:
        return (today - self.due).days if self.due is not None and self.is_overdue(today) else 0


@dataclass(frozen=True)
class Feedback(Record):
    """Feedback received: who, when, what was said, what I will do about it, and if it is done."""

    id: int
    received_on: date
    source_kind: str
    said: str
    source_name: str = ""
    action: str = ""
    done: bool = False
    done_on: date | None = None
    objective_id: int | None = None
    entry_id: int | None = None
    import_key: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def source(self) -> str:
        """"Mentor (Alex Smith)", or just "Customer"."""
        kind = FEEDBACK_SOURCES.get(self.source_kind, self.source_kind)
        return f"{kind} ({self.source_name})" if self.source_name else kind


@dataclass(frozen=True)
class Training(_DueAndDone, Record):
    """A piece of mandatory training: what, who provides it, when due and when completed."""

    id: int
    name: str
    provider: str = ""
    due: date | None = None
    completed_on: date | None = None
    certificate_ref: str = ""
    created_at: str = ""
    updated_at: str = ""
    minutes: int | None = None  # time spent on it, where recorded


# -- reviews --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Review(Record):
    """A performance review: a draft being prepared, or a completed (read-only) record.

    ``snapshot`` is the whole prepared review as it stood when completed (the JSON form of
    :class:`reflect.review.prep.PreparedReview`), so later edits elsewhere never change it.
    """

    id: int
    uid: str
    period_start: date
    period_end: date
    status: str = "draft"
    strengths: str = ""
    improvements: str = ""
    next_objectives: str = ""
    mentor_name: str = ""
    agreed_on: date | None = None
    questions: str = ""  # the apprentice's questions for the meeting
    snapshot: dict | None = None
    completed_at: str | None = None
    created_at: str = ""
    updated_at: str = ""

    @property
    def read_only(self) -> bool:
        return self.status == "completed"

    @property
    def proposed_objectives(self) -> list[str]:
        """The proposed next objectives, one per non-empty line."""
        return [line.strip(" -*\t") for line in self.next_objectives.splitlines() if line.strip(" -*\t")]
