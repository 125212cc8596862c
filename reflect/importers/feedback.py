"""Bringing a mentor's comments back: `reflect import-feedback FILE`.

A mentor writes in the comment places of an export or a review pack and sends the file back
(:mod:`reflect.importers.comment_places` finds them, however the file was edited). Each
comment becomes one piece of feedback from the mentor, linked to its reflection or
objective. Never a word lost:

* Text the mentor wrote outside a comment place (under a reflection's text, in the summary,
  after the end, a word changed in the apprentice's text) is found by comparing the file
  with what reflect wrote (:mod:`reflect.importers.unplaced`) and reported with its line.
  The placed comments are imported all the same; the unplaced text is listed and the import
  does not count as a success (the command exits 2), unless ``keep_unplaced``: then each
  piece is filed as general feedback from the mentor.
* A comment place whose hidden line is missing or damaged is matched by its position (the
  reflection or objective above it) and said so; one that cannot be matched is reported.
* Sections between ``<!-- reflect:NAME -->`` markers go to their registered reader
  (:mod:`reflect.importers.sections`).
* Importing the same file again adds nothing. A comment re-sent with edits (same file, same
  place, same mentor) replaces the one imported before instead of adding a second.
* A comment is dated when the mentor wrote it if it says so (a date on its first or last
  line), else on the day it is imported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reflect.dates import format_long
from reflect.errors import InputError
from reflect.importers import sections as section_types
from reflect.importers.comment_places import Place, Scan, entry_uids, front_matter_of, scan
from reflect.importers.feedback_text import read_lines
from reflect.importers.unplaced import SIGN_OFF, Unplaced, find_unplaced, reflect_text, regenerate
from reflect.review.fields import MAX_TEXT

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal

KINDS = ("reflections", "review-pack")
_NAME_LIMIT = 200
#: Largest file `import-feedback` reads: a year's review pack with every comment is well under
#: 1 MB; a bigger file is refused before any of it is parsed.
MAX_FILE_BYTES = 5_000_000
_DATE = re.compile(r"(\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} [A-Za-z]{3,9} \d{4})")
_DATE_LINE = re.compile(r"^[\s*_()\[\]]*(?:(?:date|dated|written(?: on)?)\s*:?\s*)?" + _DATE.pattern
                        + r"[\s*_()\[\].]*$", re.IGNORECASE)


class MentorNeeded(InputError):
    """The file does not say who wrote it, and nobody said."""


@dataclass(frozen=True)
class MentorComment:
    """A comment read from the file and matched to a record of this journal (``kind``
    "general": text from outside the comment places, kept on request)."""

    kind: str  # "entry", "objective" or "general"
    uid: str
    text: str
    line: int
    record_id: int | None
    label: str  # what it is about, for people: "Tue 24 Nov 2026 - Title", "objective 4: ..."
    import_key: str
    written_on: date | None = None


@dataclass
class FeedbackImport:
    """What an import of mentor comments did (or, in a dry run, would do)."""

    path: Path
    source_name: str
    received_on: date
    added: list[MentorComment] = field(default_factory=list)
    replaced: list[MentorComment] = field(default_factory=list)
    skipped: list[MentorComment] = field(default_factory=list)
    #: Text that was not imported (unless ``keep_unplaced``: then it is in ``added`` as general feedback).
    unplaced: list[Unplaced] = field(default_factory=list)
    #: Comment places matched by position, their hidden line missing or damaged.
    notes: list[str] = field(default_factory=list)
    #: What each section reader returned, by section name.
    sections: dict[str, Any] = field(default_factory=dict)
    encoding: str = "UTF-8"
    dry_run: bool = False
    keep_unplaced: bool = False

    @property
    def record(self) -> Any:
        """What the review pack's record section gave (None without one)."""
        return self.sections.get("record")

    @property
    def complete(self) -> bool:
        """Whether every word of the file is in the journal (or already was)."""
        return not self.unplaced or self.keep_unplaced


