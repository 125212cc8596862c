"""Time building the demo journal (`reflect demo` builds it before the app opens).

    /work/venv/bin/python bench/demo_timing.py [--runs 10]

Builds the sample journal in a temporary folder ``--runs`` times on the bundled framework
and prints the best and the median, with what it holds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reflect.demo.journal import build_demo_journal  # noqa: E402
from reflect.journal import open_journal  # noqa: E402
from reflect.framework.standards import load_framework  # noqa: E402

COUNTED = ("entries", "assessments", "objectives", "objective_status_changes", "entry_objectives", "activities",
           "feedback", "training", "reviews")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    framework = load_framework()
    times = []
    with tempfile.TemporaryDirectory() as folder:
        for run in range(args.runs):
            path = Path(folder) / f"demo{run}.db"
            start = time.perf_counter()
            build_demo_journal(path, framework, date.today())
            times.append(time.perf_counter() - start)
        with open_journal(path, create=False) as journal:
            counts = {t: journal.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    print(f"demo build: best {min(times) * 1000:.0f} ms, median {statistics.median(times) * 1000:.0f} ms"
          f" over {args.runs} runs")
    print(", ".join(f"{n} {t}" for t, n in counts.items()))


if __name__ == "__main__":
    main()
