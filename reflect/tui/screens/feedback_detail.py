"""One piece of feedback in full: who said it and when, every word of it, what you will do or
did, and the objective and reflection it is linked to.

The feedback log shows one line of each; ``enter`` there opens this page. ``e`` changes it,
``space`` marks it acted on (or not), ``o`` and ``r`` open what it is linked to, ``d`` deletes it
(after asking).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from reflect.dates import format_long
from reflect.errors import NotFoundError
from reflect.review.models import Feedback
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.dialogs.logs import FeedbackDialog, FeedbackDoneDialog
from reflect.tui.guard import guarded
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


def feedback_page(feedback: Feedback, objective=None, entry=None) -> Content:
    """The page's text (plain words: what people said is never read as markup)."""
    def part(heading: str, *body) -> Content:
        return Content.assemble((heading, "bold $text-primary"), "\n", *body, "\n")

    parts = [
        part("Received", f"{format_long(feedback.received_on)}, from {feedback.source}"),
        part("What was said", feedback.said or Content.styled("(nothing written)", "italic $text-muted")),
        part("What I will do", feedback.action or Content.styled("not decided yet", "italic $text-muted")),
        part("Done", (f"acted on, {format_long(feedback.done_on)}" if feedback.done_on else "acted on",
                      "$text-success") if feedback.done
             else ("not yet: space marks it done, saying what you did", "$text-warning")),
    ]
    if objective is not None:
        parts.append(part("Objective", f"#{objective.id} {objective.specific} ({objective.label.lower()})"))
    if entry is not None:
        parts.append(part("Reflection", f"{entry.title} ({format_long(entry.day)})"))
    if objective is None and entry is None:
        parts.append(part("Linked to", Content.styled("nothing yet (e links an objective)", "italic $text-muted")))
    return Content("\n").join(parts)


class FeedbackDetailScreen(Screen):
    """A feedback item, read in full."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "logs"
    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Change what it says, who said it, what you will do"),
        Binding("space", "toggle_done", "Done", tooltip="Mark it acted on (say what you did), or not done"),
        Binding("o", "objective", "Objective", tooltip="Open the objective it is linked to"),
        Binding("r", "reflection", "Reflection", tooltip="Open the reflection it is linked to"),
        Binding("d", "delete", "Delete", tooltip="Delete this feedback (u on the log brings it back)"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, feedback_id: int) -> None:
        super().__init__()
        self.feedback_id = feedback_id
        self.feedback: Feedback | None = None

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with VerticalScroll(id="entry-page"):
            yield Static(id="feedback-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Feedback #{self.feedback_id}"
        self.query_one("#entry-page").focus()

    def on_screen_resume(self) -> None:
        self.show()

    @guarded
    def show(self) -> None:
        journal = self.app.journal
        try:
            self.feedback = feedback = journal.feedback.get(self.feedback_id)
        except NotFoundError:
            self.dismiss()
            return
        objective = entry = None
        if feedback.objective_id is not None:
            try:
                objective = journal.objectives.get(feedback.objective_id)
            except NotFoundError:
                objective = None
        if feedback.entry_id is not None:
            try:
                entry = journal.entries.get(feedback.entry_id)
            except NotFoundError:
                entry = None
        self.sub_title = feedback.source
        self.query_one("#feedback-text", Static).update(feedback_page(feedback, objective, entry))
        self.refresh_bindings()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "objective":
            return bool(self.feedback and self.feedback.objective_id)
        if action == "reflection":
            return bool(self.feedback and self.feedback.entry_id)
        return True

    def action_edit(self) -> None:
        if self.feedback is not None:
            self.app.push_screen(FeedbackDialog(self.feedback), lambda _: self.show())

    @guarded
    def action_toggle_done(self) -> None:
        if self.feedback is None:
            return
        if self.feedback.done:
            self.app.journal.feedback.mark_done(self.feedback.id, False)
            self.notify("Marked not done yet.")
            self.show()
        else:
            self.app.push_screen(FeedbackDoneDialog(self.feedback), lambda _: self.show())

    def action_objective(self) -> None:
        if self.feedback and self.feedback.objective_id:
            self.app.show("objective", objective_id=self.feedback.objective_id)

    def action_reflection(self) -> None:
        if self.feedback and self.feedback.entry_id:
            self.app.open_entry(self.feedback.entry_id)

    def action_delete(self) -> None:
        if self.feedback is not None:
            self.app.push_screen(ConfirmDialog("Delete this feedback?", f"{self.feedback.source}: “{self.feedback.said}”",
                                               yes="Delete"), self._delete)

    @guarded
    def _delete(self, yes: bool) -> None:
        if yes:
            if self.app.undo.delete_record("feedback", self.feedback_id, f"feedback #{self.feedback_id}",
                                      self.app.journal.feedback.delete):
                self.dismiss()

    def action_back(self) -> None:
        self.dismiss()
