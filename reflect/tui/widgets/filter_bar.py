"""Filter chips under the search box: dates, meta-skills, unit, kind of evidence, private.

Each chip shows its name and current value. Pressing one (``enter``, ``space`` or a click)
posts :class:`FilterBar.ChipPressed`; the screen asks the person (a picker or a dialog) and
sets :attr:`FilterBar.filters`, which redraws the chips and posts :class:`FilterBar.Changed`.

A chip is a one-line :class:`Chip`, not a Textual Button: a button ignores presses while it
has its ``-active`` class (its pressed look), so a chip whose filter was on could not be
pressed again, and five buttons took a twentieth of the app's start.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from reflect.entries.kinds import KINDS
from reflect.entries.models import EntryFilter

#: The chips, in order: (kind, label).
CHIPS = (("dates", "Dates"), ("skills", "Meta-skills"), ("units", "Unit"), ("kinds", "Kind"),
         ("private", "Private"))

#: What pressing the kind chip shows next: evidence from others first (what an apprentice
#: looks for), then their own reflections, then every kind again.
KIND_CYCLE = (*KINDS[1:], KINDS[0])


def next_kinds(kinds: tuple[str, ...]) -> tuple[str, ...]:
    """The kind filter after ``kinds`` when the chip is pressed."""
    if len(kinds) != 1 or kinds[0] not in KIND_CYCLE:
        return (KIND_CYCLE[0],)
    following = KIND_CYCLE.index(kinds[0]) + 1
    return (KIND_CYCLE[following],) if following < len(KIND_CYCLE) else ()


def chip_text(kind: str, label: str, filters: EntryFilter, framework) -> str:
    """What a chip says: its name and current value ("any" when it does not narrow)."""
    if kind == "dates":
        if not (filters.date_from or filters.date_to):
            return f"{label}: any"
        start = _compact(filters.date_from) if filters.date_from else "…"
        end = _compact(filters.date_to) if filters.date_to else "…"
        return f"{label}: {start}–{end}"
    if kind == "skills":
        if not filters.skills:
            return f"{label}: any"
        first = framework.skill(filters.skills[0])
        name = first.name if first else filters.skills[0]
        more = f" +{len(filters.skills) - 1}" if len(filters.skills) > 1 else ""
        return f"{label}: {name}{more}"
    if kind == "units":
        return f"{label}: {filters.units[0]}" if filters.units else f"{label}: any"
    if kind == "kinds":
        return f"{label}: {'/'.join(filters.kinds)}" if filters.kinds else f"{label}: any"
    if kind == "private":
        return {None: f"{label}: any", True: f"{label}: only", False: f"{label}: hidden"}[filters.private]
    raise ValueError(kind)


def _compact(day) -> str:
    """A day short enough for a chip: 1/9/26 (day first, as everywhere in reflect)."""
    return f"{day.day}/{day.month}/{day.year % 100:02d}"


def is_active(kind: str, filters: EntryFilter) -> bool:
    return {
        "dates": bool(filters.date_from or filters.date_to),
        "skills": bool(filters.skills),
        "units": bool(filters.units),
        "kinds": bool(filters.kinds),
        "private": filters.private is not None,
    }[kind]


class Chip(Static, can_focus=True):
    """One filter chip: ``enter``, ``space`` or a click asks for its filter to be changed."""

    BINDINGS = [Binding("enter,space", "press", "Change", show=False)]

    @dataclass
    class Pressed(Message):
        chip: "Chip"

    def __init__(self, text: str, *, id: str) -> None:
        super().__init__(text, id=id, classes="chip", markup=False)

    def action_press(self) -> None:
        self.post_message(self.Pressed(self))

    def on_click(self, event: Click) -> None:
        event.stop()
        self.action_press()


class FilterBar(Horizontal):
    """A row of filter chips. ``filters`` holds everything but the search text."""

    filters: reactive[EntryFilter] = reactive(EntryFilter, init=False)

    @dataclass
    class ChipPressed(Message):
        bar: "FilterBar"
        kind: str

    @dataclass
    class Changed(Message):
        bar: "FilterBar"
        filters: EntryFilter

    def __init__(self, framework, **kwargs) -> None:
        super().__init__(**kwargs)
        self.framework = framework

    def compose(self):
        for kind, label in CHIPS:
            yield Chip(chip_text(kind, label, EntryFilter(), self.framework), id=f"chip-{kind}")

    def watch_filters(self, filters: EntryFilter) -> None:
        for kind, label in CHIPS:
            chip = self.query_one(f"#chip-{kind}", Chip)
            chip.update(chip_text(kind, label, filters, self.framework))
            chip.set_class(is_active(kind, filters), "-on")
        self.post_message(self.Changed(self, filters))

    def on_chip_pressed(self, event: Chip.Pressed) -> None:
        event.stop()
        kind = (event.chip.id or "").removeprefix("chip-")
        self.post_message(self.ChipPressed(self, kind))
