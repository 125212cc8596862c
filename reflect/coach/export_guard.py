"""Personal data in what is written for someone else: listed before, taken out while writing.

Exports and review packs call :func:`scan_rows` first, to list what they found (the entry,
the kind, where), and :func:`guard_row` on every entry as it is written: card numbers are
always replaced by ``[card]``; with ``redact`` every finding is replaced by its label.
The journal itself is never changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from reflect.coach.personal_data import Finding, describe, find_personal_data, mask_cards, redact, shown
from reflect.jsonable import Record

if TYPE_CHECKING:
    from reflect.export.rows import ExportRow

__all__ = ["CardMaskingWriter", "EntryFindings", "guard_row", "guard_text", "scan_rows", "summary_lines"]


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


def guard_row(row: "ExportRow", *, redact_all: bool = False) -> "ExportRow":
    """The row with its title and body guarded (the same row when nothing changes)."""
    title = guard_text(row.title, redact_all=redact_all)
    body = guard_text(row.body, redact_all=redact_all)
    witness = row.witness
    if witness is not None:
        # A witness's contact is there to be written (an assessor checks the testimony with
        # it), but a card number never is, and --redact takes out every finding here too.
        from dataclasses import replace

        witness = replace(witness, name=guard_text(witness.name, redact_all=redact_all),
                          role=guard_text(witness.role, redact_all=redact_all),
                          relationship=guard_text(witness.relationship, redact_all=redact_all),
                          contact=guard_text(witness.contact, redact_all=redact_all))
    if (title is row.title and body is row.body or (title == row.title and body == row.body)) \
            and witness == row.witness:
        return row
    return row._replace(title=title, body=body, witness=witness)


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
