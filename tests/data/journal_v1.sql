-- A journal as reflect schema version 1 wrote it, with a few rows of every kind.
-- Used by tests/test_journal.py to prove that migrations keep every row.
-- Do not regenerate from current code: it must stay what version 1 wrote.

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
        );
CREATE TABLE entry_skills (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            skill_id TEXT NOT NULL,
            PRIMARY KEY (entry_id, skill_id)
        ) WITHOUT ROWID;
CREATE TABLE entry_criteria (
            entry_id INTEGER NOT NULL REFERENCES entries(id) ON DELETE CASCADE,
            criterion_id TEXT NOT NULL,
            PRIMARY KEY (entry_id, criterion_id)
        ) WITHOUT ROWID;
CREATE TABLE drafts (
            id INTEGER PRIMARY KEY,
            entry_id INTEGER REFERENCES entries(id) ON DELETE CASCADE,
            data TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE chosen_units (unit_code TEXT PRIMARY KEY, chosen_at TEXT NOT NULL);
CREATE VIRTUAL TABLE "entries_fts" USING FTS5 (
    "title", "body",
    tokenize='porter unicode61',
    content="entries"
);
CREATE TRIGGER "entries_ai" AFTER INSERT ON "entries" BEGIN
  INSERT INTO "entries_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;
CREATE TRIGGER "entries_ad" AFTER DELETE ON "entries" BEGIN
  INSERT INTO "entries_fts" ("entries_fts", rowid, "title", "body") VALUES('delete', old.rowid, old."title", old."body");
END;
CREATE TRIGGER "entries_au" AFTER UPDATE ON "entries" BEGIN
  INSERT INTO "entries_fts" ("entries_fts", rowid, "title", "body") VALUES('delete', old.rowid, old."title", old."body");
  INSERT INTO "entries_fts" (rowid, "title", "body") VALUES (new.rowid, new."title", new."body");
END;

INSERT INTO entries (id, uid, day, title, body, model, private, confidence, minutes, created_at, updated_at, deleted_at, revision) VALUES
 (1, 'a1b2c3d4e5f60718293a4b5c6d7e8f90', '2026-09-01', 'First day on the tills', 'Nervous, but the queue moved and I kept my **focus**.', 'none', 0, 3, 30, '2026-09-01T17:02:11Z', '2026-09-01T17:02:11Z', NULL, 1),
 (2, 'b1b2c3d4e5f60718293a4b5c6d7e8f90', '2026-09-03', 'A complaint about a late delivery', '## What?

A customer''s sofa was two weeks late.

## So what?

I apologised and checked the tracking.', 'driscoll', 1, NULL, NULL, '2026-09-03T16:40:00Z', '2026-09-04T08:00:00Z', NULL, 2),
 (3, 'c1b2c3d4e5f60718293a4b5c6d7e8f90', '2026-09-05', 'Shadowed my mentor', 'Watched how she handled returns.', 'none', 0, 4, 90, '2026-09-05T12:00:00Z', '2026-09-05T12:00:00Z', NULL, 1),
 (4, 'd1b2c3d4e5f60718293a4b5c6d7e8f90', '2026-09-06', 'Deleted by mistake', 'Still in the trash.', 'none', 0, NULL, NULL, '2026-09-06T12:00:00Z', '2026-09-06T12:00:00Z', '2026-09-07T09:00:00Z', 1);
INSERT INTO entry_skills (entry_id, skill_id) VALUES (1, 'focus'), (1, 'communication'), (2, 'feeling'), (3, 'curiosity'), (4, 'focus');
INSERT INTO entry_criteria (entry_id, criterion_id) VALUES (1, 'INSCS009.P8'), (2, 'INSCS009.P14'), (2, 'SDS0223.P5');
INSERT INTO drafts (id, entry_id, data, updated_at) VALUES (1, NULL, '{"title": "Half-written", "body": "I was about to say"}', '2026-09-08T10:00:00Z');
INSERT INTO settings (key, value) VALUES ('apprentice_name', '"Jamie Reid"');
INSERT INTO chosen_units (unit_code, chosen_at) VALUES ('CFACSA13', '2026-09-01T10:00:00Z');

CREATE INDEX entries_live_by_day ON entries (day DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX entries_by_deleted ON entries (deleted_at);
CREATE INDEX entry_skills_by_skill ON entry_skills (skill_id, entry_id);
CREATE INDEX entry_criteria_by_criterion ON entry_criteria (criterion_id, entry_id);
PRAGMA user_version = 1;
