"""The two ways of counting, side by side: running totals against counting the entries.

    python bench/counting.py [--sizes 1000 10000 100000] [--runs 5]

For each size, builds a journal (as bench/gaps_timing.py does) and times, in one process,
best of ``--runs``: the gap summary, journal stats and the export plan of the whole journal,
first as reflect counts them (:mod:`reflect.progress.counts` lets the running totals answer),
then with the totals switched off so every number is counted from the entries. The figures
and the decision they support are in docs/performance.md ("One counting path").
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.gaps_timing import TODAY, best_of, build  # noqa: E402
from reflect.export.plan import plan_export  # noqa: E402
from reflect.framework.standards import load_framework  # noqa: E402
from reflect.journal import open_journal  # noqa: E402
from reflect.progress import counts  # noqa: E402
from reflect.progress.stats import journal_stats  # noqa: E402
from reflect.progress.summary import gap_summary  # noqa: E402


def timings(journal, framework, runs: int) -> dict[str, float]:
    """Seconds (best of ``runs``) for each summary of the whole journal."""
    return {
        "gaps": best_of(lambda: gap_summary(journal, framework, today=TODAY), runs),
        "stats": best_of(lambda: journal_stats(journal, framework, today=TODAY), runs),
        "export plan": best_of(lambda: plan_export(journal, framework), runs),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    framework = load_framework()
    print("| entries | summary | running totals (ms) | counting entries (ms) | ratio |")
    print("|---:|---|---:|---:|---:|")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "journal.db"
            build(path, size)
            with open_journal(path) as journal:
                fast = timings(journal, framework, args.runs)
                covers = counts.covers
                counts.covers = lambda filters: False
                try:
                    slow = timings(journal, framework, args.runs)
                finally:
                    counts.covers = covers
            for name in fast:
                print(f"| {size:,} | {name} | {fast[name] * 1000:.1f} | {slow[name] * 1000:.1f} |"
                      f" {slow[name] / fast[name]:.1f}x |", flush=True)


if __name__ == "__main__":
    main()
