"""jrnl in a virtual environment of its own (``bench/.venv-jrnl``), never in the project's.

Made on first use with ``python -m venv`` and ``pip install jrnl``; later runs reuse it.
Every jrnl run gets its own home and XDG folders (under the output folder) and a
``--config-file``, so a person's own jrnl setup is neither read nor changed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.jrnl_format import write_jrnl_config

BENCH_DIR = Path(__file__).parent
DEFAULT_VENV = BENCH_DIR / ".venv-jrnl"
JRNL_REQUIREMENT = "jrnl"


@dataclass(frozen=True)
class Jrnl:
    """An installed jrnl and what running it needs."""

    executable: Path
    version: str
    home: Path  # HOME / XDG folders for its runs

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("JRNL", "XDG_")) and k != "PYTHONDONTWRITEBYTECODE"}
        env.update(HOME=str(self.home), XDG_CONFIG_HOME=str(self.home / "config"),
                   XDG_DATA_HOME=str(self.home / "data"), NO_COLOR="1", EDITOR="", VISUAL="",
                   COLUMNS="100")
        return env

    def config_for(self, journal: Path, folder: Path) -> Path:
        """A config file naming ``journal`` as the default journal."""
        path = folder / f"{journal.stem}.jrnl.yaml"
        write_jrnl_config(path, journal, self.version)
        return path

    def count_entries(self, config: Path, limit: float = 600) -> int:
        """How many entries jrnl reads from the journal (one line each with ``--format short``)."""
        result = subprocess.run([str(self.executable), "--config-file", str(config), "--format", "short"],
                                capture_output=True, text=True, env=self.env(), cwd=self.home, timeout=limit)
        if result.returncode != 0:
            raise RuntimeError(f"jrnl could not read {config}: {result.stderr.strip()[-300:]}")
        return sum(1 for line in result.stdout.splitlines() if line.strip())


def ensure_jrnl(home: Path, venv: Path = DEFAULT_VENV, log=print) -> Jrnl:
    """jrnl from ``venv``, creating the environment and installing jrnl if needed."""
    executable = venv / "bin" / "jrnl"
    python = venv / "bin" / "python"
    if not executable.exists():
        log(f"installing jrnl into {venv} (once) ...")
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        result = subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                 JRNL_REQUIREMENT], capture_output=True, text=True)
        if result.returncode != 0:  # pip's chatter only matters when it failed
            raise RuntimeError(f"could not install jrnl into {venv}:\n{result.stdout}{result.stderr}")
    version = subprocess.run([str(python), "-c", "from jrnl import __version__; print(__version__)"],
                             capture_output=True, text=True, check=True).stdout.strip()
    home.mkdir(parents=True, exist_ok=True)
    return Jrnl(executable, version, home)
