"""Phrase banks for generated reflections: customer service in shops, contact centres and travel.

Sentences carry ``{slots}`` filled from :data:`SLOTS`, so a few hundred lines of text give
journals that read like an apprentice's and give full-text search realistic work: common words
("customer") in nearly every entry, rarer ones ("voucher", "Alicante") in a few.
"""

from __future__ import annotations

#: What happened, as (title, opening sentence). The opening names the situation.
SITUATIONS = (
    ("Refund without a receipt", "A {customer} came to the {place} wanting a refund for a {product} but had no receipt."),
    ("Complaint about a late delivery", "A {customer} phoned to complain that their {product} was {days} days late."),
    ("Cancelled flight", "A family's flight to {destination} was cancelled and they came to the desk upset."),
    ("Queue at the till", "The queue at the till reached the door during the {time_of_day} rush."),
    ("Faulty product returned", "A {customer} brought back a {product} that had stopped working after a week."),
    ("Price mismatch on the shelf", "A {customer} pointed out that the shelf price for the {product} did not match the till."),
    ("Lost booking reference", "A {customer} could not find their booking reference for a trip to {destination}."),
    ("Customer complaint by email", "I answered an email complaint from a {customer} about how a colleague had spoken to them."),
    ("Helping a vulnerable customer", "A {customer} who seemed confused needed help choosing a {product}."),
    ("Social media complaint", "A {customer} posted a complaint about our {place} on social media."),
    ("Upselling travel insurance", "I offered travel insurance to a couple booking a holiday to {destination}."),
    ("Stock check with a colleague", "{colleague} and I did the stock check for the {product} range before opening."),
    ("Difficult phone call", "A {customer} on the phone raised their voice about a charge on their account."),
    ("Voucher that would not scan", "A {customer} had a gift voucher for a {product} that would not scan at the till."),
    ("Delayed coach transfer", "The coach transfer from the airport to {destination} was two hours late."),
    ("Training a new starter", "I showed {colleague}, who started this week, how to process a return."),
    ("Customer feedback survey", "We looked at this month's customer feedback survey in the team huddle."),
    ("Out of stock item", "A {customer} had travelled in specially for a {product} and we had none left."),
    ("Accessibility request", "A {customer} using a wheelchair asked for help reaching a {product} on a high shelf."),
    ("Double-charged card", "A {customer} found they had been charged twice for a {product}."),
)

SLOTS = {
    "customer": ("customer", "regular customer", "older customer", "young customer", "business customer",
                 "first-time customer", "customer with two children", "frustrated customer"),
    "place": ("shop", "store", "branch", "travel desk", "contact centre", "counter", "help desk"),
    # Bare nouns, none starting with a vowel sound, so "a {product}" and "the {product}" both read.
    "product": ("kettle", "pair of trainers", "mobile phone", "winter coat", "coffee machine", "city break",
                "cruise package", "laptop", "set of pans", "printer", "school blazer", "hairdryer",
                "rail pass", "sofa", "tablet"),
    "destination": ("Alicante", "Tenerife", "Inverness", "Krakow", "Orlando", "Lisbon", "Skye", "Malaga",
                    "Dubrovnik", "Paris", "Reykjavik", "Crete"),
    "colleague": ("Aisha", "Callum", "Morag", "Jamie", "Priya", "Euan", "Kirsty", "Tomasz", "Fiona", "Ross"),
    "manager": ("my supervisor", "the store manager", "my team leader", "my mentor", "the duty manager"),
    "time_of_day": ("lunchtime", "Saturday", "evening", "morning", "Boxing Day", "payday"),
    "days": ("three", "five", "six", "ten", "two"),
}

