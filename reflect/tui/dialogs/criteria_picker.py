"""The criteria picker: search every criterion of the framework by code or words.

Results are grouped by unit, the apprentice's own units (mandatory and chosen optional ones)
first, each criterion with its full text. Criteria the reflection's own words suggest
(:mod:`reflect.coach.suggest`) come before all of them, with the words that matched. Type to search, down or tab to reach the list,
space (or a click) ticks, enter confirms, escape cancels. Dismisses with the chosen ids,
or None when cancelled.
"""

from __future__ import annotations

import re

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reflect.tui.criteria_search import search_criteria
from reflect.tui.widgets.key_footer import KeyFooter

#: Option ids of suggested criteria start with this (the same criterion is listed in its unit too).
SUGGESTED = "suggested:"


class CriteriaPicker(ModalScreen[tuple[str, ...] | None]):
    """Choose the criteria a reflection gives evidence for."""

    BINDINGS = [
        Binding("space", "toggle", "Tick"),
        Binding("down", "to_list", "To list", show=False),
        Binding("enter", "done", "Done", priority=True),
        Binding("escape", "cancel", "Cancel"),
    ]

    def __init__(self, framework, selected=(), *, preferred_units=(), suggested=(),
                 title: str = "Criteria this reflection gives evidence for") -> None:
        super().__init__(classes="picker")
        #: Suggestions (reflect.coach.suggest.Suggestion) shown first while the search is empty.
        self.suggested = tuple(suggested)
        self.heading = title
        self.framework = framework
        self.selected = list(dict.fromkeys(selected))
        self.preferred = tuple(preferred_units)
        self._terms: list[str] = []
        self._shown: str | None = None  # the search the list shows the results of

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide tall"):
            yield Label(self.heading, classes="dialog-title")
            yield Input(placeholder="Search by code (P12, INSCS016.P12) or words", id="criteria-search",
                        compact=True)
            yield Label("", id="picker-count", classes="muted", markup=False)
            yield OptionList(id="criteria", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self._fill("")
        self._show_count()
        self.query_one("#criteria-search", Input).focus()

    @on(Input.Changed, "#criteria-search")
    def _search(self, event: Input.Changed) -> None:
        self._fill(event.value)

    def _fresh(self) -> None:
        """Make the list show the results of what is in the search box now.

        Keys typed in one burst (a code, down, space) can arrive before the box's change
        messages: acting on the list then would tick a row of an older search."""
        query = self.query_one("#criteria-search", Input).value
        if query != self._shown:
            self._fill(query)

    def _fill(self, query: str) -> None:
        self._shown = query
        self._terms = [re.escape(t) for t in re.split(r"[\s.]+", query.strip()) if len(t) > 1]
        options: list[Option] = []
        if self.suggested and not query.strip():
            options.append(Option(Content.assemble(("Suggested", "bold"), "  from what you wrote  ",
                                                   ("the words that matched", "italic $text-muted")), disabled=True))
            options.extend(Option(self._prompt(self.framework.criterion(s.id), s.words), id=SUGGESTED + s.id)
                           for s in self.suggested if self.framework.criterion(s.id))
        for group in search_criteria(self.framework, query, self.preferred):
            unit = group.unit
            tag = "mandatory" if unit.mandatory else ("your unit" if group.preferred else "optional")
            options.append(Option(Content.assemble((unit.code, "bold"), f"  {unit.title}  ",
                                                   (tag, "italic $text-muted")), disabled=True))
            options.extend(Option(self._prompt(c), id=c.id) for c in group.criteria)
        if not options:
            options.append(Option(Content.styled("Nothing matches. Try fewer words, or a code like P12.",
                                                 "italic $text-muted"), disabled=True))
        criteria = self.query_one("#criteria", OptionList)
        criteria.set_options(options)
        criteria.highlighted = next((i for i, o in enumerate(criteria.options) if not o.disabled), None)

    def _prompt(self, criterion, words=()) -> Content:
        mark = "[x] " if criterion.id in self.selected else "[ ] "
        text = Content(criterion.text)
        if self._terms:  # show why it matched
            text = text.highlight_regex("(?i)" + "|".join(self._terms), style="bold $text-warning")
        if words:
            label = criterion.id
            text = Content.assemble(text, (f"  [{', '.join(words)}]", "italic $text-warning"))
        else:
            label = criterion.label
        return Content.assemble(mark, (f"{label:<4} ", "bold $text-primary"), text)

    def action_to_list(self) -> None:
        self._fresh()
        self.query_one("#criteria", OptionList).focus()

    @on(OptionList.OptionSelected, "#criteria")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.action_toggle()

    # The picker's own "toggle" (space) replaces DOMNode's toggle(attribute), which it never uses.
    def action_toggle(self) -> None:  # type: ignore[override]
        self._fresh()
        criteria = self.query_one("#criteria", OptionList)
        option = criteria.highlighted_option
        if option is None or option.id is None:
            return
        cid = option.id.removeprefix(SUGGESTED)
        if cid in self.selected:
            self.selected.remove(cid)
        else:
            self.selected.append(cid)
        criterion = self.framework.criterion(cid)
        words = {s.id: s.words for s in self.suggested}
        # A criterion may be listed twice: among the suggestions and in its unit.
        for option_id, prompt in ((cid, self._prompt(criterion)),
                                  (SUGGESTED + cid, self._prompt(criterion, words.get(cid)))):
            try:
                criteria.replace_option_prompt(option_id, prompt)
            except OptionDoesNotExist:
                pass
        self._show_count()

    def check_action(self, action: str, parameters) -> bool | None:
        # Space types a space in the search box; it ticks only in the list.
        if action == "toggle":
            return self.query_one("#criteria", OptionList).has_focus
        return True

    def _show_count(self) -> None:
        count = len(self.selected)
        chosen = ", ".join(self.selected[:6]) + (" …" if count > 6 else "")
        self.query_one("#picker-count", Label).update(
            f"{count} ticked: {chosen}" if count else "None ticked yet: down to the list, space ticks, enter when done.")

    def action_done(self) -> None:
        self._fresh()
        self.dismiss(tuple(self.selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
