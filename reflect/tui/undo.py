"""Deleting with a way back: everything deleted in the app is remembered, and u brings it back.

A reflection goes to the trash; an objective, activity, feedback or training item is deleted
outright, its rows kept first (:mod:`reflect.store.undo`); a file detached from a reflection is
kept by the attachment store. Each is remembered here, last deleted last, so that undo brings
back the latest, whatever kind it was and whichever screen it was deleted on. The list lives as
long as the app (the undo of one session).

Separate from the app so that deleting and bringing back are read in one place; the app holds
one (``app.undo``) and keeps only the ``undo_delete`` action Textual looks for on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from reflect.errors import NotFoundError
from reflect.tui.guard import guarded
from reflect.tui.screens.journal import JournalScreen

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class Undo:
    """What can be brought back with u, and the deletes that put it there."""

    def __init__(self, app: ReflectApp) -> None:
        self.app = app
        #: Last deleted last: entry ids (in the trash), copies of deleted review records
        #: (:class:`reflect.store.undo.Removed`) and detached attachments.
        self.deleted: list = []

    def remember(self, item) -> None:
        """Keep ``item`` (see :attr:`deleted`) for undo and show the undo key."""
        self.deleted.append(item)
        self.app.refresh_bindings()

    @guarded
    def delete_entry(self, entry_id: int) -> bool:
        """Move an entry to the trash, remembering it for undo; True if it went."""
        entry = self.app.journal.entries.delete(entry_id)
        self.app.notify(f'Moved "{entry.title}" to the trash. Press u to undo.', title="Deleted")
        self.remember(entry_id)
        return True

    @guarded
    def delete_record(self, table: str, record_id: int, label: str, delete: Callable[[int], object]) -> bool:
        """Delete an objective, activity, feedback or training with ``delete(record_id)``,
        keeping a copy so that u brings it back; True if it went."""
        from reflect.store.undo import keep_rows

        removed = keep_rows(self.app.journal.conn, table, record_id, label)
        delete(record_id)
        self.app.notify(f"Deleted {label}. Press u to undo.", title="Deleted")
        self.remember(removed)
        return True

    @guarded
    def bring_back(self) -> None:
        """Bring back what was deleted last (the ``undo_delete`` action)."""
        if not self.deleted:
            self.app.notify("Nothing to undo.")
            return
        item = self.deleted.pop()
        from reflect.attachments.store import Attachment

        if isinstance(item, Attachment):
            self._reattach(item)
        elif isinstance(item, int):
            self._restore_entry(item)
        else:
            self._put_back(item)
        self.app.refresh_bindings()

    def _restore_entry(self, entry_id: int) -> None:
        app = self.app
        try:
            entry = app.journal.entries.restore(entry_id)
        except NotFoundError:
            app.notify("That reflection was removed for good (the trash was emptied).", severity="warning")
            return
        app.notify(f'Brought back "{entry.title}".', title="Restored")
        if isinstance(app.screen, JournalScreen):
            app.screen.reload(keep=entry.id)
        else:
            app.last_saved_id = entry.id  # the journal highlights it when it is back on screen

    def _reattach(self, attachment) -> None:
        back = self.app.journal.attachments.undo_detach(attachment.id)
        self.app.notify(f"Put {back.name} back.", title="Restored")
        show = getattr(self.app.screen, "show_attachments", None)
        if callable(show):
            show()

    def _put_back(self, removed) -> None:
        from reflect.store.undo import put_back

        put_back(self.app.journal, removed)
        self.app.notify(f"Brought back {removed.label}.", title="Restored")
        reload = getattr(self.app.screen, "reload", None)
        if callable(reload):
            reload()
