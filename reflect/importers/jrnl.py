"""Reading a jrnl journal (jrnl.sh): its plain-text file or its ``jrnl --export json`` output.

jrnl writes each entry as ``[YYYY-MM-DD HH:MM] Title`` (`` *`` after the title when starred),
the body on the following lines, and a blank line between entries; tags are words starting
with ``@`` (or ``#``). Its JSON export is ``{"tags": {...}, "entries": [{"title", "body",
"date": "YYYY-MM-DD", "time": "HH:MM", "tags": [...], "starred"}, ...]}``.

Dates are read with the person's jrnl ``timeformat`` (from jrnl's configuration, see
:mod:`reflect.importers.jrnl_config`, or ``--timeformat``), else year first, including the
partial dates jrnl itself accepts (``[2019-07 14:23]`` is 1 July 2019; ``[2019]`` 1 January).
A line that starts like a dated header but whose date cannot be read stops the import, named
by its line number and text: it is never folded into the entry before it, and no order of
day and month is ever guessed. Tags that name a meta-skill (case, ``-`` and ``_`` do not matter) tag the
entry with it; every tag also stays in the text as written. Each entry gets a stable id made
from its date, title and text, so importing the same journal again adds nothing twice.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from reflect import json_input
from reflect.errors import InputError
from reflect.files import reading, require_regular_file
from reflect.importers.common import ImportResult, NewEntry, add_entries
from reflect.importers.jrnl_config import DEFAULT_TIMEFORMAT, TimeFormat, timeformat_for

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework

# jrnl's own rules: an entry starts at "[date] " at the start of a line; a tag is a tag
# symbol after whitespace followed by word characters and a few others.
_ENTRY_START = re.compile(r"\[([^\]\n]+)\] ")  # at the start of a line
_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?)?")
# What a date in a header looks like, whatever its order: a header like this that cannot be
# read is named, not taken as text. ("[1] a footnote" or "[x] done" stay text.)
_DATE_LIKE = re.compile(r"\d{4}|\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}")
_TAG = re.compile(r"(?<!\S)[@#]([-+*#/\w]+)")
# jrnl's title is the first line, or if there is only one, the first sentence.
_SENTENCE_END = re.compile(r"[.!?\u2026][\'\u2019\"\u201d]?[\])]*\s+")
UNTITLED = "(untitled jrnl entry)"


@dataclass(frozen=True)
class JrnlEntry:
    """One jrnl entry, as jrnl itself reads it."""

    when: datetime
    title: str
    body: str
    starred: bool
    tags: tuple[str, ...]
    line: int


def read_jrnl(text: str, name: str = "the file", timeformat: str = DEFAULT_TIMEFORMAT) -> list[JrnlEntry]:
    """The entries of a jrnl plain-text journal or JSON export (told apart by content)."""
    text = text.removeprefix("\ufeff")
    if text.lstrip().startswith("{"):
        entries = _from_json(text, name)
    else:
        entries = list(iter_jrnl_text(io.StringIO(text, newline="\n"), timeformat, name))
    if not entries:
        raise _nothing_found(name)
    return entries


def _nothing_found(name: str) -> InputError:
    return InputError(f"No jrnl entries found in {name} (each starts with a line like "
                      "[2026-11-24 09:30] Title); nothing was imported.")


def iter_jrnl_text(lines: Iterable[str], timeformat: str = DEFAULT_TIMEFORMAT,
                   name: str = "the file") -> Iterator[JrnlEntry]:
    """The entries of a jrnl plain-text journal, read from its lines as they come, so a
    journal of any size is read in little memory. Lines are split at ``"\\n"`` only and end
    with it (the last may not), as a file opened with ``newline="\\n"`` gives them.

    :class:`InputError` names the first header whose date cannot be read."""
    start: tuple[datetime, int, list[str]] | None = None  # when, line number, text after the date
    for number, line in enumerate(lines, start=1):
        if line.endswith("\n"):
            line = line[:-1].removesuffix("\r")  # jrnl on Windows writes "\r\n"
        match = _ENTRY_START.match(line)
        when = _when(match.group(1), timeformat) if match else None
        if match and when is None and _DATE_LIKE.search(match.group(1)):
            raise _unreadable(name, number, line, timeformat)
        if when and match:
            if start:
                yield _entry(*start)
            start = (when, number, [line[match.end():]])
        elif start:
            start[2].append(line)
    if start:
        yield _entry(*start)


def _entry(when: datetime, line: int, lines: list[str]) -> JrnlEntry:
    first, rest = lines[0], "\n".join(lines[1:])
    starred = first.strip().endswith("*")
    if starred:
        first = first.strip().rstrip("*").rstrip()
    raw = f"{first}\n{rest}"
    title, body = _split_title(raw)
    return JrnlEntry(when, title, body, starred, tuple(_tags(raw)), line)


def _from_json(text: str, name: str) -> list[JrnlEntry]:
    try:
        data = json_input.loads(text)
        items = data["entries"]
        entries = []
        for number, item in enumerate(items, start=1):
            when = _when(f"{item['date']} {item.get('time') or '00:00'}")
            if when is None:
                raise ValueError(f"entry {number} has the date {item['date']!r}")
            title, body = str(item.get("title") or ""), str(item.get("body") or "")
            tags = {t.lstrip("@#") for t in item.get("tags") or []} | set(_tags(f"{title}\n{body}"))
            entries.append(JrnlEntry(when, title.strip(), body.strip(), bool(item.get("starred")),
                                     tuple(sorted(tags)), number))
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise InputError(f"{name} is not a jrnl JSON export ({error}); nothing was imported.") from None
    return entries


def _unreadable(name: str, number: int, line: str, timeformat: str) -> InputError:
    shown = line if len(line) <= 80 else line[:79] + "\u2026"
    return InputError(f"{name}, line {number}: cannot read the date in {shown!r} (reading dates as "
                      f"{timeformat!r}; if your jrnl writes them another way, give its timeformat with "
                      "--timeformat, e.g. --timeformat '%d/%m/%Y %H:%M'); nothing was imported.")


def _when(blob: str, timeformat: str = DEFAULT_TIMEFORMAT) -> datetime | None:
    """The date of a header: in ``timeformat`` (as jrnl writes it), else year first (as
    jrnl reads a date it did not write, partial ones included); None if neither fits."""
    blob = blob.strip()
    if timeformat != DEFAULT_TIMEFORMAT:
        try:
            return datetime.strptime(blob, timeformat)
        except ValueError:
            pass
    match = _DATE.fullmatch(blob)
    if not match:
        return None
    year, month, day, hour, minute, second, half = match.groups()
    month, day = month or 1, day or 1  # jrnl: "2019-07" is the first of July, "2019" New Year's Day
    hour = int(hour or 0)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "pm" else 0)
    try:
        return datetime(int(year), int(month), int(day), hour, int(minute or 0), int(second or 0))
    except ValueError:
        return None


def _split_title(raw: str) -> tuple[str, str]:
    stripped = raw.strip()
    if "\n" in stripped:
        title, _, body = stripped.partition("\n")
        return title.strip(), body.strip()
    sentence = _SENTENCE_END.search(stripped)
    if sentence:
        return stripped[:sentence.end()].strip(), stripped[sentence.end():].strip()
    return stripped, ""


def _tags(text: str) -> Iterator[str]:
    return (m.group(1).lower() for m in _TAG.finditer(text))


def _key(text: str) -> str:
    return re.sub(r"[-_\s]", "", text.lower())


def skill_for_tags(framework: "Framework") -> dict[str, str]:
    """Tag text (without its symbol, normalised) to meta-skill id, from ids and names."""
    table = {}
    for skill in framework.meta_skills:
        table[_key(skill.id)] = skill.id
        table[_key(skill.name)] = skill.id
    return table


def to_new_entries(entries: Iterable[JrnlEntry], framework: "Framework") -> Iterator[NewEntry]:
    """jrnl entries as reflect entries: date, title, text as written, meta-skills from tags."""
    skills = skill_for_tags(framework)
    for e in entries:
        tagged = tuple(dict.fromkeys(skills[k] for t in e.tags if (k := _key(t)) in skills))
        title = e.title or (e.body.strip().splitlines() or [UNTITLED])[0][:70]
        stamp = f"{e.when:%Y-%m-%d %H:%M:%S}\n{e.title}\n{e.body}"
        yield NewEntry(
            uid="jrnl-" + hashlib.sha256(stamp.encode("utf-8", "surrogatepass")).hexdigest()[:24],
            day=e.when.date(), title=title, body=e.body, skills=tagged,
            # jrnl times are local; reflect stores when an entry was written in UTC.
            created_at=e.when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            line=e.line,
        )


def import_jrnl(journal: "Journal", framework: "Framework", path: Path, *, dry_run: bool = False,
                progress: Callable[[int], None] | None = None,
                timeformat: str | None = None) -> tuple[ImportResult, list[str]]:
    """Add the entries of a jrnl file the journal lacks; return the result and notes for people.

    Dates are read in ``timeformat`` if given, else in the one jrnl's configuration gives
    this journal. A plain-text journal is read as it is imported, so its size does not
    matter; ``progress(entries read)`` is called every 1000 entries.
    """
    name = str(path)
    require_regular_file(path, "a jrnl journal")
    chosen = check_timeformat(timeformat) if timeformat else timeformat_for(path)
    seen = _Seen()
    new = seen.count(to_new_entries(seen.count_stars(_read_file(path, name, chosen.format, seen)), framework))
    result = add_entries(journal, new, source=name, dry_run=dry_run, progress=progress)
    notes = seen.notes()
    if chosen.format != DEFAULT_TIMEFORMAT and not seen.from_json:
        notes.insert(0, f"Dates read as {chosen.format!r} (the timeformat from {chosen.source}).")
    return result, notes


def check_timeformat(text: str) -> TimeFormat:
    """A ``--timeformat`` checked to name a day, a month and a year (strftime codes)."""
    if not text.strip() or len(text) > 100:
        raise InputError("Give --timeformat as jrnl's timeformat, e.g. '%d/%m/%Y %H:%M'.")
    sample = datetime(2026, 11, 24, 9, 30)
    try:
        read_back = datetime.strptime(sample.strftime(text), text)
    except ValueError:
        read_back = None
    if read_back is None or read_back.date() != sample.date():
        raise InputError(f"--timeformat {text!r} does not give a whole date (it needs a day, a month and a "
                         "year, such as '%d/%m/%Y %H:%M').")
    return TimeFormat(text, "--timeformat")


def _read_file(path: Path, name: str, timeformat: str = DEFAULT_TIMEFORMAT,
               seen: "_Seen | None" = None) -> Iterator[JrnlEntry]:
    """The entries of the file at ``path``: text read line by line, JSON all at once."""
    found = False
    with reading(name, "a jrnl journal (jrnl folder journals are not supported)",
                 " (an encrypted jrnl journal must be decrypted first)"):
        # utf-8-sig: a byte order mark, which some editors add, is not part of the text.
        with path.open(encoding="utf-8-sig", newline="\n") as file:
            head = []
            # At most what the JSON reader accepts per read: one huge line cannot fill the memory.
            for line in iter(lambda: file.readline(json_input.MAX_CHARS + 1), ""):
                head.append(line)
                if line.strip():
                    break
            if "".join(head).lstrip().startswith("{"):
                if seen is not None:
                    seen.from_json = True
                # Read no more than the JSON reader accepts: a huge file is refused, not loaded.
                entries: Iterable[JrnlEntry] = _from_json("".join(head) + file.read(json_input.MAX_CHARS + 1), name)
            else:
                entries = iter_jrnl_text(itertools.chain(head, file), timeformat, name)
            for entry in entries:
                found = True
                yield entry
    if not found:
        raise _nothing_found(name)


class _Seen:
    """Counts what the notes after an import tell, as the entries stream past."""

    def __init__(self) -> None:
        self.tagged = self.starred = 0
        self.from_json = False

    def count_stars(self, entries: Iterable[JrnlEntry]) -> Iterator[JrnlEntry]:
        for entry in entries:
            self.starred += entry.starred
            yield entry

    def count(self, entries: Iterable[NewEntry]) -> Iterator[NewEntry]:
        for entry in entries:
            self.tagged += bool(entry.skills)
            yield entry

    def notes(self) -> list[str]:
        notes = []
        if self.tagged:
            notes.append(f"{self.tagged} {'entry has' if self.tagged == 1 else 'entries have'} "
                         "meta-skills from their @tags.")
        if self.starred:
            notes.append(f"Note: reflect has no stars; {self.starred} starred jrnl "
                         f"{'entry was' if self.starred == 1 else 'entries were'} imported as ordinary entries.")
        return notes
