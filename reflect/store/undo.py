"""Bringing back a record that was deleted: an objective, an activity, feedback, training.

Reflections go to the trash (``entries.deleted_at``); the review records are deleted outright,
so before one is deleted :func:`keep_rows` copies its row and every row the delete takes with
it (found from the schema's foreign keys: ``ON DELETE CASCADE`` rows are copied, ``SET NULL``
links are remembered), and :func:`put_back` writes them all back, same ids, in one transaction.
The copy lives only as long as the app that made it (the undo of one session).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reflect.errors import ReflectError


@dataclass
class Removed:
    """A deleted record and everything that went with it, ready to be put back."""

    label: str
    rows: list[tuple[str, dict]] = field(default_factory=list)
    links: list[tuple[str, str, int, int]] = field(default_factory=list)  # table, column, rowid, value


def _references(conn, table: str) -> list[tuple[str, str, str]]:
    """(child table, child column, on delete) of every foreign key pointing at ``table``."""
    found = []
    for (child,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
        for key in conn.execute(f"PRAGMA foreign_key_list('{child}')"):
            # id, seq, table, from, to, on_update, on_delete, match
            if key[2] == table:
                found.append((child, key[3], key[6].upper()))
    return found


def _rows(conn, table: str, column: str, value) -> list[dict]:
    cursor = conn.execute(f'SELECT * FROM "{table}" WHERE "{column}" = ?', [value])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def keep_rows(conn, table: str, record_id: int, label: str) -> Removed:
    """Copy what deleting ``table`` row ``record_id`` would remove (call it just before)."""
    removed = Removed(label)

    def take(name: str, column: str, value) -> None:
        for row in _rows(conn, name, column, value):
            removed.rows.append((name, row))
            key = row.get("id")
            if key is None:
                continue
            for child, child_column, on_delete in _references(conn, name):
                if on_delete == "CASCADE":
                    take(child, child_column, key)
                elif on_delete == "SET NULL":
                    for (rowid,) in conn.execute(f'SELECT rowid FROM "{child}" WHERE "{child_column}" = ?', [key]):
                        removed.links.append((child, child_column, rowid, key))

    take(table, "id", record_id)
    if not removed.rows:
        raise ReflectError(f"Nothing to keep: {table} {record_id} is not there.")
    return removed


def put_back(journal, removed: Removed) -> None:
    """Write the kept rows back (parents first) and restore the links that were cleared."""
    with journal.write():
        conn = journal.conn
        for table, row in removed.rows:
            columns = ", ".join(f'"{c}"' for c in row)
            marks = ", ".join("?" for _ in row)
            conn.execute(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', list(row.values()))
        for table, column, rowid, value in removed.links:
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ? AND "{column}" IS NULL',
                         [value, rowid])
