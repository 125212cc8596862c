"""The framework: units (mandatory, then optional) and their criteria, with the evidence for
each by kind ("2 reflections, 1 witness testimony"), the latest, and a mark when that is stale
(the same numbers as `reflect gaps` and the dashboard). Choosing optional units happens here
(space). ``o`` shows only the criteria resting on the apprentice's own reflections, with no
witness testimony, product, observation or discussion yet: what an assessor asks about first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from reflect.progress.criteria import CriterionCoverage, criteria_coverage
from reflect.dates import format_short
from reflect.progress.evidence import STALE
from reflect.entries.models import EntryFilter
from reflect.framework.standards import KIND_LABELS
from reflect.tui.guard import guarded
from reflect.tui.widgets.entry_list import EntryList, entry_pages
from reflect.tui.widgets.area_bar import AreaBar

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


class UnitList(OptionList):
    """Units; enter moves on to the unit's criteria."""

    BINDINGS = [Binding("enter", "select", "Criteria")]


class CriterionList(OptionList):
    """A unit's criteria; enter shows the reflections evidencing one."""

    BINDINGS = [Binding("enter", "select", "Evidence")]


class FrameworkBrowserScreen(Screen):
    """Units on the left, the highlighted unit's criteria on the right.

    Opened with ``unit`` (a code), it starts at that unit's criteria, on ``criterion`` if
    given (the dashboard drills down to a unit's first gap this way).
    """

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "progress"

    BINDINGS = [
        Binding("space", "choose_unit", "Choose unit"),
        Binding("o", "own_only", "Own only", tooltip="Show only criteria resting on your own reflections "
                                                      "(no witness, product, observation or discussion yet)"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(self, unit: str | None = None, criterion: str | None = None) -> None:
        super().__init__()
        self._start_at = (unit, criterion) if unit else None
        #: Show only the criteria whose evidence is all the apprentice's own reflections.
        self.own_only = False

    def compose(self) -> ComposeResult:
        yield AreaBar()
        with Horizontal(id="framework"):
            yield UnitList(id="units", markup=False)
            yield CriterionList(id="criteria-list", markup=False)
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Framework"
        self.coverage: dict[str, CriterionCoverage] = {}
        self.query_one("#units", OptionList).focus()

    def on_screen_resume(self) -> None:
        # First shown, or back from the evidence list (where entries may have been edited).
        self.fill_units(keep=self._start_at[0] if self._start_at else self._unit_code())

    def _unit_code(self) -> str | None:
        option = self.query_one("#units", OptionList).highlighted_option
        return option.id if option is not None else None

    @guarded
    def fill_units(self, keep: str | None = None) -> None:
        framework = self.app.framework
        # Every unit's criteria at once: one GROUP BY (faster than counting per criterion).
        covered = criteria_coverage(self.app.journal, framework, units=[u.code for u in framework.units])
        self.coverage = {c.id: c for u in covered.units for c in u.criteria}
        chosen = set(self.app.journal.settings.chosen_units())
        optional = framework.optional_units
        options = [Option(Content.styled("MANDATORY UNITS", "bold $text-muted"), disabled=True)]
        options += [self._unit_option(u, True) for u in framework.mandatory_units]
        picked = sum(1 for u in optional if u.code in chosen)
        options.append(Option(Content.styled(
            f"OPTIONAL UNITS: {picked} chosen of at least {framework.min_optional_units}",
            "bold $text-muted"), disabled=True))
        options += [self._unit_option(u, u.code in chosen) for u in optional]
        units = self.query_one("#units", OptionList)
        units.set_options(options)
        index = units.get_option_index(keep) if keep else 1
        units.highlighted = index
        units.border_title = "Units"

    def _unit_option(self, unit, mine: bool) -> Option:
        evidenced = sum(1 for c in unit.criteria if self._count(c.id))
        own = sum(1 for c in unit.criteria if c.id in self.coverage and self.coverage[c.id].own_only)
        mark = ("● " if unit.mandatory else "✓ ") if mine else "  "
        return Option(Content.assemble(
            (mark, "bold $text-success"), (unit.code, "bold"),
            (f"  {evidenced}/{len(unit.criteria)} evidenced", "$text-muted"),
            (f", {own} own only" if own else "", "$text-warning"), "\n  ", unit.title), id=unit.code)

    @on(OptionList.OptionHighlighted, "#units")
    def _unit_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.refresh_bindings()  # "choose unit" applies to optional units only
        unit = self.app.framework.unit(event.option.id or "")
        if unit is None:
            return
        options: list[Option | None] = []  # None: a separator
        for kind, label in KIND_LABELS.items():
            items = unit.criteria_of_kind(kind)
            if self.own_only:
                items = [c for c in items if c.id in self.coverage and self.coverage[c.id].own_only]
            if not items:
                continue
            options.append(Option(Content.styled(label.upper(), "bold $text-muted"), disabled=True))
            for c in items:
                options += [Option(Content.assemble((f"{c.label:<4} ", "bold $text-primary"),
                                                    self._evidence(c.id), "\n", c.text), id=c.id), None]
        if self.own_only and not options:
            options.append(Option(Content.styled("No criterion of this unit rests on your own reflections "
                                                 "alone. (o shows them all.)", "italic $text-muted"), disabled=True))
        criteria = self.query_one("#criteria-list", OptionList)
        criteria.set_options(options)
        criteria.highlighted = 1 if criteria.option_count > 1 else None
        if self._start_at and self._start_at[0] == unit.code:
            criterion = self._start_at[1]
            self._start_at = None  # only the first time: after that, the unit the person picks
            if criterion:
                try:
                    criteria.highlighted = criteria.get_option_index(criterion)
                except OptionDoesNotExist:
                    pass  # not one of this unit's criteria: stay on the first
            criteria.focus()
        criteria.border_title = f"{unit.code} {unit.title}"
        criteria.border_subtitle = ("mandatory" if unit.mandatory else "optional") + (
            " · own reflections only" if self.own_only else "")

    def _count(self, criterion_id: str) -> int:
        found = self.coverage.get(criterion_id)
        return found.count if found else 0

    def _evidence(self, criterion_id: str) -> Content:
        """E.g. "2 reflections, 1 witness testimony · latest 01/07/2026 · stale", "1 reflection ·
        latest 01/07/2026 · own only", or "no evidence yet"."""
        found = self.coverage.get(criterion_id)
        if found is None or not found.count or found.latest is None:
            return Content.styled("no evidence yet", "italic $text-muted")
        parts: list = [(found.evidence_words, "bold $text-success"),
                       (f" · latest {format_short(found.latest)}", "$text-muted")]
        if found.status == STALE:
            parts.append((" · stale", "bold $text-warning"))
        if found.own_only:
            parts.append((" · own only", "$text-warning"))
        return Content.assemble(*parts)

    @on(OptionList.OptionSelected, "#units")
    def _unit_chosen(self) -> None:
        self.query_one("#criteria-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#criteria-list")
    def _criterion_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.push_screen(EvidenceScreen(event.option.id))

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "choose_unit":
            unit = self.app.framework.unit(self._unit_code() or "")
            units_focused = self.query_one("#units", OptionList).has_focus
            return units_focused and unit is not None and not unit.mandatory
        return True

    def action_own_only(self) -> None:
        """Show only the criteria resting on your own reflections, or all of them again."""
        self.own_only = not self.own_only
        code = self._unit_code()
        self.fill_units(keep=code)
        units = self.query_one("#units", OptionList)
        # The same unit stays highlighted, so its criteria are listed again under the new rule.
        option = units.highlighted_option
        if option is not None:
            units.post_message(OptionList.OptionHighlighted(units, option, units.highlighted or 0))
        self.notify("Showing criteria resting on your own reflections only." if self.own_only
                    else "Showing every criterion.", timeout=2)

    @guarded
    def action_choose_unit(self) -> None:
        code = self._unit_code()
        unit = self.app.framework.unit(code or "")
        if unit is None or unit.mandatory:
            return
        chosen = code not in self.app.journal.settings.chosen_units()
        self.app.journal.settings.choose_unit(code, chosen)
        self.fill_units(keep=code)
        self.notify(f"{'Added' if chosen else 'Removed'} {code} {'to' if chosen else 'from'} your units.")

    def action_back(self) -> None:
        if self.query_one("#criteria-list", OptionList).has_focus:
            self.query_one("#units", OptionList).focus()
        else:
            self.dismiss()


class EvidenceScreen(Screen):
    """The reflections that give evidence for one criterion."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    AREA = "progress"

    BINDINGS = [Binding("escape", "back", "Back")]

    def __init__(self, criterion_id: str) -> None:
        super().__init__()
        self.criterion_id = criterion_id

    def compose(self) -> ComposeResult:
        criterion = self.app.framework.criterion(self.criterion_id)
        yield AreaBar()
        with Vertical(id="evidence"):
            yield Label(Content.assemble((self.criterion_id, "bold $text-primary"), "  ",
                                         criterion.text if criterion else ""), id="criterion-text")
            yield EntryList(self.app.framework, id="entries")
            yield Label("Nothing gives evidence for this yet. Tag a reflection or other evidence in the editor (ctrl+r).",
                        id="no-evidence", classes="empty-state")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.title = "Evidence"
        self.sub_title = self.criterion_id

    def on_screen_resume(self) -> None:
        self.reload()

    @guarded
    def reload(self) -> None:
        entries = self.query_one(EntryList)
        entries.show(entry_pages(self.app.journal, EntryFilter(criteria=(self.criterion_id,))),
                     keep=entries.entry_id)
        has_rows = entries.option_count > 0
        entries.display = has_rows
        self.query_one("#no-evidence").display = not has_rows
        if has_rows:
            entries.focus()

    @on(EntryList.Chosen)
    def _open(self, event: EntryList.Chosen) -> None:
        self.app.open_entry(event.entry_id)

    def action_back(self) -> None:
        self.dismiss()
