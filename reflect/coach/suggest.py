"""Which criteria and meta-skills a reflection most likely evidences, ranked from the
framework's own words.

A small BM25 ranking, in pure Python, with no network and no model: each criterion is a
document (its text, plus its unit's title and goal at a lower weight), each meta-skill is a
document (its name, description and sub-skills), and the reflection is the query. Words are
reduced to a rough stem (:func:`stem`), so "refunded" meets "refunds" and "complaining"
meets "complaints". A criterion also gains from how well the reflection matches its unit as
a whole, which keeps a strong single word in an unrelated unit from winning.

The index is built once per framework (about 20 ms) and kept; ranking a 300-word
reflection then takes a few milliseconds (see bench/RESULTS.md).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from reflect.jsonable import Record

if TYPE_CHECKING:
    from reflect.framework.standards import Framework

__all__ = ["Suggestion", "Suggestions", "suggest", "stem", "tokens"]

K1, B = 1.2, 0.75
#: Weight of the unit's title and goal inside each criterion's document.
UNIT_WEIGHT = 0.4
#: How much the match with the whole unit adds to a criterion's score.
UNIT_SHARE = 0.6

# Words too common in reflections or in the framework to say anything about a criterion.
STOPWORDS = frozenset("""
    a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having
    he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
    nor not now of off on once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too under until up very
    was we were what when where which while who whom why will with would you your yours yourself yourselves
    got get went go going gone said told asked came come came back today yesterday day time really quite
    bit lot lots thing things something anything everything someone anyone one two first then still even
    also able within line relevant including use using used make made take took need needed ensure own
    organisation organisations organisational organization organizational policies policy procedures procedure
    customer customers colleague colleagues work working worked job role like felt feel think thought know knew
    us let lets way ways much many well good new found help helped see saw kept showed tell people times
    coming happened part manager self back went put gave give gone getting instead long
""".split())
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?")
#: Fewer telling words than this is too little to suggest anything from (a title alone).
MIN_TERMS = 5
#: Query weight of a framework word added because the reflection used an everyday word for it.
ALIAS_WEIGHT = 0.5
#: Knowledge items are usually evidenced by questioning; what a reflection tells is what was done.
KNOWLEDGE_WEIGHT = 0.85
_SUFFIXES = (
    ("isations", "is"), ("izations", "is"), ("isation", "is"), ("ization", "is"), ("ations", "at"), ("ation", "at"),
    ("ements", ""), ("ement", ""), ("ments", ""), ("ment", ""), ("nesses", ""), ("ness", ""), ("ings", ""), ("ing", ""),
    ("ies", "y"), ("ied", "y"), ("ised", "is"), ("ized", "is"), ("ises", "is"), ("izes", "is"), ("ise", "is"),
    ("ize", "is"), ("fully", ""), ("ful", ""), ("ly", ""), ("ers", ""), ("er", ""), ("ed", ""), ("es", ""), ("s", ""),
)


# Stems that mean the same but the suffix rules leave apart.
_SAME = {"complaint": "complain", "analys": "analy", "analyz": "analy", "analys": "analy"}


@lru_cache(maxsize=20_000)
def stem(word: str) -> str:
    """A rough stem, the same for the forms people write: refunds, refunded, refunding -> refund."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not (suffix == "s" and word.endswith("ss")):
            word = word[: -len(suffix)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    if len(word) > 4 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]
    return _SAME.get(word, word)


def tokens(text: str) -> list[tuple[str, str]]:
    """(stem, word as written) for each word of ``text`` that is not a stopword."""
    out = []
    for word in _WORD.findall(text.lower()):
        word = word.replace("’", "'")
        if word in STOPWORDS or len(word) < 3:
            continue
        out.append((stem(word), word))
    return out


@dataclass(frozen=True)
class Suggestion(Record):
    """A criterion or meta-skill the text may evidence: ``kind`` is ``criterion`` or
    ``meta-skill``; ``words`` are the reflection's words that matched, most telling first."""

    kind: str
    id: str
    name: str
    score: float
    words: tuple[str, ...] = ()

    def json_shape(self) -> dict:
        return {"kind": self.kind, "id": self.id, "name": self.name, "score": round(self.score, 3),
                "words": self.words}


