"""Reading a journal stays light: sqlite-utils (about 55 ms to import) loads only when needed."""

import subprocess
import sys
from pathlib import Path

import sqlite_utils

from reflect.journal import open_journal

ROOT = Path(__file__).parent.parent


def _run(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)


def test_reading_an_existing_journal_does_not_import_sqlite_utils(journal_path, clock):
    with open_journal(journal_path, clock=clock) as journal:
        journal.entries.add(day=clock().date(), title="Refund", body="A calm refund.", skills=["focus"])
    code = (
        "import sys\n"
        "from reflect.journal import open_journal\n"
        "from reflect.entries.models import EntryFilter\n"
        f"j = open_journal({str(journal_path)!r}, create=False)\n"
        "assert j.entries.list().rows and j.entries.search(EntryFilter(text='refund'))\n"
        "j.entries.get(1); j.settings.get('framework')\n"
        "assert 'sqlite_utils' not in sys.modules, 'sqlite_utils was imported'\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr


def test_journal_db_is_sqlite_utils_on_the_same_connection(journal):
    assert isinstance(journal.db, sqlite_utils.Database)
    assert journal.db.conn is journal.conn


def test_recursive_triggers_are_on_without_sqlite_utils(journal_path, clock):
    open_journal(journal_path, clock=clock).close()  # create and migrate
    with open_journal(journal_path, clock=clock) as journal:
        assert "db" not in journal.__dict__  # nothing has asked for sqlite-utils yet
        assert journal.conn.execute("PRAGMA recursive_triggers").fetchone()[0] == 1


def test_writes_work_on_a_journal_opened_without_sqlite_utils(journal_path, clock):
    open_journal(journal_path, clock=clock).close()
    with open_journal(journal_path, clock=clock) as journal:
        entry = journal.entries.add(day=clock().date(), title="Late delivery", body="Apologised.")
        journal.entries.update(entry.id, title="Late parcel")
    with open_journal(journal_path, clock=clock) as journal:
        assert journal.entries.get(entry.id).title == "Late parcel"


def test_reflect_list_and_search_import_only_what_they_need(journal_path, clock):
    with open_journal(journal_path, clock=clock) as journal:
        journal.entries.add(day=clock().date(), title="Refund", body="A calm refund.", skills=["focus"])
    code = (
        "import sys\n"
        "from reflect.cli import main\n"
        f"assert main(['--db', {str(journal_path)!r}, 'list', '--skill', 'focus']) == 0\n"
        f"assert main(['--db', {str(journal_path)!r}, 'search', 'refund']) == 0\n"
        f"assert main(['--db', {str(journal_path)!r}, 'show', '1']) == 0\n"
        "heavy = {'sqlite_utils', 'dateutil', 'uuid', 'textual'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    result = _run(code)
    assert result.returncode == 0, result.stderr
    assert "Refund" in result.stdout