#: Sentences for each part of a reflection. Free writing uses them in this order.
WHAT = (
    "I listened to the whole story before saying anything, which took longer than I expected.",
    "I checked our policy on the system and explained what we could and could not do.",
    "I asked {colleague} for a second opinion because I was not sure of the procedure.",
    "I kept my tone calm even though the customer was getting louder.",
    "I apologised for the trouble and said exactly what I would do next and by when.",
    "I called {manager} over when the customer asked for someone more senior.",
    "I wrote down the details so nobody would need to ask the customer again.",
    "I offered two options and let the customer choose the one that suited them.",
    "There were other customers waiting, so I had to keep an eye on the queue as well.",
    "I looked up the order history and found the note from the first call.",
)
FEELINGS = (
    "At first I felt nervous because I had not dealt with this before.",
    "I felt under pressure with the queue building behind them.",
    "Honestly I was annoyed at first, but I did not let it show.",
    "I felt proud afterwards because the customer thanked me by name.",
    "I was worried I would get the procedure wrong in front of everyone.",
    "Once I knew what to do I felt much more confident.",
    "It was stressful, but I stayed focused on what the customer needed.",
)
WENT_WELL = (
    "What went well was that the customer left happy and said they would come back.",
    "Listening properly meant I understood the real problem, not just the first thing they said.",
    "Asking for help early saved time and meant the customer got the right answer.",
    "Keeping the customer updated stopped the complaint from getting worse.",
    "Using their name and repeating back what they said helped calm things down.",
    "I followed the procedure properly and the paperwork was complete.",
)
WENT_BADLY = (
    "What did not go so well was that I took too long to find the right form.",
    "I promised a callback time I could not keep, which made things worse.",
    "I rushed the explanation and had to go over it again.",
    "I forgot to check whether the customer had any other questions before they left.",
    "I should have offered a seat while the customer waited.",
    "I did not log the complaint straight away, so the details were harder to remember.",
)
LEARNED = (
    "I learned that most complaints calm down once the customer feels listened to.",
    "This showed me how important it is to know our returns policy inside out.",
    "I realised I need to manage my own stress so it does not spill into my tone.",
    "It made me think about how the customer experiences the whole process, not just my part.",
    "I learned that it is fine to say I do not know yet, as long as I find out.",
    "I noticed that I work better when I plan the busy times with the team beforehand.",
    "Good customer service is about trust as much as speed.",
)
NEXT = (
    "Next time I will ask more questions at the start before offering a solution.",
    "I am going to ask {manager} to go through the complaints procedure with me.",
    "Next week I will practise the refund screens on the training till.",
    "I want to shadow {colleague} on a few difficult calls to see how they handle them.",
    "I will keep a short checklist at the till for vouchers and exchanges.",
    "I will set myself a reminder so every callback happens when I said it would.",
    "I plan to read the customer feedback report each month and pick one thing to improve.",
)

#: Which bank answers each section of a reflective model (see reflect.entries.templates).
MODEL_SECTIONS = {
    "gibbs": (("Description", WHAT), ("Feelings", FEELINGS), ("Evaluation", WENT_WELL + WENT_BADLY),
              ("Analysis", LEARNED), ("Conclusion", WENT_BADLY), ("Action plan", NEXT)),
    "driscoll": (("What?", WHAT), ("So what?", LEARNED + FEELINGS), ("Now what?", NEXT)),
    "kolb": (("Concrete experience", WHAT), ("Reflective observation", WENT_WELL + WENT_BADLY),
             ("Abstract conceptualisation", LEARNED), ("Active experimentation", NEXT)),
    "star": (("Situation", WHAT), ("Task", WHAT), ("Action", WHAT), ("Result", WENT_WELL),
             ("Reflection", LEARNED + NEXT)),
}
FREE_ORDER = (WHAT, WHAT, FEELINGS, WENT_WELL, WENT_BADLY, LEARNED, NEXT)

OBJECTIVES = (
    "Handle a customer complaint from start to finish without asking for help",
    "Learn the returns and refunds procedure well enough to train a new starter",
    "Answer every customer email within one working day",
    "Lead the morning huddle once a week",
    "Improve my product knowledge of the travel insurance range",
    "Keep calm and use active listening on difficult phone calls",
    "Suggest one improvement to the customer journey each month",
    "Complete the social media customer service course",
)
ACTIVITIES = (
    ("Shadow a colleague on complaints", "shadowing"), ("Read the returns policy", "reading"),
    ("Practise on the training till", "practice"), ("Complaint handling e-learning", "course"),
    ("Role play a difficult call with my mentor", "practice"), ("Visit the contact centre", "other"),
)
FEEDBACK = (
    "You stayed calm with that customer and explained the options clearly.",
    "Try to check the system before promising a delivery date.",
    "The customer mentioned how helpful you were in the survey.",
    "Remember to log every complaint on the same day.",
    "Your handover notes were clear and saved the next shift time.",
    "Speak up more in the team huddle: your ideas are good.",
)
TRAINING = ("Fire safety", "Data protection (GDPR)", "Manual handling", "Safeguarding awareness",
            "Health and safety induction", "Age-restricted sales")
