"""Deterministic made-up reflections: the same seed and size always give the same journal.

Entries go back in time from :data:`END_DAY`: one to three on most days, 80-250 words each of
customer-service reflection, 1-4 meta-skills and 0-5 criteria from the framework, some private,
about a quarter written with a reflective model's headings (Gibbs, Driscoll, Kolb, STAR).
A 100,000-entry journal therefore spans well over a century of days: think of it as a whole
cohort's reflections loaded into one file, which is what a training provider might do.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from bench import phrases

#: The newest day written (fixed, so a journal does not depend on when it was generated).
END_DAY = date(2026, 11, 20)
#: Bump when the output changes, so cached journals are made again.
GENERATOR_VERSION = 1
MODEL_WEIGHTS = (("none", 75), ("gibbs", 9), ("driscoll", 7), ("star", 6), ("kolb", 3))
SKILL_WEIGHTS = {"communication": 5, "focus": 4, "adaptability": 3, "integrity": 3, "feeling": 3,
                 "collaboration": 3, "initiative": 2, "critical-thinking": 2, "sense-making": 2,
                 "curiosity": 2, "leadership": 1, "creativity": 1}
MIN_WORDS, MAX_WORDS = 80, 250
TIMES = ("12:{:02d}", "17:{:02d}", "21:{:02d}")


@dataclass(frozen=True)
class GenEntry:
    """One made-up reflection, ready for either tool."""

    id: int
    uid: str
    day: date
    time: str  # "HH:MM", local, when it was written
    title: str
    body: str
    model: str
    skills: tuple[str, ...]
    criteria: tuple[str, ...]
    private: bool
    confidence: int | None
    minutes: int | None
    #: Kind of evidence (reflect.entries.kinds): about one in ten is from someone else.
    kind: str = "reflection"


#: Kinds by ``id % 50``, apart from the generator's random stream so the other fields stay as
#: they were: 4% witness testimony, 2% each product, observation, discussion; the rest reflections.
OTHER_KINDS = {0: "witness", 1: "witness", 2: "product", 3: "observation", 4: "discussion"}


class Composer:
    """Writes entries from the phrase banks with one seeded random generator."""

    def __init__(self, seed: int, skill_ids: list[str], criterion_ids: list[str]):
        self.rng = random.Random(seed)
        self.skill_ids = skill_ids
        self.skill_weights = [SKILL_WEIGHTS.get(s, 1) for s in skill_ids]
        self.criterion_ids = criterion_ids

    def fill(self, sentence: str) -> str:
        choice = self.rng.choice
        return sentence.format(**{k: choice(v) for k, v in phrases.SLOTS.items() if "{" + k in sentence})

    def body(self, opening: str, model: str, target_words: int) -> str:
        """Text of about ``target_words`` words: free paragraphs, or a model's sections."""
        if model == "none":
            banks = [(None, bank) for bank in phrases.FREE_ORDER]
        else:
            banks = list(phrases.MODEL_SECTIONS[model])
        parts: dict[int, list[str]] = {i: [] for i in range(len(banks))}
        parts[0].append(self.fill(opening))
        words = len(opening.split())
        # Deal each bank's sentences like cards, so a sentence does not repeat within an entry.
        decks = [self.rng.sample(bank, len(bank)) for _, bank in banks]
        i = 0
        while words < target_words and any(decks):
            slot = i % len(banks)
            i += 1
            if decks[slot]:
                sentence = self.fill(decks[slot].pop())
                if words + len(sentence.split()) > MAX_WORDS:
                    break
                parts[slot].append(sentence)
                words += len(sentence.split())
        if model == "none":
            sentences = [s for i in parts for s in parts[i]]
            paragraphs, at = [], 0
            while at < len(sentences):
                step = self.rng.randint(2, 4)
                paragraphs.append(" ".join(sentences[at:at + step]))
                at += step
            return "\n\n".join(paragraphs)
        return "\n\n".join(f"## {banks[i][0]}\n\n" + " ".join(parts[i]) for i in parts if parts[i])

    def entry(self, entry_id: int, day: date, time: str) -> GenEntry:
        rng = self.rng
        title, opening = rng.choice(phrases.SITUATIONS)
        if rng.random() < 0.3:
            when = self.fill("{time_of_day}")
            title = f"{when[0].upper()}{when[1:]}: {title[0].lower()}{title[1:]}"
        model = rng.choices([m for m, _ in MODEL_WEIGHTS], [w for _, w in MODEL_WEIGHTS])[0]
        skills = set()
        for _ in range(rng.choice((1, 1, 2, 2, 2, 3, 3, 4))):
            skills.add(rng.choices(self.skill_ids, self.skill_weights)[0])
        criteria = rng.sample(self.criterion_ids, rng.choice((0, 0, 1, 1, 2, 2, 3, 4, 5)))
        return GenEntry(
            id=entry_id, uid=f"{rng.getrandbits(128):032x}", day=day, time=time, title=title,
            body=self.body(opening, model, rng.randint(MIN_WORDS, MAX_WORDS)), model=model,
            skills=tuple(sorted(skills)), criteria=tuple(sorted(criteria)),
            private=rng.random() < 0.1,
            confidence=rng.randint(1, 5) if rng.random() < 0.7 else None,
            minutes=rng.choice((10, 15, 20, 30, 45, 60)) if rng.random() < 0.5 else None,
            kind=OTHER_KINDS.get(entry_id % 50, "reflection"),
        )


def chosen_criteria(framework, rng: random.Random) -> list[str]:
    """Criteria an apprentice would cite: the mandatory units plus four optional ones."""
    optional = list(framework.optional_units)
    chosen = list(framework.mandatory_units) + rng.sample(optional, min(4, len(optional)))
    return [c.id for unit in chosen for c in unit.criteria]


def compose_entries(size: int, seed: int, framework) -> list[GenEntry]:
    """``size`` entries, oldest first, ids 1..size in the order they were written."""
    rng = random.Random(seed)
    composer = Composer(seed + 1, [s.id for s in framework.meta_skills], chosen_criteria(framework, rng))
    slots: list[tuple[date, str]] = []
    day = END_DAY
    while len(slots) < size:
        if rng.random() < 0.85:  # most days
            count = rng.choice((1, 1, 1, 2, 2, 3))
            times = sorted(rng.sample(TIMES, count))
            # Written newest first while walking back, so reverse within the day too.
            for t in reversed(times):
                slots.append((day, t.format(rng.randrange(60))))
        day -= timedelta(days=1)
    slots = slots[:size]
    slots.reverse()
    return [composer.entry(i + 1, d, t) for i, (d, t) in enumerate(slots)]
