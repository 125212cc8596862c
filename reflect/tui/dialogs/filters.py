"""Dialogs behind the journal's filter chips: a date range and a unit."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reflect.dates import format_long, format_short, parse_day
from reflect.errors import InputError
from reflect.tui.widgets.key_footer import KeyFooter

DateRange = tuple[date | None, date | None]


class DateRangeDialog(ModalScreen[DateRange | None]):
    """From and to dates (UK style, either may be empty); dismisses with the pair or None."""

    BINDINGS = [
        Binding("enter", "apply", "Apply", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, start: date | None, end: date | None, today: date) -> None:
        super().__init__()
        self.start, self.end, self.today = start, end, today

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Only show reflections between", classes="dialog-title")
            with Grid(classes="date-grid"):
                yield Label("From")
                yield Input(format_short(self.start) if self.start else "", placeholder="1/9, 3 weeks ago",
                            id="from", compact=True)
                yield Label("", id="from-feedback", classes="muted")
                yield Label("To")
                yield Input(format_short(self.end) if self.end else "", placeholder="empty: up to today",
                            id="to", compact=True)
                yield Label("", id="to-feedback", classes="muted")
        yield KeyFooter()

    def on_mount(self) -> None:
        for name in ("from", "to"):
            self._feedback(name, self.query_one(f"#{name}", Input).value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._feedback(event.input.id or "", event.value)

    def _feedback(self, name: str, text: str) -> None:
        label = self.query_one(f"#{name}-feedback", Label)
        try:
            label.update(format_long(parse_day(text, self.today)) if text.strip() else "any")
            label.set_class(False, "error")
        except InputError:
            label.update("not a date yet")
            label.set_class(True, "error")

    def action_apply(self) -> None:
        values = []
        for name in ("from", "to"):
            text = self.query_one(f"#{name}", Input).value.strip()
            try:
                values.append(parse_day(text, self.today) if text else None)
            except InputError as error:
                self.notify(str(error), severity="error")
                return
        start, end = values
        if start and end and start > end:
            start, end = end, start
        self.dismiss((start, end))

    def action_cancel(self) -> None:
        self.dismiss(None)


class UnitChooser(ModalScreen[str | None]):
    """One unit to filter by; dismisses with its code, "" for any unit, or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, framework, preferred=(), current: str | None = None) -> None:
        super().__init__()
        self.framework = framework
        self.preferred = list(preferred)
        self.current = current

    def compose(self) -> ComposeResult:
        units = sorted(self.framework.units, key=lambda u: (u.code not in self.preferred,))
        options = [Option(Content.styled("Any unit", "italic"), id="")]
        options += [Option(Content.assemble((f"{u.code:<9}", "bold"), u.title,
                                            ("  yours" if u.code in self.preferred else "", "$text-muted")),
                           id=u.code) for u in units]
        with Vertical(classes="dialog wide"):
            yield Label("Only show reflections linked to a unit", classes="dialog-title")
            yield OptionList(*options, id="units", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        units = self.query_one("#units", OptionList)
        if self.current:
            units.highlighted = units.get_option_index(self.current)

    @on(OptionList.OptionSelected, "#units")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id or "")

    def action_cancel(self) -> None:
        self.dismiss(None)
