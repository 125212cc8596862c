"""The people around the apprentice, as their names appear on her records.

Her reflections call them by first name; the review records (who agreed an objective, who
gave feedback, the mentor on a review) use full names, as a real form would.
"""

FIONA = "Fiona Campbell"  # her assessor from the training provider
MORAG = "Morag Boyd"  # her supervisor, who mentors her day to day
CRAIG = "Craig Moffat"  # the branch manager
ROSS = "Ross"  # a colleague who has been in the branch for years
JAMIE = "Jamie"  # the new starter she buddies
