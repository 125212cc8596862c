"""The first week's checklist: what a new journal still needs before reflect is really useful.

Tell reflect who you are, set your review date, choose your optional units, write your first
reflection, rate your meta-skills. The home screen shows what is left (and how to do it) until
everything is done, then says nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """One thing to do: what it is, whether it is done, and how to do it in the app."""

    name: str
    done: bool
    how: str


def getting_started(journal, framework) -> list[Step]:
    """Every step, in the order worth doing them (cheap: a few small queries)."""
    settings = journal.settings
    chosen = len(settings.chosen_units())
    needed = max(1, framework.min_optional_units)
    review_set = bool(settings.get("review_start")) or journal.reviews.last_completed() is not None
    return [
        Step("Your name, employer and mentor", bool(settings.get("apprentice_name")), "p"),
        Step("Your review date", review_set, "p"),
        Step(f"Choose your optional units ({chosen} of {needed})", chosen >= needed, "f"),
        Step("Write your first reflection", _has_reflection(journal), "n"),
        Step("Rate your meta-skills", journal.assessments.latest() is not None, "a"),
    ]


def _has_reflection(journal) -> bool:
    # One row is enough: counting a journal of 100,000 would slow the first screen down.
    return journal.conn.execute("SELECT 1 FROM entries WHERE deleted_at IS NULL LIMIT 1").fetchone() is not None


def still_to_do(journal, framework) -> list[Step]:
    """The steps not done yet (empty once the apprentice is set up)."""
    return [step for step in getting_started(journal, framework) if not step.done]
