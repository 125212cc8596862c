"""A text area that colours Markdown as you type, without needing tree-sitter.

Textual highlights with tree-sitter when it is installed; reflect does not depend on it, so
this area finds the few things a reflection uses (headings, guiding-question hints, lists,
bold, italic, code) with line-by-line patterns. Styles come from the app theme, so they
follow light and dark. Personal data (a phone number, a name after "Mr"...; see
:mod:`reflect.coach.personal_data`) is marked so it stands out until it is taken out.
"""

from __future__ import annotations

import re

from rich.style import Style
from textual.widgets import TextArea
from textual.widgets.text_area import TextAreaTheme

_HEADING = re.compile(r"^(#{1,6})(\s.*)?$")
_HINT = re.compile(r"^\s*>")
_LIST = re.compile(r"^(\s*)([-*+]|\d+[.)])\s")
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE = (
    (re.compile(r"\*\*[^*\n]+\*\*|__[^_\n]+__"), "bold"),
    (re.compile(r"(?<![*\w])\*[^*\s][^*\n]*\*(?!\*)|(?<![_\w])_[^_\s][^_\n]*_(?![_\w])"), "italic"),
    (re.compile(r"`[^`\n]+`"), "text.literal"),
)


def _byte(line: str, index: int) -> int:
    """Highlights are placed by UTF-8 byte offset, not by character."""
    return len(line[:index].encode("utf-8"))


def line_highlights(line: str, in_fence: bool) -> tuple[list[tuple[int, int | None, str]], bool]:
    """Highlights for one line and whether a code fence is open after it."""
    if _FENCE.match(line):
        return [(0, None, "text.literal")], not in_fence
    if in_fence:
        return [(0, None, "text.literal")], True
    if match := _HEADING.match(line):
        return [(0, _byte(line, len(match[1])), "heading.marker"), (_byte(line, len(match[1])), None, "heading")], False
    if _HINT.match(line):
        return [(0, None, "hint")], False
    found: list[tuple[int, int | None, str]] = []
    if match := _LIST.match(line):
        found.append((_byte(line, match.start(2)), _byte(line, match.end(2)), "list.marker"))
    for pattern, name in _INLINE:
        for m in pattern.finditer(line):
            found.append((_byte(line, m.start()), _byte(line, m.end()), name))
    return found, False


def personal_highlights(line: str) -> list[tuple[int, int | None, str]]:
    """Where a line holds personal data, to be marked."""
    from reflect.coach.personal_data import find_personal_data

    return [(_byte(line, f.start), _byte(line, f.end), "personal") for f in find_personal_data(line)]


class MarkdownArea(TextArea):
    """The body editor: soft-wrapped Markdown with light highlighting."""

    def __init__(self, text: str = "", **kwargs) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("show_line_numbers", False)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)

    def on_mount(self) -> None:
        self._use_app_colours()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._use_app_colours())

    def _use_app_colours(self) -> None:
        theme = self.app.current_theme
        dark = theme.dark
        muted = "#8a8a8a" if dark else "#6a6a6a"
        self.register_theme(TextAreaTheme(name="reflect", syntax_styles={
            "heading": Style(color=theme.primary, bold=True),
            "heading.marker": Style(color=muted),
            "hint": Style(color=muted, italic=True),
            "list.marker": Style(color=theme.accent or theme.primary, bold=True),
            "bold": Style(bold=True),
            "italic": Style(italic=True),
            "text.literal": Style(color=theme.secondary or theme.primary),
            "personal": Style(color=theme.error, bold=True, underline=True),
        }))
        self.theme = "reflect"

    def _build_highlight_map(self) -> None:
        # Replaces tree-sitter's query with line patterns (see the module docstring).
        self._line_cache.clear()
        highlights = self._highlights
        highlights.clear()
        in_fence = False
        for row, line in enumerate(self.document.lines):
            found, in_fence = line_highlights(line, in_fence)
            found += personal_highlights(line)
            if found:
                highlights[row].extend(found)
