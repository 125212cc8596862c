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


# -- lists read from the journal a page at a time ------------------------------------------

LONG = 250  # more records than the first rows made and than one page read


def listed(app, selector: str) -> tuple[list[int], list[str]]:
    """The records' ids made into rows so far, in order, and the group headings."""
    rows = app.screen.query_one(selector, Rows)
    return ([int(o.id) for o in rows.options if o.id],
            [str(o.prompt) for o in rows.options if o.disabled])


def highlighted_in(app, selector: str) -> int | None:
    found = app.screen.query(selector)
    option = found.first(Rows).highlighted_option if found else None
    return int(option.id) if option is not None and option.id else None


async def press_end_until(pilot, app, selector: str, wanted: int) -> None:
    """Press end (each time more rows are made) until the record ``wanted`` is highlighted."""
    for _ in range(LONG // 10):
        if highlighted_in(app, selector) == wanted:
            return
        await pilot.press("end")
        await pilot.pause()
    await wait_until(pilot, lambda: highlighted_in(app, selector) == wanted, "the last record, reached with end")


async def test_the_feedback_log_keeps_its_order_across_pages(make, journal):
    first = date(2026, 11, 22)
    for n in range(LONG):
        # Several a day, so the order within a day (newest logged first) matters too.
        item = journal.feedback.add(received_on=first - timedelta(days=n // 4), source_kind="mentor", said=f"Item {n}")
        if n % 3 == 0:
            journal.feedback.mark_done(item.id, action="Did it")
    to_act_on, done = journal.feedback.list(done=False), journal.feedback.list(done=True)
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen)
                         and highlighted_in(app, "#log") == to_act_on[0].id, "the log, its newest item first")
        assert len(listed(app, "#log")[0]) < LONG  # not every item made (or read) before it shows
        await press_end_until(pilot, app, "#log", done[-1].id)
        ids, headings = listed(app, "#log")
        assert ids == [f.id for f in to_act_on + done]
        assert headings == [f"TO ACT ON ({len(to_act_on)})", f"DONE ({len(done)})"]
        # The heading of the done ones sits between the groups.
        rows = app.screen.query_one("#log", Rows)
        titles = [str(o.prompt) if o.disabled else o.id for o in rows.options if o.disabled or o.id]
        assert titles.index(f"DONE ({len(done)})") == len(to_act_on) + 1
        assert rows.border_title == f"{len(to_act_on)} to act on"


async def test_the_objectives_list_reaches_its_last_and_keeps_it_after_opening_it(make, journal):
    from reflect.review.models import CLOSED_STATUSES, OPEN_STATUSES
    from reflect.tui.screens.objective_detail import ObjectiveDetailScreen
    from reflect.tui.screens.objectives import ObjectivesScreen

    today = date(2026, 11, 24)
    for n in range(LONG):
        deadline = None if n % 9 == 0 else today + timedelta(days=n % 40 - 10)
        objective = journal.objectives.add(specific=f"Objective {n}", deadline=deadline)
        if n % 4 == 0:
            journal.objectives.change_status(objective.id, "dropped", reason="No longer needed")
    open_ones, closed = journal.objectives.list(OPEN_STATUSES), journal.objectives.list(CLOSED_STATUSES)
    late = sum(1 for o in open_ones if o.is_overdue(today))
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, ObjectivesScreen)
                         and highlighted_in(app, "#objectives") == open_ones[0].id, "the soonest deadline first")
        rows = app.screen.query_one("#objectives", Rows)
        assert rows.border_title == f"{len(open_ones)} open, {late} overdue"
        assert len(listed(app, "#objectives")[0]) < LONG
        last = closed[-1]
        await press_end_until(pilot, app, "#objectives", last.id)
        ids, headings = listed(app, "#objectives")
        assert ids == [o.id for o in open_ones + closed]
        assert headings == [f"OPEN ({len(open_ones)})", f"CLOSED ({len(closed)})"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ObjectiveDetailScreen), "the objective's page")
        await pilot.press("escape")
        # Back on the list, a fresh read of it: the same objective, far down, is still highlighted.
        await wait_until(pilot, lambda: isinstance(app.screen, ObjectivesScreen)
                         and highlighted_in(app, "#objectives") == last.id, "the objective opened, still highlighted")


async def test_a_dashboard_link_opens_training_beyond_the_first_page(make, journal):
    from reflect.tui.screens.dashboard import RECORD_SCREENS
    from reflect.tui.screens.logs import TrainingScreen

    today = date(2026, 11, 24)
    for n in range(LONG):
        journal.training.add(name=f"Course {n}", due=today + timedelta(days=n - 20))
    target = journal.training.list(done=False)[LONG - 3]  # far beyond the first rows made
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        screen, param = RECORD_SCREENS["training"]  # what the dashboard's link to the item does
        app.show(screen, **{param: target.id})
        await wait_until(pilot, lambda: isinstance(app.screen, TrainingScreen)
                         and highlighted_in(app, "#log") == target.id, "the linked training highlighted")
        assert app.screen.query_one("#log", Rows).border_title == f"{LONG} to do, 20 overdue"
        await pilot.press("down", "down")
        last = journal.training.list(done=False)[-1]
        await wait_until(pilot, lambda: highlighted_in(app, "#log") == last.id, "the last one, two rows on")
        await pilot.press("down")  # the end of the list: the highlight stays on it
        await pilot.pause()
        assert highlighted_in(app, "#log") == last.id


async def test_deleting_far_down_a_long_log_and_undoing_it(make, journal):
    from reflect.tui.dialogs.form import ConfirmDialog

    items = log_feedback(journal)
    target = items[-5]  # beyond the first rows made and the first page read
    app = make()
    async with app.run_test(size=(100, 30)) as pilot:
        app.push_screen(FeedbackScreen(highlight=target.id))
        await wait_until(pilot, lambda: highlighted_in(app, "#log") == target.id, "the item far down, highlighted")
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, FeedbackScreen)
                         and app.screen.query_one("#log", Rows).border_title == f"{COUNT - 1} to act on",
                         "the log without it")
        await pilot.press("u")
        await wait_until(pilot, lambda: app.screen.query_one("#log", Rows).border_title == f"{COUNT} to act on",
                         "the log with it back")
        await press_end_until(pilot, app, "#log", items[-1].id)
        assert listed(app, "#log")[0] == [f.id for f in items]
