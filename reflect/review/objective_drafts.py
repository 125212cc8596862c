"""Turning a reflection's "Action plan" / "Now what?" into a draft SMART objective in one step.

The section comes from the entry's reflective model (:data:`reflect.entries.templates.ACTION_SECTIONS`);
a free-writing entry that happens to use one of those headings works too. The draft keeps
the entry as its source and as its first piece of progress evidence, copies the entry's
meta-skills, and picks up a deadline written in the text ("by 31/01/2027"). Its history names a
private source only as "a private reflection" (the history is shown to a mentor).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reflect.errors import InputError
from reflect.entries.models import Entry
from reflect.review.models import Objective
from reflect.review.deadlines import find_deadline
from reflect.review.private_refs import drafted_reason
from reflect.entries.templates import ACTION_SECTIONS, section_text

if TYPE_CHECKING:
    from reflect.journal import Journal

_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
MAX_SPECIFIC = 2000


def action_text(entry: Entry) -> str:
    """The text of the entry's action section, tidied into one line ("" if it has none)."""
    headings = [ACTION_SECTIONS[entry.model]] if entry.model in ACTION_SECTIONS else []
    headings += [h for h in ACTION_SECTIONS.values() if h not in headings]
    for heading in headings:
        text = section_text(entry.body, heading)
        if text:
            return _one_line(text)
    return ""


def objective_from_entry(journal: "Journal", entry_id: int, *, specific: str | None = None) -> Objective:
    """A new draft objective from the entry's action section (or ``specific``, if given)."""
    entry = journal.entries.get(entry_id)
    text = (specific or "").strip() or action_text(entry)
    if not text:
        sections = " or ".join(f'"{h}"' for h in dict.fromkeys(ACTION_SECTIONS.values()))
        raise InputError(f"Entry {entry_id} has nothing under {sections} to turn into an objective.")
    from reflect.review.schedule import review_schedule

    today = journal.today()
    hint = find_deadline(text, today, review_schedule(journal, today).next_date)
    deadline = hint.day if hint and hint.day and hint.day > today else None
    with journal.write():
        objective = journal.objectives.add(
            specific=text[:MAX_SPECIFIC], deadline=deadline, skills=entry.skills, source_entry_id=entry.id,
            reason=drafted_reason(entry.id, entry.title, entry.private)[:2000])
        journal.objectives.link_entry(objective.id, entry.id)
    return objective


def _one_line(text: str) -> str:
    """Markdown lines as one sentence: bullets become "; ", wrapped lines join with spaces."""
    items: list[str] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if _BULLET.match(line) or not items:
            items.append(_BULLET.sub("", line).strip())
        else:
            items[-1] += " " + line.strip()
    return "; ".join(item.rstrip(";") for item in items)
