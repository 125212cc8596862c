"""Writing that was never saved, offered back; drafts kept beside a busy journal, moved in.

At start the app offers back what an editor left unsaved (after a crash, a closed terminal or
a closed browser tab), first moving into the journal what an earlier reflect left beside it.
While another reflect holds the journal, a closed editor's draft waits in a side file
(:mod:`reflect.store.side_files`) and is moved in once the journal is free. When the app closes,
or something unexpected happens, every open editor's words are kept as drafts first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer

from reflect.errors import NotFoundError
from reflect.tui.guard import guarded
from reflect.tui.screens.draft_keeping import RETRY_DELAY, KeepsDrafts

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class DraftRecovery:
    """The app's unsaved writing: offered back at start, moved in from beside a busy journal."""

    def __init__(self, app: ReflectApp) -> None:
        self.app = app
        #: Drafts of closed editors still beside the busy journal (see move_in_when_free).
        self.kept_aside: list = []
        self._aside_timer: Timer | None = None

    @guarded
    def offer(self) -> None:
        """At start: offer back writing that was never saved (after a crash or a closed terminal),
        first moving into the journal what an earlier reflect left beside it (text from an
        interrupted `$EDITOR`, an app's draft kept while the journal was busy)."""
        from reflect.errors import JournalBusyError
        from reflect.store.side_files import fold_into_drafts

        try:
            with self.app.journal.waiting(0):
                fold_into_drafts(self.app.journal)
        except JournalBusyError:
            self.app.notify("The journal is busy (another reflect is writing to it): unsaved writing from "
                            "last time is offered once it is free.", severity="warning")
            self.app.set_timer(RETRY_DELAY, self.offer)
            return
        drafts = self.app.journal.drafts.pending()
        if drafts:
            from reflect.tui.dialogs.common import RecoverDraft

            self.app.push_screen(RecoverDraft(drafts), self._answer)

    @guarded
    def _answer(self, answer) -> None:
        if answer is None:
            return
        what, draft_id = answer
        draft = self.app.journal.drafts.get(draft_id)
        if draft is None:
            return
        if what == "discard":
            from reflect.tui.dialogs.form import ConfirmDialog

            def answered(yes: bool | None) -> None:
                if yes:
                    self.app.journal.drafts.discard(draft_id)
                    self.app.notify(f'Discarded the draft "{draft.title}".')
                self.app.call_after_refresh(self.offer)  # the rest (or this one again)
            self.app.push_screen(ConfirmDialog("Throw these words away?",
                                               f'"{draft.title or "Untitled"}" was never saved: discarding it loses '
                                               "it for good.", yes="Discard"), answered)
            return
        if draft.kind == "objective":
            self._recover_objective(draft)
            return
        entry = None
        if draft.entry_id is not None:
            try:
                entry = self.app.journal.entries.get(draft.entry_id)
            except NotFoundError:
                entry = None  # its entry went to the trash meanwhile: save the words as a new entry
        from reflect.tui.screens.editor import EditorScreen

        self.app.push_screen(EditorScreen(entry=entry, draft=draft))

    def keep_open_editors(self) -> None:
        """Keep every open editor's words as a draft now (the app is closing; a discarded editor
        keeps nothing)."""
        for editor in self._editors():
            editor.keep_draft()

    def rescue(self) -> None:
        """Keep every open editor's words as drafts when something unexpected happened: one that
        cannot keep its words does not stop the others."""
        for editor in self._editors():
            try:
                editor.keep_draft()
            except Exception as error:  # noqa: BLE001 - rescuing; the original error is reported
                self.app.log.error(f"could not keep a draft while rescuing: {error!r}")

    def _editors(self) -> list[KeepsDrafts]:
        # Every editor keeps drafts (KeepsDrafts): one not opened yet has nothing to keep.
        return [screen for screen in self.app.screen_stack if isinstance(screen, KeepsDrafts)]

    def move_in_when_free(self, side) -> None:
        """Keep trying to move a closed editor's draft from beside the busy journal into it."""
        self.kept_aside.append(side)
        if self._aside_timer is None:
            self._aside_timer = self.app.set_interval(RETRY_DELAY, self._move_in)

    def _move_in(self) -> None:
        from reflect.errors import JournalBusyError, ReflectError
        from reflect.store.side_files import fold_one

        for side in list(self.kept_aside):
            try:
                with self.app.journal.waiting(0):
                    fold_one(self.app.journal, side)
            except JournalBusyError:
                return
            except ReflectError as error:
                self.app.log.warning(f"could not move a draft into the journal: {error}")
                return
            self.kept_aside.remove(side)
        if self._aside_timer is not None:
            self._aside_timer.stop()
            self._aside_timer = None

    def _recover_objective(self, draft) -> None:
        from reflect.tui.screens.objective_editor import ObjectiveEditorScreen

        objective_id = draft.objective_id
        if objective_id is not None:
            try:
                self.app.journal.objectives.get(objective_id)
            except NotFoundError:
                self.app.notify("That objective was deleted since: the words open as a new objective.")
                objective_id = None
        self.app.push_screen(ObjectiveEditorScreen(objective_id, draft=draft))
