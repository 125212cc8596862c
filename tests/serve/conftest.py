"""Fixtures for `reflect serve`: the real command in its own process, on a journal in tmp."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bench.browser import reflect_serve

ROOT = Path(__file__).parent.parent.parent


def private_env(home: Path) -> dict:
    """The environment for reflect: no REFLECT_* settings of the person's, a private home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"))
    return env


@pytest.fixture
def serve(tmp_path):
    """Start `reflect --db tmp/journal.db serve --no-open` in a fresh process; yields a starter."""
    def start(db: Path | None = None, cwd: Path = ROOT):
        return reflect_serve(db or tmp_path / "journal.db", env=private_env(tmp_path), cwd=cwd)
    return start


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One `reflect serve` for a module's read-only checks."""
    home = tmp_path_factory.mktemp("serve")
    with reflect_serve(home / "journal.db", env=private_env(home), cwd=ROOT) as running:
        yield running
