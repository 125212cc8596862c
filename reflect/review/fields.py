"""Checking and converting the fields of review-workflow records (shared by their stores).

Each check raises :class:`~reflect.errors.InputError` with one plain sentence; dates go in
and out of SQLite as ISO strings.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable

from reflect.dates import MAX_RECORD_MINUTES, format_short
from reflect.errors import InputError, NotFoundError

MAX_TEXT = 10_000


def text(value: str | None, what: str, *, required: bool = False, limit: int = MAX_TEXT) -> str:
    """``value`` stripped; refuse it empty when ``required`` or longer than ``limit``."""
    value = (value or "").strip()
    if required and not value:
        raise InputError(f"{what} can't be empty.")
    if len(value) > limit:
        raise InputError(f"{what} is too long ({len(value)} characters; at most {limit}).")
    return value


def day(value: date | None, what: str, *, today: date | None = None, required: bool = False) -> str | None:
    """A date as stored (ISO) or None; with ``today``, refuse days after it (things that happened)."""
    if value is None:
        if required:
            raise InputError(f"{what} needs a date.")
        return None
    if not isinstance(value, date):
        raise InputError(f"{what} needs a date.")
    if today is not None and value > today:
        raise InputError(f"{what} ({format_short(value)}) can't be in the future.")
    return value.isoformat()


def minutes(value: int | None, what: str = "The time spent") -> int | None:
    """Time spent in whole minutes (None: not recorded); refuse anything but 1 minute to
    :data:`~reflect.dates.MAX_RECORD_MINUTES` (people's text is read by
    :func:`~reflect.dates.parse_minutes` before it gets here)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_RECORD_MINUTES:
        raise InputError(f"{what} must be between 1 minute and {MAX_RECORD_MINUTES // 60} hours.")
    return value


def stored_day(value: str | None) -> date | None:
    """A stored ISO date back as a date (None stays None)."""
    return date.fromisoformat(value) if value else None


def choice(value: str | None, allowed: Iterable[str], what: str) -> str:
    """``value`` if it is one of ``allowed``; otherwise a message listing them."""
    allowed = list(allowed)
    if value not in allowed:
        raise InputError(f'Unknown {what} "{value}" (use one of: {", ".join(allowed)}).')
    return value


def normalise_choice(text_value: str, allowed: Iterable[str], what: str) -> str:
    """What a person typed ("In progress", "in_progress") as one of ``allowed`` ("in-progress")."""
    key = "-".join(text_value.strip().lower().replace("_", " ").replace("-", " ").split())
    return choice(key, allowed, what)


def require_row(db, table: str, record_id: int | None, message: str) -> None:
    """Refuse an id that names no row of ``table`` (before a foreign key fails obscurely)."""
    if record_id is None:
        return
    if db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone() is None:
        raise NotFoundError(message)


def require_live_entry(db, entry_id: int | None) -> None:
    """Refuse an entry id that does not exist or is in the trash."""
    if entry_id is None:
        return
    row = db.execute("SELECT deleted_at FROM entries WHERE id = ?", [entry_id]).fetchone()
    if row is None:
        raise NotFoundError(f"No entry {entry_id}. (`reflect list` shows entry numbers.)")
    if row[0] is not None:
        raise NotFoundError(f"Entry {entry_id} is in the trash.")


def unknown_fields(changes: dict, allowed: Iterable[str]) -> None:
    """A programming error, not a user one: refuse fields a store does not have."""
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"cannot update {', '.join(sorted(unknown))}")
