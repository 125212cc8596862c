"""How entries, meta-skills and criteria look on screen: list rows and Markdown pages.

Colours are theme variables (``$text-primary``...) so every row reads well in light and dark
themes. Each meta-skill category has its own colour, the same everywhere in the app.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Iterable

from textual.content import Content

from reflect.dates import format_long
from reflect.entries.store import HIGHLIGHT_END, HIGHLIGHT_START
from reflect.entries.details import detail_pairs
from reflect.entries.kinds import REFLECTION, kind_label
from reflect.entries.models import MODEL_NAMES, Entry, EntrySummary
from reflect.framework.standards import KIND_LABELS, Framework
from reflect.sanitize import shown_line

CATEGORY_STYLES = ("$text-primary", "$text-success", "$text-accent")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def skill_style(framework: Framework, skill_id: str) -> str:
    """The colour of a meta-skill's category (muted for ids this framework does not know)."""
    skill = framework.skill(skill_id)
    ids = [c.id for c in framework.categories]
    if skill is None or skill.category not in ids:
        return "$text-muted"
    return CATEGORY_STYLES[ids.index(skill.category) % len(CATEGORY_STYLES)]


def skill_name(framework: Framework, skill_id: str) -> str:
    skill = framework.skill(skill_id)
    return skill.name if skill else f"{skill_id} (unknown)"


def in_framework_order(framework: Framework, skill_ids: Iterable[str]) -> list[str]:
    """Skill ids as the framework lists them (focus, integrity, ...), unknown ids last by id.

    The journal returns tags sorted by id; people read them in the framework's order."""
    order = {s.id: i for i, s in enumerate(framework.meta_skills)}
    return sorted(dict.fromkeys(skill_ids), key=lambda s: (order.get(s, len(order)), s))


def skill_badges(framework: Framework, skill_ids: Iterable[str]) -> Content:
    """Meta-skill names joined by dots, each in its category's colour, in framework order."""
    parts: list = []
    for skill_id in in_framework_order(framework, skill_ids):
        if parts:
            parts.append((" · ", "$text-muted"))
        parts.append((skill_name(framework, skill_id), skill_style(framework, skill_id)))
    return Content.assemble(*parts)


_MARKUP_NOISE = re.compile(r"(^|\s)(#{1,6}|>|[-*+])(?=\s)|\*\*|__|`")
SNIPPET_LEAD = 16  # characters kept before the first match, so the match is in view


def snippet_content(snippet: str) -> Content:
    """A search snippet on one line, Markdown marks removed, the matched words picked out."""
    text = " ".join(_MARKUP_NOISE.sub(r"\1", snippet).split())
    pieces = re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", text)
    if len(pieces) > 1 and len(pieces[0]) > SNIPPET_LEAD:
        pieces[0] = "…" + pieces[0][-SNIPPET_LEAD:]
    return Content.assemble(*((piece, "bold $text-warning" if i % 2 else "$text-muted")
                              for i, piece in enumerate(pieces)))


def when(stored: str) -> str:
    """A stored UTC time ("2026-11-24T10:30:00Z") as the person's local day and time."""
    moment = datetime.fromisoformat(stored).astimezone()
    return f"{format_long(moment.date())} at {moment:%H:%M}"


def criteria_label(count: int) -> str:
    return f"{count} criterion" if count == 1 else f"{count} criteria"


def entry_row(framework: Framework, entry: EntrySummary, files: int = 0) -> Content:
    """A list row: date and title, then meta-skills, criteria and how many ``files`` are
    attached, then any search snippet."""
    first = Content.assemble((format_long(entry.day), "$text-muted"), "  ", (shown_line(entry.title), "bold"))
    second: list = ["  "]
    if entry.kind != REFLECTION:
        # First on its line, like "private": a narrow list's ellipsis never cuts it off.
        second += [(entry.kind, "bold $text-accent"), ("  ", "")]
    if entry.private:
        # At the start of a line, so a narrow list's ellipsis never cuts it off.
        second += [("private", "bold $text-secondary"), ("  ", "")]
    if entry.skills:
        second += [skill_badges(framework, entry.skills), ("  ", "")]
    if entry.criteria_count:
        second.append((criteria_label(entry.criteria_count), "$text-muted"))
    elif not entry.skills:
        second.append(("not tagged yet", "italic $text-muted"))
    if files:
        second.append((f"  {files} file{'' if files == 1 else 's'}", "$text-muted"))
    lines = [first, Content.assemble(*second)]
    if entry.snippet:
        lines.append(Content.assemble("  ", snippet_content(entry.snippet)))
    return Content("\n").join(lines)


