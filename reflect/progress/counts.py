"""Counting entries: the one place that decides whether a number comes from the running totals
or from the entries themselves.

The running totals (:mod:`reflect.progress.tallies`, kept by triggers) answer for the whole
journal, with or without private entries, in a few hundred rows however long the journal is.
Anything narrower (a period, a meta-skill, search text...) is counted from the entries. Every
summary (coverage, meta-skills, stats, streaks, exports) asks this module, so that choice is
made here only: :func:`covers` is the whole rule, and the two ways give the same numbers
(tests/tallies/test_tally_properties.py switches it off and compares). Measurements behind
the choice: docs/performance.md.
"""

from __future__ import annotations

import itertools
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Iterator

from reflect.dates import day_or_none, later
from reflect.entries.kinds import KINDS, REFLECTION
from reflect.entries.models import EntryFilter
from reflect.entries.query import build_where
from reflect.progress import tallies
from reflect.progress.evidence import evidence_filter, evidence_where, read_snapshot

if TYPE_CHECKING:
    from reflect.journal import Journal


def covers(filters: EntryFilter) -> bool:
    """Whether the running totals answer for ``filters``: all live entries, or only (non-)private ones."""
    return replace(filters, private=None).is_empty


def entries(journal: "Journal", filters: EntryFilter = EntryFilter()) -> int:
    """How many live entries ``filters`` select: from the running totals when they answer (the
    home screen's "100,000 reflections" at every start), else counted."""
    if covers(filters):
        return tallies.entries(journal.conn, filters.private)
    return journal.entries.count(filters)


# -- a set of entries to count, opened once for several counts ------------------------------

_names = itertools.count(1)


@dataclass(frozen=True)
class EvidenceSet:
    """The entries that count for one summary.

    ``table`` is a temporary table ``(id INTEGER PRIMARY KEY, day TEXT, kind TEXT)`` of those entries, or
    None when ``filters`` selects the whole journal (private entries or not): the running
    totals then answer without reading any entry. ``filters`` selects the same entries
    (narrow it with :func:`~reflect.progress.evidence.narrowed` to drill down).
    """

    table: str | None
    filters: EntryFilter

    @property
    def tallied(self) -> bool:
        """Whether the running totals answer for this set (no temporary table)."""
        return self.table is None


@contextmanager
def open_evidence(journal: "Journal", entry_filter: EntryFilter | None = None,
                  include_private: bool = True) -> Iterator[EvidenceSet]:
    """Open the entries that count (see :func:`~reflect.progress.evidence.evidence_filter`)
    for several counts.

    The whole journal (with or without private entries) needs nothing: the running totals
    answer. Otherwise the entries are materialised: joining the criterion and meta-skill
    links to a small table of ``(id, day)`` is several times faster than looking each one up
    in the wide entries table, and every filter (search text included) is applied once. The
    table is temporary: private to this connection, never in the journal file, and dropped
    on leaving the block. Either way the queries inside see one state of the journal.
    """
    filters = evidence_filter(entry_filter, include_private)
    if covers(filters):
        with read_snapshot(journal):
            yield EvidenceSet(None, filters)
        return
    where, params = evidence_where(filters)
    name = f"reflect_evidence_{next(_names)}"
    conn = journal.conn
    with read_snapshot(journal):
        conn.execute(f"CREATE TEMP TABLE {name} (id INTEGER PRIMARY KEY, day TEXT NOT NULL, kind TEXT NOT NULL)")
        try:
            conn.execute(f"INSERT INTO temp.{name} (id, day, kind) SELECT e.id, e.day, e.kind FROM entries e"
                         f" WHERE {where}", params)
            yield EvidenceSet(f"temp.{name}", filters)
        finally:
            conn.execute(f"DROP TABLE temp.{name}")


# -- criteria and meta-skills -----------------------------------------------------------------

def criteria(journal: "Journal", evidence: EvidenceSet) -> dict[str, tuple[int, date | None]]:
    """Per cited criterion id: how many entries of ``evidence`` cite it, and the latest day."""
    if evidence.tallied:
        return tallies.criteria(journal.conn, evidence.filters.private)
    rows = journal.conn.execute(
        "SELECT ec.criterion_id, count(*), max(l.day) FROM entry_criteria ec"
        f" JOIN {evidence.table} l ON l.id = ec.entry_id GROUP BY ec.criterion_id")
    return {cid: (n, day_or_none(latest)) for cid, n, latest in rows}


