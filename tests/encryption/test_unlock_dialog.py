"""The app's unlock dialog: a passphrase, three tries, a plain message, nothing changed.

The app itself on a locked journal (as `reflect` and the browser tab run it): the dialog comes
first, the journal screen only after the right passphrase.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input, Label

from reflect.errors import ReflectError
from reflect.framework.standards import load_framework
from reflect.journal import open_journal
from reflect.store import cipher, encryption
from reflect.tui.dialogs.unlock import UnlockDialog
from reflect.tui.factory import make_locked_app
from reflect.tui.screens.journal import JournalScreen
from tests.conftest import TINY_FRAMEWORK
from tests.encryption.conftest import PASSPHRASE
from tests.tui.conftest import wait_until

pytest.importorskip("sqlcipher3", reason="the encryption extra (sqlcipher3-binary) is not installed")


def _locked_app(path, opened: list):
    def open_it():
        journal = open_journal(path)
        opened.append(journal)
        return journal, load_framework(TINY_FRAMEWORK)
    return make_locked_app(path, open_it, blink=False, catch_bugs=False)


async def _type(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


@pytest.fixture
def locked(plain_journal):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    return path, before


async def test_the_right_passphrase_unlocks_after_a_wrong_one(locked):
    path, before = locked
    opened: list = []
    app = _locked_app(path, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockDialog), "the unlock dialog")
        await pilot.press("f3")  # the areas wait until the journal is open
        assert isinstance(app.screen, UnlockDialog) and app.journal is None
        await _type(pilot, "a guess")
        message = str(app.screen.query_one("#unlock-message", Label).render())
        assert "does not open this journal (2 tries left)" in message
        assert app.screen.query_one("#passphrase", Input).value == ""
        await _type(pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal screen")
        assert app.journal is opened[0]
        count = app.journal.conn.execute("SELECT count(*) FROM entries").fetchone()[0]
        assert count == before["entries"]
        await pilot.press("ctrl+q")
    for journal in opened:
        journal.close()


async def test_three_wrong_passphrases_give_up_and_change_nothing(locked):
    path, _ = locked
    before = path.read_bytes()
    opened: list = []
    app = _locked_app(path, opened)
    locked_state = app.locked
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockDialog), "the unlock dialog")
        for guess in ("one", "two", "three"):
            await _type(pilot, guess)
        await wait_until(pilot, lambda: app.return_code == 2, "the app to end")
    assert opened == [] and "stayed locked" in locked_state.problem
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.db"]


async def test_escape_leaves_it_locked(locked):
    path, _ = locked
    opened: list = []
    app = _locked_app(path, opened)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockDialog), "the unlock dialog")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.return_code == 2, "the app to end")
    assert opened == [] and "stayed locked" in app.locked.problem


def test_the_command_line_app_stays_locked_in_one_line(locked, monkeypatch):
    """`reflect` on a locked journal whose dialog is given up: one line, exit 2."""
    from reflect.tui import factory

    path, _ = locked

    def gives_up(self):
        self.locked.problem = "the journal journal.db stayed locked (no passphrase, or three wrong ones); nothing was changed"

    monkeypatch.setattr("reflect.tui.app.ReflectApp.run", gives_up)
    with pytest.raises(ReflectError, match="stayed locked"):
        factory.run_locked(path, lambda: pytest.fail("opened a locked journal"))


async def test_exporting_from_the_unlocked_app_says_the_export_is_plain(locked, tmp_path):
    from tests.tui.conftest import settle
    from tests.tui.test_export_from_app import open_export

    path, _ = locked
    opened: list = []
    app = _locked_app(path, opened)
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, UnlockDialog), "the unlock dialog")
        await _type(pilot, PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, JournalScreen), "the journal screen")
        dialog = await open_export(app, pilot, tmp_path / "out")
        dialog.query_one("#kind").value = "reflections"
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert any("this export is plain text" in m for m in messages), messages
    for journal in opened:
        journal.close()
