"""Plain-text and JSON output for the command line."""

from __future__ import annotations

import json
import os
import shutil
import sys
import textwrap
from typing import Any, Iterable, TextIO

from reflect.dates import format_long
from reflect.entries.store import HIGHLIGHT_END, HIGHLIGHT_START
from reflect.entries.details import detail_pairs
from reflect.entries.kinds import KIND_LABELS, REFLECTION
from reflect.entries.models import MODEL_NAMES, Entry, EntrySummary
from reflect.sanitize import shown_line
from reflect.framework.standards import Framework


def print_json(data: Any, out: TextIO) -> None:
    """Pretty JSON, UTF-8 as is (people's names and words are not ASCII)."""
    json.dump(data, out, indent=2, ensure_ascii=False, default=str)
    out.write("\n")


def use_colour(out: TextIO) -> bool:
    """Bold highlights only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return hasattr(out, "isatty") and out.isatty() and not os.environ.get("NO_COLOR")


def highlight(snippet: str, out: TextIO) -> str:
    """Show search matches in bold on a terminal, in [brackets] elsewhere."""
    start, end = ("\033[1m", "\033[0m") if use_colour(out) else ("[", "]")
    return snippet.replace(HIGHLIGHT_START, start).replace(HIGHLIGHT_END, end)


def plain_snippet(snippet: str) -> str:
    """A snippet with matches marked Markdown-style, for JSON."""
    return snippet.replace(HIGHLIGHT_START, "**").replace(HIGHLIGHT_END, "**")


def skill_names(framework: Framework, skill_ids: Iterable[str]) -> list[str]:
    """Meta-skill names in framework order; ids the framework lacks are kept, marked unknown."""
    order = {s.id: i for i, s in enumerate(framework.meta_skills)}
    names = []
    for sid in sorted(skill_ids, key=lambda s: (order.get(s, len(order)), s)):
        skill = framework.skill(sid)
        names.append(skill.name if skill else f"{sid} (unknown meta-skill)")
    return names


def entry_rows(rows: list[EntrySummary], framework: Framework, out: TextIO,
               files: dict[int, int] | None = None) -> None:
    """One line per entry: number, date, title, attached files, kind, meta-skills, criteria
    count, private mark. ``files`` maps an entry to how many files it has attached; the mark
    comes straight after the title so a row cut at 80 columns still shows it."""
    files = files or {}
    width = shutil.get_terminal_size((100, 24)).columns
    id_width = max(len(str(r.id)) for r in rows)
    head_width = id_width + 2 + len("Tue 24 Nov 2026") + 2
    title_width = min(max(len(r.title) for r in rows), 44, max(16, width - head_width - 24))
    for row in rows:
        count = files.get(row.id, 0)
        extras = [f"{count} file{'s' if count > 1 else ''}"] if count else []
        if row.kind != REFLECTION and row.kind in KIND_LABELS:
            extras.append(KIND_LABELS[row.kind])
        extras.append(", ".join(skill_names(framework, row.skills)))
        if row.criteria_count:
            extras.append(f"{row.criteria_count} criteria" if row.criteria_count > 1 else "1 criterion")
        if row.private:
            extras.append("private")
        line = f"{row.id:>{id_width}}  {format_long(row.day)}  {_clip(row.title, title_width):<{title_width}}  "
        print((line + "  ".join(x for x in extras if x)).rstrip(), file=out)
        if row.snippet:
            indent = " " * (id_width + 2)
            print(indent + highlight(" ".join(row.snippet.split()), out), file=out)


def show_entry(entry: Entry, framework: Framework, out: TextIO) -> None:
    """The whole entry as readable text: header, tags with criterion text, then the body."""
    width = min(shutil.get_terminal_size((100, 24)).columns, 100)
    flags = ["private"] if entry.private else []
    if entry.in_trash:
        flags.append("in the trash")
    print(f"#{entry.id}  {format_long(entry.day)}" + (f"  ({', '.join(flags)})" if flags else ""), file=out)
    title = shown_line(entry.title)  # journals written before titles were cleaned on the way in
    print(title, file=out)
    print("=" * min(len(title), width), file=out)
    details = []
    if entry.model != "none":
        details.append(f"Model: {MODEL_NAMES.get(entry.model, entry.model)}")
    if entry.confidence:
        details.append(f"Confidence: {entry.confidence}/5")
    if entry.minutes:
        details.append(f"Time spent: {entry.minutes} min")
    if details:
        print("  ".join(details), file=out)
    pairs = detail_pairs(entry)
    if pairs:
        room = max(len(label) for label, _ in pairs) + 2
        for label, value in pairs:
            print(f"{label + ':':<{room}}{shown_line(value)}", file=out)
    if entry.skills:
        print("Meta-skills: " + ", ".join(skill_names(framework, entry.skills)), file=out)
    if entry.criteria:
        print("Criteria:", file=out)
        for cid in entry.criteria:
            criterion = framework.criterion(cid)
            text = criterion.text if criterion else "(unknown criterion: not in the current framework)"
            wrapped = textwrap.wrap(text, width=max(30, width - 16)) or [""]
            print(f"  {cid:<14}{wrapped[0]}", file=out)
            for line in wrapped[1:]:
                print(" " * 16 + line, file=out)
    if entry.body.strip():
        print(file=out)
        print(entry.body.rstrip("\n"), file=out)


def _clip(text: str, room: int) -> str:
    text = shown_line(text)
    return text if len(text) <= room else text[: room - 1] + "…"


def stdin_is_terminal() -> bool:
    """Whether stdin is a terminal someone types at (False when it is closed or redirected)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except ValueError:  # closed by the program that started reflect
        return False


#: Most text read from stdin (characters): far more than any reflection.
MAX_STDIN_CHARS = 10_000_000


def read_stdin(what: str = "the text") -> str:
    """All of stdin as text; one clear :class:`InputError` when it is closed, is not UTF-8 or
    is absurdly long, so nothing is saved from half-read or garbled input."""
    from reflect.errors import InputError

    stream = sys.stdin
    try:
        if stream is None:
            raise ValueError("closed")
        raw = getattr(stream, "buffer", None)
        if raw is None:  # a text stream set up by a test or an embedding program
            text = stream.read(MAX_STDIN_CHARS + 1)
        else:
            data = raw.read(MAX_STDIN_CHARS * 4 + 1)
            text = data.decode("utf-8-sig")
    except ValueError as error:  # closed (ValueError), or not UTF-8 (UnicodeDecodeError)
        if isinstance(error, UnicodeDecodeError):
            raise InputError(f"{_capital(what)} on stdin is not UTF-8 text (check its encoding); nothing was saved.") from None
        raise InputError(f"Cannot read {what}: stdin is closed (give it as an argument instead); nothing was saved.") from None
    except OSError as error:
        raise InputError(f"Cannot read {what} from stdin: {error.strerror or error}; nothing was saved.") from None
    if len(text) > MAX_STDIN_CHARS:
        raise InputError(f"{_capital(what)} on stdin is too long (over {MAX_STDIN_CHARS:,} characters); nothing was saved.")
    return text.replace("\r\n", "\n")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
