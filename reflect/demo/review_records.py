"""The rest of her SDS0223 paperwork: self-assessments, her first review (completed, so
read-only) and her notes for the next one, the feedback log and mandatory training.

The journal was set up at her first review, ten weeks back (workday 50): Fiona helped her
record the review, the self-assessment she had filled in for it and what came before (her
induction training, her manager's three-month chat). She only started writing reflections
three weeks later, which is why that review lists none. Workdays count back from the demo's
today as for entries (negative: still ahead); ``at`` is the time of day ("HH:MM") where it
matters, otherwise records are logged in the evening, after that day's reflections.
"""

from typing import Any

from reflect.demo.objective_records import AT_REVIEW
from reflect.demo.people import CRAIG, FIONA, JAMIE, MORAG, ROSS

#: Three self-assessments: before her first review, at Fiona's check-in, and a week before the
#: next review. Communication and focus climb to 4; leadership stays at 2 (and is marked for
#: improvement) every time. ``ratings`` rates all twelve meta-skills 1-5.
ASSESSMENTS: list[dict[str, Any]] = [
    {
        "workday": AT_REVIEW + 1,
        "note": "Filled in on the form Fiona left, the day before my first review.",
        "ratings": {"focus": 3, "integrity": 4, "adaptability": 2, "initiative": 3, "communication": 3,
                    "feeling": 3, "collaboration": 3, "leadership": 2, "curiosity": 3, "creativity": 2,
                    "sense-making": 2, "critical-thinking": 3},
        "notes": {
            "integrity": "I own up when I get something wrong, even when it's awkward.",
            "adaptability": "I get thrown when things change at short notice.",
            "communication": "Fine face to face, but I ramble in emails and on the phone.",
            "leadership": "Never really had the chance. Not sure it's me.",
        },
        "strengths": ["integrity", "feeling"],
        "improve": ["adaptability", "communication", "leadership"],
    },
    {
        "workday": 24,
        "at": "12:15",
        "note": "With Fiona on the phone for her monthly check-in.",
        "ratings": {"focus": 3, "integrity": 4, "adaptability": 3, "initiative": 3, "communication": 3,
                    "feeling": 4, "collaboration": 3, "leadership": 2, "curiosity": 4, "creativity": 2,
                    "sense-making": 3, "critical-thinking": 3},
        "notes": {
            "adaptability": "TripDesk is getting easier now I learn it by doing it.",
            "feeling": "The man with the hearing aids: I noticed what he needed before he said.",
            "leadership": "Buddying Jamie. Morag says it counts, but I don't feel like a leader.",
        },
        "strengths": ["feeling", "curiosity"],
        "improve": ["leadership", "adaptability"],
    },
    {
        "workday": 5,
        "note": "Getting ready for my second review.",
        "ratings": {"focus": 4, "integrity": 4, "adaptability": 3, "initiative": 4, "communication": 4,
                    "feeling": 4, "collaboration": 3, "leadership": 2, "curiosity": 4, "creativity": 3,
                    "sense-making": 3, "critical-thinking": 3},
        "notes": {
            "communication": "Summaries at the end of every enquiry, the four-step emails, web chat.",
            "focus": "The payday queue: I sorted it instead of panicking.",
            "creativity": "The queue cards and the group table. Ideas come when I write things down.",
            "leadership": "Still no real example. Leading a huddle item would be a start.",
        },
        "strengths": ["communication", "feeling", "integrity"],
        "improve": ["leadership", "creativity"],
    },
]

#: Her first review, completed with Fiona (and Morag) and frozen as a snapshot.
PREVIOUS_REVIEW = {
    "workday": AT_REVIEW,
    "at": "11:30",
    "mentor": f"{FIONA} (assessor), with {MORAG} (supervisor)",
    "strengths": "Honest at the till and owns up to mistakes. Calm and kind with customers, especially "
                 "older ones. Picked up the bureau procedures quickly.",
    "improvements": "Speaking up in the team, for example at the huddle. Emails to customers are too long. "
                    "Coping when things change at short notice. Keeping a record of what I do and learn: "
                    "start writing reflections in this journal when Fiona next visits.",
    "next_objectives": "Complete the six TripDesk e-learning modules before switchover\n"
                       "Complete the group bookings course and price two group enquiries\n"
                       "Reach 40% travel insurance on my holiday bookings within eight weeks\n"
                       "Complete the bureau de change compliance e-learning",
}

