"""Reading the record of a review meeting back from a filled-in review pack.

The record is the part of a pack between ``<!-- reflect:record ... -->`` and
``<!-- reflect:record-end -->`` (written by :mod:`reflect.export.pack_record`), with a hidden
line before each field. People fill it in with whatever editor they have, so the reader is
forgiving: Windows line ends, a byte-order mark, extra blank lines, re-styled bullets (``*``,
``+``, ``1.``, ``•``, checkboxes), headings moved or renamed, labels in another case, dates
typed the UK way in any of the forms reflect accepts (7/12/2026, 7 Dec 2026, 7.12.26), and
``name:``/``role:``/``date:`` parts separated by ``;``, ``,`` or ``|``. What cannot be read is
never dropped silently: it is listed in :attr:`ReviewRecordText.problems` with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from reflect.errors import InputError
from reflect.export.pack_record import SIGNERS
from reflect.review.meeting_record import SignOff
from reflect.review.models import RATING_SCALE

_START = re.compile(r"^\s*<!--\s*reflect:record(?:\s+review=(?P<uid>[0-9A-Za-z_-]+))?\s*-->\s*$")
_END = re.compile(r"^\s*<!--\s*reflect:record-end\s*-->\s*$")
_FIELD = re.compile(r"^\s*<!--\s*reflect:record-field\s+(?P<name>[a-z-]+)\s*-->\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u2013]|\d{1,3}[.)])(?:\s+|$)(?:\[[ xX]?\]\s*)?")
_PARTS = re.compile(r"\b(name|role|date)\s*[:=]\s*(.*?)(?=\s*[;,|]?\s*\b(?:name|role|date)\s*[:=]|$)", re.I)
_MENTOR = re.compile(r"\bmentor(?:'s|\u2019s)?(?:\s+rating)?\s*[:=\-\u2013]?\s*(?P<value>.*)$", re.I)
_DATE_LABEL = re.compile(r"^\s*(?:next\s+review(?:\s+date)?|date|on)\s*[:=\-\u2013]?\s*", re.I)
_EMPHASIS = re.compile(r"^[*_]+|[*_]+$")
_WORDS = {word.lower(): n for n, (word, _) in RATING_SCALE.items()}
#: What people write to say there is no action (never made into a draft objective).
_NOTHING = re.compile(r"(?:none|n/?a|nil|nothing|no actions?(?: agreed)?|tbc|-+)[.!]?", re.I)


@dataclass(frozen=True)
class ReviewRecordText:
    """What a record section says. ``review_uid``: the review it was written for (None when
    the pack was made with no review to name); ``problems``: what could not be read, each
    with its line number in the file."""

    review_uid: str | None
    comments: str = ""
    actions: tuple[str, ...] = ()
    next_review: date | None = None
    ratings: dict[str, int] = field(default_factory=dict)
    sign_off: tuple[SignOff, ...] = ()
    problems: tuple[str, ...] = ()
    line: int = 1

    @property
    def mentor(self) -> str:
        """The name on the mentor's (or employer's) sign-off line, "" if none."""
        return next((s.name for s in self.sign_off if s.who == SIGNERS[1] and s.name), "")

    @property
    def empty(self) -> bool:
        """Nothing was written in it (the names reflect filled in do not count)."""
        signed = any(s.role or s.signed_on for s in self.sign_off)
        return not (self.comments or self.actions or self.next_review or self.ratings or signed or self.problems)


def find_record(text: str) -> tuple[int, str] | None:
    """``(first line number, section text)`` of the record in a whole file's ``text``, from
    its start marker to its end marker (or the end of the file, if the end marker was
    lost), or None if the file has no record."""
    lines = _lines(text)
    for i, line in enumerate(lines):
        if _START.match(line):
            end = next((j for j in range(i + 1, len(lines)) if _END.match(lines[j])), len(lines))
            return i + 1, "\n".join(lines[i:end + 1])
    return None


def read_record(section: str, skills: Iterable[tuple[str, str]] = (), *, today: date | None = None,
                first_line: int = 1) -> ReviewRecordText:
    """Read a record section (the text :func:`find_record` gives).

    ``skills``: ``(id, name)`` of each meta-skill, to know a rating line by its name when its
    ``(id)`` was removed; ``today`` anchors dates typed without a year.
    """
    lines = _lines(section)
    match = _START.match(lines[0]) if lines else None
    uid = match.group("uid") if match else None
    fields: dict[str, list[tuple[int, str]]] = {}
    before: list[tuple[int, str]] = []  # under the record's heading, before its first field
    current: list[tuple[int, str]] | None = before
    for number, line in enumerate(lines, start=first_line):
        if _START.match(line) or _END.match(line):
            current = before if not fields else None
            continue
        if found := _FIELD.match(line):
            current = fields.setdefault(found.group("name"), [])
            continue
        if current is not None:
            current.append((number, line))
    fields = {name: _without_next_heading(body) for name, body in fields.items()}
    problems: list[str] = []
    # Words written above the first field (under the heading, around the instructions) are
    # most likely overall comments: kept as such, never dropped.
    loose = _text([(n, line) for n, line in _without_next_heading(before) if not _is_ours(line)])
    comments = "\n\n".join(t for t in (loose, _text(fields.get("comments", []))) if t)
    actions = _actions(fields.get("actions", []))
    next_review = _next_review(fields.get("next-review", []), today, problems)
    ratings = _ratings(fields.get("ratings", []), list(skills), problems)
    sign_off = _sign_off(fields.get("sign-off", []), today, problems)
    return ReviewRecordText(uid, comments, actions, next_review, ratings, sign_off, tuple(problems), first_line)


def read_section(lines: list[str], first_line: int = 1, skills: Iterable[tuple[str, str]] = (), *,
                 today: date | None = None) -> ReviewRecordText:
    """Read a record given as its lines between the two markers (line ends removed), the
    first of them being line ``first_line`` of the file: the form a section reader is handed."""
    return read_record("\n".join(["<!-- reflect:record -->", *lines, "<!-- reflect:record-end -->"]), skills,
                       today=today, first_line=first_line - 1)


# -- the fields --------------------------------------------------------------------------------


def _lines(text: str) -> list[str]:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _without_next_heading(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A field's lines without the heading of the field after it (it sits just above that
    field's hidden line): a trailing ATX heading, or a setext one (text and underline)."""
    body = list(body)
    while body and not body[-1][1].strip():
        body.pop()
    if body and _HEADING.match(body[-1][1]):
        body.pop()
    elif len(body) >= 2 and _SETEXT.match(body[-1][1]) and body[-2][1].strip():
        del body[-2:]
    return body


