"""Helpers for checking what the footer and the area bar show (used by the navigation tests)."""

from __future__ import annotations

from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def footer_keys(app) -> list[tuple[str, str, int]]:
    """(key as shown, description, right edge) of every key in the current screen's footer.

    A key partly under another (the command palette's key is docked on the right) counts as
    ending where it would be covered: a cut "? He" is not a visible Help."""
    footer = app.screen.query_one(Footer)
    found = list(footer.query(FooterKey))
    docked = [k.region.x for k in found if k.action == "command_palette" and k.region.width]
    edge = min(docked, default=None)
    keys = []
    for key in found:
        right = key.region.right
        if edge is not None and key.action != "command_palette" and right > edge:
            right = 10_000  # covered
        keys.append((key.key_display, key.description, right))
    return keys


def footer_problems(app, width: int = 80) -> list[str]:
    """What is wrong with the footer: keys cut off or pushed past the edge, Help or Quit missing."""
    keys = footer_keys(app)
    problems = [f"{key} {what} ends at {right}" for key, what, right in keys if right > width or right == 0]
    shown = {what for _, what, right in keys if 0 < right <= width}
    problems += [f"no {need}" for need in ("Help", "Quit") if need not in shown]
    return problems
