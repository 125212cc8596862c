"""Evidence from beyond Eilidh's own reflections: what Morag saw at the bureau counter (witness
testimony, confirmed), and Fiona's observation at the till, so the demo shows criteria backed by
more than a personal statement next to ones resting on her own words only."""

WITNESS_CONFIRMED_WORKDAYS_AGO = 7

ENTRIES = [
    {
        "workday": 9,
        "title": "Morag's testimony: the bureau queue on pay day",
        "model": "none",
        "kind": "witness",
        "witness": {"name": "Morag Campbell", "role": "Branch supervisor",
                    "relationship": "my supervisor", "contact": "via the branch, 0141 496 0000",
                    "confirmed_workday": WITNESS_CONFIRMED_WORKDAYS_AGO},
        "skills": ["focus", "feeling"],
        "criteria": ["INSCS009.P8", "INSCS009.P12"],
        "body": """
            ## What the witness saw

            Morag wrote: "On Friday the bureau queue was out of the door. Eilidh served each
            customer as if they were the only one: she looked up, used their name from the
            order, and explained the rate without rushing. When a man got impatient she thanked
            him for waiting and told him honestly how long it would be."

            ## When and where

            Friday afternoon at the bureau de change counter; Morag was on the next till for the
            whole hour.

            ## What it shows

            INSCS009.P8 (focusing on the customer in front of me) and P12 (respect for customers
            even when the queue is long).
            """,
    },
    {
        "workday": 2,
        "title": "Fiona observed me at the travel shop till",
        "model": "none",
        "kind": "observation",
        "observer": "Fiona Reid (assessor)",
        "skills": ["communication"],
        "criteria": ["INSCS009.P7", "INSCS009.P10"],
        "body": """
            ## What was observed

            Fiona watched me for forty minutes at the travel shop till: two sales, a refund and
            a customer asking about travel insurance.

            ## What they noted

            She noted that I followed the greeting and the insurance script but still sounded
            like myself, and that I checked the customer's dates back to them before booking.

            ## What it shows

            INSCS009.P7 and P10: communicating within the guidelines, one to one.
            """,
    },
]
