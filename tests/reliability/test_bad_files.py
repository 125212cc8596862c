"""Bad journal and framework files: one clear line, exit 2, nothing changed.

Also: a journal left with a write-ahead log by a killed process opens with every entry, and
entries citing criteria the framework lacks are kept and shown as unknown.
"""

import errno
import os
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.store.migrations import CURRENT_VERSION
from tests.reliability.conftest import content_digest, fill
from tests.test_cli_entries import ROOT, assert_clean_failure, reflect  # noqa: F401 (fixture)

READING = [("list",), ("search", "customer"), ("show", "1"), ("trash",), ("config",)]
WRITING = [("add", "more words"), ("edit", "1", "--title", "new"), ("delete", "1")]


def _truncated(path):
    fill(path, count=400)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _random_bytes(path):
    path.write_bytes(os.urandom(20_000))


def _sqlite_header_then_garbage(path):
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(20_000))


def _newer(path):
    fill(path, count=1)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.commit()
    conn.close()


BAD_JOURNALS = {
    "truncated": (_truncated, "damaged"),
    "random bytes": (_random_bytes, "not an SQLite database"),
    "sqlite header then garbage": (_sqlite_header_then_garbage, "damaged"),
    "newer reflect": (_newer, "newer version of reflect"),
}


@pytest.mark.parametrize("command", READING + WRITING, ids=" ".join)
@pytest.mark.parametrize("kind", BAD_JOURNALS)
def test_bad_journal_gives_one_clear_line_and_is_unchanged(reflect, kind, command):
    make, message = BAD_JOURNALS[kind]
    make(reflect.db)
    before = reflect.db.read_bytes()
    assert_clean_failure(reflect(*command), message)
    assert reflect.db.read_bytes() == before


def test_truncated_journal_is_not_backed_up_over_good_backups(reflect):
    reflect.ok("add", "first")
    reflect.ok("add", "second")  # takes today's backup
    backups = sorted((reflect.db.parent / "backups").iterdir())
    _truncated(reflect.db)
    reflect("add", "third")
    assert sorted((reflect.db.parent / "backups").iterdir()) == backups


def test_wal_left_by_a_killed_process_is_recovered(reflect, tmp_path):
    code = (
        "import os, signal, sys; from datetime import date; from reflect.journal import open_journal\n"
        f"j = open_journal({str(reflect.db)!r})\n"
        "for n in range(50): j.entries.add(day=date(2026, 11, 1), title=f'entry {n}')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=reflect.env)
    assert result.returncode == -9
    assert (tmp_path / "journal.db-wal").stat().st_size > 0  # the entries are only in the log
    assert len(reflect.json("list", "-n", "100")) == 50
    assert "All is well" in reflect.ok("doctor")


def test_journal_that_cannot_be_created_read_only_location(tmp_path, monkeypatch):
    import reflect.journal

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflect.journal.os, "open", refuse)
    with pytest.raises(JournalError, match="Cannot create the journal .* is on a read-only disk"):
        open_journal(tmp_path / "journal.db")
    assert list(tmp_path.iterdir()) == []


class _ReadOnlyConnection:
    """Stands in for a journal on a read-only disk: reading works, writing fails as SQLite does."""

    def __init__(self, conn):
        self._conn = conn

    def execute(self, sql, *args):
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_write_to_a_read_only_journal_is_one_clear_line(tmp_path, monkeypatch, capsys):
    from reflect.cli import main
    from reflect.cli.context import Context

    path = tmp_path / "journal.db"
    fill(path, count=1)
    before = content_digest(path)
    monkeypatch.setenv("REFLECT_DB", str(path))
    opened = Context.journal.fget

    def read_only_journal(self):
        journal = opened(self)
        if not isinstance(journal.conn, _ReadOnlyConnection):
            journal.conn = _ReadOnlyConnection(journal.conn)
            journal.__dict__.pop("db", None)  # sqlite-utils' view is rebuilt on the wrapped one
        return journal

    monkeypatch.setattr(Context, "journal", property(read_only_journal))
    assert main(["add", "cannot land"]) == 2
    err = capsys.readouterr().err
    assert "read-only" in err and len(err.splitlines()) == 1
    assert content_digest(path) == before


