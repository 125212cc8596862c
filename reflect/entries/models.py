"""Plain records passed between the journal, the command line, the app and the exports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from reflect.entries.kinds import REFLECTION
from reflect.jsonable import Record, fields_of

#: Reflective models an entry can follow; their sections live in the body as headings.
MODELS = ("none", "gibbs", "driscoll", "kolb", "star")
MODEL_NAMES = {
    "none": "Free writing",
    "gibbs": "Gibbs' reflective cycle",
    "driscoll": "Driscoll (What? So what? Now what?)",
    "kolb": "Kolb's learning cycle",
    "star": "STAR (Situation, Task, Action, Result)",
}


@dataclass(frozen=True)
class Witness(Record):
    """Who gave a witness testimony, and whether they confirmed it (see :mod:`reflect.entries.kinds`).

    ``relationship`` is theirs to the apprentice ("my line manager"); ``contact`` is how an
    assessor can reach them to check it. ``confirmed_on`` may be unknown even when confirmed.
    """

    name: str = ""
    role: str = ""
    relationship: str = ""
    contact: str = ""
    confirmed: bool = False
    confirmed_on: date | None = None

    @property
    def is_empty(self) -> bool:
        return self == Witness()


@dataclass(frozen=True)
class Entry(Record):
    """One journal item, with its tags. ``day`` is the day it is about.

    ``kind`` is what sort of evidence it is (:data:`reflect.entries.kinds.KINDS`); a witness
    testimony names its ``witness``, an observation its ``observer`` and a professional
    discussion its ``participants`` (the details are kept if the kind later changes).
    """

    id: int
    uid: str
    day: date
    title: str
    body: str
    model: str = "none"
    skills: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    private: bool = False
    confidence: int | None = None
    minutes: int | None = None
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    revision: int = 1
    kind: str = REFLECTION
    witness: Witness | None = None
    observer: str = ""
    participants: str = ""

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def json_shape(self) -> dict:
        """The entry as a JSON-ready object (``day`` also given as ``date``, ISO ``YYYY-MM-DD``)."""
        data = fields_of(self)
        data["date"] = data.pop("day")
        return data


@dataclass(frozen=True)
class EntrySummary(Record):
    """What a list row needs: no body, so a page of 100,000 entries stays light."""

    id: int
    day: date
    title: str
    skills: tuple[str, ...]
    criteria_count: int
    private: bool
    model: str = "none"
    snippet: str | None = None
    deleted_at: str | None = None
    kind: str = REFLECTION

    def json_shape(self) -> dict:
        data = fields_of(self)
        data["date"] = data.pop("day")
        return data


@dataclass(frozen=True)
class EntryFilter:
    """What to narrow a list or search to. Empty fields mean "any"."""

    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    skills: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    criteria: tuple[str, ...] = ()
    private: bool | None = None
    model: str | None = None
    objective: int | None = None
    #: Kinds of evidence (any of them); empty means every kind.
    kinds: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()


@dataclass(frozen=True)
class EntryPage:
    """One page of a listing plus how to ask for the next one."""

    rows: list[EntrySummary] = field(default_factory=list)
    #: Pass as ``after`` to get the next page; None when this was the last page.
    next_cursor: tuple | None = None


@dataclass(frozen=True)
class Target(Record):
    """What a number or suggestion drills down to.

    ``kind`` is one of ``entries``, ``criterion``, ``unit``, ``skill``, ``category``,
    ``units`` (the optional-unit choice), ``objective``, ``activity``, ``feedback``,
    ``training``, ``review``, ``write`` (start a new reflection). ``id`` names the record (criterion id, unit code, skill id,
    row id). ``entries`` is the filter that lists the entries behind it, when there are any.
    """

    kind: str
    id: str | int | None = None
    entries: EntryFilter | None = None

    def json_shape(self) -> dict:
        return {"kind": self.kind, "id": self.id,
                "entries": filter_to_json(self.entries) if self.entries is not None else None}



def filter_to_json(filters: EntryFilter) -> dict[str, Any]:
    """An entry filter as JSON (only the fields that narrow anything)."""
    data: dict[str, Any] = {}
    for name in ("text", "model", "objective"):
        if getattr(filters, name):
            data[name] = getattr(filters, name)
    for name in ("skills", "units", "criteria", "kinds"):
        if getattr(filters, name):
            data[name] = list(getattr(filters, name))
    for name in ("date_from", "date_to"):
        if getattr(filters, name):
            data[name] = getattr(filters, name).isoformat()
    if filters.private is not None:
        data["private"] = filters.private
    return data
