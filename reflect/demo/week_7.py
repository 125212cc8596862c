"""Week 7 of the sample journal, ending on the demo's today: web chat, a cancelled ferry, and
getting ready for the next review (which the gaps in the journal will feed)."""

ENTRIES = [
    {
        "workday": 4,
        "title": "Trying the web chat",
        "model": "kolb",
        "skills": ["communication", "adaptability", "curiosity"],
        "criteria": ["CFACSA13.P3", "CFACSA13.P6", "CFACSA13.K2", "CFACSA13.K9"],
        "confidence": 3,
        "minutes": 120,
        "body": """
            ## Concrete experience

            Head office is trialling a web chat on the website, and our branch covers it for two
            hours each afternoon. I did my first session today and answered six chats: baggage
            allowances, a price check, someone asking if we sell rail tickets (we don't, so I
            sent her the train company's link), and a complaint that I passed to head office.

            ## Reflective observation

            I wrote far too much at first. My first answer was a whole paragraph and the
            customer replied "?". People on chat want short answers, fast. I also had to think
            about tone: in the shop I can smile, but on chat a short answer can look rude.

            ## Abstract conceptualisation

            Each channel has its own rules. An email can be longer and more formal; a chat
            should be short and friendly, one point per message. And it's written down for good,
            so I have to be careful what I promise.

            ## Active experimentation

            Next session: one point per message, use the customer's name once, and read the
            chat guidelines for the standard phrases we're meant to use. Keep a list of the
            questions that come up a lot, because they could go on the website.
            """,
    },
    {
        "workday": 3,
        "title": "Ferry cancelled: rescuing an Orkney break",
        "model": "star",
        "skills": ["adaptability", "critical-thinking", "initiative", "communication"],
        "criteria": ["INSCS009.P4", "INSCS009.K7", "CFACSA13.P13"],
        "confidence": 4,
        "minutes": 50,
        "body": """
            ## Situation

            Gales all day. A couple who'd booked an Orkney break with us (ferry plus three
            nights in a hotel in Kirkwall) phoned from the terminal at Scrabster: their sailing
            was cancelled and the next one with space was the following morning.

            ## Task

            Get them a bed for the night, move the hotel booking so they didn't lose a night
            they'd paid for, and keep their costs down.

            ## Action

            I checked the package terms first: the ferry company rebooks weather cancellations,
            but an extra night's stay isn't covered. I phoned the Kirkwall hotel and they agreed
            to move the first night to the end of the stay, as the room was free. Then I found a
            B&B ten minutes from the terminal with a room, and gave the couple the number to
            book it themselves, as it wasn't part of the package. I wrote everything on the
            booking and emailed them a summary with the new dates.

            ## Result

            They kept all three nights in Kirkwall, just a day later, and only paid for one B&B
            night. They sent a thank-you email from the boat the next morning.

            ## Reflection

            Compared to the Palma call a few weeks ago, I didn't need to ask Ross who to phone.
            Checking the terms first meant I knew what I could promise before I promised it.
            """,
    },
    {
        "workday": 2,
        "title": "Nervous about my review",
        "model": "none",
        "skills": ["integrity", "adaptability"],
        "criteria": ["SDS0223.K4"],
        "private": True,
        "confidence": 2,
        "body": """
            My review with Morag and Fiona is coming up and I'm more nervous than I thought I'd
            be. Last time I didn't have much to say. This time I've got all these entries, which
            should help, but reading back over them it's mostly me getting things wrong and then
            fixing them.

            Fiona says that's the point, the fixing is the learning. I know she's right, but it
            still feels like handing over a list of mistakes.

            Things I'm actually proud of: the Palma family, the hearing loop, Jamie (he did a
            whole morning on the bureau on his own today), and the ferry couple. I'm going to
            read this list before I go in.

            Things I'm scared they'll bring up: I still haven't done anything you'd call
            leadership, and I've only picked six units when I'm meant to have eight.
            """,
    },
    {
        "workday": 1,
        "title": "Huddle: what our complaints are telling us",
        "model": "none",
        "skills": ["collaboration", "sense-making", "communication"],
        "criteria": ["SDS0417.P10"],
        "confidence": 4,
        "minutes": 15,
        "body": """
            Morag put the branch's complaints for the last quarter up on the board at the
            huddle. Twelve in total: five about transfers, three about refunds taking too long,
            two about the queue, and two others.

            I shared what I'd found out from the wedding transfer complaint: the coach company
            had the wrong flight time, because the group's flights changed after booking and the
            change never got passed on. Morag said that might explain some of the other transfer
            ones too. We agreed that when flight times change, we'll phone or email the transfer
            company ourselves as well as updating the system.

            Two of the complaints were about the queue, so I mentioned the coloured cards. Craig
            has said yes to trying them for a month.
            """,
    },
    {
        "workday": 0,
        "title": "Getting ready for my review",
        "model": "none",
        "skills": ["sense-making", "critical-thinking", "focus"],
        "criteria": ["SDS0223.P1", "SDS0223.P6", "SDS0223.K3", "SDS0223.K4"],
        "confidence": 4,
        "minutes": 60,
        "body": """
            Went back through this journal to get ready for my review, filtering by meta-skill
            to see where my examples are. Loads for communication, a good few for focus,
            sense-making and feeling. Leadership: nothing. Creativity: only four (the cheat
            sheet, the insurance question, the group table and the queue cards).

            I also looked at my units. I've picked six optional units and need eight, so I need
            to choose two more with Fiona. "Promote additional services or products" (the
            insurance) and "Promote continuous improvement" (the queue cards) look like they fit
            things I'm already doing.

            Questions for the review:

            - Could leadership be something like leading a huddle item? Priya did the insurance
              figures; maybe I could present how the queue card trial went.
            - Which two units should I add?
            - Does web chat count towards the writing unit, or is that only email?

            I'm feeling better about it than I was on the night I wrote the private one.
            """,
    },
]
