"""Weeks 3 and 4 of the sample journal: a customer with access needs, buddying a new starter,
feedback from the supervisor, the mystery shopper's report and a blocked fire exit."""

ENTRIES = [
    {
        "workday": 24,
        "title": "Customer with hearing aids",
        "model": "driscoll",
        "skills": ["feeling", "communication", "initiative"],
        "criteria": ["INSCS009.P1", "INSCS009.P5", "INSCS009.K5"],
        "confidence": 4,
        "minutes": 50,
        "body": """
            ## What?

            An older gentleman came in to book a river cruise for his and his wife's
            anniversary. He wore hearing aids and kept asking me to repeat things, and it was
            noisy with the bureau queue right beside my desk. I asked if he'd like to move to
            the quieter desk at the back, and he said yes please. When I went to switch on the
            hearing loop I found it had been unplugged, probably since the cleaners moved the
            desk.

            ## So what?

            Once we moved he relaxed and we got through everything. I faced him when I talked,
            slowed down a bit (without shouting, which he said people usually do) and wrote the
            prices and dates on a notepad as we went, so he could take it home to his wife. He
            told me he'd given up on two other travel agents. It made me think about how many
            customers we might lose without ever knowing why.

            ## Now what?

            I told Morag about the loop and it's now on the opening checklist. I also put a note
            on his booking that he prefers the back desk and written quotes, so whoever serves
            him next knows.
            """,
    },
    {
        "workday": 23,
        "title": "TripDesk cheat sheet",
        "model": "none",
        "skills": ["curiosity", "creativity", "adaptability"],
        "criteria": ["SDS0223.P4"],
        "confidence": 4,
        "minutes": 80,
        "body": """
            Did modules three and four of the TripDesk training. This time I tried the booking
            first and only went back to the video when I got stuck, like I said I would, and it
            was so much better. I did a two-room quote on my own in about ten minutes.

            The thing that kept tripping me up is that the screens come in a different order
            from the old system, so I made a one-page cheat sheet: the old step on the left, the
            new step on the right, and where the button is. Ross saw it and asked for a copy,
            then Priya did too. Morag said she'll send it to the area manager in case other
            branches want it, which is a bit embarrassing because my handwriting is terrible.
            I'm going to type it up properly.

            Two modules to go and under two weeks till switchover.
            """,
    },
    {
        "workday": 22,
        "title": "Buddying Jamie on his first day",
        "model": "gibbs",
        "skills": ["collaboration", "communication", "feeling"],
        "criteria": ["CFACSD5.P8", "CFACSD5.P9", "CFACSD5.K5"],
        "confidence": 3,
        "minutes": 60,
        "body": """
            ## Description

            Jamie started today. He's 17 and it's his first job, and Morag asked me to buddy
            him for his first few weeks because I was the most recent new start and "remember
            what it's like". I showed him the opening checklist, how we greet customers and how
            the bureau till works. He watched me serve for the morning, then did a currency sale
            himself with me beside him.

            ## Feelings

            Nervous beforehand, I'd never shown anyone anything at work. Then quite proud when
            he got his first sale right.

            ## Evaluation

            Good: I made sure he watched me do the greeting properly (name, smile, within 30
            seconds), so he saw it done and didn't just hear about it. Less good: I stood too
            close when he was serving, and once I answered a customer's question for him, which
            made him look like he didn't know.

            ## Analysis

            I wanted the customer to get it right, but jumping in took over the conversation.
            It's his customer, not mine.

            ## Conclusion

            I could have agreed with him before he started where I'd stand, and that I'd only
            step in if he looked at me.

            ## Action plan

            Stand a bit back, let him finish, talk about it afterwards. Tell him what he did
            well first, because he's very hard on himself. Morag said buddying counts as
            leadership, but I don't feel like a leader yet, so I haven't tagged it that way.
            Something to ask Fiona about.
            """,
    },
    {
        "workday": 22,
        "title": "Bureau till £10 short",
        "model": "none",
        "skills": ["integrity", "focus", "critical-thinking"],
        "criteria": [],
        "confidence": 3,
        "minutes": 25,
        "body": """
            Cashing up the bureau till tonight I was £10 short. My stomach dropped, because it
            was my till and the first thing you think is that they'll think you took it.

            I told Morag straight away instead of recounting it five times on my own. We counted
            together, then went through the transactions one by one against the receipts. In the
            end there was a £10 note stuck to the back of a £20 in the bank bag, with a bit of
            tape on it from somebody's mended note.

            So it wasn't really short. But Morag said the best thing I did was tell her quickly
            and not try to sort it quietly, because that's when things look bad even if they're
            innocent.

            Next time: count notes one at a time, not fanned out, and check for stuck ones.
            """,
    },
    {
        "workday": 21,
        "title": "Morag's feedback on ending conversations",
        "model": "driscoll",
        "skills": ["adaptability", "communication", "sense-making"],
        "criteria": ["SDS0223.P5", "SDS0223.K9"],
        "confidence": 3,
        "minutes": 20,
        "body": """
            ## What?

            Morag sat in on some of my customer conversations this morning and gave me feedback
            at lunch. Good points: I'm warm with customers, I listen and I don't rush them, and
            she liked what I did about the hearing loop. The thing to work on: endings.
            Customers leave without knowing what happens next, like how long the quote is valid
            or that I'll phone them on a particular day.

            ## So what?

            She's right. I put loads of effort into the middle, and then when they stand up I
            just say "lovely, see you soon". That's probably why some people never come back to
            book: they don't know the next step, and we never call them. It's also the last
            thing on the mystery shopper checklist, so I'd lose marks.

            ## Now what?

            For the next two weeks I'll finish every enquiry with a summary: what we talked
            about, what happens next and when, and my name. Then I'll ask Morag to listen in
            again and tell me if it's different.
            """,
    },
    {
        "workday": 20,
        "title": "Practising my summaries",
        "model": "none",
        "skills": ["communication", "focus"],
        "criteria": ["INSCS009.P3", "INSCS009.P9", "SDS0223.P5"],
        "confidence": 3,
        "minutes": 15,
        "body": """
            First full day trying to end every conversation with a summary. I managed it for 8
            out of 11 customers (I kept a tally on the sticky note). The three I forgot were all
            when the queue was long and I felt rushed.

            What I said was roughly: "So that's the Lanzarote quote for the four of you on the
            14th, it's held for three days, and I'll give you a call before then if I haven't
            heard from you. I'm Eilidh if you need me."

            One woman said "oh, that's handy" and wrote it down. One man booked there and then,
            which I don't think he would have done otherwise.

            It feels a bit like a script at the moment. Hopefully it'll sound more natural the
            more I do it.
            """,
    },
    {
        "workday": 18,
        "title": "Lost passport, flying in three days",
        "model": "none",
        "skills": ["feeling", "initiative", "sense-making"],
        "criteria": ["INSCS009.P4", "INSCS009.P6", "INSCS009.P18"],
        "confidence": 4,
        "minutes": 40,
        "body": """
            A young couple came in panicking. They fly to Cyprus in three days and she'd just
            realised her passport was out of date. They'd tried phoning the Passport Office and
            couldn't get through.

            This isn't really our job, we sell holidays, not passports. But I could see they
            were about to lose the whole holiday. I checked with Morag that it was OK to spend
            the time, then went through the gov.uk pages with them and we found a one-day
            Premium appointment at the Glasgow office for the next morning. I also checked what
            it would cost to move the holiday by a week if it didn't work, so they had a plan B,
            and wrote both options down for them.

            They came back in at closing time to say it was booked. I was dead chuffed.

            What I'd change: I spent 40 minutes with them while Priya covered the queue on her
            own. Next time I'd ask someone to cover, or get them to come back at a quiet time.
            """,
    },
    {
        "workday": 17,
        "title": "Mystery shopper results",
        "model": "star",
        "skills": ["communication", "focus", "sense-making"],
        "criteria": ["INSCS009.P9", "INSCS009.P13", "INSCS009.K17"],
        "confidence": 4,
        "minutes": 30,
        "body": """
            ## Situation

            Head office sent the mystery shopper reports through this morning. Ours was from a
            visit last week, and it turns out the woman who asked me loads of questions about a
            Rome city break was the mystery shopper. I'd served her.

            ## Task

            Find out what I did well and what I missed.

            ## Action

            I read the report with Morag. The branch scored 88%. My part: greeted within 30
            seconds, gave my name, listened well, explained the hotel options clearly and gave
            her a printed quote. I lost marks for not mentioning travel insurance and for not
            saying when I'd follow up.

            ## Result

            88% is above the area average. Morag read the good comments out at the huddle and
            everybody clapped, which was mortifying. The two things I missed are exactly the
            things on my sticky note, so at least I know the note is right.

            ## Reflection

            The follow-up is already what I'm working on from Morag's feedback, so this backs
            it up. Insurance I keep forgetting because it feels pushy. I need a way of saying it
            that sounds like I'm looking after them, not selling to them.
            """,
    },
    {
        "workday": 17,
        "title": "Mentioning insurance without being pushy",
        "model": "none",
        "skills": ["communication", "creativity", "adaptability"],
        "criteria": ["INSCS009.P13", "INSCS009.P15"],
        "confidence": 3,
        "minutes": 15,
        "body": """
            Tried a different way of mentioning insurance. Instead of "would you like travel
            insurance?" (which everyone says no to), I asked "have you got cover sorted for the
            trip?" while going through the dates. If they have, fine, I move on. If they
            haven't, I say in one sentence what ours covers, like cancellation and medical.

            Four customers this afternoon: two already had annual cover, one took ours, and one
            said she'd think about it, so I put it on her quote. Nobody seemed annoyed.

            It helped to think of it as a question about them, not a sales pitch. Ross says he
            does something similar. I should have asked him weeks ago instead of worrying
            about it.
            """,
    },
    {
        "workday": 16,
        "title": "Boxes in front of the fire exit",
        "model": "driscoll",
        "skills": ["integrity", "initiative", "communication"],
        "criteria": ["SDS0123.P2", "SDS0123.P3", "SDS0123.P4"],
        "confidence": 4,
        "minutes": 20,
        "body": """
            ## What?

            The brochure delivery came, twelve big boxes, and the driver stacked them in the
            back corridor, right in front of the fire exit. Ross said he'd move them later. An
            hour later they were still there.

            ## So what?

            If there was a fire, the back exit is the only way out for anyone in the staff
            room. I felt awkward telling Ross, because he's been here years, but it's not about
            who's been here longest. I put it as a question ("are we OK to shift these now,
            they're blocking the fire door?") and he said "oh aye, fair point" and we moved them
            together. I lifted the way we were shown at induction and we split the heavy ones.

            ## Now what?

            Deliveries go straight into the stock room, not the corridor. I told Morag so she
            can tell the driver, and she's put a "keep clear" sign on the door.
            """,
    },
    {
        "workday": 16,
        "title": "Buddying Jamie: talking it through",
        "model": "kolb",
        "skills": ["collaboration", "feeling", "communication"],
        "criteria": ["CFACSD5.P13", "CFACSD5.P16", "CFACSD5.P17", "CFACSD5.K6"],
        "confidence": 4,
        "minutes": 30,
        "body": """
            ## Concrete experience

            A week in with Jamie. I've been jotting notes when I watch him serve (what went
            well, what to work on), and today we sat in the staff room for 20 minutes at lunch
            and went through them.

            ## Reflective observation

            He's brilliant with younger customers and already knows the computer stuff better
            than me. He rushes the bureau counting, and he doesn't make eye contact when he's
            nervous. When I started with the good stuff he was chatty; when I got to the
            counting he went quiet. Then I told him about my £10 panic at the bureau till, and
            he laughed and relaxed.

            ## Abstract conceptualisation

            Feedback goes in better when it feels like you're on the same side. Sharing my own
            mistake worked better than any tip. And having notes meant I could talk about real
            examples, not just "you're a bit rushed".

            ## Active experimentation

            We agreed he'll count notes twice for the next week and I'll check in with him at
            the end of each shift. I'll keep the notes going so we can see if it changes.
            """,
    },
    {
        "workday": 15,
        "title": "Falling out with Ross",
        "model": "none",
        "skills": ["collaboration", "integrity", "feeling"],
        "criteria": ["INSCS009.P12"],
        "private": True,
        "body": """
            Private.

            Ross snapped at me today in front of a customer. One of his regulars phoned while he
            was at lunch and asked me to change the time of her airport taxi, so I did, and
            wrote it in the notes. When he got back he said "can you not touch my bookings",
            loud enough for the customer at his desk to hear.

            I was raging. I'd only done what she asked. I went in the back and nearly cried,
            which made me even angrier.

            Once I'd calmed down I said to him that I was sorry if I'd stepped on his toes, but
            I didn't like being spoken to like that in front of customers. He said fair enough,
            he'd had a bad morning and his regulars are a bit of a thing for him. I think we're
            fine now.

            I'm glad I didn't say anything at the time, because I'd have said something I
            regretted. Next time I'll still help the customer, but leave him a note and tell him
            as soon as he's back.
            """,
    },
]
