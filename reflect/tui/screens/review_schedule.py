"""Setting the review schedule: the first review's date and how often reviews come round.

The same settings as ``reflect config review_start`` and ``review_interval``. The dialog shows
where the schedule stands now and the next few review dates as you type.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.widgets import Input, Label

from reflect.dates import format_long
from reflect.errors import InputError
from reflect.review.schedule import (
    DEFAULT_INTERVAL,
    build_schedule,
    parse_interval,
    review_dates,
    review_schedule,
)
from reflect.tui.dialogs.form import FormDialog, field_label
from reflect.tui.widgets.date_field import DateField


class ScheduleDialog(FormDialog):
    """Review schedule settings. Dismisses with True once saved."""

    heading = "Review schedule"
    hint = "Empty first review: reviews run from your last completed one · ctrl+s saves"

    def intro(self):
        yield Label("", id="schedule-now", markup=False)

    def fields(self):
        settings = self.app.journal.settings
        today = self.app.journal.today()
        start = settings.get("review_start")
        yield field_label("First review")
        yield DateField(date.fromisoformat(start) if start else None, today=today, what="The first review",
                        ahead=True, empty="not set", placeholder="5/1/2027", id="start")
        yield field_label("Every")
        yield Input(settings.get("review_interval") or DEFAULT_INTERVAL, id="interval", compact=True,
                    placeholder="12 weeks, 3 months")

    def on_mount(self) -> None:
        self._preview()
        self.query_one("#start", DateField).input.focus()

    @on(Input.Changed)
    def _preview(self) -> None:
        label = self.query_one("#schedule-now", Label)
        journal = self.app.journal
        today = journal.today()
        try:
            start = self.query_one("#start", DateField).day
            interval = parse_interval(self.query_one("#interval", Input).value)
        except InputError as error:
            label.update(str(error))
            return
        last = journal.reviews.last_completed()
        schedule = build_schedule(interval, today, start, last.agreed_on if last else None)
        if not schedule.is_set or schedule.start is None or schedule.next_date is None:
            label.update("No date yet: give the first review's date (or complete a review).")
            return
        upcoming = [d for d in review_dates(schedule.start, interval, schedule.next_date + timedelta(days=400))
                    if d > schedule.next_date][:2]
        label.update(schedule.countdown + ("\nThen " + " and ".join(format_long(d) for d in upcoming) + "."
                                           if upcoming else ""))

    def submit(self) -> bool:
        start = self.query_one("#start", DateField).day
        interval = parse_interval(self.query_one("#interval", Input).value)
        settings = self.app.journal.settings
        with self.app.journal.write():
            settings.set("review_start", start.isoformat() if start else None)
            settings.set("review_interval", str(interval))
        self.notify(review_schedule(self.app.journal).countdown, title="Review schedule saved")
        return True
