"""Her SMART objectives, each with its status history, the reflections that show progress on
it and the development activities under it (SDS0223 P2, P3, P4 and P6).

Four were agreed at her first review (workday 50); one grew out of a reflection's "Now what?"
and was agreed with Fiona a couple of days later; the last is a draft she wrote today for the
coming review. Between them every status appears: achieved, dropped, not achieved, in
progress, agreed (and past its deadline) and draft. Leadership only appears on the draft, so
the gaps still flag it.

Workdays count back from the demo's today as for entries; a negative workday is that many
working days *after* today (deadlines and due dates still ahead). An objective's fields:

* ``key``: how feedback refers to it; ``specific``, ``measure``, ``achievable``,
  ``relevant``, ``deadline`` (a workday, or :data:`NEXT_REVIEW`), ``skills``, ``criteria``;
* ``history``: its statuses in order, each with ``workday``, ``status``, and ``reason``,
  ``agreed_by`` or ``at`` (the time of day, "HH:MM") where needed; the first is how it was set;
* ``from_entry`` (optional): the title of the reflection whose "Now what?" it was drafted
  from; the SMART wording (and the activities) replace the draft's when it is first agreed;
* ``source_entry`` (optional): the reflection it was written from by hand;
* ``evidence``: titles of reflections linked as progress evidence;
* ``activities``: planned when the objective is worded, each with ``title``, ``kind``,
  ``due`` and optionally ``done`` and ``notes``.
"""

from typing import Any

from reflect.demo.people import FIONA

#: The first review, where four of these were agreed (ten weeks of working days back).
AT_REVIEW = 50
#: A deadline on the day of the next scheduled review ("before my next review").
NEXT_REVIEW = "next review"

