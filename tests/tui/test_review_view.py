"""How review-workflow records are drawn: countdowns, SMART letters, rows, ratings, reviews."""

from datetime import date

from reflect.review.models import Activity, Feedback, Objective, TrendPoint
from reflect.review.schedule import build_schedule, parse_interval
from reflect.review.smart import Advice
from reflect.tui.review_view import (
    activity_row,
    countdown_line,
    feedback_row,
    letters,
    objective_row,
    rating_bar,
    review_content,
    trend_text,
)

TODAY = date(2026, 11, 24)
EVERY_12_WEEKS = parse_interval("12 weeks")


def schedule(start):
    return build_schedule(EVERY_12_WEEKS, TODAY, start)


def test_countdown_short_form_drops_the_year():
    assert countdown_line(schedule(date(2026, 12, 8)), TODAY, short=True).plain == "Review Tue 8 Dec — in 14 days"


def test_countdown_is_loud_within_a_week():
    line = countdown_line(schedule(date(2026, 11, 30)), TODAY)
    assert any("warning" in str(span.style) for span in line.spans)


def test_letters_mark_the_ones_with_advice():
    line = letters([Advice("no-measure", "Add a number", "M", "measure")])
    styles = {line.plain[span.start:span.end]: str(span.style) for span in line.spans}
    assert "warning" in styles["M"] and "success" in styles["S"]


def test_objective_row_says_overdue_in_words():
    objective = Objective(1, "u", "Handle complaints", date(2026, 10, 1), deadline=date(2026, 11, 20),
                          status="agreed")
    assert "due 20/11/2026 OVERDUE" in objective_row(objective, [], TODAY).plain


def test_closed_objective_is_never_overdue():
    objective = Objective(1, "u", "Handle complaints", date(2026, 10, 1), deadline=date(2026, 11, 20),
                          status="achieved")
    assert "OVERDUE" not in objective_row(objective, [], TODAY).plain


def test_activity_row_counts_the_days_overdue():
    activity = Activity(1, 1, "Shadow Sam", kind="shadowing", due=date(2026, 11, 21))
    assert activity_row(activity, TODAY).plain.splitlines() == ["[ ] Shadow Sam",
                                                                "    Shadowing · due 21/11/2026 OVERDUE by 3 days"]


def test_activity_of_a_closed_objective_is_not_overdue():
    activity = Activity(1, 1, "Shadow Sam", due=date(2026, 11, 21))
    assert "OVERDUE" not in activity_row(activity, TODAY, counts=False).plain


def test_feedback_row_shows_what_i_will_do():
    feedback = Feedback(1, date(2026, 11, 20), "manager", "Speak up", source_name="Craig", action="One idea")
    assert feedback_row(feedback).plain.splitlines() == ["20/11/2026  Manager (Craig)  to do", "  “Speak up”",
                                                         "  → One idea"]


def test_rating_bar_has_the_plain_word():
    assert rating_bar(3).plain == "■■■□□ 3 Developing "


def test_unrated_bar_is_as_wide_as_a_rated_one():
    assert len(rating_bar(None).plain) == len(rating_bar(5).plain)


def test_trend_shows_the_last_ratings_and_the_last_change():
    points = [TrendPoint(i, date(2026, i, 1), r) for i, r in enumerate([1, 2, 3, 4, 3], start=1)]
    assert trend_text(points).plain == "past 2 3 4 3 ↓"


def test_review_text_keeps_its_columns_and_picks_out_headings():
    content = review_content("# Review\n\n## Self-assessment\n  Focus   4 Confident\n")
    assert content.plain.splitlines() == ["Review", "", "SELF-ASSESSMENT", "  Focus   4 Confident"]


def test_a_comment_written_on_several_lines_is_one_row_line():
    feedback = Feedback(1, date(2026, 11, 20), "mentor", "Great work!\n\nTalk to me next week.",
                        source_name="Fiona", action="Book it\nfor Monday")
    assert feedback_row(feedback).plain.splitlines()[1:] == ["  “Great work! Talk to me next week.”",
                                                             "  → Book it for Monday"]
