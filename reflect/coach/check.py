"""Everything the coach has to say about one reflection, in one record.

`reflect check`, the note after `reflect add` and the app's editor panel all read an
:class:`EntryCheck`: the advice, the depth, the personal data and the suggested criteria
and meta-skills.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Iterable

from reflect.coach.advice import CoachAdvice, Depth, coach, depth
from reflect.coach.personal_data import Finding, find_personal_data
from reflect.coach.suggest import Suggestions, suggest
from reflect.entries.kinds import KIND_SECTIONS, REFLECTION
from reflect.jsonable import Record

if TYPE_CHECKING:
    from reflect.framework.standards import Framework

__all__ = ["EntryCheck", "check_text", "depth_applies", "kind_questions"]


@dataclass(frozen=True)
class EntryCheck(Record):
    """The coach's view of one reflection."""

    advice: tuple[CoachAdvice, ...]
    depth: Depth
    personal_data: tuple[Finding, ...]
    suggested: Suggestions


def check_text(framework: "Framework", body: str, *, title: str = "", model: str = "none",
               skills: Iterable[str] = (), criteria: Iterable[str] = (),
               prefer_units: Iterable[str] = ()) -> EntryCheck:
    """Check a reflection as written (title and body) with the tags it has so far.

    Suggestions leave out what is already tagged; personal data is looked for in the title
    and the body (each finding says which, and its offsets are in that text).
    """
    skills, criteria = list(skills), list(criteria)
    return EntryCheck(
        advice=tuple(coach(body, title=title, model=model, skills=skills, criteria=criteria)),
        depth=depth(body, model),
        personal_data=tuple([replace(f, field="title") for f in find_personal_data(title)]
                            + find_personal_data(body)),
        suggested=suggest(f"{title}\n{body}", framework, skip=skills + criteria, prefer_units=prefer_units),
    )


def depth_applies(kind: str) -> bool:
    """Whether the depth and the writing advice apply to an item of ``kind``: they judge the
    apprentice's own reflection (first person, how it felt, what was learnt), which a
    witness's words or an assessor's observation are not meant to be."""
    return kind == REFLECTION


def kind_questions(kind: str) -> tuple[str, ...]:
    """What good evidence of ``kind`` records, as the questions the coach asks instead of the
    depth advice (none for a reflection). The editor's coach panel, `reflect check` and its
    JSON all ask these."""
    return tuple(question for _, question in KIND_SECTIONS.get(kind, ()))
