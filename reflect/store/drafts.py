"""Unsaved work in the editors, kept in the journal so that a crash loses nothing.

The reflection editor and the objective editor write their whole state here a moment after
each change; saving deletes the draft. A draft still here when reflect starts is work that
was never saved, and is offered back. A draft's data says which editor it belongs to
(``"kind": "objective"``; drafts without a kind are reflections).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reflect.store.db import inserted_id

if TYPE_CHECKING:
    import sqlite_utils

    from reflect.store.db import JournalDB


@dataclass(frozen=True)
class Draft:
    """Editor state as typed (the date as text, tags as ids), for a new or an existing entry
    (or objective: see :attr:`kind`)."""

    id: int
    entry_id: int | None
    data: dict[str, Any]
    updated_at: str

    @property
    def kind(self) -> str:
        """``"entry"`` (a reflection) or ``"objective"``."""
        return "objective" if self.data.get("kind") == "objective" else "entry"

    @property
    def objective_id(self) -> int | None:
        """The objective an objective draft changes (None: a new objective, or a reflection)."""
        value = self.data.get("objective_id")
        return value if self.kind == "objective" and isinstance(value, int) else None

    @property
    def title(self) -> str:
        """What the draft is called in the list of unsaved work."""
        if self.kind == "objective":
            form = self.data.get("form")
            text = str(form.get("specific") or "") if isinstance(form, dict) else ""
            return (text.strip().splitlines() or ["(untitled objective)"])[0]
        return str(self.data.get("title") or "").strip() or "(untitled)"


class DraftStore:
    """Drafts of one journal. Reach it as ``journal.drafts``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    @property
    def db(self) -> "sqlite_utils.Database":
        """sqlite-utils on the journal, made on first use (reading needs only ``journal.conn``)."""
        return self.journal.db

    def save(self, data: dict[str, Any], *, draft_id: int | None = None, entry_id: int | None = None) -> int:
        """Create or overwrite a draft; return its id."""
        payload = json.dumps(data, ensure_ascii=False)
        now = self.journal.now()
        with self.journal.write():
            if draft_id is not None:
                cursor = self.db.execute(
                    "UPDATE drafts SET data = ?, entry_id = ?, updated_at = ? WHERE id = ?",
                    [payload, entry_id, now, draft_id])
                if cursor.rowcount:
                    return draft_id
            cursor = self.db.execute(
                "INSERT INTO drafts (entry_id, data, updated_at) VALUES (?, ?, ?)", [entry_id, payload, now])
            return inserted_id(cursor)

    def get(self, draft_id: int) -> Draft | None:
        """The draft with this id, or None."""
        row = self.journal.conn.execute(
            "SELECT id, entry_id, data, updated_at FROM drafts WHERE id = ?", [draft_id]).fetchone()
        return _draft(row) if row else None

    def pending(self) -> list[Draft]:
        """Every unsaved draft, newest first."""
        rows = self.journal.conn.execute(
            "SELECT id, entry_id, data, updated_at FROM drafts ORDER BY updated_at DESC, id DESC")
        return [_draft(r) for r in rows]

    def discard(self, draft_id: int) -> None:
        """Forget a draft (after saving it as an entry, or when the person says so)."""
        with self.journal.write():
            self.db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])


def _draft(row) -> Draft:
    return Draft(id=row[0], entry_id=row[1], data=json.loads(row[2]), updated_at=row[3])
