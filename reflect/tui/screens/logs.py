"""The feedback log and the mandatory training log: lists with add, edit, done and delete.

Both list what is still to do first (overdue training in red), then what is done. ``n`` adds,
``enter`` or ``e`` edits, ``space`` marks done (asking what you did, or the certificate) or
not done, ``d`` deletes after asking.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reflect.tui.actions import bindings
from reflect.tui.guard import guarded
from reflect.tui.paged import Grouped, Paged
from reflect.tui.widgets.rows import Rows
from reflect.tui.review_view import feedback_row, training_row
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.dialogs.logs import (
    FeedbackDialog,
    FeedbackDoneDialog,
    TrainingDialog,
    TrainingDoneDialog,
)
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class LogScreen(Screen):
    """A list of records, still-to-do ones first. Subclasses say which store and how rows look."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "logs"

    BINDINGS = [
        Binding("n", "add", "Log"),
        Binding("e", "edit", "Edit"),
        Binding("space", "toggle_done", "Done"),
        Binding("d", "delete", "Delete"),
        Binding("escape", "back", "Back"),
    ]
    heading = ""
    empty = ""
    table = noun = ""  # the table a delete removes from, and what a record is called
    groups = ("TO DO", "DONE")

    def action_edit(self) -> None:
        """Change the highlighted record (each kind of log has its own dialog)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield AreaBar()
        yield Rows(id="log", markup=False, classes="rows")
        yield Static(self.empty, id="log-empty", classes="empty-state", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.heading
        self.query_one("#log", OptionList).focus()

    def __init__(self, highlight: int | None = None) -> None:
        super().__init__()
        self._highlight = highlight  # the record to show first (a link from the dashboard)

    def on_screen_resume(self) -> None:
        keep, self._highlight = self._highlight or self.record_id, None
        self.reload(keep=keep)

    @property
    def record_id(self) -> int | None:
        listing = self.query("#log")  # empty while the screen closes
        option = listing.first(OptionList).highlighted_option if listing else None
        return int(option.id) if option is not None and option.id else None

    # -- what subclasses give ---------------------------------------------------------------

    def store(self):
        raise NotImplementedError

    def row(self, record) -> Content:
        raise NotImplementedError

    # -- the list ---------------------------------------------------------------------------

    @guarded
    def reload(self, keep: int | None = None) -> None:
        items, at, total, to_do = self.listing(keep)
        listing = self.query_one("#log", Rows)
        index = listing.show_rows(items, self._options, at=at)
        listing.display = bool(total)
        self.query_one("#log-empty").display = not total
        listing.border_title = self.summary(to_do)
        listing.highlighted = index if index is not None else (1 if total else None)
        self.refresh_bindings()

    def listing(self, keep: int | None) -> tuple[Sequence, int | None, int, int]:
        """The list's headings and records in order, where the record ``keep`` is in it (or
        None), how many records there are and how many are still to do.

        Only the rows on screen are read: counts come from SQL and the rest a page at a time as
        the highlight nears the end (see :mod:`reflect.tui.paged`)."""
        store = self.store()
        counts = [store.count(done=done) for done in (False, True)]
        items = Grouped([(f"{heading} ({count})", Paged(count, partial(store.list, done=done)))
                         for heading, count, done in zip(self.groups, counts, (False, True))])
        at = None
        if keep is not None:
            for number, done in enumerate((False, True)):
                found = store.position(keep, done=done)
                if found is not None:
                    at = items.position(number, found)
        return items, at, sum(counts), counts[0]

    def _options(self, item) -> list:
        if isinstance(item, str):
            return [Option(Content.styled(item, "bold $text-muted"), disabled=True)]
        return [Option(self.row(item), id=str(item.id)), None]

    def summary(self, to_do: int) -> str:
        """The list's title, given how many records are still to do."""
        return f"{to_do} to do"

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("edit", "toggle_done", "delete"):
            return self.record_id is not None
        return True

    @on(OptionList.OptionSelected, "#log")
    def _chosen(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        """Enter on a row: change it (the feedback log shows it in full first)."""
        self.action_edit()

    def _after(self, record) -> None:
        if record is not None:
            self.reload(keep=record.id)

    def action_back(self) -> None:
        self.dismiss()

    @guarded
    def action_delete(self) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        self.app.push_screen(ConfirmDialog("Delete this for good?", self.describe(self.store().get(record_id)),
                                           yes="Delete"), lambda yes: yes and self._delete(record_id))

    @guarded
    def _delete(self, record_id: int) -> None:
        if self.app.undo.delete_record(self.table, record_id, f"{self.noun} #{record_id}", self.store().delete):
            self.reload()

    def describe(self, record) -> str:
        raise NotImplementedError


class FeedbackScreen(LogScreen):
    """The feedback log (SDS0223 P5: act on feedback)."""

    BINDINGS = [
        Binding("n", "add", "Log", tooltip="Log feedback you received"),
        Binding("e", "edit", "Edit", tooltip="Change the highlighted feedback"),
        Binding("space", "toggle_done", "Done", tooltip="Mark it acted on (say what you did), or not done"),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted feedback (u brings it back)"),
        *bindings("undo_delete", "training"),
    ]
    table, noun = "feedback", "feedback"
    heading = "Feedback log"
    empty = ("No feedback logged yet. Press n when someone tells you how you are doing:\n"
             "what they said, and one thing you will do about it.")
    groups = ("TO ACT ON", "DONE")

    def store(self):
        return self.app.journal.feedback

    def row(self, record) -> Content:
        return feedback_row(record)

    def summary(self, to_do: int) -> str:
        return f"{to_do} to act on"

    def describe(self, record) -> str:
        return f"{record.source}: “{record.said}”"

    def action_open(self) -> None:
        if self.record_id is not None:
            self.app.show("feedback-item", feedback_id=self.record_id)

    def action_add(self) -> None:
        self.app.push_screen(FeedbackDialog(), self._after)

    @guarded
    def action_edit(self) -> None:
        if self.record_id is not None:
            self.app.push_screen(FeedbackDialog(self.store().get(self.record_id)), self._after)

    @guarded
    def action_toggle_done(self) -> None:
        if self.record_id is None:
            return
        feedback = self.store().get(self.record_id)
        if feedback.done:
            self._after(self.store().mark_done(feedback.id, False))
            self.notify("Marked not done yet.")
        else:
            self.app.push_screen(FeedbackDoneDialog(feedback), self._after)


class TrainingScreen(LogScreen):
    """The mandatory training log (SDS0223 P7)."""

    BINDINGS = [
        Binding("n", "add", "Log", tooltip="Log a piece of mandatory training"),
        Binding("e", "edit", "Edit", tooltip="Change the highlighted training"),
        Binding("space", "toggle_done", "Completed", tooltip="Mark it completed (with the certificate), or not"),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted training (u brings it back)"),
        *bindings("undo_delete"),
    ]
    table, noun = "training", "training"
    heading = "Training log"
    empty = ("No mandatory training logged yet. Press n to add what your employer requires\n"
             "(fire safety, data protection, ...) with its due date.")
    groups = ("TO DO", "COMPLETED")

    def store(self):
        return self.app.journal.training

    def row(self, record) -> Content:
        return training_row(record, self.app.journal.today())

    def summary(self, to_do: int) -> str:
        late = self.store().count(overdue_on=self.app.journal.today()) if to_do else 0
        return f"{to_do} to do" + (f", {late} overdue" if late else "")

    def describe(self, record) -> str:
        return record.name

    def action_add(self) -> None:
        self.app.push_screen(TrainingDialog(), self._after)

    @guarded
    def action_edit(self) -> None:
        if self.record_id is not None:
            self.app.push_screen(TrainingDialog(self.store().get(self.record_id)), self._after)

    @guarded
    def action_toggle_done(self) -> None:
        if self.record_id is None:
            return
        training = self.store().get(self.record_id)
        if training.done:
            self._after(self.store().reopen(training.id))
            self.notify("Marked not completed.")
        else:
            self.app.push_screen(TrainingDoneDialog(training), self._after)
