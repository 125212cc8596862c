"""Weeks 1 and 2 of the sample journal: starting the journal, a rate complaint, the first
steps on a new booking system, a faulty-goods return and a spill by the door."""

ENTRIES = [
    {
        "workday": 34,
        "title": "Starting my reflective journal properly",
        "model": "none",
        "skills": ["focus", "curiosity"],
        "criteria": ["SDS0223.P6", "SDS0223.K3"],
        "confidence": 3,
        "minutes": 45,
        "body": """
            Fiona (my assessor from the training provider) came in today for my visit and we
            set this journal up together. Up to now I've been scribbling notes in the back of
            my diary and then forgetting what half of them meant. The idea is I write something
            most days, even if it's short, and tag it with the meta-skills and the bits of the
            standards it shows.

            Honestly the meta-skills list confused me at first. Twelve of them, and some sound
            the same (sense-making and critical thinking?). Fiona said not to worry about
            getting the tags perfect, the important bit is being honest about what happened and
            what I'd do next time. She said the entries will help at my next review because
            I'll have actual examples instead of saying "it's going fine".

            Goal for now: write at least three entries a week, at the end of my shift before I
            get the bus.
            """,
    },
    {
        "workday": 33,
        "title": "Angry customer at the bureau till",
        "model": "gibbs",
        "skills": ["feeling", "integrity", "communication"],
        "criteria": ["INSCS016.P5", "INSCS016.P11", "INSCS016.P12", "INSCS016.K9"],
        "confidence": 2,
        "minutes": 20,
        "body": """
            ## Description

            A man came to the bureau counter to buy 600 euros for a stag do. When I told him
            the rate he got really annoyed and said he could get a better one on his phone. He
            raised his voice and said we were "ripping people off", with a queue behind him
            listening.

            ## Feelings

            My face went red and my hands were shaking a bit when I was counting. Part of me
            wanted to just agree with him to make it stop.

            ## Evaluation

            Good: I didn't argue back and I kept my voice low. Bad: the first thing I said was
            "that's just our rate", which made him worse because it sounded like I didn't care.

            ## Analysis

            Thinking about it after, he wasn't really angry at me, he was stressed about money
            and felt daft for not ordering online. Once I said I understood it was a lot of
            money, and explained he could get our online rate if he ordered for collection the
            next day, he calmed right down.

            ## Conclusion

            I could have asked what he'd seen online at the start instead of defending the rate.

            ## Action plan

            Next time someone complains about a rate: acknowledge it first, ask what they've
            been quoted, then explain the options (click and collect rate, or a smaller amount
            now). Check the online rate every morning so I'm not caught out.
            """,
    },
    {
        "workday": 32,
        "title": "Stock count",
        "model": "none",
        "skills": ["focus"],
        "criteria": [],
        "minutes": 5,
        "trashed": True,  # a rushed first go, rewritten properly below
        "body": """
            Did the stock count in the travel shop corner with Ross. Adaptors, padlocks, neck
            pillows, the lot. We were 4 neck pillows down and Ross thinks they were nicked but
            I'm not sure. Took ages. Need to write this up properly when I'm not so tired, this
            is just so I don't forget the numbers: adaptors 46 (system 46), locks 31 (system
            33), pillows 18 (system 22).
            """,
    },
    {
        "workday": 32,
        "title": "Stock count: the missing neck pillows",
        "model": "driscoll",
        "skills": ["focus", "curiosity", "critical-thinking"],
        "criteria": ["SDS0354.P7", "SDS0354.K9"],
        "confidence": 4,
        "minutes": 70,
        "body": """
            ## What?

            Ross and I did the monthly stock count of the travel shop corner after closing.
            Everything matched the system apart from the neck pillows (18 counted, 22 on the
            system) and two padlocks. Ross said they must have been stolen and wanted to write
            them off so we could go home.

            ## So what?

            I wasn't sure. The pillows are on the high shelf beside the door, so theft is
            possible, but I remembered a couple of returns last week. I checked the returns tray
            in the back and found three pillows and both padlocks that had been refunded but
            never put back through the system. I booked them back in, so only one pillow was
            really missing. If we'd written them all off, the numbers would have been wrong
            twice over.

            ## Now what?

            Check the returns tray before any count starts. I've also asked Morag if returned
            stock could be booked back in at the end of each day instead of whenever someone
            remembers. She said to bring it up at the huddle.
            """,
    },
    {
        "workday": 31,
        "title": "Morning huddle",
        "model": "none",
        "skills": ["collaboration", "communication", "initiative"],
        "criteria": [],
        "minutes": 10,
        "body": """
            Quick huddle before opening, ten minutes with Morag, Ross, Priya and me. Targets:
            travel insurance on 40% of bookings (we're on 31%), and every customer greeted
            within 30 seconds, because head office says mystery shoppers are visiting branches
            this month.

            I brought up the returns tray from the stock count, and Morag said it was a good
            spot. From now on we book returns back in at cashing up. It felt good that something
            I noticed changed how we do things, even a small thing.

            Morag asked if anyone wanted to present the insurance figures at the next huddle. I
            didn't say anything and Priya said she would. I'm not really a stand-up-and-talk
            person yet.
            """,
    },
    {
        "workday": 31,
        "title": "Delayed flight: the family stuck in Palma",
        "model": "star",
        "skills": ["adaptability", "initiative", "feeling", "communication"],
        "criteria": ["INSCS009.P3", "INSCS009.P4", "INSCS009.P14"],
        "confidence": 3,
        "minutes": 75,
        "body": """
            ## Situation

            Just after lunch a customer phoned from Palma airport. Her family's flight home to
            Glasgow was delayed by nine hours, they'd been told to leave the terminal, and the
            transfer that was meant to take them to a hotel hadn't turned up. She had two wee
            ones with her and was in tears.

            ## Task

            Find them somewhere to wait, get the transfer sorted, and make sure she knew what
            she was entitled to, without promising things I couldn't.

            ## Action

            I took her mobile number first in case we got cut off. I found the booking and
            checked what the tour operator's duty team could do. I'd never phoned them before,
            so I asked Ross to sit with me. The operator booked a day room at a hotel near the
            airport and a taxi, and I read her the reference numbers twice and texted them too.
            I told her to keep her food receipts, because the airline has to cover meals on a
            delay that long.

            ## Result

            She phoned back at teatime to say they were in the room and the kids were asleep. I
            wrote everything in the booking notes so whoever was on next knew.

            ## Reflection

            I stayed calm on the phone, but I wouldn't have known who to call without Ross. I've
            added the duty team numbers to my notebook.
            """,
    },
    {
        "workday": 29,
        "title": "First go on TripDesk",
        "model": "kolb",
        "skills": ["curiosity", "adaptability", "sense-making"],
        "criteria": ["SDS0223.P4", "SDS0223.K10"],
        "confidence": 2,
        "minutes": 90,
        "body": """
            ## Concrete experience

            Head office is moving every branch to the new booking system, TripDesk, and ours
            switches over in three weeks. I did the first two e-learning modules this morning,
            then had a go on the practice version, making a pretend booking for two adults to
            Tenerife.

            ## Reflective observation

            The videos made sense while I watched them, but when I tried it myself I couldn't
            find half the buttons. It took me 25 minutes to do a booking I could do in five on
            the old system. I kept going back to the video and pausing it.

            ## Abstract conceptualisation

            I think I learn better by doing than by watching. Fiona talked about learning
            styles at my last visit and I rolled my eyes a bit, but it's true for me: I
            remembered nothing from the video until I'd clicked through it myself. Also, the new
            system isn't harder, it's just in a different order (you pick the customer first,
            then the holiday).

            ## Active experimentation

            Next session, try the booking first and only watch the video for the bits I get
            stuck on. Finish the other four modules before switchover, and write the steps down
            in my own words.
            """,
    },
    {
        "workday": 28,
        "title": "Suitcase returned after six weeks",
        "model": "gibbs",
        "skills": ["critical-thinking", "integrity", "communication"],
        "criteria": ["SDS0354.P1", "SDS0354.P4", "SDS0354.K1"],
        "confidence": 3,
        "minutes": 30,
        "body": """
            ## Description

            A woman brought back a cabin case she bought from our shop corner six weeks ago. One
            of the wheels had snapped off on its second trip. Our returns policy says 28 days
            with a receipt, so my first thought was that I'd have to say no.

            ## Feelings

            Awkward. She was polite but I could tell she expected a fight, and I didn't want to
            be the one saying no when the case was obviously broken.

            ## Evaluation

            I checked the case properly (the wheel had snapped at the join, no scuffs like it
            had been dropped) and asked Morag instead of guessing. Not so good: I told the
            customer "it's outside our 28 days" before I'd checked with anyone, which got her
            back up.

            ## Analysis

            Morag explained the 28 days is for change of mind. A faulty item is different:
            under the Consumer Rights Act goods have to last a reasonable time, so we can
            repair, replace or refund after 28 days. I didn't know that, and I bet most
            customers don't either.

            ## Conclusion

            I should have said "let me check what we can do" instead of quoting the policy.

            ## Action plan

            Read the full returns policy, including the faulty goods part. For anything outside
            28 days, ask whether it's faulty or change of mind before saying anything about
            dates. (We swapped her case for a new one and I put the exchange through the till
            with Morag watching.)
            """,
    },
    {
        "workday": 27,
        "title": "Coffee on the floor by the door",
        "model": "driscoll",
        "skills": ["initiative", "focus"],
        "criteria": ["SDS0123.P2", "SDS0123.P8", "SDS0123.K18"],
        "confidence": 4,
        "minutes": 15,
        "body": """
            ## What?

            It was pouring all morning and a customer knocked her takeaway coffee off the
            brochure stand by the door. Coffee and wet footprints everywhere, right where people
            come in. I put the wet floor sign out straight away, asked the next two customers to
            walk round by the window, and mopped it up.

            ## So what?

            Someone could easily have slipped, especially an older customer coming in out of the
            rain. I only knew where the sign was because of my induction. Morag said I should
            also write it in the accident book as a near miss, which I didn't know you did when
            nobody actually got hurt. She said near misses are how you spot problems before
            there's an accident.

            ## Now what?

            I've written it up. I suggested putting the doormat out on rainy days (it's been
            rolled up in the cupboard) and Morag agreed. And no cups on the brochure stand:
            we'll offer to hold them instead.
            """,
    },
    {
        "workday": 27,
        "title": "Feeling out of my depth",
        "model": "none",
        "skills": ["adaptability", "integrity"],
        "criteria": ["SDS0223.K8"],
        "private": True,
        "confidence": 2,
        "body": """
            Not for anyone else to read, this one.

            I came home tonight and just sat on my bed for an hour. Between TripDesk, the man
            shouting about the euro rate and now the accident book, it feels like there are a
            hundred things I'm meant to know and everyone else already knows them. Ross does the
            operator calls without even thinking. I keep thinking they're going to realise I'm
            rubbish at this.

            Mum said everybody feels like that in the first year of a job, and that Morag
            wouldn't have put me on the counter if she didn't trust me. Which is fair.

            Fiona said at the start that if it gets too much I can talk to her or use the
            employee support line on the staff noticeboard. I'm not at that point, but I'm
            writing it here so I remember it's there. Going to bed early.
            """,
    },
    {
        "workday": 26,
        "title": "Replying to an email about a late refund",
        "model": "driscoll",
        "skills": ["communication", "feeling", "focus"],
        "criteria": ["CFACSA13.P3", "CFACSA13.P12", "CFACSA13.P14", "SDS0417.K11"],
        "confidence": 3,
        "minutes": 40,
        "body": """
            ## What?

            Morag asked me to draft a reply to a customer email. Mr Dunn cancelled a coach
            holiday in time to get his deposit back, but three weeks later it still hadn't
            arrived, and his email was pretty angry (lots of capitals). I read it twice, checked
            the booking and found the refund had been approved but was stuck waiting for head
            office.

            ## So what?

            My first draft started with "Unfortunately" and had three paragraphs explaining how
            refunds work. Morag said he doesn't care how refunds work, he wants to know where
            his money is. So I rewrote it: thanked him for getting in touch, said sorry for the
            wait, told him in one line that it was approved and when it would reach his bank,
            and gave him my name and the branch number. She sent it with one small change.

            ## Now what?

            Put the answer to their question in the first two lines. Read drafts out loud to
            hear how they'd sound to an angry person. Check the refund lands by the date I gave,
            and email him again if it doesn't.
            """,
    },
    {
        "workday": 25,
        "title": "Reading the service standards before the mystery shopper",
        "model": "none",
        "skills": ["focus", "curiosity"],
        "criteria": ["INSCS009.K2", "SDS0223.K7"],
        "confidence": 4,
        "minutes": 30,
        "body": """
            Quiet afternoon, so Morag let me sit in the back for half an hour with the branch
            service standards, which is the checklist the mystery shoppers use. I'd skimmed it
            at induction but never really read it.

            Things I didn't know, or forget to do:

            - Give my first name in the greeting, not just "hiya".
            - Offer a brochure or a printed quote to take away, every time.
            - Mention travel insurance on every holiday enquiry, even if they're only looking.
            - Finish by saying when I'll follow up, and take their details if they're happy to.

            The name one surprised me. I always thought telling customers your name was a bit
            much, but the point is they can ask for you when they come back, and you can pick up
            the same conversation.

            I've written the four points on a sticky note under my screen.
            """,
    },
]
