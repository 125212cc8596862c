"""What needs doing before the next performance review: overdue activities, objectives past
their deadline, feedback nobody has acted on, mandatory training not done, and the days left.

The review-workflow records have their own stores; this module only reads their tables with
a few small queries, so it works whatever those stores look like.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record
from reflect.dates import day_or_none
from reflect.entries.models import Target

if TYPE_CHECKING:
    from reflect.journal import Journal

#: Objectives still being worked on; their activities and deadlines still matter.
OPEN_STATUSES = ("draft", "agreed", "in-progress")


@dataclass(frozen=True)
class ReviewItem(Record):
    """One thing to attend to: an activity, objective, piece of feedback or training."""

    kind: str  # activity, objective, feedback, training
    id: int
    title: str
    due: date | None  # due date, deadline, or (feedback) the day it was received
    objective_id: int | None = None  # the objective an activity or feedback belongs to

    @property
    def target(self) -> Target:
        return Target(self.kind, self.id)

    def days_late(self, today: date) -> int | None:
        return (today - self.due).days if self.due and self.due < today else None

    def json_shape(self) -> dict:
        return {"kind": self.kind, "id": self.id, "title": self.title, "due": self.due,
                "objective_id": self.objective_id}


@dataclass(frozen=True)
class ReviewGaps(Record):
    """Loose ends for the next review, oldest first in each list."""

    today: date
    overdue_activities: tuple[ReviewItem, ...]
    overdue_objectives: tuple[ReviewItem, ...]
    feedback_without_action: tuple[ReviewItem, ...]
    training_not_done: tuple[ReviewItem, ...]  # ``due`` may be None: not scheduled yet
    next_review: date | None  # None until a review start date is set
    previous_review: date | None

    @property
    def days_to_review(self) -> int | None:
        return (self.next_review - self.today).days if self.next_review else None

    @property
    def training_overdue(self) -> tuple[ReviewItem, ...]:
        return tuple(t for t in self.training_not_done if t.due and t.due < self.today)

    @property
    def count(self) -> int:
        """How many loose ends in all."""
        return (len(self.overdue_activities) + len(self.overdue_objectives)
                + len(self.feedback_without_action) + len(self.training_not_done))

    def json_shape(self) -> dict:
        return {"date": self.today,
                "next_review": self.next_review, "days_to_review": self.days_to_review,
                "previous_review": self.previous_review,
                "overdue_activities": self.overdue_activities,
                "overdue_objectives": self.overdue_objectives,
                "feedback_without_action": self.feedback_without_action,
                "training_not_done": self.training_not_done}


def review_gaps(journal: "Journal", today: date | None = None) -> ReviewGaps:
    """Everything overdue or unattended on ``today`` (default: the journal's today)."""
    today = today or journal.today()
    day = today.isoformat()
    open_marks = ", ".join("?" for _ in OPEN_STATUSES)
    db = journal.conn
    # An activity of an achieved or dropped objective is no longer anything to chase.
    activities = [ReviewItem("activity", i, t, day_or_none(d), o) for i, t, d, o in db.execute(
        "SELECT a.id, a.title, a.due, a.objective_id FROM activities a JOIN objectives o ON o.id = a.objective_id"
        f" WHERE a.completed_on IS NULL AND a.due < ? AND o.status IN ({open_marks})"
        " ORDER BY a.due, a.id", [day, *OPEN_STATUSES])]
    objectives = [ReviewItem("objective", i, t, day_or_none(d)) for i, t, d in db.execute(
        "SELECT id, specific, deadline FROM objectives"
        f" WHERE deadline < ? AND status IN ({open_marks}) ORDER BY deadline, id", [day, *OPEN_STATUSES])]
    feedback = [ReviewItem("feedback", i, t, day_or_none(d), o) for i, t, d, o in db.execute(
        "SELECT id, said, received_on, objective_id FROM feedback"
        " WHERE trim(action) = '' AND done = 0 ORDER BY received_on, id")]
    training = [ReviewItem("training", i, t, day_or_none(d)) for i, t, d in db.execute(
        # Undated training last: it has no deadline to miss yet.
        "SELECT id, name, due FROM training WHERE completed_on IS NULL"
        " ORDER BY due IS NULL, due, id")]
    upcoming, previous = _schedule(journal, today)
    return ReviewGaps(today, tuple(activities), tuple(objectives), tuple(feedback), tuple(training),
                      upcoming, previous)


def _schedule(journal: "Journal", today: date) -> tuple[date | None, date | None]:
    from reflect.review.schedule import next_review, parse_interval, previous_review

    start = journal.settings.get("review_start")
    if not start:
        return None, None
    start_day = date.fromisoformat(start)
    interval = parse_interval(journal.settings.get("review_interval"))
    return next_review(start_day, interval, today), previous_review(start_day, interval, today)
