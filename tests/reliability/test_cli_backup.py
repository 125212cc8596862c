"""`reflect backup`, `restore-backup` and the automatic daily backup, run as real processes."""

import json
import sqlite3

from reflect.store.backup import list_backups
from tests.reliability.conftest import content_digest
from tests.test_cli_entries import assert_clean_failure, reflect  # noqa: F401 (fixture)


def test_backup_with_no_dest_goes_beside_the_journal(reflect):
    reflect.ok("add", "first")
    out = reflect.ok("backup")
    assert "Backed up 1 entry to" in out
    backups = list_backups(reflect.db)
    assert any(b.reason == "manual" for b in backups)


def test_backup_to_a_folder_spelled_with_a_slash(reflect, tmp_path):
    reflect.ok("add", "first")
    data = json.loads(reflect.ok("backup", f"{tmp_path}/usb/", "--json"))
    assert data["path"].startswith(f"{tmp_path}/usb/journal-")
    assert content_digest(data["path"]) == content_digest(reflect.db)


def test_backup_of_a_journal_that_does_not_exist_creates_nothing(reflect, tmp_path):
    assert_clean_failure(reflect("backup"), "nothing to back up")
    assert not reflect.db.exists()


def test_backup_list(reflect):
    reflect.ok("add", "first")
    reflect.ok("backup")
    listed = json.loads(reflect.ok("backup", "--list", "--json"))
    assert [b["reason"] for b in listed] == ["manual"]
    assert listed[0]["path"].endswith(".db")


def test_writing_command_takes_the_daily_backup(reflect):
    reflect.ok("add", "first")  # a new journal: nothing to back up yet
    assert list_backups(reflect.db) == []
    reflect.ok("add", "second")
    assert [b.reason for b in list_backups(reflect.db)] == ["daily"]
    reflect.ok("add", "third")  # already done today
    assert len(list_backups(reflect.db)) == 1


def test_reading_commands_take_no_backup(reflect):
    reflect.ok("add", "first")
    for command in (["list"], ["search", "first"], ["show", "1"], ["trash"]):
        reflect.ok(*command)
    assert list_backups(reflect.db) == []


def test_restore_backup_round_trip(reflect, tmp_path):
    reflect.ok("add", "kept")
    reflect.ok("backup", str(tmp_path / "saved.db"))
    reflect.ok("add", "written later")
    out = reflect.ok("restore-backup", str(tmp_path / "saved.db"))
    assert "Restored 1 entry" in out and "was kept as" in out
    assert [e["title"] for e in reflect.json("list")] == ["kept"]


def test_restore_backup_refuses_a_non_journal(reflect, tmp_path):
    reflect.ok("add", "mine")
    before = content_digest(reflect.db)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a journal")
    assert_clean_failure(reflect("restore-backup", str(tmp_path / "photo.jpg")), "not an SQLite database")
    assert content_digest(reflect.db) == before


def test_backup_keep_is_a_setting(reflect):
    reflect.ok("config", "backup_keep", "3")
    assert reflect.json("config")["backup_keep"] == 3
    assert_clean_failure(reflect("config", "backup_keep", "0"), "between 1 and 1000")


def test_emptying_the_trash_takes_the_daily_backup_first(reflect):
    reflect.ok("add", "keep")
    reflect.ok("add", "bin")
    reflect.ok("delete", "2")  # takes today's backup, so remove it to see emptying take one
    for p in (reflect.db.parent / "backups").iterdir():
        p.unlink()
    reflect.ok("trash", "empty", "--yes")
    (taken,) = list_backups(reflect.db)
    conn = sqlite3.connect(taken.path)
    assert conn.execute("SELECT count(*) FROM entries").fetchone()[0] == 2  # the emptied entry is kept there
    conn.close()