def import_key(kind: str, uid: str, text: str, file_id: str = "") -> str:
    """The key a comment is recognised by: the file it came in, what it is about and a
    checksum of its text (line ends and spaces at the ends of lines do not count)."""
    canonical = "\n".join(line.rstrip() for line in text.split("\n")).strip()
    digest = hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return f"mentor-comment:{kind}:{uid}:{file_id + ':' if file_id else ''}{digest}"


def import_feedback(journal: "Journal", path: Path, *, framework: "Framework | None" = None,
                    mentor: str | None = None, dry_run: bool = False, keep_unplaced: bool = False,
                    section_options: dict | None = None, **options: Any) -> FeedbackImport:
    """Add the mentor comments in the export or review pack at ``path`` to the feedback log.

    ``mentor`` names who wrote them (default: the file's ``mentor:`` line, its sign-off, or
    the mentor of the review being prepared); :class:`MentorNeeded` if nobody is named.
    ``section_options`` (and any other keyword, e.g. ``actions_as="feedback"``) go to the
    readers of the file's sections (:mod:`reflect.importers.sections`).
    """
    name = str(path)
    lines, encoding = read_lines(path, max_bytes=MAX_FILE_BYTES)
    found, unplaced = read_file(journal, framework, lines, name)
    today = journal.today()
    file_id = _file_id(found.front_matter)
    comments, notes, not_matched = _matched(journal, found, name, file_id, today)
    context = section_types.SectionContext(journal, path, found.front_matter, framework, today, dry_run,
                                           options={**(section_options or {}), **options})
    read_sections, section_problems = _read_sections(found, context)
    unplaced = section_problems + unplaced
    source_name = _mentor(journal, found, read_sections, mentor)
    context.source_name = source_name
    result = FeedbackImport(path, source_name, today, encoding=encoding, dry_run=dry_run,
                            keep_unplaced=keep_unplaced, sections=dict(read_sections))
    result.notes = found.notes + notes
    result.unplaced = sorted(not_matched + unplaced, key=lambda u: u.line)
    if keep_unplaced:
        for piece in result.unplaced:
            comments.append(MentorComment("general", "", piece.text, piece.line, None,
                                          f"general feedback (line {piece.line})",
                                          import_key("general", file_id or "file", piece.text)))
    with journal.write():
        _store(journal, result, comments, file_id)
        for section_name, read in read_sections.items():
            kind = section_types.section_type(section_name)
            if kind is not None and kind.keep is not None and (kind.dry_run_aware or not dry_run):
                result.sections[section_name] = kind.keep(read, context)
    return result


def read_file(journal: "Journal", framework: "Framework | None", lines: list[str],
              name: str) -> tuple[Scan, list[Unplaced]]:
    """The file's comment places and sections, and the text written outside them."""
    front = front_matter_of(lines, name)
    kind = front.get("kind")
    if not isinstance(front.get("reflect_export"), int) or kind not in KINDS:
        raise InputError(f"{name} is not a reflect export or review pack (its front matter says kind "
                         f"{kind!r}); nothing was imported.")
    if framework is None:
        return scan(lines, name), []
    uids = entry_uids(lines)
    wrote = reflect_text(regenerate(journal, framework, front, uids), framework)
    found = scan(lines, name, wrote.headings)
    known = {uid for uid in found.entry_uids if journal.entries.has_uid(uid)}
    unplaced = find_unplaced(found, wrote, known)
    if unplaced:
        # The file may have been written with personal data replaced by labels (--redact):
        # compare once more with that, before calling anything the mentor's.
        redacted = reflect_text(regenerate(journal, framework, front, uids, redact=True))
        for keys, more in ((wrote.lines, redacted.lines), (wrote.shapes, redacted.shapes),
                           (wrote.facts, redacted.facts), (wrote.rows, redacted.rows), (wrote.cells, redacted.cells)):
            keys |= more
        unplaced = find_unplaced(found, wrote, known)
    return found, unplaced


