"""Preparing a performance review: everything since the last review, in one call.

:func:`prepare_review` assembles, for the period since the last completed review (or since
the journal began): reflections by meta-skill, criteria evidenced for the first time,
objectives and their status changes and evidence, development activities done and overdue,
feedback and what was done about it, mandatory training, the latest self-assessment against
the previous one, the current gaps (from :mod:`reflect.progress.summary`, counting only the reflections the
review includes), suggestions and reminders. It writes nothing.

:func:`complete_review` prepares again up to the agreed date and freezes the result as the
review's snapshot. Private reflections are left out unless ``include_private``, and so is
everything derived from them: criteria only they evidence, their days (the period does not
start on one), and pointers to them from objectives and feedback
(:mod:`reflect.review.private_refs`). Only ``private_count`` tells the apprentice how many
were left out; packs do not print it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from reflect.jsonable import Record, fields_of
from reflect.review.assessments import compare
from reflect.dates import format_short
from reflect.errors import InputError
from reflect.review.models import (
    Activity,
    Assessment,
    Feedback,
    Objective,
    RatingChange,
    Review,
    StatusChange,
    Training,
)
from reflect.review import private_refs
from reflect.review.schedule import ReviewSchedule, review_schedule

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework
    from reflect.progress.learning_time import LearningTime


@dataclass(frozen=True)
class EntryRef:
    """A reflection as a review lists it."""

    id: int
    day: date
    title: str
    private: bool = False


@dataclass(frozen=True)
class SkillReflections:
    """Reflections of the period tagged with one meta-skill (``skill_id`` None: untagged)."""

    skill_id: str | None
    name: str
    entries: tuple[EntryRef, ...]


@dataclass(frozen=True)
class CriterionEvidence:
    """A criterion first evidenced in this period, with the reflections that cite it."""

    criterion_id: str
    unit_code: str
    text: str
    first_evidenced: date
    entries: tuple[EntryRef, ...]


@dataclass(frozen=True)
class ObjectiveProgress:
    """An objective open during the period: its status changes and evidence in the period,
    and all its activities."""

    objective: Objective
    changes: tuple[StatusChange, ...]
    evidence: tuple[EntryRef, ...]
    activities: tuple[Activity, ...]
    overdue: bool = False


@dataclass(frozen=True)
class AssessmentComparison:
    """The latest self-assessment against the one before it."""

    latest: Assessment | None
    previous: Assessment | None
    changes: tuple[RatingChange, ...]
    in_period: bool


@dataclass(frozen=True)
class PreparedReview(Record):
    """Everything a review needs, assembled; plain data for the app, the CLI and exports."""

    period_start: date
    period_end: date
    prepared_on: date
    schedule: ReviewSchedule
    previous_review: Review | None
    reflection_count: int
    private_count: int
    reflections_by_skill: tuple[SkillReflections, ...]
    criteria_newly_evidenced: tuple[CriterionEvidence, ...]
    objectives: tuple[ObjectiveProgress, ...]
    activities_done: tuple[Activity, ...]
    activities_overdue: tuple[Activity, ...]
    feedback: tuple[Feedback, ...]
    feedback_still_open: tuple[Feedback, ...]
    training_completed: tuple[Training, ...]
    training_outstanding: tuple[Training, ...]
    assessment: AssessmentComparison
    suggested_strengths: tuple[str, ...]
    suggested_improvements: tuple[str, ...]
    reminders: tuple[str, ...]
    draft: Review | None = None
    #: The current gaps (a :class:`reflect.progress.summary.GapSummary`); None without a framework.
    gaps: Any = None
    #: Minutes of learning in the period (reflections the review shows, activities, training).
    learning_time: LearningTime | None = None
    include_private: bool = field(default=False)

    def json_shape(self) -> dict:
        """The JSON form, also what a completed review keeps as its snapshot (the previous
        review without its own snapshot, so snapshots never nest). How many private
        reflections were left out is not in it: that is for the apprentice's eyes only (the
        app and `review prepare` tell them), and a snapshot or JSON may be shown to others."""
        data = fields_of(self)
        data.pop("private_count", None)
        if self.previous_review is not None:
            data["previous_review"] = fields_of(self.previous_review)
            data["previous_review"].pop("snapshot", None)
        return data


def review_period(journal: "Journal", *, start: date | None = None, end: date | None = None,
                  include_private: bool = True) -> tuple[date, date]:
    """The period a review covers: from the day after the last review's period (or the
    first record in the journal; without ``include_private``, never a private reflection's
    day, which would show when it was written) up to ``end`` (default today)."""
    end = end or journal.today()
    if start is None:
        start = journal.reviews.next_period_start() or _first_record_day(journal, include_private) or end
        start = min(start, end)
    if start > end:
        raise InputError(f"The review period would start ({format_short(start)}) after it ends ({format_short(end)}).")
    return start, end


def prepare_review(journal: "Journal", framework: "Framework | None" = None, *, start: date | None = None,
                   end: date | None = None, include_private: bool = False) -> PreparedReview:
    """Assemble the review for the period (see :func:`review_period`). Writes nothing.

    With ``framework``, meta-skills and criteria carry their names and text (so a snapshot
    reads well even if the framework changes later); without one, ids stand in.
    """
    start, end = review_period(journal, start=start, end=end, include_private=include_private)
    entries, private_count = _entries(journal, start, end, include_private)
    allowed = {e.id: e for e in entries}
    hidden = set() if include_private else private_refs.all_private_ids(journal.conn)
    objectives = _objectives(journal, start, end, allowed, hidden)
    latest = journal.assessments.latest(on_or_before=end)
    previous = journal.assessments.previous(latest) if latest else None
    changes = tuple(replace(c, skill_name=_skill_name(framework, c.skill_id))
                    for c in compare(latest, previous, [s.id for s in framework.meta_skills] if framework else ()))
    assessment = AssessmentComparison(latest, previous, changes, bool(latest and latest.assessed_on >= start))
    prepared = PreparedReview(
        period_start=start, period_end=end, prepared_on=journal.today(),
        schedule=review_schedule(journal), previous_review=journal.reviews.last_completed(),
        reflection_count=len(entries), private_count=private_count,
        reflections_by_skill=_by_skill(journal, entries, framework),
        criteria_newly_evidenced=_new_criteria(journal, start, end, allowed, framework, include_private),
        objectives=objectives,
        activities_done=tuple(journal.activities.completed_between(start, end)),
        activities_overdue=tuple(journal.activities.overdue(end)),
        feedback=tuple(private_refs.feedback(fb, hidden) for fb in journal.feedback.list(date_from=start, date_to=end)),
        feedback_still_open=tuple(private_refs.feedback(fb, hidden) for fb in
                                  journal.feedback.list(date_to=start - timedelta(days=1), done=False)),
        training_completed=tuple(journal.training.completed_between(start, end)),
        training_outstanding=tuple(journal.training.list(done=False)),
        assessment=assessment,
        suggested_strengths=tuple(_skill_name(framework, s) for s in (latest.strengths if latest else ())),
        suggested_improvements=tuple(_skill_name(framework, s) for s in (latest.improvements if latest else ())),
        reminders=(), draft=journal.reviews.draft(), include_private=include_private,
        gaps=_gaps(journal, framework, end, include_private),
        learning_time=_learning_time(journal, start, end, include_private))
    return replace(prepared, reminders=tuple(_reminders(prepared)))


def _learning_time(journal, start: date, end: date, include_private: bool) -> LearningTime:
    """The period's learning time, counted as the dashboard and the review pack count it
    (a private reflection's time only when the review includes private reflections)."""
    from reflect.progress.learning_time import learning_time

    return learning_time(journal, start, end, include_private=include_private)


def _gaps(journal, framework, end: date, include_private: bool):
    """Coverage as it stands at the end of the period, over the reflections the review shows."""
    if framework is None:
        return None
    from reflect.progress.summary import gap_summary

    return gap_summary(journal, framework, today=end, include_private=include_private, suggestion_limit=0)


def complete_review(journal: "Journal", framework: "Framework | None" = None, *, mentor_name: str,
                    agreed_on: date, strengths: str | None = None, improvements: str | None = None,
                    next_objectives: str | None = None, include_private: bool = False,
                    draft_objectives: bool = False, agree_objectives: bool = False) -> Review:
    """Record the review as agreed on ``agreed_on`` with the mentor, and freeze it.

    The snapshot covers the period up to ``agreed_on``. The latest self-assessment of the
    period is marked as this review's. With ``draft_objectives``, each proposed next
    objective (one per line) also becomes a draft objective, with the deadline its text gives
    ("... by 31/01/2027", "within 6 weeks"); with ``agree_objectives`` too, they are recorded as
    agreed with the mentor on ``agreed_on`` instead. All in one transaction.
    """
    from reflect.review.deadlines import find_deadline

    with journal.write():
        prepared = prepare_review(journal, framework, end=agreed_on, include_private=include_private)
        snapshot = prepared.to_json()
        snapshot.pop("draft", None)
        review = journal.reviews.complete(
            mentor_name=mentor_name, agreed_on=agreed_on, period_start=prepared.period_start,
            period_end=prepared.period_end, snapshot=snapshot, strengths=strengths,
            improvements=improvements, next_objectives=next_objectives)
        latest = prepared.assessment.latest
        if latest is not None and prepared.assessment.in_period and latest.review_id is None:
            journal.assessments.attach_to_review(latest.id, review.id)
        if draft_objectives:
            for text in review.proposed_objectives:
                found = find_deadline(text, agreed_on)
                agreed: dict[str, Any] = dict(status="agreed", agreed_by=mentor_name, agreed_on=agreed_on) if agree_objectives else {}
                journal.objectives.add(specific=text, set_on=agreed_on, deadline=found.day if found else None,
                                       reason=f"{'Agreed' if agree_objectives else 'Proposed'} at the review of "
                                              f"{format_short(agreed_on)}", **agreed)
    return review


# -- assembling ------------------------------------------------------------------------------


def _first_record_day(journal: "Journal", include_private: bool = True) -> date | None:
    private = "" if include_private else " AND private = 0"
    row = journal.db.execute(
        f"SELECT min(d) FROM (SELECT min(day) AS d FROM entries WHERE deleted_at IS NULL{private}"
        " UNION ALL SELECT min(assessed_on) FROM assessments UNION ALL SELECT min(received_on) FROM feedback"
        " UNION ALL SELECT min(changed_on) FROM objective_status_changes"
        " UNION ALL SELECT min(completed_on) FROM activities UNION ALL SELECT min(completed_on) FROM training)"
    ).fetchone()
    return date.fromisoformat(row[0]) if row and row[0] else None


def _entries(journal, start: date, end: date, include_private: bool) -> tuple[list[EntryRef], int]:
    rows = journal.db.execute(
        "SELECT id, day, title, private FROM entries WHERE deleted_at IS NULL AND day BETWEEN ? AND ?"
        " ORDER BY day, id", [start.isoformat(), end.isoformat()]).fetchall()
    refs = [EntryRef(i, date.fromisoformat(d), t, bool(p)) for i, d, t, p in rows]
    shown = [r for r in refs if include_private or not r.private]
    return shown, len(refs) - len(shown)


def _by_skill(journal, entries: list[EntryRef], framework) -> tuple[SkillReflections, ...]:
    tags: dict[int, list[str]] = {}
    ids = [e.id for e in entries]
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for entry_id, skill in journal.db.execute(
                f"SELECT entry_id, skill_id FROM entry_skills WHERE entry_id IN ({','.join('?' * len(chunk))})",
                chunk):
            tags.setdefault(entry_id, []).append(skill)
    groups: dict[str | None, list[EntryRef]] = {}
    for entry in entries:
        for skill in tags.get(entry.id) or (None,):
            groups.setdefault(skill, []).append(entry)
    order = {s.id: i for i, s in enumerate(framework.meta_skills)} if framework else {}
    keys = sorted(groups, key=lambda s: (s is None, order.get(s, len(order)), s or ""))
    return tuple(SkillReflections(s, _skill_name(framework, s) if s else "No meta-skill", tuple(groups[s]))
                 for s in keys)


def _new_criteria(journal, start: date, end: date, allowed: dict[int, EntryRef], framework,
                  include_private: bool):
    # First evidenced over the reflections the review may show: without private ones, a
    # criterion only a private reflection cites is not evidenced at all (listing it, or the
    # day it was first cited, would show what the private reflection is about).
    # (From the running totals: the first day each criterion was cited is kept as entries are written.)
    from reflect.progress.counts import criteria_first_cited

    result = []
    for criterion_id, first in criteria_first_cited(journal, start, end,
                                                    private=None if include_private else False):
        cited = [r[0] for r in journal.conn.execute(
            "SELECT entry_id FROM entry_criteria WHERE criterion_id = ?", [criterion_id])]
        refs = tuple(sorted((allowed[i] for i in cited if i in allowed), key=lambda e: (e.day, e.id)))
        criterion = framework.criterion(criterion_id) if framework else None
        result.append(CriterionEvidence(criterion_id, criterion.unit_code if criterion else criterion_id.split(".")[0],
                                        criterion.text if criterion else "", first, refs))
    return tuple(result)


def _objectives(journal, start: date, end: date, allowed: dict[int, EntryRef],
                hidden: set[int]) -> tuple[ObjectiveProgress, ...]:
    changed = {c.objective_id for c in journal.objectives.changes_between(start, end)}
    result = []
    for objective in journal.objectives.list():
        if not (objective.is_open or objective.id in changed):
            continue
        history = tuple(private_refs.change(c, hidden) for c in journal.objectives.history(objective.id)
                        if start <= c.changed_on <= end)
        linked = [r[0] for r in journal.db.execute(
            "SELECT entry_id FROM entry_objectives WHERE objective_id = ?", [objective.id])]
        evidence = tuple(sorted((allowed[i] for i in linked if i in allowed), key=lambda e: (e.day, e.id)))
        result.append(ObjectiveProgress(private_refs.objective(objective, hidden), history, evidence,
                                        tuple(journal.activities.list(objective_id=objective.id)),
                                        objective.is_overdue(end)))
    return tuple(result)


def _reminders(p: PreparedReview) -> list[str]:
    """What to sort out before (or at) the meeting."""
    notes = []
    if not p.assessment.in_period:
        notes.append("Rate your meta-skills before the review: the self-assessment is step one.")
    if p.reflection_count == 0:
        notes.append("No reflections in this period: write about what you did and learnt.")
    if p.activities_overdue:
        notes.append(_count(len(p.activities_overdue), "development activity is overdue: complete it or agree a new date.",
                            "development activities are overdue: complete them or agree new dates."))
    no_action = [fb for fb in p.feedback + p.feedback_still_open if not fb.action]
    if no_action:
        notes.append(_count(len(no_action), "piece of feedback has no action yet: say what you will do about it.",
                            "pieces of feedback have no action yet: say what you will do about them."))
    drafts = [o for o in p.objectives if o.objective.status == "draft"]
    if drafts:
        notes.append(_count(len(drafts), "objective is still a draft: agree it at the review.",
                            "objectives are still drafts: agree them at the review."))
    undated = [o for o in p.objectives if o.objective.is_open and o.objective.deadline is None]
    if undated:
        notes.append(_count(len(undated), "open objective has no deadline.", "open objectives have no deadline."))
    late = [t for t in p.training_outstanding if t.is_overdue(p.period_end)]
    if late:
        notes.append(_count(len(late), "piece of mandatory training is overdue.",
                            "pieces of mandatory training are overdue."))
    return notes


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _skill_name(framework, skill_id: str) -> str:
    skill = framework.skill(skill_id) if framework else None
    return skill.name if skill else skill_id
