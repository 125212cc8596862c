"""Self-assessment: rate each meta-skill from 1 to 5, with a note, strengths and improvement needs.

The twelve skills are listed by category. Keys ``1`` to ``5`` rate the highlighted skill (and
move on to the next), ``s`` and ``i`` mark it a strength or an improvement need, ``n`` writes a
note. Beside each skill: its past ratings, oldest first, with an arrow for the last change.
``ctrl+s`` saves the assessment (every one is kept, so the trend grows); ``h`` shows them all.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from reflect.dates import format_short
from reflect.review.models import RATING_SCALE
from reflect.tui.guard import guarded
from reflect.tui.widgets.rows import Rows
from reflect.tui.review_view import rating_bar, trend_text
from reflect.tui.dialogs.common import ConfirmLeave
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.text import skill_style
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp

MARKS = {"strength": ("strength  ", "bold $text-success"), "improve": ("to improve", "bold $text-warning")}


class AssessmentScreen(Screen):
    """A new self-assessment, with each skill's trend beside it."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "review"

    BINDINGS = [
        Binding("1", "rate(1)", "Rate", key_display="1-5", tooltip="Rate the highlighted skill 1 to 5"),
        *(Binding(str(n), f"rate({n})", f"Rate {n}", show=False) for n in range(2, 6)),
        Binding("s", "mark('strength')", "Strength", tooltip="Mark it a strength (again to unmark)"),
        Binding("i", "mark('improve')", "Improve", tooltip="Mark it an improvement need (again to unmark)"),
        Binding("n", "note", "Note", tooltip="Write a note on the highlighted skill (enter when done)"),
        Binding("ctrl+s", "save", "Save", priority=True, tooltip="Save this self-assessment"),
        Binding("h", "history", "History", show=False, tooltip="Every self-assessment, skill by skill"),
        Binding("escape", "leave", "Back", tooltip="Back (asks first if anything is unsaved)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.ratings: dict[str, int] = {}
        self.notes: dict[str, str] = {}
        self.marks: dict[str, str] = {}
        self.trends: dict = {}
        #: What was last saved from this screen (ratings, notes, marks): shown until changed.
        self.saved: tuple[dict, dict, dict] | None = None
        self.saved_on: date | None = None
        self.mentor: dict[str, int] = {}  # the mentor's ratings at the last review, by skill

    def compose(self) -> ComposeResult:
        yield AreaBar()
        yield Rows(id="skill-ratings", markup=False, classes="rows")
        with Vertical(id="rating-help"):
            yield Label("", id="rating-meaning", markup=False)
            with Horizontal(id="note-row"):
                yield Label("Note ", classes="muted")
                yield Input(id="rating-note", compact=True, placeholder="n: an example, or what would help")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Self-assessment"
        self.sub_title = format_short(self.app.journal.today())
        self.reload()
        self.query_one("#skill-ratings", OptionList).focus()

    @guarded
    def reload(self) -> None:
        self.trends = self.app.journal.assessments.trends()
        # The mentor's view from the last review's record (read back from the pack), beside yours.
        record = self.app.journal.review_records.latest()
        self.mentor = record.ratings if record else {}
        framework = self.app.framework
        options: list = []
        for category in framework.categories:
            options.append(Option(Content.styled(category.name.upper(), "bold $text-muted"), disabled=True))
            options += [Option(self._row(s.id), id=s.id) for s in framework.skills_in(category.id)]
        listing = self.query_one("#skill-ratings", OptionList)
        keep = listing.highlighted
        listing.set_options(options)
        listing.highlighted = keep if keep is not None else 1
        self._show_count()

    def _row(self, skill_id: str) -> Content:
        framework = self.app.framework
        skill = framework.skill(skill_id)
        mark = MARKS.get(self.marks.get(skill_id, ""), ("          ", ""))
        note = self.notes.get(skill_id, "").strip()
        return Content.assemble((f"{skill.name:<18}", skill_style(framework, skill_id)),
                                rating_bar(self.ratings.get(skill_id)),
                                " ", mark, "  ", trend_text(self.trends.get(skill_id, [])),
                                (f"  mentor {self.mentor[skill_id]}" if skill_id in self.mentor else "",
                                 "$text-accent"),
                                ("  ✎ " + note if note else "", "italic $text-muted"))

    @property
    def skill_id(self) -> str | None:
        option = self.query_one("#skill-ratings", OptionList).highlighted_option
        return option.id if option is not None else None

    def _redraw(self, skill_id: str) -> None:
        self.query_one("#skill-ratings", OptionList).replace_option_prompt(skill_id, self._row(skill_id))
        self._show_count()

    def _show_count(self) -> None:
        rated = len(self.ratings)
        total = len(self.app.framework.meta_skills)
        listing = self.query_one("#skill-ratings", OptionList)
        state = " · unsaved" if self.dirty else (f" · saved {format_short(self.saved_on)}" if self.saved and self.saved_on else "")
        listing.border_title = f"{rated} of {total} rated" + state
        listing.border_subtitle = "1 Not yet · 2 Starting · 3 Developing · 4 Confident · 5 Strong"

    def _current(self) -> tuple[dict, dict, dict]:
        return (dict(self.ratings), {k: v for k, v in self.notes.items() if v.strip()}, dict(self.marks))

    @property
    def dirty(self) -> bool:
        if self.saved is not None:
            return self._current() != self.saved
        return bool(self.ratings or any(n.strip() for n in self.notes.values()) or self.marks)

    # -- the highlighted skill ---------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#skill-ratings")
    def _highlighted(self) -> None:
        skill_id = self.skill_id
        skill = self.app.framework.skill(skill_id or "")
        if skill is None or skill_id is None:
            return
        rating = self.ratings.get(skill_id)
        meaning = f"{rating} {RATING_SCALE[rating][0]}: {RATING_SCALE[rating][1]}" if rating else \
            f"{skill.description[:1].upper()}{skill.description[1:]}"
        self.query_one("#rating-meaning", Label).update(f"{skill.name} · {meaning}")
        note = self.query_one("#rating-note", Input)
        note.value = self.notes.get(skill_id, "")

    @on(Input.Changed, "#rating-note")
    def _note_typed(self, event: Input.Changed) -> None:
        skill_id = self.skill_id
        if skill_id is not None and self.notes.get(skill_id, "") != event.value:
            self.notes[skill_id] = event.value
            self._redraw(skill_id)

    @on(Input.Submitted, "#rating-note")
    def _note_done(self) -> None:
        self.query_one("#skill-ratings", OptionList).focus()

    def action_note(self) -> None:
        self.query_one("#rating-note", Input).focus()

    def action_rate(self, rating: int) -> None:
        skill_id = self.skill_id
        if skill_id is None:
            return
        self.ratings[skill_id] = rating
        self._redraw(skill_id)
        self._highlighted()
        self.query_one("#skill-ratings", OptionList).action_cursor_down()  # on to the next skill

    def action_mark(self, mark: str) -> None:
        skill_id = self.skill_id
        if skill_id is None:
            return
        if skill_id not in self.ratings:
            self.notify("Rate it first (1 to 5), then mark it.", severity="warning")
            return
        if self.marks.get(skill_id) == mark:
            del self.marks[skill_id]
        else:
            self.marks[skill_id] = mark
        self._redraw(skill_id)

    def check_action(self, action: str, parameters) -> bool | None:
        if action in ("rate", "mark", "note", "history"):
            return not isinstance(self.focused, Input)
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # in the note box, letters and digits type

    # -- saving and leaving -------------------------------------------------------------------

    def action_save(self) -> bool:
        """Save now if every skill is rated; otherwise ask first. True if saved at once."""
        missing = [s.name for s in self.app.framework.meta_skills if s.id not in self.ratings]
        if self.ratings and missing:
            shown = ", ".join(missing[:4]) + (" …" if len(missing) > 4 else "")
            self.app.push_screen(ConfirmDialog(f"{len(missing)} not rated yet", f"{shown}. Save without them?",
                                               yes="Save"), lambda yes: yes and self.save())
            return False
        return bool(self.save())

    @guarded
    def save(self) -> bool:
        notes = {s: n for s, n in self.notes.items() if n.strip()}
        assessment = self.app.journal.assessments.add(
            ratings=self.ratings, notes=notes,
            strengths=[s for s, m in self.marks.items() if m == "strength"],
            improve=[s for s, m in self.marks.items() if m == "improve"])
        self.notify(f"Saved your self-assessment of {format_short(assessment.assessed_on)}: "
                    f"{len(assessment.ratings)} meta-skills rated. The trend beside each skill now includes it.",
                    title="Saved")
        # The saved ratings stay on screen (as saved), so you see what you just recorded.
        self.saved, self.saved_on = self._current(), assessment.assessed_on
        self.reload()
        self._highlighted()
        return True

    def discard_changes(self) -> None:
        ratings, notes, marks = self.saved or ({}, {}, {})
        self.ratings, self.notes, self.marks = dict(ratings), dict(notes), dict(marks)

    def action_leave(self) -> None:
        if self.query_one("#rating-note", Input).has_focus:
            self.query_one("#skill-ratings", OptionList).focus()
            return
        if not self.dirty:
            self.dismiss()
            return

        def answered(answer: str | None) -> None:
            if answer == "save" and self.action_save():
                self.dismiss()
            elif answer == "discard":
                self.discard_changes()
                self.dismiss()
        self.app.push_screen(ConfirmLeave("Unsaved ratings", "Save this self-assessment before leaving?"), answered)

    def action_history(self) -> None:
        self.app.push_screen(AssessmentHistory())


class AssessmentHistory(ModalScreen[None]):
    """Every self-assessment, one column each (newest last), skill by skill."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    BINDINGS = [Binding("escape,h,q", "close", "Close")]
    SHOWN = 8

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label("Your self-assessments", classes="dialog-title")
            with VerticalScroll(id="history-scroll"):
                yield Static(self._table(), id="history-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#history-scroll").focus()

    def _table(self) -> Content:
        journal, framework = self.app.journal, self.app.framework
        shown = list(reversed(journal.assessments.list()))[-self.SHOWN:]
        if not shown:
            return Content.styled("No self-assessments yet: rate your meta-skills with 1 to 5, then ctrl+s.",
                                  "italic $text-muted")
        lines = [Content.assemble((f"{'':<18}", ""), *((f"{format_short(a.assessed_on)[:5]:>7}", "bold")
                                                       for a in shown))]
        for skill in framework.meta_skills:
            cells = []
            for a in shown:
                rating = a.rating_for(skill.id)
                mark = {"strength": "+", "improve": "!"}.get(rating.focus or "", " ") if rating else " "
                cells.append((f"{(str(rating.rating) + mark) if rating else '-':>7}", ""))
            lines.append(Content.assemble((f"{skill.name:<18}", skill_style(framework, skill.id)), *cells))
        lines += [Content(""), Content.styled("+ strength   ! to improve   - not rated", "$text-muted")]
        return Content("\n").join(lines)

    def action_close(self) -> None:
        self.dismiss(None)
