"""Keeping private reflections out of what a review shows someone else.

Records that are not private themselves can point at a private reflection: an objective
drafted from one (its ``source_entry_id`` and the "Drafted from entry 40: <title>" reason of
its first status), a piece of feedback about one (its ``entry_id`` and its import key, which
holds the reflection's stable id). Reviews, packs and exports show these records without
asking for private reflections, so they are shown here with every such pointer taken out:
the source becomes "a private reflection" and the ids go.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from typing import Iterable

from reflect.review.models import Feedback, Objective, StatusChange

#: How an objective's history names a private source.
PRIVATE_SOURCE = "a private reflection"

#: The reason :func:`reflect.review.objective_drafts.objective_from_entry` writes.
_DRAFTED = re.compile(r"^Drafted from entry (\d+)\b.*", re.DOTALL)


def drafted_reason(entry_id: int, title: str, private: bool) -> str:
    """The first status reason of an objective drafted from a reflection."""
    return f"Drafted from {PRIVATE_SOURCE}" if private else f"Drafted from entry {entry_id}: {title}"


def private_entry_ids(conn: sqlite3.Connection, ids: Iterable[int | None]) -> set[int]:
    """Those of ``ids`` that are private reflections (in the trash or not)."""
    unique = sorted({i for i in ids if i is not None})
    found: set[int] = set()
    for start in range(0, len(unique), 500):
        chunk = unique[start:start + 500]
        found.update(row[0] for row in conn.execute(
            f"SELECT id FROM entries WHERE private = 1 AND id IN ({','.join('?' * len(chunk))})", chunk))
    return found


def all_private_ids(conn: sqlite3.Connection) -> set[int]:
    """Every private reflection's id (a journal has few: one query, no per-record look-ups)."""
    return {row[0] for row in conn.execute("SELECT id FROM entries WHERE private = 1")}


def objective(o: Objective, private: set[int]) -> Objective:
    """``o`` without its source if that is a private reflection."""
    return replace(o, source_entry_id=None) if o.source_entry_id in private else o


def change(c: StatusChange, private: set[int]) -> StatusChange:
    """``c`` with a "Drafted from entry N: title" reason naming a private reflection rewritten."""
    match = _DRAFTED.match(c.reason or "")
    if match and int(match.group(1)) in private:
        return replace(c, reason=f"Drafted from {PRIVATE_SOURCE}")
    return c


def feedback(fb: Feedback, private: set[int]) -> Feedback:
    """``fb`` without its link to a private reflection (the id, and the import key naming it)."""
    if fb.entry_id in private:
        return replace(fb, entry_id=None, import_key=None)
    return fb


def snapshot(data: dict, private: set[int]) -> dict:
    """A completed review's snapshot (its JSON form) without what older versions of reflect
    kept in it about private reflections: the count, objective sources and "Drafted from entry
    N" reasons, feedback links, and criteria listed as first evidenced with no reflection the
    review could show (only private ones cited them). A snapshot kept with private
    reflections included is returned as it is."""
    if data.get("include_private"):
        return data
    data = dict(data)
    data.pop("private_count", None)
    objectives = []
    for item in data.get("objectives") or []:
        item = dict(item)
        o = dict(item.get("objective") or {})
        if o.get("source_entry_id") in private:
            o["source_entry_id"] = None
        item["objective"] = o
        item["changes"] = [_unnamed(c, private) for c in item.get("changes") or []]
        objectives.append(item)
    if "objectives" in data:
        data["objectives"] = objectives
    for key in ("feedback", "feedback_still_open"):
        if key in data:
            data[key] = [dict(fb, entry_id=None, import_key=None) if fb.get("entry_id") in private else fb
                         for fb in data[key] or []]
    if "criteria_newly_evidenced" in data:
        data["criteria_newly_evidenced"] = [c for c in data["criteria_newly_evidenced"] or [] if c.get("entries")]
    return data


def _unnamed(change: dict, private: set[int]) -> dict:
    match = _DRAFTED.match(change.get("reason") or "")
    if match and int(match.group(1)) in private:
        return dict(change, reason=f"Drafted from {PRIVATE_SOURCE}")
    return change
