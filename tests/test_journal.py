"""Opening journals: creation, permissions, pragmas, migrations and refusals."""

import os
import sqlite3
import stat
from datetime import date
from pathlib import Path

import pytest

from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.store.migrations import CURRENT_VERSION

FIXTURES = Path(__file__).parent / "data"


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_new_journal_file_is_private(tmp_path):
    path = tmp_path / "j.db"
    open_journal(path).close()
    assert mode(path) == 0o600


def test_new_journal_folder_is_private(tmp_path):
    path = tmp_path / "new" / "deeper" / "j.db"
    open_journal(path).close()
    assert mode(path.parent) == 0o700


def test_existing_folder_permissions_are_left_alone(tmp_path):
    os.chmod(tmp_path, 0o755)
    open_journal(tmp_path / "j.db").close()
    assert mode(tmp_path) == 0o755


def test_journal_uses_wal_and_foreign_keys(journal):
    assert journal.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert journal.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_new_journal_is_at_current_schema(journal):
    assert journal.schema_version == CURRENT_VERSION


def test_open_without_create_refuses_missing_file(tmp_path):
    with pytest.raises(JournalError, match="No journal"):
        open_journal(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_file_that_is_not_sqlite_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my shopping list\n")
    with pytest.raises(JournalError, match="not an SQLite database"):
        open_journal(path)
    assert path.read_text() == "my shopping list\n"


def test_folder_instead_of_file_is_refused(tmp_path):
    with pytest.raises(JournalError, match="folder"):
        open_journal(tmp_path)


def test_empty_file_left_by_a_crash_is_treated_as_new(tmp_path):
    path = tmp_path / "j.db"
    path.touch()
    with open_journal(path) as j:
        assert j.schema_version == CURRENT_VERSION


def test_journal_from_newer_reflect_is_refused_unchanged(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE entries (id INTEGER PRIMARY KEY, note TEXT)")
    conn.execute("INSERT INTO entries (note) VALUES ('from the future')")
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(JournalError, match="newer version of reflect"):
        open_journal(path)
    assert path.read_bytes() == before


def _v1_journal(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((FIXTURES / "journal_v1.sql").read_text())
    conn.close()


def test_migration_from_v1_keeps_every_row(tmp_path):
    path = tmp_path / "old.db"
    _v1_journal(path)
    with open_journal(path) as j:
        assert j.schema_version == CURRENT_VERSION
        assert j.entries.count() == 3
        assert j.entries.count(trashed=True) == 1
        entry = j.entries.get(1)
        assert entry.title == "First day on the tills"
        assert entry.day == date(2026, 9, 1)
        assert set(entry.skills) == {"focus", "communication"}
        assert entry.criteria == ("INSCS009.P8",)
        assert j.settings.get("apprentice_name") == "Jamie Reid"
        assert j.drafts.pending()[0].data["title"] == "Half-written"
        assert j.settings.chosen_units() == ["CFACSA13"]


def test_migrated_journal_search_still_works(tmp_path):
    path = tmp_path / "old.db"
    _v1_journal(path)
    from reflect.entries.models import EntryFilter

    with open_journal(path) as j:
        assert [h.id for h in j.entries.search(EntryFilter(text="tills"))] == [1]


def test_migrated_journal_has_new_tables(tmp_path):
    path = tmp_path / "old.db"
    _v1_journal(path)
    with open_journal(path) as j:
        assert {"objectives", "feedback", "reviews", "training"} <= set(j.db.table_names())


def test_failed_migration_leaves_journal_at_old_version(tmp_path, monkeypatch):
    from reflect.store import migrations

    path = tmp_path / "old.db"
    _v1_journal(path)

    def broken(db):
        db.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("power cut")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    monkeypatch.setattr(migrations, "CURRENT_VERSION", 2)
    with pytest.raises(RuntimeError):
        open_journal(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 4
    conn.close()


def test_write_transaction_rolls_back_on_error(journal):
    with pytest.raises(ZeroDivisionError):
        with journal.write():
            journal.entries.add(day=date(2026, 11, 1), title="lost with the error")
            1 / 0
    assert journal.entries.count() == 0


def test_nested_writes_land_together(journal):
    with journal.write():
        journal.entries.add(day=date(2026, 11, 1), title="one")
        journal.entries.add(day=date(2026, 11, 1), title="two")
    assert journal.entries.count() == 2


def test_importing_core_does_not_create_files(tmp_path, monkeypatch):
    import subprocess
    import sys

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).parent.parent))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    subprocess.run([sys.executable, "-c", "import reflect.journal, reflect.entries.store, reflect.cli"],
                   check=True, cwd=tmp_path)
    assert list(tmp_path.iterdir()) == []
