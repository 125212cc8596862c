"""Turning an entry read from an export into an entry to add: its marker's data checked
field by field (id, date, title, tags, numbers, kind of evidence, witness) and, when asked,
its attached files read from beside the export. Anything damaged stops the import with the
entry's line named.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Collection

from reflect.dates import from_iso
from reflect.errors import InputError
from reflect.importers.common import NewEntry

if TYPE_CHECKING:
    from reflect.importers.export_reader import ExportedEntry


def new_entry(item: ExportedEntry, name: str, files_base: Path | None = None,
              have: Collection[str] = ()) -> NewEntry:
    """Check an exported entry's data and turn it into an entry to add; with ``files_base``
    (the export's folder), its attached files are read too, except those whose SHA-256 is in
    ``have``."""
    d = item.data

    def bad(what: str) -> InputError:
        return InputError(f"{name}, line {item.line}: {what} Nothing was imported.")

    uid = d.get("uid")
    if not isinstance(uid, str) or not uid.isprintable() or uid != uid.strip() or not uid or len(uid) > 200 \
            or "-->" in uid:
        # Kept out: an id that could not be written back into a marker line intact.
        raise bad("the entry has no valid id.")
    try:
        day = from_iso(d.get("date"))
    except InputError as error:
        raise bad(str(error)) from None
    title = d.get("title")
    skills, criteria = d.get("skills", []), d.get("criteria", [])
    if not isinstance(title, str):
        raise bad("the entry has no title.")
    for value in (skills, criteria):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad("the entry's tags are damaged.")
    numbers = [d.get("confidence"), d.get("minutes")]
    if any(n is not None and (isinstance(n, bool) or not isinstance(n, int)) for n in numbers):
        raise bad("the entry's confidence or time spent is damaged.")
    created = d.get("created_at")
    try:
        kind = kind_fields(d)
    except (InputError, TypeError, ValueError) as error:
        raise bad(f"the entry's kind of evidence is damaged ({str(error).rstrip('.')}).") from None
    attachments: tuple = ()
    if files_base is not None:
        from reflect.importers.attached_files import exported_files

        attachments = exported_files(d.get("attachments"), files_base, f"{name}, line {item.line}", have=have)
    return NewEntry(
        uid=uid, day=day, title=title, body=item.body, skills=tuple(skills), criteria=tuple(criteria),
        model=str(d.get("model", "none")), private=d.get("private") is True, confidence=numbers[0],
        minutes=numbers[1], created_at=created if isinstance(created, str) and created else None,
        line=item.line, attachments=attachments, **kind,
    )


def kind_fields(d: dict) -> dict:
    """The kind of evidence and its details from an entry marker's data (see
    :func:`reflect.export.entry_block.kind_data`); raises on anything damaged."""
    from reflect.dates import from_iso as iso_day
    from reflect.entries.kinds import KINDS, REFLECTION
    from reflect.entries.models import Witness

    kind = d.get("kind", REFLECTION)
    if kind not in KINDS:
        raise ValueError(f"unknown kind {str(kind)[:20]!r}")
    fields: dict = {"kind": kind}
    for name in ("observer", "participants"):
        value = d.get(name, "")
        if not isinstance(value, str):
            raise ValueError(f"{name} is not text")
        fields[name] = value
    raw = d.get("witness")
    if raw is not None:
        if not isinstance(raw, dict):
            raise ValueError("witness is not a record")
        texts = {name: raw.get(name, "") for name in ("name", "role", "relationship", "contact")}
        if not all(isinstance(v, str) for v in texts.values()) or not isinstance(raw.get("confirmed", False), bool):
            raise ValueError("witness details are not text")
        on = raw.get("confirmed_on")
        fields["witness"] = Witness(**texts, confirmed=raw.get("confirmed", False),
                                    confirmed_on=iso_day(on) if on is not None else None)
    return fields
