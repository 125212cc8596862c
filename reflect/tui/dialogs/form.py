"""Small forms in a dialog (an activity, feedback, a status change...) and a yes/no question.

A :class:`FormDialog` lays out its :meth:`~FormDialog.fields` as label/field rows, with the
focus on the first one. ``enter`` moves to the next field (it never saves: a stray enter after a
date must not file half a form); ``ctrl+s`` calls :meth:`~FormDialog.submit`, which does the work and
returns the answer to dismiss with; a :class:`~reflect.errors.ReflectError` it raises is
shown as a notification and the dialog stays open, so nothing typed is lost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from textual import getters, on
from textual.app import ComposeResult
from textual.actions import SkipAction
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, Label

from reflect.tui.guard import guarded

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class FormDialog(ModalScreen):
    """A dialog with a form; subclasses give :attr:`heading`, :meth:`fields` and :meth:`submit`."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        # Priority, so that keys typed straight after enter land in the next field.
        Binding("enter", "next_field", "Next field", show=False, priority=True),
    ]
    heading = ""
    hint = "enter: next field · ctrl+s saves · escape cancels"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield from self.intro()
            with Grid(classes="form-grid"):
                yield from self.fields()
            yield Label(self.hint, classes="form-hint muted", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def intro(self) -> Iterable[Widget]:
        """Anything shown above the form (nothing by default)."""
        return ()

    def fields(self) -> Iterable[Widget]:
        """Label, field, label, field, ... (two columns)."""
        return ()

    def submit(self):
        """Do the work and return what the dialog answers; raise ReflectError to stay open."""
        raise NotImplementedError

    def on_mount(self) -> None:
        first = next((w for w in self.query_one(".form-grid").query("*") if w.focusable), None)
        if first is not None:
            first.focus()

    def action_next_field(self) -> None:
        next_field(self)

    @guarded
    def action_save(self) -> None:
        self.dismiss(self.submit())

    def action_cancel(self) -> None:
        self.dismiss(None)


def next_field(screen) -> None:
    """Enter in a one-line box: on to the next field. Anywhere else enter keeps its own meaning
    (opening a list, ticking a box, a new line in the body)."""
    if not isinstance(screen.focused, Input):
        raise SkipAction()
    screen.focus_next()


def time_input(minutes: int | None, id: str = "time") -> Input:
    """A box for the time spent on a record (an activity, training), shown as ``1 h 30 min``."""
    from reflect.dates import format_duration

    return Input(format_duration(minutes) if minutes else "", id=id, compact=True,
                 placeholder="optional: 45m, 1.5h, 1h30")


def read_time(text: str) -> int | None:
    """The minutes typed in a time box (None when empty); InputError if they can't be read
    (shown by the form, which stays open)."""
    from reflect.dates import MAX_RECORD_MINUTES, parse_minutes

    return parse_minutes(text, MAX_RECORD_MINUTES) if text.strip() else None


def field_label(text: str, id: str | None = None) -> Label:
    """The label of a form row."""
    return Label(text, classes="form-label", markup=False, id=id)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; dismisses with True for yes."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, title: str, question: str, yes: str = "Yes") -> None:
        super().__init__()
        self.heading, self.question, self.yes = title, question, yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield Label(self.question, markup=False)
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes} (y)", id="yes", variant="error", compact=True)
                yield Button("No (n)", id="no", compact=True)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
