"""Helpers for the gap tests: small hand-made journals with known answers.

The review-workflow stores are written elsewhere, so their rows are inserted here with plain
SQL, exactly as the gap queries read them.
"""

from __future__ import annotations

from datetime import date, timedelta

#: "Today" in every gap test: Tuesday 24 November 2026 (a Monday-started week began on the 23rd).
TODAY = date(2026, 11, 24)
STAMP = "2026-01-01T00:00:00Z"


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def add_entry(journal, day: date, *, skills=(), criteria=(), private=False, trashed=False,
              title="Reflection", body="", minutes=None, confidence=None):
    """Write one entry (optionally trashed) and return its id."""
    entry = journal.entries.add(day=day, title=title, body=body, skills=skills, criteria=criteria,
                                private=private, minutes=minutes, confidence=confidence)
    if trashed:
        journal.entries.delete(entry.id)
    return entry.id


def add_assessment(journal, on: date, ratings: dict[str, int]) -> int:
    with journal.write():
        cur = journal.db.execute("INSERT INTO assessments (assessed_on, created_at) VALUES (?, ?)",
                                 [on.isoformat(), STAMP])
        for skill, rating in ratings.items():
            journal.db.execute("INSERT INTO assessment_ratings (assessment_id, skill_id, rating) VALUES (?, ?, ?)",
                               [cur.lastrowid, skill, rating])
    return cur.lastrowid


def add_objective(journal, specific="Get better", *, status="agreed", deadline: date | None = None,
                  skills=()) -> int:
    with journal.write():
        cur = journal.db.execute(
            "INSERT INTO objectives (uid, specific, status, deadline, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [f"obj-{specific}-{status}", specific, status, deadline.isoformat() if deadline else None, STAMP, STAMP])
        for skill in skills:
            journal.db.execute("INSERT INTO objective_skills VALUES (?, ?)", [cur.lastrowid, skill])
    return cur.lastrowid


def add_activity(journal, objective_id: int, title="Practise", *, due: date | None = None,
                 completed_on: date | None = None) -> int:
    with journal.write():
        cur = journal.db.execute(
            "INSERT INTO activities (objective_id, title, due, completed_on, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [objective_id, title, due and due.isoformat(), completed_on and completed_on.isoformat(), STAMP, STAMP])
    return cur.lastrowid


def add_feedback(journal, said="Good work", *, received_on: date = TODAY, action="", done=False) -> int:
    with journal.write():
        cur = journal.db.execute(
            "INSERT INTO feedback (received_on, source_kind, said, action, done, created_at, updated_at)"
            " VALUES (?, 'mentor', ?, ?, ?, ?, ?)",
            [received_on.isoformat(), said, action, int(done), STAMP, STAMP])
    return cur.lastrowid


def add_training(journal, name="Fire safety", *, due: date | None = None, completed_on: date | None = None) -> int:
    with journal.write():
        cur = journal.db.execute(
            "INSERT INTO training (name, due, completed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
            [name, due and due.isoformat(), completed_on and completed_on.isoformat(), STAMP, STAMP])
    return cur.lastrowid
