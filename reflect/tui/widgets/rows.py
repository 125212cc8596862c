"""A list whose highlight stops at its ends instead of wrapping round, made a batch at a time.

Textual's OptionList goes from the first row up to the last: one key too many and the
highlight lands on another item, where the next key (``d``, ``y``) deletes it. Every list of
records uses :class:`Rows` instead.

A journal kept for years (or a training provider's whole cohort) can hold thousands of
objectives or feedback items. Making and laying out every row before the screen shows took
seconds, so :meth:`Rows.show_rows` makes the first :data:`FIRST` rows and the rest
:data:`BATCH` at a time as the highlight or the scroll position nears the end, as the
journal's list of reflections does. The records themselves may be read a page at a time too
(:mod:`reflect.tui.paged`).
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

#: Records made into rows when a list is shown: more than a screenful (each row takes two
#: lines or more), as few as that so the screen shows at once (each row is laid out, and an
#: objective's SMART letters checked, as it is made).
FIRST = 40
#: Records made into rows at a time after that (a few screenfuls).
BATCH = 100
#: Rows from the end at which the next batch is made.
AHEAD = 20

RowMaker = Callable[[Any], "list[Option | None]"]


class Rows(OptionList):
    """An OptionList that does not wrap from the first row to the last (or back)."""

    _records: Sequence = ()  # every record of the list (perhaps read from the journal only when sliced)
    _made = 0  # how many of them are rows
    _make: RowMaker | None = None

    def show_rows(self, records: Sequence, make: RowMaker, *, keep: Callable[[Any], bool] | None = None,
                  at: int | None = None) -> int | None:
        """Replace the rows with ``make(record)`` for each record (options, ``None`` for a rule),
        made a batch at a time. Returns the index of the first row of the record at index
        ``at``, or of the record ``keep`` picks (made at once, with the records before it), or
        None. ``records`` is only sliced (and its length taken), so it may be a
        :class:`reflect.tui.paged.Paged` list that reads them a page at a time; ``keep`` looks
        at every record, so such lists give ``at`` instead."""
        if at is None and keep is not None:
            at = next((i for i, record in enumerate(records) if keep(record)), None)
        if at is not None and not 0 <= at < len(records):
            at = None
        stop = FIRST if at is None else max(FIRST, at + FIRST)
        self._make = make
        self._records = records
        options: list[Option | None] = []
        kept = None
        made = records[:stop]
        for index, record in enumerate(made):
            if index == at:  # a None is a rule between rows, not an option of its own
                kept = sum(1 for option in options if option is not None)
            options += make(record)
        self._made = len(made)
        self.set_options(options)
        return kept

    @property
    def _later(self) -> bool:
        """Whether records are left to make into rows."""
        return self._made < len(self._records)

    def make_more(self) -> bool:
        """Add the next batch of rows, if any are left; True if rows were added."""
        if not self._later or self._make is None:
            return False
        batch = self._records[self._made:self._made + BATCH]
        if not batch:  # the list is shorter than it was counted (a record went meanwhile)
            self._records = ()
            return False
        self._made += len(batch)
        options: list[Option | None] = []
        for record in batch:
            options += self._make(record)
        self.add_options(options)
        return True

    def clear_options(self) -> "Rows":
        self._records, self._made = (), 0
        return super().clear_options()

    def _rows_near_end(self) -> bool:
        if self.highlighted is not None and self.highlighted >= self.option_count - AHEAD:
            return True
        # Before layout the list has no height yet (max_scroll_y is 0): that is not "the end".
        return self.max_scroll_y > 0 and self.max_scroll_y - self.scroll_y <= AHEAD * 2

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if self._later and self._rows_near_end():
            self.call_later(self.make_more)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self._later and self._rows_near_end():
            self.call_later(self.make_more)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            super().action_cursor_down() if direction > 0 else super().action_cursor_up()
            return
        index = self.highlighted + direction
        while 0 <= index < self.option_count and self.options[index].disabled:
            index += direction
        if 0 <= index < self.option_count:
            self.highlighted = index

    def action_cursor_up(self) -> None:
        self._step(-1)

    def action_cursor_down(self) -> None:
        self._step(1)
