"""`reflect review export` and `reflect import-feedback` run as a person runs them."""

from __future__ import annotations

import json
import os
import stat
from datetime import date

from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT
from tests.test_cli_entries import assert_clean_failure

TODAY = date.today().isoformat()


def add_some(reflect) -> None:
    reflect.ok("add", "--date", "2026-11-02", "--title", "Stock count", "--skill", "kneading", "Counted.")
    reflect.ok("add", "--date", "2026-11-20", "--title", "Diary", "--private", "my secret")
    reflect.ok("objective", "add", "Knead for ten minutes by the clock", "--deadline", "31/12/2099")


def test_review_pack_goes_to_journals_named_by_date_and_private(reflect_here):
    add_some(reflect_here)
    out = reflect_here.ok("review", "export")
    path = reflect_here.cwd / "journals" / f"{TODAY}-review-pack.md"
    assert out == (f"Wrote the review pack to journals/{path.name}: 1 reflection, 1 objective "
                   "(1 private reflection left out; --include-private adds them).\n")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    text = path.read_text()
    assert text.startswith('---\nreflect_export: 1\nkind: "review-pack"\n')
    assert "Stock count" in text and "my secret" not in text and "Diary" not in text


def test_html_pack_is_named_html_and_is_one_page(reflect_here):
    add_some(reflect_here)
    reflect_here.ok("review", "export", "--html")
    page = (reflect_here.cwd / "journals" / f"{TODAY}-review-pack.html").read_text()
    assert page.startswith("<!DOCTYPE html>") and 'lang="en-GB"' in page and "<script" not in page
    assert "my secret" not in page


def test_pack_of_a_chosen_period_is_named_by_it(reflect_here):
    add_some(reflect_here)
    reflect_here.ok("review", "export", "--from", "1/11/2026", "--to", "30/11/2026", "--include-private")
    text = (reflect_here.cwd / "journals" / "2026-11-01-to-2026-11-30-review-pack.md").read_text()
    assert "my secret" in text


def test_pack_never_overwrites_without_force(reflect_here):
    add_some(reflect_here)
    target = reflect_here.cwd / "pack.md"
    target.write_text("the mentor's annotated copy")
    assert_clean_failure(reflect_here("review", "export", "-o", "pack.md"), "pack.md already exists; use --force")
    assert target.read_text() == "the mentor's annotated copy"
    assert [p.name for p in reflect_here.cwd.iterdir()] == ["pack.md"]  # no temporary file left behind
    reflect_here.ok("review", "export", "-o", "pack.md", "--force")
    assert "Stock count" in target.read_text()


def test_pack_to_stdout(reflect_here):
    add_some(reflect_here)
    result = reflect_here("review", "export", "-o", "-", "--html")
    assert result.returncode == 0 and result.stdout.startswith("<!DOCTYPE html>")
    assert "to stdout" in result.stderr and "1 private reflection left out" in result.stderr
    assert not (reflect_here.cwd / "journals").exists()


def test_pack_with_a_bad_period_fails_cleanly(reflect_here):
    add_some(reflect_here)
    assert_clean_failure(reflect_here("review", "export", "--from", "30/11/2026", "--to", "1/11/2026"),
                         "would start")


def test_mentor_comments_come_back_once(reflect_here):
    add_some(reflect_here)
    reflect_here.ok("review", "export", "-o", "pack.md")
    pack = reflect_here.cwd / "pack.md"
    text = pack.read_text()
    text = text.replace(COMMENTS_HINT + "\n", COMMENTS_HINT + "\nGood count.\n", 1)
    text = text.replace(OBJECTIVE_COMMENTS_HINT + "\n", OBJECTIVE_COMMENTS_HINT + "\nTime it with a timer.\n", 1)
    pack.write_text(text.replace('mentor: ""', 'mentor: "Alex Smith"'))
    dry = reflect_here.ok("import-feedback", "pack.md", "--dry-run")
    assert dry.startswith("Would add 2 mentor comments from pack.md to the feedback log.\n")
    assert reflect_here.json("feedback", "list") == []
    out = reflect_here.ok("import-feedback", "pack.md")
    assert out.startswith("Added 2 mentor comments from pack.md to the feedback log.\n")
    assert "  + Mon 2 Nov 2026 — Stock count from Alex Smith: “Good count.”\n" in out
    feedback = reflect_here.json("feedback", "list")
    assert sorted((f["said"], f["source_kind"], f["source_name"]) for f in feedback) == [
        ("Good count.", "mentor", "Alex Smith"), ("Time it with a timer.", "mentor", "Alex Smith")]
    again = reflect_here.ok("import-feedback", "pack.md")
    assert again == "Nothing new in pack.md: its 2 mentor comments are already in the feedback log.\n"
    assert len(reflect_here.json("feedback", "list")) == 2


def test_import_feedback_refuses_other_files_in_one_line(reflect_here):
    notes = reflect_here.cwd / "notes.md"
    notes.write_text("# Notes\n\nNothing from reflect.\n")
    assert_clean_failure(reflect_here("import-feedback", "notes.md"), "notes.md is not a reflect export or review pack")
    assert_clean_failure(reflect_here("import-feedback", "missing.md"), "No such file: missing.md")


def test_import_feedback_refuses_a_pack_from_another_journal(reflect_here, tmp_path):
    add_some(reflect_here)
    reflect_here.ok("review", "export", "-o", "pack.md")
    pack = reflect_here.cwd / "pack.md"
    pack.write_text(pack.read_text().replace(COMMENTS_HINT + "\n", COMMENTS_HINT + "\nGood.\n", 1))
    other = {"REFLECT_DB": str(tmp_path / "other.db")}
    assert_clean_failure(reflect_here("import-feedback", "pack.md", env=other), "does not match this journal")
    assert json.loads(reflect_here("feedback", "list", "--json", env=other).stdout) == []
