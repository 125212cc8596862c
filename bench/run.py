"""Run the benchmark: generate (or reuse) journals, time every operation, collect results.

The results are plain data (see :func:`run_benchmark`), saved as ``results.json`` and turned
into tables by :mod:`bench.report`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.inprocess import time_queries
from bench.journals import ensure_journals
from bench.operations import OPERATIONS, Operation, RunContext
from bench.timing import Timing, skipped, time_command

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    sizes: tuple[int, ...]
    runs: int
    seed: int
    out: Path  # cache of journals, scratch files, results.json
    with_jrnl: bool
    jrnl_limit: float
    only: tuple[str, ...] = ()  # operation keys to run (empty: all)
    with_browser: bool = False  # time `reflect serve` to its first screen in headless Chromium
    attachments: int = 0  # files attached across each generated journal


def reflect_env(home: Path) -> dict:
    """The environment for reflect runs: no REFLECT_* settings of the person's, a private home."""
    # PYTHONDONTWRITEBYTECODE would recompile reflect's modules on every run; an installed
    # reflect always has its bytecode cached, so the warm-up run writes it here too.
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("REFLECT_") and k != "PYTHONDONTWRITEBYTECODE"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               NO_COLOR="1", COLUMNS="100", EDITOR="false", VISUAL="")
    return env


def command_exists(probe: tuple[str, ...] | None, env: dict) -> bool:
    """Whether `python -m reflect PROBE --help` succeeds, i.e. the command is there."""
    if probe is None:
        return True
    result = subprocess.run([sys.executable, "-m", "reflect", *probe, "--help"], capture_output=True,
                            env=env, cwd=ROOT, timeout=60)
    return result.returncode == 0


def _time_reflect(op: Operation, ctx: RunContext, settings: Settings, env: dict) -> Timing:
    argv = [sys.executable, "-m", "reflect", *op.reflect(ctx)]
    setup = (lambda: op.setup(ctx)) if op.setup else None
    runs = min(settings.runs, op.max_runs) if op.max_runs else settings.runs
    return time_command(argv, runs=runs, env=env, cwd=ROOT, setup=setup, limit=op.limit)


def _time_jrnl(op: Operation, ctx: RunContext, settings: Settings, jrnl) -> Timing:
    argv = [str(jrnl.executable), "--config-file", str(ctx.jrnl_config), *op.jrnl(ctx)]
    return time_command(argv, runs=settings.runs, env=jrnl.env(), cwd=jrnl.home, limit=settings.jrnl_limit)


def measure_areas(ctx: RunContext, settings: Settings, env: dict) -> dict:
    """Switching between the app's main areas (see :mod:`bench.area_probe`)."""
    from bench.app_timing import time_area_switches

    return time_area_switches(ctx.journals.reflect_db, ctx.work, rounds=settings.runs + 1, env=env, cwd=ROOT)


def measure_first_screens(ctx: RunContext, settings: Settings, env: dict) -> dict:
    """The app's first screen and a minimal Textual app's, their runs in turn, so the ratio
    compares like with like on a machine whose load changes (see :mod:`bench.app_timing`)."""
    from bench.app_timing import time_side_by_side

    app, base = time_side_by_side(ctx.journals.reflect_db, ctx.work, runs=settings.runs, env=env, cwd=ROOT)
    return {"app": app.to_json(), "app_baseline": base.to_json()}


def measure_browser(ctx: RunContext, settings: Settings, env: dict) -> Timing:
    """`reflect serve` to the first screen in a browser tab (see :mod:`bench.serve_timing`)."""
    if not settings.with_browser:
        return skipped("not run: --quick (or --no-browser)")
    from bench.serve_timing import time_browser_first_screen

    return time_browser_first_screen(ctx.journals.reflect_db, runs=min(settings.runs, 3), env=env, cwd=ROOT)


