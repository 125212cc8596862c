"""`reflect attach`, `attachments`, `detach` and `attachment`, run as a person runs them."""

from __future__ import annotations

import os
import stat

import pytest

from tests.attachments import samples
from tests.cli_runner import Reflect


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    r = Reflect(tmp_path)
    r.ok("add", "--title", "Thank-you card", "--date", "20/11/2026", "A customer wrote to the team.")
    return r


def one_line_failure(result, text: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert text in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_attach_then_list_in_words_and_json(reflect, tmp_path):
    (tmp_path / "card.jpg").write_bytes(samples.png(40, 30))
    (tmp_path / "rota.xlsx").write_bytes(samples.office("xl/workbook.xml"))
    out = reflect.ok("attach", "1", str(tmp_path / "card.jpg"), str(tmp_path / "rota.xlsx"))
    assert "Attached card.jpg (" in out and "PNG image) to entry 1." in out
    lines = reflect.ok("attachments", "1").splitlines()
    assert lines[0].split() == ["card.jpg", str(len(samples.png(40, 30))), "bytes", "PNG", "image"]
    assert lines[1].split()[0] == "rota.xlsx" and lines[1].endswith("Excel spreadsheet")
    listed = reflect.json("attachments", "1")
    assert [(a["name"], a["type"]) for a in listed] == [
        ("card.jpg", "image/png"),
        ("rota.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]


def test_attach_is_all_or_nothing(reflect, tmp_path):
    (tmp_path / "ok.txt").write_text("fine")
    result = reflect("attach", "1", str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt"))
    one_line_failure(result, "No such file")
    assert reflect.json("attachments", "1") == []


def test_attach_to_a_missing_entry_says_so(reflect, tmp_path):
    (tmp_path / "ok.txt").write_text("fine")
    one_line_failure(reflect("attach", "7", str(tmp_path / "ok.txt")), "No entry 7")


def test_detach_and_undo(reflect, tmp_path):
    (tmp_path / "note.txt").write_text("note")
    reflect.ok("attach", "1", str(tmp_path / "note.txt"))
    out = reflect.ok("detach", "1", "note.txt")
    assert "`reflect detach 1 note.txt --undo` puts it back" in out
    assert reflect.json("attachments", "1") == []
    assert [a["name"] for a in reflect.json("attachments", "1", "--detached")] == ["note.txt"]
    assert "Put note.txt back on entry 1." in reflect.ok("detach", "1", "note.txt", "--undo")
    assert [a["name"] for a in reflect.json("attachments", "1")] == ["note.txt"]


def test_emptying_the_trash_removes_detached_files(reflect, tmp_path):
    (tmp_path / "note.txt").write_text("note")
    reflect.ok("attach", "1", str(tmp_path / "note.txt"))
    reflect.ok("detach", "1", "note.txt")
    assert "Removed 0 entries and 1 detached attachments for good." in reflect.ok("trash", "empty", "--yes")
    one_line_failure(reflect("detach", "1", "note.txt", "--undo"), 'no detached attachment "note.txt"')


def test_detach_a_name_that_is_not_there_lists_what_is(reflect, tmp_path):
    (tmp_path / "note.txt").write_text("note")
    reflect.ok("attach", "1", str(tmp_path / "note.txt"))
    one_line_failure(reflect("detach", "1", "nope.pdf"), 'no attachment "nope.pdf" (it has: note.txt)')


def test_save_a_copy_private_and_never_over_a_file(reflect, tmp_path):
    (tmp_path / "card.png").write_bytes(samples.png())
    reflect.ok("attach", "1", str(tmp_path / "card.png"))
    out_dir = tmp_path / "copies"
    assert "Saved card.png" in reflect.ok("attachment", "1", "card.png", "--out", f"{out_dir}/")
    saved = out_dir / "card.png"
    assert saved.read_bytes() == samples.png()
    assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    one_line_failure(reflect("attachment", "1", "card.png", "--out", str(saved)), "already exists; use --force")
    reflect.ok("attachment", "1", "card.png", "--out", str(saved), "--force")


def test_a_copy_never_replaces_the_journal(reflect, tmp_path):
    (tmp_path / "card.png").write_bytes(samples.png())
    reflect.ok("attach", "1", str(tmp_path / "card.png"))
    result = reflect("attachment", "1", "card.png", "--out", str(reflect.db), "--force")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert reflect.db.read_bytes()[:16] == b"SQLite format 3\x00"


def test_open_writes_a_private_copy_and_starts_the_viewer(reflect, tmp_path, monkeypatch):
    from reflect import system

    opened = []
    monkeypatch.setattr(system, "open_with_viewer", lambda target: opened.append(target))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    (tmp_path / "certificate").write_bytes(samples.pdf())  # no extension: the copy gets .pdf
    reflect.ok("attach", "1", str(tmp_path / "certificate"))
    reflect.ok("attachment", "1", "certificate", "--open", env={"TMPDIR": str(tmp_path)})
    [path] = opened
    assert path.name == "certificate.pdf" and path.read_bytes() == samples.pdf()
    assert path.parent.parent.name.startswith("reflect-open-")
    assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_the_commands_run_in_a_real_process(tmp_path):
    reflect = Reflect(tmp_path, process=True)
    reflect.ok("add", "--title", "Card", "--no-advice", "Text.")
    (tmp_path / "card.png").write_bytes(samples.png())
    assert "Attached card.png" in reflect.ok("attach", "1", str(tmp_path / "card.png"))
    import subprocess
    import sys

    from tests.cli_runner import ROOT

    copied = subprocess.run([sys.executable, "-m", "reflect", "attachment", "1", "card.png", "--out", "-"],
                            capture_output=True, env=reflect.env | {"PYTHONPATH": str(ROOT)}, timeout=60)
    assert copied.returncode == 0 and copied.stdout == samples.png()  # bytes, as they are
    assert "card.png" in reflect.ok("attachments", "1")


def test_show_names_the_attached_files(reflect, tmp_path):
    (tmp_path / "card.png").write_bytes(samples.png())
    assert "Attached:" not in reflect.ok("show", "1")
    reflect.ok("attach", "1", str(tmp_path / "card.png"))
    assert f"Attached: card.png ({len(samples.png())} bytes, PNG image)" in reflect.ok("show", "1")
    [listed] = reflect.json("show", "1")["attachments"]
    assert (listed["name"], listed["type"], listed["size"]) == ("card.png", "image/png", len(samples.png()))


def test_a_backup_carries_the_files_and_restoring_it_brings_them_back(reflect, tmp_path):
    (tmp_path / "card.png").write_bytes(samples.png())
    reflect.ok("attach", "1", str(tmp_path / "card.png"))
    reflect.ok("backup", str(tmp_path / "safe.db"))
    reflect.ok("detach", "1", "card.png")
    reflect.ok("trash", "empty", "--yes")
    assert reflect.json("attachments", "1") == []
    reflect.ok("restore-backup", str(tmp_path / "safe.db"), input="y\n")
    reflect.ok("attachment", "1", "card.png", "--out", str(tmp_path / "back.png"))
    assert (tmp_path / "back.png").read_bytes() == samples.png()


def test_a_file_whose_name_is_not_utf8_can_be_attached(tmp_path):
    """A real process: only there do arguments arrive as bytes."""
    import subprocess
    import sys

    from tests.cli_runner import ROOT

    reflect = Reflect(tmp_path)
    reflect.ok("add", "--title", "Receipt", "--no-advice", "Text.")
    path = os.path.join(os.fsencode(tmp_path), b"caf\xe9 receipt.pdf")
    with open(path, "wb") as handle:
        handle.write(samples.pdf())
    env = reflect.env | {"PYTHONPATH": str(ROOT), "LC_ALL": "C.UTF-8"}
    done = subprocess.run([sys.executable.encode(), b"-m", b"reflect", b"attach", b"1", path],
                          capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"Attached caf_ receipt.pdf" in done.stdout
    missing = subprocess.run([sys.executable.encode(), b"-m", b"reflect", b"attach", b"1", path + b".gone"],
                             capture_output=True, env=env, cwd=ROOT, timeout=60)
    assert missing.returncode == 2 and b"not valid UTF-8" in missing.stderr


def test_list_marks_entries_with_files_within_80_columns_and_json_counts_them(reflect, tmp_path):
    reflect.ok("add", "--kind", "witness", "--witness", "Amy Reid", "--witness-role", "Team leader",
               "--date", "21/11/2026", "--title", "Amy watched me settle a long queue at the returns desk on a "
               "busy Saturday", "Seen at the tills.")
    reflect.ok("add", "--title", "Nothing attached", "--date", "22/11/2026", "Plain.")
    (tmp_path / "card.png").write_bytes(samples.png(20, 20))
    (tmp_path / "rota.txt").write_bytes(b"Saturday: tills")
    reflect.ok("attach", "1", str(tmp_path / "card.png"))
    reflect.ok("attach", "2", str(tmp_path / "card.png"), str(tmp_path / "rota.txt"))
    rows = {line.split()[0]: line for line in reflect.ok("list", env={"COLUMNS": "80"}).splitlines()}
    assert "1 file" in rows["1"][:80] and "2 files" in rows["2"][:80]
    assert "witness testimony" in rows["2"]
    assert "file" not in rows["3"]
    counts = {item["id"]: item["attachment_count"] for item in reflect.json("list")}
    assert counts == {1: 1, 2: 2, 3: 0}
    reflect.ok("detach", "2", "rota.txt")  # a detached file is no longer counted
    assert {item["id"]: item["attachment_count"] for item in reflect.json("list")}[2] == 1
    assert "1 file" in reflect.ok("search", "tills")
