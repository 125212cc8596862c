"""One objective's page: what it says, the SMART check, its status history, and what hangs
off it: development activities (overdue ones loud), the reflections that evidence it and the
feedback linked to it.

The summary is on top (left on wide screens); the list below holds the activities, evidence
and feedback: ``space`` marks an activity done, ``enter`` edits an activity or opens a
reflection, ``a`` plans an activity, ``l`` links a reflection, ``x`` removes the highlighted
activity or link.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reflect.dates import format_long, format_short
from reflect.errors import NotFoundError
from reflect.review.objective_detail import ObjectiveDetail, objective_detail
from reflect.tui.guard import guarded
from reflect.tui.widgets.rows import Rows
from reflect.tui.review_view import (
    OVERDUE,
    STATUS_STYLES,
    activity_row,
    days,
    feedback_row,
    letters,
)
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.dialogs.logs import FeedbackDialog
from reflect.tui.dialogs.objectives import (
    ActivityDialog,
    EntryPicker,
    StatusDialog,
)
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen
from reflect.tui.text import entry_row, in_framework_order, skill_name
from reflect.tui.actions import bindings
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class ObjectiveDetailScreen(Screen):
    """An objective with its history, activities, evidence and feedback."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "objectives"

    BINDINGS = [
        Binding("e", "edit", "Edit", tooltip="Edit what the objective says"),
        Binding("s", "status", "Status", tooltip="Change its status: dated, with a reason"),
        Binding("a", "add_activity", "Activity", tooltip="Plan a development activity for it"),
        Binding("space", "toggle_done", "Done", tooltip="Mark the highlighted activity done (or not done)"),
        Binding("l", "link", "Link", tooltip="Link a reflection as progress evidence"),
        Binding("x", "remove", "Remove", show=False,
                tooltip="Delete the highlighted activity, or unlink the reflection"),
        *bindings("undo_delete", undo_delete=False),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, objective_id: int) -> None:
        super().__init__()
        self.objective_id = objective_id
        self.detail: ObjectiveDetail | None = None

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with Horizontal(id="objective-page"):
            with VerticalScroll(id="objective-summary"):
                yield Static(id="objective-text")
            yield Rows(id="objective-items", markup=False, classes="rows")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = f"Objective #{self.objective_id}"
        self.query_one("#objective-items", OptionList).focus()

    def on_screen_resume(self) -> None:
        self.reload(keep=self.item)

    @property
    def item(self) -> str | None:
        """The highlighted row's id: "a:12" (activity), "e:5" (reflection) or "f:3" (feedback)."""
        items = self.query("#objective-items")  # empty while the screen closes
        option = items.first(OptionList).highlighted_option if items else None
        return option.id if option is not None else None

    @guarded
    def reload(self, keep: str | None = None) -> None:
        try:
            detail = objective_detail(self.app.journal, self.objective_id, self.app.framework)
        except NotFoundError:
            self.dismiss()
            return
        self.detail = detail
        self.sub_title = detail.objective.label
        self.query_one("#objective-text", Static).update(self._summary(detail))
        items = self.query_one("#objective-items", OptionList)
        items.set_options(self._items(detail))
        index = next((i for i, o in enumerate(items.options) if keep and o.id == keep), None)
        if index is None:
            index = next((i for i, o in enumerate(items.options) if not o.disabled), None)
        items.highlighted = index
        self.refresh_bindings()

    def _summary(self, detail: ObjectiveDetail) -> Content:
        o, today = detail.objective, self.app.journal.today()
        framework = self.app.framework
        facts: list = [(o.label, f"bold {STATUS_STYLES.get(o.status, '')}"), " · "]
        if o.deadline is None:
            facts.append(("no deadline", "italic $text-muted"))
        elif detail.overdue:
            facts.append((f"due {format_long(o.deadline)}: OVERDUE by {days((today - o.deadline).days)}", OVERDUE))
        else:
            ahead = (o.deadline - today).days
            facts.append(f"due {format_long(o.deadline)}" + (f" (in {days(ahead)})" if o.is_open else ""))
        facts.append((f" · set {format_short(o.set_on)}", "$text-muted"))
        if o.agreed_by:
            when = f" on {format_short(o.agreed_on)}" if o.agreed_on else ""
            facts.append((f" · agreed with {o.agreed_by}{when}", "$text-muted"))
        links = [skill_name(framework, s) for s in in_framework_order(framework, o.skills)] + list(o.criteria)
        lines = [Content.styled(o.specific, "bold"), Content.assemble(*facts), Content("")]
        advised = {a.letter for a in detail.advice}
        for letter, text in (("M", o.measure), ("A", o.achievable), ("R", o.relevant), ("L", ", ".join(links))):
            # An empty row the SMART check is content with is covered by what the objective says
            # ("Handle 3 complaints" is measured): "not said yet" there contradicted "looks SMART".
            empty = "not said yet" if letter in advised else "covered by what it says"
            lines.append(Content.assemble((f"{letter}  ", "bold $text-muted"),
                                          text or Content.styled(empty, "italic $text-muted")))
        lines += [Content(""), Content.assemble(("SMART  ", "bold"), letters(detail.advice))]
        lines += [Content.assemble((f"{a.letter}  ", "bold $text-warning"), a.message) for a in detail.advice]
        lines += [Content(""), Content.styled("HISTORY", "bold $text-muted")]
        for change in detail.history:
            lines.append(Content.assemble((f"{format_short(change.changed_on)}  ", "$text-muted"),
                                          (f"{change.label:<13}", STATUS_STYLES.get(change.status, "")),
                                          change.reason))
        return Content("\n").join(lines)

    def _items(self, detail: ObjectiveDetail) -> list:
        today = self.app.journal.today()
        framework = self.app.framework
        late = len(detail.overdue_activities)
        heading = f"ACTIVITIES ({len(detail.activities)})" + (f", {late} OVERDUE" if late else "")
        options: list = [Option(Content.styled(heading, OVERDUE if late else "bold $text-muted"), disabled=True)]
        options += [Option(activity_row(a, today, counts=detail.objective.is_open), id=f"a:{a.id}")
                    for a in detail.activities]
        if not detail.activities:
            options.append(self._hint("None planned yet: press a to plan a course, shadowing, reading or practice."))
        count = len(detail.evidence)
        options.append(Option(Content.styled(f"PROGRESS EVIDENCE ({count} reflection{'s' if count != 1 else ''})",
                                             "bold $text-muted"), disabled=True))
        options += [Option(entry_row(framework, e), id=f"e:{e.id}") for e in detail.evidence]
        if not detail.evidence:
            options.append(self._hint("No reflections linked yet: press l to link one."))
        if detail.feedback:
            options.append(Option(Content.styled(f"FEEDBACK ({len(detail.feedback)})", "bold $text-muted"),
                                  disabled=True))
            options += [Option(feedback_row(f), id=f"f:{f.id}") for f in detail.feedback]
        return options

    @staticmethod
    def _hint(text: str) -> Option:
        return Option(Content.styled(f"  {text}", "italic $text-muted"), disabled=True)

    # -- actions --------------------------------------------------------------------------

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "toggle_done":
            return (self.item or "").startswith("a:")
        if action == "remove":
            return (self.item or "").startswith(("a:", "e:"))
        return True

    @on(OptionList.OptionHighlighted, "#objective-items")
    def _highlighted(self) -> None:
        self.refresh_bindings()  # "done" and "remove" depend on the row

    @on(OptionList.OptionSelected, "#objective-items")
    @guarded
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        kind, _, number = (event.option.id or "").partition(":")
        if kind == "e":
            self.app.open_entry(int(number))
        elif kind == "a":
            activity = self.app.journal.activities.get(int(number))
            self.app.push_screen(ActivityDialog(self.objective_id, activity), self._after)
        elif kind == "f":
            self.app.push_screen(FeedbackDialog(self.app.journal.feedback.get(int(number))), self._after)

    def _after(self, result) -> None:
        if result is not None:
            self.reload(keep=self.item)

    def action_edit(self) -> None:
        self.app.push_screen(ObjectiveEditorScreen(self.objective_id), lambda _: self.reload(keep=self.item))

    def action_status(self) -> None:
        if self.detail is None:
            return

        def changed(result) -> None:
            if result is not None:
                self.notify(f"Objective #{result.id} is now {result.label.lower()}.")
                self.reload(keep=self.item)
        self.app.push_screen(StatusDialog(self.detail.objective), changed)

    def action_add_activity(self) -> None:
        def added(activity) -> None:
            if activity is not None:
                self.notify(f'Planned "{activity.title}".')
                self.reload(keep=f"a:{activity.id}")
        self.app.push_screen(ActivityDialog(self.objective_id), added)

    @guarded
    def action_toggle_done(self) -> None:
        kind, _, number = (self.item or "").partition(":")
        if kind != "a":
            return
        store = self.app.journal.activities
        activity = store.get(int(number))
        activity = store.reopen(activity.id) if activity.done else store.complete(activity.id)
        self.notify(f'"{activity.title}" is {"done" if activity.done else "not done yet"}.')
        self.reload(keep=f"a:{activity.id}")

    def action_link(self) -> None:
        self.app.push_screen(EntryPicker(f"Link a reflection to objective #{self.objective_id} as evidence"),
                             self._link)

    @guarded
    def _link(self, entry_id: int | None) -> None:
        if entry_id is None:
            return
        self.app.journal.objectives.link_entry(self.objective_id, entry_id)
        self.notify("Linked the reflection as progress evidence.")
        self.reload(keep=f"e:{entry_id}")

    @guarded
    def action_remove(self) -> None:
        kind, _, number = (self.item or "").partition(":")
        if kind == "e":
            self.app.journal.objectives.unlink_entry(self.objective_id, int(number))
            self.notify("Unlinked the reflection (the reflection itself is kept).")
            self.reload()
        elif kind == "a":
            activity = self.app.journal.activities.get(int(number))
            self.app.push_screen(ConfirmDialog("Delete this activity?", activity.title, yes="Delete"),
                                 lambda yes: yes and self._delete_activity(activity.id))

    @guarded
    def _delete_activity(self, activity_id: int) -> None:
        activity = self.app.journal.activities.get(activity_id)
        if self.app.undo.delete_record("activities", activity_id, f'the activity "{activity.title}"',
                                  self.app.journal.activities.delete):
            self.reload()

    def action_back(self) -> None:
        self.dismiss()
