"""The home screen: every reflection, newest first, with search as you type and filters.

Left, the entry list (a page at a time); right, the highlighted entry rendered as Markdown.
The search box and the filter chips narrow the list; the list reloads when you come back
from another screen, keeping your place.
"""

from __future__ import annotations

from dataclasses import replace

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Markdown, Static
from textual.timer import Timer

from reflect.errors import NotFoundError
from reflect.entries.models import EntryFilter
from reflect.tui.actions import bindings
from reflect.tui.guard import guarded
from reflect.tui.text import attachments_line, entry_preview
from reflect.tui.widgets.entry_list import EntryList, entry_pages
from reflect.tui.widgets.filter_bar import FilterBar
from reflect.tui.widgets.getting_started import GettingStartedLine, checklist_text
from reflect.tui.widgets.review_line import ReviewLine
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.coach.prompts import Prompt
    from reflect.tui.app import ReflectApp

SEARCH_DELAY = 0.12  # seconds of quiet typing before the list follows the search box
PREVIEW_DELAY = 0.08  # rapid highlight changes (holding a key) draw only the last preview

EMPTY_JOURNAL = "No reflections yet - press n to write your first (or t to start from a model)."


class JournalScreen(Screen):
    """Entries, search, filters and a preview."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "journal"

    BINDINGS = [
        *bindings("new_entry", "new_from_template", "search"),
        Binding("e", "edit", "Edit", tooltip="Edit the highlighted reflection"),
        Binding("d", "delete", "Delete", tooltip="Move the highlighted reflection to the trash"),
        *bindings("undo_delete"),
        Binding("x", "clear_filters", "Clear", tooltip="Clear the filters: show every reflection again"),
        Binding("escape", "escape", "Clear search", tooltip="Clear the search and go back to the list"),
        Binding("down", "to_list", "Results", tooltip="From the search box down to the results"),
        # Other screens by letter; the header shows the main areas (F2-F6) and ? lists these.
        *bindings("framework", "progress", "objectives", "assessment", "review", "profile", framework=False),
        Binding("w", "today_question", "Today's question", show=False,
                tooltip="Write about today's question (what you have evidenced least)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._search_timer: Timer | None = None
        self._preview_timer: Timer | None = None
        self._previewed: int | None = None
        self.prompt: Prompt | None = None  # today's question (reflect.coach.prompts.Prompt), once worked out
        self._lines_for: tuple | None = None  # (day, journal change mark) the lines above the list show
        #: The search and filters the list shows the results of (the box may be ahead of it
        #: while someone types).
        self.shown_for: EntryFilter | None = None

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with Vertical(id="find"):
            yield ReviewLine(id="review-line")
            yield GettingStartedLine(id="getting-started")
            yield Static("", id="today-question", markup=False)
            yield Input(placeholder="Search reflections (press / )", id="search", compact=True)
            yield FilterBar(self.app.framework, id="filters")
        with Horizontal(id="journal-body"):
            yield EntryList(self.app.framework, id="entries")
            with VerticalScroll(id="preview", can_focus=False):
                yield Markdown(id="preview-text")
        yield Static(EMPTY_JOURNAL, id="empty", classes="empty-state", markup=False)  # quotes the search
        yield KeyFooter()

    # -- loading ------------------------------------------------------------------------

    @property
    def filters(self) -> EntryFilter:
        text = self.query_one("#search", Input).value
        return replace(self.query_one(FilterBar).filters, text=text)

    def on_mount(self) -> None:
        self.title = "Journal"
        self.query_one(EntryList).focus()
        # Before the first paint (a few one-row queries), so the screen never shifts under you.
        self._refresh_getting_started()

    def on_screen_resume(self) -> None:
        # First shown, or back from another screen where something may have been written,
        # edited or deleted. Moving from one area to another passes through the journal (the
        # screens above it close, then the area opens): it is not reloaded for a screen that
        # already covers it (a dialog does not: the journal shows around it).
        if not self.is_active and not isinstance(self.app.screen, ModalScreen):
            return
        keep = self.app.last_saved_id or self.query_one(EntryList).entry_id
        self.app.last_saved_id = None
        self.reload(keep=keep)
        self.call_after_refresh(self._refresh_review_line)  # after the first paint: never slows it

    @guarded
    def _refresh_review_line(self) -> None:
        journal = self.app.journal
        mark = (journal.today(), journal.change_mark())
        if mark == self._lines_for:
            return  # the same day and nothing written since: the lines and the question stand
        self._lines_for = mark
        self.query_one(ReviewLine).refresh_line()
        self._refresh_getting_started()
        self._show_question()

    def _show_question(self) -> None:
        """Today's question, from what is evidenced least (the same all day)."""
        from reflect.coach.prompts import question_for_today

        self.prompt = question_for_today(self.app.journal, self.app.framework)
        line = self.query_one("#today-question", Static)
        line.display = self.prompt is not None
        if self.prompt is not None:
            line.update(f"Today's question (w): {self.prompt.question}")

    def action_today_question(self) -> None:
        """Start a reflection from today's question, tagged with what it asks about."""
        from reflect.tui.screens.editor import EditorScreen

        if self.prompt is not None:
            self.app.push_screen(EditorScreen(prompt=self.prompt))

    @guarded
    def _refresh_getting_started(self) -> None:
        started = self.query_one(GettingStartedLine)
        started.refresh_line()
        empty = self.query_one("#empty", Static)
        if empty.display and self.filters.is_empty:
            empty.update(EMPTY_JOURNAL + ("\n\n" + checklist_text(started.steps) if started.display else ""))

    @guarded
    def reload(self, keep: int | None = None) -> None:
        entries = self.query_one(EntryList)
        filters = self.filters
        entries.show(entry_pages(self.app.journal, filters), keep=keep)
        self.shown_for = filters
        self._show_counts(filters, entries.option_count)
        self.refresh_bindings()

    def _show_counts(self, filters: EntryFilter, shown: int) -> None:
        entries = self.query_one(EntryList)
        empty = self.query_one("#empty", Static)
        if shown:
            if filters.text.strip():
                entries.border_title = "Best matches"
            else:
                from reflect.progress import counts
                from reflect.words import plural

                total = counts.entries(self.app.journal, filters)
                entries.border_title = plural(total) + (" (filtered)" if not filters.is_empty else "")
            empty.display = False
            self.query_one("#journal-body").display = True
            return
        self.query_one("#journal-body").display = False
        empty.display = True
        if filters.is_empty:
            started = self.query_one(GettingStartedLine)
            empty.update(EMPTY_JOURNAL + ("\n\n" + checklist_text(started.steps) if started.display else ""))
        elif filters.text.strip():
            empty.update(f'Nothing matches "{filters.text.strip()}". Press escape to clear the search'
                         + (" or x to clear the filters." if replace(filters, text="") != EntryFilter() else "."))
        else:
            empty.update("Nothing matches these filters. Press x to clear them.")

    # -- search and filters ------------------------------------------------------------------

    @on(Input.Changed, "#search")
    def _search_changed(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self.reload)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        self.query_one(EntryList).focus()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # escape's meaning depends on where the focus is

    @on(FilterBar.Changed)
    def _filters_changed(self) -> None:
        self.reload()

    @on(FilterBar.ChipPressed)
    def _ask_filter(self, event: FilterBar.ChipPressed) -> None:
        # The dialogs are imported when first asked for: the first screen does not wait for them.
        from reflect.tui.dialogs.filters import DateRangeDialog, UnitChooser
        from reflect.tui.dialogs.skill_picker import SkillPicker

        bar, app = event.bar, self.app
        current = bar.filters
        if event.kind == "dates":
            def set_dates(result):
                if result is not None:
                    bar.filters = replace(bar.filters, date_from=result[0], date_to=result[1])
            app.push_screen(DateRangeDialog(current.date_from, current.date_to, app.journal.today()), set_dates)
        elif event.kind == "skills":
            def set_skills(result):
                if result is not None:
                    bar.filters = replace(bar.filters, skills=tuple(result))
            app.push_screen(SkillPicker(app.framework, current.skills,
                                        title="Show reflections tagged with all of"), set_skills)
        elif event.kind == "units":
            def set_unit(result):
                if result is not None:
                    bar.filters = replace(bar.filters, units=(result,) if result else ())
            app.push_screen(UnitChooser(app.framework, app.my_units(), current.units[0] if current.units else None),
                            set_unit)
        elif event.kind == "kinds":
            from reflect.tui.widgets.filter_bar import next_kinds

            bar.filters = replace(current, kinds=next_kinds(current.kinds))
        elif event.kind == "private":
            following = {None: True, True: False, False: None}[current.private]
            bar.filters = replace(current, private=following)

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_to_list(self) -> None:
        self.query_one(EntryList).focus()

    def action_clear_filters(self) -> None:
        self.query_one(FilterBar).filters = EntryFilter()

    def action_escape(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            self.reload()
        self.query_one(EntryList).focus()

    # -- the highlighted entry ------------------------------------------------------------

    @on(EntryList.Highlighted)
    def _highlighted(self, event: EntryList.Highlighted) -> None:
        if (event.entry_id is None) != (self._previewed is None):
            self.refresh_bindings()  # edit and delete come and go with the selection
        if self._preview_timer is not None:
            self._preview_timer.stop()
            self._preview_timer = self.set_timer(PREVIEW_DELAY, self._preview)
        else:
            self._preview()
            self._preview_timer = self.set_timer(PREVIEW_DELAY, self._end_preview_burst)

    def _end_preview_burst(self) -> None:
        self._preview_timer = None
        self._preview()

    @guarded
    def _preview(self) -> None:
        entry_id = self.query_one(EntryList).entry_id
        if entry_id == self._previewed:
            return
        self._previewed = entry_id
        preview = self.query_one("#preview-text", Markdown)
        if entry_id is None:
            preview.update("")
            return
        try:
            entry = self.app.journal.entries.get(entry_id)
        except NotFoundError:
            preview.update("*This reflection is no longer here.*")
            return
        files = self.app.journal.attachments.list(entry.id)  # names only, never the bytes
        preview.update(entry_preview(self.app.framework, entry) + attachments_line(files))
        self.query_one("#preview", VerticalScroll).scroll_home(animate=False)

    @on(EntryList.Chosen)
    def _open(self, event: EntryList.Chosen) -> None:
        self.app.open_entry(event.entry_id)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("edit", "delete"):
            return self.query_one(EntryList).entry_id is not None
        if action == "undo_delete":
            return bool(self.app.undo.deleted)
        if action == "clear_filters":
            return not replace(self.filters, text="").is_empty
        if action == "to_list":
            return self.query_one("#search", Input).has_focus
        if action == "escape":
            return bool(self.query_one("#search", Input).value) or self.query_one("#search", Input).has_focus
        return True

    def action_edit(self) -> None:
        entry_id = self.query_one(EntryList).entry_id
        if entry_id is not None:
            self.app.edit_entry(entry_id)

    def action_delete(self) -> None:
        entries = self.query_one(EntryList)
        entry_id = entries.entry_id
        if entry_id is not None and self.app.undo.delete_entry(entry_id):
            self._previewed = None
            self.reload(keep=self._neighbour(entries, entry_id))

    @staticmethod
    def _neighbour(entries: EntryList, entry_id: int) -> int | None:
        """The entry to highlight once ``entry_id`` is gone: the next one down, else the one above."""
        index = entries.highlighted
        if index is None:
            return None
        for candidate in (index + 1, index - 1):
            if 0 <= candidate < entries.option_count:
                option_id = entries.get_option_at_index(candidate).id
                assert option_id is not None  # every entry's option is made with its id
                return int(option_id)
        return None
