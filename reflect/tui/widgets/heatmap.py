"""A calendar heatmap of the days with reflections, with a sparkline of reflections per week
underneath, aligned with the weeks.

One column per week (Monday first, UK style), one row per day of the week; each day is a
shade of block by how many reflections it has (``·`` none, ``░`` one ... ``█`` four or more),
so the shading reads without colour too. Below the days, the weekly row is a sparkline: the
taller the bar, the more reflections that week. Arrows move a cursor over the days (down
from Sunday reaches the week); the line under the legend says what the cursor is on, and
``enter`` drills into its reflections.
"""

from __future__ import annotations

from datetime import date

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from reflect.words import plural
from reflect.dates import format_long
from reflect.entries.models import Target
from reflect.progress.summary import ActivitySummary
from reflect.tui.widgets.section_list import Drill

SHADES = "·░▒▓█"  # by reflections that day: none, 1, 2, 3, 4 or more
SPARKS = "▁▂▃▄▅▆▇█"
DAY_LABELS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
LABEL_WIDTH = 3  # "Mo "
CELL = 2  # a shade and a space
WEEK_ROW = 7  # the cursor's row for the weekly sparkline
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

SHADED, EMPTY = "$text-success", "$text-muted"


def shade(count: int) -> str:
    """The block for a day with ``count`` reflections."""
    return SHADES[min(count, len(SHADES) - 1)]


