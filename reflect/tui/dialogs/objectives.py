"""Dialogs around objectives: change a status, plan an activity, pick an objective or a reflection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Select
from textual.widgets.option_list import Option
from textual.timer import Timer

from reflect.errors import InputError
from reflect.entries.models import EntryFilter
from reflect.review.objectives import TRANSITIONS, needs_reason
from reflect.review.models import (
    ACTIVITY_KINDS,
    CLOSED_STATUSES,
    OBJECTIVE_STATUSES,
    Activity,
    Objective,
)
from reflect.tui.dialogs.form import FormDialog, field_label, read_time, time_input
from reflect.tui.widgets.date_field import DateField
from reflect.tui.widgets.entry_list import EntryList, entry_pages
from reflect.tui.widgets.rows import Rows

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

SEARCH_DELAY = 0.12


def status_choice(current: str, status: str) -> str:
    """How a move reads in the list: "Achieved", "Reopen: in progress", "Back to draft"."""
    label = OBJECTIVE_STATUSES[status]
    if current in CLOSED_STATUSES:
        return f"Reopen: {label.lower()}"
    if (current, status) in (("agreed", "draft"), ("in-progress", "agreed")):
        return f"Back to {label.lower()}"
    return label


class StatusDialog(FormDialog):
    """Move an objective to another status, dated and with a reason. Dismisses with the objective."""

    def __init__(self, objective: Objective) -> None:
        super().__init__()
        self.objective = objective
        self.heading = f"Change the status of objective #{objective.id} ({objective.label.lower()})"

    def fields(self):
        today = self.app.journal.today()
        moves = TRANSITIONS[self.objective.status]
        yield field_label("New status")
        yield Select([(status_choice(self.objective.status, s), s) for s in moves], value=moves[0],
                     allow_blank=False, id="status", compact=True)
        yield field_label("On")
        yield DateField(today, today=today, what="The date of the change", required=True, id="on")
        yield field_label("Reason")
        yield Input(id="reason", compact=True)
        yield field_label("Agreed by", id="agreed-by-label")
        yield Input(self.objective.agreed_by, id="agreed-by", compact=True, placeholder="your mentor or manager")

    def on_mount(self) -> None:
        self._follow_status()
        self.query_one("#status", Select).focus()

    @on(Select.Changed, "#status")
    def _follow_status(self) -> None:
        status = self.query_one("#status", Select).value
        agreeing = status == "agreed"
        for widget in (self.query_one("#agreed-by"), self.query_one("#agreed-by-label")):
            widget.display = agreeing
        needed = isinstance(status, str) and needs_reason(self.objective.status, status)
        self.query_one("#reason", Input).placeholder = ("needed: why?" if needed else
                                                        "optional" if not agreeing else "optional (e.g. at my review)")

    def submit(self) -> Objective:
        status = self.query_one("#status", Select).value
        if not isinstance(status, str):
            raise InputError("Choose the new status.")
        agreed_by = self.query_one("#agreed-by", Input).value if status == "agreed" else None
        return self.app.journal.objectives.change_status(
            self.objective.id, status, reason=self.query_one("#reason", Input).value,
            on=self.query_one("#on", DateField).day, agreed_by=agreed_by)


class ActivityDialog(FormDialog):
    """Plan a development activity under an objective, or change one. Dismisses with the activity."""

    def __init__(self, objective_id: int, activity: Activity | None = None) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.activity = activity
        self.heading = (f"Change activity #{activity.id}" if activity
                        else f"Plan a development activity for objective #{objective_id}")

    def fields(self):
        activity = self.activity
        yield field_label("Activity")
        yield Input(activity.title if activity else "", id="title", compact=True,
                    placeholder="Shadow Sam on the returns desk")
        yield field_label("Kind")
        yield Select([(label, kind) for kind, label in ACTIVITY_KINDS.items()], allow_blank=False,
                     value=activity.kind if activity else "practice", id="kind", compact=True)
        yield field_label("Due")
        yield DateField(activity.due if activity else None, today=self.app.journal.today(), what="The due date",
                        ahead=True, placeholder="15/12, friday", empty="no due date", id="due")
        yield field_label("Notes")
        yield Input(activity.notes if activity else "", id="notes", compact=True, placeholder="optional")
        yield field_label("Time spent")
        yield time_input(activity.minutes if activity else None)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    def submit(self) -> Activity:
        values = dict(title=self.query_one("#title", Input).value, kind=self.query_one("#kind", Select).value,
                      due=self.query_one("#due", DateField).day, notes=self.query_one("#notes", Input).value,
                      minutes=read_time(self.query_one("#time", Input).value))
        store = self.app.journal.activities
        if self.activity is None:
            return store.add(objective_id=self.objective_id, **values)
        return store.update(self.activity.id, **values)


class ObjectivePicker(ModalScreen[int | None]):
    """Choose one objective (open ones first); dismisses with its id or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, objectives: list[Objective], title: str) -> None:
        super().__init__()
        self.objectives = objectives
        self.heading = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield Rows(*(Option(Content.assemble((f"#{o.id:<3} ", "$text-muted"), (f"{o.label:<13}", "italic"),
                                                       o.specific), id=str(o.id)) for o in self.objectives),
                             id="objective-choices", markup=False, classes="rows")
        yield Footer(compact=True, show_command_palette=False)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id
        assert option_id is not None  # every option here is made with an id
        self.dismiss(int(option_id))

    def action_cancel(self) -> None:
        self.dismiss(None)


class EntryPicker(ModalScreen[int | None]):
    """Find a reflection by typing (as on the journal) and choose it; dismisses with its id."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    BINDINGS = [
        Binding("down", "to_list", "To list", show=False),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, title: str) -> None:
        super().__init__(classes="picker")
        self.heading = title
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield Input(placeholder="Search your reflections, or down for the newest", id="entry-search",
                        compact=True)
            yield EntryList(self.app.framework, id="entries")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._fill()
        self.query_one("#entry-search", Input).focus()

    @on(Input.Changed, "#entry-search")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self._fill)

    @on(Input.Submitted, "#entry-search")
    def _submitted(self) -> None:
        self.action_to_list()

    def _fill(self) -> None:
        text = self.query_one("#entry-search", Input).value
        self.query_one(EntryList).show(entry_pages(self.app.journal, EntryFilter(text=text)))

    def action_to_list(self) -> None:
        self.query_one(EntryList).focus()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "to_list":
            return isinstance(self.focused, Input)
        return True

    @on(EntryList.Chosen)
    def _chosen(self, event: EntryList.Chosen) -> None:
        self.dismiss(event.entry_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
