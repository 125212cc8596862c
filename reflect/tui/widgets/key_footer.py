"""The footer every screen and dialog shows: Textual's compact footer, rebuilt only when its keys change.

Textual's footer rebuilds all its keys (a widget each, styled from scratch) every time the
bindings are refreshed: on every change of focus, selection or filter, and again for each
refresh asked for before the screen is next drawn. Most of those refreshes change nothing it
shows, yet the journal's first screen rebuilt its footer nine times before it settled, a good
part of the app's start-up. This one rebuilds once per screen refresh at most, and only when
the keys, their labels or whether they work have changed.
"""

from __future__ import annotations

from typing import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A compact footer without the command palette's key (ctrl+p is listed in help)."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, compact=True, show_command_palette=False)
        self._shown: tuple | None = None  # the keys as last composed (None: not yet)
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False  # a change made while rebuilding asks again
        if self.is_attached and self.keys_shown() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self.keys_shown()
        yield from super().compose()

    def keys_shown(self) -> tuple[Hashable, ...]:
        """What the footer would show now: each shown key, its label and whether it works."""
        app = self.app
        return tuple((binding.key, app.get_key_display(binding), binding.description, binding.action,
                      binding.group, enabled, tooltip)
                     for _node, binding, enabled, tooltip in self.screen.active_bindings.values() if binding.show)
