"""Setting or changing a SMART objective, with the SMART check advising as you type.

One row per letter: what you will do (S), how it is measured (M), why it is achievable (A)
and relevant (R), the deadline (T, read as you type: "within 6 weeks" shows the day), and
the meta-skills and criteria it is linked to (L). Who agreed it and when close the form:
filling them in on a draft marks it agreed. The SMART check's advice updates a moment after
each change (:data:`ADVICE_DELAY`); it advises and never stops a save. Leaving with unsaved
changes asks first, as the entry editor does. Status changes are made on the objective's page.
"""

from __future__ import annotations

from datetime import date

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static, TextArea
from textual.timer import Timer

from reflect.store.drafts import Draft
from reflect.review.smart import Advice, check_objective, smart_letters
from reflect.tui.editor_state import DraftKeeper
from reflect.errors import JournalBusyError
from reflect.tui.guard import guarded
from reflect.tui.objective_form import ObjectiveForm, deadline_feedback, stored_deadline
from reflect.tui.dialogs.common import leave_or_ask
from reflect.tui.screens.draft_keeping import TRY_WAIT, KeepsDrafts
from reflect.tui.text import in_framework_order, skill_name
from reflect.tui.dialogs.criteria_picker import CriteriaPicker
from reflect.tui.widgets.date_field import DateField
from reflect.tui.dialogs.skill_picker import SkillPicker
from reflect.tui.dialogs.form import next_field
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

#: Seconds of quiet typing before the SMART advice is worked out again.
ADVICE_DELAY = 0.15
ROWS = (("S", "specific", "What will you do?"), ("M", "measure", "How measured?"),
        ("A", "achievable", "Why achievable?"), ("R", "relevant", "Why relevant?"), ("T", "deadline", "Deadline"))
PLACEHOLDERS = {
    "measure": "a number or a check: 3 complaints logged as resolved",
    "achievable": "the time, help or training you will have",
    "relevant": "why it matters for your role or development",
    "deadline": "31/01, within 6 weeks",
}