def md_escape(text: str) -> str:
    """Text shown literally inside Markdown (titles, criterion text)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def entry_facts(entry: Entry) -> str:
    """One line under the title: date, kind of evidence, model, confidence, time spent, private."""
    facts = [format_long(entry.day)]
    if entry.kind != REFLECTION:
        facts.append(kind_label(entry.kind))
    if entry.model != "none":
        facts.append(MODEL_NAMES[entry.model])
    if entry.confidence:
        facts.append(f"confidence {entry.confidence}/5")
    if entry.minutes:
        facts.append(f"{entry.minutes} min")
    if entry.private:
        facts.append("private")
    return " · ".join(facts)


def _heading(framework: Framework, entry: Entry) -> list[str]:
    """Title, facts and tags in brief: the top of the preview and of the entry page."""
    lines = [f"# {md_escape(shown_line(entry.title))}", "", f"*{md_escape(entry_facts(entry))}*", ""]
    who = [(label, value) for label, value in detail_pairs(entry) if label != "Kind"]
    if who:
        # Who vouches for it: the witness, whether they confirmed it, the observer...
        lines += [" · ".join(f"**{md_escape(label)}:** {md_escape(shown_line(value))}" for label, value in who), ""]
    if entry.skills:
        lines += ["**Meta-skills:** " + ", ".join(md_escape(skill_name(framework, s))
                                                  for s in in_framework_order(framework, entry.skills)), ""]
    if entry.criteria:
        lines += ["**Criteria:** " + ", ".join(f"`{c}`" for c in entry.criteria), ""]
    return lines


def entry_preview(framework: Framework, entry: Entry) -> str:
    """Markdown for the journal's preview pane: title, facts, tags in brief, the body."""
    return "\n".join(_heading(framework, entry) + [entry.body.strip() or "*Nothing written yet.*"])


def entry_page(framework: Framework, entry: Entry) -> str:
    """Markdown for the entry screen: the entry, then its tags and criteria in full."""
    lines = _heading(framework, entry) + [
        entry.body.strip() or "*Nothing written yet.*", "", "---", "", "## Meta-skills", ""]
    if not entry.skills:
        lines.append("*None tagged. Press e to edit and add some.*")
    for skill_id in in_framework_order(framework, entry.skills):
        skill = framework.skill(skill_id)
        if skill is None:
            lines.append(f"- **{md_escape(skill_id)}**: not in this framework")
            continue
        category = framework.category(skill.category)
        lines.append(f"- **{md_escape(skill.name)}** ({md_escape(category.name if category else skill.category)}):"
                     f" {md_escape(skill.description)}")
    lines += ["", "## Criteria", ""]
    if not entry.criteria:
        lines.append("*No criteria linked yet.*")
    for criterion_id in entry.criteria:
        criterion = framework.criterion(criterion_id)
        if criterion is None:
            lines.append(f"- `{criterion_id}`: not in this framework")
            continue
        unit = framework.unit(criterion.unit_code)
        kind = KIND_LABELS[criterion.kind]
        lines.append(f"- `{criterion.id}` {md_escape(unit.title if unit else '')} ({kind}): "
                     f"{md_escape(criterion.text)}")
    return "\n".join(lines)


def attachments_line(files) -> str:
    """The attached files of a reflection in one Markdown line for its preview ("" for none)."""
    if not files:
        return ""
    named = ", ".join(f"{md_escape(a.name)} ({a.size_text}, {a.kind.label})" for a in files)
    return f"\n\n---\n\n**Attached:** {named}. *Open the reflection (enter) to see or open them.*"