def _read_sections(found: Scan, context) -> tuple[dict[str, Any], list[Unplaced]]:
    """What each section says (by name; nothing written yet), and the sections that could not
    be read, as text not imported."""
    results: dict[str, Any] = {}
    problems: list[Unplaced] = []
    for section in found.sections:
        text = "\n".join(section.lines).strip()
        kind = section_types.section_type(section.name)
        if kind is None:
            if text:
                problems.append(Unplaced(section.line + 1, text, f"in a {section.name} section this reflect "
                                                                   "cannot read"))
            continue
        try:
            results[section.name] = read = kind.read(section.lines, section.line + 1, context)
        except InputError as error:
            problems.append(Unplaced(section.line + 1, text, f"in the {section.name} section, which could not "
                                                             f"be read: {error}"))
            continue
        # A reader may hand back text it found outside the parts it reads: (line, text) pairs.
        left = getattr(read, "unplaced", None) or (read.get("unplaced") if isinstance(read, dict) else None) or ()
        problems += [Unplaced(line, piece, f"in the {section.name} section, outside the parts reflect reads")
                     for line, piece in left]
        # Or say what it could not read, as "line N: why" sentences.
        said = getattr(read, "problems", None) or (read.get("problems") if isinstance(read, dict) else None) or ()
        for sentence in said:
            match = re.match(r"line (\d+): (.*)", str(sentence), re.DOTALL)
            if match:
                problems.append(Unplaced(int(match.group(1)), match.group(2), f"in the {section.name} section, "
                                                                             "which reflect could not read there"))
    return results, problems


def _mentor(journal: "Journal", found: Scan, sections: dict, given: str | None) -> str:
    """Who wrote the comments: as given, else the file's ``mentor:`` line, its sign-off, or
    the mentor named on the review being prepared."""
    candidates = [given, found.front_matter.get("mentor")]
    for result in sections.values():
        candidates.append(getattr(result, "mentor", None) or (result.get("mentor") if isinstance(result, dict)
                                                                 else None))
    signed = [line for _n, line, _end, _uid in found.outside]
    signed += [line for place in found.places for line in place.text.split("\n")]
    candidates += [match.group(1).strip("*_ ") for line in signed if (match := SIGN_OFF.match(line))]
    draft = journal.reviews.draft()
    candidates.append(draft.mentor_name if draft else None)
    name = next((str(c).strip() for c in candidates if c is not None and str(c).strip()), "")
    if not name:
        raise MentorNeeded("The file does not say who wrote the comments: give the mentor's name with "
                           "--mentor NAME. Nothing was imported.")
    if len(name) > _NAME_LIMIT:
        raise InputError(f"The mentor's name is too long ({len(name)} characters; at most {_NAME_LIMIT}).")
    return name


def _file_id(front_matter: dict) -> str:
    """Which export a comment came in: the same file re-sent has the same id."""
    stamp = f"{front_matter.get('kind')}|{front_matter.get('generated')}|{front_matter.get('period')}"
    return hashlib.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def _matched(journal: "Journal", found: Scan, name: str, file_id: str,
             today: date) -> tuple[list[MentorComment], list[str], list[Unplaced]]:
    """The file's comments matched to this journal's records; notes on places matched by
    position; comments that could not be matched."""
    entries = _known(journal, "SELECT uid, id, day, title, deleted_at FROM entries",
                     [str(p.target[1]) for p in found.places if p.target and p.target[0] == "entry"]
                     + found.entry_uids)
    objectives = _known(journal, "SELECT uid, id, specific FROM objectives",
                        [str(p.target[1]) for p in found.places if p.target and p.target[0] == "objective"])
    asked = [p for p in found.places if p.target and p.target[0] in ("entry", "objective")]
    if (found.entry_uids or asked) and not (entries or objectives):
        raise InputError(f"{name} does not match this journal: none of its reflections or objectives are in it "
                         "(was it exported from another journal?). Nothing was imported.")
    merged: dict[tuple, MentorComment] = {}
    notes, missing = [], []
    for place in found.places:
        if not place.text:
            continue
        record = _record(journal, place, entries, objectives)
        if isinstance(record, str):
            missing.append(Unplaced(place.text_line, place.text, record))
            continue
        kind, uid, record_id, label = record
        if place.how == "position":
            notes.append(f"line {place.line}: the hidden line of the comment place for {label} is {place.problem}; "
                         "the comment was matched by its position.")
        if len(place.text) > MAX_TEXT:
            missing.append(Unplaced(place.text_line, place.text, f"too long for one comment ({len(place.text):,} "
                                                                 f"characters; at most {MAX_TEXT:,})"))
            continue
        earlier = merged.get((kind, uid))
        text = f"{earlier.text}\n\n{place.text}" if earlier else place.text
        merged[(kind, uid)] = MentorComment(kind, uid, text, earlier.line if earlier else place.text_line, record_id,
                                            label, import_key(kind, uid, text, file_id), written_on(text, today))
    return list(merged.values()), notes, missing