#: What she has written so far for the coming review (a draft, still editable).
REVIEW_DRAFT = {
    "workday": 0,
    "strengths": "The Palma family, the hearing loop and the ferry couple: I help people outside the "
                 "routine now, and I check what I can promise first. TripDesk done on time, and other "
                 "branches use my cheat sheet. Jamie does the bureau on his own.",
    "improvements": "Leadership: I still have no real example. Insurance is at 34%, not 40%. The compliance "
                    "e-learning is late. I have six optional units and need eight.",
    "next_objectives": "Lead the queue card item at two morning huddles\n"
                       "Complete the bureau compliance e-learning before head office's deadline\n"
                       "Choose two more optional units with Fiona",
}

#: The feedback log. ``source`` is one of mentor, manager, colleague, customer, assessor,
#: other; ``done`` is the workday she acted on it (None: not yet). Craig's last comment has
#: no action yet, so the review reminders have something to say.
FEEDBACK = [
    {
        "received": 55, "source": "manager", "name": CRAIG,
        "said": "At my three-month chat: customers like you and you're reliable. You notice things "
                "but keep them to yourself, so say them at the huddle.",
        "action": "Bring one thing I've noticed to the huddle each week.",
    },
    {
        "received": 34, "source": "assessor", "name": FIONA, "entry": "Starting my reflective journal properly",
        "said": "Write little and often, and be honest with the tags: a short entry about a real shift "
                "beats a long one written for me.",
        "action": "Write at least three entries a week, before I get the bus home.", "done": 24,
    },
    {
        "received": 27, "source": "customer", "name": "Thank-you card from the Palma family",
        "entry": "Delayed flight: the family stuck in Palma",
        "said": "Thank you for getting us a room when we were stranded. The girls still talk about the "
                "hotel with the pool!",
        "action": "Put the tour operators' duty team numbers on the branch contact sheet, not just in my "
                  "notebook.", "done": 25,
    },
    {
        "received": 23, "source": "colleague", "name": ROSS, "entry": "TripDesk cheat sheet",
        "objective": "tripdesk",
        "said": "Your cheat sheet saved me loads of time. Type it up so the whole branch can use it.",
        "action": "Type up the cheat sheet and send it to Morag for the area manager.", "done": 19,
    },
    {
        "received": 21, "source": "mentor", "name": MORAG, "entry": "Morag's feedback on ending conversations",
        "said": "You're warm, you listen and you don't rush people. But customers leave without knowing "
                "what happens next.",
        "action": "End every enquiry with a summary: what we talked about, what happens next and when, "
                  "and my name. Ask Morag to listen in again in two weeks.", "done": 12,
    },
    {
        "received": 17, "source": "customer", "name": "Mystery shopper report", "entry": "Mystery shopper results",
        "objective": "insurance",
        "said": "Greeted within 30 seconds, gave her name, listened well, explained the hotel options "
                "clearly, printed quote. Did not mention travel insurance or say when she would follow "
                "up. Branch score 88%.",
        "action": "Ask \"have you got cover sorted?\" on every holiday enquiry, and finish with my "
                  "follow-up summary.", "done": 17,
    },
    {
        "received": 7, "source": "colleague", "name": JAMIE, "entry": "Checking in with Jamie",
        "said": "The end-of-shift check-ins help, but I'd like to try a morning on the bureau without "
                "you beside me.",
        "action": "Let Jamie run the bureau for a morning with me on the holiday desk, then talk it "
                  "through.", "done": 2,
    },
    {
        "received": 1, "source": "manager", "name": CRAIG, "entry": "Huddle: what our complaints are telling us",
        "said": "Good idea on the queue cards, and good that you had numbers. I want to see whether the "
                "trial is working: bring it to a huddle at the end of the month.",
        "action": "",
    },
]

#: Mandatory training. ``assigned`` is when it went on her record (induction was twenty weeks
#: back); ``due`` and ``done`` are workdays (None: no date). Manual handling was done late,
#: as her entry about it says; the money-laundering course is due soon, and the course on
#: customers in vulnerable circumstances is overdue.
TRAINING = [
    {"name": "Fire safety and evacuation", "provider": "Branch induction", "assigned": 100, "due": 100,
     "done": 100, "certificate": "FIRE-48213", "minutes": 60},
    {"name": "Data protection (UK GDPR)", "provider": "Head office learning portal", "assigned": 100,
     "due": 90, "done": 98, "certificate": "DP-31877", "minutes": 90},
    {"name": "Manual handling", "provider": "Head office learning portal", "assigned": 100, "due": 15,
     "done": 11, "certificate": "MH-55902", "minutes": 45},
    {"name": "Anti-money laundering for bureau de change", "provider": "Head office compliance team",
     "assigned": 60, "due": -6},
    {"name": "Customers in vulnerable circumstances", "provider": "Head office learning portal",
     "assigned": 30, "due": 3},
]
