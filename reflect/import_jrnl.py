"""Reading a jrnl journal (jrnl.sh): its plain-text file or its ``jrnl --export json`` output.

jrnl writes each entry as ``[YYYY-MM-DD HH:MM] Title`` (`` *`` after the title when starred),
the body on the following lines, and a blank line between entries; tags are words starting
with ``@`` (or ``#``). Its JSON export is ``{"tags": {...}, "entries": [{"title", "body",
"date": "YYYY-MM-DD", "time": "HH:MM", "tags": [...], "starred"}, ...]}``.

Dates are read year first only: a bracketed date in any other order is treated as text,
never guessed. Tags that name a meta-skill (case, ``-`` and ``_`` do not matter) tag the
entry with it; every tag also stays in the text as written. Each entry gets a stable id made
from its date, title and text, so importing the same journal again adds nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from reflect.errors import InputError, ReflectError
from reflect.files import require_regular_file
from reflect.importing import ImportResult, NewEntry, add_entries

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.standards import Framework

# jrnl's own rules: an entry starts at "[date] " at the start of a line; a tag is a tag
# symbol after whitespace followed by word characters and a few others.
_ENTRY_START = re.compile(r"(?:^|\n)\[([^\]\n]+)\] ")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?)?")
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


def read_jrnl(text: str, name: str = "the file") -> list[JrnlEntry]:
    """The entries of a jrnl plain-text journal or JSON export (told apart by content)."""
    text = text.removeprefix("\ufeff")
    entries = _from_json(text, name) if text.lstrip().startswith("{") else _from_text(text)
    if not entries:
        raise InputError(f"No jrnl entries found in {name} (each starts with a line like "
                         "[2026-11-24 09:30] Title); nothing was imported.")
    return entries


def _from_text(text: str) -> list[JrnlEntry]:
    text = text.replace("\r\n", "\n")
    starts = [(m, when) for m in _ENTRY_START.finditer(text) if (when := _when(m.group(1)))]
    entries = []
    for i, (match, when) in enumerate(starts):
        end = starts[i + 1][0].start() if i + 1 < len(starts) else len(text)
        raw = text[match.end():end]
        first, _, rest = raw.partition("\n")
        starred = first.strip().endswith("*")
        if starred:
            raw = first.strip().rstrip("*").rstrip() + "\n" + rest
        title, body = _split_title(raw)
        line = text.count("\n", 0, match.start()) + (1 if match.group(0).startswith("\n") else 0) + 1
        entries.append(JrnlEntry(when, title, body, starred, tuple(_tags(raw)), line))
    return entries


def _from_json(text: str, name: str) -> list[JrnlEntry]:
    try:
        data = json.loads(text)
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


def _when(blob: str) -> datetime | None:
    match = _DATE.fullmatch(blob.strip())
    if not match:
        return None
    year, month, day, hour, minute, second, half = match.groups()
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


def to_new_entries(entries: list[JrnlEntry], framework: "Framework") -> Iterator[NewEntry]:
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


def import_jrnl(journal: "Journal", framework: "Framework", path: Path, *,
                dry_run: bool = False) -> tuple[ImportResult, list[str]]:
    """Add the entries of a jrnl file the journal lacks; return the result and notes for people."""
    name = str(path)
    require_regular_file(path, "a jrnl journal")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReflectError(f"No such file: {name}") from None
    except IsADirectoryError:
        raise ReflectError(f"{name} is a folder, not a jrnl journal (jrnl folder journals are not supported)") from None
    except UnicodeDecodeError:
        raise ReflectError(f"{name} is not UTF-8 text (an encrypted jrnl journal must be decrypted first)") from None
    except OSError as error:
        raise ReflectError(f"Cannot read {name}: {error.strerror or error}") from None
    entries = read_jrnl(text, name)
    new = list(to_new_entries(entries, framework))
    result = add_entries(journal, new, source=name, dry_run=dry_run)
    notes = []
    tagged = sum(1 for e in new if e.skills)
    if tagged:
        notes.append(f"{tagged} {'entry has' if tagged == 1 else 'entries have'} meta-skills from their @tags.")
    starred = sum(1 for e in entries if e.starred)
    if starred:
        notes.append(f"Note: reflect has no stars; {starred} starred jrnl "
                     f"{'entry was' if starred == 1 else 'entries were'} imported as ordinary entries.")
    return result, notes
