"""Long lists of records (years of feedback, many objectives) open with a first batch of rows
and make the rest as you move down, so every record is still reached by keyboard."""

from __future__ import annotations

from datetime import date, timedelta

from reflect.tui.screens.logs import FeedbackScreen
from reflect.tui.widgets.rows import BATCH, Rows

from .conftest import wait_until

COUNT = BATCH * 2 + 30


def log_feedback(journal) -> list:
    """COUNT items, one a day back from 22/11/2026 (newest first in the log)."""
    first = date(2026, 11, 22)
    return [journal.feedback.add(received_on=first - timedelta(days=n), source_kind="customer", said=f"Item {n}")
            for n in range(COUNT)]


def highlighted_id(app) -> int | None:
    found = app.screen.query("#log")
    if not found:
        return None  # not composed yet
    option = found.first(Rows).highlighted_option
    return int(option.id) if option is not None and option.id else None


async def test_the_feedback_log_makes_rows_as_you_go_down(make, journal):
    items = log_feedback(journal)
    oldest = items[-1]
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen) and highlighted_id(app) == items[0].id,
                         "the log, newest first")
        made = lambda: sum(1 for o in app.screen.query_one("#log", Rows).options if o.id)  # noqa: E731
        assert made() <= BATCH  # a first batch (after its heading), not every item
        for _ in range(COUNT // 10):
            if highlighted_id(app) == oldest.id:
                break
            await pilot.press("end")
            await pilot.pause()
        await wait_until(pilot, lambda: highlighted_id(app) == oldest.id, "the oldest item, reached with end")
        assert made() == COUNT
        assert app.screen.query_one("#log", Rows).border_title == f"{COUNT} to act on"


async def test_a_link_to_an_old_item_highlights_it(make, journal):
    items = log_feedback(journal)
    oldest = items[-1]
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(FeedbackScreen(highlight=oldest.id))
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen) and highlighted_id(app) == oldest.id,
                         "the linked item highlighted, far down the log")
