"""Preparing a performance review, completing it, and reading a completed one.

Preparing (no ``review_id``, or the id of the review being prepared): everything since the
last review, as :func:`reflect.review.prep.prepare_review` assembles it, beside your notes:
strengths, improvement needs and proposed next objectives. The notes are kept on the review
draft a moment after you type (:meth:`ReviewScreen.keep_notes`), so they are never lost.
``c`` completes it: the mentor's name and the agreed date are recorded and the review is
frozen. A completed review (``review_id`` of one) is shown as agreed, read-only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Checkbox, Input, Static, TextArea
from textual.timer import Timer

from reflect.errors import JournalBusyError, ReflectError
from reflect.review.models import Review
from reflect.tui.guard import guarded
from reflect.tui.review_view import review_content
from reflect.tui.dialogs.form import ConfirmDialog, FormDialog, field_label
from reflect.words import plural
from reflect.tui.widgets.date_field import DateField
from reflect.tui.actions import bindings
from reflect.tui.widgets.area_bar import AreaBar
from reflect.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from reflect.review.prep import PreparedReview
    from reflect.tui.app import ReflectApp

NOTES = (("strengths", "Your strengths"), ("improvements", "Improvement needs"),
         ("next_objectives", "Proposed next objectives, one a line"),
         ("questions", "Questions for your mentor"))


class ReviewScreen(Screen):
    """The review being prepared (with your notes), or a completed review (read-only)."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "review"

    BINDINGS = [
        Binding("c", "complete", "Complete", tooltip="Record the meeting: mentor and agreed date (then read-only)"),
        Binding("p", "toggle_private", "Private", tooltip="List private reflections too (or leave them out)"),
        *bindings("reviews"),
        Binding("e", "review_pack", "Review pack",
                tooltip="Write the review pack for your mentor (Markdown or printable HTML)"),
        Binding("ctrl+s", "save_notes", "Save", priority=True,
                tooltip="Keep your notes now (they are also kept as you type)"),
        Binding("escape", "back", "Back", tooltip="Back (from your notes: to the review)"),
    ]

    def __init__(self, review_id: int | None = None) -> None:
        super().__init__()
        journal = self.app.journal
        review = journal.reviews.get(review_id) if review_id is not None else None
        self.review: Review | None = review if review is not None and review.read_only else None
        self.include_private = False
        self.prepared: PreparedReview | None = None
        self._stored: dict[str, str] = {}
        self._timer: Timer | None = None

    @property
    def read_only(self) -> bool:
        return self.review is not None

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with Horizontal(id="review-body"):
            with VerticalScroll(id="review-text"):
                yield Static(Content.styled("Preparing your review…", "italic $text-muted"), id="review-content")
            if not self.read_only:
                with Vertical(id="review-notes"):
                    for name, title in NOTES:
                        area = TextArea(id=name.replace("_", "-"), soft_wrap=True, tab_behavior="focus")
                        area.border_title = title
                        yield area
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#review-text").focus()
        review = self.review
        if review is not None:  # read-only: a completed review
            self.title = f"Review #{review.id}"
            self.sub_title = "completed, read-only"
            from reflect.review.text import render_review

            text = render_review(review.snapshot or {}, review) + self._record_text(review)
            self.query_one("#review-content", Static).update(review_content(text))
            return
        self.title = "Prepare review"
        self.call_after_refresh(self.prepare)  # a big journal takes a moment: show the screen first

    @guarded
    def prepare(self, *, load_notes: bool = True) -> None:
        """Assemble the review again (writes nothing) and show it."""
        from reflect.review.prep import prepare_review
        from reflect.review.text import render_review

        journal = self.app.journal
        prepared = prepare_review(journal, self.app.framework, include_private=self.include_private)
        self.prepared = prepared
        # The count of private reflections left out is for the apprentice's own screen only
        # (the JSON form leaves it out: it may be shown to others).
        text = render_review(prepared.to_json() | {"private_count": prepared.private_count}, prepared.draft)
        # Your notes are in the boxes beside: the text's own copy of them would go stale as you type.
        text = text.split("\n## Review notes", 1)[0]
        text += self._last_record_text(prepared)
        self.query_one("#review-content", Static).update(review_content(text))
        count = prepared.private_count
        private = f"{count} private reflection{'s' if count != 1 else ''} left out (p lists them)" if (
            count and not self.include_private) else ""
        self.sub_title = private or ("private reflections included" if self.include_private else "")
        if load_notes:
            self._load_notes(prepared)

    def _load_notes(self, prepared) -> None:
        draft = prepared.draft
        hints = {"strengths": prepared.suggested_strengths, "improvements": prepared.suggested_improvements}
        for name, _ in NOTES:
            area = self.query_one(f"#{name.replace('_', '-')}", TextArea)
            value = getattr(draft, name) if draft else ""
            self._stored[name] = value
            area.load_text(value)
            suggested = hints.get(name)
            area.placeholder = (f"From your self-assessment: {', '.join(suggested)}" if suggested else
                                "One a line: lead the Saturday huddle by 31/01/2027" if name == "next_objectives"
                                else "A few words")

    # -- your notes, kept as you type ---------------------------------------------------------

    def notes(self) -> dict[str, str]:
        return {name: self.query_one(f"#{name.replace('_', '-')}", TextArea).text for name, _ in NOTES}

    def on_text_area_changed(self) -> None:
        if self._timer is None and not self.read_only:
            self._timer = self.set_timer(getattr(self.app, "autosave_delay", 1.0), self._autosave)

    def _autosave(self) -> None:
        self._timer = None
        self.keep_notes()

    def keep_notes(self) -> bool:
        """Write the notes to the review draft if they changed; True when they are stored."""
        if self.read_only or self.prepared is None:
            return True
        try:
            notes = self.notes()
        except Exception:  # noqa: BLE001 - the widgets are gone: nothing new to keep
            return True
        if notes == self._stored:
            return True
        try:
            with self.app.journal.waiting(0):  # never freeze the typing: try again shortly
                self.app.journal.reviews.save_draft(**notes)
        except JournalBusyError:
            if self._timer is None and not self.read_only:
                self._timer = self.set_timer(getattr(self.app, "autosave_delay", 1.0), self._autosave)
            return False
        except ReflectError as error:
            self.notify(f"Could not keep your notes: {error}", severity="warning")
            return False
        self._stored = notes
        return True

    def on_screen_suspend(self) -> None:
        self.keep_notes()

    def on_screen_resume(self) -> None:
        # The notes may have been changed meanwhile (this review opened again from the list).
        if self.read_only or self.prepared is None:
            return
        draft = self.app.journal.reviews.draft()
        if draft is not None and self.notes() == self._stored:
            for name, _ in NOTES:
                if getattr(draft, name) != self._stored[name]:
                    self.query_one(f"#{name.replace('_', '-')}", TextArea).load_text(getattr(draft, name))
                    self._stored[name] = getattr(draft, name)

    def on_unmount(self) -> None:
        self.keep_notes()

    def action_save_notes(self) -> None:
        if self.keep_notes():
            self.notify("Your notes are kept on the review being prepared.")

    # -- actions --------------------------------------------------------------------------

    def _record_text(self, review: Review) -> str:
        """The record of the meeting read back from the mentor's pack, if there is one: the
        mentor's ratings beside the self-ratings the review was agreed with."""
        from reflect.review.meeting_record import render_record

        record = self.app.journal.review_records.get(review.id)
        if record is None:
            return ""
        latest = ((review.snapshot or {}).get("assessment") or {}).get("latest") or {}
        mine = {r["skill_id"]: r["rating"] for r in latest.get("ratings", [])}
        names = {s.id: s.name for s in self.app.framework.meta_skills} if self.app.framework else {}
        return render_record(record, names, mine)

    def _last_record_text(self, prepared) -> str:
        """What the mentor recorded at the last review, their ratings beside your latest ones."""
        from reflect.review.meeting_record import last_record_text

        latest = prepared.assessment.latest
        mine = {r.skill_id: r.rating for r in latest.ratings} if latest else {}
        names = {s.id: s.name for s in self.app.framework.meta_skills} if self.app.framework else {}
        return last_record_text(self.app.journal, names, mine)

    def action_review_pack(self) -> None:
        """The pack of this completed review, or of the period being prepared."""
        from reflect.tui.dialogs.review_pack import ReviewPackDialog, pack_written

        if not self.keep_notes():
            return
        review_id = self.review.id if self.review is not None else None  # read-only: a completed one
        self.app.push_screen(ReviewPackDialog(review_id, self.include_private), lambda w: pack_written(self.app, w))

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "review_pack":
            return self.read_only or not isinstance(self.focused, TextArea)
        if action in ("complete", "toggle_private", "save_notes"):
            return not self.read_only and (action == "save_notes" or not isinstance(self.focused, TextArea))
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()  # letter keys type in your notes, and act only outside them

    def action_toggle_private(self) -> None:
        self.keep_notes()
        self.include_private = not self.include_private
        self.prepare(load_notes=False)

    def action_complete(self) -> None:
        if self.prepared is None or not self.keep_notes():
            return
        self.app.push_screen(CompleteReviewDialog(self.prepared.draft, self.notes(), self.include_private),
                             self._completed)

    def _completed(self, review: Review | None) -> None:
        if review is None:
            return
        self._stored = self.notes()  # they are in the completed review now
        # Its pack is offered: the mentor fills in the record of the meeting and sends it back.
        self.notify(f"Review #{review.id} with {review.mentor_name} is complete and now read-only. "
                    "Press e for its review pack, with the record of the meeting to fill in.",
                    title="Review completed", timeout=12)
        self.app.pop_screen()
        completed = ReviewScreen(review.id)
        self.app.push_screen(completed)
        # The mentor usually wants the pack straight away: offer it (its dialog opens on this review).
        self.app.push_screen(ConfirmDialog("Write the review pack?", f"Review #{review.id} is complete. Write its "
                                           "pack for your mentor now (later: e on the review)?", yes="Write"),
                             lambda yes: completed.action_review_pack() if yes else None)

    def action_back(self) -> None:
        if not self.read_only and not self.query_one("#review-text").has_focus:
            self.query_one("#review-text").focus()
            return
        self.keep_notes()
        self.dismiss()


