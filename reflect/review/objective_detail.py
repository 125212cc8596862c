"""Everything one objective's screen shows, in one call: the objective, its status history,
activities, linked reflections, linked feedback and the SMART check's advice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record, to_json
from reflect.entries.models import EntrySummary
from reflect.review.models import Activity, Feedback, Objective, StatusChange
from reflect.review.smart import Advice, check_objective, framework_verbs

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


@dataclass(frozen=True)
class ObjectiveDetail(Record):
    """One objective with all that hangs off it. ``overdue_activities`` holds the ids of its
    activities that are overdue (none once the objective is closed)."""

    objective: Objective
    history: tuple[StatusChange, ...]
    activities: tuple[Activity, ...]
    evidence: tuple[EntrySummary, ...]
    feedback: tuple[Feedback, ...]
    advice: tuple[Advice, ...]
    overdue: bool
    overdue_activities: frozenset[int]

    def json_shape(self) -> dict:
        return to_json(self.objective) | {
            "overdue": self.overdue, "history": self.history,
            "activities": [a.to_json() | {"overdue": a.id in self.overdue_activities} for a in self.activities],
            "evidence": self.evidence, "feedback": self.feedback,
            "advice": self.advice}


def smart_advice(journal: "Journal", objective: Objective, framework: "Framework | None" = None,
                 today: date | None = None) -> list[Advice]:
    """The SMART check on a saved objective, with the journal's next review and the framework's verbs."""
    from reflect.review.schedule import review_schedule

    today = today or journal.today()
    return check_objective(objective.specific, objective.measure, objective.deadline, objective.set_on,
                           objective.skills, objective.criteria, achievable=objective.achievable,
                           relevant=objective.relevant, next_review=review_schedule(journal, today).next_date,
                           today=today, verbs=framework_verbs(framework) if framework else ())


def objective_detail(journal: "Journal", objective_id: int, framework: "Framework | None" = None,
                     today: date | None = None) -> ObjectiveDetail:
    """The objective and everything its screen needs (:class:`NotFoundError` if there is none)."""
    today = today or journal.today()
    objective = journal.objectives.get(objective_id)
    activities = tuple(journal.activities.list(objective_id=objective_id))
    late = frozenset(a.id for a in activities if objective.is_open and a.is_overdue(today))
    return ObjectiveDetail(
        objective=objective, history=tuple(journal.objectives.history(objective_id)), activities=activities,
        evidence=tuple(journal.objectives.evidence(objective_id)),
        feedback=tuple(journal.feedback.list(objective_id=objective_id)),
        advice=tuple(smart_advice(journal, objective, framework, today)), overdue=objective.is_overdue(today),
        overdue_activities=late)
