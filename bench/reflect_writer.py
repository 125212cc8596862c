"""Write generated entries (and review-workflow records in proportion) as a reflect journal.

Everything goes in with ``executemany`` inside one ``journal.write()`` transaction. The search
index and the running totals (``reflect.store.tally_schema``) are filled once at the end rather
than row by row by their triggers, which is many times faster for a whole journal; the
triggers are put back for later edits.
"""

from __future__ import annotations

import os
import random
from datetime import date, timedelta
from pathlib import Path

from bench import phrases
from bench.compose import GenEntry

#: Tables whose triggers (search index, running totals) are off during the bulk load.
BULK_TABLES = ("entries", "entry_skills", "entry_criteria")


def _stamp(day: date, time: str = "18:00") -> str:
    return f"{day.isoformat()}T{time}:00Z"


def write_reflect_journal(path: Path, entries: list[GenEntry], seed: int) -> None:
    """Create a reflect journal at ``path`` (replacing any) holding ``entries`` and friends."""
    from reflect.journal import open_journal
    from reflect.progress.tallies import SEPARATOR
    from reflect.store.tally_schema import fill_tallies
    from reflect.words import entry_words

    tmp = path.with_name(path.name + ".tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    with open_journal(tmp) as journal:
        conn = journal.conn
        triggers = {name: sql for name, sql in conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (?, ?, ?)", BULK_TABLES)}
        with journal.write():
            for name in triggers:
                conn.execute(f"DROP TRIGGER {name}")
            conn.executemany(
                "INSERT INTO entries (id, uid, day, title, body, model, private, confidence, minutes,"
                " words, skill_set, created_at, updated_at, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((e.id, e.uid, e.day.isoformat(), e.title, e.body, e.model, int(e.private), e.confidence,
                  e.minutes, entry_words(e.title, e.body), SEPARATOR.join(sorted(set(e.skills))),
                  _stamp(e.day, e.time), _stamp(e.day, e.time), e.kind) for e in entries))
            # Who vouches for the evidence from others (witness, observer, participants).
            conn.executemany(
                "INSERT INTO entry_details (entry_id, witness_name, witness_role, confirmed, confirmed_on,"
                " observer, participants) VALUES (?, ?, ?, ?, ?, ?, ?)",
                ((e.id, "Amy Reid" if e.kind == "witness" else "", "Team leader" if e.kind == "witness" else "",
                  int(e.kind == "witness" and e.id % 2 == 0),
                  e.day.isoformat() if e.kind == "witness" and e.id % 2 == 0 else None,
                  "Jo Bell (assessor)" if e.kind == "observation" else "",
                  "Jo Bell, me" if e.kind == "discussion" else "")
                 for e in entries if e.kind in ("witness", "observation", "discussion")))
            conn.executemany("INSERT INTO entry_skills (entry_id, skill_id) VALUES (?, ?)",
                             ((e.id, s) for e in entries for s in e.skills))
            conn.executemany("INSERT INTO entry_criteria (entry_id, criterion_id) VALUES (?, ?)",
                             ((e.id, c) for e in entries for c in e.criteria))
            _write_review_workflow(conn, entries, random.Random(seed + 2))
            conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')")
            fill_tallies(conn)
            for sql in triggers.values():
                conn.execute(sql)
        conn.execute("ANALYZE")
    os.replace(tmp, path)


def _months(first: date, last: date):
    day = first.replace(day=1)
    while day <= last:
        yield day
        day = (day + timedelta(days=32)).replace(day=1)


