"""One entry as a block of an export: hidden data, heading, details, body, comment place.

The same block is written by `reflect export` and by the review pack, so `reflect import`
and `reflect import-feedback` read both. See :mod:`reflect.export.format` for the layout.

This is the inner loop of an export of 100,000 entries, so it avoids work it can: names of
meta-skills and criteria are looked up once per export, days are formatted once per day
(entries come in order of day, so only the last one is kept: memory stays flat),
and the entry marker's JSON is written directly (the same text ``json.dumps`` gives).
"""

from __future__ import annotations

from datetime import date
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Iterable

from reflect.dates import format_duration, format_long
from reflect.export.body import layout_body
from reflect.export.format import (
    COMMENTS_HEADING,
    COMMENTS_HINT,
    MARK_CLOSE,
    MARK_ENTRY,
    comments_marker,
    inline,
)
from reflect.entries.details import detail_pairs
from reflect.entries.kinds import REFLECTION
from reflect.entries.models import MODEL_NAMES, Entry

if TYPE_CHECKING:
    from reflect.export.attachments import ExportedFile
    from reflect.export.rows import ExportRow
    from reflect.framework.standards import Framework

EM_DASH = "\u2014"


def render_entry(entry: "Entry | ExportRow", framework: "Framework") -> str:
    """One entry: hidden data, heading, details for people, the body and the comment place."""
    return EntryRenderer(framework).render(entry)


class EntryRenderer:
    """Renders entries for one export, remembering the framework's names as it goes (an
    export of 100,000 entries names the same few criteria over and over).

    ``markers=False`` leaves out reflect's hidden lines and the comment places: the text a
    printable (HTML) copy is made from. ``criteria_text=False`` names criteria by id only, on
    one line (a review pack's printout, whose appendix gives their text).

    ``files`` are the export's attached files by entry uid (:mod:`reflect.export.attachments`):
    each entry's are linked in its details (pictures shown too, unless ``pictures=False``: an
    HTML page shows its own) and listed in its marker.
    """

    def __init__(self, framework: "Framework", *, markers: bool = True, criteria_text: bool = True,
                 files: "dict[str, list[ExportedFile]] | None" = None, pictures: bool = True):
        self.framework = framework
        self.markers = markers
        self.criteria_text = criteria_text
        self.files = files or {}
        self.pictures = pictures
        self._order = {s.id: i for i, s in enumerate(framework.meta_skills)}
        self._skill_names = {s.id: inline(s.name) for s in framework.meta_skills}
        self._criterion_lines: dict[str, str] = {}
        self._skills_lines: dict[tuple[str, ...], str] = {}
        self._day: tuple[date | None, str] = (None, "")

    def render(self, entry: "Entry | ExportRow") -> str:
        text, layout = layout_body(entry.body)
        body = f"{text}\n\n" if layout.lines else "\n"
        if self._day[0] != entry.day:
            self._day = (entry.day, format_long(entry.day))
        day = self._day[1]
        files = self.files.get(entry.uid, ()) if self.files else ()
        heading = f"## {day} {EM_DASH} {inline(entry.title)}\n\n{self._details(entry, files)}\n\n"
        if not self.markers:
            return f"{heading}{body}"
        return (f"{entry_marker_for(entry, files)}\n\n{heading}{layout.marker()}\n\n{body}"
                f"{COMMENTS_HEADING}\n{comments_marker(entry.uid)}\n{COMMENTS_HINT}\n\n")

    def _details(self, entry: "Entry | ExportRow", files=()) -> str:
        """The list of details people read: the kind and who vouches for it, meta-skills,
        criteria in full, model, ..."""
        lines = [f"- **{label}:** {inline(value)}" for label, value in detail_pairs(entry)]
        lines.append(self._skills_line(entry.skills))
        if entry.criteria and not self.criteria_text:
            lines.append(f"- **Criteria:** {', '.join(inline(cid) for cid in natural_order(entry.criteria))}")
        elif entry.criteria:
            lines.append("- **Criteria:**")
            lines += [self._criterion_line(cid) for cid in entry.criteria]
        else:
            lines.append("- **Criteria:** none")
        if entry.model != "none":
            lines.append(f"- **Model:** {inline(MODEL_NAMES.get(entry.model, entry.model))}")
        if entry.confidence is not None:
            lines.append(f"- **Confidence:** {entry.confidence} out of 5")
        if entry.minutes is not None:
            lines.append(f"- **Time spent:** {format_duration(entry.minutes)}")
        if entry.private:
            lines.append("- **Private:** yes")
        if files:
            from reflect.export.attachments import markdown_lines

            lines += markdown_lines(files, pictures=self.pictures)
        return "\n".join(lines)

    def _skills_line(self, skills: tuple[str, ...]) -> str:
        line = self._skills_lines.get(skills)
        if line is None:
            # Framework order; ids the framework lacks go last.
            ordered = sorted(skills, key=lambda s: (self._order.get(s, len(self._order)), s))
            names = [self._skill_names.get(s) or f"{inline(s)} (unknown meta-skill)" for s in ordered]
            line = self._skills_lines[skills] = f"- **Meta-skills:** {', '.join(names) or 'none'}"
        return line

    def _criterion_line(self, cid: str) -> str:
        line = self._criterion_lines.get(cid)
        if line is None:
            criterion = self.framework.criterion(cid)
            text = inline(criterion.text) if criterion else "unknown criterion"
            line = self._criterion_lines[cid] = f"  - {inline(cid)} {EM_DASH} {text}"
        return line