def _text(body: list[tuple[int, str]]) -> str:
    return "\n".join(line.rstrip() for _, line in body).strip("\n").strip()


def _actions(body: list[tuple[int, str]]) -> tuple[str, ...]:
    """One action per list item or plain line; an indented line continues the one above."""
    actions: list[str] = []
    continuing = False
    for _, line in body:
        if not line.strip():
            continuing = False
            continue
        bullet = _BULLET.match(line)
        text = _unstyled(line[bullet.end():] if bullet else line)
        if bullet is None and continuing and actions and line[:1].isspace():
            actions[-1] = f"{actions[-1]} {text}".strip()
            continue
        if text:
            actions.append(text)
            continuing = True
        else:
            continuing = False
    return tuple(a for a in actions if a and not _NOTHING.fullmatch(a))


def _unstyled(text: str) -> str:
    return " ".join(_EMPHASIS.sub("", text.strip()).split())


def _next_review(body: list[tuple[int, str]], today: date | None, problems: list[str]) -> date | None:
    found = None
    read = False
    for number, line in body:
        text = _unstyled(_DATE_LABEL.sub("", _unstyled(line), count=1))
        if not text:
            continue
        if read:  # one date is read; anything more is said, not dropped
            problems.append(f"line {number}: more under the next review date than a date: \u201c{text}\u201d")
            continue
        read = True
        found = _day(text, today)
        if found is None:
            problems.append(f"line {number}: the next review date \u201c{text}\u201d is not a date "
                            "reflect can read (write it day first, like 7/12/2026)")
    return found


