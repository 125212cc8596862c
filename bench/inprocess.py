"""Store queries timed inside one process: what the app runs on every keystroke.

Search as you type runs ``journal.entries.search(EntryFilter(text=prefix), limit=100,
as_you_type=True)`` for each prefix of a typed query ("c", "cu", ... "customer complaint"),
so each must come back well within a keystroke (target 30 ms). The list and filter queries
are the ones behind the home screen and its filter bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bench.operations import COMMON_WORD, SKILL
from bench.timing import Timing, time_call

TYPED_QUERY = "customer complaint"
#: A mandatory unit of the bundled framework, so every generated journal cites it.
UNIT = "INSCS009"


@dataclass(frozen=True)
class Query:
    """One in-process query: a label for the table and the call to time."""

    key: str
    label: str
    call: Callable[[object], object]  # takes the open Journal
    #: Held to the 30 ms keystroke target (False: shown for information, e.g. deep pages).
    keystroke: bool = True


def _typed(prefix: str) -> Callable:
    from reflect.entries.models import EntryFilter

    return lambda journal: journal.entries.search(EntryFilter(text=prefix), limit=100, as_you_type=True)


def queries() -> list[Query]:
    """Each keystroke of :data:`TYPED_QUERY`, then the list and filter queries."""
    from reflect.entries.models import EntryFilter

    found = [Query(f"type-{i:02d}", f'as you type "{TYPED_QUERY[:i]}"', _typed(TYPED_QUERY[:i]))
             for i in range(1, len(TYPED_QUERY) + 1)]
    by_skill = EntryFilter(skills=(SKILL,))
    by_unit = EntryFilter(units=(UNIT,))
    found += [
        Query("list-100", "list newest 100", lambda j: j.entries.list(limit=100)),
        Query("filter-100", f"list --skill {SKILL}, newest 100", lambda j: j.entries.list(by_skill, limit=100)),
        Query("unit-100", f"list --unit {UNIT}, newest 100", lambda j: j.entries.list(by_unit, limit=100)),
        Query("filter-type", f'as you type "refund" with --skill {SKILL}',
              lambda j: j.entries.search(EntryFilter(text="refund", skills=(SKILL,)), limit=100, as_you_type=True)),
        Query("count", "count all entries", lambda j: j.entries.count()),
        Query("count-skill", f"count --skill {SKILL}", lambda j: j.entries.count(by_skill), keystroke=False),
        Query("deep-page", f'search "{COMMON_WORD}", results 2001-2100', keystroke=False,
              call=lambda j: j.entries.search(EntryFilter(text=COMMON_WORD), limit=100, offset=2000)),
        Query("stream-all", "stream every entry in full (export's read)", keystroke=False,
              call=lambda j: sum(1 for _ in j.entries.iter_entries())),
    ]
    return found


def time_queries(db: Path, runs: int) -> dict[str, tuple[str, Timing, bool]]:
    """Open the journal once and time every query; key -> (label, timing, keystroke target?)."""
    from reflect.journal import open_journal

    results: dict[str, tuple[str, Timing, bool]] = {}
    with open_journal(db, create=False) as journal:
        for query in queries():
            timing = time_call(lambda q=query: q.call(journal), runs=runs)
            results[query.key] = (query.label, timing, query.keystroke)
    return results