# -- framework files ----------------------------------------------------------------------


@pytest.mark.parametrize("content,message", [
    ("{", "not valid JSON at line 1"),
    ("[]", ""),
    ('{"schema_version": 1}', ""),
    ("\x00\x01binary", "not valid JSON"),
])
def test_malformed_framework_file_via_option(reflect, tmp_path, content, message):
    reflect.ok("add", "--skill", "kneading", "words")
    before = content_digest(reflect.db)
    bad = tmp_path / "framework.json"
    bad.write_text(content)
    result = reflect("list", "--framework", str(bad))
    assert_clean_failure(result, message or str(bad))
    assert content_digest(reflect.db) == before


def test_framework_setting_pointing_at_a_deleted_file(reflect, tmp_path):
    fw = tmp_path / "provider.json"
    fw.write_text((ROOT / "tests/data/tiny_framework.json").read_text())
    no_override = {"REFLECT_FRAMEWORK": ""}
    reflect.ok("config", "framework", str(fw), env=no_override)
    reflect.ok("add", "--skill", "kneading", "words", env=no_override)
    fw.unlink()
    before = content_digest(reflect.db)
    result = reflect("list", env=no_override)
    assert_clean_failure(result, "no such framework file")
    assert "reflect config framework --unset" in result.stderr
    assert content_digest(reflect.db) == before
    reflect.ok("config", "framework", "--unset", env=no_override)  # the way out works
    assert reflect.ok("list", env=no_override)


@pytest.mark.parametrize("device", ["/dev/full", "/dev/zero", "/dev/null"])
def test_a_device_as_framework_file_is_refused_without_reading_it(reflect, device):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    assert_clean_failure(reflect("standards", "--framework", device), "not a regular file")


def test_a_folder_as_framework_file(reflect, tmp_path):
    assert_clean_failure(reflect("standards", "--framework", str(tmp_path)), "not a regular file")


# -- criteria the framework no longer has --------------------------------------------------


@pytest.fixture
def cites_unknown(reflect):
    """Entry 1 cites NOPE.P1, which no framework has (as after a framework update)."""
    with open_journal(reflect.db) as j:
        j.entries.add(day=date(2026, 11, 2), title="Old evidence", criteria=["NOPE.P1", "BAKE01.P1"],
                      skills=["gone-skill"])
    return reflect


def test_entry_citing_unknown_criterion_is_listed(cites_unknown):
    out = cites_unknown.ok("list")
    assert "Old evidence" in out and "2 criteria" in out
    assert "gone-skill (unknown meta-skill)" in out


def test_entry_citing_unknown_criterion_is_shown_as_unknown(cites_unknown):
    out = cites_unknown.ok("show", "1")
    assert "NOPE.P1" in out and "(unknown criterion" in out
    assert "BAKE01.P1" in out


def test_unknown_criterion_survives_an_edit(cites_unknown):
    cites_unknown.ok("edit", "1", "--title", "Renamed")
    assert cites_unknown.json("show", "1")["criteria"] == ["BAKE01.P1", "NOPE.P1"]


def test_unknown_criterion_is_kept_in_json_and_filters(cites_unknown):
    assert cites_unknown.json("list")[0]["criteria"] == ["BAKE01.P1", "NOPE.P1"]
    assert [e["id"] for e in cites_unknown.json("list", "--unit", "BAKE01")] == [1]


@pytest.mark.parametrize("command", READING + WRITING + [("doctor",), ("backup",)], ids=" ".join)
def test_a_named_pipe_as_journal_is_refused_without_waiting(reflect, command):
    os.mkfifo(reflect.db)
    result = reflect(*command)  # the runner's timeout fails the test if reflect waits on the pipe
    assert result.returncode in (1, 2) and "Traceback" not in result.stderr
    assert "not a regular file" in result.stderr + result.stdout
