"""The SMART check never raises, whatever it is given: every argument at once, dates up to the
edges of the calendar, deadline-like text. (test_smart.py covers the text fields alone.)"""

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from reflect.review.smart import (
    LETTERS,
    check_objective,
    find_deadline,
    read_deadline,
    smart_letters,
)

#: Words the deadline finder reacts to, so that generated text often looks like a deadline.
DEADLINE_WORDS = ["by", "before", "within", "in", "over", "the", "next", "end", "of", "month", "week", "year",
                  "weeks", "days", "review", "my", "tomorrow", "friday", "31/12", "1/1/9999", "31/12/9999",
                  "29/02", "0001-01-01", "9999-12-31", "999", "6", "march", "dec", "until", "due"]
deadline_text = st.lists(st.sampled_from(DEADLINE_WORDS), max_size=8).map(" ".join)
any_text = st.one_of(st.text(max_size=80), deadline_text)
edge_dates = st.one_of(st.dates(), st.sampled_from([date.min, date.max, date(9999, 12, 1), date(1, 1, 1)]))


@settings(max_examples=500, deadline=None)
@given(specific=any_text, measure=any_text,
       deadline=st.one_of(st.none(), edge_dates, any_text),
       set_on=st.one_of(st.none(), edge_dates), today=st.one_of(st.none(), edge_dates),
       next_review=st.one_of(st.none(), edge_dates),
       skills=st.lists(st.text(max_size=8), max_size=2), criteria=st.lists(st.text(max_size=12), max_size=2),
       achievable=st.text(max_size=20), relevant=st.text(max_size=20), verbs=st.lists(st.text(max_size=10), max_size=3))
@example(specific="Greet 5 customers", measure="", deadline=date(9999, 12, 31), set_on=date(9999, 1, 1),
         today=date(9999, 1, 1), next_review=None, skills=["x"], criteria=[], achievable="", relevant="", verbs=[])
@example(specific="Greet 5 customers within 6 weeks", measure="", deadline=None, set_on=date.max,
         today=date.max, next_review=None, skills=[], criteria=[], achievable="", relevant="", verbs=[])
def test_check_objective_never_raises(specific, measure, deadline, set_on, today, next_review, skills, criteria,
                                      achievable, relevant, verbs):
    advice = check_objective(specific, measure, deadline, set_on, skills, criteria, achievable=achievable,
                             relevant=relevant, next_review=next_review, today=today, verbs=verbs)
    assert all(a.letter in LETTERS and a.message and a.to_json()["code"] for a in advice)
    assert set(smart_letters(advice)) == set(LETTERS)


@settings(max_examples=300, deadline=None)
@given(text=any_text, set_on=edge_dates, next_review=st.one_of(st.none(), edge_dates))
@example(text="END OF MONTH", set_on=date(1, 1, 1), next_review=None)  # read as "by ...": found once
def test_deadline_readers_never_raise_at_the_edges_of_the_calendar(text, set_on, next_review):
    for read in (find_deadline, read_deadline):
        hint = read(text, set_on, next_review)
        assert hint is None or 0 <= hint.start <= hint.end <= len(text)
