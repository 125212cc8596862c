"""Lists of records read from the journal a page at a time, for :class:`reflect.tui.widgets.rows.Rows`.

A journal kept for years (or a training provider's whole cohort) holds thousands of objectives
or feedback items. Reading every one before a list shows made opening the Objectives and Logs
areas take a fifth of a second and more at 100,000 entries, though the screen shows twenty. A
:class:`Paged` list knows how many records there are (a ``COUNT(*)``) and reads them with
``LIMIT``/``OFFSET`` only when a slice of them is asked for, which :class:`Rows` does a batch at
a time as the highlight nears the end. :class:`Grouped` puts such lists one after another under
their headings (OPEN, CLOSED), as one sequence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Callable

#: Reads ``limit`` records from ``offset`` in the list's order; called with those two as
#: keywords, as the stores' ``list`` methods take them.
Fetch = Callable[..., "list[Any]"]


class Paged(Sequence):
    """``count`` records in a fixed order, read with ``fetch(offset=..., limit=...)`` when sliced.

    Records once read are kept, so rows made again (a reload keeps the list) are not read twice
    in the same list; a new list is made for each reload, so edits are always seen."""

    def __init__(self, count: int, fetch: Fetch) -> None:
        self._count = count
        self._fetch = fetch
        self._read: dict[int, Any] = {}

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return [self[i] for i in range(start, stop, step)]
            missing = [i for i in range(start, stop) if i not in self._read]
            if missing:
                first = missing[0]
                for offset, record in enumerate(self._fetch(offset=first, limit=missing[-1] + 1 - first), start=first):
                    self._read[offset] = record
            return [self._read[i] for i in range(start, stop) if i in self._read]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        found = self[index:index + 1]
        if not found:  # the record went between the count and the read
            raise IndexError(index)
        return found[0]


class Grouped(Sequence):
    """Groups of records one after another, each under its heading (a string); empty groups
    and their headings are left out."""

    def __init__(self, groups: Sequence[tuple[str, Sequence]]) -> None:
        self._parts: list[Sequence] = []
        self._starts: list[int] = []  # where each group's first record is (its heading just before)
        at = 0
        for heading, records in groups:
            if len(records):
                self._parts += [[heading], records]
                at += 1
            self._starts.append(at)
            at += len(records)

    def __len__(self) -> int:
        return sum(len(part) for part in self._parts)

    def position(self, group: int, index: int) -> int:
        """Where record ``index`` of group number ``group`` (as given) is in the whole sequence."""
        return self._starts[group] + index

    def __getitem__(self, index):
        if not isinstance(index, slice):
            found = self[index:index + 1] if index >= 0 else self[len(self) + index:len(self) + index + 1]
            if not found:
                raise IndexError(index)
            return found[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            return [self[i] for i in range(start, stop, step)]
        out: list = []
        base = 0
        for part in self._parts:
            size = len(part)
            lo, hi = max(start - base, 0), min(stop - base, size)
            if lo < hi:
                out += part[lo:hi]
            base += size
            if base >= stop:
                break
        return out