def criteria_by_kind(journal: "Journal", evidence: EvidenceSet,
                     found: dict[str, tuple[int, date | None]]) -> dict[str, dict[str, int]]:
    """Per criterion id of ``found`` (what :func:`criteria` gave for ``evidence``): its entries
    by kind of evidence, kinds without any left out ({"reflection": 3, "witness": 1}).

    Only the evidence from others is counted entry by entry, through the index of live entries
    by kind, so it costs what those few entries cost; reflections are the rest of the total,
    which needs no running total of its own (docs/performance.md, "Kinds of evidence").
    """
    others = [k for k in KINDS if k != REFLECTION]
    marks = ", ".join("?" * len(others))
    if evidence.tallied:
        private = evidence.filters.private
        rows = journal.conn.execute(
            "SELECT ec.criterion_id, e.kind, count(*) FROM entries e INDEXED BY entries_live_by_kind"
            " JOIN entry_criteria ec ON ec.entry_id = e.id"
            f" WHERE e.deleted_at IS NULL AND e.kind IN ({marks})"
            + ("" if private is None else " AND e.private = ?") + " GROUP BY ec.criterion_id, e.kind",
            others + ([] if private is None else [int(private)]))
    else:
        rows = journal.conn.execute(
            f"SELECT ec.criterion_id, l.kind, count(*) FROM {evidence.table} l"
            f" JOIN entry_criteria ec ON ec.entry_id = l.id WHERE l.kind IN ({marks})"
            " GROUP BY ec.criterion_id, l.kind", others)
    from_others: dict[str, dict[str, int]] = {}
    for cid, kind, n in rows:
        from_others.setdefault(cid, {})[kind] = n
    result = {}
    for cid, (total, _) in found.items():
        kinds = from_others.get(cid, {})
        own = total - sum(kinds.values())
        result[cid] = ({REFLECTION: own} if own else {}) | {k: kinds[k] for k in others if kinds.get(k)}
    return result


def criteria_first_cited(journal: "Journal", start: date, end: date,
                         private: bool | None = None) -> list[tuple[str, date]]:
    """Criteria first cited by a live entry between ``start`` and ``end``, and that first day,
    in order of it (then of id). ``private``: only private (True) or only other (False) entries."""
    return tallies.criteria_first_cited(journal.conn, start, end, private)


def skill_sets(journal: "Journal", evidence: EvidenceSet,
               cutoff: date | None) -> list[tuple[frozenset[str], int, int, date | None]]:
    """Per exact set of meta-skills an entry carries (the empty set: untagged): entries, entries
    dated on or after ``cutoff`` (0 without one: not counted), and the latest day. One row per
    set, not per entry."""
    if evidence.tallied:
        private = evidence.filters.private
        recent = tallies.recent_skill_sets(journal.conn, private, cutoff) if cutoff else {}
        return [(key, n, recent.get(key, 0), latest)
                for key, (n, latest) in tallies.skill_sets(journal.conn, private).items()]
    merged: dict[frozenset[str], list] = {}
    for joined, n, recent, latest in journal.conn.execute(
            "SELECT tags, count(*), sum(day >= ?), max(day) FROM ("
            "  SELECT group_concat(es.skill_id, char(31)) AS tags, l.day AS day"
            f" FROM {evidence.table} l LEFT JOIN entry_skills es ON es.entry_id = l.id GROUP BY l.id"
            ") GROUP BY tags", [cutoff.isoformat() if cutoff else "9999-12-31"]):
        # group_concat's order is not promised, so the same set may come back spelt twice.
        key = frozenset(joined.split("\x1f")) if joined else frozenset()
        row = merged.setdefault(key, [0, 0, None])
        row[0] += n
        row[1] += recent
        row[2] = later(row[2], day_or_none(latest))
    return [(key, n, recent, latest) for key, (n, recent, latest) in merged.items()]


# -- totals of a set of entries ---------------------------------------------------------------

@dataclass(frozen=True)
class Totals:
    """What the two ways of counting (running totals, or entry by entry) both give."""

    entries: int
    private: int
    first: date | None
    last: date | None
    active_days: int
    words: int
    minutes: int
    timed: int
    confidence: float | None
    models: dict[str, int]
    tagged: dict[str, int]  # meta-skill id -> entries
    cited: int
    months: list[tuple[str, int]]


