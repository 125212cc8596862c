"""The sample journal behind `reflect demo`: a believable apprentice, so a newcomer sees every
screen filled with real-looking content.

The words live in :mod:`reflect.demo.content`; this module turns them into a journal. Dates
count back from the ``today`` it is given, so the demo always looks current, and the same
``today`` always gives the same journal (fixed clock, uids derived from the day). Tags the
framework in use does not know are left off, so a demo on another framework still opens.

Her reflections and her review paperwork (:mod:`reflect.demo.records`) are written as one
timeline, oldest first, with the journal's clock wound to each moment: stored times look
lived-in, and the review completed ten weeks back freezes only what existed then.
"""

from __future__ import annotations

import inspect
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

from reflect.demo import content as demo_content
from reflect.demo.records import (
    ENTRY,
    PROFILE,
    Step,
    Story,
    record_steps,
    working_days_before,
)
from reflect.errors import JournalError
from reflect.journal import Journal, open_journal
from reflect.framework.standards import Framework

__all__ = ["as_typed", "build_demo_journal", "working_days_before"]

#: When entries were "written": the first of a day after a shift, a second one later on.
_FIRST_WRITTEN = time(17, 40)
_BETWEEN_ENTRIES = timedelta(minutes=85)
#: The trashed entry went this long after it was written (replaced by a better version).
_TRASHED_AFTER = timedelta(minutes=20)
#: When, on the day of her first review, the journal was set up (name, units, review dates)
#: with the assessor; anything dated earlier was typed in then.
_SET_UP_AT = time(10, 0)


def build_demo_journal(path: Path, framework: Framework, today: date) -> None:
    """Create a new journal at ``path`` holding the sample apprentice's journal up to ``today``.

    Everything is written in one transaction. ``path`` must not be an existing journal:
    the demo never writes into someone's real one.
    """
    path = Path(path)
    if path.exists() and (path.is_dir() or path.stat().st_size > 0):
        raise JournalError(f"{path} already exists; the demo journal is built in a new file.")
    set_up = datetime.combine(working_days_before(today, demo_content.PREVIOUS_REVIEW["workday"]), _SET_UP_AT)
    clock = _StoryClock(_local(set_up))
    with open_journal(path, clock=clock) as journal, journal.write():
        story = Story(journal, framework, today)
        steps = [Step(date.min, _SET_UP_AT, PROFILE, _write_profile), *_entry_steps(story, clock),
                 *record_steps(story)]
        # Records dated before the set-up were typed in at it, oldest first.
        for moment, _day, _rank, _place, step in sorted(
                (max(datetime.combine(s.day, s.at), set_up), s.day, s.rank, place, s)
                for place, s in enumerate(steps)):
            clock.now = _local(moment)
            step.run(story)


class _StoryClock:
    """A clock the builder sets by hand: returns ``now`` until moved."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _local(moment: datetime) -> datetime:
    """``moment`` on the computer's own clock, so the journal's today is the story's day."""
    return moment.astimezone()


def as_typed(text: str) -> str:
    """A body from the content modules as someone would have typed it.

    The content is indented and wrapped so it reads well in the source; people type each
    paragraph (and each list item) as one line, which is what the editor should show.
    """
    paragraphs = []
    for block in inspect.cleandoc(text).split("\n\n"):
        lines: list[str] = []
        for line in block.splitlines():
            stripped = line.strip()
            starts_new = stripped.startswith(("- ", "#")) or not lines or lines[-1].startswith("#")
            if starts_new:
                lines.append(stripped)
            else:
                lines[-1] += " " + stripped
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _write_profile(story: Story) -> None:
    settings, framework = story.journal.settings, story.framework
    settings.set("apprentice_name", demo_content.APPRENTICE_NAME)
    # The schedule starts at her first review (on a working day: ten weeks back, unless the
    # demo is built at a weekend), so the next one is about two weeks away.
    settings.set("review_start", story.day(demo_content.PREVIOUS_REVIEW["workday"]).isoformat())
    settings.set("review_interval", demo_content.REVIEW_INTERVAL)
    for code in demo_content.CHOSEN_UNITS:
        unit = framework.unit(code)
        if unit is not None and not unit.mandatory:
            settings.choose_unit(code)


def _entry_steps(story: Story, clock: _StoryClock) -> list[Step]:
    steps = []
    written_on_day: dict[date, int] = {}
    # Oldest first, so entry numbers follow time as they would in a real journal.
    items = sorted(demo_content.ENTRIES, key=lambda item: -item["workday"])
    for place, item in enumerate(items):
        day = story.day(item["workday"])
        nth = written_on_day.get(day, 0)
        written_on_day[day] = nth + 1
        at = (datetime.combine(day, _FIRST_WRITTEN) + nth * _BETWEEN_ENTRIES).time()
        steps.append(Step(day, at, ENTRY, partial(_write_entry, item=item, place=place, clock=clock)))
    return steps


def _kind_fields(story: Story, item: dict) -> dict:
    """The kind of evidence and its details, for the items that are not her own reflections."""
    from reflect.entries.models import Witness

    fields: dict = {"kind": item.get("kind", "reflection"), "observer": item.get("observer", ""),
                    "participants": item.get("participants", "")}
    if "witness" in item:
        w = item["witness"]
        on = story.day(w["confirmed_workday"]) if "confirmed_workday" in w else None
        fields["witness"] = Witness(name=w["name"], role=w.get("role", ""), relationship=w.get("relationship", ""),
                                    contact=w.get("contact", ""), confirmed=on is not None, confirmed_on=on)
    return fields


def _write_entry(story: Story, item: dict, place: int, clock: _StoryClock) -> None:
    journal: Journal = story.journal
    entry = journal.entries.add(
        day=story.day(item["workday"]),
        title=item["title"],
        body=as_typed(item["body"]),
        model=item["model"],
        skills=story.skills(item["skills"]),
        criteria=story.criteria(item["criteria"]),
        private=item.get("private", False),
        confidence=item.get("confidence"),
        minutes=item.get("minutes"),
        uid=story.uid(str(place)),
        **_kind_fields(story, item),
    )
    if item.get("trashed"):
        clock.now += _TRASHED_AFTER
        journal.entries.delete(entry.id)
    else:
        story.entries[item["title"]] = entry.id
