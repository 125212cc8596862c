"""Advice on a reflection as it is written, and how deep it goes.

Assessors look for reflections in the first person and the past tense about what the
apprentice did, why, how it felt and what they learnt, linked to the standards. These are
heuristics, as the SMART check's are (:mod:`reflect.review.smart`): :func:`coach` returns
advice and never blocks, copes with half a sentence, and never raises.

Each piece of advice says what to add in plain words and names the reflective model's
question that helps (Gibbs' "What were you thinking and feeling?", Driscoll's "So what?").
:func:`depth` places the writing on the usual ladder, descriptive -> reflective -> critical,
with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from reflect.words import plural
from reflect.entries.templates import TEMPLATES, section_text
from reflect.jsonable import Record

__all__ = ["CoachAdvice", "Depth", "coach", "depth", "MIN_WORDS"]

#: Fewer words than this is "very short" for a piece of evidence.
MIN_WORDS = 60


@dataclass(frozen=True)
class CoachAdvice(Record):
    """One piece of advice: a stable ``code``, the ``message`` and the model ``question`` that helps."""

    code: str
    message: str
    question: str = ""

    def __str__(self) -> str:
        return f"{self.message} Ask yourself: {self.question}" if self.question else self.message


@dataclass(frozen=True)
class Depth(Record):
    """Where the writing sits: ``descriptive``, ``reflective`` or ``critical``, and why."""

    level: str
    reason: str

    LEVELS = ("descriptive", "reflective", "critical")

    @property
    def step(self) -> int:
        """1, 2 or 3."""
        return self.LEVELS.index(self.level) + 1

    def json_shape(self) -> dict:
        return {"level": self.level, "step": self.step, "reason": self.reason}


def _words(*patterns: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.IGNORECASE)


_FEELINGS = _words(
    r"fel[tl]", r"feel(?:s|ing|ings)?", r"nervous\w*", r"anxious", r"worried", r"scared", r"afraid", r"panick?\w*",
    r"stress\w*", r"upset", r"happy", r"pleased", r"proud", r"relieved", r"glad", r"frustrat\w*", r"embarrass\w*",
    r"uncomfortable", r"comfortable", r"awkward", r"overwhelm\w*", r"confident", r"unsure", r"annoyed", r"angry",
    r"calm(?:er)?", r"excited", r"satisf\w+", r"disappoint\w*", r"guilty", r"shocked", r"surprised", r"emotional")
_EVALUATION = _words(
    r"went\s+well", r"didn['’]?t\s+go\s+well", r"did\s+not\s+go\s+well", r"worked(?:\s+well)?", r"did(?:n['’]t| not)\s+work",
    r"good", r"bad", r"better", r"worse", r"best", r"successful\w*", r"mistake\w*", r"wrong", r"effective\w*",
    r"helpful", r"positive", r"negative", r"strength\w*", r"weakness\w*", r"improve\w*", r"struggl\w*")
_LEARNING = _words(
    r"learn(?:t|ed|ing)?", r"realis\w+", r"realiz\w+", r"understood", r"understand", r"discovered", r"noticed",
    r"taught\s+me", r"showed\s+me", r"made\s+me\s+(?:think|see|realise)", r"now\s+(?:i\s+)?know", r"lesson",
    r"means?\s+that", r"this\s+(?:shows|showed|tells|told)", r"insight", r"reflect\w*")
_NEXT_STEPS = _words(
    r"next\s+time", r"in\s+(?:the\s+)?future", r"from\s+now\s+on", r"i\s+will", r"i['’]ll", r"i\s+am\s+going\s+to",
    r"i['’]m\s+going\s+to", r"i\s+plan", r"my\s+plan", r"going\s+forward", r"i\s+want\s+to", r"i\s+need\s+to",
    r"i\s+intend", r"i\s+(?:would|will)\s+(?:like\s+to\s+)?try", r"action\s+plan", r"objective", r"goal")
_REASONING = _words(
    r"because", r"so\s+that", r"which\s+meant", r"this\s+meant", r"as\s+a\s+result", r"therefore", r"the\s+reason",
    r"why", r"since", r"led\s+to", r"caused", r"due\s+to")
_CRITICAL = _words(
    r"instead", r"another\s+way", r"alternative\w*", r"on\s+the\s+other\s+hand", r"compared?", r"comparing",
    r"if\s+i\s+had", r"had\s+i", r"could\s+have", r"should\s+have", r"would\s+have", r"from\s+(?:the|their|her|his)\s+"
    r"(?:customer['’]?s?\s+)?(?:point\s+of\s+view|side|perspective)", r"perspective", r"assum\w+", r"on\s+reflection",
    r"in\s+hindsight", r"looking\s+back", r"policy", r"procedure", r"standard", r"feedback\s+from", r"my\s+manager\s+said",
    r"my\s+mentor\s+said", r"whether", r"pattern", r"every\s+time", r"each\s+time")
_HYPOTHETICAL = _words(
    r"i\s+would", r"i['’]d", r"i\s+could", r"i\s+might", r"i\s+should", r"you\s+should", r"you\s+would", r"you\s+could",
    r"you\s+need\s+to", r"you\s+have\s+to", r"you\s+must", r"one\s+should", r"we\s+should", r"we\s+would",
    r"we\s+could", r"it\s+would\s+be")
_LOOKING_BACK = _words(r"would\s+have", r"could\s+have", r"should\s+have", r"might\s+have", r"next\s+time", r"in\s+future",
                       r"if\s+it\s+(?:happened|happens|arose)")
_IRREGULAR_PAST = ("was|were|did|had|went|said|told|gave|took|made|felt|saw|got|kept|found|thought|spoke|came|left|"
                   "sold|knew|put|let|ran|brought|bought|became|began|chose|dealt|heard|meant|met|paid|read|sent|set|"
                   "stood|taught|understood|won|wrote|rang|forgot|spent|sat|held|caught|lost|fell|led|hung|stuck|"
                   "swept|threw|woke|wore|gave|managed|learnt|realised|noticed|decided")
_PAST = re.compile(rf"\b(?:i|we)\s+(?:(?:then|also|just|quickly|still|finally|first|immediately|calmly)\s+)?"
                   rf"(?:{_IRREGULAR_PAST}|\w+ed)\b", re.IGNORECASE)
_FIRST_PERSON = re.compile(r"\b(?:i|i['’]m|i['’]ve|i['’]d|i['’]ll|me|my|myself|mine)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

_GIBBS_FEELINGS = "What were you thinking and feeling? (Gibbs)"
_SO_WHAT = "So what? What did it mean, and what did you learn? (Driscoll)"
_NOW_WHAT = "Now what? What will you do next time? (Driscoll)"
_WHAT = "What happened? What did you do, see and hear? (Driscoll)"


def coach(body: str, *, title: str = "", model: str = "none", skills: Iterable[str] = (),
          criteria: Iterable[str] = ()) -> list[CoachAdvice]:
    """Advice on a reflection, most useful first; empty when it reads as good evidence.

    ``model`` is the entry's reflective model: with a template the advice names the sections
    still empty or one line long instead of asking for feelings, learning or next steps.
    """
    return _coach(body or "", title or "", model or "none", list(skills), list(criteria))


def _coach(body: str, title: str, model: str, skills: list[str], criteria: list[str]) -> list[CoachAdvice]:
    text = _prose(body, model)
    words = len(_WORD.findall(text))
    advice: list[CoachAdvice] = []
    if words == 0:
        return [CoachAdvice("empty", "Start with what happened: where you were, who was there, what you did.", _WHAT)]
    if model in TEMPLATES:
        advice += _sections(body, model)
    elif words >= 8:
        missing = [name for name, pattern in (("how you felt", _FEELINGS), ("what went well or not", _EVALUATION),
                                              ("what you learnt", _LEARNING), ("what you will do next", _NEXT_STEPS))
                   if not pattern.search(text)]
        if len(missing) == 4:
            advice.append(CoachAdvice(
                "description-only", "It says what happened but not how you felt, what went well, what you learnt "
                                    "or what you will do next: add a few lines on each.", _GIBBS_FEELINGS))
        else:
            if "how you felt" in missing:
                advice.append(CoachAdvice("no-feelings", "Add how you felt at the time and afterwards.", _GIBBS_FEELINGS))
            if "what you learnt" in missing:
                advice.append(CoachAdvice("no-learning", "Add what you learnt from it, about the job or about yourself.",
                                          _SO_WHAT))
            if "what you will do next" in missing:
                advice.append(CoachAdvice("no-next-steps", "Add what you will do next time, or what you need to get there.",
                                          _NOW_WHAT))
    if _hypothetical(text):
        advice.append(CoachAdvice(
            "hypothetical", "It says what you would, could or should do more than what you did: write what happened "
                            "and what you actually did, in the past tense (\"I explained\", not \"I would explain\").",
            _WHAT))
    if words >= 8 and not _FIRST_PERSON.search(text):
        advice.append(CoachAdvice(
            "not-first-person", "Write it in the first person: what I did, what I said, how I felt. "
                                "A reflection is about your part in it.", "What did you do? (STAR: Action)"))
    if words < MIN_WORDS:
        advice.append(CoachAdvice(
            "too-short", f"It is short for evidence ({plural(words, 'word')}): add what you did and why, how it turned out "
                         f"and what you learnt. Most good reflections are {MIN_WORDS * 2} to 300 words.",
            "What happened in the end? How do you know? (STAR: Result)"))
    if not skills and not criteria:
        advice.append(CoachAdvice(
            "not-tagged", "Tag a meta-skill or a criterion it shows, so it counts as evidence: "
                          "the suggestions are a good place to start.", "Which skill did this show?"))
    return advice


def _prose(body: str, model: str) -> str:
    """The writing without template headings and their quoted questions."""
    lines = [line for line in body.splitlines() if not line.lstrip().startswith((">", "#"))]
    return "\n".join(lines)


def _sections(body: str, model: str) -> list[CoachAdvice]:
    """Advice on a template: the sections empty or one line long, named with their question."""
    empty, thin = [], []
    for section in TEMPLATES[model]:
        text = section_text(body, section.heading)
        count = len(_WORD.findall(text))
        if count == 0:
            empty.append(section)
        elif count < 12 and len([s for s in _SENTENCE.findall(text) if s.strip()]) <= 1:
            thin.append(section)
    advice = []
    if empty:
        names = ", ".join(f"‘{s.heading}’" for s in empty)
        advice.append(CoachAdvice("empty-sections", f"{_plural_sections(len(empty))} {names} "
                                                    f"{'is' if len(empty) == 1 else 'are'} still empty.",
                                  empty[0].question))
    if thin:
        names = ", ".join(f"‘{s.heading}’" for s in thin)
        advice.append(CoachAdvice("thin-sections", f"{_plural_sections(len(thin))} {names} "
                                                   f"{'has' if len(thin) == 1 else 'have'} only one line: say a little more.",
                                  thin[0].question))
    return advice


def _plural_sections(n: int) -> str:
    return "The section" if n == 1 else "The sections"


def _hypothetical(text: str) -> bool:
    """More sentences about what one would, could or should do than about what was done.

    "Next time I would..." and "I could have..." look back or ahead from something that
    happened, as an action plan should, so they do not count.
    """
    would = done = 0
    for sentence in _SENTENCE.findall(text):
        if _HYPOTHETICAL.search(sentence) and not _LOOKING_BACK.search(sentence):
            would += 1
        if _PAST.search(sentence):
            done += 1
    return would > 0 and would >= done


def depth(body: str, model: str = "none") -> Depth:
    """How deep the writing goes, with the reason in plain words."""
    text = _prose(body or "", model or "none")
    feel, judge = bool(_FEELINGS.search(text)), bool(_EVALUATION.search(text))
    learn, ahead = bool(_LEARNING.search(text)), bool(_NEXT_STEPS.search(text))
    why, weigh = bool(_REASONING.search(text)), bool(_CRITICAL.search(text))
    if not (feel or judge or learn):
        return Depth("descriptive", "It tells what happened; add how you felt and what it meant to you.")
    if learn and why and (weigh or ahead) and (feel or judge):
        return Depth("critical", "It says why things happened, weighs what else could have been done "
                                 "and turns what you learnt into what you will do.")
    have = [name for name, present in (("how you felt", feel), ("what went well or not", judge),
                                       ("what you learnt", learn)) if present]
    todo = "say why it happened and what else you could have done" if not (why and weigh) else \
        "say what you learnt and what you will do differently"
    return Depth("reflective", f"It goes beyond what happened ({', '.join(have)}); to go deeper, {todo}.")