class CompleteReviewDialog(FormDialog):
    """Record the review meeting: mentor and agreed date. Dismisses with the completed review."""

    heading = "Complete the review"
    hint = "It is read-only afterwards · enter: next field · ctrl+s completes · escape cancels"

    def __init__(self, draft: Review | None, notes: dict[str, str], include_private: bool) -> None:
        super().__init__()
        self.draft, self.notes_text, self.include_private = draft, notes, include_private

    def fields(self):
        today = self.app.journal.today()
        planned = self.draft.agreed_on if self.draft and self.draft.agreed_on else today
        planned = min(planned, today)  # a meeting planned for later is agreed today if completed now
        proposed = [line for line in self.notes_text["next_objectives"].splitlines() if line.strip(" -*\t")]
        yield field_label("Mentor")
        yield Input(self.draft.mentor_name if self.draft else "", id="mentor", compact=True,
                    placeholder="who you reviewed with")
        yield field_label("Agreed on")
        yield DateField(planned, today=today, what="The review date", required=True, id="agreed")
        yield field_label("")
        # Labels short enough to show whole at 60 columns (a checkbox's label never wraps).
        yield Checkbox(f"Add the {plural(len(proposed), 'proposed objective')}" if proposed
                       else "No objectives proposed", bool(proposed),
                       id="draft-objectives", compact=True, disabled=not proposed)
        yield field_label("")
        yield Checkbox("... as agreed, not drafts", False, id="agree-objectives", compact=True,
                       disabled=not proposed)
        yield field_label("")
        yield Checkbox("Include private reflections", self.include_private, id="private", compact=True)

    def on_mount(self) -> None:
        self.query_one("#mentor", Input).focus()

    def submit(self) -> Review:
        from reflect.review.prep import complete_review

        agreed_on = self.query_one("#agreed", DateField).day
        assert agreed_on is not None  # the field is required: left empty, it raised InputError
        return complete_review(
            self.app.journal, self.app.framework, mentor_name=self.query_one("#mentor", Input).value,
            agreed_on=agreed_on,
            include_private=self.query_one("#private", Checkbox).value,
            draft_objectives=self.query_one("#draft-objectives", Checkbox).value,
            agree_objectives=self.query_one("#agree-objectives", Checkbox).value,
            # The questions are kept on the draft as you type; completing keeps the draft's.
            **{k: v for k, v in self.notes_text.items() if k != "questions"})
