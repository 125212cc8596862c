"""The sample journal behind `reflect demo`: a believable apprentice, so a newcomer sees every
screen filled with real-looking content.

The words live in :mod:`reflect.demo_content`; this module turns them into a journal. Dates
count back from the ``today`` it is given, so the demo always looks current, and the same
``today`` always gives the same journal (fixed clock, uids derived from the day). Tags the
framework in use does not know are left off, so a demo on another framework still opens.
"""

from __future__ import annotations

import inspect
import uuid
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from reflect import demo_content
from reflect.errors import JournalError
from reflect.journal import Journal, open_journal
from reflect.standards import Framework

#: Entry uids come from this, the demo's day and the entry's place: repeatable, and unique.
_UID_NAMESPACE = uuid.UUID("e41c6e4f-6475-4207-b768-36729f612040")
#: When entries were "written": the first of a day after a shift, a second one later on.
_FIRST_WRITTEN = time(17, 40)
_BETWEEN_ENTRIES = timedelta(minutes=85)
#: The trashed entry went this long after it was written (replaced by a better version).
_TRASHED_AFTER = timedelta(minutes=20)
#: When, on the first day, the journal was set up (name, units, review dates) with the assessor.
_SET_UP_AT = time(11, 0)


def build_demo_journal(path: Path, framework: Framework, today: date) -> None:
    """Create a new journal at ``path`` holding the sample apprentice's journal up to ``today``.

    Everything is written in one transaction. ``path`` must not be an existing journal:
    the demo never writes into someone's real one.
    """
    path = Path(path)
    if path.exists() and (path.is_dir() or path.stat().st_size > 0):
        raise JournalError(f"{path} already exists; the demo journal is built in a new file.")
    # The journal's clock is wound to each moment the apprentice "wrote", so stored times
    # look lived-in (nothing appears edited on the day the demo was built) and repeat exactly.
    first_day = working_days_before(today, max(item["workday"] for item in demo_content.ENTRIES))
    clock = _StoryClock(datetime.combine(first_day, _SET_UP_AT, tzinfo=timezone.utc))
    with open_journal(path, clock=clock) as journal, journal.write():
        _write_profile(journal, framework, today)
        _write_entries(journal, framework, today, clock)


class _StoryClock:
    """A clock the builder sets by hand: returns ``now`` until moved."""

    def __init__(self, now: datetime):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def working_days_before(today: date, count: int) -> date:
    """The day ``count`` working days (Monday to Friday) before ``today``; 0 is ``today``."""
    day = today
    while count > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


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


def _write_profile(journal: Journal, framework: Framework, today: date) -> None:
    settings = journal.settings
    settings.set("apprentice_name", demo_content.APPRENTICE_NAME)
    first_review = today - timedelta(weeks=demo_content.REVIEW_START_WEEKS_AGO)
    settings.set("review_start", first_review.isoformat())
    settings.set("review_interval", demo_content.REVIEW_INTERVAL)
    for code in demo_content.CHOSEN_UNITS:
        unit = framework.unit(code)
        if unit is not None and not unit.mandatory:
            settings.choose_unit(code)


def _write_entries(journal: Journal, framework: Framework, today: date, clock: _StoryClock) -> None:
    written_on_day: dict[date, int] = {}
    # Oldest first, so entry numbers follow time as they would in a real journal.
    items = sorted(demo_content.ENTRIES, key=lambda item: -item["workday"])
    for place, item in enumerate(items):
        day = working_days_before(today, item["workday"])
        nth = written_on_day.get(day, 0)
        written_on_day[day] = nth + 1
        evening = datetime.combine(day, _FIRST_WRITTEN, tzinfo=timezone.utc)
        clock.now = evening + nth * _BETWEEN_ENTRIES
        entry = journal.entries.add(
            day=day,
            title=item["title"],
            body=as_typed(item["body"]),
            model=item["model"],
            skills=[s for s in item["skills"] if framework.skill(s) is not None],
            criteria=[c for c in item["criteria"] if framework.criterion(c) is not None],
            private=item.get("private", False),
            confidence=item.get("confidence"),
            minutes=item.get("minutes"),
            uid=uuid.uuid5(_UID_NAMESPACE, f"{today.isoformat()}/{place}").hex,
        )
        if item.get("trashed"):
            clock.now += _TRASHED_AFTER
            journal.entries.delete(entry.id)
