"""A list whose highlight stops at its ends instead of wrapping round.

Textual's OptionList goes from the first row up to the last: one key too many and the
highlight lands on another item, where the next key (``d``, ``y``) deletes it. Every list of
records uses :class:`Rows` instead.
"""

from __future__ import annotations

from textual.widgets import OptionList


class Rows(OptionList):
    """An OptionList that does not wrap from the first row to the last (or back)."""

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
