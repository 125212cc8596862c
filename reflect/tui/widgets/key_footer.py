"""The footer every screen and dialog shows: Textual's compact footer, rebuilt only when its keys
change, and cut to the width so that Help and Quit always show.

Textual's footer rebuilds all its keys (a widget each, styled from scratch) every time the
bindings are refreshed: on every change of focus, selection or filter, and again for each
refresh asked for before the screen is next drawn. Most of those refreshes change nothing it
shows, yet the journal's first screen rebuilt its footer nine times before it settled, a good
part of the app's start-up. This one rebuilds once per screen refresh at most, and only when
the keys, their labels, whether they work, or which of them fit have changed.

On a narrow terminal a full footer ran past the edge and cut Help and Quit off. Here the keys
that do not fit are left out from the right, never Help, Quit or Save: ``?`` lists every key.
"""

from __future__ import annotations

from typing import Hashable, NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

#: Actions whose keys stay in the footer whatever its width (the app's help and quit)...
KEPT_ACTIONS = frozenset({"help", "quit", "app.help", "app.quit"})
#: ... and keys that do too: ctrl+s saves every form and editor.
KEPT_KEYS = frozenset({"ctrl+s"})


class _Key(NamedTuple):
    binding: Binding
    display: str
    enabled: bool
    tooltip: str

    @property
    def width(self) -> int:
        # Compact: "key description", then a one-cell margin.
        return cell_len(self.display) + (1 + cell_len(self.binding.description) if self.binding.description else 0) + 1


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
        if self.is_attached and screen is self.screen:
            self._ask_recompose()

    def on_resize(self) -> None:
        self._ask_recompose()  # a new width may fit more keys, or fewer

    def _ask_recompose(self) -> None:
        if not self._pending:
            self._pending = True
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        self._pending = False  # a change made while rebuilding asks again
        if self.is_attached and self._bindings_ready and self.keys_shown() != self._shown:
            await self.recompose()

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        keys = self._fitting()
        self._shown = self._signature(keys)
        for key in keys:
            binding = key.binding
            yield FooterKey(binding.key, key.display, binding.description, binding.action,
                            disabled=not key.enabled, tooltip=key.tooltip).data_bind(compact=Footer.compact)

    def keys_shown(self) -> tuple[Hashable, ...]:
        """What the footer would show now: each key that fits, its label and whether it works."""
        return self._signature(self._fitting())

    @staticmethod
    def _signature(keys: list[_Key]) -> tuple[Hashable, ...]:
        return tuple((k.binding.key, k.display, k.binding.description, k.binding.action, k.enabled, k.tooltip)
                     for k in keys)

    def _fitting(self) -> list[_Key]:
        """The screen's shown keys (one per action, as Textual's footer does) that fit the width,
        leaving keys out from the right, never help, quit or save."""
        keys: dict[str, _Key] = {}
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show and binding.action not in keys:
                keys[binding.action] = _Key(binding, self.app.get_key_display(binding), enabled, tooltip)
        shown = list(keys.values())
        width = self.size.width or self.app.size.width
        while sum(k.width for k in shown) - 1 > width:  # the last key's margin may fall off the edge
            droppable = [i for i, k in enumerate(shown)
                         if k.binding.action not in KEPT_ACTIONS and k.binding.key not in KEPT_KEYS]
            if not droppable:
                break
            del shown[droppable[-1]]
        return shown
