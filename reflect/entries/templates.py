"""Reflective-model templates: each section is a Markdown heading with its guiding question.

The questions follow the models as usually taught on apprenticeships: Gibbs (1988),
Driscoll (1994, after Borton), Kolb (1984) and STAR (+ Reflection).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    heading: str
    question: str


TEMPLATES: dict[str, tuple[Section, ...]] = {
    "gibbs": (
        Section("Description", "What happened?"),
        Section("Feelings", "What were you thinking and feeling?"),
        Section("Evaluation", "What was good and bad about the experience?"),
        Section("Analysis", "What sense can you make of the situation?"),
        Section("Conclusion", "What else could you have done?"),
        Section("Action plan", "If it arose again, what would you do?"),
    ),
    "driscoll": (
        Section("What?", "What happened? What did you do, see and hear?"),
        Section("So what?", "What did it mean? What did you learn about yourself and your work?"),
        Section("Now what?", "What will you do next time, and what do you need to get there?"),
    ),
    "kolb": (
        Section("Concrete experience", "What did you do or take part in?"),
        Section("Reflective observation", "Looking back, what did you notice?"),
        Section("Abstract conceptualisation", "What does it tell you? What would you generalise?"),
        Section("Active experimentation", "What will you try next time?"),
    ),
    "star": (
        Section("Situation", "Where were you and what was going on?"),
        Section("Task", "What did you need to achieve?"),
        Section("Action", "What did you do, step by step?"),
        Section("Result", "What happened in the end? How do you know?"),
        Section("Reflection", "What did you learn, and what would you do differently?"),
    ),
}

#: The section of each model whose answer naturally becomes a SMART objective.
ACTION_SECTIONS = {"gibbs": "Action plan", "driscoll": "Now what?", "kolb": "Active experimentation",
                   "star": "Reflection"}


def template_body(model: str) -> str:
    """The starting body for a model: headings with the guiding question as a quoted hint."""
    sections = TEMPLATES.get(model, ())
    return "\n".join(f"## {s.heading}\n\n> {s.question}\n\n" for s in sections)


def section_text(body: str, heading: str) -> str:
    """The text under ``## heading`` in ``body`` (up to the next heading of that level or higher),
    without the guiding-question hint lines. Empty if the section is absent."""
    lines = body.splitlines()
    wanted = heading.strip().lower()
    collected: list[str] = []
    inside = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            title = stripped[level:].strip().lower()
            if inside and level <= 2:
                break
            if title == wanted:
                inside = True
                continue
        if inside and not stripped.startswith(">"):
            collected.append(line)
    return "\n".join(collected).strip()
