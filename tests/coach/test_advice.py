"""The reflection coach's advice: which texts get which advice, and which get none."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from reflect.coach.advice import MIN_WORDS, coach, depth
from reflect.entries.templates import template_body

GOOD = (
    "Today a customer came to the till with a kettle that had stopped working after a week. She was upset "
    "because she had no receipt. I felt nervous at first because I had not done a refund without a receipt "
    "before. I stayed calm, listened to her and explained our returns policy. I checked the till system and "
    "found the sale on her bank card, so I could process the refund. She thanked me. I learnt that listening "
    "first calms people down, and that the system can find a sale without a receipt. Next time I will check "
    "the system straight away instead of calling my supervisor, because it would have saved her waiting."
)
DESCRIPTION = (
    "A customer came in on Saturday with a kettle that had stopped working. She wanted a refund but there was "
    "no receipt with it. I looked up the sale on the till using her bank card and found it from the week "
    "before. I processed the refund and printed a slip. She took the slip and left the shop. Then I put the "
    "kettle in the faulty returns cage at the back and wrote the fault on the label for the supplier."
)
HYPOTHETICAL = (
    "When a customer wants a refund you should always ask for the receipt first. I would explain the returns "
    "policy and I could check the till system for the sale. You need to stay calm and be polite. It would be "
    "best to call a supervisor if the customer is angry. I think I would feel nervous but I would learn a lot "
    "from it, and next time I will be more confident with the till system and the policy."
)
THIRD_PERSON = (
    "The customer came in with a faulty kettle and was upset about it. The assistant checked the system and "
    "found the sale. The refund was processed and the customer was pleased. It went well overall and the lesson "
    "learnt was that the system can find a sale. Next time the same process will be followed by the team, "
    "and the receipt check will be done at the start so that nobody has to wait at the till for long."
)
TAGS = {"skills": ["communication"]}


def codes(text: str, **kwargs) -> list[str]:
    return [a.code for a in coach(text, **kwargs)]


@pytest.mark.parametrize(("text", "tags", "expected"), [
    (GOOD, TAGS, []),
    (GOOD, {}, ["not-tagged"]),
    (GOOD, {"criteria": ["SDS0354.P4"]}, []),
    (DESCRIPTION, TAGS, ["description-only"]),
    (HYPOTHETICAL, TAGS, ["hypothetical"]),
    (THIRD_PERSON, TAGS, ["not-first-person"]),
    ("I served a customer and I felt fine about it.", TAGS, ["no-learning", "no-next-steps", "too-short"]),
    ("", TAGS, ["empty"]),
    ("   \n", {}, ["empty"]),
])
def test_advice_table(text, tags, expected):
    assert codes(text, **tags) == expected


def test_description_only_names_the_question_that_helps():
    (advice,) = [a for a in coach(DESCRIPTION, skills=["focus"]) if a.code == "description-only"]
    assert "felt" in advice.message and "learnt" in advice.message
    assert advice.question.startswith("What were you thinking and feeling?")


def test_an_action_plan_in_the_conditional_is_not_hypothetical():
    text = GOOD + " If it happened again I would check the system first. I could have asked sooner."
    assert "hypothetical" not in codes(text, **TAGS)


def test_short_is_counted_in_words():
    words = " ".join(["I served the customer and felt I learnt to check next time."] * 20).split()
    assert "too-short" not in codes(" ".join(words[:MIN_WORDS]), **TAGS)
    assert "too-short" in codes(" ".join(words[:MIN_WORDS - 1]), **TAGS)


def test_a_one_word_reflection_is_said_to_have_one_word():
    (advice,) = [a for a in coach("Tills.", **TAGS) if a.code == "too-short"]
    assert "(1 word)" in advice.message


def test_a_template_names_its_empty_and_thin_sections():
    body = template_body("driscoll").replace(
        "> What happened? What did you do, see and hear?\n",
        "> What happened? What did you do, see and hear?\n\n" + DESCRIPTION + "\n",
    ).replace("> What did it mean? What did you learn about yourself and your work?\n",
              "> What did it mean?\n\nI learnt a lot.\n")
    advice = {a.code: a for a in coach(body, model="driscoll", **TAGS)}
    assert set(advice) == {"empty-sections", "thin-sections"}
    assert "‘Now what?’" in advice["empty-sections"].message
    assert "‘So what?’" in advice["thin-sections"].message
    assert advice["empty-sections"].question.startswith("What will you do next time")
    # a template is not asked for feelings on top of its own sections
    assert "description-only" not in advice


def test_a_full_template_gets_no_advice():
    parts = ["## What?", DESCRIPTION, "## So what?", "I felt nervous but I learnt that the system finds a sale "
             "without a receipt, which meant the customer did not wait long.", "## Now what?",
             "Next time I will check the system first because it is quicker than calling a supervisor."]
    assert codes("\n\n".join(parts), model="driscoll", **TAGS) == []


@pytest.mark.parametrize(("text", "level"), [
    (DESCRIPTION, "descriptive"),
    ("I served a customer who wanted a refund and I felt nervous about the till, but it went well.", "reflective"),
    (GOOD, "critical"),
])
def test_depth(text, level):
    result = depth(text)
    assert result.level == level
    assert result.reason


def test_advice_never_raises_on_odd_input():
    for text in ("\x00\x01", "#" * 5000, "> only a quote", "I" * 10000, "？！。"):
        coach(text, model="gibbs")
        coach(text)
        depth(text)


@given(st.text(max_size=300), st.sampled_from(["none", "gibbs", "driscoll", "kolb", "star"]))
def test_advice_never_raises(text, model):
    """Half-typed text of any kind gets advice or none, never an error (the editor asks on
    every pause in typing)."""
    for advice in coach(text, model=model):
        assert advice.code and advice.message
    assert depth(text, model).level in ("descriptive", "reflective", "critical")
