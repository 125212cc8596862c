"""The app while another process holds the journal's write lock (as a long import does): it
keeps taking keys, says the journal is busy, keeps the draft in a private side file, and moves
the draft into the journal once the lock is let go."""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
import textwrap

import pytest
from textual.widgets import TextArea

from reflect.store import side_files
from reflect.tui.screens.editor import EditorScreen
from tests.tui.conftest import settle, wait_until as until

# What `reflect import` does for its whole length: one write transaction.
HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE IF NOT EXISTS holder_was_here (x)")
    print("locked", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
""")


@pytest.fixture
def lock_holder(journal):
    """A real process holding the journal's write lock until ``release()`` is called."""
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(journal.path)], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "locked"

    def release():
        if proc.poll() is None:
            proc.stdin.write("go\n")
            proc.stdin.flush()
            proc.wait(timeout=30)
    yield release
    release()


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


async def test_typing_while_another_process_holds_the_lock_keeps_the_draft_beside_and_then_in(
        make, journal, lock_holder):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Long import day", "tab", *"First words")
        editor = app.screen
        assert isinstance(editor, EditorScreen)
        # The autosave meets the lock: the draft goes beside the journal and the app says so.
        await until(pilot, lambda: editor.aside is not None, "keeping the draft beside the busy journal")
        await until(pilot, lambda: editor.told_busy, "saying the journal is busy (after a moment)")
        assert any("journal is busy" in m for m in notifications(app))
        assert "journal busy" in editor.query_one("#body", TextArea).border_subtitle
        side = editor.aside.path
        assert stat.S_IMODE(side.stat().st_mode) == 0o600
        assert stat.S_IMODE(side.parent.stat().st_mode) == 0o700
        assert side.parent == journal.path.parent / "unsaved"

        # Typing carries on while the lock is still held, and the side file follows it.
        await pilot.press(*" and more")
        assert editor.query_one("#body", TextArea).text == "First words and more"
        await until(pilot, lambda: "First words and more" in side.read_text(), "the side file following the typing")
        assert journal.drafts.pending() == []  # still nothing could go into the journal

        lock_holder()  # the import ends
        await until(pilot, lambda: editor.aside is None, "moving the draft into the journal")
        [draft] = journal.drafts.pending()
        assert (draft.data["title"], draft.data["body"]) == ("Long import day", "First words and more")
        assert not side.exists()
        assert any("free again" in m for m in notifications(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
    [entry] = journal.entries.list().rows
    assert entry.title == "Long import day"
    assert journal.drafts.pending() == []


async def test_saving_while_busy_waits_its_turn_without_freezing(make, journal, lock_holder):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Busy save", "tab", *"Words to keep", "ctrl+s")
        editor = app.screen
        await until(pilot, lambda: editor.told_busy, "saying the journal is busy")
        assert any("journal is busy" in m for m in notifications(app))
        # Still writing while the save waits: keys keep arriving.
        await pilot.press(*", more")
        assert editor.query_one("#body", TextArea).text == "Words to keep, more"
        assert journal.entries.count() == 0
        lock_holder()
        # The save goes through by itself once the journal is free.
        await until(pilot, lambda: journal.entries.count() == 1, "saving once the journal is free")
        await until(pilot, lambda: any(m.startswith('Saved "Busy save"') for m in notifications(app)),
                    "saying it saved")
        assert not editor.told_busy and editor.aside is None
    [entry] = journal.entries.list().rows
    assert journal.entries.get(entry.id).body == "Words to keep, more"  # what was there when it went in
    assert journal.drafts.pending() == []


async def test_a_closed_editor_draft_still_beside_the_journal_goes_in_once_free(make, journal, lock_holder):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Left while busy", "tab", *"Keep me")
        editor = app.screen
        await until(pilot, lambda: editor.aside is not None, "keeping the draft beside the busy journal")
        side = editor.aside.path
        editor.close()  # leave with the changes unsaved: they stay a draft
        await until(pilot, lambda: not isinstance(app.screen, EditorScreen), "leaving the editor")
        assert app.recovery.kept_aside and side.exists()
        lock_holder()
        await until(pilot, lambda: not app.recovery.kept_aside, "moving the draft in")
        assert not side.exists()
    [draft] = journal.drafts.pending()
    assert draft.data["body"] == "Keep me"


async def test_discarding_while_busy_removes_the_side_file_too(make, journal, lock_holder):
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("n", *"Not wanted", "tab", *"Throw me away")
        editor = app.screen
        await until(pilot, lambda: editor.aside is not None, "keeping the draft beside the busy journal")
        side = editor.aside.path
        await pilot.press("escape", "d")
        await until(pilot, lambda: not isinstance(app.screen, EditorScreen), "leaving the editor")
        assert not side.exists() and not app.recovery.kept_aside
    lock_holder()
    assert journal.drafts.pending() == []


async def test_a_draft_left_beside_the_journal_by_a_killed_app_is_offered_at_the_next_start(
        make, journal, journal_path):
    # What a killed app leaves: a side file whose process has gone.
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    side = side_files.new_side_file(journal_path, side_files.APP, side_files.app_side_text(
        None, None, {"day": "23/11/2026", "title": "From a killed app", "body": "Words from before"}))
    dead = side.path.with_name(side.path.name.replace(f".{side.pid}.", f".{proc.stdout.strip()}.", 1))
    side.path.rename(dead)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await asyncio.sleep(0)
        assert [d.title for d in journal.drafts.pending()] == ["From a killed app"]
        assert not dead.exists()
