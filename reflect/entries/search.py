"""Full-text search over entries, best match first, and quick on very big journals.

Ranking (bm25) costs time for every entry that matches, and a common word ("customer") can
match nearly all of a 100,000-entry journal: ranking them all took over 100 ms, too slow for
results that follow each keystroke. So results come in two tiers:

1. matches among the :data:`RANK_WINDOW` most recently written entries, best match first;
2. then older matches, best match first among themselves.

A page of results for a common word is filled from the first tier alone, so only a few
thousand entries are ranked. A rare word has few matches in either tier, so ranking the
second is cheap too. Journals with fewer entries than the window (years of daily writing)
have one tier: everything ranked together, as plain FTS5 would. The window is a range of
entry ids (``rowid > newest - RANK_WINDOW``), which FTS5 applies while it reads its index.
"""

from __future__ import annotations

import sqlite3

from reflect.entries.query import dict_rows
from reflect.errors import ReflectError

#: How many of the most recently written entries make up the first tier.
RANK_WINDOW = 2000
#: While typing, a last word shorter than this is not searched yet (see to_fts_query).
TYPED_PREFIX_MIN = 3

#: Markers around matched words in search snippets (never typed by people).
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

_COLUMNS = (
    "e.id, e.day, e.title, e.private, e.model, e.deleted_at, e.kind,"
    f" snippet(entries_fts, -1, '{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 16) AS snippet"
)
# Title words count for more than body words; ties go to the newer entry.
_RANKED = " ORDER BY bm25(entries_fts, 4.0, 1.0), e.day DESC, e.id DESC"


def search_rows(conn: sqlite3.Connection, query: str, where: list[str], params: list,
                limit: int, offset: int = 0) -> list[dict]:
    """Rows (as dicts, with ``snippet``) of entries matching the FTS5 ``query`` and ``where``.

    ``where`` holds conditions on the entries table aliased ``e`` (see entry_query.build_where).
    """
    base = (f"FROM entries_fts JOIN entries e ON e.id = entries_fts.rowid"
            f" WHERE entries_fts MATCH ? AND {' AND '.join(where)}")
    args = [query, *params]
    newest = conn.execute("SELECT max(id) FROM entries").fetchone()[0] or 0
    edge = newest - RANK_WINDOW
    if edge <= 0:  # a single tier
        return _run(conn, f"SELECT {_COLUMNS} {base}{_RANKED} LIMIT ? OFFSET ?", args + [limit, offset])
    recent = _run(conn, f"SELECT {_COLUMNS} {base} AND entries_fts.rowid > ?{_RANKED} LIMIT ? OFFSET ?",
                  args + [edge, limit, offset])
    if len(recent) == limit:
        return recent
    if recent or offset == 0:
        in_recent = offset + len(recent)
    else:  # the page starts past the first tier: how far past?
        in_recent = _run(conn, f"SELECT count(*) AS n {base} AND entries_fts.rowid > ?", args + [edge])[0]["n"]
    older = _run(conn, f"SELECT {_COLUMNS} {base} AND entries_fts.rowid <= ?{_RANKED} LIMIT ? OFFSET ?",
                 args + [edge, limit - len(recent), max(0, offset - in_recent)])
    return recent + older


def _run(conn: sqlite3.Connection, sql: str, params: list) -> list[dict]:
    try:
        return dict_rows(conn.execute(sql, params))
    except sqlite3.OperationalError as error:
        # The query builder only emits safe FTS syntax; anything else is a real problem.
        raise ReflectError(f"Search failed: {error}") from None
