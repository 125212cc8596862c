"""Your SMART objectives: open ones first (soonest deadline first), then closed ones.

Each row shows the number, status, deadline (OVERDUE when passed) and the SMART letters:
green where the check has nothing to say, amber where it has advice. ``enter`` opens the
objective's page; ``n`` sets a new one.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from reflect.review.models import Objective
from reflect.review.smart import check_objective
from reflect.tui.guard import guarded
from reflect.tui.paged import Grouped, Paged
from reflect.tui.widgets.rows import Rows
from reflect.tui.review_view import objective_row
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.dialogs.objectives import StatusDialog
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen
from reflect.tui.actions import bindings
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

EMPTY = ("No objectives yet. Press n to set your first SMART objective,\n"
         "or press o on a reflection to turn its action plan into one.")


def advice_for(app, objective: Objective, next_review):
    """The SMART check on a saved objective (``next_review`` worked out once by the caller)."""
    today = app.journal.today()
    return check_objective(objective.specific, objective.measure, objective.deadline, objective.set_on,
                           objective.skills, objective.criteria, achievable=objective.achievable,
                           relevant=objective.relevant, next_review=next_review, today=today,
                           verbs=app.smart_verbs)


class ObjectivesScreen(Screen):
    """The list of objectives."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "objectives"

    BINDINGS = [
        Binding("n", "new", "New", tooltip="Set a new SMART objective"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted objective"),
        Binding("s", "status", "Status", tooltip="Change its status: dated, with a reason"),
        Binding("d", "delete", "Delete", tooltip="Delete a draft set by mistake (agreed ones are dropped: s)"),
        *bindings("undo_delete", "activities"),
        Binding("escape", "back", "Back"),
    ]

    def compose(self) -> ComposeResult:
        yield AreaBar()
        yield Label(Content.assemble(("S M A R T L", "bold"), (": green is fine, amber has advice · "
                                                               "enter opens an objective", "$text-muted")),
                    id="objectives-legend")
        yield Rows(id="objectives", markup=False, classes="rows")
        yield Static(EMPTY, id="objectives-empty", classes="empty-state", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Objectives"
        self.query_one("#objectives", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload(keep=self.objective_id)

    @property
    def objective_id(self) -> int | None:
        listing = self.query("#objectives")  # empty while the screen closes
        option = listing.first(OptionList).highlighted_option if listing else None
        return int(option.id) if option is not None and option.id else None

    @guarded
    def reload(self, keep: int | None = None) -> None:
        from reflect.review.models import CLOSED_STATUSES, OPEN_STATUSES
        from reflect.review.schedule import review_schedule

        journal = self.app.journal
        store = journal.objectives
        today = journal.today()
        # Only the rows on screen are read (and SMART-checked): counts come from SQL and the
        # rest a page at a time as the highlight nears the end (see reflect.tui.paged).
        groups = [(status, store.count(status)) for status in (OPEN_STATUSES, CLOSED_STATUSES)]
        (_, open_count), (_, closed_count) = groups
        total = open_count + closed_count
        items = Grouped([(f"{label} ({count})", Paged(count, partial(store.list, status)))
                         for label, (status, count) in zip(("OPEN", "CLOSED"), groups)])
        at = None
        if keep is not None:
            for number, (status, _) in enumerate(groups):
                found = store.position(keep, status)
                if found is not None:
                    at = items.position(number, found)
        next_review = review_schedule(journal, today).next_date if total else None

        def options(item) -> list:
            if isinstance(item, str):
                return [Option(Content.styled(item, "bold $text-muted"), disabled=True)]
            # The SMART check runs for the rows made, not for every objective ever set.
            return [Option(objective_row(item, advice_for(self.app, item, next_review), today), id=str(item.id)),
                    None]

        listing = self.query_one("#objectives", Rows)
        index = listing.show_rows(items, options, at=at)
        listing.display = bool(total)
        self.query_one("#objectives-legend").display = bool(total)
        self.query_one("#objectives-empty").display = not total
        late = store.count(OPEN_STATUSES, overdue_on=today) if open_count else 0
        listing.border_title = f"{open_count} open" + (f", {late} overdue" if late else "")
        listing.highlighted = index if index is not None else (1 if total else None)
        self.refresh_bindings()

    @on(OptionList.OptionSelected, "#objectives")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.show("objective", objective_id=int(event.option.id))

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("edit", "status", "delete"):
            return self.objective_id is not None
        return True

    def action_new(self) -> None:
        self.app.push_screen(ObjectiveEditorScreen(), self._after_edit)

    @guarded
    def action_edit(self) -> None:
        if self.objective_id is not None:
            self.app.push_screen(ObjectiveEditorScreen(self.objective_id), self._after_edit)

    def _after_edit(self, objective_id: int | None) -> None:
        if objective_id is not None:
            self.reload(keep=objective_id)

    @guarded
    def action_status(self) -> None:
        if self.objective_id is None:
            return
        objective = self.app.journal.objectives.get(self.objective_id)

        def changed(result: Objective | None) -> None:
            if result is not None:
                self.notify(f"Objective #{result.id} is now {result.label.lower()}.")
                self.reload(keep=result.id)
        self.app.push_screen(StatusDialog(objective), changed)

    @guarded
    def action_delete(self) -> None:
        objective_id = self.objective_id
        if objective_id is None:
            return
        objective = self.app.journal.objectives.get(objective_id)
        if objective.status != "draft":
            self.notify(f"Objective #{objective_id} is {objective.label.lower()}: drop it with a reason instead "
                        "(press s).", severity="warning")
            return
        self.app.push_screen(ConfirmDialog("Delete this draft?", objective.specific, yes="Delete"),
                             lambda yes: yes and self._delete(objective_id))

    @guarded
    def _delete(self, objective_id: int) -> None:
        if self.app.undo.delete_record("objectives", objective_id, f"draft objective #{objective_id}",
                                  self.app.journal.objectives.delete):
            self.reload()

    def action_back(self) -> None:
        self.dismiss()
