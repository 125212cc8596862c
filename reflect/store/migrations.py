"""Schema migrations: each step moves a journal up one version and keeps every row.

The journal's version is ``PRAGMA user_version``. Steps run in order, each in its own
transaction together with the version bump, so a crash leaves the journal at a whole version.
A journal written by a newer reflect (a higher version than :data:`MIGRATIONS` knows) is
refused, never "migrated" downwards.

Never edit a step that has shipped: add a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from reflect.errors import JournalError
from reflect.store.tally_schema import v3_tallies

if TYPE_CHECKING:  # the steps get a Database; importing sqlite-utils is left to the caller
    import sqlite3

    import sqlite_utils


def _v1_entries(db: sqlite_utils.Database) -> None:
    """Entries, their meta-skill tags and criterion links, drafts, settings, search index."""
    db.execute("""
        CREATE TABLE entries (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            day TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL DEFAULT '',
            model TEXT NOT NULL DEFAULT 'none',
            private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1)),
            confidence INTEGER CHECK (confidence BETWEEN 1 AND 5),
            minutes INTEGER CHECK (minutes > 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT,
            revision INTEGER NOT NULL DEFAULT 1
        )""")
    # The home screen lists live entries newest first; a partial index serves exactly that.
    db.execute("CREATE INDEX entries_live_by_day ON entries (day DESC, id DESC) WHERE deleted_at IS NULL")
    db.execute("CREATE INDEX entries_by_deleted ON entries (deleted_at)")
    db.execute("""
        CREATE TABLE entry_skills (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            PRIMARY KEY (entry_id, skill_id)
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX entry_skills_by_skill ON entry_skills (skill_id, entry_id)")
    db.execute("""
        CREATE TABLE entry_criteria (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            criterion_id TEXT NOT NULL,
            PRIMARY KEY (entry_id, criterion_id)
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX entry_criteria_by_criterion ON entry_criteria (criterion_id, entry_id)")
    db.execute("""
        CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.execute("CREATE TABLE chosen_units (unit_code TEXT PRIMARY KEY, chosen_at TEXT NOT NULL)")
    db.table("entries").enable_fts(["title", "body"], create_triggers=True, tokenize="porter unicode61")


def _v2_review_workflow(db: sqlite_utils.Database) -> None:
    """SDS0223's records: self-assessments, SMART objectives, activities, feedback,
    mandatory training and performance reviews."""
    db.execute("""
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            assessed_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            review_id INTEGER REFERENCES reviews(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE assessment_ratings (
            assessment_id INTEGER NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '',
            focus TEXT CHECK (focus IN ('strength', 'improve')),
            PRIMARY KEY (assessment_id, skill_id)
        ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE objectives (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            specific TEXT NOT NULL,
            measure TEXT NOT NULL DEFAULT '',
            achievable TEXT NOT NULL DEFAULT '',
            relevant TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN
                ('draft', 'agreed', 'in-progress', 'achieved', 'not-achieved', 'dropped')),
            agreed_by TEXT NOT NULL DEFAULT '',
            agreed_on TEXT,
            source_entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX objectives_by_status ON objectives (status, deadline)")
    for kind, column in (("skills", "skill_id"), ("criteria", "criterion_id")):
        db.execute(f"""
            CREATE TABLE objective_{kind} (
                objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
                {column} TEXT NOT NULL,
                PRIMARY KEY (objective_id, {column})
            ) WITHOUT ROWID""")
    db.execute("""
        CREATE TABLE objective_status_changes (
            id INTEGER PRIMARY KEY,
            objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
            status TEXT NOT NULL,
            changed_on TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX objective_status_changes_by_objective ON objective_status_changes (objective_id, id)")
    db.execute("""
        CREATE TABLE entry_objectives (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
            PRIMARY KEY (entry_id, objective_id)
        ) WITHOUT ROWID""")
    db.execute("CREATE INDEX entry_objectives_by_objective ON entry_objectives (objective_id, entry_id)")
    db.execute("""
        CREATE TABLE activities (
            id INTEGER PRIMARY KEY,
            objective_id INTEGER NOT NULL REFERENCES objectives(id) ON DELETE CASCADE,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'practice' CHECK (kind IN
                ('course', 'shadowing', 'reading', 'practice', 'other')),
            due TEXT,
            completed_on TEXT,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX activities_by_objective ON activities (objective_id)")
    db.execute("CREATE INDEX activities_open_by_due ON activities (due) WHERE completed_on IS NULL")
    db.execute("""
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            received_on TEXT NOT NULL,
            source_kind TEXT NOT NULL CHECK (source_kind IN
                ('mentor', 'manager', 'colleague', 'customer', 'assessor', 'other')),
            source_name TEXT NOT NULL DEFAULT '',
            said TEXT NOT NULL,
            action TEXT NOT NULL DEFAULT '',
            done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
            done_on TEXT,
            objective_id INTEGER REFERENCES objectives(id) ON DELETE SET NULL,
            entry_id INTEGER REFERENCES entries(id) ON DELETE SET NULL,
            import_key TEXT UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("CREATE INDEX feedback_by_received ON feedback (received_on)")
    db.execute("""
        CREATE TABLE training (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            provider TEXT NOT NULL DEFAULT '',
            due TEXT,
            completed_on TEXT,
            certificate_ref TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    db.execute("""
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'completed')),
            strengths TEXT NOT NULL DEFAULT '',
            improvements TEXT NOT NULL DEFAULT '',
            next_objectives TEXT NOT NULL DEFAULT '',
            mentor_name TEXT NOT NULL DEFAULT '',
            agreed_on TEXT,
            snapshot TEXT,
            completed_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""")
    # A completed review is the record of a meeting: the database itself refuses changes.
    db.execute("""
        CREATE TRIGGER reviews_completed_read_only BEFORE UPDATE ON reviews
        WHEN OLD.status = 'completed'
        BEGIN SELECT RAISE(ABORT, 'a completed review is read-only'); END""")
    db.execute("""
        CREATE TRIGGER reviews_completed_kept BEFORE DELETE ON reviews
        WHEN OLD.status = 'completed'
        BEGIN SELECT RAISE(ABORT, 'a completed review is read-only'); END""")


def _v4_review_records(db: sqlite_utils.Database) -> None:
    """The record of a review meeting, read back from a filled-in review pack, and the
    apprentice's questions for a review.

    A completed review is read-only (its row never changes), so what the mentor wrote about it
    afterwards lives beside it: one row per review, lists and ratings as JSON.
    """
    db.execute("ALTER TABLE reviews ADD COLUMN questions TEXT NOT NULL DEFAULT ''")
    db.execute("""
        CREATE TABLE review_records (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id) ON DELETE CASCADE,
            comments TEXT NOT NULL DEFAULT '',
            actions TEXT NOT NULL DEFAULT '[]',
            next_review TEXT,
            ratings TEXT NOT NULL DEFAULT '{}',
            sign_off TEXT NOT NULL DEFAULT '[]',
            source TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        )""")


def _v5_recount_words(db: sqlite_utils.Database) -> None:
    """Count every entry's words again with :func:`reflect.words.entry_words`, which leaves out
    template headings and hints (the editor, `reflect stats` and exports now agree)."""
    from reflect.store.tally_schema import fill_tallies
    from reflect.words import entry_words

    conn = db.conn
    rows = conn.execute("SELECT id, title, body FROM entries").fetchall()
    conn.executemany("UPDATE entries SET words = ? WHERE id = ?",
                     [(entry_words(title, body), entry_id) for entry_id, title, body in rows])
    fill_tallies(conn, count_words=False)  # the running totals add the new counts up again


def _v6_learning_time(db: sqlite_utils.Database) -> None:
    """Time spent on development activities and mandatory training (reflections have it
    since step 1), so learning time adds up per week and per review period."""
    for table in ("activities", "training"):
        # Raw SQL: sqlite-utils' add_column cannot say CHECK, and the column must match entries'.
        db.execute(f"ALTER TABLE {table} ADD COLUMN minutes INTEGER CHECK (minutes > 0)")


def _v7_attachments(db: sqlite_utils.Database) -> None:
    """Files attached to journal items, kept inside the journal (so backups, encryption and
    restore carry them): each file's bytes once, by SHA-256, and one link per item and name.

    A detached file keeps its link with ``detached_at`` set (the trash), so it can be put back;
    deleting the last link to a blob (emptying the trash, purging its item) removes the blob.
    Raw SQL: the partial unique index and the trigger are beyond sqlite-utils' create().
    """
    db.execute("""
        CREATE TABLE attachment_blobs (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            size INTEGER NOT NULL CHECK (size >= 0),
            data BLOB NOT NULL
        )""")
    db.execute("""
        CREATE TABLE attachments (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            blob_id INTEGER NOT NULL REFERENCES attachment_blobs(id),
            name TEXT NOT NULL CHECK (name <> ''),
            size INTEGER NOT NULL CHECK (size >= 0),
            media_type TEXT NOT NULL,
            added_at TEXT NOT NULL,
            detached_at TEXT
        )""")
    # One live file of each name per item; detached ones may share it (they are in the trash).
    db.execute("CREATE UNIQUE INDEX attachments_live_name ON attachments (entry_id, name) WHERE detached_at IS NULL")
    db.execute("CREATE INDEX attachments_by_blob ON attachments (blob_id)")
    db.execute("""
        CREATE TRIGGER attachments_drop_orphan_blob AFTER DELETE ON attachments
        WHEN NOT EXISTS (SELECT 1 FROM attachments WHERE blob_id = OLD.blob_id)
        BEGIN DELETE FROM attachment_blobs WHERE id = OLD.blob_id; END""")


def _v8_kinds_of_evidence(db: sqlite_utils.Database) -> None:
    """Kinds of evidence (:mod:`reflect.entries.kinds`): every entry gets a ``kind``, existing
    ones staying reflections, and the details of the other kinds get a table of their own.

    ``entry_details`` holds who vouches for an item: a witness testimony's witness (name, role,
    relationship to the apprentice, contact, whether and when they confirmed it), an
    observation's observer, a professional discussion's participants. One row per entry that
    has any, so the wide entries table and its list pages stay as they were. Raw SQL: the
    CHECKs are beyond sqlite-utils' add_column.
    """
    db.execute("ALTER TABLE entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'reflection' CHECK (kind IN"
               " ('reflection', 'witness', 'product', 'observation', 'discussion'))")
    # Evidence from others is the rarer kind: listing or counting one kind walks only its own
    # entries, newest first, instead of every live entry.
    db.execute("CREATE INDEX entries_live_by_kind ON entries (kind, day DESC, id DESC) WHERE deleted_at IS NULL")
    db.execute("""
        CREATE TABLE entry_details (
            entry_id INTEGER PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
            witness_name TEXT NOT NULL DEFAULT '',
            witness_role TEXT NOT NULL DEFAULT '',
            witness_relationship TEXT NOT NULL DEFAULT '',
            witness_contact TEXT NOT NULL DEFAULT '',
            confirmed INTEGER NOT NULL DEFAULT 0 CHECK (confirmed IN (0, 1)),
            confirmed_on TEXT CHECK (confirmed_on IS NULL OR confirmed = 1),
            observer TEXT NOT NULL DEFAULT '',
            participants TEXT NOT NULL DEFAULT ''
        )""")


#: Step ``i`` moves a journal from version ``i`` to ``i + 1``.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_entries,
    _v2_review_workflow,
    v3_tallies,  # running totals for the summaries: see reflect/store/tally_schema.py
    _v4_review_records,
    _v5_recount_words,
    _v6_learning_time,
    _v7_attachments,  # files attached to items: see reflect/attachments/
    _v8_kinds_of_evidence,  # witness testimony, products, observation, discussion: reflect/entries/kinds.py
]
CURRENT_VERSION = len(MIGRATIONS)


def schema_version(db: sqlite_utils.Database | sqlite3.Connection) -> int:
    """The journal's schema version (0 for a brand-new file)."""
    return db.execute("PRAGMA user_version").fetchone()[0]


def check_not_newer(db: sqlite_utils.Database | sqlite3.Connection, path: Path | None = None) -> int:
    """Return the journal's version; refuse (changing nothing) one from a newer reflect."""
    version = schema_version(db)
    if version > CURRENT_VERSION:
        where = f"The journal {path}" if path else "This journal"
        raise JournalError(
            f"{where} was written by a newer version of reflect (schema {version}; this reflect "
            f"knows up to {CURRENT_VERSION}). Upgrade reflect to open it; nothing was changed."
        )
    return version


def migrate(db: sqlite_utils.Database, path: Path | None = None,
            before: Callable[[int], None] | None = None) -> int:
    """Bring the journal up to :data:`CURRENT_VERSION`; return the version it started at.

    ``before(version)`` is called once before the first step when an existing journal (not
    a brand-new one) is about to change; it makes the safety backup.
    """
    start = check_not_newer(db, path)
    if start == CURRENT_VERSION:
        return start
    if start > 0 and before is not None:
        before(start)
    conn = db.conn
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read the version again under the write lock: another reflect starting at the same
            # moment (two windows on a brand-new journal) may have done this step already.
            version = check_not_newer(db, path)
            if version == CURRENT_VERSION:
                conn.execute("COMMIT")
                return start
            MIGRATIONS[version](db)
            # PRAGMA user_version is part of the transaction: it moves only if the step lands.
            conn.execute(f"PRAGMA user_version = {version + 1}")
            _check_foreign_keys(db, version + 1)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def _check_foreign_keys(db: sqlite_utils.Database, version: int) -> None:
    problems = db.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise JournalError(
            f"Upgrading the journal to schema {version} would leave {len(problems)} broken "
            "links; nothing was changed. Run `reflect doctor`."
        )
