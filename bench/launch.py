"""Run one command and report its wall time and peak memory as JSON (stdlib only).

Usage: ``python -I -S launch.py LIMIT_SECONDS PROGRAM [ARGS...]``; prints
``{"ms": ..., "cpu_ms": ..., "maxrss_kib": ..., "status": ...}``. The command's output goes to /dev/null.

Why a separate small process: on Linux a child's peak RSS (``ru_maxrss``) starts from the
high-water mark of the process it was forked from, so a command started straight from the
benchmark (which holds journals and results in memory) would seem to use as much memory as the
benchmark. Forked from this small interpreter, the floor is a few MiB. Run as a file, with
``-I -S``, it imports nothing but the standard library.
"""

import json
import os
import signal
import sys
import time


def main() -> int:
    limit = float(sys.argv[1])
    argv = sys.argv[2:]
    devnull = os.open(os.devnull, os.O_RDWR)
    started_at = time.time()  # for commands that note a moment of their own (bench/app_probe.py)
    started = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # the child: quiet, then become the command
        os.dup2(devnull, 0)
        os.dup2(devnull, 1)
        try:
            os.execvp(argv[0], argv)
        except OSError as error:
            os.write(2, f"cannot run {argv[0]}: {error}\n".encode())
        os._exit(127)
    signal.signal(signal.SIGALRM, lambda *_: os.kill(pid, signal.SIGKILL))
    signal.setitimer(signal.ITIMER_REAL, limit)
    _, status, usage = os.wait4(pid, 0)
    elapsed = (time.perf_counter() - started) * 1000
    signal.setitimer(signal.ITIMER_REAL, 0)
    print(json.dumps({"ms": elapsed, "started_at": started_at, "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
                      "maxrss_kib": usage.ru_maxrss, "status": os.waitstatus_to_exitcode(status)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
