"""Choose your optional units from the profile form: space ticks, enter when done.

The same choice as ticking units in the framework browser (``f``) or ``reflect profile
--units``; the profile form saves it with everything else.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reflect.tui.widgets.key_footer import KeyFooter


class UnitsPicker(ModalScreen[tuple[str, ...] | None]):
    """The framework's optional units, the chosen ones ticked. Dismisses with the ticked codes
    in the framework's order, or None (escape: nothing changes)."""

    BINDINGS = [
        Binding("space", "toggle", "Tick"),
        Binding("enter", "done", "Done", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, framework, chosen=()) -> None:
        super().__init__(classes="picker")
        self.framework = framework
        self.selected = set(chosen)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(f"Your optional units (your framework asks for {self.framework.min_optional_units})",
                        classes="dialog-title", markup=False)
            yield Label("", id="picker-count", classes="muted")
            yield OptionList(*(Option(self._prompt(u), id=u.code) for u in self.framework.optional_units),
                             id="units", markup=False)
        yield KeyFooter()

    def _prompt(self, unit) -> Content:
        return Content.assemble("[x] " if unit.code in self.selected else "[ ] ", (f"{unit.code:<9}", "bold"),
                                unit.title)

    def on_mount(self) -> None:
        units = self.query_one("#units", OptionList)
        units.highlighted = next((i for i, o in enumerate(units.options) if o.id in self.selected), 0)
        self._show_count()

    @on(OptionList.OptionSelected, "#units")
    def _clicked(self) -> None:
        self.action_toggle()

    # The picker's own "toggle" (space) replaces DOMNode's toggle(attribute), which it never uses.
    def action_toggle(self) -> None:  # type: ignore[override]
        units = self.query_one("#units", OptionList)
        option = units.highlighted_option
        if option is None or option.id is None:
            return
        self.selected ^= {option.id}
        unit = self.framework.unit(option.id)
        units.replace_option_prompt(option.id, self._prompt(unit))
        self._show_count()

    def _show_count(self) -> None:
        count, needed = len(self.selected), self.framework.min_optional_units
        self.query_one("#picker-count", Label).update(
            f"{count} of {needed} ticked: space ticks, enter when done." if count < needed
            else f"{count} ticked: enter when done.")

    def action_done(self) -> None:
        self.dismiss(tuple(u.code for u in self.framework.optional_units if u.code in self.selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
