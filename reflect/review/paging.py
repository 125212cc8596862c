"""Reading a list of records a page at a time: the SQL the stores' ``list``/``count``/``position`` share.

A screen that shows twenty rows of a list thousands long reads the rows it shows
(``LIMIT``/``OFFSET``), the list's length (``COUNT(*)``) and, to open on one record, where that
record stands in the list's order, without reading every record into Python.
"""

from __future__ import annotations

import sqlite3


def page_clause(limit: int | None, offset: int = 0) -> str:
    """The ``LIMIT``/``OFFSET`` to add to a query (nothing when ``limit`` is None)."""
    if limit is None:
        return ""
    return f" LIMIT {max(int(limit), 0)} OFFSET {max(int(offset), 0)}"


def count_rows(conn: sqlite3.Connection, table: str, where: str, params: list) -> int:
    """How many rows of ``table`` match ``where``."""
    return conn.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", params).fetchone()[0]


def position_of(conn: sqlite3.Connection, table: str, where: str, order: str, params: list,
                record_id: int, id_column: str = "id") -> int | None:
    """Where the row with ``record_id`` stands (0 first) among the rows matching ``where`` in
    ``order``, or None if it is not among them. The order is the list's own, so the position
    is the ``OFFSET`` at which a page of the list holds the record."""
    row = conn.execute(
        f"SELECT n FROM (SELECT {id_column} AS rid, ROW_NUMBER() OVER (ORDER BY {order}) - 1 AS n"
        f" FROM {table} WHERE {where}) WHERE rid = ?", [*params, record_id]).fetchone()
    return None if row is None else row[0]
