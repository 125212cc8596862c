"""The objective editor's plain data: what counts as unsaved, how the deadline box is read."""

from datetime import date

import pytest

from reflect.errors import InputError
from reflect.review.models import Objective
from reflect.tui.objective_form import ObjectiveForm, deadline_feedback, stored_deadline

SET_ON = date(2026, 11, 24)


def test_saved_objective_fills_the_form_in_uk_dates():
    objective = Objective(1, "u", "Lead a huddle", SET_ON, deadline=date(2027, 1, 31), skills=("leadership",))
    form = ObjectiveForm.of(objective)
    assert (form.deadline, form.skills, form.agreed_on) == ("31/01/2027", ("leadership",), "")


def test_deadline_feedback_names_the_day_and_how_far_off():
    assert deadline_feedback("within 2 weeks", SET_ON, None, SET_ON) == ("Tue 8 Dec 2026 (in 14 days)", True)


def test_deadline_feedback_for_an_unreadable_box():
    assert deadline_feedback("soonish", SET_ON, None, SET_ON) == ("not a date yet", False)


def test_next_review_without_a_schedule_is_readable_but_has_no_day():
    assert deadline_feedback("next review", SET_ON, None, SET_ON) == ("your next review (no date set yet)", True)


def test_stored_deadline_reads_the_box_forward():
    assert stored_deadline(ObjectiveForm("Lead", deadline="31/1"), SET_ON, None) == date(2027, 1, 31)


def test_stored_deadline_falls_back_to_a_date_in_the_text():
    assert stored_deadline(ObjectiveForm("Lead a huddle by the end of March"), SET_ON, None) == date(2027, 3, 31)


def test_stored_deadline_is_none_when_nothing_says_when():
    assert stored_deadline(ObjectiveForm("Lead a huddle"), SET_ON, None) is None


def test_next_review_deadline_needs_a_schedule_to_be_saved():
    with pytest.raises(InputError):
        stored_deadline(ObjectiveForm("Lead", deadline="next review"), SET_ON, None)


def test_next_review_deadline_is_the_review_date_when_there_is_one():
    form = ObjectiveForm("Lead", deadline="before my next review")
    assert stored_deadline(form, SET_ON, date(2026, 12, 8)) == date(2026, 12, 8)
