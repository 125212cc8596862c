"""Hand corrections applied by ``tools/build_standards.py`` after parsing.

Each correction names a target and an action, and gives a reason:

* ``target``: a criterion id (``"INSCS029.P13"``) or ``"CODE:field"`` / ``"CODE:field.key"``
  for a unit field (``"PPL1HSL5:overview"``, ``"INSBA010:metadata.original_urn"``);
* ``action``:
  - ``"note"``: add ``"note": <note>`` to a criterion whose wording is kept as the source has
    it although the source itself is cut short or has words missing;
  - ``"replace"``: replace ``old`` (which must occur exactly once) with ``new`` in a text field;
  - ``"set"``: set a field to ``new``; the parsed value must equal ``old`` (None = absent).

Every correction must apply, or the build fails: if the parser changes, this table is checked
again rather than silently ignored.  Wording is never completed or reworded here.
"""

TRUNCATED = "truncated in source"
WORDS_MISSING = "words missing in source"

CORRECTIONS = [
    # ---- items cut short in the source itself (the following item starts straight after) ----
    {
        "target": "INSCS029.P13",
        "action": "note",
        "note": TRUNCATED,
        "reason": "ends '... to meet your organisation's' (presumably 'requirements'); "
                  "P14 follows directly",
    },
    {
        "target": "INSCS029.K14",
        "action": "note",
        "note": TRUNCATED,
        "reason": "ends '... delivery and how to'; K15 follows directly",
    },
    {
        "target": "INSCS019.K13",
        "action": "note",
        "note": TRUNCATED,
        "reason": "ends 'how to overcome customers reservations and'; its number is printed "
                  "straight after 'and', so nothing was lost in extraction",
    },
    # ---- items with words missing inside them in the source ----
    {
        "target": "CFACSD5.P2",
        "action": "note",
        "note": WORDS_MISSING,
        "reason": "'your understanding of your colleague’s job tasks ...' has no verb "
                  "(other performance criteria start with one, e.g. 'check')",
    },
    {
        "target": "INSCS040.K4",
        "action": "note",
        "note": WORDS_MISSING,
        "reason": "'the principles of questionnaire design the software that your "
                  "organisation uses' runs two phrases together",
    },
    # ---- extraction artefacts the parser does not handle ----
    {
        "target": "PPL1HSL5:overview",
        "action": "replace",
        "old": "Lead a team to improve customer service•",
        "new": "• Lead a team to improve customer service",
        "reason": "the bullet of the one-item list ending the overview was extracted after "
                  "its text",
    },
    {
        "target": "INSBA010:metadata.original_urn",
        "action": "set",
        "old": "CFABAC121 AdministrationAdministration and Law, Administration and Secretarial",
        "new": "CFABAC121",
        "reason": "the 'Relevant Occupations' label was lost in extraction, so its value ran "
                  "on after the Original URN",
    },
    {
        "target": "INSBA010:metadata.relevant_occupations",
        "action": "set",
        "old": None,
        "new": "AdministrationAdministration and Law, Administration and Secretarial",
        "reason": "value of the lost 'Relevant Occupations' label (it sits between Original "
                  "URN and Suite, where every other NOS prints Relevant Occupations); the run-"
                  "together 'AdministrationAdministration' is kept as in the source",
    },
]