def totals(journal: "Journal", base: EntryFilter) -> Totals:
    """How much, how long and when, for the live entries ``base`` selects."""
    return _tallied_totals(journal, base) if covers(base) else _counted_totals(journal, base)


def _tallied_totals(journal: "Journal", base: EntryFilter) -> Totals:
    conn, private = journal.conn, base.private
    sums = tallies.totals(conn, private)
    active, first, last = tallies.days(conn, private)
    tagged: dict[str, int] = {}
    for skills, (n, _) in tallies.skill_sets(conn, private).items():
        for skill in skills:
            tagged[skill] = tagged.get(skill, 0) + n
    return Totals(
        entries=sums.entries, private=sums.private, first=first, last=last, active_days=active,
        words=sums.words, minutes=sums.minutes, timed=sums.timed, confidence=sums.average_confidence,
        models=sums.models, tagged=dict(sorted(tagged.items())), cited=tallies.criteria_cited(conn, private),
        months=tallies.months(conn, private),
    )


def _counted_totals(journal: "Journal", base: EntryFilter) -> Totals:
    conn = journal.conn
    with open_evidence(journal, base) as evidence:
        where, params = evidence_where(base)
        (entries, private, first, last, words, unknown, minutes, timed, confidence) = conn.execute(
            "SELECT count(*), sum(e.private), min(e.day), max(e.day), sum(e.words), count(*) - count(e.words),"
            f" sum(e.minutes), count(e.minutes), avg(e.confidence) FROM entries e WHERE {where}", params).fetchone()
        # Entries written or changed by another tool may lack a right stored count.
        words = (words or 0) + tallies.words_not_stored(conn, where, params, unknown=bool(unknown))
        # Separately: grouping the pass above would make SQLite sort every entry's text.
        models = dict(conn.execute(
            f"SELECT e.model, count(*) FROM entries e WHERE {where} GROUP BY e.model"
            " ORDER BY count(*) DESC, e.model", params))
        tagged = dict(conn.execute(
            f"SELECT es.skill_id, count(*) FROM entry_skills es JOIN {evidence.table} l ON l.id = es.entry_id"
            " GROUP BY es.skill_id"))
        (cited,) = conn.execute(
            "SELECT count(DISTINCT ec.criterion_id) FROM entry_criteria ec"
            f" JOIN {evidence.table} l ON l.id = ec.entry_id").fetchone()
        per_month = conn.execute(
            f"SELECT substr(day, 1, 7) AS month, count(*), count(DISTINCT day) FROM {evidence.table}"
            " GROUP BY month ORDER BY month").fetchall()
    return Totals(
        entries=entries, private=private or 0, first=day_or_none(first), last=day_or_none(last),
        active_days=sum(d for _, _, d in per_month), words=words or 0, minutes=minutes or 0, timed=timed,
        confidence=confidence, models=models, tagged=tagged, cited=cited,
        months=[(month, n) for month, n, _ in per_month],
    )


# -- time spent ---------------------------------------------------------------------------------

def reflection_minutes(journal: "Journal", base: EntryFilter) -> int:
    """Minutes of time spent recorded on the live entries ``base`` selects.

    The running totals answer for the whole journal, and for any span of days that holds all
    of its entries (a first review period, or `stats --from` before the first reflection);
    otherwise the span's entries are summed through the day index.
    """
    conn = journal.conn
    if covers(replace(base, date_from=None, date_to=None)):
        _, first, last = tallies.days(conn, base.private)
        if first is None or last is None:
            return 0
        if (base.date_from is None or base.date_from <= first) and (base.date_to is None or last <= base.date_to):
            return tallies.minutes(conn, base.private)
    where, params = evidence_where(base)
    (total,) = conn.execute(f"SELECT coalesce(sum(e.minutes), 0) FROM entries e WHERE {where}", params).fetchone()
    return total


def reflection_minutes_by_day(journal: "Journal", base: EntryFilter) -> dict[date, int]:
    """Minutes of time spent per day, over the live entries ``base`` selects (days with some only)."""
    where, params = evidence_where(base)
    return {date.fromisoformat(day): n for day, n in journal.conn.execute(
        f"SELECT e.day, sum(e.minutes) FROM entries e WHERE {where} AND e.minutes IS NOT NULL GROUP BY e.day",
        params)}


