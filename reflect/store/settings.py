"""Per-journal settings (name, framework file, review schedule, ...) and chosen units.

Settings live in the journal itself, so a journal copied to another laptop keeps them.
Values are stored as JSON.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reflect.store.db import JournalDB

#: Settings people can change with `reflect config`, with their defaults.
DEFAULTS: dict[str, Any] = {
    "apprentice_name": "",
    "employer": "",  # these three with the name make the profile: see reflect/review/profile.py
    "mentor_name": "",
    "start_date": None,  # ISO date the apprenticeship started
    "framework": None,  # path to a framework file; None means the bundled one
    "stale_weeks": 12,
    "review_start": None,  # ISO date of the first review
    "review_interval": "12 weeks",  # see reflect.review.schedule.parse_interval
    "theme": "textual-dark",
    "backup_keep": 10,  # automatic backups kept in backups/ beside the journal
}


class Settings:
    """Key/value settings of one journal. Reach it as ``journal.settings``."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal
        self.db = journal.conn  # plain sqlite3: commands read settings before anything else

    def get(self, key: str, default: Any = None) -> Any:
        """The value of ``key``, else ``default``, else the built-in default."""
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        if row is None:
            return default if default is not None else DEFAULTS.get(key)
        return json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` (anything JSON can hold); None removes the setting."""
        with self.journal.write():
            if value is None:
                self.db.execute("DELETE FROM settings WHERE key = ?", [key])
            else:
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value)],
                )

    def all(self) -> dict[str, Any]:
        """Every setting, defaults filled in."""
        stored = {k: json.loads(v) for k, v in self.db.execute("SELECT key, value FROM settings")}
        return DEFAULTS | stored

    # -- optional units the apprentice is working towards --------------------------------

    def chosen_units(self) -> list[str]:
        """Codes of the optional units the apprentice has chosen, in the order chosen."""
        return [r[0] for r in self.db.execute("SELECT unit_code FROM chosen_units ORDER BY chosen_at, unit_code")]

    def choose_unit(self, code: str, chosen: bool = True) -> None:
        """Add (or with ``chosen=False`` remove) an optional unit from the apprentice's plan."""
        with self.journal.write():
            if chosen:
                self.db.execute("INSERT OR IGNORE INTO chosen_units (unit_code, chosen_at) VALUES (?, ?)",
                                [code, self.journal.now()])
            else:
                self.db.execute("DELETE FROM chosen_units WHERE unit_code = ?", [code])
