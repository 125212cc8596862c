"""The SMART check: plain, specific advice on an objective as the person types it.

Heuristics only, as every public SMART checker's are, so the check *advises* and never
blocks: :func:`check_objective` returns a list of :class:`Advice` (empty when it has nothing
to say). It copes with partial input (half a sentence, no deadline yet) and never raises.

* **Specific**: starts with an action verb (after "I will", "To", ...); no vague words
  (improve, better, try, learn...); more than a few words.
* **Measurable**: a number, count, percentage or frequency, a measure written out, or a
  done-or-not outcome (complete, pass, attend, submit...).
* **Achievable / Realistic**: a machine cannot judge them, so it asks for the reasons.
* **Time-bound**: a deadline, given as a date or in the text ("by 31/01/2027", "within 6
  weeks", "by the end of March", "before my next review"), after the day it was set, not
  past, and not so far off that nobody reviews it.
* **Linked** to a meta-skill or criterion, so reviews can trace it.

Deadline phrases are read by :mod:`reflect.review.deadlines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from dateutil.relativedelta import relativedelta

from reflect.jsonable import Record
from reflect.dates import format_short
from reflect.review.deadlines import DeadlineHint, find_deadline, read_deadline

__all__ = ["Advice", "DeadlineHint", "check_objective", "find_deadline", "framework_verbs", "read_deadline",
           "smart_letters"]

#: The letters advice is filed under: SMART plus L for "linked".
LETTERS = ("S", "M", "A", "R", "T", "L")


@dataclass(frozen=True)
class Advice(Record):
    """One piece of advice: a stable ``code`` for tests and styling, a plain ``message``,
    the SMART ``letter`` it belongs to and the ``field`` to show it next to."""

    code: str
    message: str
    letter: str
    field: str

    def json_shape(self) -> dict:
        return {"code": self.code, "message": self.message, "letter": self.letter, "field": self.field}


ACTION_VERBS = frozenset("""
    accept achieve act adapt add agree answer apply arrange ask assess assist attend balance book
    brief build calculate call challenge chair change check clean close coach collect compare complete
    contact contribute count create cut deal decide deliver demonstrate describe design develop display
    document draft email encourage escalate explain fill find finish fix follow gather give greet guide
    handle help hit host identify increase introduce join keep label lead list listen log lower maintain
    make manage map measure meet memorise memorize mentor monitor move observe obtain offer open organise
    organize pass phone plan practise practice prepare present prioritise prioritize process produce
    promote propose provide raise reach read recognise record reduce refund rehearse reply report research
    resolve respond restock review run save schedule sell send serve set shadow share show sign solve sort
    speak start stock study submit suggest summarise summarize supervise support take teach test tidy
    track train update upsell use visit volunteer welcome write