#: The review records that carry time spent, counted on the day they were completed.
TIMED_RECORDS = ("activities", "training")


def record_minutes_by_day(journal: "Journal", table: str, start: date | None, end: date | None) -> dict[date, int]:
    """Minutes of time spent per completion day on the development activities or the training
    (``table``, one of :data:`TIMED_RECORDS`) completed from ``start`` to ``end`` (either open).
    Records not completed yet count nowhere: their time counts on the day they are done."""
    if table not in TIMED_RECORDS:
        raise ValueError(f"no time spent is kept in {table!r}")
    where, params = ["completed_on IS NOT NULL", "minutes IS NOT NULL"], []
    if start is not None:
        where.append("completed_on >= ?")
        params.append(start.isoformat())
    if end is not None:
        where.append("completed_on <= ?")
        params.append(end.isoformat())
    return {date.fromisoformat(day): n for day, n in journal.conn.execute(
        f"SELECT completed_on, sum(minutes) FROM {table} WHERE {' AND '.join(where)} GROUP BY completed_on", params)}


# -- what an export holds ---------------------------------------------------------------------

def included(journal: "Journal", filters: EntryFilter, include_private: bool) -> tuple[int, int, date | None, date | None]:
    """Entries included, private entries (left out or included), first and last day included:
    one pass over the entries the filters allow, whatever their privacy (or the running
    totals, for the whole journal)."""
    if covers(filters):
        every = tallies.totals(journal.conn, None)
        _, first, last = tallies.days(journal.conn, None if include_private else False)
        total = every.entries if include_private else every.entries - every.private
        return total, every.private, first, last
    where, params = build_where(replace(filters, private=None))
    shown = "1" if include_private else "e.private = 0"
    total, private, first, last = journal.conn.execute(
        f"SELECT sum({shown}), sum(e.private), min(CASE WHEN {shown} THEN e.day END),"
        f" max(CASE WHEN {shown} THEN e.day END) FROM entries e WHERE {' AND '.join(where)}",
        params).fetchone()
    return total or 0, private or 0, day_or_none(first), day_or_none(last)


def _joined(table: str, filters: EntryFilter) -> tuple[str, list]:
    """``FROM`` and ``WHERE`` for the rows of ``table`` (tags) of the included entries.
    (A join: about twice as fast here as ``entry_id IN (SELECT ...)``.)"""
    where, params = build_where(filters)
    return f"FROM {table} t JOIN entries e ON e.id = t.entry_id WHERE {' AND '.join(where)}", params


def per_kind(journal: "Journal", filters: EntryFilter) -> dict[str, int]:
    """Entries per kind of evidence, in the kinds' order, kinds with none left out.

    For the whole journal the evidence from others is counted through the index of live
    entries by kind and reflections are the rest of the running total (as in :func:`criteria_by_kind`).
    """
    if covers(filters):
        others = [k for k in KINDS if k != REFLECTION]
        private = filters.private
        found = dict(journal.conn.execute(
            "SELECT kind, count(*) FROM entries INDEXED BY entries_live_by_kind"
            f" WHERE deleted_at IS NULL AND kind IN ({', '.join('?' * len(others))})"
            + ("" if private is None else " AND private = ?") + " GROUP BY kind",
            others + ([] if private is None else [int(private)])).fetchall())
        found[REFLECTION] = tallies.entries(journal.conn, private) - sum(found.values())
    else:
        where, params = build_where(filters)
        found = dict(journal.conn.execute(
            f"SELECT e.kind, count(*) FROM entries e WHERE {' AND '.join(where)} GROUP BY e.kind", params).fetchall())
    return {k: found[k] for k in KINDS if found.get(k)}


def per_skill(journal: "Journal", filters: EntryFilter) -> dict[str, int]:
    """Entries per meta-skill id."""
    if covers(filters):
        result: dict[str, int] = {}
        for skills, (n, _) in tallies.skill_sets(journal.conn, filters.private).items():
            for skill in skills:
                result[skill] = result.get(skill, 0) + n
        return result
    source, params = _joined("entry_skills", filters)
    return dict(journal.conn.execute(f"SELECT t.skill_id, count(*) {source} GROUP BY t.skill_id", params).fetchall())


