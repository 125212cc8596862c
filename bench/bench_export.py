"""How fast, and in how much memory, a big journal exports to Markdown (and imports back).

    /work/venv/bin/python bench/bench_export.py [--entries 100000] [--import]

Builds (once, cached in bench/out/) a journal of realistic entries: a quarter written with a
reflective model's headings, some with lists, a few with code fences or HTML, tags and
criteria on most. Then runs `reflect export -o FILE` as a separate process and reports its
wall time and peak memory (max RSS), plus the time spent inside the export itself.
Targets for 100,000 entries: under 1.5 s and under 80 MiB.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

SKILLS = ["focus", "integrity", "adaptability", "initiative", "communication", "feeling", "collaboration",
          "leadership", "curiosity", "creativity", "sense-making", "critical-thinking"]
WORDS = ("customer queue refund till calm listened explained apologised manager stock delivery late "
         "angry happy team rota shift learned next time better patience product price offer").split()


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choices(WORDS, k=rng.randint(6, 16))).capitalize() + "."


def body(rng: random.Random) -> str:
    from reflect.entries.templates import TEMPLATES

    kind = rng.random()
    if kind < 0.25:
        model = rng.choice(list(TEMPLATES))
        return "".join(f"## {s.heading}\n\n{sentence(rng)} {sentence(rng)}\n\n" for s in TEMPLATES[model])
    if kind < 0.35:
        return sentence(rng) + "\n\n" + "".join(f"- {sentence(rng)}\n" for _ in range(3))
    if kind < 0.37:
        return f"{sentence(rng)}\n\n```\nrefund --order 1234\n```\n\n<details>\n{sentence(rng)}\n</details>\n"
    return "\n\n".join(" ".join(sentence(rng) for _ in range(rng.randint(2, 5))) for _ in range(rng.randint(1, 3)))


def build(path: Path, count: int) -> None:
    from reflect.journal import open_journal
    from reflect.framework.standards import load_framework

    rng = random.Random(7)
    criteria = [c.id for c in load_framework().all_criteria()]
    start = date(2020, 1, 1)
    with open_journal(path) as journal:
        now = journal.now()
        with journal.write():
            db = journal.db.conn
            for i in range(1, count + 1):
                day = (start + timedelta(days=i * 2000 // count)).isoformat()
                db.execute("INSERT INTO entries (id, uid, day, title, body, private, confidence, minutes,"
                           " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [i, f"bench{i:08d}", day, sentence(rng)[:60], body(rng), int(rng.random() < 0.05),
                            rng.choice([None, 3, 4]), rng.choice([None, 30, 90]), now, now])
                db.executemany("INSERT OR IGNORE INTO entry_skills VALUES (?, ?)",
                               [(i, s) for s in rng.sample(SKILLS, rng.randint(0, 3))])
                db.executemany("INSERT OR IGNORE INTO entry_criteria VALUES (?, ?)",
                               [(i, c) for c in rng.sample(criteria, rng.randint(0, 3))])
        journal.settings.set("apprentice_name", "Bench Mark")


def run(args: list[str], env: dict) -> tuple[float, float, str, float]:
    """Wall seconds, peak RSS (MiB), output and CPU seconds of one reflect process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "reflect", *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    out = proc.stdout.read() + proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"reflect {' '.join(args)} failed: {out}")
    return wall, usage.ru_maxrss / 1024, out.strip(), usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--import", dest="do_import", action="store_true", help="also time importing it back")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    db = OUT / f"export-{args.entries}.db"
    if not db.exists():
        print(f"building {db.name} ...", flush=True)
        build(db, args.entries)
    target = OUT / f"export-{args.entries}.md"
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")} | {"REFLECT_DB": str(db)}

    wall, rss, message, cpu = run(["export", "-o", str(target), "--force"], env)
    baseline_wall, baseline_rss, _, _ = run(["--version"], env)
    print(message)
    print(f"export: {wall:.2f} s wall ({cpu:.2f} s CPU), peak RSS {rss:.1f} MiB "
          f"(python + reflect start-up alone: {baseline_wall:.2f} s, {baseline_rss:.1f} MiB); "
          f"file {target.stat().st_size / 2**20:.1f} MiB")

    from reflect.export.markdown import export_markdown
    from reflect.journal import open_journal
    from reflect.framework.standards import load_framework

    framework = load_framework()
    with open_journal(db) as journal, open(os.devnull, "w", encoding="utf-8") as sink:
        started = time.perf_counter()
        export_markdown(journal, framework, sink)
        print(f"export_markdown() alone: {time.perf_counter() - started:.2f} s")

    if args.do_import:
        fresh = OUT / "import-target.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{fresh}{suffix}").unlink(missing_ok=True)
        wall, rss, message, cpu = run(["import", str(target)], env | {"REFLECT_DB": str(fresh)})
        print(message)
        print(f"import: {wall:.2f} s wall ({cpu:.2f} s CPU), peak RSS {rss:.1f} MiB")
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB)")


if __name__ == "__main__":
    main()
