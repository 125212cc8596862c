"""Reading the running totals of the live entries (kept by triggers: :mod:`reflect.store.tally_schema`).

They answer for the whole journal, with or without private entries: exactly the numbers the
entry-by-entry queries give, in a few hundred rows instead of every entry. Only
:mod:`reflect.progress.counts` reads them: it decides when they can answer (see its
:func:`~reflect.progress.counts.covers`).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Iterator

from reflect.dates import day_or_none
from reflect.words import entry_words

#: Joins the ids of an entry's skill set (see ``tally_schema.SKILL_SET_OF``).
SEPARATOR = "\x1f"


def _private(private: bool | None, column: str = "private") -> tuple[str, list]:
    """A WHERE clause (or none) for the private split, and its parameters."""
    if private is None:
        return "", []
    return f" WHERE {column} = ?", [int(private)]


def skill_set(text: str) -> frozenset[str]:
    """A stored skill set as the set of its ids."""
    return frozenset(text.split(SEPARATOR)) if text else frozenset()


def criteria(conn: sqlite3.Connection, private: bool | None) -> dict[str, tuple[int, date | None]]:
    """Per cited criterion id: how many live entries cite it, and the latest day."""
    where, params = _private(private)
    return {cid: (n, day_or_none(latest)) for cid, n, latest in conn.execute(
        f"SELECT criterion_id, sum(entries), max(latest) FROM tally_criteria{where} GROUP BY criterion_id", params)}


def criteria_first_cited(conn: sqlite3.Connection, start: date, end: date,
                         private: bool | None = None) -> list[tuple[str, date]]:
    """Criteria first cited by a live entry between ``start`` and ``end``, and that first day,
    in order of it (then of id). ``private``: count only private (True) or only other (False)
    entries; None counts both."""
    where, params = _private(private)
    return [(cid, date.fromisoformat(first)) for cid, first in conn.execute(
        f"SELECT criterion_id, min(first) AS day FROM tally_criteria{where} GROUP BY criterion_id"
        " HAVING day BETWEEN ? AND ? ORDER BY day, criterion_id", [*params, start.isoformat(), end.isoformat()])]


def skill_sets(conn: sqlite3.Connection, private: bool | None) -> dict[frozenset[str], tuple[int, date | None]]:
    """Per exact set of meta-skills (the empty set: untagged): live entries and the latest day."""
    where, params = _private(private)
    merged: dict[frozenset[str], tuple[int, date | None]] = {}
    for text, n, latest in conn.execute(f"SELECT skill_set, entries, latest FROM tally_skill_sets{where}", params):
        key = skill_set(text)
        count, last = merged.get(key, (0, None))
        day = day_or_none(latest)
        merged[key] = (count + n, max(last, day) if last and day else last or day)
    return merged


def recent_skill_sets(conn: sqlite3.Connection, private: bool | None, since: date) -> dict[frozenset[str], int]:
    """Live entries dated on or after ``since``, per skill set (read from the day index: few rows)."""
    extra, params = ("", []) if private is None else (" AND private = ?", [int(private)])
    found: dict[frozenset[str], int] = {}
    for text, n in conn.execute(
            "SELECT skill_set, count(*) FROM entries INDEXED BY entries_live_by_day"
            f" WHERE deleted_at IS NULL AND day >= ?{extra} GROUP BY skill_set", [since.isoformat(), *params]):
        key = skill_set(text)
        found[key] = found.get(key, 0) + n
    return found


@dataclass(frozen=True)
class Totals:
    """Sums over the live entries in scope."""

    entries: int
    private: int
    words: int
    minutes: int
    timed: int
    average_confidence: float | None
    models: dict[str, int]  # most used first


def totals(conn: sqlite3.Connection, private: bool | None) -> Totals:
    """Entries, words, time and confidence, and entries per reflective model."""
    where, params = _private(private)
    rows = conn.execute("SELECT private, model, entries, words, unworded, minutes, timed, confidence_sum, rated"
                        f" FROM tally_totals{where}", params).fetchall()
    models: dict[str, int] = {}
    for row in rows:
        models[row[1]] = models.get(row[1], 0) + row[2]
    confidence, rated = sum(r[7] for r in rows), sum(r[8] for r in rows)
    extra, params = ("", []) if private is None else (" AND e.private = ?", [int(private)])
    words = sum(r[3] for r in rows) + words_not_stored(conn, f"e.deleted_at IS NULL{extra}", params,
                                                       unknown=any(r[4] for r in rows))
    return Totals(
        entries=sum(r[2] for r in rows), private=sum(r[2] for r in rows if r[0]), words=words,
        minutes=sum(r[5] for r in rows), timed=sum(r[6] for r in rows),
        average_confidence=confidence / rated if rated else None,
        models=dict(sorted(models.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def entries(conn: sqlite3.Connection, private: bool | None) -> int:
    """Live entries (only private, or only other, ones with ``private``): no words counted."""
    where, params = _private(private)
    return conn.execute(f"SELECT coalesce(sum(entries), 0) FROM tally_totals{where}", params).fetchone()[0]


def minutes(conn: sqlite3.Connection, private: bool | None) -> int:
    """Time spent recorded on the live entries, in minutes."""
    where, params = _private(private)
    return conn.execute(f"SELECT coalesce(sum(minutes), 0) FROM tally_totals{where}", params).fetchone()[0]


def words_not_stored(conn: sqlite3.Connection, where: str, params: list, *, unknown: bool) -> int:
    """What the stored word counts of the entries ``e`` matching ``where`` miss: the words of
    entries with no count (only looked for if ``unknown``), and the difference for entries
    whose text another tool changed (marked in ``entry_words_stale``). Usually nothing to read.
    """
    extra = 0
    for stored, title, body in conn.execute(
            # CROSS JOIN: SQLite then reads the (nearly always empty) marks first, never every entry.
            "SELECT e.words, e.title, e.body FROM entry_words_stale s CROSS JOIN entries e ON e.id = s.entry_id"
            f" WHERE {where}", params):
        extra += entry_words(title, body) - (stored or 0)
    if unknown:
        extra += sum(entry_words(title, body) for title, body in conn.execute(
            f"SELECT e.title, e.body FROM entries e INDEXED BY entries_words_unknown WHERE e.words IS NULL AND {where}",
            params))
    return extra


def _period_count(private: bool | None) -> tuple[str, str]:
    """The entries column (or sum) of a period tally for the private split, and the condition
    for periods that have any."""
    column = {None: "public_entries + private_entries", False: "public_entries", True: "private_entries"}[private]
    return column, "" if private is None else f" WHERE {column} > 0"


def days(conn: sqlite3.Connection, private: bool | None) -> tuple[int, date | None, date | None]:
    """Days with a live entry, and the first and last of them."""
    _, where = _period_count(private)
    # A row per active day: counting rows of the whole table needs no scan of them.
    (count,) = conn.execute(f"SELECT count(*) FROM tally_days{where}").fetchone()
    # Separate queries: each min() or max() alone is one step down the key's b-tree.
    (first,) = conn.execute(f"SELECT min(day) FROM tally_days{where}").fetchone()
    (last,) = conn.execute(f"SELECT max(day) FROM tally_days{where}").fetchone()
    return count, day_or_none(first), day_or_none(last)


def months(conn: sqlite3.Connection, private: bool | None) -> list[tuple[str, int]]:
    """("YYYY-MM", live entries) for every month with any, oldest first."""
    column, where = _period_count(private)
    return conn.execute(f"SELECT month, {column} FROM tally_months{where} ORDER BY month").fetchall()


def week_number(day: date) -> int:
    """The number of ``day``'s week (Monday to Sunday) as ``tally_weeks`` stores it."""
    return (day.toordinal() - 1) // 7


def weeks_back(conn: sqlite3.Connection, private: bool | None, up_to: int) -> Iterator[int]:
    """Numbers (see :func:`week_number`) of the weeks with a live entry up to week ``up_to``,
    newest first, read as they are used (a long journal has thousands)."""
    column, _ = _period_count(private)
    cursor = conn.execute(f"SELECT week FROM tally_weeks WHERE week <= ? AND {column} > 0 ORDER BY week DESC",
                          [up_to])
    try:
        for (week,) in cursor:
            yield week
    finally:
        cursor.close()  # also when the reader stops early


def criteria_cited(conn: sqlite3.Connection, private: bool | None) -> int:
    """How many different criteria the live entries cite."""
    where, params = _private(private)
    return conn.execute(f"SELECT count(DISTINCT criterion_id) FROM tally_criteria{where}", params).fetchone()[0]
