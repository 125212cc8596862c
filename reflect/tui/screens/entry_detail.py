"""One reflection in full: the rendered entry, its meta-skills and criteria with their text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Markdown

from reflect.errors import NotFoundError
from reflect.tui.guard import guarded
from reflect.tui.text import entry_page


class EntryDetailScreen(Screen):
    """Read an entry; edit, delete (to the trash) or duplicate it."""

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit this reflection"),
        Binding("d", "delete", "Delete", tooltip="Move it to the trash (u on the journal brings it back)"),
        Binding("c", "duplicate", "Duplicate", tooltip="Copy it, dated today, and edit the copy"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, entry_id: int) -> None:
        super().__init__()
        self.entry_id = entry_id

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="entry-page"):
            yield Markdown(id="entry-text")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "Reflection"
        self.query_one("#entry-page").focus()

    def on_screen_resume(self) -> None:
        self.show()

    @guarded
    def show(self) -> None:
        try:
            entry = self.app.journal.entries.get(self.entry_id)
        except NotFoundError:
            self.dismiss()  # gone (deleted elsewhere, or by us): nothing to show
            return
        self.sub_title = entry.title
        self.query_one("#entry-text", Markdown).update(entry_page(self.app.framework, entry))

    def action_edit(self) -> None:
        self.app.edit_entry(self.entry_id)

    def action_delete(self) -> None:
        if self.app.delete_entry(self.entry_id):
            self.dismiss()

    @guarded
    def action_duplicate(self) -> None:
        copy = self.app.journal.entries.duplicate(self.entry_id)
        self.notify(f'Made a copy dated today: "{copy.title}". Opening it to edit.')
        self.app.last_saved_id = copy.id
        self.app.edit_entry(copy.id)

    def action_back(self) -> None:
        self.dismiss()