@dataclass(frozen=True)
class Suggestions(Record):
    """Best meta-skills and criteria for one text, best first."""

    skills: tuple[Suggestion, ...] = ()
    criteria: tuple[Suggestion, ...] = ()

    def best(self, skills: int = 3, criteria: int = 5) -> list[Suggestion]:
        """The few worth showing: the best meta-skills, then the best criteria."""
        return list(self.skills[:skills]) + list(self.criteria[:criteria])

    def json_shape(self) -> list[Suggestion]:
        """In JSON, the few worth showing (:meth:`best`)."""
        return self.best()


@dataclass
class _Index:
    """BM25 statistics over one set of documents."""

    ids: list[str]
    names: list[str]
    docs: list[dict[str, float]]
    lengths: list[float] = field(default_factory=list)
    postings: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    average: float = 1.0

    def __post_init__(self) -> None:
        self.lengths = [sum(d.values()) for d in self.docs]
        self.average = (sum(self.lengths) / len(self.lengths)) if self.lengths else 1.0
        frequency: Counter = Counter()
        for number, doc in enumerate(self.docs):
            for term, tf in doc.items():
                self.postings.setdefault(term, []).append((number, tf))
                frequency[term] += 1
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - df + 0.5) / (df + 0.5)) for t, df in frequency.items()}

    def scores(self, query: dict[str, float]) -> tuple[dict[int, float], dict[int, dict[str, float]]]:
        """BM25 score of each document that shares a term with ``query`` (term -> weight), and
        what each term gave."""
        scores: dict[int, float] = {}
        parts: dict[int, dict[str, float]] = {}
        for term, query_weight in query.items():
            idf = self.idf.get(term)
            if idf is None:
                continue
            weight = idf * query_weight
            for number, tf in self.postings[term]:
                norm = K1 * (1 - B + B * self.lengths[number] / self.average)
                gain = weight * tf * (K1 + 1) / (tf + norm)
                scores[number] = scores.get(number, 0.0) + gain
                parts.setdefault(number, {})[term] = gain
        return scores, parts


@dataclass
class _FrameworkIndex:
    framework: "Framework"
    criteria: _Index
    skills: _Index
    units: _Index
    unit_of: list[int]
    kinds: list[str]


_CACHE: dict[int, _FrameworkIndex] = {}


def _bag(text: str, weight: float = 1.0, into: dict[str, float] | None = None) -> dict[str, float]:
    bag = into if into is not None else {}
    for term, _ in tokens(text or ""):
        bag[term] = bag.get(term, 0.0) + weight
    return bag


def index_for(framework: "Framework") -> _FrameworkIndex:
    """The ranking index for ``framework``, built on first use and kept."""
    cached = _CACHE.get(id(framework))
    if cached is not None and cached.framework is framework:
        return cached
    ids, names, docs, unit_of, kinds = [], [], [], [], []
    unit_docs = []
    for u_number, unit in enumerate(framework.units):
        unit_bag = _bag(unit.title, 2.0)
        _bag(unit.goal or "", 1.0, unit_bag)
        # What every criterion of the unit shares, worked out once.
        shared = _bag(unit.title, UNIT_WEIGHT)
        _bag(unit.goal or "", UNIT_WEIGHT / 2, shared)
        for criterion in unit.criteria:
            bag = _bag(criterion.text)
            _bag(criterion.section or "", 0.5, bag)
            for term, weight in shared.items():
                bag[term] = bag.get(term, 0.0) + weight
            ids.append(criterion.id)
            names.append(criterion.text)
            docs.append(bag)
            unit_of.append(u_number)
            kinds.append(criterion.kind)
            _bag(criterion.text, 1.0, unit_bag)
        unit_docs.append(unit_bag)
    skill_docs = []
    for skill in framework.meta_skills:
        bag = _bag(skill.name, 3.0)
        _bag(skill.description, 0.5, bag)  # an example of use, about the situation more than the skill
        for sub in skill.sub_skills:
            _bag(sub, 2.0, bag)
        skill_docs.append(bag)
    built = _FrameworkIndex(
        framework=framework,
        criteria=_Index(ids, names, docs),
        skills=_Index([s.id for s in framework.meta_skills], [s.name for s in framework.meta_skills], skill_docs),
        units=_Index([u.code for u in framework.units], [u.title for u in framework.units], unit_docs),
        unit_of=unit_of,
        kinds=kinds,
    )
    _CACHE.clear()  # one framework at a time is the usual case: keep memory flat
    _CACHE[id(framework)] = built
    return built


