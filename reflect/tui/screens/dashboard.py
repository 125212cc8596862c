"""The progress dashboard: next best steps, unit progress, a heatmap of the days reflected on
with a weekly sparkline, and the twelve meta-skills as bars.

Everything comes from one :func:`reflect.progress.summary.gap_summary` and one
:func:`reflect.progress.summary.activity_summary`, computed in a worker thread with its own connection
(SQLite connections belong to one thread) so the screen paints at once even on a very large
journal; a loading indicator appears only if that takes longer than :data:`LOADING_DELAY`.
It is computed again when the screen comes back and the journal has changed meanwhile
(an edit, a unit chosen, another window writing), and not otherwise.

Every row carries a :class:`~reflect.progress.evidence.Target`; ``enter`` drills down to it (see
:meth:`DashboardScreen.drill`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static
from textual.timer import Timer

from reflect.dates import format_long
from reflect.entries.models import Target
from reflect.progress.summary import ActivitySummary, GapSummary
from reflect.tui.guard import guarded, report
from reflect.tui.widgets.heatmap import ActivityHeatmap
from reflect.words import plural
from reflect.tui.widgets.section_list import Drill
from reflect.tui.widgets.skill_bars import SkillBars
from reflect.tui.widgets.suggestions import NextSteps
from reflect.tui.widgets.unit_progress import LEGEND, UnitProgress
from reflect.tui.actions import bindings
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

#: Seconds before a loading indicator is worth showing.
LOADING_DELAY = 0.1

EMPTY_DASHBOARD = ("No reflections yet, so there is nothing to count. Press n to write your first: "
                   "this page fills in as you go.")

#: The screen that shows each kind of review-workflow loose end, and the parameter that opens
#: it on the very item (None: the screen as it is).
RECORD_SCREENS = {
    "activity": ("activities", "highlight"),
    "feedback": ("feedback-item", "feedback_id"),
    "training": ("training", "highlight"),
    "review": ("review", None),
}


def compute(app) -> tuple[GapSummary, ActivitySummary]:
    """Both summaries, on a connection of the calling thread's own."""
    from reflect.progress.summary import activity_summary, gap_summary
    from reflect.journal import open_journal

    journal = app.journal
    with open_journal(journal.path, create=False, clock=journal.clock) as own:
        summary = gap_summary(own, app.framework, suggestion_limit=None)
        return summary, activity_summary(own, today=summary.today)


