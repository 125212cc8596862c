"""The record of a review meeting: what the mentor wrote in a review pack's record section.

Overall comments, agreed actions (each remembering the draft objective or feedback action it
became), the next review date, the mentor's rating of each meta-skill and the sign-off lines.
It is kept beside its review (a completed review itself never changes), one record per
review: importing a re-sent file replaces the record, and never makes an action twice.
Reach it as ``journal.review_records``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from reflect.jsonable import Record

if TYPE_CHECKING:
    from reflect.store.db import JournalDB


@dataclass(frozen=True)
class SignOff(Record):
    """One sign-off line: who (apprentice, mentor or employer, training provider), their
    name, role and the date they signed."""

    who: str
    name: str = ""
    role: str = ""
    signed_on: date | None = None


@dataclass(frozen=True)
class AgreedAction(Record):
    """An action agreed at the meeting; ``made`` names what it became ("objective:12",
    "feedback:5"), empty until it is made."""

    text: str
    made: str = ""


@dataclass(frozen=True)
class MeetingRecord(Record):
    """What was recorded about one review."""

    review_id: int
    comments: str = ""
    actions: tuple[AgreedAction, ...] = ()
    next_review: date | None = None
    ratings: dict[str, int] = field(default_factory=dict)
    sign_off: tuple[SignOff, ...] = ()
    source: str = ""
    imported_at: str = ""


class ReviewRecordStore:
    """Meeting records, one per review."""

    def __init__(self, journal: "JournalDB"):
        self.journal = journal

    def get(self, review_id: int) -> MeetingRecord | None:
        """The record of review ``review_id``, or None."""
        row = self.journal.conn.execute(
            "SELECT review_id, comments, actions, next_review, ratings, sign_off, source, imported_at"
            " FROM review_records WHERE review_id = ?", [review_id]).fetchone()
        return _record(row) if row else None

    def latest(self) -> MeetingRecord | None:
        """The record of the most recent review that has one (for the mentor's ratings)."""
        row = self.journal.conn.execute(
            "SELECT r.review_id, r.comments, r.actions, r.next_review, r.ratings, r.sign_off, r.source,"
            " r.imported_at FROM review_records r JOIN reviews v ON v.id = r.review_id"
            " ORDER BY v.status = 'completed' DESC, v.agreed_on DESC, v.id DESC LIMIT 1").fetchone()
        return _record(row) if row else None

    def save(self, record: MeetingRecord) -> MeetingRecord:
        """Keep ``record`` for its review, replacing what was there."""
        with self.journal.write():
            self.journal.conn.execute(
                "INSERT OR REPLACE INTO review_records (review_id, comments, actions, next_review, ratings,"
                " sign_off, source, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [record.review_id, record.comments, json.dumps([a.to_json() for a in record.actions]),
                 record.next_review.isoformat() if record.next_review else None,
                 json.dumps(record.ratings), json.dumps([s.to_json() for s in record.sign_off]),
                 record.source, record.imported_at or self.journal.now()])
        saved = self.get(record.review_id)
        assert saved is not None  # written just above
        return saved


def _record(row) -> MeetingRecord:
    review_id, comments, actions, next_review, ratings, sign_off, source, imported_at = row
    return MeetingRecord(
        review_id=review_id, comments=comments,
        actions=tuple(AgreedAction(a["text"], a.get("made", "")) for a in json.loads(actions)),
        next_review=date.fromisoformat(next_review) if next_review else None,
        ratings={k: int(v) for k, v in json.loads(ratings).items()},
        sign_off=tuple(SignOff(s["who"], s.get("name", ""), s.get("role", ""),
                               date.fromisoformat(s["signed_on"]) if s.get("signed_on") else None)
                       for s in json.loads(sign_off)),
        source=source, imported_at=imported_at)


def render_record(record: MeetingRecord, skill_names: dict[str, str] | None = None,
                  self_ratings: dict[str, int] | None = None, heading: str = "Record of the meeting") -> str:
    """The record as readable text (Markdown headings, fine in a terminal)."""
    from reflect.dates import format_short
    from reflect.review.models import RATING_SCALE

    names = skill_names or {}
    mine = self_ratings or {}
    out = ["", f"## {heading}"]
    if record.comments:
        out += ["Overall comments:", *[f"  {line}" for line in record.comments.splitlines()]]
    if record.actions:
        out.append("Agreed actions:")
        out += [f"- {a.text}" + (f"  ({a.made.replace(':', ' ')})" if a.made else "") for a in record.actions]
    if record.next_review:
        out.append(f"Next review: {format_short(record.next_review)}")
    if record.ratings:
        out.append("The mentor's ratings (beside the self-rating):")
        for sid, rating in record.ratings.items():
            own = mine.get(sid)
            own_text = f"{own} {RATING_SCALE[own][0]}" if own in RATING_SCALE else "not rated"
            out.append(f"- {names.get(sid, sid)}: mentor {rating} {RATING_SCALE[rating][0]}; self {own_text}")
    signed = [s for s in record.sign_off if s.name or s.role or s.signed_on]
    if signed:
        out.append("Sign-off:")
        out += [f"- {s.who}: {s.name or '(no name)'}" + (f", {s.role}" if s.role else "")
                + (f", signed {format_short(s.signed_on)}" if s.signed_on else ", not dated") for s in signed]
    return "\n".join(out) + "\n"


def last_record_text(journal: "JournalDB", skill_names: dict[str, str], self_ratings: dict[str, int]) -> str:
    """The record of the last completed review that has one, for the review being prepared:
    what was agreed then, and the mentor's ratings beside the latest self-ratings; "" if none."""
    from reflect.dates import format_short

    row = journal.conn.execute(
        "SELECT v.id, v.agreed_on FROM reviews v JOIN review_records r ON r.review_id = v.id"
        " WHERE v.status = 'completed' ORDER BY v.agreed_on DESC, v.id DESC LIMIT 1").fetchone()
    if row is None:
        return ""
    record = ReviewRecordStore(journal).get(row[0])
    if record is None:  # the join above found it; only a write in between could take it away
        return ""
    when = format_short(date.fromisoformat(row[1])) if row[1] else "the last review"
    return render_record(record, skill_names, self_ratings, heading=f"Record of the last review ({when})")

