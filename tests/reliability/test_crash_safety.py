"""Crash safety: the real app and the real export, killed with SIGKILL at awkward moments.

SIGKILL gives reflect no chance to tidy up, as a closed laptop lid, a killed terminal or a
power cut would not. Each test then looks at what is on disk, as the next reflect would.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.store.doctor import examine, healthy
from reflect.importers.export_reader import ExportReader
from reflect.journal import open_journal
from reflect.export.format import MARK_END
from reflect.framework.standards import load_framework
from reflect.tui.editor_state import EditorState
from tests.conftest import TINY_FRAMEWORK
from tests.reliability.terminal import AppInTerminal, poll, terminal_env
from tests.test_cli_entries import ROOT

pytestmark = pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs pseudo-terminals (POSIX)")

#: The promise: a kill loses at most the last this-many seconds of typing.
MAY_LOSE_SECONDS = 2.0
TYPING_SECONDS = 5.0


def _copy_journal(path: Path, folder: Path) -> Path:
    """Copy a journal as a killed process left it (with its -wal) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{path}{suffix}").exists():
            shutil.copy(f"{path}{suffix}", folder / f"{path.name}{suffix}")
    return folder / path.name


# -- killed while typing ------------------------------------------------------------------


@pytest.fixture(scope="module")
def killed_mid_edit(tmp_path_factory):
    """A person types a new reflection word by word; the app is SIGKILLed mid-sentence."""
    tmp = tmp_path_factory.mktemp("typing")
    db = tmp / "journal.db"
    env = terminal_env(tmp)
    rng = random.Random(4)
    with AppInTerminal(db, env) as app:
        app.open_new_entry()
        app.type("Crash test")
        typed = [(time.monotonic(), "Crash"), (time.monotonic(), "test")]
        app.press("tab", pause=0.5)  # to the reflection itself
        started = time.monotonic()
        n = 0
        while time.monotonic() - started < TYPING_SECONDS:
            word = f"refund{n}"
            app.type(word + " ", per_key=rng.uniform(0.005, 0.02))
            typed.append((time.monotonic(), word))
            time.sleep(rng.uniform(0.03, 0.2))  # thinking between words
            n += 1
        killed_at = app.kill()
    return {"db": db, "env": env, "typed": typed, "killed_at": killed_at}


def _draft_words(db: Path) -> list[str]:
    """The words of the one draft, title then text. (Which of the two a word went to depends on
    when the app moved the focus, so the test does not rely on it.)"""
    with open_journal(db) as journal:
        drafts = journal.drafts.pending()
    assert len(drafts) == 1, drafts
    return (drafts[0].data["title"] + " " + drafts[0].data["body"]).split()


def test_killed_mid_edit_loses_at_most_the_last_two_seconds(killed_mid_edit):
    typed, killed_at = killed_mid_edit["typed"], killed_mid_edit["killed_at"]
    kept = _draft_words(killed_mid_edit["db"])
    must_keep = [word for at, word in typed if at <= killed_at - MAY_LOSE_SECONDS]
    assert len(must_keep) >= 10  # typing went on long enough for the promise to mean something
    assert kept[: len(must_keep)] == must_keep


def test_killed_mid_edit_keeps_the_words_in_order_without_garbage(killed_mid_edit):
    kept = _draft_words(killed_mid_edit["db"])
    everything = [word for _, word in killed_mid_edit["typed"]]
    # The last save may have come in the middle of a word (on a busy machine the keys of one
    # word arrive slowly): its last word is then the start of the word being typed.
    assert kept[:-1] == everything[: len(kept) - 1]
    assert everything[len(kept) - 1].startswith(kept[-1])


def test_after_a_kill_the_next_start_offers_the_draft_and_recovering_restores_it(killed_mid_edit, tmp_path):
    db = _copy_journal(killed_mid_edit["db"], tmp_path / "again")
    kept = _draft_words(db)
    with AppInTerminal(db, killed_mid_edit["env"]) as app:
        app.wait_for("Unsaved writing found")
        app.wait_for("Crash")  # the draft, by its title
        shown = app.mark()
        app.press("enter")  # recover
        app.wait_for("New reflection", since=shown)
        app.press("ctrl+s")

        entries = poll(lambda: _all_entries(db), "the recovered reflection to be saved")
        app.press("ctrl+q")
        assert app.wait_exit() == 0
    assert [(e.title + " " + e.body).split() for e in entries] == [kept]
    with open_journal(db) as journal:
        assert journal.drafts.pending() == []


