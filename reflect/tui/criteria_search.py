"""Finding criteria as people type: by code ("P12", "INSCS016.P12", "sds0223 k5") or by words,
forgiving small typos, grouped by unit with the apprentice's own units first.

Plain Python (no Textual) so it can be tested directly. The framework is small (hundreds of
criteria), so a scan per keystroke is quick; typo tolerance looks words up in a vocabulary
built once per framework instead of comparing every criterion.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from reflect.framework.standards import Criterion, Framework, Unit

_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class UnitMatches:
    """One unit and its matching criteria, in framework order."""

    unit: Unit
    criteria: tuple[Criterion, ...]
    preferred: bool


def _haystack(unit: Unit, criterion: Criterion) -> str:
    return f"{criterion.id} {criterion.label} {unit.title} {criterion.section or ''} {criterion.text}".lower()


@lru_cache(maxsize=4)
def _index(framework: Framework) -> tuple[tuple[tuple[Unit, Criterion, str], ...], tuple[str, ...]]:
    rows = tuple((u, c, _haystack(u, c)) for u in framework.units for c in u.criteria)
    vocabulary = tuple(sorted({w for *_, text in rows for w in _WORDS.findall(text) if len(w) > 3}))
    return rows, vocabulary


def _alternatives(term: str, vocabulary: tuple[str, ...]) -> tuple[str, ...]:
    """The term itself, plus close spellings of it for words long enough to mistype.

    Codes (anything with a digit) are never "corrected": INSCS016 is not INSCS026.
    """
    if len(term) < 5 or any(ch.isdigit() for ch in term):
        return (term,)
    return (term, *difflib.get_close_matches(term, vocabulary, n=4, cutoff=0.8))


def _score(term_options: list[tuple[str, ...]], criterion: Criterion, text: str) -> float:
    """0 if some term is missing; otherwise higher for code matches and exact words."""
    total = 0.0
    label = criterion.label.lower()
    for options in term_options:
        term = options[0]
        if term == label or term == criterion.id.lower():
            total += 10
        elif term in text:
            total += 3 if re.search(rf"\b{re.escape(term)}", text) else 1
        elif any(alt in text for alt in options[1:]):
            total += 0.5
        else:
            return 0.0
    return total


def search_criteria(framework: Framework, query: str, preferred_units: Iterable[str] = ()) -> list[UnitMatches]:
    """Criteria matching every term of ``query`` (all criteria when it is empty), grouped by unit.

    Units in ``preferred_units`` (the apprentice's mandatory and chosen ones) come first, in
    framework order; the others follow, best match first.
    """
    rows, vocabulary = _index(framework)
    # "INSCS016.P12" and "sds0223 k5" are codes: split the unit from the item so both count.
    terms = re.sub(r"(?<=\w)\.(?=[pksb]\d)", " ", query.lower()).split()
    options = [_alternatives(t, vocabulary) for t in terms]
    preferred = set(preferred_units)
    found: dict[str, list[tuple[float, Criterion]]] = {}
    units: dict[str, Unit] = {}
    for unit, criterion, text in rows:
        score = _score(options, criterion, text) if options else 1.0
        if score:
            found.setdefault(unit.code, []).append((score, criterion))
            units[unit.code] = unit
    order = {u.code: i for i, u in enumerate(framework.units)}

    def unit_key(code: str) -> tuple:
        best = max(score for score, _ in found[code])
        return (code not in preferred, 0 if code in preferred else -best, order[code])

    return [
        UnitMatches(units[code], tuple(c for _, c in found[code]), code in preferred)
        for code in sorted(found, key=unit_key)
    ]
