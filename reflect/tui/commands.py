"""The command palette (ctrl+p): every app command, by name.

The commands are the rows of :data:`reflect.tui.actions.ACTIONS` that have a palette title; the
key shown beside each is read from the same row, never typed here. Textual's own commands
(theme picker, keys panel, quit) are offered alongside.
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reflect.tui.actions import ACTIONS, AppAction

#: The actions the palette offers, in the order it lists them.
APP_COMMANDS: tuple[AppAction, ...] = tuple(row for row in ACTIONS.values() if row.title)


def palette_help(command: AppAction) -> str:
    """The line under a command's name: its help, and its key when it has one."""
    return f"{command.help} ({command.key_hint})" if command.key_hint else command.help


class ReflectCommands(Provider):
    """Offers :data:`APP_COMMANDS` in the command palette."""

    def _run(self, command: AppAction):
        return partial(self.app.run_action, command.action)

    async def discover(self) -> Hits:
        for command in APP_COMMANDS:
            yield DiscoveryHit(command.title or "", self._run(command), help=palette_help(command))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in APP_COMMANDS:
            title = command.title or ""  # every palette command has one
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), self._run(command), help=palette_help(command))
