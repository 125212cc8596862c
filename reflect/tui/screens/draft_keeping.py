"""What the reflection editor and the objective editor share: keeping what is typed as a
draft in the journal, a moment after each change and whenever another screen comes on top.

A screen using :class:`KeepsDrafts` sets ``self.keeper`` (a :class:`DraftKeeper`) and
``self.saved`` (the form as saved), defines ``current_state()`` (the form as typed), calls
:meth:`~KeepsDrafts.schedule_autosave` on every change and
:meth:`~KeepsDrafts.stop_autosave` once it is leaving.

Keeping a draft, and saving, never wait for the journal (beyond :data:`TRY_WAIT`, a moment
typing does not notice). While another reflect holds its write lock (a command for a moment, a
long import for minutes), the draft goes into a private side file beside the journal
(:mod:`reflect.store.side_files`) and a save waits its turn, both tried again every
:data:`DRAFT_RETRY` seconds until they are in the journal; then the side file goes. Typing carries on all the while. Moments of waiting are normal and pass unnoticed;
once the journal has been busy for :data:`NOTICE_AFTER` seconds the screen says so.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.css.query import NoMatches

from reflect.errors import JournalBusyError, ReflectError
from reflect.store import side_files

if TYPE_CHECKING:
    from textual import getters
    from textual.screen import Screen
    from textual.timer import Timer

    from reflect.tui.app import ReflectApp

    from reflect.tui.editor_state import DraftKeeper

    _Base = Screen  # the screens it is mixed into
else:
    _Base = object

#: Longest wait between a change and its draft being in the journal, in seconds.
AUTOSAVE_DELAY = 1.0
#: Seconds between an app's tries to move drafts left beside the journal into it.
RETRY_DELAY = 1.0
#: Seconds between tries to write a draft, or save, while the journal is busy.
DRAFT_RETRY = 0.1
#: Seconds the journal must stay busy before the screen says so (a command's write is shorter).
NOTICE_AFTER = 2.0
#: Longest a draft or a save waits for the lock at each try: SQLite looks a few times within it,
#: so a free moment between other writers' is caught, and typing never notices the pause.
TRY_WAIT = 0.02
BUSY_NOTICE = ("The journal is busy: another reflect is writing to it (an import?). Keep writing: "
               "your words are kept safely beside it and go into the journal when it is free.")


class KeepsDrafts(_Base):
    """Mixin for editor screens: autosaves the unsaved form as a draft (see the module)."""

    if TYPE_CHECKING:  # what a screen using it provides
        app = getters.app(ReflectApp)
        keeper: DraftKeeper
        saved: Any

        def current_state(self) -> Any: ...

        def action_save(self) -> bool: ...

    _autosave_timer: Timer | None = None
    _retry_timer: Timer | None = None
    _save_timer: Timer | None = None
    _leaving = False
    _busy_since: float | None = None
    #: The side file holding the draft while the journal is busy (None: the draft is in it).
    aside: side_files.SideFile | None = None
    #: True once the screen has said the journal is busy (until it is free again).
    told_busy = False

    def schedule_autosave(self) -> None:
        """Keep a draft soon (at most the app's ``autosave_delay`` after the first change)."""
        if self._autosave_timer is None and not self._leaving:
            delay = getattr(self.app, "autosave_delay", AUTOSAVE_DELAY)
            self._autosave_timer = self.set_timer(delay, self._autosave)

    def _autosave(self) -> None:
        self._autosave_timer = None
        self.keep_draft()

    def keep_draft(self) -> bool:
        """Write the unsaved form to its draft now (a no-op when nothing changed); True when
        it is in the journal, False when it was kept beside it (busy) or could not be kept."""
        if self._leaving:
            return self.aside is None
        try:
            state = self.current_state()
        except NoMatches:  # the widgets are already gone
            return self.aside is None
        try:
            with self.app.journal.waiting(TRY_WAIT):  # hardly wait: the person is typing
                self.keeper.keep(state, self.saved)
        except JournalBusyError:
            self._keep_aside(state)
            return False
        except ReflectError as error:  # e.g. a full disk: try again on the next change
            self.notify(f"Could not keep a draft: {error}", severity="warning")
            return False
        if self.aside is not None:
            self._back_in_journal()
        return True

    def _keep_aside(self, state) -> None:
        text = side_files.app_side_text(self.keeper.draft_id, self.keeper.entry_id, self.keeper.encode(state))
        try:
            if self.aside is None:
                self.aside = side_files.new_side_file(self.app.journal.path, side_files.APP, text)
            else:
                side_files.replace_text(self.aside, text)
        except ReflectError as error:
            self.notify(f"The journal is busy and your draft could not be kept beside it: {error}",
                        severity="error", timeout=10)
        self._still_busy()
        if self._retry_timer is None and not self._leaving:
            self._retry_timer = self.set_timer(DRAFT_RETRY, self._retry)

    def _still_busy(self) -> None:
        now = time.monotonic()
        if self._busy_since is None:
            self._busy_since = now
        if not self.told_busy and now - self._busy_since >= NOTICE_AFTER:
            self.told_busy = True
            self.notify(BUSY_NOTICE, title="Journal busy", severity="warning", timeout=10)
            self.busy_changed()

    def save_when_free(self) -> bool:
        """The journal is busy: save again shortly (the words are kept meanwhile); False."""
        self._still_busy()
        if self._save_timer is None and not self._leaving:
            self._save_timer = self.set_timer(DRAFT_RETRY, self._retry_save)
        return False

    def _retry_save(self) -> None:
        self._save_timer = None
        if not self._leaving:
            self.action_save()

    def saved_now(self) -> None:
        """A save went through: the journal is not busy (screens call this after saving)."""
        if self.aside is not None:
            self.aside.remove()
            self.aside = None
        self._free()

    def _retry(self) -> None:
        self._retry_timer = None
        if self.aside is not None:
            self.keep_draft()

    def _back_in_journal(self) -> None:
        if self.aside is None:  # kept in the journal meanwhile by another route
            return
        self.aside.remove()
        self.aside = None
        if self._retry_timer is not None:
            self._retry_timer.stop()
            self._retry_timer = None
        self._free()

    def _free(self) -> None:
        told, self.told_busy, self._busy_since = self.told_busy, False, None
        if told:
            self.busy_changed()
            self.notify("The journal is free again: your writing is in it.", title="Journal free")

    def busy_changed(self) -> None:
        """Called when the draft moves beside the journal or back (screens show it)."""

    def forget_draft(self) -> None:
        """Drop the draft: the person discarded the changes (one kept beside the journal goes
        too; one in the busy journal is offered again at the next start, never lost)."""
        try:
            with self.app.journal.waiting(TRY_WAIT):
                self.keeper.forget()
        except JournalBusyError:
            pass
        if self.aside is not None:
            self.aside.remove()
            self.aside = None

    def on_screen_suspend(self) -> None:
        self.keep_draft()

    def on_unmount(self) -> None:
        # The app is closing (or the screen was removed) with this editor open.
        self.keep_draft()

    def stop_autosave(self) -> None:
        """No more drafts from this screen: it is leaving. A draft still kept beside the
        journal is handed to the app, which moves it in once the journal is free."""
        if self._autosave_timer is not None:
            self._autosave_timer.stop()
            self._autosave_timer = None
        for timer in (self._retry_timer, self._save_timer):
            if timer is not None:
                timer.stop()
        self._retry_timer = self._save_timer = None
        if self.aside is not None:
            hand_over = getattr(self.app, "move_in_when_free", None)
            if hand_over is not None:
                hand_over(self.aside)
            self.aside = None
        self._leaving = True
