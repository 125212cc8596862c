"""The apprentice's profile: name, employer, mentor, start date, chosen optional units and the
review schedule, read and written together.

Everything lives in the journal's settings (``apprentice_name``, ``employer``, ``mentor_name``,
``start_date``, ``review_start``, ``review_interval``) and chosen units, so `reflect config`,
exports and the review pack keep reading what they always read. :func:`save_profile` checks
every value first and writes them in one transaction: a bad date changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reflect.errors import InputError

NAME_LIMIT = 100


@dataclass(frozen=True)
class Profile:
    """Who the apprentice is and how their apprenticeship is set up."""

    name: str = ""
    employer: str = ""
    mentor: str = ""
    start_date: date | None = None
    units: tuple[str, ...] = ()
    review_start: date | None = None
    review_interval: str = "12 weeks"

    def to_json(self) -> dict:
        """Plain values for `reflect profile --json`."""
        return {"name": self.name, "employer": self.employer, "mentor": self.mentor,
                "start_date": self.start_date.isoformat() if self.start_date else None,
                "units": list(self.units),
                "review_start": self.review_start.isoformat() if self.review_start else None,
                "review_interval": self.review_interval}


def _day(value) -> date | None:
    return date.fromisoformat(value) if value else None


def load_profile(journal) -> Profile:
    """The profile as the journal's settings hold it."""
    settings = journal.settings
    return Profile(name=settings.get("apprentice_name") or "", employer=settings.get("employer") or "",
                   mentor=settings.get("mentor_name") or "", start_date=_day(settings.get("start_date")),
                   units=tuple(settings.chosen_units()), review_start=_day(settings.get("review_start")),
                   review_interval=settings.get("review_interval") or "12 weeks")


def clean_name(value: str, what: str) -> str:
    """One line, spaces tidied, at most :data:`NAME_LIMIT` characters."""
    value = " ".join(value.split())
    if len(value) > NAME_LIMIT:
        raise InputError(f"{what} of up to {NAME_LIMIT} characters, please (this one has {len(value)}).")
    return value


def save_profile(journal, framework, profile: Profile) -> Profile:
    """Check every value, then write them all; returns the profile as stored."""
    from reflect.review.schedule import parse_interval

    name = clean_name(profile.name, "A name")
    employer = clean_name(profile.employer, "An employer's name")
    mentor = clean_name(profile.mentor, "A mentor's name")
    interval = str(parse_interval(profile.review_interval))
    optional = {u.code for u in framework.units if not u.mandatory}
    unknown = [code for code in profile.units if code not in optional]
    if unknown:
        raise InputError(f"Not an optional unit of this framework: {', '.join(unknown)}. "
                         f"Optional units: {', '.join(sorted(optional))}.")
    settings = journal.settings
    with journal.write():
        settings.set("apprentice_name", name or None)
        settings.set("employer", employer or None)
        settings.set("mentor_name", mentor or None)
        settings.set("start_date", profile.start_date.isoformat() if profile.start_date else None)
        settings.set("review_start", profile.review_start.isoformat() if profile.review_start else None)
        settings.set("review_interval", interval)
        chosen = set(settings.chosen_units())
        for code in chosen - set(profile.units):
            settings.choose_unit(code, False)
        for code in profile.units:
            if code not in chosen:
                settings.choose_unit(code)
    return load_profile(journal)
