"""The reflections behind a number: any :class:`~reflect.entries.models.EntryFilter`, listed newest
first, with a heading saying what they are ("Reflections tagged Leadership").

The dashboard drills down to it (a meta-skill, a day, a week); ``enter`` opens a reflection.
It reloads when you come back, so an entry edited meanwhile shows as it is now.
"""

from __future__ import annotations

from datetime import timedelta

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label

from reflect.words import plural
from reflect.dates import format_long
from reflect.entries.models import EntryFilter
from reflect.tui.actions import bindings
from reflect.tui.guard import guarded
from reflect.tui.text import skill_name
from reflect.tui.widgets.entry_list import EntryList, entry_pages
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


def describe_filter(framework, filters: EntryFilter) -> str:
    """What a filter selects, in words: "Reflections tagged Leadership on Tue 24 Nov 2026"."""
    words = ["Reflections"]
    if filters.skills:
        words.append("tagged " + " and ".join(skill_name(framework, s) for s in filters.skills))
    if filters.criteria:
        words.append("citing " + " and ".join(filters.criteria))
    if filters.units:
        words.append("citing criteria of " + " or ".join(filters.units))
    start, end = filters.date_from, filters.date_to
    if start and end and start == end:
        words.append(f"on {format_long(start)}")
    elif start and end and start.weekday() == 0 and end - start == timedelta(days=6):
        words.append(f"in the week of {format_long(start)}")
    elif start and end:
        words.append(f"from {format_long(start)} to {format_long(end)}")
    elif start:
        words.append(f"since {format_long(start)}")
    elif end:
        words.append(f"up to {format_long(end)}")
    if filters.private is True:
        words.append("(private only)")
    elif filters.private is False:
        words.append("(not private)")
    if filters.text.strip():
        words.append(f'matching "{filters.text.strip()}"')
    return " ".join(words)


class EntriesScreen(Screen):
    """The reflections a filter selects; ``enter`` opens one."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "progress"

    BINDINGS = [
        *bindings("new_entry"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, filters: EntryFilter, heading: str | None = None) -> None:
        super().__init__()
        self.filters = filters
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with Vertical(id="filtered"):
            heading = self.heading or describe_filter(self.app.framework, self.filters)
            yield Label(heading, id="filtered-heading", markup=False)
            yield EntryList(self.app.framework, id="entries")
            yield Label("No reflections here yet. Press n to write one.", id="filtered-empty",
                        classes="empty-state", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Reflections"

    def on_screen_resume(self) -> None:
        self.reload()

    @guarded
    def reload(self) -> None:
        entries = self.query_one(EntryList)
        entries.show(entry_pages(self.app.journal, self.filters), keep=entries.entry_id)
        total = self.app.journal.entries.count(self.filters)
        entries.border_title = plural(total)
        entries.display = total > 0
        self.query_one("#filtered-empty").display = total == 0
        if total:
            entries.focus()

    @property
    def shown_ids(self) -> list[int]:
        """Entry ids listed (the first pages), newest first."""
        return [int(o.id) for o in self.query_one(EntryList).options if o.id]

    @on(EntryList.Chosen)
    def _open(self, event: EntryList.Chosen) -> None:
        self.app.open_entry(event.entry_id)

    def action_back(self) -> None:
        self.dismiss()
