"""Timing whole commands: wall time from process start to exit, and the process's peak memory.

Each run is a fresh process, forked by the small launcher :mod:`bench.launch` and reaped with
:func:`os.wait4`, which returns that one child's resource usage, so peak RSS is per run
(``getrusage(RUSAGE_CHILDREN)`` would give the largest child so far instead). Output goes to
``/dev/null``: the terminal's speed is not what is measured.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class Timing:
    """Several runs of one thing: wall times in ms and peak memory in MiB (None: not measured)."""

    times_ms: list[float] = field(default_factory=list)
    cpu_ms: list[float] = field(default_factory=list)  # user + system time of each run
    peaks_mib: list[float] = field(default_factory=list)
    note: str = ""  # why it was skipped or failed; empty when it ran

    @property
    def ok(self) -> bool:
        return bool(self.times_ms) and not self.note

    @property
    def median(self) -> float:
        return statistics.median(self.times_ms)

    @property
    def low(self) -> float:
        return min(self.times_ms)

    @property
    def high(self) -> float:
        return max(self.times_ms)

    @property
    def peak(self) -> float | None:
        return max(self.peaks_mib) if self.peaks_mib else None

    def to_json(self) -> dict:
        data = {"note": self.note, "runs_ms": [round(t, 2) for t in self.times_ms]}
        if self.times_ms:
            data |= {"median_ms": round(self.median, 2), "min_ms": round(self.low, 2),
                     "max_ms": round(self.high, 2)}
        if self.cpu_ms:
            data["cpu_median_ms"] = round(statistics.median(self.cpu_ms), 2)
        if self.peak is not None:
            data["peak_mib"] = round(self.peak, 1)
        return data


def skipped(note: str) -> Timing:
    return Timing(note=note)


LAUNCHER = Path(__file__).with_name("launch.py")


def launch(argv: list[str], *, env: dict, cwd: Path, limit: float) -> tuple[dict, str]:
    """Run ``argv`` through :mod:`bench.launch`; return its report and the tail of stderr.

    The report has ``ms``, ``cpu_ms``, ``maxrss_kib``, ``status`` and ``started_at``
    (``time.time()`` just before the start); an empty report if the launcher itself failed.
    """
    with tempfile.TemporaryFile() as err:
        result = subprocess.run([sys.executable, "-I", "-S", str(LAUNCHER), str(limit), *argv],
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=err, env=env, cwd=cwd)
        err.seek(0)
        tail = " / ".join(err.read().decode("utf-8", "replace").strip().splitlines()[-3:])
    if result.returncode != 0:
        return {"status": result.returncode}, tail
    return json.loads(result.stdout), tail


def run_once(argv: list[str], *, env: dict, cwd: Path, limit: float) -> tuple[float, float, float, int, str]:
    """Run ``argv``; return (wall ms, CPU ms, peak RSS MiB, exit status, stderr tail).

    Killed after ``limit`` seconds.

    The run goes through :mod:`bench.launch` (see there for why); its own start-up is not timed.
    """
    report, tail = launch(argv, env=env, cwd=cwd, limit=limit)
    if "ms" not in report:
        return 0.0, 0.0, 0.0, report["status"], tail
    # ru_maxrss is in KiB on Linux.
    return report["ms"], report["cpu_ms"], report["maxrss_kib"] / 1024, report["status"], tail


def time_command(argv: list[str], *, runs: int, env: dict, cwd: Path, limit: float = 60.0,
                 warmup: bool = True, setup: Callable[[], None] | None = None) -> Timing:
    """Median-ready timings of ``argv``: one untimed warm-up, then ``runs`` timed runs.

    ``setup`` runs (untimed) before every run, e.g. to give an import a fresh journal. A run
    that fails or passes ``limit`` seconds stops the measurement with a note saying so.
    """
    result = Timing()
    for index in range(runs + (1 if warmup else 0)):
        if setup:
            setup()
        elapsed, cpu, peak, status, tail = run_once(argv, env=env, cwd=cwd, limit=limit)
        if status == -9 or elapsed >= limit * 1000:  # killed by the launcher's alarm
            result.note = f"skipped: ran past the {limit:g} s limit"
            result.times_ms.clear()
            result.cpu_ms.clear()
            result.peaks_mib.clear()
            return result
        if status != 0:
            result.note = f"failed (exit {status}): {tail}"[:200]
            return result
        if warmup and index == 0:
            continue
        result.times_ms.append(elapsed)
        result.cpu_ms.append(cpu)
        result.peaks_mib.append(peak)
    return result


def time_call(fn: Callable[[], object], *, runs: int) -> Timing:
    """In-process timings of ``fn()`` (one warm-up call, then ``runs`` timed calls).

    CPU time is this thread's, which other processes on the machine hardly change.
    """
    fn()
    result = Timing()
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.thread_time()
        fn()
        result.cpu_ms.append((time.thread_time() - cpu) * 1000)
        result.times_ms.append((time.perf_counter() - started) * 1000)
    return result
