"""The home screen's one line about reviews: the countdown to the next one and anything overdue.

"Next review Tue 8 Dec 2026 — in 14 days · Overdue: 1 activity, 1 training." It is worked out
after the journal's first paint (:meth:`ReviewLine.refresh_line`) so a big journal still opens
at once, and again whenever the journal screen comes back. When the whole line does not fit,
a shorter form is used so the overdue part is never cut off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.content import Content
from textual.widgets import Static

from reflect.tui.review_view import OVERDUE, countdown_line

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class ReviewLine(Static):
    """Countdown to the next review and what is overdue (activities, training, objectives)."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.full = self.short = Content("")

    def refresh_line(self) -> None:
        """Work the line out again from the journal (cheap: a few small queries)."""
        from reflect.review.overdue import overdue
        from reflect.review.schedule import review_schedule

        journal = self.app.journal
        today = journal.today()
        schedule = review_schedule(journal, today)
        late = overdue(journal, today).summary.rstrip(".")
        self.full = countdown_line(schedule, today)
        self.short = countdown_line(schedule, today, short=True)
        if late:
            self.full = Content.assemble(self.full, (" · ", "$text-muted"), (late, OVERDUE))
            self.short = Content.assemble(self.short, (" · ", "$text-muted"), (late, OVERDUE))
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        width = self.size.width
        self.update(self.full if not width or self.full.cell_length <= width else self.short)
