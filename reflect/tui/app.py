"""The reflect App: one journal, one framework, a stack of screens.

The App holds what every screen shares (the journal, the framework) and the navigation every
screen uses (:meth:`ReflectApp.show`, :meth:`edit_entry`, ...). Screens are registered in
:mod:`reflect.tui.screens`; palette commands in :mod:`reflect.tui.commands`. Build it with
:func:`reflect.tui.factory.make_app`.

Parts with an idea of their own are small classes the app holds, in their own modules:
``undo`` (:mod:`reflect.tui.undo`), ``attached_files`` (:mod:`reflect.tui.attached_files`) and
``recovery`` (:mod:`reflect.tui.draft_recovery`). The app keeps one-line methods for them only
where Textual looks on the App (``action_*``, handlers) or other code calls the app.
"""

from __future__ import annotations

import gc
from functools import cached_property
from pathlib import Path

from textual import on
from textual.app import App
from textual.binding import Binding
from textual.events import DescendantFocus
from textual.screen import ModalScreen
from textual.messages import ExitApp
from textual.widgets import Input

from reflect.tui.actions import AREAS, everywhere
from reflect.tui.attached_files import AttachedFiles
from reflect.tui.commands import ReflectCommands
from reflect.tui.draft_recovery import DraftRecovery
from reflect.tui.guard import guarded
from reflect.tui.screens import SCREENS, SINGLE
from reflect.tui.screens.draft_keeping import AUTOSAVE_DELAY
from reflect.tui.screens.journal import JournalScreen
from reflect.tui.undo import Undo

# The editor and the dialogs are imported where they are first opened (as the screens in
# reflect.tui.screens are): the first screen does not wait for them.

LIGHT, DARK = "textual-light", "textual-dark"
#: Longest the app waits for another reflect's write before saying the journal is busy: a
#: command's write takes milliseconds, a long import minutes, and the app must not freeze.
APP_WAIT_SECONDS = 0.5


