"""What the reflection editor and the objective editor share: keeping what is typed as a
draft in the journal, a moment after each change and whenever another screen comes on top.

A screen using :class:`KeepsDrafts` sets ``self.keeper`` (a :class:`DraftKeeper`) and
``self.saved`` (the form as saved), defines ``current_state()`` (the form as typed), calls
:meth:`~KeepsDrafts.schedule_autosave` on every change and
:meth:`~KeepsDrafts.stop_autosave` once it is leaving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches

from reflect.errors import ReflectError

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

    from reflect.tui.editor_state import DraftKeeper

    _Base = Screen  # the screens it is mixed into
else:
    _Base = object

#: Longest wait between a change and its draft being in the journal, in seconds.
AUTOSAVE_DELAY = 1.0


class KeepsDrafts(_Base):
    """Mixin for editor screens: autosaves the unsaved form as a draft (see the module)."""

    if TYPE_CHECKING:  # what a screen using it provides
        keeper: DraftKeeper
        saved: Any

        def current_state(self) -> Any: ...

    _autosave_timer: Timer | None = None
    _leaving = False

    def schedule_autosave(self) -> None:
        """Keep a draft soon (at most the app's ``autosave_delay`` after the first change)."""
        if self._autosave_timer is None and not self._leaving:
            delay = getattr(self.app, "autosave_delay", AUTOSAVE_DELAY)
            self._autosave_timer = self.set_timer(delay, self._autosave)

    def _autosave(self) -> None:
        self._autosave_timer = None
        self.keep_draft()

    def keep_draft(self) -> None:
        """Write the unsaved form to its draft now (a no-op when nothing changed)."""
        if self._leaving:
            return
        try:
            state = self.current_state()
        except NoMatches:  # the widgets are already gone
            return
        try:
            self.keeper.keep(state, self.saved)
        except ReflectError as error:  # e.g. the journal is busy: try again on the next change
            self.notify(f"Could not keep a draft: {error}", severity="warning")

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def on_unmount(self) -> None:
        # The app is closing (or the screen was removed) with this editor open.
        self.keep_draft()

    def stop_autosave(self) -> None:
        """No more drafts from this screen: it is leaving."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        self._leaving = True
