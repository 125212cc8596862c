"""The home screen's getting-started line: how far the first week's set-up has got and the next
step, with the key that does it. Hidden once everything is done (see
:mod:`reflect.progress.getting_started`). The empty journal shows the whole list instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.content import Content
from textual.widgets import Static

from reflect.progress.getting_started import getting_started

if TYPE_CHECKING:
    from reflect.tui.app import ReflectApp


def checklist_text(steps) -> str:
    """The whole list, for the empty journal."""
    lines = ["Getting started:"]
    lines += [f"{'[x]' if s.done else '[ ]'} {s.name}" + ("" if s.done else f"  ({s.how})") for s in steps]
    return "\n".join(lines)


class GettingStartedLine(Static):
    """One line: "Getting started 2/5: a Rate your meta-skills" (the key, then the step)."""

    if TYPE_CHECKING:  # self.app is reflect's app, with its journal and framework
        app = getters.app(ReflectApp)

    DEFAULT_CSS = "GettingStartedLine { height: 1; width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.steps: list = []
        self.display = False

    def refresh_line(self) -> None:
        """Work the steps out again (a few small queries)."""
        self.steps = getting_started(self.app.journal, self.app.framework)
        left = [s for s in self.steps if not s.done]
        self.display = bool(left)
        if left:
            done = len(self.steps) - len(left)
            # The key first: a narrow screen cuts the end of the line, never how to do it.
            self.update(Content.assemble((f"Getting started {done}/{len(self.steps)}: ", "bold $text-accent"),
                                         (left[0].how, "bold"), (" ", ""), left[0].name))
