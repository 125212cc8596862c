"""The app's first screen: time from starting the process to entries on the screen (headless).

Each run is a fresh process (:mod:`bench.app_probe`, forked by :mod:`bench.launch`), so imports
and opening the journal count, as when a person types ``reflect``. CPU time and peak memory
are the whole process's, closing the app included.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from bench.timing import Timing, launch, skipped

PROBE = Path(__file__).with_name("app_probe.py")
BASELINE = Path(__file__).with_name("baseline_probe.py")
AREAS = Path(__file__).with_name("area_probe.py")
#: A run taking longer than this (seconds) is stopped.
LIMIT_S = 120.0


def app_available() -> str:
    """Why the app cannot be measured yet ("" when it can)."""
    if importlib.util.find_spec("reflect.tui") is None:
        return "not built yet: reflect/tui is missing"
    if importlib.util.find_spec("reflect.tui.factory") is None:
        return "not built yet: reflect/tui/factory.py (make_app) is missing"
    return ""


def time_area_switches(journal: Path, work: Path, *, rounds: int, env: dict, cwd: Path) -> dict:
    """Each main area's switch times (ms) from one app process (see :mod:`bench.area_probe`):
    ``{area: Timing JSON}``, or ``{"note": why}`` when it could not run."""
    import json
    import statistics

    why = app_available()
    if why:
        return {"note": why}
    out = work / "area-switches.json"
    out.unlink(missing_ok=True)
    report, tail = launch([sys.executable, str(AREAS), str(journal), str(out), str(rounds)], env=env, cwd=cwd,
                          limit=LIMIT_S)
    if report.get("status") != 0 or not out.exists():
        return {"note": f"failed (exit {report.get('status')}): {tail}"[:200]}
    timings = {}
    for area, measured in json.loads(out.read_text()).items():
        times, cpu = measured["wall"], measured["cpu"]
        first, warm = times[0], times[1:] or times  # the first visit imports the screen's code
        timings[area] = {"first_ms": round(first, 1), "median_ms": round(statistics.median(warm), 1),
                         "max_ms": round(max(warm), 1), "runs_ms": [round(t, 1) for t in times],
                         "cpu_median_ms": round(statistics.median(cpu[1:] or cpu), 1)}
    return timings


def time_side_by_side(journal: Path, work: Path, *, runs: int, env: dict, cwd: Path) -> tuple[Timing, Timing]:
    """The app's first screen and the minimal app's, their runs taken in turn (app, minimal,
    app, ...) after a warm-up of each, so a change in the machine's load falls on both alike."""
    why = app_available()
    if why:
        return skipped(why), _time_probe([str(BASELINE)], work / "baseline-first-screen.txt", runs=runs, env=env,
                                         cwd=cwd)
    app, base = Timing(), Timing()
    probes = ((app, [str(PROBE), str(journal)], work / "app-first-screen.txt"),
              (base, [str(BASELINE)], work / "baseline-first-screen.txt"))
    for index in range(runs + 1):
        for timing, args, mark in probes:
            if timing.note:
                continue
            failed = _run_probe(timing, args, mark, env=env, cwd=cwd, keep=index > 0)
            if failed:
                timing.note = failed
    return app, base


def _run_probe(timing: Timing, args: list[str], mark: Path, *, env: dict, cwd: Path, keep: bool) -> str:
    """One run of a probe into ``timing`` (unless ``keep`` is false: a warm-up); why it failed, or ""."""
    mark.unlink(missing_ok=True)
    report, tail = launch([sys.executable, *args, str(mark)], env=env, cwd=cwd, limit=LIMIT_S)
    if report.get("status") != 0 or not mark.exists():
        killed = report.get("status") == -9
        return (f"skipped: ran past the {LIMIT_S:g} s limit" if killed
                else f"failed (exit {report.get('status')}): {tail}"[:200])
    if keep:
        timing.times_ms.append((float(mark.read_text()) - report["started_at"]) * 1000)
        timing.cpu_ms.append(report["cpu_ms"])
        timing.peaks_mib.append(report["maxrss_kib"] / 1024)
    return ""


def _time_probe(args: list[str], mark: Path, *, runs: int, env: dict, cwd: Path) -> Timing:
    result = Timing()
    for index in range(runs + 1):  # the first is a warm-up: bytecode and the page cache
        failed = _run_probe(result, args, mark, env=env, cwd=cwd, keep=index > 0)
        if failed:
            return skipped(failed)
    return result
