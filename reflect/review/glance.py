"""An objective's state as a mentor reads it at a glance: done, on track, at risk, overdue.

The stored status (draft, agreed, in progress, achieved, ...) says where an objective is in
the workflow; a mentor preparing a review wants to know whether it is going well. This works
on the JSON form of :class:`reflect.review.prep.ObjectiveProgress` (what a review snapshot
keeps), so a completed review's pack reads the same as it did on the day.
"""

from __future__ import annotations

from datetime import date
from typing import overload

from reflect.dates import format_short

#: An open objective this close to its deadline with nothing done in the period is at risk.
RISK_DAYS = 28

DONE = "done"
ON_TRACK = "on track"
AT_RISK = "at risk"
OVERDUE = "overdue"
TO_AGREE = "to agree"
CLOSED = {"achieved": DONE, "not-achieved": "not achieved", "dropped": "dropped"}


@overload
def _day(value: str | date) -> date: ...


@overload
def _day(value: str | date | None) -> date | None: ...


def _day(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def glance(item: dict, start: str | date, end: str | date) -> tuple[str, str]:
    """``(state, why)`` for one objective of a prepared review's JSON (``item`` has
    ``objective``, ``changes``, ``evidence``, ``activities``); ``start``/``end`` the period."""
    o = item["objective"]
    start, end = _day(start), _day(end)
    if o["status"] in CLOSED:
        return CLOSED[o["status"]], ""
    if o["status"] == "draft":
        return TO_AGREE, ""
    deadline = _day(o.get("deadline"))
    if deadline is not None and deadline < end:
        return OVERDUE, f"deadline was {format_short(deadline)}"
    late = [a for a in item["activities"] if not a["completed_on"] and a["due"] and _day(a["due"]) < end]
    if late:
        return AT_RISK, f"{len(late)} activit{'y' if len(late) == 1 else 'ies'} overdue"
    moved = bool(item["evidence"]) or any(
        a["completed_on"] and start <= _day(a["completed_on"]) <= end for a in item["activities"])
    if deadline is not None and (deadline - end).days <= RISK_DAYS and not moved:
        return AT_RISK, f"due {format_short(deadline)} with nothing done this period"
    if deadline is None:
        return ON_TRACK if moved else AT_RISK, "" if moved else "no deadline and nothing done this period"
    return ON_TRACK, ""


def what_changed(item: dict, start: str | date, end: str | date, shown: set[int] | None = None) -> str:
    """What happened to the objective in the period, in a few words ("agreed 14/10/2026;
    2 reflections; 1 activity done": its latest status change), or "nothing recorded"."""
    from reflect.review.models import OBJECTIVE_STATUSES

    start, end = _day(start), _day(end)
    parts = []
    if item["changes"]:  # the latest move says where it stands; the detail lists them all
        last = item["changes"][-1]
        parts.append(f"{OBJECTIVE_STATUSES.get(last['status'], last['status']).lower()} "
                     f"{format_short(_day(last['changed_on']))}")
    evidence = [e for e in item["evidence"] if shown is None or e["id"] in shown]
    if evidence:
        parts.append(f"{len(evidence)} reflection{'' if len(evidence) == 1 else 's'}")
    done = sum(1 for a in item["activities"] if a["completed_on"] and start <= _day(a["completed_on"]) <= end)
    if done:
        parts.append(f"{done} activit{'y' if done == 1 else 'ies'} done")
    return "; ".join(parts) or "nothing recorded"
