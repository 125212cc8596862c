"""Filter chips under the search box: dates, meta-skills, unit, kind of evidence, private.

Each chip is a small button showing its current value. Pressing one posts
:class:`FilterBar.ChipPressed`; the screen asks the person (a picker or a dialog) and sets
:attr:`FilterBar.filters`, which redraws the chips and posts :class:`FilterBar.Changed`.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button

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
            yield Button(chip_text(kind, label, EntryFilter(), self.framework), id=f"chip-{kind}",
                         classes="chip", compact=True)

    def watch_filters(self, filters: EntryFilter) -> None:
        for kind, label in CHIPS:
            chip = self.query_one(f"#chip-{kind}", Button)
            chip.label = chip_text(kind, label, filters, self.framework)
            chip.set_class(is_active(kind, filters), "-active")
            chip.refresh(layout=True)  # a button keeps its first width unless told
        self.post_message(self.Changed(self, filters))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        kind = (event.button.id or "").removeprefix("chip-")
        self.post_message(self.ChipPressed(self, kind))