# -- killed while saving ------------------------------------------------------------------

DRAFT = EditorState(day="20/11/2026", title="Busy Saturday", body="Kneaded forty loaves.\n\nThen the queue.",
                    skills=("kneading", "patience"), criteria=("BAKE01.P1", "SERVE02.K1"), private=True,
                    confidence=4)
#: When to kill, after ctrl+s: seconds later; "begin" (the save starts writing the journal's
#: log), "commit" (the log grows by the save's pages); "saved" (the entry can be read back).
MOMENTS = [0.0, 0.005, 0.015, 0.03, 0.06, "begin", "commit", "saved"]
WAL_HEADER = 32


@pytest.fixture(scope="module")
def journal_with_draft(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("draft") / "journal.db"
    with open_journal(path) as journal:
        journal.drafts.save(DRAFT.to_draft())
    return path


def _kill_while_saving(db: Path, env: dict, moment) -> None:
    wal = Path(f"{db}-wal")
    with AppInTerminal(db, env) as app:
        app.wait_for("Unsaved writing found")
        shown = app.mark()
        app.press("enter")
        app.wait_for("Meta-skills (2)", since=shown)  # the editor, filled from the draft
        before = _stamp(wal)
        app.press("ctrl+s", pause=0)
        if moment == "begin":
            poll(lambda: _stamp(wal) != before, "the save to start writing", every=0.0002)
        elif moment == "commit":
            size = max(before[0] if before else 0, WAL_HEADER)
            poll(lambda: (_stamp(wal) or (0,))[0] > size, "the save's pages in the log", every=0.0002)
        elif moment == "saved":
            poll(lambda: _entries(db), "the entry to be saved")
        else:
            time.sleep(moment)
        app.kill()


def _stamp(path: Path):
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    return info.st_size, info.st_mtime_ns


def _entries(db: Path) -> int:
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()


def _all_entries(db: Path) -> list:
    """Every entry in the journal, trash included, whole."""
    with open_journal(db) as journal:
        ids = [r[0] for r in journal.conn.execute("SELECT id FROM entries ORDER BY id")]
        return [journal.entries.get(i, include_trashed=True) for i in ids]


def _what_survived(db: Path) -> str:
    """"saved" (the entry, whole, and no draft) or "draft" (no entry, the draft intact)."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()
    entries = _all_entries(db)
    with open_journal(db) as journal:
        drafts = journal.drafts.pending()
    if entries:
        assert len(entries) == 1 and drafts == [], (entries, drafts)
        entry = entries[0]
        assert (entry.title, entry.body, entry.skills, entry.criteria, entry.private, entry.confidence) == (
            DRAFT.title, DRAFT.body, DRAFT.skills, DRAFT.criteria, True, 4)
        return "saved"
    assert [d.data for d in drafts] == [DRAFT.to_draft()]
    return "draft"


def test_a_kill_during_a_save_leaves_the_whole_entry_or_the_draft(journal_with_draft, tmp_path):
    env = terminal_env(tmp_path)
    framework = load_framework(TINY_FRAMEWORK)
    outcomes = []
    for n, moment in enumerate(MOMENTS):
        db = _copy_journal(journal_with_draft, tmp_path / f"run{n}")
        _kill_while_saving(db, env, moment)
        outcomes.append(_what_survived(db))
        findings = examine(db, framework)
        assert healthy(findings), [(f.check, f.message) for f in findings if f.level == "problem"]
    # Both sides of the save were met: killed before it (draft kept) and after it.
    assert outcomes[0] == "draft" and outcomes[-1] == "saved", outcomes


def test_reflect_doctor_finds_a_journal_killed_mid_save_healthy(journal_with_draft, tmp_path):
    db = _copy_journal(journal_with_draft, tmp_path / "run")
    _kill_while_saving(db, terminal_env(tmp_path), "commit")
    env = terminal_env(tmp_path) | {"REFLECT_FRAMEWORK": str(TINY_FRAMEWORK)}
    result = subprocess.run([sys.executable, "-m", "reflect", "--db", str(db), "doctor"], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


# -- killed while exporting -----------------------------------------------------------------

EXPORT_ENTRIES = 4000


@pytest.fixture(scope="module")
def killed_exports(tmp_path_factory):
    """A good export of a big journal, then `export --force` over it, SIGKILLed again and again."""
    from bench.compose import compose_entries
    from bench.reflect_writer import write_reflect_journal

    tmp = tmp_path_factory.mktemp("export")
    db = tmp / "journal.db"
    write_reflect_journal(db, compose_entries(EXPORT_ENTRIES, 3, load_framework()), 3)
    env = terminal_env(tmp)
    env.pop("REFLECT_FRAMEWORK")  # the journal cites the bundled framework's criteria
    folder = tmp / "out"
    folder.mkdir(mode=0o700)
    target = folder / "reflections.md"

    def export(*extra):
        return subprocess.Popen([sys.executable, "-m", "reflect", "--db", str(db), "export", "-o", str(target),
                                 *extra], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT)

    writing_time = _time_writing(export(), folder)
    good = target.read_bytes()
    results = []
    # From the very start of writing to well after the end, in proportion to this machine's speed
    # (ending with a kill mid-write, whose temporary file the next test looks at).
    for fraction in (0.0, 0.1, 0.25, 0.5, 0.75, 0.9, 2.0, 0.4):
        process = export("--force", "--include-private")
        _wait_until_writing(process, folder)
        time.sleep(fraction * writing_time)
        process.kill()
        process.wait(timeout=60)
        results.append((fraction, target.read_bytes()))
    return {"env": env, "export": export, "folder": folder, "target": target, "good": good, "results": results,
            "left": _temp_files(folder)}


def _wait_until_writing(process: subprocess.Popen, folder: Path) -> None:
    """Wait until ``process`` has made its temporary file (or ended)."""
    before = set(_temp_files(folder))
    poll(lambda: set(_temp_files(folder)) - before or process.poll() is not None,
         "the export to start writing", every=0.0005)


def _time_writing(process: subprocess.Popen, folder: Path) -> float:
    """Seconds ``process`` spends between making its temporary file and exiting."""
    _wait_until_writing(process, folder)
    started = time.monotonic()
    assert process.wait(timeout=120) == 0, process.stderr.read()
    return time.monotonic() - started


def _temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "reflections.md")


def _complete_export(data: bytes) -> int:
    """The number of entries in a whole export (fails on a partial one)."""
    text = data.decode("utf-8")
    assert text.rstrip("\n").endswith(MARK_END)
    import io

    reader = ExportReader(io.StringIO(text))
    count = sum(1 for _ in reader)
    assert count == reader.front_matter["counts"]["entries"]
    return count


def test_a_kill_during_an_export_leaves_the_old_file_or_the_whole_new_one(killed_exports):
    assert _complete_export(killed_exports["good"]) < EXPORT_ENTRIES  # private ones left out
    kept_old = 0
    for fraction, data in killed_exports["results"]:
        if data == killed_exports["good"]:
            kept_old += 1
        else:
            assert _complete_export(data) == EXPORT_ENTRIES, f"killed {fraction:.0%} of the way through"
    assert kept_old >= 1  # some kills did land mid-write


def test_the_next_export_removes_what_killed_exports_left(killed_exports):
    folder = killed_exports["folder"]
    # Each export swept what the one killed before it left, so only the last kill's file is there.
    [left] = killed_exports["left"]
    assert left.startswith(".reflections.md.reflect-") and left.endswith(".part")
    process = killed_exports["export"]("--force")
    assert process.wait(timeout=120) == 0, process.stderr.read()
    assert _temp_files(folder) == []
    assert killed_exports["target"].read_bytes() != b""
