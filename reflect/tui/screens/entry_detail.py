"""One reflection in full: the rendered entry, its meta-skills and criteria with their text,
and the objectives it is progress evidence for. From here a reflection's action plan becomes a
draft objective in one step (``o``), or the reflection is linked to an objective (``l``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Markdown

from reflect.errors import NotFoundError
from reflect.review.objective_drafts import objective_from_entry
from reflect.tui.guard import guarded
from reflect.tui.dialogs.objectives import ObjectivePicker
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen
from reflect.sanitize import shown_line
from reflect.tui.text import entry_page, md_escape
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


def objectives_section(objectives) -> str:
    """The objectives a reflection is progress evidence for, as the end of its page."""
    lines = ["", "## Objectives", ""]
    if not objectives:
        return "\n".join(lines + ["*Not linked to an objective. Press l to link it, or o to draft one from its "
                                  "action plan.*"])
    lines += [f"- #{o.id} {md_escape(o.specific)} ({o.label.lower()})" for o in objectives]
    return "\n".join(lines)


class EntryDetailScreen(Screen):
    """Read an entry; edit, delete (to the trash) or duplicate it."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "journal"

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit this reflection"),
        Binding("d", "delete", "Delete", tooltip="Move it to the trash (u on the journal brings it back)"),
        Binding("c", "duplicate", "Duplicate", tooltip="Copy it, dated today, and edit the copy"),
        Binding("o", "make_objective", "Objective",
                tooltip='Turn its "Action plan" / "Now what?" into a draft SMART objective'),
        Binding("l", "link_objective", "Link", show=False, tooltip="Link it to an objective as progress evidence"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, entry_id: int) -> None:
        super().__init__()
        self.entry_id = entry_id

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with VerticalScroll(id="entry-page"):
            yield Markdown(id="entry-text")
        yield KeyFooter()

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
        self.sub_title = shown_line(entry.title)
        objectives = self.app.journal.objectives.for_entry(entry.id)
        page = entry_page(self.app.framework, entry) + objectives_section(objectives)
        self.query_one("#entry-text", Markdown).update(page)

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

    @guarded
    def action_make_objective(self) -> None:
        objective = objective_from_entry(self.app.journal, self.entry_id)
        self.notify(f"Drafted objective #{objective.id} from this reflection (linked as its first evidence). "
                    "Make it SMART: the check advises as you type.", title="Draft objective")
        self.app.push_screen(ObjectiveEditorScreen(objective.id))

    @guarded
    def action_link_objective(self) -> None:
        journal = self.app.journal
        linked = {o.id for o in journal.objectives.for_entry(self.entry_id)}
        choices = [o for o in journal.objectives.list() if o.id not in linked and (o.is_open or o.status == "achieved")]
        if not choices:
            self.notify("No objective to link it to yet: press o to draft one from this reflection, "
                        "or set one (ctrl+p, New objective).", severity="warning")
            return
        self.app.push_screen(ObjectivePicker(choices, "Which objective does this reflection show progress on?"),
                             self._link)

    @guarded
    def _link(self, objective_id: int | None) -> None:
        if objective_id is None:
            return
        self.app.journal.objectives.link_entry(objective_id, self.entry_id)
        self.notify(f"Linked as progress evidence for objective #{objective_id}.")
        self.show()

    def action_back(self) -> None:
        self.dismiss()
