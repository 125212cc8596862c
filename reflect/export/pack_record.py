"""The last part of a review pack: the record of the meeting, to fill in.

Overall comments, agreed actions, the next review date, the mentor's rating beside each
self-rating (optional) and sign-off lines (apprentice, mentor or employer, training provider:
name, role, date).

In Markdown the record sits between two hidden lines, with one hidden line before each field,
so :mod:`reflect.importers.review_record` can read what was written back::

    <!-- reflect:record review=<uid> -->
    # Record of the review meeting
    ## Overall comments
    <!-- reflect:record-field comments -->
    ...
    <!-- reflect:record-end -->

In HTML the same fields are boxes with room to write by hand on the printout.
"""

from __future__ import annotations

from html import escape

from typing import TYPE_CHECKING

from reflect.export.format import inline
from reflect.review.models import RATING_SCALE

if TYPE_CHECKING:
    from reflect.review.meeting_record import MeetingRecord

MARK_RECORD = "<!-- reflect:record"
MARK_RECORD_END = "<!-- reflect:record-end -->"
MARK_FIELD = "<!-- reflect:record-field "
HEADING = "Record of the review meeting"

#: The fields in the order they are written: marker name -> heading.
FIELDS = {
    "comments": "Overall comments",
    "actions": "Agreed actions",
    "next-review": "Next review date",
    "ratings": "The mentor's ratings",
    "sign-off": "Sign-off",
}
#: Who signs, in order.
SIGNERS = ("Apprentice", "Mentor or employer", "Training provider")

INTRO = ("Fill this in at the meeting or after it, under each heading, and keep the hidden lines "
         "(they start with `<!--`). Agreed actions: one a line, each starting with `- `. Dates day first "
         "(7/12/2026). Ratings are 1 to 5 (1 not yet, 3 developing, 5 strong): write the mentor's after "
         "`mentor:`, or leave it empty. `reflect import-feedback` brings the record back onto the review.")


def start_marker(review_uid: str | None) -> str:
    """``<!-- reflect:record review=<uid> -->`` (``<!-- reflect:record -->`` without a review)."""
    return f"{MARK_RECORD} review={review_uid} -->" if review_uid else f"{MARK_RECORD} -->"


def field_marker(name: str) -> str:
    return f"{MARK_FIELD}{name} -->"


def ratings(data: dict, skills: list[tuple[str, str]]) -> list[tuple[str, str, int | None]]:
    """``(skill id, name, self-rating)`` for each meta-skill: the latest self-assessment's,
    in the framework's order (``skills``: id and name of each)."""
    latest = (data.get("assessment") or {}).get("latest") or {}
    rated = {r["skill_id"]: r["rating"] for r in latest.get("ratings", [])}
    return [(sid, name, rated.get(sid)) for sid, name in skills]


def _self(rating: int | None) -> str:
    return f"{rating} {RATING_SCALE[rating][0]}" if rating in RATING_SCALE else "not rated"


def markdown(review_uid: str | None, skills: list[tuple[str, str, int | None]], people: dict[str, str],
             kept: "MeetingRecord | None" = None) -> list[str]:
    """The record as Markdown lines, hidden lines included. ``people``: names to prefill by
    signer (the apprentice's, the mentor's); ``kept``: a record already read back for this
    review, written in again so it can be corrected and re-sent."""
    from reflect.dates import format_short

    signed = {s.who: s for s in kept.sign_off} if kept else {}
    mentor = kept.ratings if kept else {}
    lines = [start_marker(review_uid), f"# {HEADING}", "", INTRO, ""]
    for name, heading in FIELDS.items():
        lines += [f"## {heading}", field_marker(name), ""]
        if name == "comments":
            lines += ([kept.comments, ""] if kept and kept.comments else [""])
        elif name == "actions":
            # As read back (not escaped), so reading them again gives the same actions.
            lines += [f"- {a.text}" for a in kept.actions] if kept and kept.actions else ["- "]
            lines.append("")
        elif name == "next-review":
            lines += [f"Date: {format_short(kept.next_review) if kept and kept.next_review else ''}", ""]
        elif name == "ratings":
            lines += [f"- {inline(label)} ({sid}): self {_self(rating)}; mentor: {mentor.get(sid, '')}"
                      for sid, label, rating in skills]
            lines.append("")
        elif name == "sign-off":
            for who in SIGNERS:
                s = signed.get(who)
                name_text = s.name if s and s.name else inline(people.get(who, ""))
                day = format_short(s.signed_on) if s and s.signed_on else ""
                lines.append(f"- {who}: name: {name_text}; role: {s.role if s else ''}; date: {day}")
            lines.append("")
    return lines + [MARK_RECORD_END, ""]


def html(skills: list[tuple[str, str, int | None]], people: dict[str, str],
         kept: "MeetingRecord | None" = None) -> str:
    """The record as HTML for printing: boxes and empty cells with room to write by hand
    (holding what ``kept``, a record already read back, says)."""
    from reflect.dates import format_short

    comments = escape(kept.comments) if kept else ""
    actions = "".join(f"<li>{escape(a.text)}</li>" for a in kept.actions) if kept else ""
    actions = f"<ul>{actions}</ul>" if actions else ""
    next_day = format_short(kept.next_review) if kept and kept.next_review else ""
    mentor = kept.ratings if kept else {}
    signed = {s.who: s for s in kept.sign_off} if kept else {}
    parts = [f'<section class="record">\n<h1>{HEADING}</h1>\n',
             "<p>To fill in by hand at the meeting. Ratings are 1 to 5 (1 not yet, 3 developing, 5 strong).</p>\n",
             f'<h2>{FIELDS["comments"]}</h2>\n<div class="box comments">{comments}</div>\n',
             f'<h2>{FIELDS["actions"]}</h2>\n<div class="box actions">{actions}</div>\n',
             f'<h2>{FIELDS["next-review"]}</h2>\n<div class="box next">{next_day}</div>\n',
             f'<h2>{FIELDS["ratings"]}</h2>\n<table class="ratings">\n<thead><tr>'
             + "<th>Meta-skill</th><th>Self-rating</th><th>Mentor's rating</th>" * 2 + "</tr></thead>\n<tbody>\n"]
    cells = [f'<td>{escape(label)}</td><td>{escape(_self(rating))}</td>'
             f'<td class="write">{escape(_self(mentor[sid])) if sid in mentor else ""}</td>'
             for sid, label, rating in skills]
    half = (len(cells) + 1) // 2  # two meta-skills a row: the record stays on one page
    for left, right in zip(cells[:half], cells[half:] + ['<td></td><td></td><td></td>']):
        parts.append(f"<tr>{left}{right}</tr>\n")
    parts.append(f'</tbody>\n</table>\n<h2>{FIELDS["sign-off"]}</h2>\n<table class="sign">\n'
                 "<thead><tr><th></th><th>Name</th><th>Role</th><th>Signature</th><th>Date</th></tr></thead>\n"
                 "<tbody>\n")
    for who in SIGNERS:
        s = signed.get(who)
        name = s.name if s and s.name else people.get(who, "")
        day = format_short(s.signed_on) if s and s.signed_on else ""
        parts.append(f'<tr><th>{escape(who)}</th><td class="write">{escape(name)}</td>'
                     f'<td class="write">{escape(s.role) if s else ""}</td><td class="write"></td>'
                     f'<td class="write">{day}</td></tr>\n')
    parts.append("</tbody>\n</table>\n</section>\n")
    return "".join(parts)
