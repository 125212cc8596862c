"""Every full screen of the app, registered by name in one place.

``ReflectApp.show(name, **params)`` builds ``SCREENS[name](**params)`` and pushes it, so a new
screen (reviews, gaps, exports, ...) is one module here plus one line in ``_WHERE``, and
one :class:`~reflect.tui.actions.AppAction` row if the command palette should offer it.
Modal questions and pickers are not listed: screens push them directly and wait for the answer.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

#: Where each screen class lives ("module:Class"). A screen's module is imported the first time
#: it is shown, not when the app starts: importing all of them (the editor with its coach, the
#: review and assessment screens, their dialogs) was a fifth of the app's start-up.
_WHERE = {
    "journal": "journal:JournalScreen",
    "editor": "editor:EditorScreen",
    "entry": "entry_detail:EntryDetailScreen",
    "framework": "framework_browser:FrameworkBrowserScreen",
    "evidence": "framework_browser:EvidenceScreen",
    "dashboard": "dashboard:DashboardScreen",
    "entries": "entries:EntriesScreen",
    # The review workflow (SDS0223): see docs/review-workflow.md.
    "objectives": "objectives:ObjectivesScreen",
    "objective": "objective_detail:ObjectiveDetailScreen",
    "objective-editor": "objective_editor:ObjectiveEditorScreen",
    "assessment": "assessment:AssessmentScreen",
    "feedback": "logs:FeedbackScreen",
    "feedback-item": "feedback_detail:FeedbackDetailScreen",
    "activities": "activities:ActivitiesScreen",
    "training": "logs:TrainingScreen",
    "review": "review:ReviewScreen",
    "reviews": "review_list:ReviewListScreen",
    "schedule": "review_schedule:ScheduleDialog",
    "profile": "reflect.tui.dialogs.profile:ProfileDialog",
}


class ScreenRegistry(Mapping[str, "type[Screen]"]):
    """Screen classes by name, each imported on first use (a read-only mapping)."""

    def __init__(self, where: dict[str, str]) -> None:
        self._where = where
        self._loaded: dict[str, type[Screen]] = {}

    def __getitem__(self, name: str) -> "type[Screen]":
        if name not in self._loaded:
            module, _, attribute = self._where[name].partition(":")
            if "." not in module:
                module = f"{__name__}.{module}"
            self._loaded[name] = getattr(import_module(module), attribute)
        return self._loaded[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)


SCREENS: Mapping[str, "type[Screen]"] = ScreenRegistry(_WHERE)

#: Screens there is only ever one of: showing one again goes back to it instead of stacking.
SINGLE = frozenset({"journal", "framework", "dashboard", "objectives", "activities", "assessment", "feedback",
                    "training",
                    "review", "reviews", "schedule", "profile"})