def run_benchmark(settings: Settings, log=print) -> dict:
    """Measure everything at every size; return the results as JSON-ready data."""
    from bench.machine import machine_info

    out = settings.out
    home = out / "home"
    env = reflect_env(home)
    jrnl = None
    if settings.with_jrnl:
        from bench.jrnl_env import ensure_jrnl

        jrnl = ensure_jrnl(out / "jrnl-home", log=log)
    operations = [op for op in OPERATIONS if not settings.only or op.key in settings.only]
    present = {op.key: command_exists(op.probe, env) for op in operations}
    jrnl_gave_up: dict[str, str] = {}  # a jrnl command past the limit is not tried on bigger journals
    reflect_gave_up: dict[str, str] = {}  # nor a reflect one
    results = {"machine": machine_info(ROOT, jrnl.version if jrnl else None),
               "settings": {"sizes": list(settings.sizes), "runs": settings.runs, "seed": settings.seed,
                            "attachments": settings.attachments,
                            "jrnl_limit_s": settings.jrnl_limit, "with_jrnl": settings.with_jrnl},
               "sizes": {}}
    for size in settings.sizes:
        journals = ensure_journals(out / "journals", size, settings.seed, log=log, attachments=settings.attachments)
        work = out / "work" / str(size)
        work.mkdir(parents=True, exist_ok=True)
        config = None
        if jrnl:
            config = jrnl.config_for(journals.jrnl_txt, work)
            _verify_jrnl_reads(jrnl, config, journals, log)
        ctx = RunContext(journals, work, config)
        commands = []
        for op in operations:
            log(f"[{size:,}] {op.label} ...")
            if not present[op.key]:
                mine = skipped(f"not built yet: `reflect {' '.join(op.probe or ())}` does not exist")
            elif op.key in reflect_gave_up:
                mine = skipped(reflect_gave_up[op.key])
            else:
                mine = _time_reflect(op, ctx, settings, env)
                if "limit" in mine.note:
                    reflect_gave_up[op.key] = f"skipped: ran past the {op.limit:g} s limit on a smaller journal"
            theirs = None
            if jrnl and op.jrnl:
                theirs = skipped(jrnl_gave_up[op.key]) if op.key in jrnl_gave_up else \
                    _time_jrnl(op, ctx, settings, jrnl)
                if "limit" in theirs.note and op.key not in jrnl_gave_up:
                    jrnl_gave_up[op.key] = f"skipped: ran past the {settings.jrnl_limit:g} s limit on a smaller journal"
            commands.append({"key": op.key, "label": op.label, "kind": op.kind, "note": op.note,
                             "reflect": mine.to_json(),
                             "jrnl_label": op.jrnl_label if op.jrnl else "",
                             "jrnl": theirs.to_json() if theirs else None})
        encrypted = []
        if not settings.only or "encrypted" in settings.only:
            from bench.encrypted import measure_encrypted

            log(f"[{size:,}] read commands, plain and encrypted ...")
            encrypted = measure_encrypted(ctx, settings.runs, env, home, ROOT, log=log)
        log(f"[{size:,}] search-as-you-type and list queries (in process) ...")
        queries = time_queries(journals.reflect_db, runs=max(settings.runs, 5))
        results["sizes"][str(size)] = {
            "generate_s": round(journals.seconds, 1),
            "commands": commands,
            "encrypted": encrypted,
            "queries": [{"key": k, "label": label, "keystroke": keystroke, **t.to_json()}
                        for k, (label, t, keystroke) in queries.items()],
            **measure_first_screens(ctx, settings, env),
            "areas": measure_areas(ctx, settings, env),
            "browser": measure_browser(ctx, settings, env).to_json(),
        }
    from bench.machine import load_average

    results["machine"]["load_end"] = load_average()
    return results


def _verify_jrnl_reads(jrnl, config: Path, journals, log) -> None:
    """Check once per data set that jrnl parses every entry of the generated file."""
    marker = journals.jrnl_txt.with_suffix(".verified")
    if marker.exists():
        return
    count = jrnl.count_entries(config)
    if count != journals.size:
        raise RuntimeError(f"jrnl read {count} entries from {journals.jrnl_txt}, expected {journals.size}")
    marker.write_text(f"jrnl {jrnl.version} read {count} entries\n")
    log(f"  jrnl {jrnl.version} reads all {count:,} entries")
