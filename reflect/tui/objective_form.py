"""What the objective editor holds, as plain data, and how its deadline box is read.

The editor reads its widgets into an :class:`ObjectiveForm` (the deadline and the agreed
date as typed); "unsaved changes" means the form differs from the saved objective's. The
form is kept as a draft in the journal as it is typed, so a crash loses nothing.
Deadlines are read forward from the day the objective was set, as the SMART check reads
them: "31/01", "within 6 weeks", "end of March", "before my next review".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from reflect.dates import format_long, format_short
from reflect.errors import InputError
from reflect.review.models import Objective
from reflect.review.smart import find_deadline, read_deadline


@dataclass(frozen=True)
class ObjectiveForm:
    """What the editor shows, as typed (the deadline and the agreed date as text)."""

    specific: str = ""
    measure: str = ""
    achievable: str = ""
    relevant: str = ""
    deadline: str = ""
    skills: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    agreed_by: str = ""
    agreed_on: str = ""

    @classmethod
    def of(cls, objective: Objective) -> "ObjectiveForm":
        """The form as a saved objective fills it (links sorted as the journal returns them)."""
        return cls(objective.specific, objective.measure, objective.achievable, objective.relevant,
                   format_short(objective.deadline) if objective.deadline else "", tuple(sorted(objective.skills)),
                   tuple(sorted(objective.criteria)), objective.agreed_by,
                   format_short(objective.agreed_on) if objective.agreed_on else "")


    def to_draft(self, objective_id: int | None) -> dict[str, Any]:
        """The form as a draft's data (see :mod:`reflect.store.drafts`)."""
        form = asdict(self)
        form["skills"], form["criteria"] = list(self.skills), list(self.criteria)
        return {"kind": "objective", "objective_id": objective_id, "form": form}

    @classmethod
    def from_draft(cls, data: dict[str, Any]) -> "ObjectiveForm":
        """Rebuild a form from a stored draft, tolerating missing or odd values."""
        form = data.get("form")
        if not isinstance(form, dict):
            form = {}
        texts: dict[str, Any] = {f.name: str(form.get(f.name) or "") for f in fields(cls) if f.name not in ("skills", "criteria")}
        links: dict[str, Any] = {name: tuple(sorted(str(v) for v in form.get(name) or () if v))
                 for name in ("skills", "criteria") if isinstance(form.get(name) or (), (list, tuple))}
        return cls(**texts, **links)


def deadline_feedback(text: str, set_on: date, next_review: date | None, today: date) -> tuple[str, bool]:
    """What the deadline box means, shown beside it, and whether it can be read."""
    if not text.strip():
        return "", True
    hint = read_deadline(text, set_on, next_review)
    if hint is None:
        return "not a date yet", False
    if hint.day is None:
        return "your next review (no date set yet)", True
    ahead = (hint.day - today).days
    when = "today" if ahead == 0 else f"in {_days(ahead)}" if ahead > 0 else f"{_days(-ahead)} ago"
    return f"{format_long(hint.day)} ({when})", True


def stored_deadline(form: ObjectiveForm, set_on: date, next_review: date | None) -> date | None:
    """The deadline to save: the box's, else a date written in the text ("... by 31/01/2027").

    Raises :class:`InputError` when the box cannot be read as a day (the text is kept)."""
    text = form.deadline.strip()
    if not text:
        hint = find_deadline(form.specific, set_on, next_review)
        return hint.day if hint and hint.day and hint.day > set_on else None
    hint = read_deadline(text, set_on, next_review)
    if hint is None:
        raise InputError(f'Can\'t read the deadline "{text[:40]}": try 31/01/2027 or within 6 weeks.')
    if hint.day is None:
        raise InputError("No review date is set yet, so the deadline needs a date "
                         "(or set the schedule: ctrl+p, Review schedule).")
    return hint.day


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"
