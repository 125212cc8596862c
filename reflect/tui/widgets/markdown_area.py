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
from textual.binding import Binding
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


def _is_hint(line: str) -> bool:
    return bool(_HINT.match(line))


def _is_heading(line: str) -> bool:
    return bool(_HEADING.match(line))


def answer_edit(lines: list[str], row: int, column: int, insert: str) -> tuple[tuple[int, int], str]:
    """Where typed text goes, and with what before it, so that it never joins a hint.

    In Markdown a line right under a ``> question`` joins the quote (and is then grey, and not
    counted). Typing on a hint line starts the answer below it, a blank line apart; typing on
    the blank line just under a hint keeps that blank line. Anywhere else the text goes where
    it was typed."""
    line = lines[row]
    if _is_hint(line):
        after = row + 1
        if after < len(lines) and not lines[after].strip():
            if after + 1 < len(lines) and not lines[after + 1].strip():
                return (after + 1, 0), insert
            return (after, 0), "\n" + insert
        return (row, len(line)), "\n\n" + insert
    if not line.strip() and row > 0 and _is_hint(lines[row - 1]):
        return (row, column), "\n" + insert
    return (row, column), insert


def section_starts(lines: list[str]) -> list[int]:
    """Rows of the headings (the model's sections)."""
    return [row for row, line in enumerate(lines) if _is_heading(line)]


def answer_spot(lines: list[str], heading: int) -> tuple[int, int]:
    """Where to carry on writing in the section under ``heading``: the end of what is written
    there, or the answer's place under its hint."""
    end = next((r for r in range(heading + 1, len(lines)) if _is_heading(lines[r])), len(lines))
    written = [r for r in range(heading + 1, end) if lines[r].strip() and not _is_hint(lines[r])]
    if written:
        return written[-1], len(lines[written[-1]])
    hints = [r for r in range(heading + 1, end) if _is_hint(lines[r])]
    if hints:
        below = hints[-1] + 1
        if below + 1 < end and not lines[below].strip() and not lines[below + 1].strip():
            return below + 1, 0
        return min(below, len(lines) - 1), 0
    return min(heading + 1, len(lines) - 1), 0


def first_answer(lines: list[str], from_row: int = 0) -> tuple[int, int] | None:
    """Where the answer to the first guiding question from ``from_row`` on goes: under it, a
    blank line apart (text right under a "> question" line would join the quote in Markdown);
    None when no hint has a blank line under it."""
    lines = lines + [""]
    for row in range(from_row, len(lines) - 1):
        if _is_hint(lines[row]) and not lines[row + 1].strip():
            blank_after = row + 2 < len(lines) and not lines[row + 2].strip()
            return (row + 2 if blank_after else row + 1, 0)
    return None


def personal_highlights(line: str) -> list[tuple[int, int | None, str]]:
    """Where a line holds personal data, to be marked."""
    from reflect.coach.personal_data import find_personal_data

    return [(_byte(line, f.start), _byte(line, f.end), "personal") for f in find_personal_data(line)]


class MarkdownArea(TextArea):
    """The body editor: soft-wrapped Markdown with light highlighting, hints kept apart from
    answers, and ``ctrl+up``/``ctrl+down`` to the previous or next section (also ``ctrl+b`` and
    ``ctrl+n``: macOS keeps ``ctrl+up`` and ``ctrl+down`` for Mission Control)."""

    BINDINGS = [
        Binding("ctrl+down,ctrl+n", "section(1)", "Next section", show=False,
                tooltip="To the next section of the model (where its answer goes)"),
        Binding("ctrl+up,ctrl+b", "section(-1)", "Previous section", show=False,
                tooltip="To the previous section of the model"),
    ]

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

    def _replace_via_keyboard(self, insert: str, start, end):
        # Typed text never lands in a guiding-question hint (see answer_edit).
        if insert and insert != "\n" and start == end and not self.read_only:
            lines = self.document.lines
            (row, column), text = answer_edit(lines, start[0], start[1], insert)
            if ((row, column), text) != (tuple(start), insert):
                return self.replace(text, (row, column), (row, column), maintain_selection_offset=False)
        return super()._replace_via_keyboard(insert, start, end)

    def cursor_to_first_answer(self, from_row: int = 0) -> None:
        """Put the cursor where the first guiding question from ``from_row`` on is answered
        (see :func:`first_answer`); it stays put when there is none. Never changes the text."""
        spot = first_answer(self.text.splitlines(), from_row)
        if spot is not None:
            self.move_cursor(spot)

    def action_section(self, step: int) -> None:
        """Move to the next (1) or previous (-1) section's answer."""
        lines = self.document.lines
        starts = section_starts(lines)
        if not starts:
            return
        row = self.cursor_location[0]
        current = max((i for i, r in enumerate(starts) if r <= row), default=-1)
        target = current + step if current >= 0 or step < 0 else 0
        target = max(0, min(target, len(starts) - 1))
        self.move_cursor(answer_spot(lines, starts[target]))
        self.scroll_cursor_visible()
