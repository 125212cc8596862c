"""`reflect doctor`: finds what is wrong, says what to do, changes nothing (unless --fix)."""

import json
import os
import sqlite3
from datetime import date

import pytest

from reflect.store.doctor import NOTE, OK, PROBLEM, examine, healthy
from reflect.journal import open_journal
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.conftest import content_digest
from tests.test_cli_entries import reflect  # noqa: F401 (fixture)


def by_check(findings):
    return {f.check: f for f in findings}


def test_healthy_journal(filled, framework):
    findings = examine(filled, framework)
    assert healthy(findings)
    levels = by_check(findings)
    assert levels["integrity"].level == OK and levels["search"].level == OK
    assert levels["backups"].level == NOTE  # none made yet


def test_doctor_changes_nothing(filled, framework):
    before = content_digest(filled)
    examine(filled, framework)
    assert content_digest(filled) == before


def test_readable_by_others_is_a_problem_with_the_fix(filled, framework):
    os.chmod(filled, 0o644)
    finding = by_check(examine(filled, framework))["permissions"]
    assert finding.level == PROBLEM
    assert f"chmod 600 {filled}" in finding.advice


def test_on_windows_modes_are_not_checked_and_the_finding_says_why(filled, framework, monkeypatch):
    os.chmod(filled, 0o644)  # loose on Linux; on Windows the folder's access list decides
    monkeypatch.setattr("sys.platform", "win32")
    finding = by_check(examine(filled, framework))["permissions"]
    assert finding.level == OK and "access list" in finding.message


def test_search_index_out_of_step_is_found(filled, framework):
    conn = sqlite3.connect(filled)
    # Change the text behind the index's back (as a crash in an old version might have).
    conn.execute("DROP TRIGGER entries_au")
    conn.execute("UPDATE entries SET body = 'completely different words' WHERE id = 1")
    conn.commit()
    conn.close()
    finding = by_check(examine(filled, framework))["search"]
    assert finding.level == PROBLEM and "--fix" in finding.advice


def test_broken_links_are_found(filled, framework):
    conn = sqlite3.connect(filled)  # foreign keys are off on a bare connection
    conn.execute("INSERT INTO entry_skills (entry_id, skill_id) VALUES (999, 'focus')")
    conn.commit()
    conn.close()
    finding = by_check(examine(filled, framework))["links"]
    assert finding.level == PROBLEM and "entry_skills" in finding.message


def test_unknown_criteria_are_a_note_with_entry_ids(filled, tiny_framework):
    finding = by_check(examine(filled, tiny_framework))["criteria"]
    assert finding.level == NOTE
    assert "entries 1, 2, 3" in finding.message
    assert finding.details == [{"criterion": "INSCS009.P8", "entries": [1, 2, 3]}]


def test_drafts_waiting_are_a_note(filled, framework):
    with open_journal(filled) as j:
        j.drafts.save({"title": "half done"})
    assert by_check(examine(filled, framework))["drafts"].level == NOTE


def test_not_sqlite_is_a_problem(tmp_path, framework):
    path = tmp_path / "journal.db"
    path.write_text("just text")
    os.chmod(path, 0o600)
    assert by_check(examine(path, framework))["file"].level == PROBLEM


def test_damaged_file_is_a_problem(filled, framework):
    data = bytearray(filled.read_bytes())
    data[4096 * 2: 4096 * 4] = b"\x07" * 8192  # scribble over some pages
    filled.write_bytes(bytes(data))
    assert not healthy(examine(filled, framework))


def test_older_schema_is_a_note(tmp_path, framework):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript((TINY_FRAMEWORK.parent / "journal_v1.sql").read_text())
    conn.close()
    os.chmod(path, 0o600)
    assert by_check(examine(path, framework))["schema"].level == NOTE
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # not upgraded by looking
    conn.close()


# -- the command ----------------------------------------------------------------------------


def test_doctor_exit_0_when_healthy(reflect):
    reflect.ok("add", "fine")
    reflect.ok("backup")
    out = reflect.ok("doctor")
    assert "All is well." in out


def test_doctor_exit_1_and_advice_on_problems(reflect):
    reflect.ok("add", "fine")
    os.chmod(reflect.db, 0o644)
    result = reflect("doctor")
    assert result.returncode == 1
    assert "PROBLEM" in result.stdout and "chmod 600" in result.stdout


def test_doctor_json(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "fine")
    result = reflect("doctor", "--json", "--framework", str(TINY_FRAMEWORK))
    data = json.loads(result.stdout)
    assert data["healthy"] is True
    assert {f["check"] for f in data["findings"]} >= {"integrity", "links", "search", "permissions", "backups"}


def test_doctor_reports_a_broken_framework_setting(reflect, tmp_path):
    reflect.ok("add", "fine")
    fw = tmp_path / "fw.json"
    fw.write_text(TINY_FRAMEWORK.read_text())
    env = {"REFLECT_FRAMEWORK": ""}
    reflect.ok("config", "framework", str(fw), env=env)
    fw.unlink()
    result = reflect("doctor", env=env)
    assert result.returncode == 1
    assert "framework in use cannot be loaded" in result.stdout


def test_doctor_fix_rebuilds_the_search_index(reflect):
    reflect.ok("add", "--title", "Till", "the customer was happy")
    conn = sqlite3.connect(reflect.db)
    conn.execute("DROP TRIGGER entries_au")
    conn.execute("UPDATE entries SET body = 'refund given' WHERE id = 1")
    conn.commit()
    conn.close()
    assert reflect("doctor").returncode == 1
    assert "rebuilt" in reflect.ok("doctor", "--fix")
    assert [e["id"] for e in reflect.json("search", "refund")] == [1]


@pytest.mark.parametrize("content", [b"", b"garbage"])
def test_doctor_on_a_missing_or_bad_journal_does_not_create_one(reflect, content):
    if content:
        reflect.db.write_bytes(content)
    result = reflect("doctor")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert (reflect.db.read_bytes() == content) if content else not reflect.db.exists()