def spark(count: int, most: int) -> str:
    """The sparkline bar for a week with ``count`` reflections when the busiest week had ``most``."""
    if count <= 0 or most <= 0:
        return "·"
    return SPARKS[max(0, -(-count * len(SPARKS) // most) - 1)]


class ActivityHeatmap(Widget, can_focus=True):
    """Days and weeks of reflecting; the cursor picks a day (or a week) to drill into."""

    BINDINGS = [
        Binding("enter", "open", "Open", tooltip="List the reflections of the day (or week) under the cursor"),
        Binding("left", "move(0, -1)", "Earlier week", show=False),
        Binding("right", "move(0, 1)", "Later week", show=False),
        Binding("up", "move(-1, 0)", "Day before", show=False),
        Binding("down", "move(1, 0)", "Day after", show=False),
        # b and t too: macOS Terminal keeps home and end for scrolling its own window.
        Binding("home,b", "jump('start')", "First day", show=False),
        Binding("end,t", "jump('today')", "Today", show=False),
    ]

    #: (week column, row): rows 0-6 are Monday to Sunday, row 7 the week itself.
    cursor: reactive[tuple[int, int]] = reactive((0, 0))

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.activity: ActivitySummary | None = None

    # -- data -------------------------------------------------------------------------------

    def show(self, activity: ActivitySummary) -> None:
        """Draw ``activity``; the cursor stays on the same day if it is still shown, else today."""
        kept = self._day_at(self.cursor) if self.activity is not None else None
        self.activity = activity
        days = activity.calendar.days
        if kept is not None and days and days[0].day <= kept <= days[-1].day:
            index = (kept - days[0].day).days
            self.cursor = (index // 7, index % 7 if self.cursor[1] != WEEK_ROW else WEEK_ROW)
        else:
            self.cursor = self._today_cell()
        self.refresh(layout=True)

    def _today_cell(self) -> tuple[int, int]:
        last = len(self.activity.calendar.days) - 1 if self.activity else 0
        return (max(last, 0) // 7, max(last, 0) % 7)

    def _day_at(self, cell: tuple[int, int]) -> date | None:
        days = self.activity.calendar.days if self.activity else ()
        column, row = cell
        index = column * 7 + min(row, 6)
        return days[index].day if 0 <= index < len(days) else None

    @property
    def weeks(self) -> int:
        return len(self.activity.weeks) if self.activity else 0

    # -- keys -------------------------------------------------------------------------------

    def action_move(self, rows: int, columns: int) -> None:
        if not self.activity:
            return
        column, row = self.cursor
        column = max(0, min(self.weeks - 1, column + columns))
        row = max(0, min(WEEK_ROW, row + rows))
        last = len(self.activity.calendar.days) - 1
        if row < WEEK_ROW and column * 7 + row > last:  # the rest of this week is still to come
            if rows > 0:
                row = WEEK_ROW
            else:
                column, row = (column, last % 7) if column == last // 7 else self._today_cell()
        self.cursor = (column, row)

    def action_jump(self, where: str) -> None:
        if self.activity:
            self.cursor = (0, 0) if where == "start" else self._today_cell()

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on a day (or week); a double click opens it."""
        offset = event.get_content_offset(self)
        if offset is None or not self.activity:
            return
        row, column = offset.y - 1, (offset.x - LABEL_WIDTH) // CELL  # the month names are line 0
        if offset.x < LABEL_WIDTH or not 0 <= row <= WEEK_ROW or not 0 <= column < self.weeks:
            return
        if row < WEEK_ROW and column * 7 + row >= len(self.activity.calendar.days):
            return  # a day still to come
        self.cursor = (column, row)
        if event.chain >= 2:
            self.action_open()

    def action_open(self) -> None:
        target, count, what = self.selection()
        if target is None:
            return
        if count == 0:
            self.notify(f"No reflections {what}.")
            return
        self.post_message(Drill(target))

    def selection(self) -> tuple[Target | None, int, str]:
        """What the cursor is on: its target, its count and how to name it ("on Tue 24 Nov 2026")."""
        if not self.activity:
            return None, 0, ""
        column, row = self.cursor
        if row == WEEK_ROW:
            week = self.activity.weeks[column]
            return week.target, week.count, f"in the week of {format_long(week.start)}"
        index = column * 7 + row
        days = self.activity.calendar.days
        if index >= len(days):
            return None, 0, ""
        day = days[index]
        return day.target, day.count, f"on {format_long(day.day)}"

    def watch_cursor(self) -> None:
        self.refresh()

    # -- drawing ----------------------------------------------------------------------------

    def get_content_width(self, container, viewport) -> int:
        return LABEL_WIDTH + CELL * max(self.weeks, 1)

    def get_content_height(self, container, viewport, width: int) -> int:
        return 11 if self.activity else 1

    def render(self) -> Content:
        if not self.activity:
            return Content("")
        cursor_style = "reverse bold" if self.has_focus else ""
        lines = [self._month_line()]
        days = self.activity.calendar.days
        for row in range(7):
            parts: list = [(DAY_LABELS[row].ljust(LABEL_WIDTH), EMPTY)]
            for column in range(self.weeks):
                index = column * 7 + row
                if index >= len(days):
                    parts.append("  ")
                    continue
                count = days[index].count
                style = SHADED if count else EMPTY
                if (column, row) == self.cursor and cursor_style:
                    style = f"{style} {cursor_style}"
                parts += [(shade(count), style), " "]
            lines.append(Content.assemble(*parts))
        lines.append(self._week_line(cursor_style))
        lines.append(self._legend())
        lines.append(self._status())
        return Content("\n").join(lines)

    @property
    def _shown(self) -> ActivitySummary:
        """The summary on show: the parts below are drawn only once there is one."""
        assert self.activity is not None
        return self.activity

    def _month_line(self) -> Content:
        """Month names above the week in which each month begins, where there is room."""
        text = [" "] * (LABEL_WIDTH + CELL * self.weeks + 3)
        free_from = LABEL_WIDTH
        start = self._shown.calendar.start
        for week in self._shown.weeks:
            sunday = week.start.toordinal() + 6
            first = date.fromordinal(sunday).replace(day=1)
            if week.start == start or first.toordinal() >= week.start.toordinal():
                x = LABEL_WIDTH + CELL * ((week.start - start).days // 7)
                name = MONTHS[date.fromordinal(sunday).month - 1]
                # A month starting in the last week has no room for its name: it would stick out
                # past the grid and wrap the whole line.
                if x >= free_from and x + 3 <= LABEL_WIDTH + CELL * self.weeks:
                    text[x:x + 3] = name
                    free_from = x + 4
        return Content.styled("".join(text).rstrip(), EMPTY)

    def _week_line(self, cursor_style: str) -> Content:
        weeks = self._shown.weeks
        most = max((w.count for w in weeks), default=0)
        parts: list = [("Wk".ljust(LABEL_WIDTH), EMPTY)]
        for column, week in enumerate(weeks):
            style = SHADED if week.count else EMPTY
            if (column, WEEK_ROW) == self.cursor and cursor_style:
                style = f"{style} {cursor_style}"
            parts += [(spark(week.count, most), style), " "]
        return Content.assemble(*parts)

    def _legend(self) -> Content:
        parts: list = [("A day: ", EMPTY)]
        for n, label in ((0, "none"), (1, "1"), (2, "2"), (3, "3"), (4, "4+")):
            parts += [(shade(n), SHADED if n else EMPTY), (f" {label} ", EMPTY)]
        most = max((w.count for w in self._shown.weeks), default=0)
        parts.append((f"   Wk: {SPARKS[-1]} = {most} a week" if most else "   Wk: none in these weeks", EMPTY))
        return Content.assemble(*parts)

    def _status(self) -> Content:
        _, count, what = self.selection()
        if not what:
            return Content("")
        text = f"{plural(count) if count else 'No reflections'} {what}"
        return Content.assemble(("▸ ", "$text-primary"), (text, "bold"),
                                ("  (enter lists them)" if count else "", EMPTY))
