"""Development activities of every objective on one list: overdue first, then due, then done.

Each row says which objective it serves. ``a`` plans a new one (choosing the objective first),
``space`` marks the highlighted one done (or not done), ``enter`` or ``e`` changes it, ``o``
opens its objective and ``d`` deletes it (after asking; ``u`` brings it back).
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.content import Content

from reflect.tui.actions import bindings
from reflect.tui.dialogs.objectives import ActivityDialog, ObjectivePicker
from reflect.tui.guard import guarded
from reflect.tui.paged import Grouped
from reflect.tui.review_view import activity_row
from reflect.tui.screens.logs import LogScreen


class ActivitiesScreen(LogScreen):
    """Every objective's development activities, overdue ones first."""

    AREA = "objectives"
    BINDINGS = [
        Binding("a", "add", "Plan", tooltip="Plan a development activity (choose its objective first)"),
        Binding("space", "toggle_done", "Done", tooltip="Mark the highlighted activity done, or not done"),
        Binding("e", "edit", "Edit", tooltip="Change the highlighted activity"),
        Binding("o", "objective", "Objective", tooltip="Open the objective the activity is for"),
        Binding("d", "delete", "Delete", tooltip="Delete the highlighted activity (u brings it back)"),
        *bindings("undo_delete"),
        Binding("n", "add", "Plan", show=False),
    ]
    table, noun = "activities", "activity"
    heading = "Development activities"
    empty = ("No development activities yet. Press a to plan one (a course, shadowing, reading or practice)\n"
             "for one of your objectives.")

    def store(self):
        return self.app.journal.activities

    def listing(self, keep: int | None) -> tuple[Sequence, int | None, int, int]:
        # Activities are few (a handful per objective): read them all, grouped as they are due.
        records = self.records()
        today = self.app.journal.today()
        items = Grouped([(f"{heading} ({len(group)})", group) for heading, group in self.grouped(records)])
        at = None if keep is None else next(
            (i for i, item in enumerate(items) if getattr(item, "id", None) == keep), None)
        to_do = [a for a in records if not a.done]
        self._late = sum(1 for a in to_do if self._counts(a) and a.is_overdue(today))
        return items, at, len(records), len(to_do)

    def records(self) -> list:
        """Every activity, soonest due first (no due date last)."""
        activities = self.store().list()
        objectives = {o.id: o for o in self.app.journal.objectives.list()}
        self._objectives = objectives
        far = self.app.journal.today().replace(year=9999)
        return sorted(activities, key=lambda a: (a.due or far, a.id))

    def grouped(self, records: list) -> list[tuple[str, list]]:
        """Overdue, then still to do, then done (latest first)."""
        today = self.app.journal.today()
        open_ = [a for a in records if not a.done]
        late = [a for a in open_ if self._counts(a) and a.is_overdue(today)]
        due = [a for a in open_ if a not in late]
        done = sorted((a for a in records if a.done), key=lambda a: a.completed_on, reverse=True)
        return [("OVERDUE", late), ("TO DO", due), ("DONE", done)]

    def _counts(self, activity) -> bool:
        objective = self._objectives.get(activity.objective_id)
        return objective is None or objective.is_open

    def row(self, record) -> Content:
        objective = self._objectives.get(record.objective_id)
        about = f"    for #{record.objective_id} {objective.specific}" if objective else ""
        return Content("\n").join([activity_row(record, self.app.journal.today(), counts=self._counts(record)),
                                   Content.styled(about, "$text-muted")])

    def summary(self, to_do: int) -> str:
        late = self._late
        return f"{to_do} to do" + (f", {late} overdue" if late else "")

    def describe(self, record) -> str:
        return record.title

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "objective":
            return self.record_id is not None
        return super().check_action(action, parameters)

    def action_add(self) -> None:
        objectives = [o for o in self.app.journal.objectives.list() if o.is_open]
        if not objectives:
            self.notify("Set an objective first (n on the objectives list): activities serve an objective.")
            return
        if len(objectives) == 1:
            self._plan(objectives[0].id)
            return
        self.app.push_screen(ObjectivePicker(objectives, "Which objective is the activity for?"), self._plan)

    def _plan(self, objective_id: int | None) -> None:
        if objective_id is not None:
            self.app.push_screen(ActivityDialog(objective_id), self._planned)

    def _planned(self, activity) -> None:
        if activity is not None:
            self.notify(f'Planned "{activity.title}".')
            self.reload(keep=activity.id)

    @guarded
    def action_edit(self) -> None:
        if self.record_id is not None:
            activity = self.store().get(self.record_id)
            self.app.push_screen(ActivityDialog(activity.objective_id, activity), self._after)

    @guarded
    def action_toggle_done(self) -> None:
        if self.record_id is None:
            return
        store = self.store()
        activity = store.get(self.record_id)
        activity = store.reopen(activity.id) if activity.done else store.complete(activity.id)
        self.notify(f'"{activity.title}" is {"done" if activity.done else "not done yet"}.')
        self.reload(keep=activity.id)

    def action_objective(self) -> None:
        if self.record_id is not None:
            self.app.show("objective", objective_id=self.store().get(self.record_id).objective_id)
