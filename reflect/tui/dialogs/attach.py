"""Choosing a file to attach: a path box that completes folder and file names as you type.

:class:`PathSuggester` offers the rest of the first name in the folder typed so far that
starts with what follows the last separator (folders end with one, so completing goes on into
them); right arrow takes the suggestion. The dialog dismisses with the path (or None).
"""

from __future__ import annotations

import os
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Footer, Input, Label

from reflect.paths import expand

#: Most names read from one folder while completing (a huge folder must not stall typing).
SCAN_LIMIT = 2000


class PathSuggester(Suggester):
    """Completes the last part of a path from what is on disk."""

    def __init__(self) -> None:
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        return complete_path(value)


def complete_path(value: str) -> str | None:
    """``value`` with the rest of the first matching name added (a folder with its separator);
    None when nothing on disk matches."""
    if not value:
        return None
    cut = max(value.rfind("/"), value.rfind(os.sep))
    typed_folder, prefix = value[:cut + 1], value[cut + 1:]
    folder = expand(typed_folder) if typed_folder else Path.cwd()
    matches = []
    try:
        with os.scandir(folder) as found:
            for count, item in enumerate(found):
                if count >= SCAN_LIMIT:
                    break
                if item.name.startswith(prefix) and (prefix.startswith(".") or not item.name.startswith(".")):
                    matches.append((item.name, item.is_dir()))
    except OSError:
        return None
    if not matches:
        return None
    name, is_dir = min(matches)
    completed = typed_folder + name + ("/" if is_dir else "")
    return completed if completed != value else None


class AttachDialog(ModalScreen[Path | None]):
    """Which file to attach: dismisses with its path, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, title: str, start: str = "") -> None:
        super().__init__()
        self.entry_title = title
        self.start = start

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(f"Attach a file to \u201c{self.entry_title}\u201d", classes="dialog-title", markup=False)
            yield Label("The file's path (→ completes a name; up to 25 MB; kept inside your journal):",
                        markup=False)
            yield Input(self.start, placeholder="~/Pictures/thank-you-card.jpg", id="path",
                        suggester=PathSuggester())
            yield Label("enter attaches · escape cancels", classes="form-hint muted", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted)
    def _chosen(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.notify("Type the path of the file to attach, or press escape.", severity="warning")
            return
        path = expand(value)
        if not path.is_file():
            what = "a folder: choose a file in it" if path.is_dir() else "not there"
            self.notify(f"{value} is {what}.", severity="warning")
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        self.dismiss(None)
