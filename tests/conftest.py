"""Shared fixtures: real journal files in tmp_path, a fixed clock, the frameworks."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import settings

from reflect.journal import open_journal
from reflect.framework.standards import load_framework

# Property tests explore new examples on every local run (and remember what failed
# in .hypothesis/). CI runs the same examples every time, so that a landing never
# depends on luck; .ci/run sets CI.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

TESTS = Path(__file__).parent
TINY_FRAMEWORK = TESTS / "data" / "tiny_framework.json"
FIXED_NOW = datetime(2026, 11, 24, 10, 30, tzinfo=timezone.utc)


@pytest.fixture(autouse=True, scope="session")
def quick_pilot_keys():
    """Let Pilot check for an idle app every 4 ms instead of every 20 ms.

    Textual's Pilot waits for the app to go idle after every simulated key press by sleeping
    in steps of ``SLEEP_GRANULARITY`` (1/50 s) until the process uses no CPU: at least 40 ms
    per key, however little the key does. That wait, not reflect, was most of the app tests'
    time. A shorter step finds the same idle moment sooner; the tests still wait on the app's
    state (see tests/tui/conftest.py), so they do not depend on it. The knob is Textual's own
    (private, and pinned through constraints.txt); if a release drops it, nothing changes.
    """
    try:
        import textual._wait as wait
    except ImportError:  # pragma: no cover - a Textual without the module
        yield
        return
    before = getattr(wait, "SLEEP_GRANULARITY", None)
    if before is None:
        yield
        return
    wait.SLEEP_GRANULARITY = 0.004
    yield
    wait.SLEEP_GRANULARITY = before


class FakeClock:
    """A clock tests can move: ``clock.now`` is returned until changed."""

    def __init__(self, now: datetime = FIXED_NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def journal_path(tmp_path) -> Path:
    return tmp_path / "journal.db"


@pytest.fixture
def journal(journal_path, clock):
    """A fresh, real journal file with a fixed clock."""
    with open_journal(journal_path, clock=clock) as j:
        yield j


@pytest.fixture(scope="session")
def framework():
    """The bundled framework (SDS Customer Service, Retail and Travel)."""
    return load_framework()


@pytest.fixture(scope="session")
def tiny_framework():
    """A second, tiny framework: proves nothing is hard-coded."""
    return load_framework(TINY_FRAMEWORK)
