"""The next best steps: a few gentle suggestions, most pressing first; ``enter`` goes to what
each one is about (a unit's criteria, a meta-skill's reflections, the framework, ...).

Only the first :data:`SHOWN` are listed at first, so the page stays calm; a last row offers
the rest.
"""

from __future__ import annotations

from textual.content import Content

from reflect.entries.models import Target
from reflect.progress.suggestions import Suggestion
from reflect.tui.widgets.section_list import Row, SectionList

SHOWN = 6
NOTHING_PRESSING = "Nothing pressing: keep writing a reflection or two a week."
MORE = Target("more")  # the row that lists the rest


def suggestion_rows(steps: tuple[Suggestion, ...], limit: int | None = SHOWN) -> list[Row]:
    """One row per suggestion, the first ``limit`` of them, then a row offering the rest."""
    if not steps:
        return [(Content.styled(NOTHING_PRESSING, "italic $text-muted"), None)]
    shown = steps if limit is None else steps[:limit]
    rows: list[Row] = [(Content.assemble(("→ ", "bold $text-primary"), step.text), step.target) for step in shown]
    if len(shown) < len(steps):
        more = len(steps) - len(shown)
        rows.append((Content.styled(f"+ {more} more next step{'s' if more != 1 else ''}", "italic $text-muted"), MORE))
    return rows


class NextSteps(SectionList):
    """Suggestions; ``enter`` drills into the highlighted one's target (or lists the rest)."""

    def __init__(self, **options) -> None:
        super().__init__(**options)
        self.steps: tuple[Suggestion, ...] = ()
        self.everything = False

    def show(self, steps: tuple[Suggestion, ...]) -> None:
        self.steps = tuple(steps)
        self.set_rows(suggestion_rows(self.steps, None if self.everything else SHOWN))

    def choose(self, target: Target) -> None:
        if target is MORE:
            self.everything = True
            self.show(self.steps)  # the highlight stays put: on the first of the rest
            return
        super().choose(target)
