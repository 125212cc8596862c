"""`reflect export` and `reflect import` run as a person runs them."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

from tests.export.test_import_jrnl import SAMPLES
from tests.test_cli_entries import assert_clean_failure


def add_some(reflect) -> None:
    reflect.ok("add", "--date", "2026-11-02", "--title", "Stock count", "--skill", "kneading", "Counted.")
    reflect.ok("add", "--date", "2026-11-20", "--title", "Diary", "--private", "my secret")
    reflect.ok("add", "--date", "2026-11-24", "--title", "Busy Saturday", "--criterion", "BAKE01.P2",
               input="# What happened\n\nForty loaves.\n")


def test_export_writes_a_private_file_in_journals(reflect_here):
    add_some(reflect_here)
    out = reflect_here.ok("export")
    path = reflect_here.cwd / "journals" / f"{date.today().isoformat()}-reflections.md"
    assert out == f"Exported 2 entries to journals/{path.name} (1 private entry left out; --include-private adds them).\n"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert "Forty loaves." in path.read_text() and "my secret" not in path.read_text()


def test_export_of_a_period_is_named_by_it(reflect_here):
    add_some(reflect_here)
    reflect_here.ok("export", "--from", "1/11/2026", "--to", "30/11/2026")
    assert (reflect_here.cwd / "journals" / "2026-11-01-to-2026-11-30-reflections.md").exists()


def test_export_never_overwrites_without_force(reflect_here):
    add_some(reflect_here)
    target = reflect_here.cwd / "mentor.md"
    target.write_text("the mentor's annotated copy")
    result = reflect_here("export", "-o", "mentor.md")
    assert_clean_failure(result, "mentor.md already exists; use --force to replace it.")
    assert target.read_text() == "the mentor's annotated copy"
    assert [p.name for p in reflect_here.cwd.iterdir()] == ["mentor.md"]  # no temporary file left
    reflect_here.ok("export", "-o", "mentor.md", "--force")
    assert "Busy Saturday" in target.read_text()


def test_export_to_stdout_streams_the_file(reflect_here):
    add_some(reflect_here)
    result = reflect_here("export", "-o", "-")
    assert result.returncode == 0
    assert result.stdout.startswith("---\nreflect_export: 1\n")
    assert result.stdout.endswith("<!-- reflect:end -->\n")
    assert "1 private entry left out" in result.stderr
    assert not (reflect_here.cwd / "journals").exists()


def test_include_private_and_filters(reflect_here):
    add_some(reflect_here)
    text = reflect_here.ok("export", "-o", "-", "--include-private", "--from", "2026-11-10")
    assert "my secret" in text and "Stock count" not in text
    text = reflect_here.ok("export", "-o", "-", "--skill", "Kneading")
    assert "Stock count" in text and "Busy Saturday" not in text


def test_export_into_a_folder_uses_the_default_name(reflect_here):
    add_some(reflect_here)
    (reflect_here.cwd / "out").mkdir()
    reflect_here.ok("export", "-o", "out")
    assert (reflect_here.cwd / "out" / f"{date.today().isoformat()}-reflections.md").exists()


def test_export_with_unknown_skill_fails_cleanly(reflect_here):
    assert_clean_failure(reflect_here("export", "--skill", "telepathy"), 'Unknown meta-skill "telepathy"')


def test_round_trip_through_files(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("export", "--include-private", "-o", "all.md")
    other = {"REFLECT_DB": str(tmp_path / "other.db")}
    result = reflect_here("import", "all.md", env=other)
    assert result.returncode == 0 and result.stdout == "Imported 3 entries from all.md.\n"
    again = reflect_here("import", "all.md", env=other)
    assert again.stdout == "Imported 0 entries from all.md; skipped 3 already in the journal.\n"
    original = reflect_here.json("list")
    imported = json.loads(reflect_here("list", "--json", env=other).stdout)
    keys = ("uid", "date", "title", "body", "skills", "criteria", "private")
    assert [{k: e[k] for k in keys} for e in imported] == [{k: e[k] for k in keys} for e in original]


def test_import_with_db_option(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("export", "-o", "some.md")
    reflect_here.ok("--db", str(tmp_path / "third.db"), "import", "some.md")
    assert len(reflect_here.json("list", "--db", str(tmp_path / "third.db"))) == 2


def test_import_of_a_damaged_file_imports_nothing(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("export", "-o", "some.md")
    path = reflect_here.cwd / "some.md"
    path.write_text(path.read_text().replace('"date": "2026-11-24"', '"date": "yesterday"'))
    other = {"REFLECT_DB": str(tmp_path / "other.db")}
    assert_clean_failure(reflect_here("import", "some.md", env=other), "Nothing was imported.")
    assert reflect_here("list", "--json", env=other).stdout.strip() == "[]"


def test_import_of_something_else_is_refused(reflect_here):
    (reflect_here.cwd / "notes.md").write_text("# My notes\n")
    assert_clean_failure(reflect_here("import", "notes.md"), "notes.md is not a reflect export")
    assert_clean_failure(reflect_here("import", "missing.md"), "No such file: missing.md")


def test_import_dry_run(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("export", "-o", "some.md")
    other = {"REFLECT_DB": str(tmp_path / "other.db")}
    assert reflect_here("import", "--dry-run", "some.md", env=other).stdout == "Would import 2 entries from some.md.\n"
    assert reflect_here("list", "--json", env=other).stdout.strip() == "[]"


def test_import_jrnl(reflect_here):
    out = reflect_here.ok("import", "--from", "jrnl", str(SAMPLES / "journal.txt"),
                          "--framework", str(Path(__file__).parent.parent.parent / "data" / "standards.json"))
    assert out.startswith(f"Imported 5 entries from {SAMPLES / 'journal.txt'}.\n")
    assert "3 entries have meta-skills from their @tags." in out
    listed = reflect_here.json("list")
    assert [e["date"] for e in listed] == ["2026-11-20", "2026-11-02", "2026-10-12", "2026-09-03", "2026-09-01"]


def test_help_has_examples(reflect_here):
    for command in ("export", "import"):
        assert "examples:" in reflect_here.ok(command, "--help")


def test_import_notes_a_different_framework(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("export", "-o", "some.md")
    bundled = str(Path(__file__).parent.parent.parent / "data" / "standards.json")
    out = reflect_here.ok("import", "some.md", "--framework", bundled, env={"REFLECT_DB": str(tmp_path / "o.db")})
    assert 'exported with the framework "tiny-bakery"' in out
