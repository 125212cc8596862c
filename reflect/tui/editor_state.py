"""What the editor holds, as plain data: compare it, keep it as a draft, turn it into an entry.

The editor screen reads its widgets into an :class:`EditorState`; "unsaved changes" means the
state differs from the one last saved. Drafts keep the date as typed (it may not parse yet),
so nothing a person wrote is ever refused by the autosave. Time spent is kept as typed too
(``time``: "45m", "1h 30"), and read as minutes only when the entry is saved. The kind of
evidence and its details (the witness, the observer, who took part) come from a small form
that checks them as it closes, so they are kept as the entry keeps them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Callable

from reflect.dates import day_or_none, format_duration, format_long, format_short, parse_day, parse_minutes
from reflect.errors import InputError
from reflect.entries.kinds import KINDS, REFLECTION
from reflect.entries.models import MODELS, Entry, Witness



@dataclass(frozen=True)
class EditorState:
    """Everything the editor shows, as typed."""

    day: str
    title: str = ""
    body: str = ""
    model: str = "none"
    skills: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    private: bool = False
    confidence: int | None = None
    time: str = ""  # time spent, as typed
    kind: str = REFLECTION
    witness: Witness | None = None
    observer: str = ""
    participants: str = ""

    @classmethod
    def blank(cls, today: date, model: str = "none", kind: str = REFLECTION) -> "EditorState":
        """A new entry dated today, starting from a template when ``model`` (or, for evidence
        other than a reflection, ``kind``) has one."""
        from reflect.entries.kinds import kind_template
        from reflect.entries.templates import template_body

        body = template_body(model) if model != "none" or kind == REFLECTION else kind_template(kind)
        return cls(day=format_short(today), model=model, body=body, kind=kind)

    @classmethod
    def from_entry(cls, entry: Entry) -> "EditorState":
        return cls(
            day=format_short(entry.day), title=entry.title, body=entry.body, model=entry.model,
            skills=tuple(entry.skills), criteria=tuple(entry.criteria), private=entry.private,
            confidence=entry.confidence, time=time_text(entry.minutes), kind=entry.kind,
            witness=entry.witness, observer=entry.observer, participants=entry.participants,
        )

    @classmethod
    def from_draft(cls, data: dict[str, Any], today: date) -> "EditorState":
        """Rebuild a state from a stored draft, tolerating missing or odd values."""
        model = str(data["model"]) if data.get("model") in MODELS else "none"
        confidence = data.get("confidence")
        minutes = data.get("minutes")
        time = data.get("time")
        if not isinstance(time, str):  # drafts kept before the editor had a time box
            time = time_text(minutes if isinstance(minutes, int) and minutes > 0 else None)
        return cls(
            day=str(data.get("day") or format_short(today)),
            title=str(data.get("title") or ""),
            body=str(data.get("body") or ""),
            model=model,
            skills=tuple(str(s) for s in data.get("skills") or ()),
            criteria=tuple(str(c) for c in data.get("criteria") or ()),
            private=bool(data.get("private")),
            confidence=confidence if isinstance(confidence, int) and 1 <= confidence <= 5 else None,
            time=time,
            kind=str(data["kind"]) if data.get("kind") in KINDS else REFLECTION,
            witness=_witness_from(data.get("witness")),
            observer=str(data.get("observer") or ""),
            participants=str(data.get("participants") or ""),
        )

    def to_draft(self, base_revision: int | None = None) -> dict[str, Any]:
        """The state as a draft's JSON data (with the revision an edit started from)."""
        data: dict[str, Any] = {
            "day": self.day, "title": self.title, "body": self.body, "model": self.model,
            "skills": list(self.skills), "criteria": list(self.criteria), "private": self.private,
            "confidence": self.confidence, "time": self.time, "kind": self.kind,
            "witness": _witness_data(self.witness), "observer": self.observer, "participants": self.participants,
        }
        if base_revision is not None:
            data["base_revision"] = base_revision
        return data

    def entry_fields(self, today: date) -> dict[str, Any]:
        """Keyword arguments for ``entries.add``/``save_edit``; raises InputError for a bad date
        or time spent."""
        return {
            "day": parse_day(self.day, today), "title": self.title.strip(), "body": self.body,
            "model": self.model, "skills": list(self.skills), "criteria": list(self.criteria),
            "private": self.private, "confidence": self.confidence, "minutes": self.minutes,
            "kind": self.kind, "witness": self.witness, "observer": self.observer,
            "participants": self.participants,
        }

    @property
    def minutes(self) -> int | None:
        """Time spent in minutes (None when the box is empty); InputError if it can't be read."""
        return parse_minutes(self.time) if self.time.strip() else None

    def with_changes(self, **changes: Any) -> "EditorState":
        return replace(self, **changes)