class ReflectApp(App[int]):
    """The journal app. ``journal`` and ``framework`` come from the caller (see the factory)."""

    CSS_PATH = "reflect.tcss"
    TITLE = "reflect"
    COMMANDS = App.COMMANDS | {ReflectCommands}
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (110, "-wide")]
    # Under 24 rows (a 60x20 window) the editor gives the writing the room the coach took.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    # Help, quit and the main areas work on every screen (see reflect.tui.actions). The plain
    # letters ? and q have their own action names so that they step aside while someone types
    # (see check_action); F1 and ctrl+q work at any time, and the footer shows whichever key
    # works at the moment (see get_key_display).
    BINDINGS = [
        *(row.binding() for row in everywhere()),
        Binding("question_mark", "letter_help", "Help", key_display="?", show=False),
        Binding("q", "letter_quit", "Quit", show=False),
    ]

    def __init__(self, journal, framework, *, blink: bool = True, catch_bugs: bool = True,
                 demo: bool = False, autosave_delay: float = AUTOSAVE_DELAY, locked=None) -> None:
        super().__init__()
        self.autosave_delay = autosave_delay
        self.journal = journal
        self.framework = framework
        #: An encrypted journal still to be unlocked (see reflect.tui.locked): journal and
        #: framework are None until its passphrase is given in the app's dialog.
        self.locked = locked
        self.blink = blink
        self.catch_bugs = catch_bugs
        self.demo = demo
        #: What can be brought back with u, and the deletes that put it there.
        self.undo = Undo(self)
        #: The attached files of the reflection on screen: attach, open, detach.
        self.attached_files = AttachedFiles(self)
        self.last_saved_id: int | None = None
        #: Unsaved writing offered back, and drafts kept beside a busy journal moved in.
        self.recovery = DraftRecovery(self)
        if journal is not None:
            self._take(journal)
        else:
            self.theme = DARK

    def _take(self, journal) -> None:
        journal.set_wait(APP_WAIT_SECONDS)
        saved_theme = journal.settings.get("theme")
        self.theme = saved_theme if saved_theme in self.available_themes else DARK

    def get_default_screen(self):
        if self.journal is None:
            from reflect.tui.locked import LockedScreen

            return LockedScreen()
        return JournalScreen()

    def on_mount(self) -> None:
        # The command line starts the app with the garbage collector off (factory.pause_collector):
        # back on once the first screen is drawn.
        self.call_after_refresh(gc.enable)
        if self.is_web:
            from reflect.tui.browser_keys import BROWSER_KEYMAP

            self.set_keymap(BROWSER_KEYMAP)
        if self.journal is None:
            from reflect.tui.locked import ask_to_unlock

            ask_to_unlock(self)  # then open_unlocked, once the passphrase is right
            return
        self._started()

    def open_unlocked(self, journal, framework) -> None:
        """The encrypted journal is unlocked and open: become the app on it."""
        self.journal, self.framework, self.locked = journal, framework, None
        self._take(journal)
        # A mode of its own: the journal screen is then the base of every stack the app walks
        # (nothing of the locked screen beneath it to go back to).
        self.add_mode("journal", JournalScreen)
        self.switch_mode("journal")
        self._started()

    def _started(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.warn_about_the_journal()
        self.call_after_refresh(self.recovery.offer)

    def warn_about_the_journal(self) -> None:
        """Say, and keep saying until dismissed, what the command line would print as a warning:
        a backup that could not be made (a damaged journal, a full disk) or a journal that can
        only be read here."""
        problem = getattr(self.journal, "backup_problem", None)
        if problem:
            self.notify(problem[:1].upper() + problem[1:], title="Backup",
                        severity="error", timeout=3600)
        if getattr(self.journal, "read_only", False):
            self.notify("The journal can only be read here (full or read-only disk, or no permission): "
                        "nothing you write can be saved.", title="Read only", severity="error", timeout=3600)

    # -- navigation ------------------------------------------------------------------------

    def show(self, name: str, **params) -> None:
        """Show the screen registered as ``name`` (see :mod:`reflect.tui.screens`).

        There is only one of each screen in :data:`SINGLE`: showing it again goes back down to
        it when it is already open (nothing unsaved above it), and otherwise opens it just
        above the journal, so moving between areas never piles screens up. Shown with
        ``params`` (a link to one item) it opens on top, so escape comes back. An editor with
        unsaved words stays where it is (its words kept as a draft) and the screen opens on top."""
        kind = SCREENS[name]
        if name in SINGLE:
            if isinstance(self.screen, kind):
                return
            if issubclass(kind, ModalScreen):
                self.push_screen(kind(**params))  # a form over the screen you are on
                return
            if name == "journal":
                self._go_home()
                return
            if not self.unsaved() and not params:  # with params it is a drill-down: escape comes back
                for depth, screen in enumerate(self.screen_stack):
                    if isinstance(screen, kind):
                        self._pop_to(depth)
                        return
                self._pop_to(0)
        self.push_screen(kind(**params))

    def _pop_to(self, depth: int) -> None:
        """Close the screens above ``screen_stack[depth]`` (never the base screen)."""
        while len(self.screen_stack) > depth + 1:
            self.pop_screen()

    def action_area(self, name: str) -> None:
        """Open one of the main areas (see :data:`reflect.tui.actions.AREAS`)."""
        area = next(a for a in AREAS if a.name == name)
        self.show(area.screen)

    def unsaved(self) -> list:
        """Open screens with unsaved changes (the entry editor, the objective editor, ...).

        Such a screen has ``dirty``, ``action_save() -> bool``, ``discard_changes()`` and
        ``action_leave()`` (which asks before leaving)."""
        return [s for s in self.screen_stack if getattr(s, "dirty", False)]

    def _go_home(self) -> None:
        editors = self.unsaved()
        if editors:
            if self.screen in editors:
                # Every screen unsaved() returns has action_leave, which asks about the changes first.
                self.screen.action_leave()  # type: ignore[attr-defined]
            else:
                self.notify("Save (ctrl+s) or leave (escape) what you are writing first.",
                            severity="warning")
            return
        while len(self.screen_stack) > 1 and not isinstance(self.screen, JournalScreen):
            self.pop_screen()

    def action_show(self, name: str) -> None:
        self.show(name)

    def action_framework(self) -> None:
        self.show("framework")

    @guarded
    def action_new_entry(self, model: str = "none", kind: str = "reflection") -> None:
        from reflect.tui.screens.editor import EditorScreen

        if model.startswith("kind:"):  # a kind of evidence chosen as a template
            model, kind = "none", model[len("kind:"):]
        self.push_screen(EditorScreen(model=model, kind=kind))

    def action_new_from_template(self) -> None:
        from reflect.tui.dialogs.common import TemplateChooser

        self.push_screen(TemplateChooser(), lambda model: model and self.action_new_entry(model))

    @guarded
    def edit_entry(self, entry_id: int) -> None:
        """Open the editor on an entry, with any unsaved draft of it restored."""
        from reflect.tui.screens.editor import EditorScreen

        entry = self.journal.entries.get(entry_id)
        if any(isinstance(s, EditorScreen) and s.entry and s.entry.id == entry_id for s in self.screen_stack):
            # Two editors on one entry would only make conflicting copies.
            self.notify("This reflection is already open in the editor: escape back to it.", severity="warning")
            return
        draft = next((d for d in self.journal.drafts.pending() if d.entry_id == entry_id), None)
        if draft is not None:
            self.notify("Your unsaved changes to this reflection were restored.")
        self.push_screen(EditorScreen(entry=entry, draft=draft))

    def open_entry(self, entry_id: int) -> None:
        self.show("entry", entry_id=entry_id)

    def action_search(self) -> None:
        self._go_home()
        if isinstance(self.screen, JournalScreen):
            self.screen.action_search()

    # -- keys that work everywhere ---------------------------------------------------------

    async def action_letter_quit(self) -> None:
        await self.action_quit()

    def action_letter_help(self) -> None:
        self.action_help()

    def action_help(self) -> None:
        """The keys of the screen underneath (its own, then those that work everywhere)."""
        from reflect.tui.dialogs.common import HelpScreen, keys_on_screen

        self.push_screen(HelpScreen(keys_on_screen(self)))

    def typing(self) -> bool:
        """True while the focus is in a box that takes letters (so ? and q type)."""
        focused = self.focused
        if isinstance(focused, Input):
            return True
        # A TextArea (the editors' bodies) by name: importing its module here would cost every
        # start-up a few milliseconds, and the journal screen has none.
        return focused is not None and any(
            kind.__name__ == "TextArea" and kind.__module__.startswith("textual.") for kind in type(focused).__mro__)

    def check_action(self, action: str, parameters) -> bool | None:
        if self.journal is None:  # still locked: only the dialog, help and quit
            return action in ("quit", "letter_quit", "help", "letter_help")
        if action == "undo_delete":
            return bool(self.undo.deleted)
        if action in ("letter_quit", "letter_help"):
            return not self.typing()
        if action == "area":
            # Not from a dialog: leaving it would drop what it was asking.
            return not isinstance(self.screen, ModalScreen)
        return True

    def get_key_display(self, binding: Binding) -> str:
        # One Help and one Quit in the footer, showing the key that works right now.
        if binding.action in ("app.help", "app.quit") and binding.key in ("f1", "ctrl+q"):
            if not self.typing():
                return "?" if binding.key == "f1" else "q"
        return super().get_key_display(binding)

    # -- attached files and undo (reflect.tui.attached_files, reflect.tui.undo) ------------

    def action_attach_file(self) -> None:
        self.attached_files.attach()

    def action_open_attachment(self) -> None:
        self.attached_files.open_highlighted()

    def action_detach_attachment(self) -> None:
        self.attached_files.detach()

    def on_unmount(self) -> None:
        self.attached_files.remove_copies()

    def action_undo_delete(self) -> None:
        self.undo.bring_back()

    # -- exports ---------------------------------------------------------------------------

    def action_review_pack(self) -> None:
        """The review pack: of the completed review on screen, else of the period being prepared."""
        from reflect.tui.dialogs.review_pack import ReviewPackDialog, pack_written

        review = getattr(self.screen, "review", None)
        review_id = review.id if review is not None and getattr(review, "read_only", False) else None
        self.push_screen(ReviewPackDialog(review_id), lambda written: pack_written(self, written))

    def action_export(self) -> None:
        """Ask what to export, write it, and say where it went."""
        from reflect.tui.dialogs.export import ExportDialog, export_chosen

        # The demo's exports go to a folder of their own, never beside real ones.
        self.push_screen(ExportDialog(Path.cwd() / "reflect-demo-exports" if self.demo else None),
                         lambda request: export_chosen(self, request))

    # -- drafts ----------------------------------------------------------------------------

    @on(ExitApp)
    def _keep_drafts_before_closing(self) -> None:
        # Closing removes each screen's widgets before the screen itself, so an editor's own
        # unmount can no longer read what was typed: keep it while the widgets are still there.
        # This is what saves the last words when a browser tab closes (its app is told to exit)
        # less than the autosave delay after typing.
        self.recovery.keep_open_editors()

    def move_in_when_free(self, side) -> None:
        """Keep trying to move a closed editor's draft from beside the busy journal into it."""
        self.recovery.move_in_when_free(side)

    def rescue_drafts(self) -> None:
        """Keep every open editor's words as drafts (used when something unexpected happens)."""
        self.recovery.rescue()

    def _handle_exception(self, error: Exception) -> None:
        # Last resort (an error no handler caught): keep the words before Textual closes the app.
        self.rescue_drafts()
        super()._handle_exception(error)

    # -- quitting --------------------------------------------------------------------------

    async def action_quit(self) -> None:
        editors = self.unsaved()
        if not editors:
            self.exit(0)
            return

        def answered(answer: str | None) -> None:
            if answer == "save":
                if all(editor.action_save() for editor in editors):
                    self.exit(0)
            elif answer == "discard":
                for editor in editors:
                    editor.discard_changes()
                self.exit(0)
        from reflect.tui.dialogs.common import ConfirmLeave

        self.push_screen(ConfirmLeave("Quit with unsaved changes?", "Save your writing before quitting?"), answered)

    # -- looks -----------------------------------------------------------------------------

    def notify(self, message: str, *, markup: bool = True, **options) -> None:
        # Messages quote titles and typed text: "[/b]" in a title must not read as markup
        # (a markup error while drawing a toast would close the app), and a direction override
        # in a title must not reorder the message.
        from reflect.sanitize import shown_text

        super().notify(shown_text(message), markup=False, **options)

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.current_theme.dark else DARK

    def _remember_theme(self, theme) -> None:
        try:
            self.journal.settings.set("theme", theme.name)
        except Exception as error:  # noqa: BLE001 - a theme not remembered is not worth a crash
            self.log.warning(f"could not remember the theme: {error!r}")

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if not self.blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    @cached_property
    def smart_verbs(self) -> frozenset[str]:
        """The framework's own action verbs for the SMART check (worked out once)."""
        from reflect.review.smart import framework_verbs

        return framework_verbs(self.framework)

    def my_units(self) -> list[str]:
        """The apprentice's units: every mandatory one, then the optional ones they chose."""
        return [u.code for u in self.framework.mandatory_units] + self.journal.settings.chosen_units()
