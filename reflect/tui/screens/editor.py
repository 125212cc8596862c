"""Writing and editing a reflection (or other evidence), without ever losing a word.

The screen lays out the fields and reads them into an
:class:`~reflect.tui.editor_state.EditorState`. A moment after any change (see
:mod:`reflect.tui.screens.draft_keeping`), and whenever another screen comes on top, the state
is written to a draft in the journal; saving the entry removes the draft in the same
transaction. A draft left behind by a crash is offered back at the next start. Leaving with
unsaved changes asks first.

The kind of evidence and its template (ctrl+t), and who witnessed, observed or took part
(ctrl+o), are changed by :mod:`reflect.tui.evidence_kind`; the meta-skills and criteria
(ctrl+g, ctrl+r) by :mod:`reflect.tui.editor_tags`.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from reflect.dates import format_short
from reflect.entries.kinds import REFLECTION, kind_label
from reflect.entries.models import MODEL_NAMES, Entry
from reflect.errors import JournalBusyError
from reflect.store.drafts import Draft
from reflect.tui.dialogs.common import leave_or_ask
from reflect.tui.dialogs.evidence import EvidenceDetails
from reflect.tui.dialogs.form import next_field
from reflect.tui.editor_state import DraftKeeper, EditorState, day_feedback, time_feedback, time_text
from reflect.tui.editor_tags import EditorTags
from reflect.tui.evidence_kind import EvidenceKind, kind_button
from reflect.tui.guard import guarded
from reflect.tui.screens.draft_keeping import TRY_WAIT, KeepsDrafts
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.coach_panel import CoachPanel
from reflect.tui.widgets.key_footer import KeyFooter
from reflect.tui.widgets.markdown_area import MarkdownArea
from reflect.words import entry_words

if TYPE_CHECKING:
    from textual.timer import Timer

    from reflect.coach.check import EntryCheck
    from reflect.tui.app import ReflectApp

CONFIDENCE = [(f"Confidence {n}/5", n) for n in range(1, 6)]
#: Seconds of quiet typing before the coach looks again.
COACH_DELAY = 0.4


class EditorScreen(KeepsDrafts, Screen):
    """A new reflection (``entry`` None) or an edit of one; ``draft`` restores a draft."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "journal"

    BINDINGS = [
        # Not a priority binding: ctrl+s then queues behind the keys typed before it, so a save
        # never misses the last words when the app is busy.
        Binding("ctrl+s", "save", "Save", tooltip="Save now (your words are also kept as a draft as you type)"),
        # In a browser tab ctrl+t opens a new tab: there it is alt+t (reflect.tui.browser_keys).
        Binding("ctrl+t", "template", "Template", tooltip="Add a reflective model's headings and questions",
                id="editor.template"),
        Binding("ctrl+g", "skills", "Meta-skills", tooltip="Tag the meta-skills you used"),
        Binding("ctrl+r", "criteria", "Criteria", tooltip="Link criteria of your units"),
        Binding("ctrl+o", "details", "Who", tooltip="Witness testimony, observation, discussion: who saw, observed "
                                                    "or took part"),
        Binding("escape", "leave", "Back", tooltip="Back (asks first if anything is unsaved)"),
        # Priority: the focus moves as soon as tab arrives, so keys typed straight after it (fast
        # typing, a busy machine) go to the next box, not the one being left.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        # Enter in the date, time or title moves on (from the title into the reflection).
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(self, *, entry: Entry | None = None, model: str = "none", draft: Draft | None = None,
                 prompt=None, kind: str = REFLECTION) -> None:
        super().__init__()
        journal = self.app.journal
        today = journal.today()
        self.entry = entry
        #: What is in the journal now; "unsaved changes" means the widgets differ from it.
        self.saved = EditorState.from_entry(entry) if entry else EditorState.blank(today, model, kind)
        if prompt is not None and entry is None:  # started from today's question
            self.saved = replace(self.saved, body=prompt.starting_body() + self.saved.body,
                                 skills=(prompt.skill,) if prompt.skill else (),
                                 criteria=(prompt.criterion,) if prompt.criterion else ())
        self.initial = EditorState.from_draft(draft.data, today) if draft else self.saved
        self.skills = self.initial.skills
        self.criteria = self.initial.criteria
        self.model = self.initial.model
        self.kind = self.initial.kind
        self.details = EvidenceDetails(self.initial.witness, self.initial.observer, self.initial.participants)
        #: Changes the kind, the template and who is named (reflect.tui.evidence_kind).
        self.evidence = EvidenceKind(self)
        #: Tags it with meta-skills and criteria, and shows them (reflect.tui.editor_tags).
        self.tags = EditorTags(self)
        base_revision = entry.revision if entry else None
        if draft is not None and entry is not None:
            # The edit started from this revision; if the entry moved on since, saving keeps both.
            base_revision = draft.data.get("base_revision", base_revision)
        self.keeper = DraftKeeper(journal, entry_id=entry.id if entry else None, base_revision=base_revision,
                                  draft_id=draft.id if draft else None, stored=self.initial if draft else None)
        self.check: EntryCheck | None = None  # the coach's latest look (reflect.coach.check.EntryCheck)
        self._coach_timer: Timer | None = None

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        state = self.initial
        yield AreaBar()
        with Vertical(id="editor"):
            with Horizontal(classes="field-row"):
                yield Label("Date ", classes="field-label")
                yield Input(state.day, id="day", compact=True, placeholder="24/11/2026, yesterday, last friday")
                yield Label("", id="day-feedback", classes="muted", markup=False)
                yield Label("Time ", classes="time-label")
                yield Input(state.time, id="time", compact=True, placeholder="45m, 1h 30")
                yield Label("", id="time-feedback", classes="muted", markup=False)
            with Horizontal(classes="field-row"):
                yield Label("Title", classes="field-label")
                yield Input(state.title, id="title", compact=True, placeholder="What was it about?")
                yield kind_button(state.kind)
            yield MarkdownArea(state.body, id="body")
            # Two groups: side by side, or one above the other under 80 columns (see reflect.tcss).
            with Horizontal(id="tag-bar"):
                with Horizontal(id="pickers", classes="tag-group"):
                    yield Button("Who", id="pick-details", compact=True)
                    yield Button("Meta-skills", id="pick-skills", compact=True)
                    yield Button("Criteria", id="pick-criteria", compact=True)
                with Horizontal(id="marks", classes="tag-group"):
                    yield Checkbox("Private", state.private, id="private", compact=True)
                    yield Select(CONFIDENCE, prompt="Confidence -", value=state.confidence or Select.NULL,
                                 id="confidence", compact=True)
            yield Label("", id="tags", classes="muted", markup=False)
            yield CoachPanel(id="coach")
        yield KeyFooter()

    def action_next_field(self) -> None:
        next_field(self)

    def on_mount(self) -> None:
        self.title = "Editing" if self.entry else f"New {kind_label(self.kind)}"
        self.sub_title = ""
        self._show_day(self.initial.day)
        self._show_time(self.initial.time)
        # Now, so that keys typed before the first frame land where typing continues; scrolled
        # to once the area has its size.
        self._place_cursor()
        self.call_after_refresh(self._scroll_to_cursor)
        self.tags.show()
        self._show_status()
        # At once, so the first screen already has the advice; the first look of a run builds
        # the ranking index (about 40 ms), keys typed meanwhile wait and none are lost.
        self.ask_coach()
        self.query_one("#title" if not self.initial.title else "#body").focus()

    def _place_cursor(self) -> None:
        """New from a template: under the first question. Otherwise: at the end, to carry on."""
        body = self.query_one("#body", MarkdownArea)
        if self.entry is None and self.initial == self.saved:
            body.cursor_to_first_answer()
        else:
            body.move_cursor(body.document.end)

    def _scroll_to_cursor(self) -> None:
        # Placing the cursor before the area had a size scrolled it by a size of nothing.
        body = self.query_one("#body", TextArea)
        body.scroll_to(0, 0, animate=False, immediate=True)
        body.scroll_cursor_visible()

    # -- reading the widgets -----------------------------------------------------------------

    def current_state(self) -> EditorState:
        confidence = self.query_one("#confidence", Select).value
        return EditorState(
            day=self.query_one("#day", Input).value,
            title=self.query_one("#title", Input).value,
            body=self.query_one("#body", TextArea).text,
            # Sorted as the journal returns them, so "unsaved" never means "in another order".
            model=self.model, skills=tuple(sorted(self.skills)), criteria=tuple(sorted(self.criteria)),
            private=self.query_one("#private", Checkbox).value,
            confidence=confidence if isinstance(confidence, int) else None,
            time=self.query_one("#time", Input).value,
            kind=self.kind, witness=self.details.witness, observer=self.details.observer,
            participants=self.details.participants,
        )

    @property
    def dirty(self) -> bool:
        """True when something differs from what is saved in the journal."""
        return self.current_state() != self.saved

    # -- reacting to changes -----------------------------------------------------------------

    @on(Input.Changed, "#day")
    def _day_changed(self, event: Input.Changed) -> None:
        self._show_day(event.value)
        self.note_change()

    @on(Input.Changed, "#time")
    def _time_changed(self, event: Input.Changed) -> None:
        self._show_time(event.value)
        self.note_change()

    @on(Input.Changed, "#title")
    @on(TextArea.Changed, "#body")
    @on(Checkbox.Changed, "#private")
    @on(Select.Changed, "#confidence")
    def _field_changed(self) -> None:
        self.note_change()

    def note_change(self) -> None:
        """After any change: the status, a draft soon, and the coach's look once typing pauses."""
        self._show_status()
        self.schedule_autosave()
        if self._coach_timer is not None:
            self._coach_timer.stop()
        self._coach_timer = self.set_timer(COACH_DELAY, self.ask_coach)

    @guarded
    def ask_coach(self) -> None:
        """Let the coach look at what is written now (advice only: it never stops a save)."""
        from reflect.coach.check import check_text

        self._coach_timer = None
        body = self.query_one("#body", TextArea).text
        self.check = check_text(self.app.framework, body, title=self.query_one("#title", Input).value,
                                model=self.model, skills=self.skills, criteria=self.criteria,
                                prefer_units=self.app.my_units())
        self.query_one(CoachPanel).show(self.check, body, self.kind)

    def busy_changed(self) -> None:
        try:
            self._show_status()
        except NoMatches:  # leaving: nothing to show it on
            pass

    def _show_day(self, text: str) -> None:
        self._feedback("#day-feedback", *day_feedback(text, self.app.journal.today()))

    def _show_time(self, text: str) -> None:
        self._feedback("#time-feedback", *time_feedback(text))

    def _feedback(self, where: str, shown: str, readable: bool) -> None:
        label = self.query_one(where, Label)
        label.update(shown)
        label.set_class(not readable, "error")

    def _show_status(self) -> None:
        body = self.query_one("#body", TextArea)
        # The same count as `reflect stats` and exports: title and body, without the template.
        words = entry_words(self.query_one("#title", Input).value, body.text)
        if self.kind != REFLECTION:
            body.border_title = kind_label(self.kind).capitalize()
        else:
            body.border_title = MODEL_NAMES[self.model] if self.model != "none" else "Reflection"
        status = "unsaved changes" if self.dirty else ("saved" if self.entry else "new")
        if self.told_busy:
            status += " · journal busy: kept beside it"
        body.border_subtitle = f"{words} word{'s' if words != 1 else ''} · {status}"

    # -- the kind of evidence and its template (see reflect.tui.evidence_kind) -------------

    @on(Button.Pressed, "#kind")
    def action_template(self) -> None:
        self.evidence.choose_template()

    def use_template(self, model: str | None) -> None:
        """Switch to reflective ``model``, or to a kind of evidence (``"kind:witness"``...)."""
        self.evidence.use_template(model)

    def set_kind(self, kind: str) -> None:
        """Make this item ``kind`` of evidence (a kind with people to name asks for them)."""
        self.evidence.set_kind(kind)

    @on(Button.Pressed, "#pick-details")
    def action_details(self) -> None:
        self.evidence.ask_who()

    # -- meta-skills and criteria (see reflect.tui.editor_tags) ------------------------------

    @on(Button.Pressed, "#pick-skills")
    def action_skills(self) -> None:
        self.tags.pick_skills()

    @on(Button.Pressed, "#pick-criteria")
    def action_criteria(self) -> None:
        self.tags.pick_criteria()

    # -- saving and leaving -------------------------------------------------------------------

    @guarded
    def action_save(self) -> bool:
        """Save the entry and drop its draft together; True if it was saved."""
        journal = self.app.journal
        state = self.current_state()
        fields = state.entry_fields(journal.today())  # a bad date stops here, draft untouched
        if not self.keep_draft() and self.aside is not None:  # the words are in the journal first
            return self.save_when_free()  # busy: they are beside it, and saving waits its turn
        other = None
        draft_id = self.keeper.draft_id
        try:
            # Hardly wait here: while another reflect writes, the save is tried again shortly.
            with journal.waiting(TRY_WAIT), journal.write():  # the entry and the end of its draft land together
                if self.entry is None:
                    entry = journal.entries.add(**fields)
                else:
                    entry, other = journal.entries.save_edit(self.entry.id, self.keeper.base_revision, **fields)
                if draft_id is not None:
                    journal.drafts.discard(draft_id)
        except JournalBusyError:
            return self.save_when_free()
        self.saved_now()
        self.keeper.saved_as(entry)
        self.entry = entry
        self.saved = EditorState.from_entry(entry)
        self.app.last_saved_id = entry.id
        self._tidy_fields(entry)
        self.title = "Editing"
        self._show_status()
        if other is not None:
            self.notify(f'"{other.title}" was changed elsewhere while you wrote, so your version was saved '
                        f'as "{entry.title}". Both are in your journal.', severity="warning", timeout=12)
        else:
            # Briefly: the status under the reflection says "saved" too, and a toast left up
            # for long sits over it.
            self.notify(f'Saved "{entry.title}".', title="Saved", timeout=1.5)
        return True

    def _tidy_fields(self, entry: Entry) -> None:
        # Show what was stored: "yesterday" becomes a date, spaces around the title go, "90" is 1 h 30 min.
        day, title = self.query_one("#day", Input), self.query_one("#title", Input)
        time = self.query_one("#time", Input)
        if time.value != time_text(entry.minutes):
            time.value = time_text(entry.minutes)
        if day.value != format_short(entry.day):
            day.value = format_short(entry.day)
        if title.value != entry.title:
            title.value = entry.title

    def action_leave(self) -> None:
        leave_or_ask(self, discard=lambda: self.close(discard=True))

    def close(self, discard: bool = False) -> None:
        """Leave the editor; with ``discard`` its draft goes too (otherwise nothing is unsaved)."""
        if discard or not self.dirty:
            self.discard_changes()
        else:
            self.keep_draft()  # leaving with changes unsaved: they stay as a draft
        self.stop_autosave()
        self.dismiss()

    def discard_changes(self) -> None:
        """Forget the unsaved changes: the draft goes and nothing more is kept."""
        self.forget_draft()
        self.stop_autosave()
