"""Schema step 4 on a journal written by the previous reflect (schema 3): completed reviews are
kept as they were (still read-only), gain an empty questions field, and can have a record."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from reflect.journal import open_journal
from reflect.review.meeting_record import AgreedAction, MeetingRecord, SignOff
from reflect.review.reviews import ReviewLockedError
from reflect.store import migrations
from tests.conftest import FakeClock


def _v3_journal(path) -> None:
    import sqlite_utils

    conn = sqlite3.connect(path, isolation_level=None)
    db = sqlite_utils.Database(conn, execute_plugins=False)
    for step in migrations.MIGRATIONS[:3]:
        step(db)
    conn.execute("PRAGMA user_version = 3")
    conn.execute("INSERT INTO reviews (id, uid, period_start, period_end, status, strengths, mentor_name, agreed_on,"
                 " snapshot, completed_at, created_at, updated_at) VALUES (1, 'r1', '2026-09-01', '2026-11-20',"
                 " 'completed', 'Calm', 'Alex', '2026-11-20', ?, 'c', 'c', 'u')", [json.dumps({"objectives": []})])
    conn.close()


def test_step_4_keeps_completed_reviews_and_adds_the_record(tmp_path):
    path = tmp_path / "old.db"
    _v3_journal(path)
    with open_journal(path, clock=FakeClock()) as journal:
        assert journal.schema_version == 4 and migrations.MIGRATIONS[3].__name__ == "_v4_review_records"
        review = journal.reviews.get(1)
        assert (review.status, review.strengths, review.mentor_name, review.questions) == (
            "completed", "Calm", "Alex", "")
        with pytest.raises(ReviewLockedError):
            journal.reviews.update(1, questions="too late")
        kept = journal.review_records.save(MeetingRecord(
            1, comments="Well done", actions=(AgreedAction("Lead a huddle", "objective:3"),),
            next_review=date(2027, 2, 17), ratings={"focus": 4},
            sign_off=(SignOff("Mentor or employer", "Alex", "Head baker", date(2026, 11, 20)),)))
        assert kept.actions == (AgreedAction("Lead a huddle", "objective:3"),)
        assert kept.sign_off[0].signed_on == date(2026, 11, 20) and kept.ratings == {"focus": 4}
        assert journal.review_records.latest() == kept


def test_a_draft_reviews_record_goes_with_it(journal):
    draft = journal.reviews.save_draft(questions="Which units next?")
    assert journal.reviews.draft().questions == "Which units next?"
    journal.review_records.save(MeetingRecord(draft.id, comments="Early thoughts"))
    journal.reviews.delete(draft.id)
    assert journal.review_records.get(draft.id) is None
