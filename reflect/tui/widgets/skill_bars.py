"""The twelve meta-skills as bars, grouped by category: reflections on each, the latest, a mark
for stale or missing evidence and the latest self-rating (flagged when rated low with no
active objective). ``enter`` on a skill lists its reflections.
"""

from __future__ import annotations

from textual.content import Content

from reflect.dates import format_short
from reflect.progress.evidence import GAP, STALE
from reflect.progress.skills import SkillSummary
from reflect.tui.text import skill_style
from reflect.tui.widgets.section_list import Row, SectionList

NAME_WIDTH = 18  # "Critical thinking" and a space
BAR_WIDTH = 9
EIGHTHS = " ▏▎▍▌▋▊▉"
#: What each status says, so that colour is never the only mark.
STATUS_MARKS = {"ok": ("✓", "$text-success"), STALE: ("stale", "$text-warning"), GAP: ("gap", "$text-error")}


def bar(count: int, most: int, width: int = BAR_WIDTH) -> str:
    """A horizontal bar ``width`` cells long at most, in eighths of a cell."""
    if count <= 0 or most <= 0:
        return " " * width
    eighths = max(1, round(count * width * 8 / most))
    full, part = divmod(eighths, 8)
    return ("█" * full + (EIGHTHS[part] if part else "")).ljust(width)


def skill_rows(summary: SkillSummary, framework) -> list[Row]:
    """Headings and one row per meta-skill (plus a warning line for flagged ones)."""
    most = max((s.count for s in summary.skills), default=0)
    rows: list[Row] = [(Content.styled(
        f"{'':{NAME_WIDTH + BAR_WIDTH}}{'refl':>4} {'latest':<10} {'':5} rated", "$text-muted"), None)]
    for category in framework.categories:
        skills = [s for s in summary.skills if s.category == category.id]
        if not skills:
            continue
        rows.append((Content.styled(category.name.upper(), "bold $text-muted"), None))
        for s in skills:
            mark, mark_style = STATUS_MARKS.get(s.status, (s.status, "$text-muted"))
            parts: list = [
                (s.name[:NAME_WIDTH - 1].ljust(NAME_WIDTH), "bold"),
                (bar(s.count, most), skill_style(framework, s.id)),
                (f"{s.count:>4} ", "bold"),
                (format_short(s.latest) if s.latest else "-".ljust(10), "$text-muted"), " ",
                (mark.ljust(5), mark_style), " ",
                (f"{s.rating}/5" if s.rating is not None else "-", "$text-muted"),
            ]
            if s.flagged:
                parts += ["\n", (f"{'':{NAME_WIDTH}}⚑ rated {s.rating}/5 with no active objective", "$text-warning")]
            rows.append((Content.assemble(*parts), s.target))
    return rows


class SkillBars(SectionList):
    """Meta-skill bars; ``enter`` lists the reflections tagged with the highlighted skill."""

    def show(self, summary: SkillSummary, framework) -> None:
        self.set_rows(skill_rows(summary, framework))
