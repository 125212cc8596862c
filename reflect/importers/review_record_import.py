"""Keeping a review pack's filled-in record on its review (part of `reflect import-feedback`).

The record (:mod:`reflect.importers.review_record` reads it) goes onto the review the pack
was made for: the one its front matter names, else the review being prepared (started if
there is none), or the last completed review if it was agreed on or after the end of the
pack's period (the meeting happened, then the file came back). Overall comments, the mentor's
ratings, the next review date and the sign-off are kept as written; each agreed action
becomes a draft objective or a feedback action, as the person chooses, once: importing the
same or a re-sent file again replaces the record and never makes an action twice.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.dates import format_short
from reflect.errors import InputError
from reflect.importers.review_record import ReviewRecordText, find_record, read_record
from reflect.review.meeting_record import AgreedAction, MeetingRecord

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal
    from reflect.review.models import Review

#: What an agreed action can become.
ACTIONS_AS = ("objectives", "feedback")


@dataclass
class RecordImport:
    """What importing a record did (or, in a dry run, would do)."""

    review_id: int | None
    record: ReviewRecordText
    made: list[str] = field(default_factory=list)  # "draft objective 7: ...", "feedback action 12: ..."
    dry_run: bool = False

    def summary(self) -> list[str]:
        """Lines for people: what was kept, what was made, what could not be read."""
        r = self.record
        parts = []
        if r.comments:
            parts.append("overall comments")
        if r.ratings:
            parts.append(f"{len(r.ratings)} mentor's rating{'s' if len(r.ratings) != 1 else ''}")
        if r.actions:
            parts.append(f"{len(r.actions)} agreed action{'s' if len(r.actions) != 1 else ''}")
        if r.next_review:
            parts.append(f"next review {format_short(r.next_review)}")
        signed = [s for s in r.sign_off if s.signed_on or s.role]
        if signed:
            parts.append(f"{len(signed)} sign-off{'s' if len(signed) != 1 else ''}")
        verb = "Would keep" if self.dry_run else "Kept"
        lines = [f"{verb} the record of the meeting on review {self.review_id}: " + ", ".join(parts) + "."
                 if parts else f"The record of the meeting is empty; nothing kept on review {self.review_id}."]
        lines += [f"  {'would make' if self.dry_run else 'made'} {m}" for m in self.made]
        lines += [f"  could not read {p}" for p in r.problems]
        return lines


def import_review_record(journal: "Journal", path: Path, front_matter: dict, *,
                         framework: "Framework | None" = None, actions_as: str = "objectives",
                         source_name: str = "", received_on: date | None = None,
                         dry_run: bool = False) -> RecordImport | None:
    """Read the record section of the pack at ``path`` and keep it on its review; None if
    the file has no record or nothing was written in it. Call it inside ``journal.write()``."""
    if actions_as not in ACTIONS_AS:
        raise InputError(f"Agreed actions become objectives or feedback, not {actions_as!r}.")
    found = find_record(_read(path))
    if found is None:
        return None
    skills = [(s.id, s.name) for s in framework.meta_skills] if framework else []
    text = read_record(found[1], skills, today=journal.today(), first_line=found[0])
    return keep_review_record(journal, text, front_matter, actions_as=actions_as, source_name=source_name,
                              received_on=received_on, dry_run=dry_run, source=path.name)


def keep_review_record(journal: "Journal", text: ReviewRecordText, front_matter: dict, *,
                       actions_as: str = "objectives", source_name: str = "", received_on: date | None = None,
                       dry_run: bool = False, source: str = "") -> RecordImport | None:
    """Keep a record already read (``text``) on the review the file is for (see the module's
    docstring); None if nothing was written in it. Call it inside ``journal.write()``."""
    if actions_as not in ACTIONS_AS:
        raise InputError(f"Agreed actions become objectives or feedback, not {actions_as!r}.")
    if text.empty:
        return None
    today = journal.today()
    review = _review_for(journal, text.review_uid or front_matter.get("review"), front_matter, dry_run)
    result = RecordImport(review.id if review else None, text, dry_run=dry_run)
    earlier = journal.review_records.get(review.id) if review else None
    made_before = {a.text: a.made for a in (earlier.actions if earlier else ())}
    actions = []
    for action in text.actions:
        made = made_before.get(action, "")
        if not made:
            made = _make(journal, review, action, actions_as, source_name, received_on or today, dry_run)
            result.made.append(_describe(made, action))
        actions.append(AgreedAction(action, made))
    if not dry_run and review is not None:
        journal.review_records.save(MeetingRecord(
            review_id=review.id, comments=text.comments, actions=tuple(actions), next_review=text.next_review,
            ratings=dict(text.ratings), sign_off=text.sign_off, source=source))
    return result


def _read(path: Path) -> str:
    from reflect.importers.export_file import open_export

    with open_export(path) as stream:
        return "".join(stream)


def _review_for(journal: "Journal", uid, front_matter: dict, dry_run: bool) -> "Review | None":
    """The review the record belongs to (see the module's docstring)."""
    if uid:
        review = journal.reviews.get_by_uid(str(uid))
        if review is None:
            raise InputError("The record of the meeting is for a review this journal does not have "
                             "(was the pack made from another journal?). Nothing was imported.")
        return review
    period = front_matter.get("period") or {}
    end = _iso(period.get("to"))
    last = journal.reviews.last_completed()
    if last is not None and end is not None and last.agreed_on is not None and last.agreed_on >= end:
        return last
    draft = journal.reviews.draft()
    if draft is not None or dry_run:
        return draft
    return journal.reviews.save_draft()


def _iso(value) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _make(journal: "Journal", review: "Review | None", action: str, actions_as: str, source_name: str,
          received_on: date, dry_run: bool) -> str:
    """Turn an agreed action into a draft objective or a feedback action; ``kind:id``."""
    when = format_short(review.agreed_on) if review is not None and review.agreed_on else "the review"
    if dry_run:
        return f"{'objective' if actions_as == 'objectives' else 'feedback'}:?"
    if actions_as == "objectives":
        objective = journal.objectives.add(specific=action, reason=f"Agreed at the review of {when}")
        return f"objective:{objective.id}"
    key = f"review-action:{review.uid if review else ''}:{hashlib.sha256(action.encode()).hexdigest()[:24]}"
    existing = journal.feedback.get_by_import_key(key)
    if existing is not None:
        return f"feedback:{existing.id}"
    item = journal.feedback.add(received_on=received_on, source_kind="mentor", source_name=source_name,
                                said=f"Agreed at the review of {when}.", action=action, import_key=key)
    return f"feedback:{item.id}"


def _describe(made: str, action: str) -> str:
    kind, _, number = made.partition(":")
    what = "a draft objective" if kind == "objective" else "a feedback action"
    return f"{what}{'' if number == '?' else ' ' + number}: {action}"


# -- as a section of `reflect import-feedback` (reflect.importers.sections) ----------------------


def _read_section(lines: list[str], first_line: int, context) -> ReviewRecordText:
    from reflect.importers.review_record import read_section

    skills = [(s.id, s.name) for s in context.framework.meta_skills] if context.framework else []
    return read_section(lines, first_line, skills, today=context.today)


def _keep_section(text: ReviewRecordText, context) -> RecordImport | None:
    return keep_review_record(context.journal, text, context.front_matter,
                              actions_as=context.options.get("actions_as", "objectives"),
                              source_name=context.source_name, received_on=context.today,
                              dry_run=context.dry_run, source=context.path.name)


def _register() -> None:
    from reflect.importers import sections

    sections.register("record", _read_section, _keep_section, dry_run_aware=True)


# The section registry finds its built-in types by importing their modules.
_register()