def per_criterion(journal: "Journal", filters: EntryFilter) -> dict[str, int]:
    """Entries per cited criterion id."""
    if covers(filters):
        return {cid: n for cid, (n, _) in tallies.criteria(journal.conn, filters.private).items()}
    source, params = _joined("entry_criteria", filters)
    return dict(journal.conn.execute(
        f"SELECT t.criterion_id, count(*) {source} GROUP BY t.criterion_id", params).fetchall())


def per_unit(journal: "Journal", filters: EntryFilter) -> dict[str, int]:
    """Distinct entries citing any criterion of each unit (always from the links: no total keeps it)."""
    source, params = _joined("entry_criteria", filters)
    # Unit codes have no dot (the framework check makes sure), so a criterion id's unit is
    # everything before its first dot.
    return dict(journal.conn.execute(
        f"SELECT substr(t.criterion_id, 1, instr(t.criterion_id, '.') - 1) AS unit,"
        f" count(DISTINCT t.entry_id) {source} GROUP BY unit", params).fetchall())


# -- weeks with a reflection --------------------------------------------------------------------

def week_start(day: date) -> date:
    """The Monday of ``day``'s week."""
    return day - timedelta(days=day.weekday())


def current_run_weeks(journal: "Journal", base: EntryFilter, today: date) -> int:
    """The run of consecutive weeks with an entry up to this week (a week still in progress
    does not break it: with nothing yet this week, the run counts back from last week)."""
    this_week = week_start(today)
    if covers(base):
        current = tallies.week_number(today)
        run, expected = 0, current
        for week in tallies.weeks_back(journal.conn, base.private, current):
            if run == 0 and week == current - 1:
                expected = week  # nothing yet this week: the run may end last week
            if week != expected:
                break
            run, expected = run + 1, expected - 1
        return run
    where, params = evidence_where(base)
    in_week = (f"EXISTS (SELECT 1 FROM entries e WHERE {where}"
               " AND e.day >= w.monday AND e.day <= date(w.monday, '+6 days'))")
    (started,) = journal.conn.execute(
        f"SELECT {in_week} FROM (SELECT ? AS monday) w", [*params, this_week.isoformat()]).fetchone()
    start = this_week if started else this_week - timedelta(weeks=1)
    # Step back a week at a time while the week has a reflection: one index probe per week,
    # so a long run costs little and nothing before it is read.
    (run,) = journal.conn.execute(
        "WITH RECURSIVE w(monday) AS (SELECT ? UNION ALL"
        f" SELECT date(w.monday, '-7 days') FROM w WHERE {in_week})"
        " SELECT count(*) - 1 FROM w", [start.isoformat(), *params]).fetchone()
    return run


def weeks_back(journal: "Journal", base: EntryFilter, today: date) -> Iterator[int]:
    """Numbers of the weeks with an entry up to today, newest first (see :func:`tallies.week_number`)."""
    if covers(base):
        return _tallied_weeks_back(journal, base, today)
    return map(tallies.week_number, _active_weeks_back(journal, base, today))


def _tallied_weeks_back(journal: "Journal", base: EntryFilter, today: date) -> Iterator[int]:
    # The totals count every day of a week; this week counts only if it has an entry by today.
    this_week = tallies.week_number(today)
    where, params = evidence_where(base)
    (started,) = journal.conn.execute(
        f"SELECT EXISTS (SELECT 1 FROM entries e WHERE {where} AND e.day >= ? AND e.day <= ?)",
        [*params, week_start(today).isoformat(), today.isoformat()]).fetchone()
    if started:
        yield this_week
    yield from tallies.weeks_back(journal.conn, base.private, this_week - 1)


def _active_weeks_back(journal: "Journal", base: EntryFilter, today: date) -> Iterator[date]:
    """Mondays of weeks with an entry, newest first, read lazily from the day index."""
    where, params = evidence_where(base)
    cursor = journal.conn.execute(
        f"SELECT DISTINCT e.day FROM entries e WHERE {where} AND e.day <= ? ORDER BY e.day DESC",
        [*params, today.isoformat()])
    last = None
    for (day,) in cursor:
        monday = week_start(date.fromisoformat(day))
        if monday != last:
            last = monday
            yield monday