""".split())
_EXAMPLE_VERBS = "handle, complete, lead, reduce"

_LEAD_IN = re.compile(
    r"^\s*(?:(?:(?:i|we)\s+(?:will|shall|am\s+going\s+to|are\s+going\s+to|plan\s+to|aim\s+to|want\s+to|"
    r"would\s+like\s+to|need\s+to|intend\s+to|should|can|must)|i['’]ll|we['’]ll|my\s+(?:goal|aim|objective)\s+is\s+to|"
    r"to|be\s+able\s+to)\s+)*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

# (pattern, message); the message's {w} is the word as typed. Checked in this order.
_VAGUE: tuple[tuple[str, str], ...] = (
    (r"improv\w*", "‘{w}’ is vague: say what will be different"),
    (r"(?:get|getting|be|become)\s+better|better", "‘{w}’ is vague: better in what way, and by how much?"),
    (r"try\s+to|try|trying|tried", "‘{w}’ leaves room not to: say what you will do"),
    (r"learn\w*|understand\w*|know|knowing", "‘{w}’ is hard to see from outside: say what you will be able to do, show or explain"),
    (r"(?:be|become|being)\s+(?:more\s+)?aware|awareness", "‘{w}’ is hard to see: say what you will do differently"),
    (r"work(?:ing)?\s+on", "‘{w}’ has no end point: say what you will do and what done looks like"),
    (r"confiden(?:t|ce)", "‘{w}’ is a feeling: say what you will do that shows it"),
    (r"good", "‘{w}’ is vague: say what good looks like"),
    (r"if\s+possible|when\s+possible|where\s+possible|as\s+much\s+as\s+possible|hopefully|maybe|perhaps",
     "‘{w}’ makes it optional: commit to what you will do"),
    (r"some|things?|stuff|various|lots?|etc", "‘{w}’ is vague: name them or say how many"),
)
_VAGUE_RES = tuple((re.compile(rf"\b(?:{p})\b", re.IGNORECASE), m) for p, m in _VAGUE)
# "more" and "less" are only vague without a number to compare with.
_COMPARATIVE = re.compile(r"\b(?:more|less|fewer|quicker|faster)\b", re.IGNORECASE)
_MEASURE = re.compile(
    r"\d|%|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|"
    r"hundred|once|twice|half|double|every|each|per|daily|weekly|fortnightly|monthly|all|zero|none|"
    r"at\s+least|no\s+more\s+than|percent|score|scores|rating|target|feedback\s+form|checklist|signed\s+off)\b",
    re.IGNORECASE)
# Done-or-not outcomes: "complete the till training" carries its own measure.
_BINARY_VERBS = frozenset("attend complete finish pass submit achieve".split())
_MIN_WORDS = 3  # words and numbers, not counting "I will" or the deadline
_TOKEN = re.compile(r"\w+")
_FAR_MONTHS = 12


def check_objective(specific: str = "", measure: str = "", deadline: date | str | None = None,
                    set_on: date | None = None, skills: Iterable[str] = (), criteria: Iterable[str] = (), *,
                    achievable: str = "", relevant: str = "", next_review: date | None = None,
                    today: date | None = None, verbs: Iterable[str] = ()) -> list[Advice]:
    """Advice on an objective, in SMART order then "linked"; empty when it looks SMART.

    ``deadline`` may be a date, the text typed in the deadline box, or None. ``set_on`` is
    when it was set (default ``today``, itself default the computer's date); ``next_review``
    lets "before my next review" count as a date; ``verbs`` adds action verbs to the built-in
    ones (pass :func:`framework_verbs` so a bakery framework's "knead" counts).
    """
    today = today or date.today()
    set_on = set_on or today
    specific, measure = specific or "", measure or ""
    advice: list[Advice] = []
    in_specific = find_deadline(specific, set_on, next_review)
    in_measure = None if in_specific else find_deadline(measure, set_on, next_review)
    hint = in_specific or in_measure
    # The deadline's own numbers ("within 6 weeks") are not a measure.
    measured = (_is_measured(_without(specific, in_specific), _without(measure, in_measure))
                or _first_word(specific) in _BINARY_VERBS)
    known = ACTION_VERBS | frozenset(v.lower() for v in verbs)
    advice += _specific(specific, _without(specific, in_specific), measured, known)
    if not measured:
        advice.append(Advice("no-measure", "Add a number or a measure: how will you and your mentor know it is done?",
                             "M", "measure"))
    if not (achievable or "").strip():
        advice.append(Advice("no-achievable", "Say why it is achievable: the time, help or training you will have.",
                             "A", "achievable"))
    if not (relevant or "").strip():
        advice.append(Advice("no-relevant", "Say why it matters for your role, your development or the business.",
                             "R", "relevant"))
    advice += _time_bound(deadline, hint, set_on, today, next_review)
    if not list(skills) and not list(criteria):
        advice.append(Advice("not-linked", "Link it to a meta-skill or a criterion so reviews can trace it.",
                             "L", "links"))
    return advice


def smart_letters(advice: Iterable[Advice]) -> dict[str, bool]:
    """For each letter (S, M, A, R, T, L): True when there is no advice about it."""
    flagged = {a.letter for a in advice}
    return {letter: letter not in flagged for letter in LETTERS}


def _specific(specific: str, rest: str, measured: bool, known: frozenset[str]) -> list[Advice]:
    """Advice on the "what": ``rest`` is the text without its deadline phrase."""
    advice: list[Advice] = []
    body = _LEAD_IN.sub("", specific, count=1)
    words = _WORD.findall(body)  # the lead-in ("I will") is not what you will do
    if not words:
        return [Advice("specific-empty", f"Say what you will do, starting with an action verb such as {_EXAMPLE_VERBS}.",
                       "S", "specific")]
    still_typing = len(words) == 1 and not specific[-1:].isspace()
    vague = _vague_words(body, measured)
    first = words[0].lower()
    starts_vague = any(body.lower().lstrip().startswith(w.lower()) for w, _ in vague)
    if not starts_vague and not _is_verb(first, known) and not (still_typing and _verb_prefix(first, known)):
        advice.append(Advice("no-action-verb", f"Start with an action verb such as {_EXAMPLE_VERBS}.", "S", "specific"))
    advice += [Advice("vague-word", message, "S", "specific") for _, message in vague]
    if len(_TOKEN.findall(_LEAD_IN.sub("", rest, count=1))) < _MIN_WORDS and not still_typing:
        advice.append(Advice("too-short", "Say more: what exactly, where, or with whom?", "S", "specific"))
    return advice


def _vague_words(text: str, measured: bool) -> list[tuple[str, str]]:
    """(word as typed, message) for each vague word, once per kind, in order of appearance."""
    found: list[tuple[int, str, str]] = []
    taken: list[range] = []
    for pattern, message in _VAGUE_RES:
        match = next((m for m in pattern.finditer(text) if not any(m.start() in r for r in taken)), None)
        if match:
            taken.append(range(match.start(), match.end()))
            word = " ".join(match.group(0).split()).lower()
            found.append((match.start(), word, message.format(w=word)))
    if not measured and (match := _COMPARATIVE.search(text)):
        word = match.group(0).lower()
        found.append((match.start(), word, f"‘{word}’ needs a comparison: {word} than now, by how much?"))
    return [(w, m) for _, w, m in sorted(found)]


def framework_verbs(framework) -> frozenset[str]:
    """The verbs a framework's performance criteria start with ("knead the dough...",
    "Identifying meta-skills..."), minus vague ones: action verbs for that trade."""
    verbs = set()
    for criterion in framework.all_criteria():
        words = _WORD.findall(criterion.text) if criterion.kind == "performance" else []
        if words:
            verbs |= _base_forms(words[0].lower())
    vague = {"improve", "improv", "learn", "understand", "know", "try", "be", "get", "work", "the", "a", "an"}
    return frozenset(v for v in verbs if v not in vague and len(v) > 2)


def _base_forms(word: str) -> set[str]:
    """The word and what it may be a form of: handles -> handle, handling -> handle, running -> run."""
    word = word.replace("’", "'")
    forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        forms |= {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
    return forms


def _is_verb(word: str, known: frozenset[str] = ACTION_VERBS) -> bool:
    return bool(_base_forms(word) & known)


def _verb_prefix(word: str, known: frozenset[str] = ACTION_VERBS) -> bool:
    return any(v.startswith(word) for v in known)


def _first_word(specific: str) -> str:
    words = _WORD.findall(_LEAD_IN.sub("", specific, count=1))
    return words[0].lower() if words else ""


def _without(text: str, hint: DeadlineHint | None) -> str:
    return text[:hint.start] + " " + text[hint.end:] if hint else text


def _is_measured(specific: str, measure: str) -> bool:
    if _MEASURE.search(specific) or _MEASURE.search(measure):
        return True
    return len(_WORD.findall(measure)) >= 3  # a measure written out: "my manager observes me"


def _time_bound(deadline, hint: DeadlineHint | None, set_on: date, today: date,
                next_review: date | None) -> list[Advice]:
    given: date | None = None
    if isinstance(deadline, date):
        given = deadline
    elif isinstance(deadline, str) and deadline.strip():
        typed = read_deadline(deadline, set_on, next_review)
        if typed is None:
            shown = " ".join(deadline.split())[:40]
            return [Advice("deadline-unreadable",
                           f'Can\'t read the deadline "{shown}": try 31/01/2027 or within 6 weeks.', "T", "deadline")]
        if typed.day is None:
            return []  # "my next review" with no schedule set: time-bound enough
        given = typed.day
    if given is None and hint is None:
        return [Advice("no-deadline", "Add a deadline, for example by 31/01/2027 or within 6 weeks.", "T", "deadline")]
    advice: list[Advice] = []
    if given and hint and hint.day and hint.day != given:
        advice.append(Advice("deadline-mismatch", f"The text says {format_short(hint.day)} but the deadline is "
                                                  f"{format_short(given)}: which is it?", "T", "deadline"))
    due = given or (hint.day if hint else None)
    if due is None:
        return advice  # "before my next review" with no schedule set: time-bound enough
    if due < today:
        advice.append(Advice("past-deadline", f"The deadline {format_short(due)} is already past.", "T", "deadline"))
    elif due <= set_on:
        advice.append(Advice("deadline-too-soon", f"The deadline {format_short(due)} is not after the day it was set "
                                                  f"({format_short(set_on)}): allow time to do it.", "T", "deadline"))
    elif due > _months_after(set_on, _FAR_MONTHS):
        advice.append(Advice("deadline-far", "A deadline more than a year away is hard to review: "
                                             "set a nearer step you can check at your next review.", "T", "deadline"))
    return advice


def _months_after(day: date, months: int) -> date:
    """``day`` plus ``months``, or the last day there is (near the end of the calendar)."""
    try:
        return day + relativedelta(months=months)
    except (ValueError, OverflowError):
        return date.max
