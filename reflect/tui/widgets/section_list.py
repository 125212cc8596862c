"""A list that is one section of a scrolling page (the dashboard): it grows to fit its rows,
keeps the highlighted row in view of the page, and posts :class:`Drill` with the
row's :class:`~reflect.progress.evidence.Target` when a row is chosen.

Rows are ``(prompt, target)`` pairs; a row with no target is a heading (not selectable), and
``None`` draws a rule between rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from textual.binding import Binding
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.geometry import Offset, Region
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reflect.entries.models import Target

Row = tuple[Content | str, Target | None] | None


@dataclass
class Drill(Message):
    """A number or a row was chosen: show what lies behind it."""

    target: Target


class SectionList(OptionList):
    """Rows with drill-down targets; ``enter`` drills into the highlighted one."""

    BINDINGS = [Binding("enter", "select", "Open", tooltip="Open what is behind the highlighted row")]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, markup=False)
        self._targets: dict[str, Target] = {}
        self._filling = False

    def set_rows(self, rows: Iterable[Row]) -> None:
        """Replace the rows, keeping the highlight on the same row (by position) if it is still there."""
        keep = self.highlighted
        options: list[Option | None] = []
        self._targets = {}
        for row in rows:
            if row is None:
                options.append(None)
                continue
            prompt, target = row
            if target is None:
                options.append(Option(prompt, disabled=True))
            else:
                key = str(len(self._targets))
                self._targets[key] = target
                options.append(Option(prompt, id=key))
        self._filling = True  # the page is being laid out again: leave its scroll alone
        try:
            self.set_options(options)
            selectable = [i for i, o in enumerate(self.options) if not o.disabled]
            if not selectable:
                self.highlighted = None
            elif keep is not None and keep < self.option_count and not self.options[keep].disabled:
                self.highlighted = keep
            else:
                self.highlighted = selectable[0]
        finally:
            self._filling = False

    @property
    def target(self) -> Target | None:
        """The highlighted row's target."""
        option = self.highlighted_option
        return self._targets.get(option.id) if option is not None and option.id else None

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self._targets.get(event.option.id or "")
        if target is not None:
            self.choose(target)

    def choose(self, target: Target) -> None:
        """A row was chosen: ask the screen to drill down to its target."""
        self.post_message(Drill(target))

    def scroll_to_region(self, region: Region, **options) -> Offset:
        # The list is as tall as its rows, so scrolling itself does nothing: scroll the page
        # around it instead, so that arrowing through a long section keeps the row in view.
        scrolled = super().scroll_to_region(region, **options)
        page = next((a for a in self.ancestors if isinstance(a, ScrollableContainer)), None)
        if page is not None and self.has_focus and not self._filling:
            on_screen = region.translate(self.content_region.offset - self.scroll_offset)
            in_page = on_screen.translate(page.scroll_offset - page.scrollable_content_region.offset)
            page.scroll_to_region(in_page, animate=False, immediate=True, force=True)
        return scrolled