def _is_ours(line: str) -> bool:
    """A line reflect wrote above the record's fields: its heading or its instructions."""
    from reflect.export.pack_record import HEADING, INTRO

    text = " ".join(line.split()).strip("#*_ ")
    return not text or text == HEADING or text in " ".join(INTRO.split())


def _day(text: str, today: date | None) -> date | None:
    from reflect.dates import parse_day

    text = text.strip(" .;,")
    try:
        return parse_day(text.replace(".", "/") if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", text) else text,
                         today)
    except InputError:
        return None


def _ratings(body: list[tuple[int, str]], skills: list[tuple[str, str]], problems: list[str]) -> dict[str, int]:
    ids = {sid.lower(): sid for sid, _ in skills}
    names = sorted(((name.lower(), sid) for sid, name in skills), key=lambda p: -len(p[0]))
    found: dict[str, int] = {}
    for number, line in body:
        mentor = _MENTOR.search(line)
        if mentor is None:
            if _unstyled(_BULLET.sub("", line, count=1)):
                problems.append(f"line {number}: not read as a mentor's rating (write it after "
                                f"\u201cmentor:\u201d): \u201c{_unstyled(line)}\u201d")
            continue
        value = _unstyled(mentor.group("value")).strip(" .;,")
        if not value:
            continue
        head = line[:mentor.start()]
        sid = next((ids[m.lower()] for m in re.findall(r"\(([^)]+)\)", head) if m.lower() in ids), None)
        if sid is None:
            plain = _unstyled(_BULLET.sub("", head, count=1)).lower()
            sid = next((s for name, s in names if plain.startswith(name)), None)
        if sid is None and not skills:
            sid = next(iter(re.findall(r"\(([^)]+)\)", head)), None)
        rating = _rating(value)
        if sid is None:
            problems.append(f"line {number}: a mentor's rating on a line that names no meta-skill reflect knows")
        elif rating is None:
            problems.append(f"line {number}: the mentor's rating \u201c{value}\u201d is not 1 to 5")
        else:
            found[sid] = rating
    return found


def _rating(value: str) -> int | None:
    match = re.match(r"(\d+)(?:\s*(?:/|out of|of)\s*5)?\b", value)
    if match:
        n = int(match.group(1))
        return n if n in RATING_SCALE else None
    return next((n for word, n in _WORDS.items() if value.lower().startswith(word)), None)


def _signer(label: str) -> str | None:
    label = label.lower()
    if "provider" in label or "training" in label or "assessor" in label:
        return SIGNERS[2]
    if "mentor" in label or "employer" in label or "manager" in label or "supervisor" in label:
        return SIGNERS[1]
    if "apprentice" in label or "learner" in label:
        return SIGNERS[0]
    return None


def _sign_off(body: list[tuple[int, str]], today: date | None, problems: list[str]) -> tuple[SignOff, ...]:
    signed: dict[str, SignOff] = {}
    for number, line in body:
        text = _unstyled(_BULLET.sub("", line, count=1))
        if not text:
            continue
        first = re.search(r"\b(?:name|role|date)\s*[:=]", text, re.I)
        label, rest = (text[:first.start()], text[first.start():]) if first else (text.partition(":")[0], "")
        who = _signer(label)
        if who is None:
            problems.append(f"line {number}: a sign-off line for someone reflect cannot tell "
                            f"(apprentice, mentor or employer, training provider): \u201c{text}\u201d")
            continue
        parts = {key.lower(): _unstyled(value).strip(" ;,|") for key, value in _PARTS.findall(rest)}
        signed_on = None
        if parts.get("date"):
            signed_on = _day(parts["date"], today)
            if signed_on is None:
                problems.append(f"line {number}: the sign-off date \u201c{parts['date']}\u201d is not a date "
                                "reflect can read (write it day first, like 7/12/2026)")
        signed[who] = SignOff(who, parts.get("name", ""), parts.get("role", ""), signed_on)
    return tuple(signed[w] for w in SIGNERS if w in signed)