def _witness_data(witness: Witness | None) -> dict[str, Any] | None:
    if witness is None:
        return None
    return {"name": witness.name, "role": witness.role, "relationship": witness.relationship,
            "contact": witness.contact, "confirmed": witness.confirmed,
            "confirmed_on": witness.confirmed_on.isoformat() if witness.confirmed_on else None}


def _witness_from(data: Any) -> Witness | None:
    """A draft's witness, tolerating anything odd (a draft is never refused)."""
    if not isinstance(data, dict):
        return None
    try:
        on = day_or_none(data.get("confirmed_on")) if isinstance(data.get("confirmed_on"), str) else None
    except ValueError:
        on = None
    def text(name: str) -> str:
        return str(data.get(name) or "")

    witness = Witness(name=text("name"), role=text("role"), relationship=text("relationship"),
                      contact=text("contact"), confirmed=bool(data.get("confirmed")), confirmed_on=on)
    return None if witness.is_empty else witness


def time_text(minutes: int | None) -> str:
    """Minutes as the time box shows them: "45 min", "1 h 30 min" ("" for none)."""
    return format_duration(minutes) if minutes else ""


def day_feedback(text: str, today: date) -> tuple[str, bool]:
    """What the date box means, shown beside it, and whether it can be read."""
    try:
        return format_long(parse_day(text, today)), True
    except InputError:
        return ("not a date yet: try 24/11, yesterday or last friday" if text.strip() else "needs a date"), False


def time_feedback(text: str) -> tuple[str, bool]:
    """What the time box means ("1 h 30 min", "" when empty), and whether it can be read."""
    try:
        return time_text(parse_minutes(text) if text.strip() else None), True
    except InputError:
        return "not a time yet", False


class DraftKeeper:
    """Keeps the editor's unsaved work in one draft row of the journal.

    :meth:`keep` writes the state only when it changed since the last write, and removes the
    draft when the state is back to what was saved (nothing is unsaved any more).
    """

    def __init__(self, journal, *, entry_id: int | None = None, base_revision: int | None = None,
                 draft_id: int | None = None, stored: Any = None,
                 encode: Callable[[Any], dict[str, Any]] | None = None):
        self.journal = journal
        self.entry_id = entry_id
        self.base_revision = base_revision
        self.draft_id = draft_id
        self.stored = stored
        #: The draft data for a state: an :class:`EditorState`'s by default; the objective
        #: editor keeps an ``ObjectiveForm`` with its own.
        self.encode = encode or (lambda state: state.to_draft(self.base_revision))

    def keep(self, state: Any, saved: Any) -> None:
        """Store ``state`` unless it is already stored, or drop the draft if it equals ``saved``."""
        if state == saved:
            self.forget()
        elif state != self.stored or self.draft_id is None:
            self.draft_id = self.journal.drafts.save(
                self.encode(state), draft_id=self.draft_id, entry_id=self.entry_id)
            self.stored = state

    def forget(self) -> None:
        """Remove the draft (after saving the entry, or when the person discards changes)."""
        if self.draft_id is not None:
            self.journal.drafts.discard(self.draft_id)
        self.draft_id = None
        self.stored = None

    def saved_as(self, entry: Entry) -> None:
        """The work is now ``entry`` (its draft was removed in the same transaction)."""
        self.draft_id = None
        self.stored = None
        self.entry_id = entry.id
        self.base_revision = entry.revision
