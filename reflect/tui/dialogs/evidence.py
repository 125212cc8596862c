"""The details of evidence from others, in a small form: who the witness is and whether they
confirmed it, who observed, who took part. Dismisses with :class:`EvidenceDetails` or None."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.widgets import Checkbox, Input

from reflect.entries.details import witness_line
from reflect.entries.kinds import DISCUSSION, OBSERVATION, WITNESS, kind_label
from reflect.entries.models import Witness
from reflect.errors import InputError
from reflect.tui.dialogs.form import FormDialog, field_label
from reflect.tui.widgets.date_field import DateField


@dataclass(frozen=True)
class EvidenceDetails:
    """What the form answers: the entry's ``witness``, ``observer`` and ``participants``."""

    witness: Witness | None = None
    observer: str = ""
    participants: str = ""

    def names_someone(self, kind: str) -> bool:
        """True when the people ``kind`` asks for are named (always False for a kind with none)."""
        return bool({WITNESS: self.witness, OBSERVATION: self.observer, DISCUSSION: self.participants}.get(kind))

    def summary(self, kind: str) -> str:
        """The details ``kind`` asks for in a few words, or what is still missing ("" for a kind
        with nobody to name)."""
        if kind == WITNESS:
            return f"Witness: {witness_line(self.witness)}" if self.witness else "no witness named yet (ctrl+o)"
        if kind in (OBSERVATION, DISCUSSION):
            label = "Observed by" if kind == OBSERVATION else "Taking part"
            value = self.observer if kind == OBSERVATION else self.participants
            return f"{label}: {value}" if value else f"{label}: nobody named yet (ctrl+o)"
        return ""


#: The kinds that have details to fill in, and the button that opens the form for them.
DETAIL_BUTTONS = {WITNESS: "Witness", OBSERVATION: "Observer", DISCUSSION: "People"}


class EvidenceDetailsDialog(FormDialog):
    """The details ``kind`` asks for, starting from ``current``; the others stay as they are."""

    def __init__(self, kind: str, current: EvidenceDetails) -> None:
        super().__init__()
        self.kind = kind
        self.current = current
        self.heading = f"{kind_label(kind).capitalize()}: " + {
            WITNESS: "who saw it", OBSERVATION: "who observed you", DISCUSSION: "who took part"}.get(kind, "details")

    def fields(self):
        today = self.app.journal.today()
        if self.kind == WITNESS:
            w = self.current.witness or Witness()
            yield field_label("Witness")
            yield Input(w.name, id="witness-name", compact=True, placeholder="needed: their name")
            yield field_label("Role")
            yield Input(w.role, id="witness-role", compact=True, placeholder="their job, e.g. Team leader")
            yield field_label("Relationship")
            yield Input(w.relationship, id="witness-relationship", compact=True,
                        placeholder="theirs to you, e.g. my line manager")
            yield field_label("Contact")
            yield Input(w.contact, id="witness-contact", compact=True,
                        placeholder="how an assessor can reach them")
            yield field_label("Confirmed")
            yield Checkbox("The witness confirmed it", w.confirmed, id="confirmed", compact=True)
            yield field_label("Confirmed on")
            yield DateField(w.confirmed_on, today=today, what="The day the witness confirmed it",
                            placeholder="optional", id="confirmed-on")
        elif self.kind == OBSERVATION:
            yield field_label("Observed by")
            yield Input(self.current.observer, id="observer", compact=True,
                        placeholder="who observed you, e.g. Jo Bell (assessor)")
        elif self.kind == DISCUSSION:
            yield field_label("Taking part")
            yield Input(self.current.participants, id="participants", compact=True,
                        placeholder="who took part, e.g. Jo Bell (assessor), me")

    @on(Input.Changed, "#confirmed-on Input")
    def _dated(self, event: Input.Changed) -> None:
        # A day of confirmation means it was confirmed.
        if event.value.strip():
            self.query_one("#confirmed", Checkbox).value = True

    def submit(self) -> EvidenceDetails:
        if self.kind == WITNESS:
            name = self.query_one("#witness-name", Input).value
            if not name.strip():
                raise InputError("A witness testimony needs the witness's name.")
            on_day = self.query_one("#confirmed-on", DateField).day
            witness = Witness(name=name, role=self.query_one("#witness-role", Input).value,
                              relationship=self.query_one("#witness-relationship", Input).value,
                              contact=self.query_one("#witness-contact", Input).value,
                              confirmed=self.query_one("#confirmed", Checkbox).value or on_day is not None,
                              confirmed_on=on_day)
            return EvidenceDetails(witness, self.current.observer, self.current.participants)
        if self.kind == OBSERVATION:
            return EvidenceDetails(self.current.witness, self.query_one("#observer", Input).value,
                                   self.current.participants)
        if self.kind == DISCUSSION:
            return EvidenceDetails(self.current.witness, self.current.observer,
                                   self.query_one("#participants", Input).value)
        return self.current
