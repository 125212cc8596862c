"""Time the gap summary, activity summary and stats on a large journal.

    /work/venv/bin/python bench/gaps_timing.py [--entries 100000] [--keep PATH] [--plans]

Builds a journal in a temporary file with bulk SQL (one to three entries a day going back,
1-4 meta-skills and 0-5 criteria each, a few trashed and private), then times each summary
in-process, best of five. ``--plans`` prints SQLite's query plans for the main queries.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reflect.journal import open_journal  # noqa: E402
from reflect.framework.standards import load_framework  # noqa: E402
from bench.compose import OTHER_KINDS  # noqa: E402

TODAY = date(2026, 11, 24)
WORDS = ("customer queue refund calm listened team shift manager stock till complaint learned "
         "next time asked explained product display safety colleague feedback").split()


def build(path: Path, count: int, seed: int = 7) -> None:
    """Fill a new journal at ``path`` with ``count`` entries and their tags."""
    rng = random.Random(seed)
    fw = load_framework()
    skills = [s.id for s in fw.meta_skills]
    criteria = [c.id for c in fw.all_criteria()]
    journal = open_journal(path)
    entries, tags, links = [], [], []
    day, made = TODAY, 0
    while made < count:
        for _ in range(min(rng.randint(1, 3), count - made)):
            made += 1
            body = " ".join(rng.choices(WORDS, k=rng.randint(40, 160)))
            trashed = "2026-01-01T00:00:00Z" if rng.random() < 0.02 else None
            entries.append((made, f"uid{made}", day.isoformat(), f"Entry {made}", body,
                            int(rng.random() < 0.1), rng.choice([None, 1, 2, 3, 4, 5]),
                            rng.choice([None, 15, 30, 45]), "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", trashed,
                            OTHER_KINDS.get(made % 50, "reflection")))
            tags += [(made, s) for s in rng.sample(skills, rng.randint(1, 4))]
            links += [(made, c) for c in rng.sample(criteria, rng.randint(0, 5))]
        day -= timedelta(days=1)
    with journal.write():
        journal.db.conn.executemany(
            "INSERT INTO entries (id, uid, day, title, body, private, confidence, minutes, created_at,"
            " updated_at, deleted_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
        journal.db.conn.executemany("INSERT INTO entry_skills VALUES (?, ?)", tags)
        journal.db.conn.executemany("INSERT INTO entry_criteria VALUES (?, ?)", links)
        for code in [u.code for u in fw.optional_units][:6]:
            journal.settings.choose_unit(code)
    journal.settings.set("review_start", "2026-01-05")
    journal.db.execute("ANALYZE")
    journal.close()


def best_of(fn, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the journal here instead of a temp file")
    parser.add_argument("--plans", action="store_true", help="print query plans")
    args = parser.parse_args()

    from reflect.progress.learning_time import learning_summary
    from reflect.progress.summary import activity_summary, gap_summary
    from reflect.progress.stats import journal_stats

    with tempfile.TemporaryDirectory() as tmp:
        path = args.keep or Path(tmp) / "big.db"
        if not path.exists():
            start = time.perf_counter()
            build(path, args.entries)
            print(f"built {args.entries:,} entries in {time.perf_counter() - start:.1f} s ({path})")
        fw = load_framework()
        with open_journal(path) as journal:
            n = journal.db.execute("SELECT count(*) FROM entries").fetchone()[0]
            print(f"{n:,} entries")
            cases = {
                "gap_summary": lambda: gap_summary(journal, fw, today=TODAY),
                "gap_summary (no private)": lambda: gap_summary(journal, fw, today=TODAY, include_private=False),
                "gap_summary (one unit)": lambda: gap_summary(journal, fw, today=TODAY, units=["INSCS009"]),
                "activity_summary": lambda: activity_summary(journal, today=TODAY),
                "journal_stats": lambda: journal_stats(journal, fw, today=TODAY),
                "learning_summary": lambda: learning_summary(journal, TODAY),
                "learning_summary (no private)": lambda: learning_summary(journal, TODAY, include_private=False),
            }
            first = time.perf_counter()
            cases["gap_summary"]()
            print(f"{'gap_summary, first call':<28}{(time.perf_counter() - first) * 1000:8.1f} ms")
            for name, fn in cases.items():
                print(f"{name:<28}{best_of(fn) * 1000:8.1f} ms  (best of 5)")
            if args.plans:
                _plans(journal)


def _plans(journal) -> None:
    """The plans of the queries that carry the weight, as the summary runs them."""
    from reflect.progress.counts import open_evidence

    with open_evidence(journal) as ev:
        queries = {
            "evidence set": "SELECT e.id, e.day FROM entries e INDEXED BY entries_live_by_day"
                            " WHERE e.deleted_at IS NULL",
            "criteria": "SELECT ec.criterion_id, count(*), max(l.day) FROM entry_criteria ec"
                        f" JOIN {ev.table} l ON l.id = ec.entry_id GROUP BY ec.criterion_id",
            "skill sets": "SELECT tags, count(*), max(day) FROM (SELECT group_concat(es.skill_id, char(31))"
                          f" AS tags, l.day AS day FROM {ev.table} l LEFT JOIN entry_skills es"
                          " ON es.entry_id = l.id GROUP BY l.id) GROUP BY tags",
            "calendar": "SELECT e.day, count(*) FROM entries e WHERE e.deleted_at IS NULL"
                        " AND e.day >= '2026-05-01' AND e.day <= '2026-11-24' GROUP BY e.day",
        }
        for name, sql in queries.items():
            print(f"\n{name}:")
            for row in journal.db.execute("EXPLAIN QUERY PLAN " + sql):
                print("   ", row[-1])


if __name__ == "__main__":
    main()
