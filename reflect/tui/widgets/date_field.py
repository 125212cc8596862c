"""A UK date box that says which day it means as you type ("5/1" -> "Tue 5 Jan 2027").

Used wherever a form asks for a date: due dates, the day a status changed, the review date.
Dates of things that happened read as the journal does ("friday" is the last one); with
``ahead`` (due dates) they read forward: "friday" is the next one, "5/1" the next 5 January,
and "within 2 weeks" or "end of the month" work too. Empty means "no date" unless the field
is ``required``. :attr:`DateField.day` reads the box and raises
:class:`~reflect.errors.InputError` (one plain sentence) when it is not a date.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Label

from reflect.dates import format_long, format_short, parse_day
from reflect.errors import InputError
from reflect.review.deadlines import read_deadline


class DateField(Horizontal):
    """An input for a day, with the day it means (or why it is not one yet) beside it."""

    def __init__(self, value: date | None, *, today: date, what: str, placeholder: str = "",
                 required: bool = False, empty: str = "none", ahead: bool = False,
                 id: str | None = None) -> None:
        super().__init__(id=id, classes="date-field")
        self.value = format_short(value) if value else ""
        self.today = today
        self.what = what
        self.placeholder = placeholder
        self.required = required
        self.empty = empty
        self.ahead = ahead

    def compose(self) -> ComposeResult:
        yield Input(self.value, placeholder=self.placeholder, compact=True, classes="date-input")
        yield Label("", classes="date-feedback muted", markup=False)

    def on_mount(self) -> None:
        self._feedback()

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    @property
    def text(self) -> str:
        return self.input.value

    @on(Input.Changed)
    def _changed(self) -> None:
        self._feedback()

    def _feedback(self) -> None:
        label = self.query_one(".date-feedback", Label)
        try:
            day = self.day
        except InputError:
            label.update("not a date yet: try 5/1, friday or within 2 weeks" if self.ahead
                         else "not a date yet: try 24/11, yesterday or last friday")
            label.set_class(True, "error")
            return
        label.update(format_long(day) if day else ("needs a date" if self.required else self.empty))
        label.set_class(day is None and self.required, "error")

    @property
    def day(self) -> date | None:
        """The day typed (None when empty and not required); InputError otherwise."""
        text = self.text.strip()
        if not text:
            if self.required:
                raise InputError(f"{self.what} needs a date.")
            return None
        if self.ahead and text.lower() != "today":
            hint = read_deadline(text, self.today)
            if hint is None or hint.day is None:
                raise InputError(f'{self.what}: can\'t read "{text[:40]}" as a date; try 31/01/2027, friday '
                                 "or within 2 weeks.")
            return hint.day
        try:
            return parse_day(text, self.today)
        except InputError as error:
            raise InputError(f"{self.what}: {error}") from None
