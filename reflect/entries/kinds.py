"""Kinds of evidence a journal item can be, as SVQ assessment accepts them.

Most items are the apprentice's own reflections (their personal statement). The others are
evidence from elsewhere: **witness testimony** (a supervisor or colleague says what they saw),
a **product** of work (a thank-you card, a completed booking, a certificate), an
**observation** by an assessor, and a **professional discussion**. Every kind has a date,
title, body, tags and the private flag; witness testimony adds who the witness is, and
observation and discussion add who observed or took part (:class:`~reflect.entries.models.Witness`
and the entry's ``observer`` / ``participants``).

The ids here are stored in ``entries.kind`` (the schema's CHECK lists the same five) and
written in exports; the labels are for people. Each kind has a starting template whose
guiding questions (``>`` lines, which the word count leaves out) say what good evidence of
that kind records.
"""

from __future__ import annotations

import difflib
import re

from reflect.errors import InputError

REFLECTION, WITNESS, PRODUCT, OBSERVATION, DISCUSSION = (
    "reflection", "witness", "product", "observation", "discussion")

#: Every kind, in the order they are offered and counted.
KINDS = (REFLECTION, WITNESS, PRODUCT, OBSERVATION, DISCUSSION)

#: What a person calls each kind (one, and several).
KIND_LABELS = {
    REFLECTION: "reflection",
    WITNESS: "witness testimony",
    PRODUCT: "product of work",
    OBSERVATION: "observation",
    DISCUSSION: "professional discussion",
}
KIND_PLURALS = {
    REFLECTION: "reflections",
    WITNESS: "witness testimonies",
    PRODUCT: "products of work",
    OBSERVATION: "observations",
    DISCUSSION: "professional discussions",
}

#: One letter for narrow places (a list row of 80 columns): a reflection has none.
KIND_MARKS = {REFLECTION: "", WITNESS: "W", PRODUCT: "P", OBSERVATION: "O", DISCUSSION: "D"}

#: The option (and field) each kind's details go in: who vouches for the item.
DETAIL_KINDS = {"witness": WITNESS, "observer": OBSERVATION, "participants": DISCUSSION}

_ALIASES = {
    "reflection": REFLECTION, "reflections": REFLECTION, "statement": REFLECTION,
    "personal-statement": REFLECTION, "own": REFLECTION,
    "witness": WITNESS, "witness-testimony": WITNESS, "testimony": WITNESS, "witnesses": WITNESS,
    "product": PRODUCT, "products": PRODUCT, "work-product": PRODUCT, "product-of-work": PRODUCT,
    "observation": OBSERVATION, "observations": OBSERVATION, "observed": OBSERVATION,
    "discussion": DISCUSSION, "discussions": DISCUSSION, "professional-discussion": DISCUSSION,
    "pd": DISCUSSION,
}

#: Guiding questions per kind: (heading, question). A reflection follows a reflective model
#: instead (see :mod:`reflect.entries.templates`).
KIND_SECTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    WITNESS: (
        ("What the witness saw", "What did the witness see you do? Their words, as they said or wrote them."),
        ("When and where", "When was it, and where? Was the witness there the whole time?"),
        ("What it shows", "Which standard or criterion does it show you meeting, and how?"),
    ),
    PRODUCT: (
        ("What it is", "What is this piece of work (a card, a booking, a certificate, a screenshot)?"),
        ("How it came about", "What did you do to produce it, and when?"),
        ("What it shows", "Which standard or criterion does it show, and how?"),
    ),
    OBSERVATION: (
        ("What was observed", "What did the observer watch you do, and when?"),
        ("What they noted", "What did they say or write about it?"),
        ("What it shows", "Which standard or criterion does it show?"),
    ),
    DISCUSSION: (
        ("What was discussed", "What did you talk about, and with whom?"),
        ("What you explained", "What did you explain or show you understand?"),
        ("What it shows", "Which standard or criterion does it show?"),
    ),
}


def kind_label(kind: str, count: int = 1) -> str:
    """The kind as people say it ("witness testimony", "3 witness testimonies" needs ``count``)."""
    return (KIND_LABELS if count == 1 else KIND_PLURALS).get(kind, kind)


def kind_count(kind: str, count: int) -> str:
    """``"3 reflections"``, ``"1 witness testimony"``."""
    return f"{count} {kind_label(kind, count)}"


def describe_counts(by_kind: dict[str, int]) -> str:
    """Evidence by kind in one phrase, kinds in their usual order: "3 reflections, 1 witness testimony"."""
    return ", ".join(kind_count(k, by_kind[k]) for k in KINDS if by_kind.get(k)) or "no evidence"


def kind_template(kind: str) -> str:
    """The starting body for a kind: headings with the guiding question as a quoted hint
    (empty for a reflection, which starts from its reflective model)."""
    return "\n".join(f"## {heading}\n\n> {question}\n\n" for heading, question in KIND_SECTIONS.get(kind, ()))


def resolve_kind(text: str) -> str:
    """The kind named by ``text`` (its id, its label, a plural, any case).

    Raises :class:`InputError` saying which kinds there are, with the closest as "did you mean".
    """
    key = re.sub(r"[\s_]+", "-", (text or "").strip().lower())
    if key in _ALIASES:
        return _ALIASES[key]
    starting = [kind for kind in KINDS if len(key) >= 3 and kind.startswith(key)]
    if len(starting) == 1:  # "obs", "disc"
        return starting[0]
    close = difflib.get_close_matches(key, list(_ALIASES), n=1, cutoff=0.6)
    hint = f' Did you mean "{_ALIASES[close[0]]}"?' if close else ""
    raise InputError(f'Unknown kind of evidence "{text}".{hint} (Kinds: {", ".join(KINDS)}.)')
