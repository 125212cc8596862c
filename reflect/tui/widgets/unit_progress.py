"""A progress bar per unit worked towards (mandatory and chosen optional units), most missing
first: ``█`` recent evidence, ``▒`` stale, ``░`` none yet, and the same in words
("12/44 evidenced, 3 stale, 29 gaps"). ``enter`` opens the unit's criteria, each with its
evidence by kind ("2 reflections, 1 witness testimony") and a mark on those resting on the
apprentice's own reflections only.
"""

from __future__ import annotations

from textual.content import Content

from reflect.words import plural
from reflect.progress.criteria import CriteriaCoverage, Tally
from reflect.tui.widgets.section_list import Row, SectionList

BAR_WIDTH = 16
CODE_WIDTH = 9
#: The same marks as in the framework browser.
MANDATORY, CHOSEN = "● ", "✓ "
LEGEND = "● mandatory  ✓ chosen"


def progress_bar(tally: Tally, width: int = BAR_WIDTH) -> Content:
    """Recent, stale and missing criteria as a bar of ``width`` cells (at least one cell each
    for recent or stale evidence that exists, so a little is never shown as none)."""
    if not tally.total:
        return Content.styled("░" * width, "$text-muted")
    ok = round(tally.ok * width / tally.total)
    stale = round(tally.stale * width / tally.total)
    ok = max(ok, 1) if tally.ok else 0
    stale = max(stale, 1) if tally.stale else 0
    if tally.gaps and ok + stale >= width:  # never look complete while something is missing
        ok, stale = (ok - 1, stale) if ok >= stale else (ok, stale - 1)
    return Content.assemble(("█" * ok, "$text-success"), ("▒" * stale, "$text-warning"),
                            ("░" * (width - ok - stale), "$text-muted"))


def tally_words(tally: Tally) -> str:
    """E.g. "12/44 evidenced, 3 stale, 29 gaps"."""
    words = f"{tally.evidenced}/{tally.total} evidenced"
    if tally.stale:
        words += f", {tally.stale} stale"
    if tally.gaps:
        words += f", {plural(tally.gaps, 'gap')}"
    else:
        words += " ✓"
    return words


def unit_rows(coverage: CriteriaCoverage) -> list[Row]:
    """One two-line row per unit, in the coverage's order (most missing first).

    No rules between them: the marked code line starts each unit, and the page stays short."""
    rows: list[Row] = []
    for unit in coverage.units:
        prompt = Content.assemble(
            (MANDATORY if unit.mandatory else CHOSEN, "bold $text-success"),
            (unit.code.ljust(CODE_WIDTH), "bold $text-primary"), unit.title, "\n",
            "  ", progress_bar(unit.tally), "  ", (tally_words(unit.tally), "bold"))
        rows.append((prompt, unit.target))
    return rows


class UnitProgress(SectionList):
    """Units with their progress; ``enter`` opens the highlighted unit's criteria."""

    def show(self, coverage: CriteriaCoverage) -> None:
        self.set_rows(unit_rows(coverage))
