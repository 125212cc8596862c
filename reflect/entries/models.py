"""Plain records passed between the journal, the command line, the app and the exports."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date

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
class Entry:
    """One reflection, with its tags. ``day`` is the day reflected on."""

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

    @property
    def in_trash(self) -> bool:
        return self.deleted_at is not None

    def to_json(self) -> dict:
        """The entry as a JSON-ready object (``day`` also given as ``date``, ISO ``YYYY-MM-DD``)."""
        data = asdict(self)
        data["date"] = data.pop("day").isoformat()
        data["skills"] = list(self.skills)
        data["criteria"] = list(self.criteria)
        return data


@dataclass(frozen=True)
class EntrySummary:
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

    def to_json(self) -> dict:
        data = asdict(self)
        data["date"] = data.pop("day").isoformat()
        data["skills"] = list(self.skills)
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

    @property
    def is_empty(self) -> bool:
        return self == EntryFilter()


@dataclass(frozen=True)
class EntryPage:
    """One page of a listing plus how to ask for the next one."""

    rows: list[EntrySummary] = field(default_factory=list)
    #: Pass as ``after`` to get the next page; None when this was the last page.
    next_cursor: tuple | None = None
