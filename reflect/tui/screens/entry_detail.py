"""One reflection in full: the rendered entry, its meta-skills and criteria with their text,
the objectives it is progress evidence for and its attached files. From here a reflection's
action plan becomes a draft objective in one step (``o``), the reflection is linked to an
objective (``l``), and files are attached (``a``), opened (``v``) and detached (``x``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Markdown, OptionList
from textual.widgets.option_list import Option

from reflect.errors import NotFoundError
from reflect.review.objective_drafts import objective_from_entry
from reflect.tui.guard import guarded
from reflect.tui.dialogs.objectives import ObjectivePicker
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen
from reflect.sanitize import shown_line
from reflect.tui.text import entry_page, md_escape
from reflect.tui.actions import bindings
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
        *bindings("attach_file", "open_attachment", "detach_attachment", "undo_delete",
                  open_attachment=False, detach_attachment=False, undo_delete=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, entry_id: int) -> None:
        super().__init__()
        self.entry_id = entry_id
        self.files_listed: list = []

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with VerticalScroll(id="entry-page"):
            yield Markdown(id="entry-text")
            yield Label("Attached files  (enter or v opens the highlighted one, x detaches it, a attaches another)", id="attachments-title", markup=False)
            yield OptionList(id="attachments")
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
        self.show_attachments()

    def show_attachments(self) -> None:
        """List the attached files: name, size and type (their bytes are not read)."""
        from reflect.sanitize import shown_line

        listing = self.query_one("#attachments", OptionList)
        highlighted = listing.highlighted
        self.files_listed = self.app.journal.attachments.list(self.entry_id)
        listing.clear_options()
        if not self.files_listed:
            listing.add_option(Option("No files attached. Press a to attach a photo, a certificate or a document.",
                                      disabled=True))
            return
        listing.add_options(Option(f"{shown_line(a.name)}  ·  {a.size_text}  ·  {a.kind.label}", id=str(a.id))
                            for a in self.files_listed)
        listing.highlighted = min(highlighted or 0, len(self.files_listed) - 1)

    def highlighted_attachment(self):
        """The attached file highlighted in the list (the first if none is); None if there are none."""
        if not self.files_listed:
            self.notify("This reflection has no attached files yet: press a to attach one.", severity="warning")
            return None
        index = self.query_one("#attachments", OptionList).highlighted or 0
        return self.files_listed[min(index, len(self.files_listed) - 1)]

    def attach_file(self) -> None:
        """Ask for a file's path and attach it."""
        from reflect.tui.dialogs.attach import AttachDialog

        title = shown_line(self.app.journal.entries.get(self.entry_id).title)
        self.app.push_screen(AttachDialog(title), self._attach_chosen)

    @guarded
    def _attach_chosen(self, path) -> None:
        if path is None:
            return
        result = self.app.journal.attachments.attach(self.entry_id, [path])
        for attachment in result.added:
            self.notify(f"Attached {attachment.name} ({attachment.size_text}, {attachment.kind.label}).",
                        title="Attached")
        for _, attachment in result.already:
            self.notify(f"That file is attached already, as {attachment.name}.", severity="warning")
        self.show_attachments()
        if result.added:
            listing = self.query_one("#attachments", OptionList)
            listing.highlighted = len(self.files_listed) - 1

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.app.attached_files.open(self.highlighted_attachment())

    def action_edit(self) -> None:
        self.app.edit_entry(self.entry_id)

    def action_delete(self) -> None:
        if self.app.undo.delete_entry(self.entry_id):
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