class ObjectiveEditorScreen(KeepsDrafts, Screen):
    """A new objective (``objective_id`` None) or an edit of one; ``draft`` restores unsaved
    work (an edit's own draft is found without it). Dismisses with its id once saved."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "objectives"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save the objective (advice never stops a save)"),
        Binding("ctrl+g", "skills", "Meta-skills", tooltip="Link the meta-skills it develops"),
        Binding("ctrl+r", "criteria", "Criteria", tooltip="Link criteria of your units"),
        Binding("escape", "leave", "Back", tooltip="Back (asks first if anything is unsaved)"),
        # Priority: the focus moves as soon as tab arrives, so keys typed straight after it (fast
        # typing, a busy machine) go to the next box, not the one being left.
        Binding("tab", "app.focus_next", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", show=False, priority=True),
        # Enter in a one-line box moves on; it never saves (ctrl+s does).
        Binding("enter", "next_field", show=False, priority=True),
    ]

    def __init__(self, objective_id: int | None = None, *, draft: Draft | None = None) -> None:
        super().__init__()
        journal = self.app.journal
        self.today = journal.today()
        self.objective = journal.objectives.get(objective_id) if objective_id is not None else None
        #: What is in the journal now; "unsaved changes" means the form differs from it.
        self.saved = ObjectiveForm.of(self.objective) if self.objective else ObjectiveForm()
        if draft is None and objective_id is not None:
            draft = next((d for d in journal.drafts.pending() if d.objective_id == objective_id), None)
            if draft is not None:
                self.app.notify("Your unsaved changes to this objective were restored.")
        self.initial = ObjectiveForm.from_draft(draft.data) if draft else self.saved
        self.skills, self.criteria = self.initial.skills, self.initial.criteria
        self.keeper = DraftKeeper(journal, draft_id=draft.id if draft else None, stored=self.initial if draft else None,
                                  encode=lambda form: form.to_draft(self.objective.id if self.objective else None))
        from reflect.review.schedule import review_schedule

        self.next_review = review_schedule(journal, self.today).next_date
        self.advice: list[Advice] = []
        self._advice_timer: Timer | None = None

    @property
    def set_on(self) -> date:
        return self.objective.set_on if self.objective else self.today

    # -- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        form = self.initial
        yield AreaBar()
        with VerticalScroll(id="objective-form"):
            for letter, name, label in ROWS:
                with Horizontal(classes="smart-row", id=f"row-{name}"):
                    yield Label(letter, classes="smart-letter", id=f"letter-{name}")
                    yield Label(label, classes="smart-label")
                    if name == "specific":
                        yield TextArea(form.specific, id="specific", compact=True, soft_wrap=True,
                                       tab_behavior="focus", placeholder="Start with a verb: handle, complete, lead…")
                    else:
                        yield Input(getattr(form, name), id=name, compact=True, placeholder=PLACEHOLDERS[name])
                    if name == "deadline":
                        yield Label("", id="deadline-feedback", classes="muted", markup=False)
            with Horizontal(classes="smart-row", id="row-links"):
                yield Label("L", classes="smart-letter", id="letter-links")
                yield Label("Linked to", classes="smart-label")
                yield Button("Meta-skills", id="pick-skills", compact=True)
                yield Button("Criteria", id="pick-criteria", compact=True)
                yield Label("", id="links", classes="muted", markup=False)
            with Horizontal(classes="smart-row", id="row-agreed"):
                yield Label(" ", classes="smart-letter")
                yield Label("Agreed by", classes="smart-label")
                yield Input(form.agreed_by, id="agreed-by", compact=True, placeholder="mentor, once agreed")
                yield Label(" on ", classes="muted")
                yield DateField(None, today=self.today, what="The date it was agreed", empty="",
                                placeholder="today", id="agreed-on")
            yield Label("", id="objective-status", classes="muted", markup=False)
        with VerticalScroll(id="smart-advice-box", can_focus=False):
            yield Static("", id="smart-advice")
        yield KeyFooter()

    def action_next_field(self) -> None:
        next_field(self)

    def on_mount(self) -> None:
        self.title = f"Objective #{self.objective.id}" if self.objective else "New objective"
        self.query_one("#agreed-on", DateField).input.value = self.initial.agreed_on
        self.query_one("#smart-advice-box").border_title = "SMART check"
        self._show_links()
        self._show_deadline()
        self._show_status()
        self._check()
        self.query_one("#specific", TextArea).focus()
        self.call_after_refresh(self._cursor_to_end)

    def _cursor_to_end(self) -> None:
        area = self.query_one("#specific", TextArea)
        area.move_cursor(area.document.end)

    # -- reading the form -------------------------------------------------------------------

    def current_state(self) -> ObjectiveForm:
        value = lambda name: self.query_one(f"#{name}", Input).value  # noqa: E731
        return ObjectiveForm(
            specific=self.query_one("#specific", TextArea).text, measure=value("measure"),
            achievable=value("achievable"), relevant=value("relevant"), deadline=value("deadline"),
            skills=tuple(sorted(self.skills)), criteria=tuple(sorted(self.criteria)),
            agreed_by=value("agreed-by"), agreed_on=self.query_one("#agreed-on", DateField).text)

    @property
    def dirty(self) -> bool:
        """True when the form differs from what is saved."""
        try:
            return self.current_state() != self.saved
        except Exception:  # noqa: BLE001 - widgets not there (yet, or any more): nothing typed
            return False

    # -- reacting to changes ----------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed)
    def _changed(self, event) -> None:
        if getattr(event, "input", None) is not None and event.input.id == "deadline":
            self._show_deadline()
        if self._advice_timer is not None:
            self._advice_timer.stop()
        self._advice_timer = self.set_timer(ADVICE_DELAY, self._check)
        self._show_status()
        self.schedule_autosave()

    def _check(self) -> None:
        """Work out the SMART advice for what is typed now and show it (never blocks anything)."""
        self._advice_timer = None
        form = self.current_state()
        self.advice = check_objective(form.specific, form.measure, form.deadline, self.set_on, self.skills,
                                      self.criteria, achievable=form.achievable, relevant=form.relevant,
                                      next_review=self.next_review, today=self.today, verbs=self.app.smart_verbs)
        ok = smart_letters(self.advice)
        fields = {"specific": "S", "measure": "M", "achievable": "A", "relevant": "R", "deadline": "T", "links": "L"}
        for name, letter in fields.items():
            self.query_one(f"#letter-{name}", Label).set_class(not ok[letter], "-advice")
        box = self.query_one("#smart-advice", Static)
        if not self.advice:
            box.update(Content.styled("✓ Looks SMART: specific, measurable, achievable, relevant, time-bound "
                                      "and linked.", "bold $text-success"))
            return
        box.update(Content("\n").join(Content.assemble((f"{a.letter}  ", "bold $text-warning"), a.message)
                                      for a in self.advice))

    def _show_deadline(self) -> None:
        text = self.query_one("#deadline", Input).value
        shown, readable = deadline_feedback(text, self.set_on, self.next_review, self.today)
        label = self.query_one("#deadline-feedback", Label)
        label.update(shown)
        label.set_class(not readable, "error")

    def _show_links(self) -> None:
        framework = self.app.framework
        self.query_one("#pick-skills", Button).label = f"Meta-skills ({len(self.skills)})"
        self.query_one("#pick-criteria", Button).label = f"Criteria ({len(self.criteria)})"
        names = [skill_name(framework, s) for s in in_framework_order(framework, self.skills)]
        self.query_one("#links", Label).update(", ".join(names + list(self.criteria)) or "ctrl+g, ctrl+r")

    def _show_status(self) -> None:
        objective = self.objective
        if objective is None:
            text = "New: saved as a draft, or as agreed if you say who agreed it."
        elif objective.status == "draft":
            text = "Status: Draft. Say who agreed it to mark it agreed; other changes on its page (s)."
        else:
            text = f"Status: {objective.label}. Change it on the objective's page (s)."
        if self.dirty:
            text += "  · unsaved changes"
        self.query_one("#objective-status", Label).update(text)

    # -- pickers ----------------------------------------------------------------------------

    @on(Button.Pressed, "#pick-skills")
    def action_skills(self) -> None:
        def chosen(result):
            if result is not None:
                self.skills = tuple(result)
                self._links_changed()
        self.app.push_screen(SkillPicker(self.app.framework, self.skills,
                                         title="Meta-skills this objective develops"), chosen)

    @on(Button.Pressed, "#pick-criteria")
    def action_criteria(self) -> None:
        def chosen(result):
            if result is not None:
                self.criteria = tuple(result)
                self._links_changed()
        self.app.push_screen(CriteriaPicker(self.app.framework, self.criteria, preferred_units=self.app.my_units(),
                                            title="Criteria this objective works towards"), chosen)

    def _links_changed(self) -> None:
        self._show_links()
        self._show_status()
        self._check()
        self.schedule_autosave()

    # -- saving and leaving -------------------------------------------------------------------

    @guarded
    def action_save(self) -> bool:
        """Save the objective (all in one transaction); True if it was saved."""
        journal = self.app.journal
        if not self.keep_draft() and self.aside is not None:  # the words are in the journal first
            return self.save_when_free()  # busy: they are beside it, and saving waits its turn
        form = self.current_state()
        fields = dict(specific=form.specific, measure=form.measure, achievable=form.achievable,
                      relevant=form.relevant, deadline=stored_deadline(form, self.set_on, self.next_review), skills=list(self.skills),
                      criteria=list(self.criteria))
        agreed_on = self.query_one("#agreed-on", DateField).day
        agreed_by = form.agreed_by.strip()
        store = journal.objectives
        try:
            with journal.waiting(TRY_WAIT), journal.write():  # busy: tried again shortly, hardly waited for
                if self.objective is None:
                    agreed = {"status": "agreed", "agreed_by": agreed_by, "agreed_on": agreed_on or self.today}
                    objective = store.add(**fields, **(agreed if agreed_by else {}))
                else:
                    # A draft has no agreed date; an agreed one keeps its date unless another is typed.
                    kept = None if self.objective.status == "draft" else agreed_on or self.objective.agreed_on
                    objective = store.update(self.objective.id, **fields, agreed_by=agreed_by, agreed_on=kept)
                    if objective.status == "draft" and agreed_by:
                        objective = store.change_status(objective.id, "agreed", agreed_by=agreed_by,
                                                        on=agreed_on or self.today)
                if self.keeper.draft_id is not None:  # the objective and the end of its draft land together
                    journal.drafts.discard(self.keeper.draft_id)
        except JournalBusyError:
            return self.save_when_free()
        self.saved_now()
        self.keeper.draft_id = self.keeper.stored = None
        was_new = self.objective is None
        self.objective = objective
        self.saved = ObjectiveForm.of(objective)
        self._tidy(self.saved)
        self.title = f"Objective #{objective.id}"
        self._show_status()
        self._check()
        self.notify(f"{'Set' if was_new else 'Saved'} objective #{objective.id} ({objective.label.lower()})."
                    + (" The SMART check still has advice: see below." if self.advice else ""), title="Saved")
        return True

    def _tidy(self, form: ObjectiveForm) -> None:
        # Show what was stored: "within 6 weeks" becomes its date, spaces go.
        for name in ("measure", "achievable", "relevant", "deadline", "agreed-by"):
            box = self.query_one(f"#{name}", Input)
            value = getattr(form, name.replace("-", "_"))
            if box.value != value:
                box.value = value
        area = self.query_one("#specific", TextArea)
        if area.text != form.specific:
            area.load_text(form.specific)
        agreed = self.query_one("#agreed-on", DateField).input
        if agreed.value != form.agreed_on:
            agreed.value = form.agreed_on

    def action_leave(self) -> None:
        leave_or_ask(self, discard=self.close_discarding, question="Save the objective before leaving?")

    def discard_changes(self) -> None:
        """Forget what was typed: the draft goes and nothing more is kept."""
        self.forget_draft()
        self.stop_autosave()

    def close_discarding(self) -> None:
        self.discard_changes()
        self.close()

    def close(self) -> None:
        if self._advice_timer is not None:
            self._advice_timer.stop()
        if self.dirty:
            self.keep_draft()  # leaving with changes unsaved: they stay as a draft
        else:
            self.forget_draft()
        self.stop_autosave()
        self.dismiss(self.objective.id if self.objective else None)

