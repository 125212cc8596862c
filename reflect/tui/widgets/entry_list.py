"""The list of entries: one page at a time, more loaded as you near the end.

A journal can hold 100,000 reflections, so the list never asks for everything: it shows the
first page (:data:`PAGE_SIZE` rows) and fetches the next when the highlight or the scroll
position comes within :data:`LOAD_AHEAD` rows of the bottom. Rows are options of an
``OptionList`` (lines drawn on demand), never a widget per entry.

Where rows come from is a :data:`PageSource`: a function from a cursor (None for the first
page) to ``(rows, next_cursor)``. :func:`entry_pages` builds the right one for a filter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

from textual import getters
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reflect.tui.widgets.rows import Rows
from reflect.entries.models import EntryFilter, EntrySummary
from reflect.entries.search_query import QueryTooBigError, to_fts_query

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

PAGE_SIZE = 100
LOAD_AHEAD = 20
#: Fewer characters than this list entries instead of searching ("r*" would match everything).
MIN_SEARCH = 2

PageSource = Callable[[Any], tuple[list[EntrySummary], Any]]


def entry_pages(journal, filters: EntryFilter, size: int = PAGE_SIZE) -> PageSource:
    """Pages of entries for ``filters``: ranked search results when there is search text,
    otherwise newest first."""
    try:
        searchable = len(filters.text.strip()) >= MIN_SEARCH and to_fts_query(filters.text, prefix_last=True) is not None
    except QueryTooBigError:  # more terms than a search may hold: nothing matches until fewer
        return lambda cursor: ([], None)
    if not searchable:
        listing = replace(filters, text="")

        def list_page(cursor):
            page = journal.entries.list(listing, limit=size, after=cursor)
            return page.rows, page.next_cursor
        return list_page

    def search_page(offset):
        offset = offset or 0
        rows = journal.entries.search(filters, limit=size, offset=offset, as_you_type=True)
        return rows, (offset + len(rows) if len(rows) == size else None)
    return search_page


class EntryList(Rows):
    """Entries as two- or three-line rows (date and title; tags; search snippet)."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    # Hidden from the footer (it is full at 80 columns); the help screen lists it.
    BINDINGS = [Binding("enter", "select", "Open", show=False, tooltip="Open the highlighted reflection")]

    @dataclass
    class Highlighted(Message):
        """The highlighted entry changed (``entry_id`` is None when the list is empty)."""

        entry_list: "EntryList"
        entry_id: int | None

    @dataclass
    class Chosen(Message):
        """An entry was chosen (enter or click)."""

        entry_list: "EntryList"
        entry_id: int

    def __init__(self, framework, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self.framework = framework
        self._source: PageSource | None = None
        self._cursor: Any = None
        self._exhausted = True

    @property
    def entry_id(self) -> int | None:
        option = self.highlighted_option
        return int(option.id) if option is not None and option.id else None

    def show(self, source: PageSource, *, keep: int | None = None) -> None:
        """Replace the rows with the first page from ``source``, highlighting ``keep`` if shown."""
        self._source = source
        self._cursor = None
        self._exhausted = False
        self.clear_options()
        self._load_page()
        index = None
        if keep is not None:
            try:
                index = self.get_option_index(str(keep))
            except Exception:  # noqa: BLE001 - OptionDoesNotExist: the entry is not on this page
                index = None
        self.highlighted = index if index is not None else (0 if self.option_count else None)
        if self.highlighted is not None:
            self.scroll_to_highlight()
        self.post_message(self.Highlighted(self, self.entry_id))

    def remove_entry(self, entry_id: int) -> None:
        """Take one entry out of the list (after it went to the trash)."""
        try:
            self.remove_option(str(entry_id))
        except Exception:  # noqa: BLE001 - not shown: nothing to remove
            return
        self.post_message(self.Highlighted(self, self.entry_id))

    def load_more(self) -> bool:
        """Fetch the next page if there is one; True if rows were added."""
        if self._exhausted or self._source is None:
            return False
        return self._load_page()

    def _load_page(self) -> bool:
        if self._source is None:
            return False
        rows, self._cursor = self._source(self._cursor)
        self._exhausted = self._cursor is None
        seen = {o.id for o in self.options} if self.option_count and rows else set()
        from reflect.tui.text import entry_row

        # How many files each row's entry has: one indexed query a page, never the files themselves.
        files = self.app.journal.attachments.counts([row.id for row in rows]) if rows else {}
        options: list[Option | None] = []
        for row in rows:
            if str(row.id) not in seen:
                options += [Option(entry_row(self.framework, row, files.get(row.id, 0)), id=str(row.id)),
                            None]  # None: a rule
        self.add_options(options)
        return bool(rows)

    def _near_end(self) -> bool:
        if self.highlighted is not None and self.highlighted >= self.option_count - LOAD_AHEAD:
            return True
        # Before layout the list has no height yet (max_scroll_y is 0): that is not "the end".
        return self.max_scroll_y > 0 and self.max_scroll_y - self.scroll_y <= LOAD_AHEAD * 2

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and self._near_end():
            self.call_later(self.load_more)
        self.post_message(self.Highlighted(self, self.entry_id))

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._exhausted and self._near_end():
            self.call_later(self.load_more)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(self, int(event.option.id)))

    def _on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
