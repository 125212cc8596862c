"""What the sample journal holds: who the apprentice is and what she wrote.

Eilidh Fraser is a Customer Service apprentice at a high-street travel agency in Paisley, with
a bureau de change counter and a small travel shop corner. Around her: Morag (supervisor),
Craig (branch manager), Ross and Priya (colleagues), Jamie (a new starter she buddies) and
Fiona (her assessor from the training provider).

The content is kept apart from the builder (:mod:`reflect.demo.journal`) so it reads like the journal
it becomes, and so it can grow: each feature adds its own module here (entries by week;
objectives and their activities in :mod:`~reflect.demo.objective_records`;
self-assessments, reviews, feedback and training in
:mod:`~reflect.demo.review_records`). Dates are relative, so the demo always looks
current: a ``workday`` counts back in working days (Monday to Friday) from the day the demo is
built, 0 being that day (and a negative one counts forward, for deadlines still ahead).

Each entry is a dict with ``workday``, ``title``, ``model`` (a key of
:data:`reflect.entries.templates.TEMPLATES`, or ``"none"``), ``body`` (wrapped for reading here; the
builder joins the lines of each paragraph back up), ``skills`` and ``criteria`` (ids in the
bundled framework), and optionally ``private``, ``confidence``, ``minutes`` and ``trashed``, and
for evidence other than a reflection ``kind`` with ``witness`` (a dict; ``confirmed_workday``
for the day the witness confirmed it), ``observer`` or ``participants``.
"""

from typing import Any

from reflect.demo import objective_records
from reflect.demo import other_evidence
from reflect.demo import review_records
from reflect.demo import week_7
from reflect.demo import weeks_1_2
from reflect.demo import weeks_3_4
from reflect.demo import weeks_5_6

APPRENTICE_NAME = "Eilidh Fraser"

#: Six optional units that match what she does; the framework asks for at least eight, so the
#: shortfall shows (and her last entry talks about choosing two more).
CHOSEN_UNITS = ("INSCS016", "SDS0417", "SDS0354", "CFACSA13", "CFACSD5", "SDS0123")

#: Her first review was this many weeks before the demo's today (``PREVIOUS_REVIEW``'s workday,
#: which is also where the schedule starts); with reviews every twelve weeks the next one is two
#: weeks away, which is what her last entries are preparing for.
REVIEW_START_WEEKS_AGO = 10
REVIEW_INTERVAL = "12 weeks"

#: The meta-skill she has no evidence for yet, rates 2 out of 5 every time and has only a draft
#: objective for, so the gaps have something honest to flag.
THIN_SKILL = "leadership"

#: The entries span this many weeks of working days, ending on the demo's today.
WEEKS = 7

#: Every entry, oldest first (the order they are written in, so ids follow time).
ENTRIES: list[dict[str, Any]] = [*weeks_1_2.ENTRIES, *weeks_3_4.ENTRIES, *weeks_5_6.ENTRIES, *week_7.ENTRIES,
                                 *other_evidence.ENTRIES]

#: Her review paperwork (SDS0223): see the two modules for what each record holds.
#: (Each record is a plain dict of data, so typed as one.)
OBJECTIVES: list[dict[str, Any]] = objective_records.OBJECTIVES
ASSESSMENTS: list[dict[str, Any]] = review_records.ASSESSMENTS
PREVIOUS_REVIEW: dict[str, Any] = review_records.PREVIOUS_REVIEW
REVIEW_DRAFT: dict[str, Any] = review_records.REVIEW_DRAFT
FEEDBACK: list[dict[str, Any]] = review_records.FEEDBACK
TRAINING: list[dict[str, Any]] = review_records.TRAINING
