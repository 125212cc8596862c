"""``python -m bench``: reflect's speed on big journals, side by side with jrnl.

See bench/README.md. Examples::

    python -m bench                       # 1,000 / 10,000 / 100,000 entries, 5 runs, with jrnl
    python -m bench --quick               # 1,000 entries, one run, no jrnl (the smoke test)
    python -m bench --sizes 100000 --only list search
    python -m bench --sizes 10000 --attachments 1000 --no-jrnl --out bench/out-attachments
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_SIZES = (1_000, 10_000, 100_000)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="smoke mode: 1,000 entries, one run, jrnl only with --with-jrnl")
    p.add_argument("--sizes", type=int, nargs="+", metavar="N", help="journal sizes (default 1000 10000 100000)")
    p.add_argument("--runs", type=int, metavar="N", help="timed runs after the warm-up (default 5; --quick 1)")
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--attachments", type=int, default=0, metavar="N",
                   help="attach N generated files (photos, PDFs, documents) across each journal")
    p.add_argument("--only", nargs="+", default=[], metavar="KEY", help="only these operations (keys as in results.json)")
    jrnl = p.add_mutually_exclusive_group()
    jrnl.add_argument("--with-jrnl", dest="jrnl", action="store_const", const=True, default=None,
                      help="also time jrnl (installs it into bench/.venv-jrnl once; the default unless --quick)")
    jrnl.add_argument("--no-jrnl", dest="jrnl", action="store_const", const=False, help="do not time jrnl")
    p.add_argument("--jrnl-limit", type=float, default=60.0, metavar="SECONDS",
                   help="give up on a jrnl command that runs longer than this (default 60)")
    browser = p.add_mutually_exclusive_group()
    browser.add_argument("--with-browser", dest="browser", action="store_const", const=True, default=None,
                         help="time `reflect serve` to its first screen in headless Chromium (the default unless --quick)")
    browser.add_argument("--no-browser", dest="browser", action="store_const", const=False,
                         help="do not start a browser")
    p.add_argument("--out", type=Path, default=None, metavar="DIR",
                   help="folder for generated journals, scratch files, results.json and (with --out) "
                        "RESULTS.md (default bench/out, results into bench/RESULTS.md)")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    from bench.report import render, save_results_md
    from bench.run import Settings, run_benchmark

    args = parse_args(argv)
    sizes = tuple(args.sizes or ((1_000,) if args.quick else DEFAULT_SIZES))
    runs = args.runs or (1 if args.quick else 5)
    with_jrnl = args.jrnl if args.jrnl is not None else not args.quick
    with_browser = args.browser if args.browser is not None else not args.quick
    out = (args.out or BENCH_DIR / "out").resolve()
    out.mkdir(parents=True, exist_ok=True)
    settings = Settings(sizes=sizes, runs=runs, seed=args.seed, out=out, with_jrnl=with_jrnl,
                        jrnl_limit=args.jrnl_limit, only=tuple(args.only), with_browser=with_browser,
                        attachments=args.attachments)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    results = run_benchmark(settings, log=log)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    results_md = out / "RESULTS.md" if args.out else BENCH_DIR / "RESULTS.md"
    save_results_md(results_md, results)
    print(render(results))
    log(f"saved {results_md} and {out / 'results.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
