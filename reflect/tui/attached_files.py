"""A reflection's attached files in the app: attach, open with the system's viewer, detach.

The keys (a, v, x) are the app's (see :mod:`reflect.tui.actions`), so the palette offers them
anywhere, but they act on the reflection's own page (:mod:`reflect.tui.screens.entry_detail`),
which lists its files. Opening a file writes a copy to a private temporary folder for the
viewer to read (:mod:`reflect.attachments.copies`); the app removes that folder when it closes.
A detached file is remembered by :mod:`reflect.tui.undo`, so u puts it back.

Separate from the app so that the files' part is read in one place; the app holds one
(``app.attached_files``) and keeps only the ``action_*`` methods Textual looks for on it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reflect.tui.guard import guarded

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class AttachedFiles:
    """The attached files of the reflection on screen, and the folder opened copies go to."""

    def __init__(self, app: ReflectApp) -> None:
        self.app = app
        #: The private temporary folder opened attachments are copied to (made when first needed).
        self.view_folder: Path | None = None

    def _entry_screen(self):
        """The reflection's page on screen, or None (and a word on where files are)."""
        from reflect.tui.screens.entry_detail import EntryDetailScreen

        if isinstance(self.app.screen, EntryDetailScreen):
            return self.app.screen
        self.app.notify("Open a reflection first (enter on the journal): its page lists its files.",
                        severity="warning")
        return None

    def attach(self) -> None:
        """Ask for a file to attach to the reflection on screen."""
        screen = self._entry_screen()
        if screen is not None:
            screen.attach_file()

    def open_highlighted(self) -> None:
        """Open the file highlighted on the reflection's page."""
        screen = self._entry_screen()
        if screen is not None:
            self.open(screen.highlighted_attachment())

    @guarded
    def detach(self) -> None:
        """Take the highlighted file off the reflection, remembered so u puts it back."""
        screen = self._entry_screen()
        attachment = screen.highlighted_attachment() if screen is not None else None
        if attachment is None:
            return
        detached = self.app.journal.attachments.detach(attachment.entry_id, attachment.name)
        self.app.undo.remember(detached)
        self.app.notify(f"Detached {detached.name}. Press u to undo.", title="Detached")
        screen.show_attachments()

    def open(self, attachment, *, plain_copy_ok: bool = False) -> None:
        """Open an attached file with the system's viewer, from a copy in the app's private
        temporary folder (removed when the app closes). For an encrypted journal the copy is
        plain, so the apprentice is asked first."""
        if attachment is None:
            return
        if self.app.journal.encrypted and not plain_copy_ok:
            from reflect.tui.dialogs.form import ConfirmDialog

            question = (f"Your journal is encrypted, but opening {attachment.name} writes a plain copy of it to a "
                        "private temporary folder (removed when reflect closes) for the viewer to read.")
            self.app.push_screen(ConfirmDialog("Write a plain copy?", question, yes="Open"),
                                 lambda yes: self.open(attachment, plain_copy_ok=True) if yes else None)
            return
        self._open_copy(attachment)

    @guarded
    def _open_copy(self, attachment) -> None:
        from reflect.attachments import copies

        if self.view_folder is None:
            self.view_folder = copies.new_view_folder()
        path = copies.copy_to_view(self.app.journal.attachments, attachment, self.view_folder)
        if self.app.is_web:
            self.app.deliver_binary(path)  # the viewer is the browser's machine's, not this one's
            self.app.notify(f"{attachment.name} is offered to your browser as a download.")
            return
        copies.open_in_viewer(path)
        self.app.notify(f"Opening {attachment.name} ({attachment.kind.label}) with your system's viewer.")

    def remove_copies(self) -> None:
        """Remove the folder of opened copies (when the app closes)."""
        if self.view_folder is not None:
            from reflect.attachments.copies import remove_view_folder

            remove_view_folder(self.view_folder)
            self.view_folder = None