def _record(journal: "Journal", place: Place, entries: dict, objectives: dict) -> tuple | str:
    """``(kind, uid, id, label)`` of what the place is about, or why it cannot be told."""
    about = place.about or "a comment place"
    if place.target is None:
        return (f"in a comment place whose hidden line is {place.problem or 'missing'}, and the reflection or "
                "objective it is about cannot be told from where it is")
    kind, key = place.target
    if kind == "objective-id":
        row = journal.conn.execute("SELECT uid, id, specific FROM objectives WHERE id = ?", [key]).fetchone()
        if row is None:
            return f"on {about}, which is not in this journal"
        return "objective", row[0], row[1], f"objective {row[1]}: {row[2]}"
    if kind == "entry":
        row = entries.get(str(key))
        if row is None:
            return f"on {about}, which is not in this journal (deleted for good, or from another journal)"
        if row[4] is not None:
            return (f"on reflection {row[1]}, which is in the trash (bring it back with `reflect restore {row[1]}` "
                    "and import the file again)")
        return "entry", row[0], row[1], f"{format_long(date.fromisoformat(row[2]))} \u2014 {row[3]}"
    row = objectives.get(str(key))
    if row is None:
        return f"on {about}, which is not in this journal (deleted, or from another journal)"
    return "objective", row[0], row[1], f"objective {row[1]}: {row[2]}"


def written_on(text: str, today: date) -> date | None:
    """The day a comment says it was written (a date alone on its first or last line), if
    that is a real day not after ``today``."""
    lines = [line for line in text.split("\n") if line.strip()]
    for line in (lines[:1] + lines[-1:]) if lines else []:
        match = _DATE_LINE.match(line) or re.search(r"[,\u2014\u2013-]\s*" + _DATE.pattern + r"[\s*_.)]*$", line)
        if match:
            day = _parse(match.group(1))
            if day is not None and day <= today:
                return day
    return None


def _parse(text: str) -> date | None:
    from datetime import datetime

    for form in ("%d/%m/%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y"):
        try:
            return datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _store(journal: "Journal", result: FeedbackImport, comments: list[MentorComment], file_id: str) -> None:
    """Add, replace or skip each comment (call it inside a transaction)."""
    store = journal.feedback  # (inside the caller's transaction)
    for comment in comments:
        old_key = import_key(comment.kind, comment.uid, comment.text)
        if store.get_by_import_key(comment.import_key) or store.get_by_import_key(old_key):
            result.skipped.append(comment)
            continue
        day = comment.written_on or result.received_on
        earlier = [] if comment.kind == "general" else store.by_import_prefix(
            f"mentor-comment:{comment.kind}:{comment.uid}:{file_id}:", result.source_name)
        if earlier:
            result.replaced.append(comment)
            if not result.dry_run:
                store.replace_imported(earlier[0].id, said=comment.text, import_key=comment.import_key,
                                       received_on=day)
            continue
        result.added.append(comment)
        if not result.dry_run:
            store.add(received_on=day, source_kind="mentor", source_name=result.source_name,
                      said=comment.text, entry_id=comment.record_id if comment.kind == "entry" else None,
                      objective_id=comment.record_id if comment.kind == "objective" else None,
                      import_key=comment.import_key)


def _known(journal: "Journal", select: str, uids: list[str]) -> dict[str, tuple]:
    """Rows of ``select`` (uid first) for those of ``uids`` the journal has."""
    found: dict[str, tuple] = {}
    unique = list(dict.fromkeys(uids))
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        rows = journal.conn.execute(f"{select} WHERE uid IN ({', '.join('?' * len(chunk))})", chunk)
        found.update((row[0], row) for row in rows)
    return found
