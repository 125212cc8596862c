"""The demo's review paperwork as a timeline: each record of :mod:`reflect.demo.content` (an
objective's status change, a piece of feedback, a training course done) becomes a
:class:`Step` dated in the story, and :mod:`reflect.demo.journal` runs every step, reflections
included, in time order with the journal's clock wound to that moment.

Time order matters, not only for looks: completing a review freezes a snapshot of whatever
the journal holds that day, so nothing from later may exist yet, and an objective cannot be
linked to a reflection not written yet. Records dated before the journal was set up (her
induction training, say) are typed in at the set-up, in date order.

Everything goes through the stores, so the demo's records obey the same rules as anyone's.
Ids the framework in use lacks are left off (and an assessment rating none of its skills is
left out), as for entries.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, Callable, Iterable

from reflect.demo import content as demo_content
from reflect.demo.objective_records import NEXT_REVIEW
from reflect.review.objective_drafts import objective_from_entry
from reflect.review.prep import complete_review
from reflect.review.schedule import review_schedule

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework

#: Uids come from this, the demo's day and the record's name: repeatable, and unique.
UID_NAMESPACE = uuid.UUID("e41c6e4f-6475-4207-b768-36729f612040")
#: Records without a time of their own are logged after the day's reflections.
EVENING = time(20, 30)

# Within one moment, steps run in this order (an objective before its status changes, ...).
PROFILE, ENTRY, TRAINING, FEEDBACK, ASSESSMENT, OBJECTIVE, STATUS, LINK, DONE, REVIEW = range(10)


def working_days_before(today: date, count: int) -> date:
    """The day ``count`` working days (Monday to Friday) before ``today``; 0 is ``today``.

    A negative ``count`` counts forward: -5 is a week of working days after ``today``.
    """
    day, step = today, timedelta(days=1 if count < 0 else -1)
    for _ in range(abs(count)):
        day += step
        while day.weekday() >= 5:
            day += step
    return day


@dataclass(frozen=True)
class Step:
    """One thing the apprentice did in the journal, on ``day`` at ``at``."""

    day: date
    at: time
    rank: int
    run: Callable[["Story"], None] = field(compare=False)


@dataclass
class Story:
    """What the steps share while the journal is built: where, which framework, the demo's
    day, and the ids records were given, under the names the content uses for them."""

    journal: "Journal"
    framework: "Framework"
    today: date
    entries: dict[str, int] = field(default_factory=dict)  # title -> id of a live reflection
    objectives: dict[str, int] = field(default_factory=dict)  # key -> id
    activities: dict[tuple[str, int], int] = field(default_factory=dict)  # (objective key, place) -> id

    def day(self, workday: int) -> date:
        return working_days_before(self.today, workday)

    def deadline(self, value: int | str | None) -> date | None:
        """A workday, or the next scheduled review for :data:`~reflect.demo.objective_records.NEXT_REVIEW`."""
        if value == NEXT_REVIEW:
            return review_schedule(self.journal).next_date
        return None if value is None else self.day(int(value))

    def skills(self, ids: Iterable[str]) -> list[str]:
        return [s for s in ids if self.framework.skill(s) is not None]

    def criteria(self, ids: Iterable[str]) -> list[str]:
        return [c for c in ids if self.framework.criterion(c) is not None]

    def uid(self, name: str) -> str:
        return uuid.uuid5(UID_NAMESPACE, f"{self.today.isoformat()}/{name}").hex

    def keep_uid(self, table: str, row_id: int, name: str) -> None:
        """Give a record the stores made with a random uid a repeatable one.

        ``objective_from_entry`` and the review draft take no uid; the demo must come out
        the same for the same day, so it sets them right after, in the same transaction.
        """
        self.journal.db.execute(f"UPDATE {table} SET uid = ? WHERE id = ?", [self.uid(name), row_id])


def record_steps(story: Story) -> list[Step]:
    """Every review-workflow record of the content as steps, in no particular order."""
    steps = [step for item in demo_content.TRAINING for step in _training(story, item)]
    steps += [step for item in demo_content.FEEDBACK for step in _feedback(story, item)]
    steps += [_assessment(story, item) for item in demo_content.ASSESSMENTS]
    steps += [step for item in demo_content.OBJECTIVES for step in _objective(story, item)]
    steps += [_previous_review(story, demo_content.PREVIOUS_REVIEW), _review_draft(story, demo_content.REVIEW_DRAFT)]
    return steps


def _at(item: dict) -> time:
    return time.fromisoformat(item["at"]) if "at" in item else EVENING


def _training(story: Story, item: dict) -> list[Step]:
    store = story.journal.training
    due = story.day(item["due"]) if item.get("due") is not None else None
    done: Any = item.get("done")  # a workday number or None, from the demo's data
    at_once = done == item["assigned"]  # done the day it was set (induction): one record
    ids: list[int] = []

    def assign(s: Story) -> None:
        ids.append(store.add(name=item["name"], provider=item["provider"], due=due,
                             completed_on=s.day(done) if at_once else None,
                             certificate_ref=item.get("certificate", "") if at_once else "",
                             minutes=item.get("minutes") if at_once else None).id)

    def complete(s: Story) -> None:
        store.complete(ids[0], on=s.day(done), certificate_ref=item.get("certificate"), minutes=item.get("minutes"))

    steps = [Step(story.day(item["assigned"]), EVENING, TRAINING, assign)]
    if done is not None and not at_once:
        steps.append(Step(story.day(done), EVENING, DONE, complete))
    return steps


def _feedback(story: Story, item: dict) -> list[Step]:
    store = story.journal.feedback
    ids: list[int] = []

    def receive(s: Story) -> None:
        ids.append(store.add(
            received_on=s.day(item["received"]), source_kind=item["source"], source_name=item["name"],
            said=item["said"], action=item["action"], objective_id=s.objectives.get(item.get("objective", "")),
            entry_id=s.entries.get(item.get("entry", ""))).id)

    def act(s: Story) -> None:
        store.mark_done(ids[0], on=s.day(item["done"]))

    steps = [Step(story.day(item["received"]), _at(item), FEEDBACK, receive)]
    if item.get("done") is not None:
        steps.append(Step(story.day(item["done"]), EVENING, DONE, act))
    return steps


def _assessment(story: Story, item: dict) -> Step:
    def assess(s: Story) -> None:
        known = set(s.skills(item["ratings"]))
        if not known:  # a framework without her meta-skills: nothing to rate
            return
        s.journal.assessments.add(
            ratings={k: v for k, v in item["ratings"].items() if k in known}, assessed_on=s.day(item["workday"]),
            notes={k: v for k, v in item["notes"].items() if k in known}, note=item["note"],
            strengths=[k for k in item["strengths"] if k in known], improve=[k for k in item["improve"] if k in known])

    return Step(story.day(item["workday"]), _at(item), ASSESSMENT, assess)


def _objective(story: Story, item: dict) -> list[Step]:
    """Setting the objective (with its activities), each later status change, each link to a
    reflection, and each activity done."""
    key, first = item["key"], item["history"][0]
    store = story.journal.objectives
    set_day = story.day(first["workday"])

    def wording(s: Story) -> dict:
        return dict(specific=item["specific"], measure=item["measure"], achievable=item["achievable"],
                    relevant=item["relevant"], deadline=s.deadline(item.get("deadline")),
                    skills=s.skills(item["skills"]), criteria=s.criteria(item["criteria"]))

    def plan(s: Story) -> None:
        for place, activity in enumerate(item["activities"]):
            s.activities[(key, place)] = s.journal.activities.add(
                objective_id=s.objectives[key], title=activity["title"], kind=activity["kind"],
                due=s.day(activity["due"]), notes=activity.get("notes", "")).id

    def create(s: Story) -> None:
        if "from_entry" in item:  # drafted from the reflection's "Now what?", worded when agreed
            objective = objective_from_entry(s.journal, s.entries[item["from_entry"]])
            s.keep_uid("objectives", objective.id, f"objective/{key}")
            s.objectives[key] = objective.id
            return
        s.objectives[key] = store.add(
            **wording(s), status=first["status"], set_on=set_day, reason=first.get("reason", ""),
            agreed_by=first.get("agreed_by", ""), source_entry_id=s.entries.get(item.get("source_entry", "")),
            uid=s.uid(f"objective/{key}")).id
        plan(s)

    steps = [Step(set_day, _at(first), OBJECTIVE, create)]
    worded = "from_entry" not in item
    for change in item["history"][1:]:
        reword = not worded and change["status"] == "agreed"
        worded = worded or reword
        steps.append(Step(story.day(change["workday"]), _at(change), STATUS, _status_change(item, change, reword,
                                                                                            wording, plan)))
    entry_days = {e["title"]: story.day(e["workday"]) for e in demo_content.ENTRIES if not e.get("trashed")}
    for title in item["evidence"]:
        steps.append(Step(max(entry_days[title], set_day), EVENING, LINK, partial(_link_evidence, key=key, title=title)))
    for place, activity in enumerate(item["activities"]):
        if activity.get("done") is not None:
            steps.append(Step(story.day(activity["done"]), EVENING, DONE,
                              partial(_complete_activity, key=key, place=place, on=activity["done"],
                                      minutes=activity.get("minutes"))))
    return steps


def _link_evidence(s: Story, *, key: str, title: str) -> None:
    s.journal.objectives.link_entry(s.objectives[key], s.entries[title])


def _complete_activity(s: Story, *, key: str, place: int, on: int, minutes: int | None = None) -> None:
    s.journal.activities.complete(s.activities[(key, place)], on=s.day(on), minutes=minutes)


def _status_change(item: dict, change: dict, reword: bool, wording, plan) -> Callable[[Story], None]:
    def run(s: Story) -> None:
        objective_id = s.objectives[item["key"]]
        if reword:  # agreeing a draft is when it gets its SMART wording and activities
            s.journal.objectives.update(objective_id, **wording(s))
            plan(s)
        s.journal.objectives.change_status(objective_id, change["status"], reason=change.get("reason", ""),
                                           on=s.day(change["workday"]), agreed_by=change.get("agreed_by"))
    return run


def _previous_review(story: Story, item: dict) -> Step:
    def complete(s: Story) -> None:
        draft = s.journal.reviews.save_draft(strengths=item["strengths"], improvements=item["improvements"],
                                             next_objectives=item["next_objectives"])
        s.keep_uid("reviews", draft.id, "review/previous")
        complete_review(s.journal, s.framework, mentor_name=item["mentor"], agreed_on=s.day(item["workday"]))

    return Step(story.day(item["workday"]), _at(item), REVIEW, complete)


def _review_draft(story: Story, item: dict) -> Step:
    def save(s: Story) -> None:
        draft = s.journal.reviews.save_draft(strengths=item["strengths"], improvements=item["improvements"],
                                             next_objectives=item["next_objectives"])
        s.keep_uid("reviews", draft.id, "review/draft")

    return Step(story.day(item["workday"]), _at(item), REVIEW, save)
