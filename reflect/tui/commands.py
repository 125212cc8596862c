"""The command palette (ctrl+p): every app command, by name.

:data:`APP_COMMANDS` is the list; each runs an action on the app (see ``ReflectApp.action_*``).
Add a line here when a new screen or feature should be reachable from the palette. Textual's
own commands (theme picker, keys panel, quit) are offered alongside.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from reflect.entries.models import MODEL_NAMES
from reflect.entries.templates import TEMPLATES


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
    # The review workflow (SDS0223), see docs/review-workflow.md.
    AppCommand("Objectives", "Your SMART objectives, their activities and evidence (o)", "show('objectives')"),
    AppCommand("New objective", "Set a SMART objective, with advice as you type", "show('objective-editor')"),
    AppCommand("Self-assessment", "Rate your meta-skills from 1 to 5 and see the trend (a)", "show('assessment')"),
    AppCommand("Feedback log", "Feedback you received, what you will do about it, done or not",
               "show('feedback')"),
    AppCommand("Training log", "Mandatory training: due, completed, certificates", "show('training')"),
    AppCommand("Prepare review", "Everything since your last review, and your notes for it (r)", "show('review')"),
    AppCommand("Past reviews", "Your completed reviews, as agreed (read-only)", "show('reviews')"),
    AppCommand("Review pack", "The pack for your mentor, Markdown or printable HTML, with the record of the "
               "meeting to fill in (e in a review)", "review_pack"),
    AppCommand("Review schedule", "Set when your reviews are: the first date and how often", "show('schedule')"),
    AppCommand("Undo delete", "Bring back the last reflection you deleted (u)", "undo_delete"),
    AppCommand("Switch light/dark theme", "Toggle between the light and the dark theme", "toggle_theme"),
    AppCommand("Export", "Reflections or a review pack for your mentor, as Markdown or printable HTML", "export"),
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
