"""What counts as evidence, and how fresh it is: shared by every gap and progress summary.

Evidence is the live entries (never trashed ones) that an :class:`EntryFilter` allows, with
private entries counted in the apprentice's own view and left out when an export asks. The
conditions come from :func:`reflect.entries.query.build_where`, so a filter means the same in
`reflect list`, the gap summary and an export.

Every number a summary shows carries a :class:`~reflect.entries.models.Target` saying what lies behind it, so a
screen can drill down to the entries (an ``EntryFilter``) or the criteria, unit or skill.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, Iterator

from reflect.entries.query import build_where
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal

#: Status of a criterion or meta-skill: no evidence, only old evidence, or recent evidence.
GAP, STALE, OK = "gap", "stale", "ok"


def evidence_filter(entry_filter: EntryFilter | None = None, include_private: bool = True) -> EntryFilter:
    """The filter selecting the entries that count as evidence.

    ``include_private=False`` (an export for a mentor) always wins: private entries are left
    out even if ``entry_filter`` asked for them.
    """
    base = entry_filter or EntryFilter()
    if not include_private:
        base = replace(base, private=False)
    return base


def evidence_where(filters: EntryFilter) -> tuple[str, list]:
    """SQL condition on alias ``e`` (and its parameters) for live entries matching ``filters``."""
    where, params = build_where(filters)
    return " AND ".join(where), params


@contextmanager
def read_snapshot(journal: "Journal") -> Iterator[None]:
    """Run several queries against one consistent state of the journal.

    Another reflect may write meanwhile (WAL lets it); these reads keep seeing the journal
    as it was when the first one ran, so the numbers of one summary agree with each other.
    Inside a transaction already (e.g. ``journal.write()``) this adds nothing.
    """
    conn = journal.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")  # read-only for the journal: nothing is written


def stale_cutoff(today: date, stale_weeks: int) -> date:
    """Evidence dated before this day is stale. Evidence exactly ``stale_weeks`` old is not."""
    return today - timedelta(weeks=stale_weeks)


def freshness(latest: date | None, cutoff: date) -> str:
    """:data:`GAP` with no evidence, :data:`STALE` if the latest is before ``cutoff``, else :data:`OK`."""
    if latest is None:
        return GAP
    return STALE if latest < cutoff else OK


def narrowed(base: EntryFilter, *, skill: str | None = None, criterion: str | None = None,
             unit: str | None = None, day_from: date | None = None, day_to: date | None = None) -> EntryFilter:
    """``base`` narrowed further, for drilling down from a number to its entries.

    A unit replaces ``base``'s units (EntryFilter ORs units, so adding one would widen it).
    """
    changes: dict[str, Any] = {}
    if skill is not None and skill not in base.skills:
        changes["skills"] = base.skills + (skill,)
    if criterion is not None and criterion not in base.criteria:
        changes["criteria"] = base.criteria + (criterion,)
    if unit is not None:
        changes["units"] = (unit,)
    if day_from is not None:
        changes["date_from"] = max(day_from, base.date_from) if base.date_from else day_from
    if day_to is not None:
        changes["date_to"] = min(day_to, base.date_to) if base.date_to else day_to
    return replace(base, **changes)

