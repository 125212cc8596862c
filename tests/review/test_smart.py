"""The SMART check: good and bad objectives with the advice expected, deadlines in text."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.review.smart import (
    check_objective,
    find_deadline,
    framework_verbs,
    read_deadline,
    smart_letters,
)

SET_ON = date(2026, 11, 24)
ALL_OTHER = dict(achievable="Sam backs me up", relevant="Complaints are half my job", skills=["focus"])


def codes(specific="", measure="", deadline=None, **kw):
    fields = ALL_OTHER | kw
    return [a.code for a in check_objective(specific, measure, deadline, SET_ON, today=SET_ON, **fields)]


GOOD = [
    "Handle 3 customer complaints on my own by 31/01/2027",
    "I will lead the Saturday team huddle every week within 6 weeks",
    "To reduce refund errors to zero by the end of March",
    "Complete the till training before my next review",
    "Answer the phone within three rings on every shift by 15/01",
    "Greet 90% of customers within 30 seconds by Friday",
]


@pytest.mark.parametrize("specific", GOOD)
def test_good_objectives_get_no_advice(specific):
    assert codes(specific, next_review=date(2027, 2, 16)) == []


BAD = [
    ("Improve my communication", ["vague-word", "no-measure", "no-deadline"]),
    ("Try to be better with customers by 31/01/2027", ["vague-word", "vague-word", "no-measure"]),
    ("Customers with complaints by 31/01/2027", ["no-action-verb", "no-measure"]),
    ("Learn the returns policy by 31/01/2027", ["vague-word", "no-measure"]),
    ("Get more confident on the phone by 31/01/2027", ["no-action-verb", "vague-word", "vague-word", "no-measure"]),
    ("Handle 3 complaints on my own", ["no-deadline"]),
    ("Handle complaints on my own by 31/01/2027", ["no-measure"]),
    ("Handle 3 complaints on my own by 01/01/2026", ["past-deadline"]),
    ("Handle 3 complaints on my own by 24/11/2026", ["deadline-too-soon"]),
    ("Handle 3 complaints on my own by 31/12/2028", ["deadline-far"]),
    ("Work on my till skills, if possible 5 times by 31/01/2027", ["vague-word", "vague-word"]),
    ("Serve customers", ["too-short", "no-measure", "no-deadline"]),
    ("I will serve customers", ["too-short", "no-measure", "no-deadline"]),
]


@pytest.mark.parametrize("specific,expected", BAD, ids=[s for s, _ in BAD])
def test_bad_objectives_get_the_advice_expected(specific, expected):
    assert codes(specific) == expected


def test_framework_verbs_count_as_action_verbs(tiny_framework, framework):
    assert "no-action-verb" in codes("Knead 20 loaves by 31/01/2027")
    verbs = framework_verbs(tiny_framework)
    assert {"knead", "greet", "weigh"} <= verbs
    assert codes("Knead 20 loaves by 31/01/2027", verbs=verbs) == []
    assert "identify" in framework_verbs(framework)  # "Identifying meta-skills ..." (SDS0223.P1)


def test_no_skill_or_criterion_asks_for_a_link():
    assert codes("Handle 3 complaints by 31/01/2027", skills=[]) == ["not-linked"]
    assert codes("Handle 3 complaints by 31/01/2027", skills=[], criteria=["INSCS009.P2"]) == []


def test_missing_achievable_and_relevant_are_asked_for():
    assert codes("Handle 3 complaints by 31/01/2027", achievable="", relevant="") == ["no-achievable", "no-relevant"]


def test_vague_word_message_quotes_the_word():
    advice = check_objective("Improve my till speed", today=SET_ON)
    assert "‘improve’ is vague: say what will be different" in [a.message for a in advice]


def test_past_deadline_message_gives_the_date():
    advice = check_objective("Handle 3 complaints", deadline=date(2026, 1, 1), today=SET_ON)
    assert "The deadline 01/01/2026 is already past." in [a.message for a in advice]


def test_no_action_verb_message_suggests_verbs():
    advice = check_objective("Complaints", today=SET_ON)
    assert any(a.message.startswith("Start with an action verb such as handle, complete, lead, reduce")
               for a in advice)


def test_measure_field_counts_as_a_measure():
    assert "no-measure" not in codes("Handle complaints by 31/01/2027", measure="my manager signs off each one")


def test_deadline_numbers_are_not_a_measure():
    assert "no-measure" in codes("Handle complaints within 6 weeks")


def test_completion_verbs_carry_their_own_measure():
    assert "no-measure" not in codes("Complete the fire safety course by 31/01/2027")


def test_deadline_field_as_typed_text():
    assert codes("Handle 3 complaints", deadline="within 6 weeks") == []
    assert codes("Handle 3 complaints", deadline="next tuesday") == []
    assert codes("Handle 3 complaints", deadline="soonish") == ["deadline-unreadable"]


def test_deadline_field_and_text_disagreeing_is_pointed_out():
    assert codes("Handle 3 complaints by 31/01/2027", deadline=date(2027, 2, 28)) == ["deadline-mismatch"]


def test_before_next_review_without_a_schedule_still_counts_as_time_bound():
    assert codes("Handle 3 complaints before my next review") == []


def test_before_next_review_uses_the_review_date():
    advice = codes("Handle 3 complaints before my next review", next_review=date(2026, 11, 1))
    assert advice == ["past-deadline"]


@pytest.mark.parametrize("typing", ["H", "Han", "Handle", "Handle ", "Handle 3", "Handle 3 compl"])
def test_partial_input_does_not_complain_about_a_verb_still_being_typed(typing):
    assert "no-action-verb" not in codes(typing)


def test_empty_input_asks_what_you_will_do():
    assert codes("")[0] == "specific-empty"


def test_smart_letters_flag_each_letter_with_advice():
    advice = check_objective("Improve things", today=SET_ON)
    letters = smart_letters(advice)
    assert letters == {"S": False, "M": False, "A": False, "R": False, "T": False, "L": False}
    assert smart_letters([]) == dict.fromkeys("SMARTL", True)


DEADLINES = [
    ("Handle it by 31/01/2027.", date(2027, 1, 31), "by 31/01/2027"),
    ("handle it BY 31 Jan 2027", date(2027, 1, 31), "BY 31 Jan 2027"),
    ("do it by 15/01", date(2027, 1, 15), "by 15/01"),  # no year, before it was set: next year's
    ("do it by 15/12", date(2026, 12, 15), "by 15/12"),
    ("finish before Friday", date(2026, 11, 27), "before Friday"),
    ("finish by tuesday", date(2026, 12, 1), "by tuesday"),  # set on a Tuesday: the next one
    ("finish by tomorrow", date(2026, 11, 25), "by tomorrow"),
    ("within 6 weeks", date(2027, 1, 5), "within 6 weeks"),
    ("in two months", date(2027, 1, 24), "in two months"),
    ("over the next 10 days", date(2026, 12, 4), "over the next 10 days"),
    ("by the end of the month", date(2026, 11, 30), "by the end of the month"),
    ("by end of next month", date(2026, 12, 31), "by end of next month"),
    ("by the end of the week", date(2026, 11, 29), "by the end of the week"),
    ("by the end of the year", date(2026, 12, 31), "by the end of the year"),
    ("by the end of February", date(2027, 2, 28), "by the end of February"),
    ("by the end of feb 2028", date(2028, 2, 29), "by the end of feb 2028"),
    ("before my next review", None, "before my next review"),
    ("due 3/2/2027", date(2027, 2, 3), "due 3/2/2027"),
]


@pytest.mark.parametrize("text,day,phrase", DEADLINES, ids=[t for t, _, _ in DEADLINES])
def test_deadlines_in_text(text, day, phrase):
    hint = find_deadline(text, SET_ON)
    assert (hint.day, hint.phrase) == (day, phrase)
    assert text[hint.start:hint.end].split() == phrase.split()


@pytest.mark.parametrize("text", ["on time", "by then", "in 3 shifts", "by phone", "on 2 occasions",
                                  "by 10%", "since yesterday", "by 3 days ago", "by 31/02/2027"])
def test_things_that_are_not_deadlines(text):
    assert find_deadline(text, SET_ON) is None


def test_read_deadline_takes_dates_and_phrases_without_by():
    assert read_deadline("31/01/2027", SET_ON).day == date(2027, 1, 31)
    assert read_deadline("end of the month", SET_ON).day == date(2026, 11, 30)
    assert read_deadline("next review", SET_ON, date(2027, 2, 16)).day == date(2027, 2, 16)
    assert read_deadline("banana within 6 weeks of something", SET_ON) is None


@settings(max_examples=400, deadline=None)
@given(specific=st.text(max_size=120), measure=st.text(max_size=40), deadline=st.one_of(st.none(), st.text(max_size=30)),
       set_on=st.dates(), skills=st.lists(st.text(max_size=5), max_size=2))
def test_check_never_raises_on_any_text(specific, measure, deadline, set_on, skills):
    advice = check_objective(specific, measure, deadline, set_on, skills, today=set_on)
    assert all(a.letter in "SMARTL" and a.message for a in advice)


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("by within 0123456789/ weeks end of month next review"))),
       set_on=st.dates())
def test_deadline_finder_never_raises_on_deadline_like_text(text, set_on):
    hint = find_deadline(text, set_on)
    assert hint is None or text[hint.start:hint.end]
