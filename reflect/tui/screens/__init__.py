"""Every full screen of the app, registered by name in one place.

``ReflectApp.show(name, **params)`` builds ``SCREENS[name](**params)`` and pushes it, so a new
screen (reviews, gaps, exports, ...) is one module here plus one line in :data:`SCREENS`, and
one :class:`~reflect.tui.commands.AppCommand` if the command palette should offer it.
Modal questions and pickers are not listed: screens push them directly and wait for the answer.
"""

from __future__ import annotations

from typing import Callable

from textual.screen import Screen

from reflect.tui.screens.dashboard import DashboardScreen
from reflect.tui.screens.editor import EditorScreen
from reflect.tui.screens.entries import EntriesScreen
from reflect.tui.screens.entry_detail import EntryDetailScreen
from reflect.tui.screens.framework_browser import EvidenceScreen, FrameworkBrowserScreen
from reflect.tui.screens.journal import JournalScreen

SCREENS: dict[str, Callable[..., Screen]] = {
    "journal": JournalScreen,
    "editor": EditorScreen,
    "entry": EntryDetailScreen,
    "framework": FrameworkBrowserScreen,
    "evidence": EvidenceScreen,
    "dashboard": DashboardScreen,
    "entries": EntriesScreen,
}

#: Screens there is only ever one of: showing one again goes back to it instead of stacking.
SINGLE = frozenset({"journal", "framework", "dashboard"})
