"""Suggested criteria and meta-skills: recall over the labelled reflections, and the ranking's
behaviour (matched words, tags left out, chosen units, any framework)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reflect.coach.suggest import stem, suggest

LABELLED = json.loads((Path(__file__).parent.parent / "data" / "coach_labelled.json").read_text(encoding="utf-8"))
REFLECTIONS = LABELLED["reflections"]

# Floors set from the measurement in bench/RESULTS.md (criteria 72% in the top 5 and 85% in
# the top 10; meta-skills 72% in the top 5), a reflection or two below it.
FLOORS = {("criteria", 5): 0.68, ("criteria", 10): 0.80, ("skills", 5): 0.68}


def test_the_labelled_set_is_big_enough_and_valid(framework):
    assert len(REFLECTIONS) >= 40
    for item in REFLECTIONS:
        assert item["criteria"] and all(framework.criterion(c) for c in item["criteria"]), item["id"]
        assert item["skills"] and all(framework.skill(s) for s in item["skills"]), item["id"]
        assert len(item["text"].split()) >= 50, item["id"]


@pytest.mark.parametrize(("kind", "k"), sorted(FLOORS))
def test_recall_floor(framework, kind, k):
    hits = 0
    for item in REFLECTIONS:
        found = suggest(item["text"], framework, limit=k)
        ranked = found.criteria if kind == "criteria" else found.skills
        hits += bool({s.id for s in ranked[:k]} & set(item[kind]))
    assert hits / len(REFLECTIONS) >= FLOORS[(kind, k)]


def test_refund_reflection_suggests_the_refunds_unit_with_its_words(framework):
    found = suggest("I refunded a faulty kettle to a customer and explained our returns policy to her.", framework)
    best = found.criteria[0]
    assert best.id.startswith("SDS0354.")
    assert {"refunded", "returns"} <= set(best.words) or "refunded" in best.words


def test_everyday_words_reach_the_framework_words(framework):
    found = suggest("A man shouted and swore at me at the till, so I stayed calm and listened.", framework)
    assert any(c.id.startswith("INSCS016.") for c in found.criteria[:5])
    assert "shouted" in found.criteria[0].words or "swore" in found.criteria[0].words or any(
        "shouted" in c.words for c in found.criteria[:5])
    assert found.skills[0].id == "communication"


def test_tags_already_given_are_left_out(framework):
    text = "I refunded a faulty kettle and explained our returns policy."
    first = suggest(text, framework).criteria[0].id
    again = suggest(text, framework, skip=[first])
    assert first not in [c.id for c in again.criteria]


def test_chosen_units_rank_higher(framework):
    text = "A customer complained that her parcel was late, so I listened to the problem and solved it with the depot."
    plain = [c.id for c in suggest(text, framework, limit=50).criteria]
    unit = plain[-1].split(".")[0]  # a unit far down the list as things stand
    first_plain = next(i for i, cid in enumerate(plain) if cid.startswith(unit + "."))
    assert first_plain > 0
    preferred = [c.id for c in suggest(text, framework, limit=50, prefer_units=[unit]).criteria]
    first_preferred = next(i for i, cid in enumerate(preferred) if cid.startswith(unit + "."))
    assert first_preferred < first_plain


def test_nothing_to_go_on_suggests_nothing(framework):
    assert suggest("", framework).best() == []
    assert suggest("the and of it was", framework).best() == []


def test_works_on_any_framework(tiny_framework):
    skills = {s.id for s in tiny_framework.meta_skills}
    criteria = {c.id for c in tiny_framework.all_criteria()}
    found = suggest("I kneaded the dough and baked forty loaves, then cleaned the oven.", tiny_framework)
    assert {s.id for s in found.skills} <= skills
    assert found.criteria and {c.id for c in found.criteria} <= criteria


@pytest.mark.parametrize(("words", "same"), [
    (("refunds", "refunded", "refunding", "refund"), True),
    (("complaints", "complained", "complaining"), True),
    (("exchanges", "exchanged", "exchange"), True),
    (("policies", "policy"), True),
    (("listening", "listened", "listen"), True),
    (("refund", "return"), False),
])
def test_stem(words, same):
    assert (len({stem(w) for w in words}) == 1) is same
