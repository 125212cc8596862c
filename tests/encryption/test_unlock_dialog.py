"""The app's unlock dialog: a passphrase, three tries, a plain message, nothing changed."""

from __future__ import annotations

from textual.widgets import Input, Label

from reflect.journal import open_journal
from reflect.store import cipher, encryption
from reflect.tui.dialogs.unlock import UnlockApp
from tests.encryption.conftest import PASSPHRASE


async def _type(pilot, text: str) -> None:
    field = pilot.app.screen.query_one("#passphrase", Input)
    field.value = text
    await pilot.press("enter")
    await pilot.pause()


async def test_the_right_passphrase_unlocks_after_a_wrong_one(plain_journal):
    path, before = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    app = UnlockApp(path.name, lambda typed: cipher.unlock(path, typed))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _type(pilot, "a guess")
        message = str(app.screen.query_one("#unlock-message", Label).render())
        assert "does not open this journal (2 tries left)" in message
        assert app.screen.query_one("#passphrase", Input).value == ""
        await _type(pilot, PASSPHRASE)
    assert app.return_value is True
    # The key is known now: the journal opens without asking anyone.
    with open_journal(path) as journal:
        assert journal.conn.execute("SELECT count(*) FROM entries").fetchone()[0] == before["entries"]


async def test_three_wrong_passphrases_give_up_and_change_nothing(plain_journal):
    path, _ = plain_journal
    encryption.encrypt(path, PASSPHRASE)
    cipher.forget_keys()
    before = path.read_bytes()
    tried = []
    app = UnlockApp(path.name, lambda typed: tried.append(typed) or cipher.unlock(path, typed))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for guess in ("one", "two", "three"):
            await _type(pilot, guess)
    assert app.return_value is False
    assert tried == ["one", "two", "three"]
    assert path.read_bytes() == before


async def test_escape_leaves_it_locked(plain_journal):
    path, _ = plain_journal
    app = UnlockApp(path.name, lambda typed: True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_value is False
