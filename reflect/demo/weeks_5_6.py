"""Weeks 5 and 6 of the sample journal: a group booking, a complaint that had to be
escalated, mandatory training, an abusive customer and an improvement idea."""

ENTRIES = [
    {
        "workday": 14,
        "title": "Hen party for eleven",
        "model": "none",
        "skills": ["creativity", "sense-making", "focus"],
        "criteria": ["INSCS009.P14", "INSCS009.P15"],
        "confidence": 4,
        "minutes": 60,
        "body": """
            A bride's sister came in to price up a hen weekend in Dublin for eleven people, all
            with different budgets, and four of them flying from Aberdeen instead of Glasgow. I
            was trying to keep it all in my head and on TripDesk at once and got in a fankle.

            So I stopped and drew a quick table on the notepad: names down the side, and
            airport, room sharing and budget across the top. Once it was on paper I could see
            straight away that two of the hotels would work, and that booking the flights by
            airport was cheaper than getting everyone to fly from Glasgow. She took a photo of
            the table to send to the group chat.

            It's the first group booking I've done on my own. I'll use the table again for any
            group, and I might make a proper template of it.
            """,
    },
    {
        "workday": 13,
        "title": "The wedding transfer complaint",
        "model": "gibbs",
        "skills": ["critical-thinking", "sense-making", "communication"],
        "criteria": ["SDS0417.P2", "SDS0417.P4", "SDS0417.P9", "SDS0417.K2"],
        "confidence": 3,
        "minutes": 60,
        "body": """
            ## Description

            A customer came in furious. Her daughter's wedding party, 24 people, had booked
            through us to Crete, and the coach from the airport to the hotel never came. They
            waited two hours and paid for taxis themselves, about £400. She wanted the money
            back and an apology, and she wanted it today.

            ## Feelings

            Panicky at first, because it was a lot of money and a wedding, which is emotional.
            Once I started writing things down I felt more in control.

            ## Evaluation

            Good: I listened to the whole story before saying anything, and asked for the taxi
            receipts and flight times. The booking showed the transfer was definitely booked and
            paid for, so the complaint was valid. Bad: I couldn't give her what she wanted
            today, because refunds for a supplier's failure go through the tour operator, and
            that's above what I can sign off.

            ## Analysis

            There were three options: refund from the branch (not allowed), claim from the
            operator (slow but right), or a goodwill voucher now plus the claim. I talked them
            through with Craig, the branch manager, and he agreed the voucher and escalated the
            claim the same day.

            ## Conclusion

            Being honest about what I could and couldn't do worked better than promising.

            ## Action plan

            Log every step on the complaint record and give her a date for the next update. Ask
            the operator why the coach didn't turn up, so it doesn't happen to another group.
            """,
    },
    {
        "workday": 11,
        "title": "Keeping the wedding customer updated",
        "model": "none",
        "skills": ["communication", "integrity", "focus"],
        "criteria": ["CFACSA13.P2", "CFACSA13.K7", "SDS0417.P11", "SDS0417.K11"],
        "confidence": 4,
        "minutes": 20,
        "body": """
            The operator still hasn't replied about the wedding transfer claim. I'd promised the
            customer an update within five working days and today was day five, so even with
            nothing new to say I emailed her anyway.

            I kept it short: the claim is with the operator, we've chased them twice, Craig has
            asked for a decision within ten days, and I'll email her again by the end of next
            week whether or not there's news. I gave her the complaint reference and saved a
            copy of the email on the complaint record.

            She replied "thanks for keeping me in the loop". Last week she was shouting. I think
            not hearing anything is what makes people angriest, even more than the problem.
            """,
    },
    {
        "workday": 11,
        "title": "Manual handling e-learning",
        "model": "none",
        "skills": ["focus", "curiosity"],
        "criteria": ["SDS0223.P7", "SDS0223.P8", "SDS0123.K14"],
        "confidence": 4,
        "minutes": 45,
        "body": """
            Did the manual handling module on the learning portal. It's mandatory every year and
            mine was overdue, which Morag pointed out quite sharpish.

            Mostly common sense, but some of it was new to me: test the weight first by tipping
            one corner, keep the load close to your waist, and don't twist, move your feet
            instead. It also said to break loads down, which is basically what Ross and I did
            with the brochure boxes without thinking about it.

            I passed the quiz, 9 out of 10. I got the one about maximum weights wrong: it
            depends on the person and the height you lift at, there isn't one magic number.
            Certificate saved and sent to Morag for my training record.
            """,
    },
    {
        "workday": 10,
        "title": "Exchange without a receipt",
        "model": "none",
        "skills": ["critical-thinking", "integrity", "communication"],
        "criteria": ["SDS0354.P1", "SDS0354.P2", "SDS0354.P4", "SDS0354.P6"],
        "confidence": 5,
        "minutes": 15,
        "body": """
            A man wanted to swap a travel adaptor for a different one (he'd bought the European
            one and needed the US one). No receipt, and he'd paid cash, so there was no card to
            look the sale up.

            Our policy says no receipt means exchange or credit note only, and only for stock we
            sell. I checked the adaptor was ours (our label on the packet), unopened, and the
            same price as the US one, so it was an easy swap. I put it through the till as an
            exchange, not a refund, so the stock stays right, and got him to sign the
            no-receipt slip, which goes in the folder in the back.

            A couple of months ago I'd have said no, or called Morag. This time I knew the rule
            and could explain why we have it (it stops people "returning" things taken from
            another shop). He was fine with it.
            """,
    },
    {
        "workday": 9,
        "title": "Balancing a long queue",
        "model": "driscoll",
        "skills": ["focus", "adaptability", "sense-making"],
        "criteria": ["INSCS009.P6", "INSCS009.P8"],
        "confidence": 3,
        "minutes": 20,
        "body": """
            ## What?

            Payday and the sun was out, so everyone wanted euros and holidays at once. At one
            point there were nine people in the queue while I was helping a couple with a
            complicated multi-centre trip to Thailand. I could see people sighing and checking
            the time.

            ## So what?

            I felt torn. The couple deserved my time, but the queue was getting annoyed and two
            people left. I asked the couple if they'd mind waiting five minutes while I helped
            Jamie get the bureau queue down, and they were fine because I explained why. I also
            went down the queue and asked what everyone was in for, so the quick currency
            pickups could go first.

            ## Now what?

            On busy days, sort the queue early (quick jobs and long enquiries), and offer long
            enquiries a booked appointment instead of a wait. Suggest to Morag that we keep
            appointment slots free on paydays.
            """,
    },
    {
        "workday": 8,
        "title": "Customer swore at Jamie",
        "model": "gibbs",
        "skills": ["integrity", "feeling", "initiative"],
        "criteria": ["INSCS016.P6", "INSCS016.P18", "INSCS016.P20", "INSCS016.K8"],
        "confidence": 3,
        "minutes": 30,
        "body": """
            ## Description

            A customer collecting dollars got angry with Jamie because his order hadn't come in.
            He started swearing and leaning over the counter, and Jamie froze. I went over,
            stood beside Jamie and said calmly that I'd help sort it but needed him to stop
            swearing. He swore again, so I said if he couldn't speak to us without swearing I'd
            have to ask him to leave, and pressed the buzzer for Morag.

            ## Feelings

            My heart was going like mad. I was scared he'd kick off more, but I was more worried
            about Jamie.

            ## Evaluation

            Good: I stayed calm, didn't swear back or get sarcastic, and called for help early.
            Bad: I should have got Jamie to step back from the counter straight away.

            ## Analysis

            Our policy says we don't have to accept abusive language and can end the
            conversation. I'd read it but never used it. Being assertive isn't the same as being
            rude: I told him clearly what would happen without raising my voice. Morag took
            over, found his order had gone to the wrong branch, and sorted it.

            ## Conclusion

            I could have checked the order system first, because that's what he actually
            wanted.

            ## Action plan

            Get the colleague out of the firing line first, call Morag early, say the limit once
            and clearly. Write it in the incident log. Check on the colleague afterwards.
            """,
    },
    {
        "workday": 8,
        "title": "Checking in with Jamie",
        "model": "none",
        "skills": ["collaboration", "feeling", "communication"],
        "criteria": ["CFACSD5.P18", "CFACSD5.K7"],
        "confidence": 4,
        "minutes": 20,
        "body": """
            After the swearing customer I took Jamie in the back for a cup of tea. He said he
            felt useless for freezing. I told him I froze the first time too (the euro rate
            man), and that he did the right thing by not arguing back.

            We talked through what he could say next time, and where the buzzer is. He wrote it
            down. I also gave him my tip about spotting when someone's wound up before they
            reach the counter (sighing, tapping, checking their phone), so you can get in first
            with "sorry for the wait, what can I do for you?".

            He said it helped. Morag said to make sure he knows he can go to her too, not just
            me, so I told him that as well.
            """,
    },
    {
        "workday": 7,
        "title": "Idea: coloured cards for the queue",
        "model": "none",
        "skills": ["creativity", "curiosity", "initiative", "sense-making"],
        "criteria": [],
        "confidence": 4,
        "minutes": 45,
        "body": """
            Since the busy payday I've been thinking about the queue. The problem is that the
            bureau and the holiday desks share one line, so someone picking up 200 euros waits
            behind someone booking a month in Thailand.

            Idea: numbered cards in two colours, one for currency pickups and one for holidays.
            Whoever's free takes the next quick one, and holiday customers get offered a seat
            and a coffee.

            I kept a tally for two days: 61% of the people in the queue were there for currency,
            and most of those take under three minutes.

            I showed Morag. She liked that I had numbers, and said to write it up on one page
            for Craig, because anything like a ticket machine would come out of the branch
            budget. I'm going to suggest trying the cards first because they cost nothing.
            """,
    },
    {
        "workday": 6,
        "title": "Reading the complaints procedure properly",
        "model": "none",
        "skills": ["curiosity", "focus", "sense-making"],
        "criteria": ["SDS0417.K2", "SDS0417.K6", "SDS0417.K9", "SDS0417.K12"],
        "confidence": 4,
        "minutes": 35,
        "body": """
            After the wedding complaint I realised I didn't really know our complaints
            procedure, I just knew to go and get Craig. So I read it properly on the staff
            portal.

            What stood out:

            - A complaint has to be acknowledged within two working days, with a full response
              within ten.
            - Anything over £100, or involving a supplier, goes to the branch manager.
            - Every complaint is logged, even the ones sorted on the spot, so head office can
              see patterns.
            - Complaints on social media go to the head office team, not the branch.

            The last one I didn't know. I've definitely seen Ross reply to a Facebook comment.
            I'll mention it at the huddle as something I learned rather than make it about him.

            The logging part explains why Craig was so particular about me updating the wedding
            record.
            """,
    },
]
