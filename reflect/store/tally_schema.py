"""Schema step 3: running totals of the live entries ("tallies"), kept right by triggers.

`reflect gaps` and `reflect stats` summarise the whole journal. Counting 100,000 entries and
their 400,000 tag links on every run took 0.4-1 s; these tables hold the answers already
added up, so a summary reads a few hundred rows. Every total is split by ``private`` so a
mentor's view (private entries left out) is exact too. Only live entries count: trashing an
entry takes it out, restoring it puts it back.

- ``tally_totals`` (private, model): entries, words, time spent and confidence sums.
- ``tally_days`` / ``tally_weeks`` / ``tally_months`` (day / week number / "YYYY-MM"):
  public and private entries per period, for active days, runs of weeks and months. A row
  exists only while the period has a live entry, so counting rows counts active periods.
- ``tally_skill_sets`` (skill_set, private): entries per exact set of meta-skills, and the
  latest day. Per-skill and per-category numbers come from these without counting an entry
  twice.
- ``tally_criteria`` (criterion_id, private): entries citing it, the first and the latest day.

Two facts are kept on each entry: ``skill_set`` (its meta-skill ids, sorted, joined by
char(31), kept by triggers on ``entry_skills``) and ``words``, counted by the writer (SQLite
cannot split text into words; NULL when a writer did not count). A writer that changes the
text without counting it again leaves a mark in ``entry_words_stale`` (a trigger sees to
it; storing a count clears it), and readers count the text of marked or uncounted entries
themselves. (The trigger marks rather than clearing ``words``: updating the entry inside
another update of it would make the order of triggers, which SQLite does not promise,
matter to the totals.)

The first and latest days are a minimum and a maximum, which a subtraction cannot undo: when
the entry that held one leaves, the trigger looks it up again through an index (criteria:
the links by criterion; skill sets: ``entries_live_by_skill_set``), so a write stays cheap.

This module is a shipped schema step: never change what :func:`v3_tallies` does; add a step.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils

#: The tally tables, in the order they are filled.
TALLY_TABLES = ("tally_totals", "tally_days", "tally_weeks", "tally_months", "tally_skill_sets", "tally_criteria")

#: An entry's meta-skills as one text: ids sorted, joined by char(31) ('' for none).
SKILL_SET_OF = ("coalesce((SELECT group_concat(skill_id, char(31)) FROM"
                " (SELECT skill_id FROM entry_skills WHERE entry_id = {entry} ORDER BY skill_id)), '')")

#: julianday('0001-01-01'): the Julian day of date.fromordinal(1), a Monday.
JULIAN_DAY_ONE = 1721425.5

# Per-period counters: (table, key column, SQL for the key from entry row {r}), each with
# public_entries and private_entries.
_PERIODS = (
    ("tally_days", "day", "{r}.day"),
    # Weeks run Monday to Sunday (UK) and are numbered from Monday 1 January of year 1:
    # the week of date d is (d.toordinal() - 1) // 7, and its Monday date.fromordinal(7 * week + 1).
    ("tally_weeks", "week", f"coalesce(CAST((julianday({{r}}.day) - {JULIAN_DAY_ONE}) / 7 AS INTEGER), -1)"),
    ("tally_months", "month", "substr({r}.day, 1, 7)"),
)

_TOTALS = ("entries", "words", "unworded", "minutes", "timed", "confidence_sum", "rated")


def _totals_values(r: str) -> list[str]:
    """The tally_totals contributions of entry row ``r``, in :data:`_TOTALS` order."""
    return ["1", f"coalesce({r}.words, 0)", f"{r}.words IS NULL", f"coalesce({r}.minutes, 0)",
            f"{r}.minutes IS NOT NULL", f"coalesce({r}.confidence, 0)", f"{r}.confidence IS NOT NULL"]


_CRITERION_GAINS = ("entries = entries + 1, first = min(first, excluded.first),"
                    " latest = max(latest, excluded.latest)")


def _criterion_days(aggregate: str, r: str | None) -> str:
    """The min or max day of the live entries (of the row's privacy) citing the row's criterion,
    leaving out entry row ``r`` if given."""
    other = f" AND e.id != {r}.id" if r else ""
    return ("(SELECT {}(e.day) FROM entry_criteria ec JOIN entries e ON e.id = ec.entry_id"
            " WHERE ec.criterion_id = tally_criteria.criterion_id AND e.private = tally_criteria.private"
            f" AND e.deleted_at IS NULL{other})").format(aggregate)


# The entry columns each tally depends on (liveness aside).
_TOTALS_BY = ("private", "model", "words", "minutes", "confidence")
_PERIODS_BY = ("day", "private")
_SKILL_SETS_BY = ("skill_set", "private", "day")
_CRITERIA_BY = ("day", "private")

Only = Callable[[tuple[str, ...]], str]


def _guard(r: str, only: Only | None, columns: tuple[str, ...]) -> str:
    """Entry row ``r`` is live (and, in an update, one of ``columns`` or its liveness changed)."""
    return f"{r}.deleted_at IS NULL" + (f" AND ({only(columns)})" if only else "")


def _add(r: str, only: Only | None = None) -> list[str]:
    """Statements adding entry row ``r`` (NEW) to every tally when it is live.

    ``only(columns)`` (in an update) narrows each tally's statements to updates that change
    what it counts, so retagging an entry does not look up its criteria's days again.
    """
    live = partial(_guard, r, only)
    sums = ", ".join(f"{c} = {c} + excluded.{c}" for c in _TOTALS)
    statements = [
        f"INSERT INTO tally_totals (private, model, {', '.join(_TOTALS)})"
        f" SELECT {r}.private, {r}.model, {', '.join(_totals_values(r))} WHERE {live(_TOTALS_BY)}"
        f" ON CONFLICT (private, model) DO UPDATE SET {sums}"]
    for table, key, value in _PERIODS:
        statements.append(
            f"INSERT INTO {table} ({key}, public_entries, private_entries)"
            f" SELECT {value.format(r=r)}, 1 - {r}.private, {r}.private WHERE {live(_PERIODS_BY)}"
            f" ON CONFLICT ({key}) DO UPDATE SET public_entries = public_entries + excluded.public_entries,"
            " private_entries = private_entries + excluded.private_entries")
    statements += [
        f"INSERT INTO tally_skill_sets (skill_set, private, entries, latest)"
        f" SELECT {r}.skill_set, {r}.private, 1, {r}.day WHERE {live(_SKILL_SETS_BY)}"
        " ON CONFLICT (skill_set, private) DO UPDATE SET entries = entries + 1, latest = max(latest, excluded.latest)",
        f"INSERT INTO tally_criteria (criterion_id, private, entries, first, latest)"
        f" SELECT criterion_id, {r}.private, 1, {r}.day, {r}.day FROM entry_criteria"
        f" WHERE entry_id = {r}.id AND {live(_CRITERIA_BY)}"
        f" ON CONFLICT (criterion_id, private) DO UPDATE SET {_CRITERION_GAINS}",
    ]
    return statements


def _remove(r: str, only: Only | None = None) -> list[str]:
    """Statements taking entry row ``r`` (OLD) out of every tally when it was live (``only``
    as for :func:`_add`).

    A first or latest day that was this entry's is looked up again among the other live entries
    (``id != r.id``): in a BEFORE DELETE trigger the entry is still there, and in an
    update the entry's new values are added back afterwards.
    """
    live = partial(_guard, r, only)
    minus = ", ".join(f"{c} = {c} - ({v})" for c, v in zip(_TOTALS, _totals_values(r)))
    statements = [
        f"UPDATE tally_totals SET {minus} WHERE private = {r}.private AND model = {r}.model AND {live(_TOTALS_BY)}",
        f"DELETE FROM tally_totals WHERE private = {r}.private AND model = {r}.model AND entries = 0",
    ]
    for table, key, value in _PERIODS:
        where = f"{key} = {value.format(r=r)}"
        statements += [f"UPDATE {table} SET public_entries = public_entries - (1 - {r}.private),"
                       f" private_entries = private_entries - {r}.private WHERE {where} AND {live(_PERIODS_BY)}",
                       f"DELETE FROM {table} WHERE {where} AND public_entries = 0 AND private_entries = 0"]
    same_set = f"skill_set = {r}.skill_set AND private = {r}.private"
    cited = f"private = {r}.private AND criterion_id IN (SELECT criterion_id FROM entry_criteria WHERE entry_id = {r}.id)"
    statements += [
        f"UPDATE tally_skill_sets SET entries = entries - 1, latest = CASE WHEN latest > {r}.day THEN latest ELSE"
        f" (SELECT e.day FROM entries e WHERE e.skill_set = {r}.skill_set AND e.private = {r}.private"
        f" AND e.deleted_at IS NULL AND e.id != {r}.id ORDER BY e.day DESC LIMIT 1) END WHERE {same_set} AND {live(_SKILL_SETS_BY)}",
        f"DELETE FROM tally_skill_sets WHERE {same_set} AND entries = 0",
        f"UPDATE tally_criteria SET entries = entries - 1,"
        f" first = CASE WHEN first < {r}.day THEN first ELSE {_criterion_days('min', r)} END,"
        f" latest = CASE WHEN latest > {r}.day THEN latest ELSE {_criterion_days('max', r)} END"
        f" WHERE {cited} AND {live(_CRITERIA_BY)}",
        f"DELETE FROM tally_criteria WHERE {cited} AND entries = 0",
    ]
    return statements


#: Entry columns a tally depends on.
_COUNTED = ("day", "private", "model", "words", "minutes", "confidence", "skill_set")


def _link_added(link: str) -> str:
    """tally_criteria gains criterion link ``link`` (NEW) if its entry is live."""
    return ("INSERT INTO tally_criteria (criterion_id, private, entries, first, latest)"
            f" SELECT {link}.criterion_id, e.private, 1, e.day, e.day FROM entries e"
            f" WHERE e.id = {link}.entry_id AND e.deleted_at IS NULL"
            f" ON CONFLICT (criterion_id, private) DO UPDATE SET {_CRITERION_GAINS}")


def _link_removed(link: str) -> list[str]:
    """tally_criteria loses criterion link ``link`` (OLD, already gone) if its entry is live."""
    entry = f"(SELECT {{}} FROM entries WHERE id = {link}.entry_id AND deleted_at IS NULL)"
    day = entry.format("day")
    return [
        f"UPDATE tally_criteria SET entries = entries - 1,"
        f" first = CASE WHEN first < {day} THEN first ELSE {_criterion_days('min', None)} END,"
        f" latest = CASE WHEN latest > {day} THEN latest ELSE {_criterion_days('max', None)} END"
        f" WHERE criterion_id = {link}.criterion_id AND private = {entry.format('private')}",
        f"DELETE FROM tally_criteria WHERE criterion_id = {link}.criterion_id AND entries = 0",
    ]


def _skill_set_refresh(entry: str) -> str:
    return f"UPDATE entries SET skill_set = {SKILL_SET_OF.format(entry=entry)} WHERE id = {entry}"


def _body(statements: list[str]) -> str:
    return "BEGIN\n  " + ";\n  ".join(statements) + ";\nEND"


def triggers() -> dict[str, str]:
    """Every trigger of this step: name -> CREATE TRIGGER statement."""
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in _COUNTED)

    def only(columns: tuple[str, ...]) -> str:
        return " OR ".join(["(OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL)",
                            *(f"OLD.{c} IS NOT NEW.{c}" for c in columns)])
    return {
        "tally_entry_added": f"CREATE TRIGGER tally_entry_added AFTER INSERT ON entries"
                             f" WHEN NEW.deleted_at IS NULL {_body(_add('NEW'))}",
        # BEFORE: the entry's criterion links are still there (deleting it cascades to them).
        "tally_entry_removed": f"CREATE TRIGGER tally_entry_removed BEFORE DELETE ON entries"
                               f" WHEN OLD.deleted_at IS NULL {_body(_remove('OLD'))}",
        "tally_entry_changed": (
            f"CREATE TRIGGER tally_entry_changed AFTER UPDATE OF {', '.join(_COUNTED)}, deleted_at ON entries"
            " WHEN (OLD.deleted_at IS NULL OR NEW.deleted_at IS NULL)"
            f" AND ((OLD.deleted_at IS NULL) IS NOT (NEW.deleted_at IS NULL) OR {changed})"
            f" {_body(_remove('OLD', only) + _add('NEW', only))}"),
        # Text changed by a writer that did not count it again: the stored count is suspect
        # (EntryStore, whose new count can equal the old, takes the mark away again).
        "entries_words_stale": (
            "CREATE TRIGGER entries_words_stale AFTER UPDATE OF title, body ON entries"
            " WHEN NEW.words IS NOT NULL AND NEW.words IS OLD.words"
            " AND (NEW.title IS NOT OLD.title OR NEW.body IS NOT OLD.body)"
            " BEGIN INSERT OR IGNORE INTO entry_words_stale (entry_id) VALUES (NEW.id); END"),
        "entries_words_recounted": (
            "CREATE TRIGGER entries_words_recounted AFTER UPDATE OF words ON entries"
            " WHEN NEW.words IS NOT OLD.words"
            " BEGIN DELETE FROM entry_words_stale WHERE entry_id = NEW.id; END"),
        "tally_skill_added": f"CREATE TRIGGER tally_skill_added AFTER INSERT ON entry_skills"
                             f" {_body([_skill_set_refresh('NEW.entry_id')])}",
        "tally_skill_removed": f"CREATE TRIGGER tally_skill_removed AFTER DELETE ON entry_skills"
                               f" {_body([_skill_set_refresh('OLD.entry_id')])}",
        "tally_skill_changed": f"CREATE TRIGGER tally_skill_changed AFTER UPDATE ON entry_skills"
                               f" {_body([_skill_set_refresh('OLD.entry_id'), _skill_set_refresh('NEW.entry_id')])}",
        "tally_criterion_added": f"CREATE TRIGGER tally_criterion_added AFTER INSERT ON entry_criteria"
                                 f" {_body([_link_added('NEW')])}",
        "tally_criterion_removed": f"CREATE TRIGGER tally_criterion_removed AFTER DELETE ON entry_criteria"
                                   f" {_body(_link_removed('OLD'))}",
        "tally_criterion_changed": f"CREATE TRIGGER tally_criterion_changed AFTER UPDATE ON entry_criteria"
                                   f" {_body(_link_removed('OLD') + [_link_added('NEW')])}",
    }


_TABLES = """
CREATE TABLE tally_totals (
    private INTEGER NOT NULL, model TEXT NOT NULL, entries INTEGER NOT NULL,
    words INTEGER NOT NULL, unworded INTEGER NOT NULL, minutes INTEGER NOT NULL, timed INTEGER NOT NULL,
    confidence_sum INTEGER NOT NULL, rated INTEGER NOT NULL,
    PRIMARY KEY (private, model)) WITHOUT ROWID;
CREATE TABLE tally_days (day TEXT PRIMARY KEY, public_entries INTEGER NOT NULL, private_entries INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE tally_weeks (week INTEGER PRIMARY KEY, public_entries INTEGER NOT NULL, private_entries INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE tally_months (month TEXT PRIMARY KEY, public_entries INTEGER NOT NULL, private_entries INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE entry_words_stale (entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE);
CREATE TABLE tally_skill_sets (skill_set TEXT NOT NULL, private INTEGER NOT NULL, entries INTEGER NOT NULL,
    latest TEXT, PRIMARY KEY (skill_set, private)) WITHOUT ROWID;
CREATE TABLE tally_criteria (criterion_id TEXT NOT NULL, private INTEGER NOT NULL, entries INTEGER NOT NULL,
    first TEXT, latest TEXT, PRIMARY KEY (criterion_id, private)) WITHOUT ROWID;
"""

# The search index needs re-indexing only when the text changes (sqlite-utils' trigger fired
# on every update, e.g. a meta-skill tag changing the entry's skill_set).
_FTS_UPDATE = """
CREATE TRIGGER "entries_au" AFTER UPDATE OF title, body ON "entries" BEGIN
  INSERT INTO "entries_fts" ("entries_fts", rowid, "title", "body") VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "entries_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END"""


def fill_tallies(conn: "sqlite3.Connection", *, count_words: bool = True) -> None:
    """Count every entry's skill set (and, with ``count_words``, the words of entries not
    counted or marked stale), and refill every tally from scratch.

    Used by the step on an existing journal and by bulk writers that load entries with the
    triggers off. Run it inside a transaction.
    """
    from reflect.words import entry_words

    # In batches, in Python (no SQL function: redefining one fails while a statement is active).
    last = 0
    while count_words and (batch := conn.execute(
            "SELECT id, title, body FROM entries WHERE (words IS NULL OR id IN (SELECT entry_id FROM"
            " entry_words_stale)) AND id > ? ORDER BY id LIMIT 1000", [last]).fetchall()):
        conn.executemany("UPDATE entries SET words = ? WHERE id = ?",
                         [(entry_words(title, body), entry_id) for entry_id, title, body in batch])
        last = batch[-1][0]
    if count_words:
        conn.execute("DELETE FROM entry_words_stale")
    skill_set = SKILL_SET_OF.format(entry="entries.id")
    conn.execute(f"UPDATE entries SET skill_set = {skill_set} WHERE skill_set IS NOT {skill_set}")
    for table in TALLY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    live = "FROM entries WHERE deleted_at IS NULL"
    conn.execute(f"INSERT INTO tally_totals (private, model, {', '.join(_TOTALS)})"
                 " SELECT private, model, count(*), coalesce(sum(words), 0), count(*) - count(words),"
                 " coalesce(sum(minutes), 0), count(minutes), coalesce(sum(confidence), 0), count(confidence)"
                 f" {live} GROUP BY private, model")
    for table, key, value in _PERIODS:
        conn.execute(f"INSERT INTO {table} ({key}, public_entries, private_entries)"
                     f" SELECT {value.format(r='entries')}, count(*) - sum(private), sum(private) {live} GROUP BY 1")
    conn.execute("INSERT INTO tally_skill_sets (skill_set, private, entries, latest)"
                 f" SELECT skill_set, private, count(*), max(day) {live} GROUP BY skill_set, private")
    conn.execute("INSERT INTO tally_criteria (criterion_id, private, entries, first, latest)"
                 " SELECT ec.criterion_id, e.private, count(*), min(e.day), max(e.day) FROM entry_criteria ec"
                 " JOIN entries e ON e.id = ec.entry_id WHERE e.deleted_at IS NULL GROUP BY 1, 2")


def v3_tallies(db: "sqlite_utils.Database") -> None:
    """Word counts and skill sets on entries, the tally tables, filled, and their triggers."""
    conn = db.conn
    conn.execute("ALTER TABLE entries ADD COLUMN words INTEGER")  # NULL: not counted
    conn.execute("ALTER TABLE entries ADD COLUMN skill_set TEXT NOT NULL DEFAULT ''")
    # Finds the newest live entry with a given skill set when the one that was newest leaves.
    conn.execute("CREATE INDEX entries_live_by_skill_set ON entries (skill_set, private, day)"
                 " WHERE deleted_at IS NULL")
    # Entries whose words were not counted (written by another tool): readers count their text.
    conn.execute("CREATE INDEX entries_words_unknown ON entries (private) WHERE words IS NULL")
    conn.execute('DROP TRIGGER IF EXISTS "entries_au"')
    conn.execute(_FTS_UPDATE)
    # One statement at a time: executescript would commit the step's transaction.
    for statement in _TABLES.split(";"):
        if statement.strip():
            conn.execute(statement)
    fill_tallies(conn)
    for sql in triggers().values():
        conn.execute(sql)
