"""Personal data in what is written for someone else: listed before, taken out while writing.

Exports and review packs call :func:`scan_rows` first, to list what they found (the entry,
the kind, where), and :func:`guard_text` on every entry's words as it is written (``reflect.export.rows``): card numbers are
always replaced by ``[card]``; with ``redact`` every finding is replaced by its label.
The journal itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from reflect.coach.personal_data import Finding, describe, find_personal_data, mask_cards, redact, shown
from reflect.jsonable import Record

__all__ = ["CardMaskingWriter", "EntryFindings", "guard_text", "scan_rows", "summary_lines"]


@dataclass(frozen=True)
class EntryFindings(Record):
    """The personal data found in one entry's title and body."""

    uid: str
    day: object
    title: str
    findings: tuple[Finding, ...]
    entry_id: int | None = None

    def json_shape(self) -> dict:
        return {"id": self.entry_id, "uid": self.uid, "date": self.day, "title": self.title,
                "personal_data": self.findings}


def guard_text(text: str, *, redact_all: bool = False) -> str:
    """``text`` as it may be written for someone else: cards masked, and all findings with ``redact_all``."""
    return redact(text) if redact_all else mask_cards(text)


def scan_rows(rows: Iterable) -> list[EntryFindings]:
    """The entries (export rows or entries) with personal data, in the order given."""
    found = []
    for row in rows:
        findings = find_personal_data(row.title) + find_personal_data(row.body)
        if findings:
            found.append(EntryFindings(row.uid, row.day, row.title, tuple(findings), getattr(row, "id", None)))
    return found


def summary_lines(found: list[EntryFindings], *, redacted: bool, limit: int = 10) -> list[str]:
    """What an export says before it writes, e.g. ``Personal data in 2 reflections: ...``."""
    if not found:
        return []
    every = [f for entry in found for f in entry.findings]
    lines = [f"Personal data in {len(found)} {'reflection' if len(found) == 1 else 'reflections'} "
             f"({describe(every)}):"]
    for entry in found[:limit]:
        items = ", ".join(f"{f.advice.split(':')[0]} “{shown(f)}”" for f in entry.findings[:4])
        more = f" and {len(entry.findings) - 4} more" if len(entry.findings) > 4 else ""
        lines.append(f"  {entry.day} {entry.title[:40]}: {items}{more}")
    if len(found) > limit:
        lines.append(f"  … and {len(found) - limit} more")
    if redacted:
        lines.append("Written with each replaced by a label such as [phone]; your journal is unchanged.")
    else:
        lines.append("Card numbers are masked in the file; add --redact to replace the rest with labels "
                     "such as [phone] (your journal stays as it is).")
    return lines


class CardMaskingWriter:
    """A text stream that masks card numbers in everything written through it: for the parts
    of a review pack that are not reflections (objectives, feedback, notes), which are
    written a line or a block at a time, so a number is never split between two writes."""

    def __init__(self, out):
        self.out = out

    def write(self, text: str) -> int:
        return self.out.write(mask_cards(text))

    def __getattr__(self, name):
        return getattr(self.out, name)
