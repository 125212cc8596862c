"""Every full screen of the app, registered by name in one place.

``ReflectApp.show(name, **params)`` builds ``SCREENS[name](**params)`` and pushes it, so a new
screen (reviews, gaps, exports, ...) is one module here plus one line in :data:`SCREENS`, and
one :class:`~reflect.tui.actions.AppAction` row if the command palette should offer it.
Modal questions and pickers are not listed: screens push them directly and wait for the answer.
"""

from __future__ import annotations

from textual.screen import Screen

from reflect.tui.dialogs.profile import ProfileDialog
from reflect.tui.screens.activities import ActivitiesScreen
from reflect.tui.screens.assessment import AssessmentScreen
from reflect.tui.screens.dashboard import DashboardScreen
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.entries import EntriesScreen
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.feedback_detail import FeedbackDetailScreen
from reflect.tui.screens.framework_browser import EvidenceScreen, FrameworkBrowserScreen
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.screens.logs import FeedbackScreen, TrainingScreen
from reflect.tui.screens.objective_detail import ObjectiveDetailScreen
from reflect.tui.screens.objective_editor import ObjectiveEditorScreen
from reflect.tui.screens.objectives import ObjectivesScreen
from reflect.tui.screens.review import ReviewScreen
from reflect.tui.screens.review_list import ReviewListScreen
from reflect.tui.screens.review_schedule import ScheduleDialog

SCREENS: dict[str, type[Screen]] = {
    "journal": JournalScreen,
    "editor": EditorScreen,
    "entry": EntryDetailScreen,
    "framework": FrameworkBrowserScreen,
    "evidence": EvidenceScreen,
    "dashboard": DashboardScreen,
    "entries": EntriesScreen,
    # The review workflow (SDS0223): see docs/review-workflow.md.
    "objectives": ObjectivesScreen,
    "objective": ObjectiveDetailScreen,
    "objective-editor": ObjectiveEditorScreen,
    "assessment": AssessmentScreen,
    "feedback": FeedbackScreen,
    "feedback-item": FeedbackDetailScreen,
    "activities": ActivitiesScreen,
    "training": TrainingScreen,
    "review": ReviewScreen,
    "reviews": ReviewListScreen,
    "schedule": ScheduleDialog,
    "profile": ProfileDialog,
}

#: Screens there is only ever one of: showing one again goes back to it instead of stacking.
SINGLE = frozenset({"journal", "framework", "dashboard", "objectives", "activities", "assessment", "feedback",
                    "training",
                    "review", "reviews", "schedule", "profile"})