OBJECTIVES: list[dict[str, Any]] = [
    {
        "key": "tripdesk",
        "specific": "Complete the six TripDesk online training modules before our branch switches over",
        "measure": "All six modules passed on the learning portal, and a practice booking done in under "
                   "ten minutes",
        "achievable": "Morag gives me an hour off the counter every Tuesday for the modules",
        "relevant": "Every booking goes through TripDesk after the switchover, so I need to serve "
                    "customers on it from the first day",
        "deadline": 15,
        "skills": ["adaptability", "curiosity"],
        "criteria": ["SDS0223.P4", "SDS0223.K10"],
        "history": [
            {"workday": AT_REVIEW, "status": "agreed", "agreed_by": FIONA, "at": "11:00"},
            {"workday": 29, "status": "in-progress", "reason": "Did the first two modules this morning"},
            {"workday": 14, "status": "achieved",
             "reason": "All six modules passed before switchover, and I booked the Dublin hen party for "
                       "eleven on TripDesk on my own"},
        ],
        "evidence": ["First go on TripDesk", "TripDesk cheat sheet", "Hen party for eleven"],
        "activities": [
            {"title": "TripDesk e-learning, modules 1 to 6", "kind": "course", "due": 15, "done": 16, "minutes": 360},
            {"title": "Make three practice bookings on the TripDesk training system without the videos",
             "kind": "practice", "due": 22, "done": 23, "minutes": 90},
            {"title": "Sit beside Ross on switchover day for his first live bookings", "kind": "shadowing",
             "due": 15, "done": 15, "minutes": 240},
        ],
    },
    {
        "key": "group-course",
        "specific": "Complete the group bookings course for our booking system and price two group "
                    "enquiries with Morag checking them",
        "measure": "Course certificate, and two group quotes checked by Morag",
        "achievable": "The course is two hours on the portal, and group enquiries come in most weeks",
        "relevant": "Weddings, hen parties and golf trips are a growing part of the branch's business",
        "deadline": 10,
        "skills": ["focus", "sense-making"],
        "criteria": ["INSCS009.P14", "INSCS009.P15"],
        "history": [
            {"workday": AT_REVIEW, "status": "agreed", "agreed_by": FIONA, "at": "11:00"},
            {"workday": 29, "status": "dropped",
             "reason": "Head office is moving every branch to TripDesk, which handles groups differently, "
                       "so the old system's group course has been withdrawn. Morag agreed group bookings "
                       "are covered by my TripDesk objective instead."},
        ],
        "evidence": [],
        "activities": [
            {"title": "Group bookings course on the learning portal", "kind": "course", "due": 40},
            {"title": "Watch Morag price a group enquiry from start to finish", "kind": "shadowing",
             "due": 43, "done": 44, "minutes": 60},
        ],
    },
    {
        "key": "insurance",
        "specific": "Ask every holiday customer about travel cover and reach 40% insurance on my holiday "
                    "bookings within eight weeks",
        "measure": "Insurance on 40% of my holiday bookings in the branch report (I'm on 22%)",
        "achievable": "Ross will show me how he brings it up, and it's the same as the branch target",
        "relevant": "The branch is on 31% against a 40% target, and customers without cover lose out "
                    "when something goes wrong",
        "deadline": 10,
        "skills": ["communication", "initiative"],
        "criteria": ["INSCS009.P13", "INSCS009.P15"],
        "history": [
            {"workday": AT_REVIEW, "status": "agreed", "agreed_by": FIONA, "at": "11:00"},
            {"workday": 17, "status": "in-progress",
             "reason": "Started asking \"have you got cover sorted?\" after the mystery shopper report"},
            {"workday": 9, "status": "not-achieved",
             "reason": "Reached 34% over the eight weeks, up from 22% but short of 40%. I only found a "
                       "way of asking that felt right in week six. Keeping the question going; Morag and "
                       "I will set a new target at my next review."},
        ],
        "evidence": ["Mystery shopper results", "Mentioning insurance without being pushy"],
        "activities": [
            {"title": "Listen to Ross bring up insurance with three customers", "kind": "shadowing",
             "due": 40, "done": 17, "notes": "Should have asked him weeks earlier."},
            {"title": "Ask about cover on every holiday enquiry for a week and keep a tally",
             "kind": "practice", "due": 12, "done": 12},
        ],
    },
    {
        "key": "compliance",
        "specific": "Complete the bureau de change compliance course online (anti-money laundering and "
                    "ID checks) and pass its test",
        "measure": "All four modules passed and the certificate on my training record",
        "achievable": "About three hours in all; Morag will give me the quiet Tuesday slot once TripDesk "
                      "is done",
        "relevant": "I serve on the bureau counter every day, and everyone who sells currency has to be "
                    "trained to spot money laundering",
        "deadline": 5,
        "skills": ["integrity", "focus"],
        "criteria": ["SDS0223.P7", "INSCS009.P23"],
        "history": [
            {"workday": AT_REVIEW, "status": "agreed", "agreed_by": FIONA, "at": "11:00"},
        ],
        "evidence": [],
        "activities": [
            {"title": "Watch Morag do the ID checks on a sale over the £1,000 limit", "kind": "shadowing",
             "due": 36, "done": 38, "minutes": 45},
            {"title": "Bureau compliance e-learning, modules 1 to 4", "kind": "course", "due": -6,
             "notes": "Head office's deadline for the branch."},
        ],
    },
    {
        "key": "complaint-emails",
        "from_entry": "Replying to an email about a late refund",
        "specific": "Answer complaint emails on my own with a four-step reply: thank them, say sorry, give "
                    "the answer in the first two lines, and end with my name and what happens next",
        "measure": "Five complaint replies sent without Morag rewriting them, each checked against the "
                   "four steps",
        "achievable": "Morag checks my drafts for the first few, and we get two or three complaint emails "
                      "a week",
        "relevant": "Writing to customers is one of my units, and a slow or vague reply turns a complaint "
                    "into a bigger one",
        "deadline": -20,
        "skills": ["communication", "feeling"],
        "criteria": ["CFACSA13.P11", "CFACSA13.P12", "CFACSA13.P18", "SDS0417.K11"],
        "history": [
            {"workday": 26, "status": "draft"},
            {"workday": 24, "status": "agreed", "agreed_by": FIONA, "at": "12:30"},
            {"workday": 23, "status": "in-progress", "reason": "Used the four steps on two emails today"},
        ],
        "evidence": ["Reading the complaints procedure properly", "Keeping the wedding customer updated",
                     "Trying the web chat"],
        "activities": [
            {"title": "Read the complaints procedure on the staff portal", "kind": "reading", "due": 5,
             "done": 6},
            {"title": "Draft three complaint replies for Morag to check before they go", "kind": "practice",
             "due": 10, "done": 11},
            {"title": "Sit with Craig while he answers the week's complaint emails", "kind": "shadowing",
             "due": 3, "notes": "Put off twice: Craig had the area audit."},
        ],
    },
    {
        "key": "huddles",
        "source_entry": "Getting ready for my review",
        "specific": "Lead the queue card item at two morning huddles before my next review, showing the "
                    "team the tally on one page",
        "measure": "Two huddle items led, and Morag's feedback on each",
        "achievable": "Craig already wants to see the trial at a huddle, and Priya will show me how she "
                      "gets the insurance figures ready",
        "relevant": "Leadership is the meta-skill I have least to show for, and the queue cards are my "
                    "own idea",
        "deadline": NEXT_REVIEW,
        "skills": ["leadership", "communication"],
        "criteria": [],
        "history": [
            {"workday": 0, "status": "draft", "reason": "Drafted to bring to my review"},
        ],
        "evidence": ["Huddle: what our complaints are telling us", "Getting ready for my review"],
        "activities": [
            {"title": "Watch how Priya gets the insurance figures ready for the huddle", "kind": "shadowing",
             "due": -3},
            {"title": "Keep the queue card tally every day of the trial", "kind": "practice", "due": -10},
        ],
    },
]