def _write_review_workflow(conn, entries: list[GenEntry], rng: random.Random) -> None:
    """An objective a month (two activities each), feedback weekly, training twice a year,
    a review with a self-assessment every quarter."""
    if not entries:
        return
    first, last = entries[0].day, entries[-1].day
    by_month: dict[date, list[GenEntry]] = {}
    for e in entries:
        by_month.setdefault(e.day.replace(day=1), []).append(e)
    skills = sorted({s for e in entries for s in e.skills})
    criteria = sorted({c for e in entries for c in e.criteria}) or ["none"]
    months = list(_months(first, last))
    objectives, obj_skills, obj_criteria, changes, links, activities = [], [], [], [], [], []
    for number, month in enumerate(months, start=1):
        recent = len(months) - number < 3
        status = rng.choice(("agreed", "in-progress")) if recent else rng.choice(
            ("achieved", "achieved", "achieved", "not-achieved", "dropped"))
        in_month = by_month.get(month, [])
        source = rng.choice(in_month).id if in_month else None
        deadline = (month + timedelta(days=70)).isoformat()
        objectives.append((number, f"obj{number:08d}{rng.getrandbits(64):016x}", rng.choice(phrases.OBJECTIVES),
                           "My mentor sees it in my reflections", "Yes, with support", "Unit SDS0223",
                           deadline, status, "my mentor", month.isoformat(), source,
                           _stamp(month), _stamp(month)))
        obj_skills += [(number, s) for s in rng.sample(skills, min(2, len(skills)))]
        obj_criteria += [(number, c) for c in rng.sample(criteria, min(2, len(criteria)))]
        changes.append((number, "agreed", month.isoformat(), "", _stamp(month)))
        if status != "agreed":
            changes.append((number, status, deadline, "", _stamp(month)))
        links += [(e.id, number) for e in rng.sample(in_month, min(3, len(in_month)))]
        for title, kind in rng.sample(phrases.ACTIVITIES, 2):
            done = None if recent else deadline
            activities.append((number, title, kind, deadline, done, "", _stamp(month), _stamp(month)))
    conn.executemany(
        "INSERT INTO objectives (id, uid, specific, measure, achievable, relevant, deadline, status,"
        " agreed_by, agreed_on, source_entry_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", objectives)
    conn.executemany("INSERT INTO objective_skills VALUES (?, ?)", obj_skills)
    conn.executemany("INSERT INTO objective_criteria VALUES (?, ?)", obj_criteria)
    conn.executemany("INSERT INTO objective_status_changes (objective_id, status, changed_on, reason,"
                     " created_at) VALUES (?, ?, ?, ?, ?)", changes)
    conn.executemany("INSERT OR IGNORE INTO entry_objectives VALUES (?, ?)", links)
    conn.executemany("INSERT INTO activities (objective_id, title, kind, due, completed_on, notes,"
                     " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", activities)
    _write_feedback_training_reviews(conn, first, last, len(months), skills, rng)


def _write_feedback_training_reviews(conn, first: date, last: date, objective_count: int,
                                     skills: list[str], rng: random.Random) -> None:
    feedback, day = [], first
    while day <= last:
        done = rng.random() < 0.7
        feedback.append((day.isoformat(), rng.choice(("mentor", "manager", "colleague", "customer")),
                         rng.choice(phrases.SLOTS["colleague"]), rng.choice(phrases.FEEDBACK),
                         "Talk it through at the next check-in", int(done), day.isoformat() if done else None,
                         rng.randint(1, objective_count) if rng.random() < 0.3 else None,
                         _stamp(day), _stamp(day)))
        day += timedelta(days=7)
    conn.executemany("INSERT INTO feedback (received_on, source_kind, source_name, said, action, done,"
                     " done_on, objective_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     feedback)
    training, reviews, ratings = [], [], []
    day = first
    while day <= last:
        training.append((rng.choice(phrases.TRAINING), "Training provider", day.isoformat(),
                         day.isoformat(), "", _stamp(day), _stamp(day)))
        day += timedelta(days=182)
    conn.executemany("INSERT INTO training (name, provider, due, completed_on, certificate_ref, created_at,"
                     " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", training)
    start, number = first, 0
    while start <= last:
        number += 1
        end = start + timedelta(days=90)
        final = end > last
        reviews.append((number, f"rev{number:08d}{rng.getrandbits(64):016x}", start.isoformat(),
                        end.isoformat(), "draft" if final else "completed", "Calm with upset customers",
                        "Logging complaints the same day", "See objectives", "my mentor",
                        None if final else end.isoformat(), None, None if final else _stamp(end),
                        _stamp(end), _stamp(end)))
        ratings += [(number, s, rng.randint(1, 5), "", None) for s in skills]
        start = end + timedelta(days=1)
    # Reviews first, with their triggers' read-only rule in mind: insert only, never update.
    conn.executemany("INSERT INTO reviews (id, uid, period_start, period_end, status, strengths, improvements,"
                     " next_objectives, mentor_name, agreed_on, snapshot, completed_at, created_at, updated_at)"
                     " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reviews)
    conn.executemany("INSERT INTO assessments (id, assessed_on, note, review_id, created_at)"
                     " VALUES (?, ?, '', ?, ?)", [(r[0], r[3], r[0], r[12]) for r in reviews])
    conn.executemany("INSERT INTO assessment_ratings VALUES (?, ?, ?, ?, ?)", ratings)