def suggest(text: str, framework: "Framework", *, limit: int = 10, skip: Iterable[str] = (),
            prefer_units: Iterable[str] = ()) -> Suggestions:
    """The criteria and meta-skills ``text`` most likely evidences, best first.

    ``skip`` leaves out ids already tagged; criteria of ``prefer_units`` (the apprentice's
    chosen units) rank a little higher. Fewer than :data:`MIN_TERMS` telling words (a title
    alone, half a sentence) suggest nothing.
    """
    words = tokens(_prose(text or ""))
    if len(words) < MIN_TERMS:
        return Suggestions()
    index = index_for(framework)
    query, written = _query(words)
    skipped = set(skip)
    preferred = set(prefer_units)

    unit_scores, _ = index.units.scores(query)
    top_unit = max(unit_scores.values(), default=0.0) or 1.0
    scores, parts = index.criteria.scores(query)
    ranked = []
    for number, score in scores.items():
        cid = index.criteria.ids[number]
        if cid in skipped:
            continue
        u_number = index.unit_of[number]
        score += UNIT_SHARE * score * unit_scores.get(u_number, 0.0) / top_unit
        if index.units.ids[u_number] in preferred:
            score *= 1.2
        if index.kinds[number] == "knowledge":
            score *= KNOWLEDGE_WEIGHT
        ranked.append((score, number))
    ranked.sort(key=lambda pair: (-pair[0], pair[1]))
    criteria = tuple(Suggestion("criterion", index.criteria.ids[n], index.criteria.names[n], s,
                                _matched(parts[n], written)) for s, n in ranked[:limit])

    skill_scores, skill_parts = index.skills.scores(query)
    skill_ranked = sorted(((s, n) for n, s in skill_scores.items() if index.skills.ids[n] not in skipped),
                          key=lambda pair: (-pair[0], pair[1]))
    skills = tuple(Suggestion("meta-skill", index.skills.ids[n], index.skills.names[n], s,
                              _matched(skill_parts[n], written)) for s, n in skill_ranked[:limit])
    return Suggestions(skills=skills, criteria=criteria)


def _prose(text: str) -> str:
    """The writing without template headings and their quoted questions ("What were you
    feeling?" would otherwise suggest *feeling* for every Gibbs reflection)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith((">", "#")))


def _query(words: list[tuple[str, str]]) -> tuple[dict[str, float], dict[str, str]]:
    """The query's terms with their weights, and the word written for each term (an added
    framework word shows the everyday word that brought it)."""
    from reflect.coach.vocabulary import ALIASES

    counts = Counter(term for term, _ in words)
    query = {term: 1 + math.log(n) for term, n in counts.items()}
    written: dict[str, str] = {}
    for term, word in words:
        written.setdefault(term, word)
    for _, word in words:
        for alias in ALIASES.get(word, "").split():
            for term, _ in tokens(alias.replace("-", " ")):
                if term not in counts:
                    query[term] = max(query.get(term, 0.0), ALIAS_WEIGHT)
                    written.setdefault(term, word)
    return query, written


def _matched(parts: dict[str, float], written: dict[str, str], most: int = 4) -> tuple[str, ...]:
    shown: list[str] = []
    for term, _ in sorted(parts.items(), key=lambda pair: -pair[1]):
        word = written.get(term)
        if word and word not in shown:
            shown.append(word)
    return tuple(shown[:most])
