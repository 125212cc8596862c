"""Two reflects at once on one journal: nothing lost, no "database is locked", no silent overwrite."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from reflect.journal import open_journal
from tests.conftest import FakeClock

ROOT = Path(__file__).parent.parent.parent
COUNT = 200


def run_writers(path: Path, tmp_path: Path, names=("alpha", "beta"), count: int = COUNT,
                timeout: str = "5") -> list[dict]:
    """Start one writer process per name together; return what each reports."""
    go = tmp_path / "go"
    env = os.environ | {"REFLECT_BUSY_TIMEOUT": timeout, "PYTHONPATH": str(ROOT)}
    procs = [subprocess.Popen([sys.executable, "-m", "tests.reliability.concurrent_writer", str(path), name,
                               str(count), str(go)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=env, cwd=ROOT) for name in names]
    go.touch()
    reports = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        reports.append(json.loads(out))
    return reports


@pytest.fixture
def shared(tmp_path) -> Path:
    """A journal whose entry 1 both writers edit."""
    path = tmp_path / "journal.db"
    with open_journal(path) as j:
        j.entries.add(day=date(2026, 11, 1), title="shared", body="the original words")
    return path


def test_two_processes_writing_lose_nothing_and_see_no_error(shared, tmp_path):
    reports = run_writers(shared, tmp_path)
    assert [r["errors"] for r in reports] == [[], []]
    with open_journal(shared) as j:
        uids = {r[0] for r in j.db.execute("SELECT uid FROM entries")}
        for report in reports:
            assert set(report["added"]) <= uids
            assert len(report["added"]) == COUNT
        edited = j.db.execute("SELECT count(*) FROM entries WHERE body LIKE 'edited by %'").fetchone()[0]
        assert edited == 2 * COUNT


def test_stale_edits_from_two_processes_keep_every_version(shared, tmp_path):
    reports = run_writers(shared, tmp_path)
    expected_copies = 2 * len(range(0, COUNT, 10))
    assert sum(r["conflicts"] for r in reports) == expected_copies
    with open_journal(shared) as j:
        assert j.entries.get(1).body == "the original words"  # never silently overwritten
        copies = j.db.execute("SELECT count(*) FROM entries WHERE title = 'shared (conflicting copy)'").fetchone()[0]
        assert copies == expected_copies
        assert j.entries.count() == 1 + 2 * COUNT + expected_copies


def test_two_processes_creating_a_new_journal_at_once(tmp_path):
    path = tmp_path / "fresh" / "journal.db"
    reports = run_writers(path, tmp_path, names=("one", "two", "three"), count=20)
    assert [r["errors"] for r in reports] == [[], [], []]


def test_edit_conflict_between_two_connections_keeps_both(tmp_path):
    path = tmp_path / "journal.db"
    window = open_journal(path, clock=FakeClock())
    command = open_journal(path, clock=FakeClock())
    try:
        entry = window.entries.add(day=date(2026, 11, 3), title="Refund", body="first draft")
        loaded = window.entries.get(entry.id)  # the app opens the editor on this revision
        command.entries.update(entry.id, body="changed from the command line")
        saved, other = window.entries.save_edit(entry.id, loaded.revision, body="changed in the app")
    finally:
        window.close()
        command.close()
    assert other is not None and other.body == "changed from the command line"
    assert saved.id != entry.id and saved.body == "changed in the app"
    assert saved.title == "Refund (conflicting copy)"


class _BusyAtFirst:
    """A connection stand-in whose BEGIN IMMEDIATE reports "busy" at once, ``times`` times.

    That is what SQLite does, without waiting, in a few cases (a journal being recovered).
    """

    def __init__(self, conn, times: int):
        self._conn = conn
        self.times = times

    def execute(self, sql, *args):
        import sqlite3

        if sql == "BEGIN IMMEDIATE" and self.times > 0:
            self.times -= 1
            raise sqlite3.OperationalError("database is locked")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_write_retries_an_immediate_busy_until_the_deadline(journal, monkeypatch):
    monkeypatch.setenv("REFLECT_BUSY_TIMEOUT", "5")
    journal.conn = _BusyAtFirst(journal.conn, times=3)
    journal.__dict__.pop("db", None)
    journal.entries.add(day=date(2026, 11, 1), title="landed after three refusals")
    assert journal.entries.count() == 1


def test_write_still_busy_after_the_deadline_is_one_clear_error(journal, monkeypatch):
    from reflect.errors import JournalError

    monkeypatch.setenv("REFLECT_BUSY_TIMEOUT", "0.05")
    journal.conn = _BusyAtFirst(journal.conn, times=10_000)
    journal.__dict__.pop("db", None)
    with pytest.raises(JournalError, match="busy: another reflect is writing to it"):
        journal.entries.add(day=date(2026, 11, 1), title="never lands")


def test_locked_in_the_middle_of_a_command_is_one_line(tmp_path, monkeypatch, capsys):
    import sqlite3

    from reflect.cli import main
    from reflect.entries.store import EntryStore

    monkeypatch.setenv("REFLECT_DB", str(tmp_path / "journal.db"))

    def locked(*args, **kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(EntryStore, "get", locked)
    assert main(["show", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("reflect: The journal") and "busy" in err and len(err.splitlines()) == 1


def test_cli_edit_while_the_entry_changes_elsewhere_keeps_both(tmp_path):
    from tests.test_cli_entries import Reflect

    reflect = Reflect(tmp_path)
    reflect.ok("add", "--title", "Refund", "first words")
    # An "editor" during which the app (here: another command) saves the same entry.
    editor = tmp_path / "slow-editor.py"
    editor.write_text(
        "import subprocess, sys\n"
        "subprocess.run([sys.executable, '-m', 'reflect', 'edit', '1', '--body', 'saved in the app'], check=True)\n"
        "open(sys.argv[1], 'w').write('typed in the editor')\n")
    import pty

    primary, secondary = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "reflect", "edit", "1"], stdin=secondary,
                                capture_output=True, text=True, cwd=ROOT, timeout=60,
                                env=reflect.env | {"EDITOR": f"{sys.executable} {editor}"})
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 0, result.stderr
    assert "changed elsewhere" in result.stdout
    bodies = {e["title"]: e["body"] for e in reflect.json("list")}
    assert bodies == {"Refund": "saved in the app", "Refund (conflicting copy)": "typed in the editor"}


def test_conflict_error_does_not_claim_a_copy_was_kept(journal):
    from reflect.entries.store import ConflictError

    entry = journal.entries.add(day=date(2026, 11, 3), title="Refund")
    journal.entries.update(entry.id, body="changed")
    with pytest.raises(ConflictError) as caught:
        journal.entries.update(entry.id, expected_revision=entry.revision, body="stale")
    assert "kept" not in str(caught.value) and journal.entries.count() == 1
