"""Bringing a mentor's comments back: `reflect import-feedback FILE`.

A mentor writes in the comment places of an export or a review pack (see
:mod:`reflect.importers.mentor_comments`) and sends the file back. Each comment becomes one piece of
feedback from the mentor, linked to its reflection or objective, received on the day the
file was made (or today, if that is later than today or unknown).

* All or nothing: a damaged file, a comment on a reflection or objective this journal does
  not have, or a file from another journal changes nothing and says why.
* Importing the same file again adds nothing: each comment is recognised by an import key
  made of what it is about (the entry's or objective's stable id) and a checksum of its
  text (line ends and spaces at the ends of lines do not count). A comment the mentor
  edited afterwards is new feedback; the old one stays.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reflect.dates import format_long
from reflect.errors import InputError
from reflect.importers.markdown import ExportReader, open_export
from reflect.importers.mentor_comments import CommentPlace, objective_places
from reflect.review.fields import MAX_TEXT

if TYPE_CHECKING:
    from reflect.journal import Journal

KINDS = ("reflections", "review-pack")
_NAME_LIMIT = 200


@dataclass(frozen=True)
class MentorComment:
    """A comment read from the file and matched to a record of this journal."""

    kind: str  # "entry" or "objective"
    uid: str
    text: str
    line: int
    record_id: int
    label: str  # what it is about, for people: "Tue 24 Nov 2026 - Title", "objective 4: ..."
    import_key: str


@dataclass
class FeedbackImport:
    """What an import of mentor comments did (or, in a dry run, would do)."""

    path: Path
    source_name: str
    received_on: date
    added: list[MentorComment] = field(default_factory=list)
    skipped: list[MentorComment] = field(default_factory=list)
    dry_run: bool = False


@dataclass
class _FileComments:
    front_matter: dict
    places: list[CommentPlace]
    entry_uids: list[str]
    objective_uids: list[str]


def import_key(kind: str, uid: str, text: str) -> str:
    """The key a comment is recognised by: what it is about plus a checksum of its text."""
    canonical = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"mentor-comment:{kind}:{uid}:{digest}"


def import_feedback(journal: "Journal", path: Path, *, mentor: str | None = None,
                    dry_run: bool = False) -> FeedbackImport:
    """Add the mentor comments in the export or review pack at ``path`` to the feedback log.

    ``mentor`` names who wrote them (default: the file's ``mentor:`` line, else nobody).
    """
    name = str(path)
    found = read_comments(path)
    source_name = (mentor if mentor is not None else str(found.front_matter.get("mentor") or "")).strip()
    if len(source_name) > _NAME_LIMIT:
        raise InputError(f"The mentor's name is too long ({len(source_name)} characters; at most {_NAME_LIMIT}).")
    result = FeedbackImport(path, source_name, _received_on(found.front_matter, journal.today()), dry_run=dry_run)
    comments = _matched(journal, found, name)
    seen: set[str] = set()
    with journal.write():
        for comment in comments:
            if comment.import_key in seen or journal.feedback.get_by_import_key(comment.import_key):
                result.skipped.append(comment)
                continue
            seen.add(comment.import_key)
            result.added.append(comment)
            if not dry_run:
                journal.feedback.add(
                    received_on=result.received_on, source_kind="mentor", source_name=source_name, said=comment.text,
                    entry_id=comment.record_id if comment.kind == "entry" else None,
                    objective_id=comment.record_id if comment.kind == "objective" else None,
                    import_key=comment.import_key)
    return result


def read_comments(path: Path) -> _FileComments:
    """Every comment place of the file, checked; InputError if the file is not an export,
    is damaged, or its comment places are."""
    name = str(path)
    with open_export(path) as stream:
        reader = ExportReader(stream, name, expected="a reflect export or review pack", hint="")
        kind = reader.front_matter.get("kind")
        if kind not in KINDS:
            raise InputError(f"{name} is a reflect file of a kind this reflect cannot read ({kind!r}); "
                             "nothing was imported.")
        places, entry_uids = [], []
        for item in reader:
            entry_uids.append(item.uid)
            if item.comments_line is None:
                raise _bad(name, item.line, "this entry's mentor comment place is missing "
                                            "(its hidden line was removed?).")
            if item.comments_target is None:
                raise _bad(name, item.comments_line, "reflect's hidden marker on this line is damaged.")
            if item.comments_target != ("entry", item.uid):
                raise _bad(name, item.comments_line, "this comment place belongs to something else than the entry "
                                                     "above it (was the file rearranged?).")
            places.append(CommentPlace(item.comments_line, item.comments_target, item.comments))
        objectives = objective_places(reader.preamble, reader.preamble_line)
    for place in objectives:
        if place.target is None:
            raise _bad(name, place.line, "reflect's hidden marker on this line is damaged.")
        if place.target[0] != "objective":
            raise _bad(name, place.line, "this comment place is not under its entry (was the file rearranged?).")
    expected = (reader.front_matter.get("counts") or {}).get("objectives")
    if isinstance(expected, int) and expected != len(objectives):
        raise InputError(f"{name}: it should have comment places for {expected} objectives but {len(objectives)} "
                         "were found (was it edited there?). Nothing was imported.")
    return _FileComments(reader.front_matter, places + objectives, entry_uids, [p.target[1] for p in objectives if p.target])


def _bad(name: str, line: int, what: str) -> InputError:
    return InputError(f"{name}, line {line}: {what} Nothing was imported.")


def _received_on(front_matter: dict, today: date) -> date:
    """The day the file was made (the comments came after it), never later than today."""
    try:
        made = datetime.fromisoformat(str(front_matter.get("generated")).replace("Z", "+00:00")).date()
    except ValueError:
        return today
    return min(made, today)


def _matched(journal: "Journal", found: _FileComments, name: str) -> list[MentorComment]:
    """The file's comments, each matched to its reflection or objective in this journal."""
    entries = _known(journal, "SELECT uid, id, day, title, deleted_at FROM entries", found.entry_uids)
    objectives = _known(journal, "SELECT uid, id, specific FROM objectives", found.objective_uids)
    if (found.entry_uids or found.objective_uids) and not (entries or objectives):
        raise InputError(
            f"{name} does not match this journal: none of its {_count(len(found.entry_uids), 'entry', 'entries')} "
            f"and {_count(len(found.objective_uids), 'objective', 'objectives')} are in it (was it exported from "
            "another journal?). Nothing was imported.")
    comments = []
    for place in found.places:
        if not place.text or place.target is None:  # every place was checked to have one
            continue
        kind, uid = place.target
        if len(place.text) > MAX_TEXT:
            raise _bad(name, place.line, f"this comment is too long ({len(place.text):,} characters; "
                                         f"at most {MAX_TEXT:,}).")
        if kind == "entry":
            row = entries.get(uid)
            if row is None:
                raise _bad(name, place.line, "this comment is on a reflection that is not in this journal "
                                             "(deleted for good, or the file is from another journal).")
            if row[4] is not None:
                raise _bad(name, place.line, f"this comment is on reflection {row[1]}, which is in the trash; "
                                             f"bring it back with `reflect restore {row[1]}` first.")
            label = f"{format_long(date.fromisoformat(row[2]))} \u2014 {row[3]}"
        else:
            row = objectives.get(uid)
            if row is None:
                raise _bad(name, place.line, "this comment is on an objective that is not in this journal "
                                             "(deleted, or the file is from another journal).")
            label = f"objective {row[1]}: {row[2]}"
        comments.append(MentorComment(kind, uid, place.text, place.line, row[1], label,
                                      import_key(kind, uid, place.text)))
    return comments


def _known(journal: "Journal", select: str, uids: list[str]) -> dict[str, tuple]:
    """Rows of ``select`` (uid first) for those of ``uids`` the journal has."""
    found: dict[str, tuple] = {}
    unique = list(dict.fromkeys(uids))
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        rows = journal.conn.execute(f"{select} WHERE uid IN ({', '.join('?' * len(chunk))})", chunk)
        found.update((row[0], row) for row in rows)
    return found


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
