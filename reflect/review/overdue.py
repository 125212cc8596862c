"""What is overdue across the review workflow, in one call (for the home screen's warnings)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record, fields_of
from reflect.review.models import Activity, Objective, Training

if TYPE_CHECKING:
    from reflect.journal import Journal


@dataclass(frozen=True)
class Overdue(Record):
    """Open objectives past their deadline, activities past their due date, late training."""

    objectives: tuple[Objective, ...] = ()
    activities: tuple[Activity, ...] = ()
    training: tuple[Training, ...] = ()

    @property
    def total(self) -> int:
        return len(self.objectives) + len(self.activities) + len(self.training)

    @property
    def summary(self) -> str:
        """One plain line, e.g. "Overdue: 2 activities, 1 training." ("" when nothing is)."""
        parts = [f"{n} {one if n == 1 else many}" for n, one, many in (
            (len(self.objectives), "objective", "objectives"), (len(self.activities), "activity", "activities"),
            (len(self.training), "training", "training")) if n]
        return f"Overdue: {', '.join(parts)}." if parts else ""

    def json_shape(self) -> dict:
        return fields_of(self) | {"total": self.total}


def overdue(journal: "Journal", today: date | None = None) -> Overdue:
    """Everything overdue as of ``today`` (default the journal's today)."""
    today = today or journal.today()
    return Overdue(tuple(journal.objectives.overdue(today)), tuple(journal.activities.overdue(today)),
                   tuple(journal.training.overdue(today)))
