"""Any sequence of writes leaves the running totals equal to a recount, and every summary read
from them equal to the same summary counted entry by entry."""

from __future__ import annotations

import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.entries.models import EntryFilter
from reflect.progress import counts, tallies
from reflect.export.plan import plan_export
from reflect.export.rows import iter_rows
from reflect.progress.learning_time import learning_time
from reflect.progress.summary import gap_summary
from reflect.journal import open_journal
from reflect.progress.stats import journal_stats
from tests.conftest import TINY_FRAMEWORK, FakeClock
from tests.tallies.conftest import live_words, recounted, stored

TODAY = date(2026, 11, 24)
SKILLS = ["kneading", "decorating", "patience", "not-in-framework"]
CRITERIA = ["BAKE01.P1", "BAKE01.P2", "SERVE02.P1", "ICE03.B1", "GONE99.P1"]

days = st.integers(-200, 10).map(lambda n: TODAY + timedelta(days=n))
entry = st.fixed_dictionaries({
    "day": days,
    "skills": st.lists(st.sampled_from(SKILLS), max_size=3, unique=True),
    "criteria": st.lists(st.sampled_from(CRITERIA), max_size=3, unique=True),
    "private": st.booleans(),
    "minutes": st.none() | st.integers(1, 90),
    "confidence": st.none() | st.integers(1, 5),
    "model": st.sampled_from(["none", "gibbs", "star"]),
    "body": st.lists(st.sampled_from(["till", "queue", "calm", " ", "\n"]), max_size=8).map("".join),
})
target = st.integers(0, 50)  # the n-th entry written (wraps round)
operation = st.one_of(
    st.tuples(st.just("add"), entry),
    st.tuples(st.just("edit"), target, entry),
    st.tuples(st.just("retag"), target, entry),
    st.tuples(st.just("trash"), target),
    st.tuples(st.just("restore"), target),
    st.tuples(st.just("empty-trash")),
    st.tuples(st.just("raw-body"), target),
    st.tuples(st.just("raw-delete"), target),
)


def _apply(journal, ids: list[int], op) -> None:
    kind, *args = op
    if kind == "add":
        ids.append(journal.entries.add(title="Reflection", **args[0]).id)
        return
    if kind == "empty-trash":
        journal.entries.empty_trash()
        return
    pick = ids[args[0] % len(ids)] if ids else None
    live = journal.conn.execute("SELECT deleted_at IS NULL FROM entries WHERE id = ?", [pick]).fetchone()
    if live is None:
        return  # no entry yet, or it is gone (trash emptied, deleted): nothing to do to it
    if kind == "edit":
        fields = {k: v for k, v in args[1].items() if k not in ("skills", "criteria")}
        journal.entries.update(pick, **fields)
    elif kind == "retag":
        journal.entries.update(pick, skills=args[1]["skills"], criteria=args[1]["criteria"])
    elif kind == "trash" and live[0]:
        journal.entries.delete(pick)
    elif kind == "restore" and not live[0]:
        journal.entries.restore(pick)
    elif kind == "raw-body":
        with journal.write():
            journal.conn.execute("UPDATE entries SET body = body || ' extra words' WHERE id = ?", [pick])
    elif kind == "raw-delete":
        with journal.write():
            journal.conn.execute("DELETE FROM entries WHERE id = ?", [pick])


def _summaries(journal, framework) -> dict:
    found = {}
    for private in (True, False):
        found[f"gaps {private}"] = gap_summary(journal, framework, today=TODAY, include_private=private).to_json()
        found[f"stats {private}"] = journal_stats(journal, framework, today=TODAY, include_private=private).to_json()
        # Learning time: the whole journal, a span holding every entry (both from the running
        # totals) and a span that does not (counted either way).
        found[f"learning {private}"] = [learning_time(journal, start, end, include_private=private).to_json()
                                        for start, end in ((None, None), (TODAY - timedelta(days=200), None),
                                                           (TODAY - timedelta(days=30), TODAY))]
        # The home screen's count of entries (all of them, or only the private or other ones).
        found[f"entries {private}"] = [counts.entries(journal, EntryFilter(private=p)) for p in (None, private)]
        plan = plan_export(journal, framework, include_private=private)
        found[f"export {private}"] = (plan.entries, plan.private_left_out, plan.private_included,
                                      plan.period_from, plan.period_to, plan.skill_counts, plan.units)
    return found


def _tags_exported(journal) -> list[tuple]:
    """Each exported entry's meta-skills and criteria (the skills come from the stored skill set)."""
    return [(row.uid, row.skills, row.criteria) for row in iter_rows(journal)]


def _tags_linked(journal) -> list[tuple]:
    """The same, from the link tables."""
    def linked(table: str, column: str, entry_id: int) -> tuple[str, ...]:
        return tuple(sorted(r[0] for r in journal.conn.execute(
            f"SELECT {column} FROM {table} WHERE entry_id = ?", [entry_id])))
    return [(uid, linked("entry_skills", "skill_id", i), linked("entry_criteria", "criterion_id", i))
            for i, uid in journal.conn.execute(
                "SELECT id, uid FROM entries WHERE deleted_at IS NULL ORDER BY day, id")]


def _first_cited_slowly(journal, start: date, end: date) -> list[tuple[str, date]]:
    return [(cid, date.fromisoformat(first)) for cid, first in journal.conn.execute(
        "SELECT ec.criterion_id, min(e.day) AS first FROM entry_criteria ec JOIN entries e ON e.id = ec.entry_id"
        " WHERE e.deleted_at IS NULL GROUP BY ec.criterion_id HAVING first BETWEEN ? AND ?"
        " ORDER BY first, ec.criterion_id", [start.isoformat(), end.isoformat()])]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=25))
def test_tallies_match_a_recount_and_the_entry_by_entry_summaries(ops):
    from reflect.framework.standards import load_framework

    framework = load_framework(TINY_FRAMEWORK)
    with tempfile.TemporaryDirectory() as folder, \
            open_journal(Path(folder) / "journal.db", clock=FakeClock()) as journal:
        ids: list[int] = []
        for op in ops:
            _apply(journal, ids, op)
        assert stored(journal) == recounted(journal)
        fast = _summaries(journal, framework)
        start = TODAY - timedelta(days=90)
        assert tallies.criteria_first_cited(journal.conn, start, TODAY) == _first_cited_slowly(journal, start, TODAY)
        covers = counts.covers
        counts.covers = lambda filters: False  # the one switch: every summary counts entries
        try:
            slow = _summaries(journal, framework)
        finally:
            counts.covers = covers
        assert fast == slow
        assert _tags_exported(journal) == _tags_linked(journal)
        assert fast["stats True"]["words"] == live_words(journal)
