"""The app on an encrypted journal that is still locked: the unlock dialog first, then the journal.

One app does both, so that in a browser tab (`reflect serve`) the dialog and the journal are
the same session: the passphrase is typed in the tab, checked and turned into a key in the
app's own process, and the journal opened there. Until then the app has no journal, and only
the dialog, help and quit work.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


@dataclass
class Locked:
    """What a locked app needs: the journal's name, a passphrase check, and how to open it after."""

    name: str
    check: Callable[[str], bool]
    open: Callable[[], tuple]  # (journal, framework), once the key is known
    #: Why the app ended without opening the journal ("" while it may still).
    problem: str = ""


class LockedScreen(Screen):
    """What shows beneath the unlock dialog: nothing of the journal."""

    def compose(self) -> ComposeResult:
        yield Static("reflect", classes="dialog-title")
        yield Footer(compact=True)


def ask_to_unlock(app: "ReflectApp") -> None:
    """Show the unlock dialog; open the journal in ``app`` once the passphrase is right."""
    from reflect.errors import ReflectError
    from reflect.tui.dialogs.unlock import UnlockDialog

    locked: Locked = app.locked

    def open_it() -> None:
        try:
            journal, framework = locked.open()
        except ReflectError as error:
            locked.problem = str(error)
            app.exit(return_code=2)
            return
        app.open_unlocked(journal, framework)

    def answered(unlocked: bool | None) -> None:
        if not unlocked:
            locked.problem = (f"the journal {locked.name} stayed locked (no passphrase, or three wrong ones); "
                              "nothing was changed")
            app.exit(return_code=2)
            return
        app.call_later(open_it)  # once the dialog has gone: the journal screen replaces the one beneath

    app.push_screen(UnlockDialog(locked.name, locked.check), answered)
