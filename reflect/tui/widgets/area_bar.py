"""The top row of every screen: the main areas with their keys, and where you are.

" F2 Journal  F3 Progress  F4 Objectives  F5 Logs  F6 Review        Objective: Lead a huddle"

The area the screen belongs to is highlighted; the screen's title fills what is left on the
right (cut with an ellipsis, never pushing the areas off). It takes the place of Textual's
Header: one line, so nothing else moves down at 80x24. Clicking an area opens it too.
"""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widgets import Static

from reflect.tui.actions import AREAS, area_actions


def area_of(screen) -> str | None:
    """The main area a screen belongs to (its ``AREA``), None for dialogs and the like."""
    return getattr(screen, "AREA", None)


def bar_content(active: str | None, title: str, width: int) -> tuple[Content, list[tuple[int, int, str]]]:
    """The row for ``width`` cells, and where each area's label is (start, end, area name)."""
    parts: list[Content] = [Content(" ")]
    spans: list[tuple[int, int, str]] = []
    at = 1
    for area, action in zip(AREAS, area_actions()):
        style = "reverse bold" if area.name == active else ""
        piece = Content.assemble((action.key_hint, "bold $text-accent" if area.name != active else style),
                                 (f" {action.label}", style))
        spans.append((at, at + piece.cell_length, area.name))
        parts += [piece, Content("  ")]
        at += piece.cell_length + 2
    row = Content("").join(parts)
    room = width - row.cell_length - 1
    if title and room >= 8:
        shown = title if len(title) <= room else title[:room - 1] + "…"
        row = Content.assemble(row, (shown.rjust(room), "$text-muted"), " ")
    return row, spans


class AreaBar(Static):
    """The main areas and the screen's title, on one line at the top."""

    DEFAULT_CSS = """
    AreaBar { dock: top; height: 1; width: 1fr; background: $panel; color: $foreground; }
    """

    def __init__(self) -> None:
        super().__init__("", markup=False)
        self._spans: list[tuple[int, int, str]] = []

    def on_mount(self) -> None:
        self.watch(self.screen, "title", self._draw, init=False)
        self.watch(self.screen, "sub_title", self._draw, init=False)
        self.call_after_refresh(self._draw)

    def on_resize(self) -> None:
        self._draw()

    def _draw(self, *_) -> None:
        title = self.screen.title or ""
        if self.screen.sub_title:
            title = f"{title} — {self.screen.sub_title}"
        if getattr(self.app, "demo", False):
            title = f"demo · {title}"
        row, self._spans = bar_content(area_of(self.screen), title, self.size.width or 80)
        self.update(row)

    async def on_click(self, event: Click) -> None:
        for start, end, name in self._spans:
            if start <= event.x < end:
                await self.app.run_action(f"area('{name}')")  # a coroutine: not awaited, it never ran
                return
