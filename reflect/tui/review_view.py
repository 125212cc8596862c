"""How the review workflow looks on screen: objectives, activities, feedback, training,
ratings, the review countdown and a prepared review, as Textual ``Content``.

Overdue things use ``$text-error`` and say OVERDUE in words too, so they stand out in any
theme and without colour. SMART letters are green when the check has nothing to say about
them and amber when it has advice.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Iterable

from textual.content import Content

from reflect.dates import format_duration, format_long, format_short
from reflect.sanitize import clean_line
from reflect.review.models import (
    ACTIVITY_KINDS,
    RATING_SCALE,
    Activity,
    Feedback,
    Objective,
    Training,
    TrendPoint,
)

if TYPE_CHECKING:
    from reflect.review.smart import Advice

OVERDUE = "bold $text-error"
STATUS_STYLES = {"draft": "$text-muted", "agreed": "$text-primary", "in-progress": "$text-accent",
                 "achieved": "$text-success", "not-achieved": "$text-warning", "dropped": "$text-muted"}


def days(n: int) -> str:
    """"1 day", "3 days"."""
    return f"{n} day" if n == 1 else f"{n} days"


def countdown_line(schedule, today: date, *, short: bool = False) -> Content:
    """The home screen's review line: when the next review is, or that one is overdue.

    ``short`` leaves out the year and the key hints, for narrow screens."""
    if not schedule.is_set:
        return Content.styled("Set your review date: ctrl+p → Review schedule", "italic $text-muted")
    if schedule.overdue and schedule.previous_date:
        late = (today - schedule.previous_date).days
        due = _day(schedule.previous_date, short)
        return Content.assemble((f"Review overdue by {days(late)}", OVERDUE),
                                (f" (due {due})" + ("" if short else ": r prepares it"), "$text-muted"))
    when = _day(schedule.next_date, short)
    if schedule.days_until == 0:
        return Content.assemble(("Review today", "bold $text-warning"), (f" ({when})", "$text-muted"))
    soon = "tomorrow" if schedule.days_until == 1 else f"in {days(schedule.days_until)}"
    style = "bold $text-warning" if schedule.days_until <= 7 else "bold"
    return Content.assemble(("Review " if short else "Next review ", "$text-muted"), (when, "bold"),
                            (" — ", "$text-muted"), (soon, style))


def _day(day: date, short: bool) -> str:
    return format_long(day)[:-5] if short else format_long(day)


def letters(advice: Iterable[Advice]) -> Content:
    """"S M A R T L": green letters are fine, amber ones have advice."""
    # Imported here: the SMART check compiles its patterns on import, and the home screen's
    # review line (this module's countdown) has no objective to check.
    from reflect.review.smart import LETTERS, smart_letters

    ok = smart_letters(advice)
    parts: list = []
    for letter in LETTERS:
        if parts:
            parts.append(" ")
        parts.append((letter, "bold $text-success" if ok[letter] else "bold $text-warning"))
    return Content.assemble(*parts)


def deadline_text(objective: Objective, today: date) -> tuple[str, str]:
    """(text, style) for an objective's deadline, loud when it has passed."""
    if objective.deadline is None:
        return ("no deadline", "italic $text-muted")
    if objective.is_overdue(today):
        return (f"due {format_short(objective.deadline)} OVERDUE", OVERDUE)
    return (f"due {format_short(objective.deadline)}", "$text-muted")


def objective_row(objective: Objective, advice: Iterable[Advice], today: date) -> Content:
    """Two lines: number, status, deadline and SMART letters; then what it says."""
    first = Content.assemble(
        (f"#{objective.id:<3} ", "$text-muted"), (f"{objective.label:<13}", STATUS_STYLES.get(objective.status, "")),
        letters(advice), "  ", deadline_text(objective, today))
    return Content("\n").join([first, Content.assemble("     ", (objective.specific, "bold"))])


