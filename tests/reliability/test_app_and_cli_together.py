"""Two at once, with the app: the real app (in a pseudo-terminal) and `reflect` commands write
to one journal at the same time. Nothing is lost, nobody sees "database is locked", and an
entry saved on both sides is kept in both versions."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from reflect.journal import open_journal
from tests.reliability.conftest import fill
from tests.reliability.terminal import AppInTerminal, poll, terminal_env
from tests.test_cli_entries import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")

APP_ENTRIES = 4
#: What would mean a write was turned away instead of waiting its turn.
REFUSALS = ("locked", "busy", "Could not keep a draft", "Traceback")


def _cli(db, env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reflect", "--db", str(db), *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=60)


class CliLoop(threading.Thread):
    """`reflect add` again and again until told to stop; keeps every result."""

    def __init__(self, db, env, name: str):
        super().__init__(daemon=True)
        self.db, self.env, self.name = db, env, name
        self.results: list[tuple[str, subprocess.CompletedProcess]] = []
        self.stop = threading.Event()

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            title = f"{self.name} {n}"
            self.results.append((title, _cli(self.db, self.env, "add", "--title", title, "--skill", "patience",
                                             f"Written by the command line, number {n}.")))
            n += 1


class LongWrites(threading.Thread):
    """Another writer in the middle of long transactions (as a big import is): holds the write
    lock for 0.3 s, lets go for 0.3 s, again and again, so the others' writes must wait."""

    def __init__(self, db):
        super().__init__(daemon=True)
        self.db = db
        self.stop = threading.Event()
        self.held = 0

    def run(self) -> None:
        conn = sqlite3.connect(self.db, timeout=30, isolation_level=None)
        try:
            while not self.stop.is_set():
                conn.execute("BEGIN IMMEDIATE")
                conn.execute("INSERT INTO settings (key, value) VALUES ('long_write', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [str(self.held)])
                time.sleep(0.3)
                conn.execute("COMMIT")
                self.held += 1
                time.sleep(0.3)
        finally:
            conn.close()


def _entries(db) -> dict[str, str]:
    with open_journal(db) as journal:
        rows = journal.conn.execute("SELECT title, body FROM entries WHERE deleted_at IS NULL").fetchall()
    return dict(rows)


def test_the_app_and_cli_adding_at_once_lose_nothing_and_never_say_locked(tmp_path):
    db = tmp_path / "journal.db"
    fill(db, count=1)
    env = terminal_env(tmp_path)
    loops = [CliLoop(db, env, "cli-a"), CliLoop(db, env, "cli-b")]
    long_writes = LongWrites(db)
    with AppInTerminal(db, env) as app:
        app.wait_for_journal()
        for thread in [*loops, long_writes]:
            thread.start()
        for n in range(APP_ENTRIES):
            app.open_new_entry()
            app.type(f"app {n}: written in the app while the command line wrote too", per_key=0.005)
            shown = app.mark()
            app.press("ctrl+s")
            app.wait_for(f'Saved "app {n}:', since=shown)
            app.back_to_journal()
        poll(lambda: all(len(loop.results) >= 3 for loop in loops), "each command loop to add a few")
        for thread in [*loops, long_writes]:
            thread.stop.set()
        for thread in [*loops, long_writes]:
            thread.join(timeout=60)
        screen = app.text()
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    entries = _entries(db)
    for n in range(APP_ENTRIES):
        assert f"app {n}: written in the app while the command line wrote too" in entries
    for loop in loops:
        for title, result in loop.results:
            assert result.returncode == 0, result.stderr
            assert not any(word in result.stderr for word in REFUSALS), result.stderr
            assert title in entries
    assert long_writes.held >= 5
    assert len(entries) == 1 + APP_ENTRIES + sum(len(loop.results) for loop in loops)
    assert not [word for word in REFUSALS if word in screen]
    with open_journal(db) as journal:
        assert journal.drafts.pending() == []


def test_an_entry_saved_in_the_app_after_the_cli_changed_it_keeps_both_versions(tmp_path):
    db = tmp_path / "journal.db"
    fill(db, count=1)  # "Entry 1": "Served customer number 1."
    env = terminal_env(tmp_path)
    with AppInTerminal(db, env) as app:
        app.wait_for("Entry 1")
        shown = app.mark()
        app.press("e")  # edit the highlighted (only) reflection
        app.wait_for("Editing", since=shown)
        app.type(" Then I wrote more in the app.")
        cli = _cli(db, env, "edit", "1", "--body", "Changed on the command line meanwhile.")
        assert cli.returncode == 0, cli.stderr
        shown = app.mark()
        app.press("ctrl+s")
        app.wait_for("was changed elsewhere", since=shown)
        screen = app.text(shown)
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    assert "Both are in your journal" in " ".join(screen.split())
    assert _entries(db) == {
        "Entry 1": "Changed on the command line meanwhile.",
        "Entry 1 (conflicting copy)": "Served customer number 1. Then I wrote more in the app.",
    }
