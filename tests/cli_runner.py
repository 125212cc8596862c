"""Running `reflect` as a person does, in this process: ``main(argv)`` with the process's
environment, working folder, standard input and output swapped for the run.

Most command-line tests use this (a real journal file, the real parser and handlers, no
process start-up). Tests about the process itself (a terminal, an editor, signals, the
terminal's encoding) pass ``process=True`` and get a real ``python -m reflect``.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import TINY_FRAMEWORK

ROOT = Path(__file__).parent.parent


class _Input(io.StringIO):
    """Standard input that is not a terminal, as with a pipe or a file."""

    def isatty(self) -> bool:
        return False


def run_in_process(args: list[str], *, env: dict[str, str], cwd: Path, input: str | None = None,
                   ) -> subprocess.CompletedProcess:
    """``reflect ARGS`` run through :func:`reflect.cli.main` as if it were its own process."""
    from reflect.cli import main

    saved_env = dict(os.environ)
    saved_cwd = os.getcwd()
    saved_streams = sys.stdin, sys.stdout, sys.stderr
    out, err = io.StringIO(), io.StringIO()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    sys.stdin, sys.stdout, sys.stderr = _Input(input or ""), out, err
    try:
        try:
            code = main(list(args))
        except SystemExit as stop:  # argparse's --help, --version and usage errors
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
            if isinstance(stop.code, str):
                err.write(stop.code + "\n")
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)
    return subprocess.CompletedProcess(["reflect", *args], code, out.getvalue(), err.getvalue())


class Reflect:
    """Runs `reflect` against one journal, with the tiny test framework.

    In this process by default; ``process=True`` (per call or for the runner) starts
    ``python -m reflect`` instead.
    """

    def __init__(self, tmp_path: Path, *, process: bool = False):
        self.db = tmp_path / "journal.db"
        self.cwd = ROOT
        self.process = process
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
        self.env.update(REFLECT_DB=str(self.db), REFLECT_FRAMEWORK=str(TINY_FRAMEWORK),
                        EDITOR="false", VISUAL="", NO_COLOR="1", HOME=str(tmp_path),
                        XDG_DATA_HOME=str(tmp_path / "xdg"))

    def __call__(self, *args: str, input: str | None = None, env: dict | None = None,
                 process: bool | None = None) -> subprocess.CompletedProcess:
        environment = self.env | (env or {})
        if process if process is not None else self.process:
            environment.setdefault("PYTHONPATH", str(ROOT))
            return subprocess.run([sys.executable, "-m", "reflect", *args], capture_output=True, text=True,
                                  input=input, env=environment, cwd=self.cwd, timeout=60)
        return run_in_process(list(args), env=environment, cwd=self.cwd, input=input)

    def ok(self, *args: str, **kwargs) -> str:
        result = self(*args, **kwargs)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def json(self, *args: str) -> object:
        return json.loads(self.ok(*args, "--json"))
