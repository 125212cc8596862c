"""Finding text a mentor wrote outside the comment places, by comparing the file with what
reflect wrote.

What reflect wrote is made again from the journal: the file's period exported (or its
review pack built) once more, and each of its reflections rendered as an export renders it.
Every line outside a comment place that reflect did not write is the mentor's: added under
a reflection's text, in the summary, after the end marker, or a changed word in the
apprentice's own text. Lines are compared without spaces, backslash escapes or the choice
of ``*``/``_`` for emphasis, so an editor that re-spaced a table or restyled emphasis adds
nothing; numbers do not count either (reflect's counts change with the journal); a fact line (``- **Period:** ...``) or a table row counts as reflect's when
reflect wrote one with the same label or first cell, as those change with the journal.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone
from typing import TYPE_CHECKING, Any

from reflect.importers.comment_places import Scan, heading_key, is_hint

if TYPE_CHECKING:
    from reflect.framework.standards import Framework
    from reflect.journal import Journal

#: A mentor's sign-off line ("Signed: Alex Smith", "Mentor's name: ..."): read for the name, not unplaced text.
SIGN_OFF = re.compile(r"^\s*(?:[-*+]\s*)?(?:\*\*|__)?(?:signed(?: by)?|mentor(?:'s)? (?:name|signature|sign-off))"
                      r"\s*:?(?:\*\*|__)?\s*:?\s*(.+?)\s*$", re.IGNORECASE)
_FACT = re.compile(r"^\s*[-*+]\s+\*\*([^*]+?):?\*\*")
_ROW = re.compile(r"^\s*\|([^|]*)\|")
#: reflect's line for an attached file in a reflection's details: ``- [name](NAME_files/...) (size,
#: type)``, a picture shown first as ``![name](...)``. Its link depends on the file's name (a
#: mentor may rename it), so it counts as reflect's by the attachment it names.
_ATTACHED = re.compile(r"^\s*[-*+]\s+(?:!\[(?:[^\]\\]|\\.)*\]\([^)\s]*\)\s+)?\[((?:[^\]\\]|\\.)+)\]\([^)\s]*\)\s+\([^)]*\)\s*$")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})


@dataclass(frozen=True)
class Unplaced:
    """Text written outside any comment place: its first line and what it says."""

    line: int
    text: str
    why: str = "outside any comment place"


@dataclass
class ReflectText:
    """What reflect wrote, as keys to compare lines by."""

    lines: set[str]
    shapes: set[str]
    facts: set[str]
    rows: set[str]
    headings: set[str]
    #: Shapes of every table cell reflect wrote, and of the framework's names and texts: a
    #: row made of nothing else is reflect's, even one the journal no longer gives.
    cells: set[str] = field(default_factory=set)
    #: Keys of the attached files' names reflect listed (see :data:`_ATTACHED`).
    attached: set[str] = field(default_factory=set)

    def wrote(self, line: str) -> bool:
        k = key(line)
        if k in self.lines or _NUMBERS.sub("#", k) in self.shapes:
            return True
        attached = _ATTACHED.match(line)
        if attached:
            return key(attached.group(1)) in self.attached
        fact = _FACT.match(line.translate(_QUOTES))
        if fact:
            return key(fact.group(1)) in self.facts
        row = _ROW.match(line)
        if not row:
            return False
        if key(row.group(1)) in self.rows:
            return True
        cells = [_NUMBERS.sub("#", key(cell)) for cell in line.strip().strip("|").split("|")]
        return all(not cell or cell in self.cells for cell in cells)


_CURLY = re.compile("[\u2018\u2019\u201c\u201d\u00a0]")
_SPACES_AND_ESCAPES = re.compile(r"[\s\\]+")
_NUMBERS = re.compile(r"\d+")


def key(line: str) -> str:
    """A line as compared: no spaces, escapes or emphasis style."""
    if _CURLY.search(line):
        line = line.translate(_QUOTES)
    return _SPACES_AND_ESCAPES.sub("", line).replace("_", "*")


def shape(line: str) -> str:
    """A line's key with its numbers blanked: reflect's sentences with counts in them
    ("3 of 5 criteria evidenced") change as the journal does."""
    return _NUMBERS.sub("#", key(line))


def reflect_text(texts: list[str], framework: "Framework | None" = None) -> ReflectText:
    """The keys of every line of ``texts`` (documents reflect wrote); with ``framework``, its
    criteria (ids, short labels, texts), units and meta-skills count as table cells too."""
    found = ReflectText(set(), set(), set(), set(), set())
    if framework is not None:
        names = [name for c in framework.all_criteria() for name in (c.id, c.id.rsplit(".", 1)[-1], c.text)]
        names += [name for u in framework.units for name in (u.code, u.title)]
        names += [s.name for s in framework.meta_skills]
        found.cells.update(_NUMBERS.sub("#", key(name)) for name in names)
    for line in {line for text in texts for line in text.split("\n")}:  # a line once, however often written
        k = key(line)
        found.lines.add(k)
        found.shapes.add(_NUMBERS.sub("#", k))
        if fact := _FACT.match(line):
            found.facts.add(key(fact.group(1)))
        elif row := _ROW.match(line):
            found.rows.add(key(row.group(1)))
            found.cells.update(_NUMBERS.sub("#", key(cell)) for cell in line.strip().strip("|").split("|"))
        if line.lstrip().startswith("#"):
            found.headings.add(heading_key(line))
        if attached := _ATTACHED.match(line):
            found.attached.add(key(attached.group(1)))
    return found


def regenerate(journal: "Journal", framework: "Framework", front_matter: dict, uids: list[str], *,
               redact: bool = False) -> list[str]:
    """The documents reflect would write for the file now: the same kind over the same
    period, and each of the file's reflections still in the journal. ``redact``: as written
    with personal data replaced by labels (``--redact``)."""
    from reflect.export.entry_block import EntryRenderer

    texts = []
    period = front_matter.get("period") or {}
    start, end = _day(period.get("from")), _day(period.get("to"))
    included = bool((front_matter.get("counts") or {}).get("private_included"))
    for include_private in dict.fromkeys((included, not included)):
        text = _document(journal, framework, front_matter.get("kind"), start, end, include_private,
                         _completed_review(journal, front_matter), redact)
        if text is not None:
            texts.append(text)
        if front_matter.get("kind") != "review-pack":
            break  # an export's header is all that differs, and its reflections are rendered below
    # What reflect writes where there is nothing to show ("*No feedback logged in this
    # period.*"): the file may have been made before the journal had anything there.
    empty = _empty_document(framework, front_matter.get("kind"), start, end, journal.today())
    if empty is not None:
        texts.append(empty)
    # Every attached file an export may list (the links in the file name its own folder).
    from reflect.entries.models import EntryFilter
    from reflect.export.attachments import all_files, export_files, markdown_lines

    texts.append("\n".join(markdown_lines(all_files(export_files(journal, EntryFilter(), "files")))))
    # The file's reflections the documents above do not hold (moved out of the period since).
    render = EntryRenderer(framework).render
    for uid in _outside_period(journal, uids, start, end):
        entry = journal.entries.get_by_uid(uid)
        if entry is not None:
            texts.append(render(entry))
    return texts


def _outside_period(journal: "Journal", uids: list[str], start: date | None, end: date | None) -> list[str]:
    """Those of ``uids`` whose reflection is dated outside ``start``..``end`` (or private)."""
    found = []
    unique = list(dict.fromkeys(uids))
    low, high = (start or date.min).isoformat(), (end or date.max).isoformat()
    for i in range(0, len(unique), 500):
        chunk = unique[i:i + 500]
        found += [row[0] for row in journal.conn.execute(
            f"SELECT uid FROM entries WHERE uid IN ({', '.join('?' * len(chunk))})"
            " AND (day < ? OR day > ? OR private = 1 OR deleted_at IS NOT NULL)", [*chunk, low, high])]
    return found


def find_unplaced(scan: Scan, wrote: ReflectText, known_uids: set[str]) -> list[Unplaced]:
    """Runs of lines outside comment places that reflect did not write (a run may hold one
    blank line). Lines inside a reflection this journal lacks are not judged."""
    runs: list[tuple[int, list[str], str]] = []
    last = -10
    for number, line, after_end, uid in scan.outside:
        stripped = line.strip()
        if stripped.startswith("<!--"):
            continue
        if not stripped or is_hint(line) or SIGN_OFF.match(line):
            continue
        if uid is not None and uid not in known_uids:
            continue  # reflect cannot say what it wrote there
        if after_end or not wrote.wrote(line):
            why = "after the end of the file" if after_end else "outside any comment place"
            if runs and number - last <= 2 and runs[-1][2] == why:
                runs[-1][1].extend([""] * (number - last - 1) + [line])
            else:
                runs.append((number, [line], why))
            last = number
    return [Unplaced(first, "\n".join(text).strip(), why) for first, text, why in runs]


_EMPTY: dict[tuple, str | None] = {}


def _empty_document(framework: "Framework", kind, start: date | None, end: date | None, today: date) -> str | None:
    """The file of ``kind`` an empty journal would have for the period (remembered: the same
    few periods are asked for again and again)."""
    from reflect.journal import open_journal
    from reflect.system import temporary_folder

    found = (framework.id, str(framework.path), kind, start, end, today)
    if found not in _EMPTY:
        if len(_EMPTY) > 16:
            _EMPTY.clear()
        moment = datetime.combine(today, time(12), tzinfo=timezone.utc)
        with temporary_folder() as folder, open_journal(folder / "empty.db", clock=lambda: moment) as empty:
            _EMPTY[found] = _document(empty, framework, kind, start, end, False)
    return _EMPTY[found]


def _completed_review(journal: "Journal", front_matter: dict) -> int | None:
    """The completed review a pack's front matter names (``review: <uid>``), if any."""
    uid = front_matter.get("review")
    review = journal.reviews.get_by_uid(str(uid)) if isinstance(uid, str) and uid else None
    return review.id if review is not None and getattr(review, "agreed_on", None) else None


def _document(journal: "Journal", framework: "Framework", kind, start: date | None, end: date | None,
              include_private: bool, review_id: int | None = None, redact: bool = False) -> str | None:
    """The file of ``kind`` reflect writes now for the period (or, for a pack of a completed
    review, that review's pack); None if it cannot."""
    from reflect.entries.models import EntryFilter
    from reflect.errors import ReflectError

    out = io.StringIO()
    try:
        if kind == "review-pack":
            from reflect.export.pack import export_review_pack

            from inspect import signature

            options: dict[str, Any] = {"start": start, "end": end}
            if review_id is not None and "review_id" in signature(export_review_pack).parameters:
                options = {"review_id": review_id}  # the pack of a completed review, as it was agreed
            export_review_pack(journal, framework, out, include_private=include_private, redact=redact, **options)
        else:
            from reflect.export.markdown import export_markdown

            export_markdown(journal, framework, out, EntryFilter(date_from=start, date_to=end),
                            include_private=include_private, redact=redact)
    except ReflectError:
        return None
    return out.getvalue()


def _day(value) -> date | None:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None