class DashboardScreen(Screen):
    """Gaps, progress and next steps; every number drills down to what lies behind it."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "progress"

    BINDINGS = [
        *bindings("new_entry"),
        *bindings("framework"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summary: GapSummary | None = None
        self.activity: ActivitySummary | None = None
        self._loading_timer: Timer | None = None
        self._computed_for: tuple | None = None
        self._generation = 0  # numbers from an older computation than the latest are dropped

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with VerticalScroll(id="dashboard"):
            yield Static(id="dash-summary", markup=False)
            yield Static(EMPTY_DASHBOARD, id="dash-empty", classes="empty-state", markup=False)
            with Vertical(id="dash-columns"):
                with Vertical(id="dash-left", classes="dash-column"):
                    yield NextSteps(id="next-steps", classes="dash-section")
                    with Vertical(id="units-section", classes="dash-section"):
                        yield Static(id="plan-shortfall", markup=False)
                        yield UnitProgress(id="unit-progress")
                with Vertical(id="dash-right", classes="dash-column"):
                    yield ActivityHeatmap(id="heatmap", classes="dash-section")
                    yield SkillBars(id="skill-bars", classes="dash-section")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Progress"
        self.query_one("#dash-empty").display = False
        self.query_one("#dash-columns").display = False
        self.query_one(NextSteps).border_title = "Next steps"
        self.query_one(UnitProgress).border_subtitle = LEGEND
        self.query_one(ActivityHeatmap).border_title = "Reflecting"
        self.query_one(SkillBars).border_title = "Meta-skills"

    def on_screen_resume(self) -> None:
        # First shown, or back from a drill-down where something may have been written or edited.
        if self._computed_for is None or self._computed_for != self._journal_state():
            self.reload()

    def _journal_state(self) -> tuple:
        """Changes whenever anything is written to the journal, here or by another connection,
        and when the day changes: equal states mean the numbers shown are still right."""
        conn = self.app.journal.conn
        (version,) = conn.execute("PRAGMA data_version").fetchone()
        return conn.total_changes, version, self.app.journal.today()

    # -- computing ----------------------------------------------------------------------------

    def reload(self) -> None:
        """Compute the summaries again (in a worker) and redraw."""
        self._computed_for = self._journal_state()
        if self._loading_timer is not None:
            self._loading_timer.stop()
        self._loading_timer = self.set_timer(LOADING_DELAY, self._show_loading)
        self._generation += 1
        app, generation = self.app, self._generation
        self.run_worker(lambda: self._compute(app, generation), thread=True, group="dashboard",
                        exit_on_error=False)

    def _compute(self, app, generation: int) -> None:
        try:
            result = compute(app)
        except Exception as error:  # noqa: BLE001 - shown (or raised) on the app's thread
            app.call_from_thread(self._failed, error)
            return
        app.call_from_thread(self._arrived, generation, *result)

    def _arrived(self, generation: int, summary: GapSummary, activity: ActivitySummary) -> None:
        if generation == self._generation and self.is_attached:  # else: left, or newer numbers are coming
            self._show(summary, activity)

    def _show_loading(self) -> None:
        # The timer may have fired just before the numbers arrived, its call still queued:
        # once they are shown (the timer cleared) it must not cover them again.
        if self._loading_timer is not None:
            self.query_one("#dashboard").loading = True

    def _done_loading(self) -> None:
        if self._loading_timer is not None:
            self._loading_timer.stop()
            self._loading_timer = None
        self.query_one("#dashboard").loading = False

    def _failed(self, error: Exception) -> None:
        self._computed_for = None  # try again next time the screen shows
        if self.is_attached:
            self._done_loading()
        report(self.app, error)

    @guarded
    def _show(self, summary: GapSummary, activity: ActivitySummary) -> None:
        self._done_loading()
        first = self.summary is None
        self.summary, self.activity = summary, activity
        empty = summary.skills.entries == 0
        self.query_one("#dash-summary", Static).update(self._summary_line(summary, activity))
        self.query_one(NextSteps).show(summary.suggestions)
        self.query_one("#dash-empty").display = empty
        columns = self.query_one("#dash-columns")
        columns.display = True
        for part in ("#units-section", "#heatmap", "#skill-bars"):
            self.query_one(part).display = not empty
        self._show_units(summary)
        self._show_activity(activity)
        self.query_one(SkillBars).show(summary.skills, self.app.framework)
        self.query_one(SkillBars).border_subtitle = f"balance {summary.skills.balance:.2f} (1 = even)"
        if first:
            # Not scrolled into view: the new numbers are not laid out yet, and the page
            # should open at its top (the summary line) however long that takes.
            self.query_one(NextSteps).focus(scroll_visible=False)

    def _summary_line(self, summary: GapSummary, activity: ActivitySummary) -> Content:
        parts: list = [(format_long(summary.today), "bold"),
                       f"  ·  {plural(summary.skills.entries)}"]
        if activity.current_streak_weeks:
            parts.append(f"  ·  {activity.current_streak_weeks}-week run")
        if activity.learning is not None and activity.learning.total:
            parts.append(f"  ·  {activity.learning.sentence()}")
        review = summary.review
        if review.next_review is not None:
            days = review.days_to_review
            when = "today" if days == 0 else ("tomorrow" if days == 1 else f"in {days} days")
            parts.append(f"  ·  next review {when}")
        return Content.assemble(*parts)

    def _show_units(self, summary: GapSummary) -> None:
        overall = summary.criteria.overall
        section = self.query_one("#units-section")
        section.border_title = f"Units: {overall.evidenced} of {overall.total} criteria evidenced ({overall.percent}%)" + (
            # Criteria resting on the apprentice's own reflections alone (the framework browser lists them).
            f", {overall.own_only} own only" if overall.own_only else "")
        plan = summary.plan
        shortfall = self.query_one("#plan-shortfall", Static)
        shortfall.display = not plan.met
        if not plan.met:
            shortfall.update(Content.assemble(
                ("⚠ ", "bold $text-warning"), (plan.message, "bold"),
                (f" Press f to choose {plan.shortfall} more in the framework.", "$text-muted")))
        self.query_one(UnitProgress).show(summary.criteria)

    def _show_activity(self, activity: ActivitySummary) -> None:
        heatmap = self.query_one(ActivityHeatmap)
        heatmap.show(activity)
        calendar = activity.calendar
        run = activity.current_streak_weeks
        heatmap.border_title = (f"Reflecting: {plural(run, 'week')} in a row" if run
                                else "Reflecting: no run of weeks yet")
        heatmap.border_subtitle = (f"{plural(calendar.active_days, 'day')} with reflections"
                                   f" in the last {len(activity.weeks)} weeks")

    # -- drilling down --------------------------------------------------------------------------

    @on(Drill)
    def _drill(self, event: Drill) -> None:
        event.stop()
        self.drill(event.target)

    @guarded
    def drill(self, target: Target) -> None:
        """Show what lies behind ``target``: its reflections, a criterion, a unit's criteria, ..."""
        app = self.app
        kind = target.kind
        if kind == "criterion":
            app.show("evidence", criterion_id=str(target.id))
        elif kind == "unit":
            app.show("framework", unit=str(target.id), criterion=self._first_gap(str(target.id)))
        elif kind == "units":
            app.show("framework")
        elif kind == "write":
            app.action_new_entry()
        elif target.entries is not None:  # entries, a meta-skill, a day, a week
            app.show("entries", filters=target.entries)
        elif kind == "objective" and target.id is not None:
            app.show("objective", objective_id=int(target.id))
        elif kind in RECORD_SCREENS:
            screen, param = RECORD_SCREENS[kind]
            app.show(screen, **({param: int(target.id)} if param and target.id is not None else {}))
        else:
            self.notify("There is nothing more to show for this.")

    def _first_gap(self, code: str) -> str | None:
        unit = self.summary.criteria.unit(code) if self.summary else None
        gaps = unit.gap_ids if unit else []
        return gaps[0] if gaps else None

    def action_back(self) -> None:
        self.dismiss()