def natural_order(ids) -> list[str]:
    """Criterion ids in natural order: ``INSCS009.P5`` before ``INSCS009.P11``."""
    import re

    return sorted(ids, key=lambda cid: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", cid)])


def entry_data(entry: "Entry | ExportRow", files: "Iterable[ExportedFile]" = ()) -> dict:
    """What the entry marker holds (see :func:`entry_marker_for`)."""
    data: dict = {"uid": entry.uid, "date": entry.day.isoformat(), "title": entry.title}
    if entry.skills:
        data["skills"] = list(entry.skills)
    if entry.criteria:
        data["criteria"] = list(entry.criteria)
    if entry.model != "none":
        data["model"] = entry.model
    if entry.private:
        data["private"] = True
    if entry.confidence is not None:
        data["confidence"] = entry.confidence
    if entry.minutes is not None:
        data["minutes"] = entry.minutes
    data["created_at"] = entry.created_at
    data.update(kind_data(entry))
    if files:
        data["attachments"] = [f.marker_data() for f in files]
    return data


def kind_data(entry: "Entry | ExportRow") -> dict:
    """The kind and its details as the entry marker holds them (nothing for a plain reflection)."""
    data: dict = {}
    if entry.kind != REFLECTION:
        data["kind"] = entry.kind
    if entry.witness is not None:
        w = entry.witness
        data["witness"] = {"name": w.name, "role": w.role, "relationship": w.relationship,
                           "contact": w.contact, "confirmed": w.confirmed,
                           "confirmed_on": w.confirmed_on.isoformat() if w.confirmed_on else None}
    if entry.observer:
        data["observer"] = entry.observer
    if entry.participants:
        data["participants"] = entry.participants
    return data


def entry_marker_for(entry: "Entry | ExportRow", files: "Iterable[ExportedFile]" = ()) -> str:
    """``entry_marker(entry_data(entry))``, written directly (a test checks they agree)."""
    q = encode_basestring  # a JSON string, as json.dumps(..., ensure_ascii=False) writes it
    parts = ['{"uid": ', q(entry.uid), ', "date": "', entry.day.isoformat(), '", "title": ', q(entry.title)]
    if entry.skills:
        parts += (', "skills": [', ", ".join(map(q, entry.skills)), "]")
    if entry.criteria:
        parts += (', "criteria": [', ", ".join(map(q, entry.criteria)), "]")
    if entry.model != "none":
        parts += (', "model": ', q(entry.model))
    if entry.private:
        parts.append(', "private": true')
    if entry.confidence is not None:
        parts += (', "confidence": ', str(entry.confidence))
    if entry.minutes is not None:
        parts += (', "minutes": ', str(entry.minutes))
    parts += (', "created_at": ', q(entry.created_at))
    if entry.kind != REFLECTION or entry.witness is not None or entry.observer or entry.participants:
        import json  # few entries are other kinds: the plain encoder is quick enough for them

        parts += [f", {q(key)}: {json.dumps(value, ensure_ascii=False)}" for key, value in kind_data(entry).items()]
    if files:
        import json

        parts += (', "attachments": ', json.dumps([f.marker_data() for f in files], ensure_ascii=False))
    parts.append("}")
    text = "".join(parts)
    if ">" in text:  # only inside JSON strings: escaped, "-->" cannot end the comment early
        text = text.replace(">", "\\u003e")
    return f"{MARK_ENTRY}{text}{MARK_CLOSE}"
