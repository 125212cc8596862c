"""Text written in ``$EDITOR`` survives a killed reflect: it is in a private side file beside
the journal, offered back by the next `reflect add` (or `reflect edit N`, or the app), and
swept once it is saved. Real processes, killed with SIGKILL while the editor (a script that
writes and then sleeps) is still open."""

from __future__ import annotations

import os
import pty
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reflect.journal import open_journal
from reflect.store import side_files
from tests.reliability.conftest import fill

WORDS = "Killed mid-thought: the refund that went wrong, and what I would do next time."


def script(folder: Path, name: str, body: str) -> str:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o700)
    return str(path)


@pytest.fixture
def setting(tmp_path):
    journal = tmp_path / "data" / "journal.db"
    fill(journal, 1)
    tools = tmp_path / "tools"
    tools.mkdir()
    writes_then_sleeps = script(tools, "slow-editor", f"printf '%s\\n' '{WORDS}' > \"$1\"\n"
                                f"echo $$ > {tools}/editor.pid\nexec sleep 60\n")
    appends = script(tools, "quick-editor", "printf 'And I finished it later.\\n' >> \"$1\"\n")
    env = dict(os.environ, REFLECT_DB=str(journal), NO_COLOR="1")
    return journal, tools, env, writes_then_sleeps, appends


def run_in_terminal(args: list[str], env: dict) -> subprocess.CompletedProcess:
    controller, terminal = pty.openpty()
    try:
        return subprocess.run([sys.executable, "-m", "reflect", *args], stdin=terminal, env=env,
                              capture_output=True, text=True, timeout=60)
    finally:
        os.close(terminal)
        os.close(controller)


def kill_while_editing(args: list[str], env: dict, journal: Path, tools: Path) -> Path:
    """Start reflect with the slow editor, wait until the words are written, SIGKILL reflect
    (and then the orphaned editor); return the side file the words are in."""
    controller, terminal = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "reflect", *args], stdin=terminal, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(terminal)
    folder = side_files.side_folder(journal)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            found = [p for p in folder.glob("*.md") if WORDS in p.read_text(errors="replace")] if folder.exists() else []
            if found and (tools / "editor.pid").exists():
                break
            time.sleep(0.05)
        else:
            pytest.fail("the editor never wrote the words")
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(controller)
        pid = (tools / "editor.pid").read_text().strip()
        try:
            os.kill(int(pid), signal.SIGKILL)
        except ProcessLookupError:
            pass
        (tools / "editor.pid").unlink()
    [side] = found
    return side


def test_add_killed_in_the_editor_keeps_the_words_and_the_next_add_offers_them(setting):
    journal, tools, env, slow, quick = setting
    side = kill_while_editing(["add"], dict(env, EDITOR=slow), journal, tools)
    assert stat.S_IMODE(side.stat().st_mode) == 0o600
    assert stat.S_IMODE(side.parent.stat().st_mode) == 0o700
    assert side.parent.parent == journal.parent  # beside the journal, not in /tmp
    with open_journal(journal) as j:
        assert j.entries.count() == 1  # nothing saved: the words are only in the side file

    # A script adding an entry is never held up, but is told.
    other = subprocess.run([sys.executable, "-m", "reflect", "add", "--title", "Other", "text"], env=env,
                           capture_output=True, text=True, timeout=60)
    assert other.returncode == 0 and "never saved" in other.stderr and "`reflect add`" in other.stderr
    assert side.exists()

    again = run_in_terminal(["add"], dict(env, EDITOR=quick))
    assert again.returncode == 0, again.stderr
    assert "never saved" in again.stderr and "opening the text you wrote" in again.stderr
    with open_journal(journal) as j:
        bodies = [j.entries.get(e.id).body for e in j.entries.list().rows]
    assert f"{WORDS}\nAnd I finished it later.\n" in bodies
    assert list(side.parent.iterdir()) == []  # swept once saved

    third = run_in_terminal(["add"], dict(env, EDITOR=quick))
    assert "never saved" not in third.stderr  # offered once, not for ever


def test_edit_killed_in_the_editor_is_offered_by_the_next_edit_of_that_entry(setting):
    journal, tools, env, slow, quick = setting
    side = kill_while_editing(["edit", "1"], dict(env, EDITOR=slow), journal, tools)
    with open_journal(journal) as j:
        assert WORDS not in j.entries.get(1).body
    again = run_in_terminal(["edit", "1"], dict(env, EDITOR=quick))
    assert again.returncode == 0, again.stderr
    assert "unsaved changes to entry 1" in again.stderr
    with open_journal(journal) as j:
        assert j.entries.get(1).body == f"{WORDS}\nAnd I finished it later.\n"
    assert not side.exists()


async def test_the_app_takes_left_over_editor_text_into_its_drafts(setting, framework):
    from reflect.tui.dialogs.common import RecoverDraft
    from reflect.tui.factory import make_app

    journal, tools, env, slow, _ = setting
    side = kill_while_editing(["add"], dict(env, EDITOR=slow), journal, tools)
    with open_journal(journal) as j:
        app = make_app(j, framework, blink=False, catch_bugs=False)
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(100):  # the app offers drafts once it has started
                if isinstance(app.screen, RecoverDraft):
                    break
                await pilot.pause(0.05)
            assert isinstance(app.screen, RecoverDraft)
            [draft] = j.drafts.pending()
    assert draft.data["body"] == WORDS + "\n"
    assert not side.exists()


def test_an_editor_that_fails_leaves_nothing_behind(setting):
    journal, tools, env, _, _ = setting
    failing = script(tools, "failing-editor", "printf 'half' > \"$1\"\nexit 3\n")
    result = run_in_terminal(["add"], dict(env, EDITOR=failing))
    assert result.returncode == 2 and "status 3" in result.stderr
    assert list(side_files.side_folder(journal).iterdir()) == []