def activity_row(activity: Activity, today: date, counts: bool = True) -> Content:
    """Two lines: done box and title; kind and due or done date (overdue ones loud).

    ``counts`` is False when its objective is closed (an activity then no longer runs late)."""
    box = ("[x] ", "$text-success") if activity.done else ("[ ] ", "")
    kind = ACTIVITY_KINDS.get(activity.kind, activity.kind)
    if activity.completed_on is not None:  # done
        when = (f"done {format_short(activity.completed_on)}", "$text-success")
    elif counts and activity.due is not None and activity.is_overdue(today):
        when = (f"due {format_short(activity.due)} OVERDUE by {days(activity.days_overdue(today))}", OVERDUE)
    elif activity.due:
        when = (f"due {format_short(activity.due)}", "$text-muted")
    else:
        when = ("no due date", "italic $text-muted")
    spent = (f" · {format_duration(activity.minutes)}", "$text-muted") if activity.minutes else ""
    return Content("\n").join([Content.assemble(box, (activity.title, "bold" if not activity.done else "")),
                               Content.assemble("    ", (f"{kind} · ", "$text-muted"), when, spent)])


def feedback_state(feedback: Feedback) -> tuple[str, str]:
    if feedback.done:
        return ("done" + (f" {format_short(feedback.done_on)}" if feedback.done_on else ""), "$text-success")
    if feedback.action:
        return ("to do", "bold $text-warning")
    return ("no action yet", "bold $text-warning")


def feedback_row(feedback: Feedback) -> Content:
    """Date, who and state; what was said; what I will do (when said)."""
    first = Content.assemble((format_short(feedback.received_on), "$text-muted"), "  ", (feedback.source, "bold"),
                             "  ", feedback_state(feedback))
    # One line each, however many the words were written on (a mentor's comment often has
    # several): the list cuts each line to its width; the read view shows the full text.
    lines = [first, Content.assemble("  “", clean_line(feedback.said), "”")]
    if feedback.action:
        lines.append(Content.assemble(("  → ", "$text-muted"), clean_line(feedback.action)))
    return Content("\n").join(lines)


def training_row(training: Training, today: date) -> Content:
    """Two lines: name and when due or completed; provider and certificate."""
    if training.completed_on is not None:  # done
        state = (f"completed {format_short(training.completed_on)}", "$text-success")
    elif training.due is not None and training.is_overdue(today):
        state = (f"due {format_short(training.due)} OVERDUE", OVERDUE)
    elif training.due:
        state = (f"due {format_short(training.due)}", "$text-warning")
    else:
        state = ("to do, no due date", "italic $text-muted")
    details = " · ".join(x for x in (training.provider, f"certificate {training.certificate_ref}"
                                     if training.certificate_ref else "",
                                     format_duration(training.minutes) if training.minutes else "") if x)
    return Content("\n").join([Content.assemble((training.name, "bold"), "  ", state),
                               Content.styled(f"  {details}" if details else "  ", "$text-muted")])


def rating_bar(rating: int | None) -> Content:
    """"■■■□□ 3 Developing", or "·····   not rated"."""
    if rating is None:
        return Content.styled(f"····· {'not rated':<13}", "$text-muted")
    return Content.assemble(("■" * rating, "bold $text-primary"), ("□" * (5 - rating), "$text-muted"),
                            f" {rating} {RATING_SCALE[rating][0]:<11}")


def trend_text(points: list[TrendPoint], shown: int = 4) -> Content:
    """A skill's past ratings, oldest first ("2 3 3 4 ↑"), the last few of them."""
    if not points:
        return Content.styled("no ratings yet", "italic $text-muted")
    values = [p.rating for p in points][-shown:]
    arrow = ""
    if len(points) > 1:
        change = points[-1].rating - points[-2].rating
        arrow = " ↑" if change > 0 else " ↓" if change < 0 else " ="
    return Content.assemble(("past " + " ".join(str(v) for v in values), "$text-muted"),
                            (arrow, "bold $text-success" if arrow == " ↑" else "bold $text-warning"
                             if arrow == " ↓" else "$text-muted"))


def review_content(text: str) -> Content:
    """A review as :func:`reflect.review.text.render_review` writes it, headings picked out.

    The text is aligned in columns for a terminal, so it is shown as it is (not as Markdown,
    which would join the indented lines)."""
    lines = []
    for line in text.rstrip("\n").splitlines():
        if line.startswith("# "):
            lines.append(Content.styled(line[2:], "bold $text-primary"))
        elif line.startswith("## "):
            lines.append(Content.styled(line[3:].upper(), "bold $text-accent"))
        elif "OVERDUE" in line:
            lines.append(Content(line).stylize(OVERDUE, line.index("OVERDUE"), line.index("OVERDUE") + 7))
        else:
            lines.append(Content(line))
    return Content("\n").join(lines)
