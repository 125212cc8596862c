"""Dialogs of the feedback log and the training log: add or change an item, mark it done."""

from __future__ import annotations

from textual.widgets import Input, Select

from reflect.errors import InputError
from reflect.review.models import FEEDBACK_SOURCES, Feedback, Training
from reflect.tui.dialogs.form import FormDialog, field_label, read_time, time_input
from reflect.tui.widgets.date_field import DateField


class FeedbackDialog(FormDialog):
    """Log feedback or change it. Dismisses with the feedback."""

    def __init__(self, feedback: Feedback | None = None, *, objective_id: int | None = None) -> None:
        super().__init__()
        self.feedback = feedback
        self.objective_id = feedback.objective_id if feedback else objective_id
        self.heading = f"Change feedback #{feedback.id}" if feedback else "Log feedback"

    def fields(self):
        fb, today = self.feedback, self.app.journal.today()
        yield field_label("Received")
        yield DateField(fb.received_on if fb else today, today=today, what="The date it was received", required=True,
                        id="received")
        yield field_label("From")
        yield Select([(label, kind) for kind, label in FEEDBACK_SOURCES.items()], allow_blank=False,
                     value=fb.source_kind if fb else "manager", id="source", compact=True)
        yield field_label("Name")
        yield Input(fb.source_name if fb else "", id="name", compact=True, placeholder="optional: who said it")
        yield field_label("What was said")
        yield Input(fb.said if fb else "", id="said", compact=True, placeholder="in their words, if you can")
        yield field_label("What I will do")
        yield Input(fb.action if fb else "", id="action", compact=True, placeholder="one thing you will do about it")
        objectives = [o for o in self.app.journal.objectives.list() if o.is_open or o.id == self.objective_id]
        yield field_label("Objective")
        yield Select([(f"#{o.id} {o.specific[:60]}", o.id) for o in objectives], prompt="none",
                     value=self.objective_id if self.objective_id in {o.id for o in objectives} else Select.NULL,
                     id="objective", compact=True)

    def submit(self) -> Feedback:
        objective = self.query_one("#objective", Select).value
        values = dict(received_on=self.query_one("#received", DateField).day,
                      source_kind=self.query_one("#source", Select).value,
                      source_name=self.query_one("#name", Input).value, said=self.query_one("#said", Input).value,
                      action=self.query_one("#action", Input).value,
                      objective_id=objective if isinstance(objective, int) else None)
        store = self.app.journal.feedback
        if self.feedback is None:
            return store.add(**values)
        return store.update(self.feedback.id, **values)


class FeedbackDoneDialog(FormDialog):
    """Mark feedback acted on: when, and what you did. Dismisses with the feedback."""

    def __init__(self, feedback: Feedback) -> None:
        super().__init__()
        self.feedback = feedback
        self.heading = f"Acted on: “{feedback.said[:50]}”"

    def fields(self):
        today = self.app.journal.today()
        yield field_label("What I did")
        yield Input(self.feedback.action, id="action", compact=True, placeholder="needed: what did you do about it?")
        yield field_label("Done on")
        yield DateField(today, today=today, what="The date it was done", required=True, id="done-on")

    def submit(self) -> Feedback:
        action = self.query_one("#action", Input).value
        if not action.strip():
            raise InputError("Say what you did about it.")
        return self.app.journal.feedback.mark_done(self.feedback.id, on=self.query_one("#done-on", DateField).day,
                                                   action=action)


class TrainingDialog(FormDialog):
    """Log a piece of mandatory training or change it. Dismisses with the training."""

    def __init__(self, training: Training | None = None) -> None:
        super().__init__()
        self.training = training
        self.heading = f"Change training #{training.id}" if training else "Log mandatory training"

    def fields(self):
        t, today = self.training, self.app.journal.today()
        yield field_label("Training")
        yield Input(t.name if t else "", id="name", compact=True, placeholder="Fire safety")
        yield field_label("Provider")
        yield Input(t.provider if t else "", id="provider", compact=True, placeholder="optional: Store HR")
        yield field_label("Due")
        yield DateField(t.due if t else None, today=today, what="The due date", ahead=True, empty="no due date",
                        placeholder="31/12, within 4 weeks", id="due")
        yield field_label("Certificate")
        yield Input(t.certificate_ref if t else "", id="certificate", compact=True, placeholder="optional")
        yield field_label("Time spent")
        yield time_input(t.minutes if t else None)
        if t is None:
            yield field_label("Completed on")
            yield DateField(None, today=today, what="The completion date", empty="not yet", id="completed")

    def submit(self) -> Training:
        values = dict(name=self.query_one("#name", Input).value, provider=self.query_one("#provider", Input).value,
                      due=self.query_one("#due", DateField).day,
                      certificate_ref=self.query_one("#certificate", Input).value,
                      minutes=read_time(self.query_one("#time", Input).value))
        store = self.app.journal.training
        if self.training is None:
            return store.add(**values, completed_on=self.query_one("#completed", DateField).day)
        return store.update(self.training.id, **values)


class TrainingDoneDialog(FormDialog):
    """Mark training completed: when, and the certificate reference. Dismisses with the training."""

    def __init__(self, training: Training) -> None:
        super().__init__()
        self.training = training
        self.heading = f"Completed: {training.name}"

    def fields(self):
        today = self.app.journal.today()
        yield field_label("Certificate")
        yield Input(self.training.certificate_ref, id="certificate", compact=True, placeholder="optional: FS-2291")
        yield field_label("Completed on")
        yield DateField(today, today=today, what="The completion date", required=True, id="completed")
        yield field_label("Time spent")
        yield time_input(self.training.minutes)

    def submit(self) -> Training:
        return self.app.journal.training.complete(self.training.id, self.query_one("#completed", DateField).day,
                                                  certificate_ref=self.query_one("#certificate", Input).value,
                                                  minutes=read_time(self.query_one("#time", Input).value))
