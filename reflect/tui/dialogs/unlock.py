"""Unlocking an encrypted journal before the app opens: a passphrase, three tries.

The dialog only asks; whether a passphrase is right is ``check``'s answer (for a journal,
:func:`reflect.store.cipher.unlock`, which also keeps the key for this process). Nothing is
written anywhere while it asks, so a wrong passphrase, three of them, or Escape change nothing.
"""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

#: How many passphrases the dialog takes before it gives up.
TRIES = 3


class UnlockDialog(ModalScreen[bool]):
    """Ask for the passphrase: dismisses with True once ``check`` accepts one, else False."""

    BINDINGS = [Binding("escape", "give_up", "Quit")]

    def __init__(self, name: str, check: Callable[[str], bool], tries: int = TRIES) -> None:
        super().__init__()
        self.journal_name = name
        self.check = check
        self.tries_left = tries

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("This journal is locked", classes="dialog-title")
            yield Label(f"Type the passphrase for {self.journal_name} and press Enter.")
            yield Input(password=True, placeholder="passphrase", id="passphrase")
            yield Label("", id="unlock-message")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    def _submitted(self, event: Input.Submitted) -> None:
        typed = event.value
        field = self.query_one("#passphrase", Input)
        field.value = ""  # never left on screen, right or wrong
        if not typed:
            return
        if self.check(typed):
            self.dismiss(True)
            return
        self.tries_left -= 1
        if self.tries_left <= 0:
            self.dismiss(False)
            return
        left = f"{self.tries_left} {'tries' if self.tries_left != 1 else 'try'} left"
        self.query_one("#unlock-message", Label).update(f"That passphrase does not open this journal ({left}).")

    def action_give_up(self) -> None:
        self.dismiss(False)
