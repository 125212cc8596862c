"""The command palette (ctrl+p): every app command, by name.

:data:`APP_COMMANDS` is the list; each runs an action on the app (see ``ReflectApp.action_*``).
Add a line here when a new screen or feature should be reachable from the palette. Textual's
own commands (theme picker, keys panel, quit) are offered alongside.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reflect.models import MODEL_NAMES
from reflect.templates import TEMPLATES


@dataclass(frozen=True)
class AppCommand:
    """A palette entry: what it is called, one line of help, and the app action it runs."""

    title: str
    help: str
    action: str


APP_COMMANDS: tuple[AppCommand, ...] = (
    AppCommand("New entry", "Write a new reflection (n)", "new_entry"),
    *(AppCommand(f"New from template: {MODEL_NAMES[m]}", "Start with the model's headings and questions",
                 f"new_entry('{m}')") for m in TEMPLATES),
    AppCommand("Search", "Find reflections as you type (/)", "search"),
    AppCommand("Journal", "All your reflections, newest first", "show('journal')"),
    AppCommand("Browse framework", "Units, criteria and your evidence; choose optional units (f)",
               "show('framework')"),
    AppCommand("Progress dashboard", "Gaps, progress and next steps: units, meta-skills, weeks (g)",
               "show('dashboard')"),
    AppCommand("Undo delete", "Bring back the last reflection you deleted (u)", "undo_delete"),
    AppCommand("Switch light/dark theme", "Toggle between the light and the dark theme", "toggle_theme"),
    AppCommand("Export", "Write your reflections to Markdown for your mentor", "export"),
    AppCommand("Help", "Keys and tips (?)", "help"),
)


class ReflectCommands(Provider):
    """Offers :data:`APP_COMMANDS` in the command palette."""

    def _run(self, command: AppCommand):
        return partial(self.app.run_action, command.action)

    async def discover(self) -> Hits:
        for command in APP_COMMANDS:
            yield DiscoveryHit(command.title, self._run(command), help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in APP_COMMANDS:
            score = matcher.match(command.title)
            if score > 0:
                yield Hit(score, matcher.highlight(command.title), self._run(command), help=command.help)
