"""A small hand-made journal on the tiny framework, with numbers a review pack test can check.

Period: Sun 1 Nov 2026 to Tue 24 Nov 2026 (today is 24 Nov).

| entry          | day        | meta-skills          | criteria               | private |
|----------------|------------|----------------------|------------------------|---------|
| Old loaf       | 2026-10-01 | kneading             | BAKE01.K1              | no (before the period) |
| Weighed flour  | 2026-11-02 | kneading             | BAKE01.P1              | no      |
| Kneaded dough  | 2026-11-10 | kneading, patience   | BAKE01.P1, BAKE01.P2   | no      |
| Secret worry   | 2026-11-15 | decorating           | BAKE01.K1, ICE03.P1    | YES     |
| Served a queue | 2026-11-20 | patience             | SERVE02.P1             | no      |

Without private entries: BAKE01 2 of 3 (P1 twice, P2 once, K1 none), SERVE02 1 of 2,
5 criteria in scope (BAKE01 mandatory, SERVE02 chosen), 3 evidenced (60%); kneading 2,
patience 2, decorating 0. With them: BAKE01 3 of 3, ICE03 comes into scope (cited), 6 of 7.
"""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

START, END = date(2026, 11, 1), date(2026, 11, 24)
PRIVATE_BODY = "PRIVATE-BODY-TEXT: I worry about the icing."
PRIVATE_TITLE = "Secret worry"


def build(journal) -> SimpleNamespace:
    """Fill ``journal`` (clock at 24 Nov 2026) and return its records by name."""
    j = journal
    j.settings.set("apprentice_name", "Sam Baker")
    j.settings.choose_unit("SERVE02")
    add = j.entries.add
    old = add(day=date(2026, 10, 1), title="Old loaf", body="Before the period.", skills=["kneading"],
              criteria=["BAKE01.K1"])
    flour = add(day=date(2026, 11, 2), title="Weighed flour", body="I weighed it **twice**.\n", skills=["kneading"],
                criteria=["BAKE01.P1"], confidence=4, minutes=30)
    dough = add(day=date(2026, 11, 10), title="Kneaded dough", body="# What happened\n\nTen minutes of kneading.\n",
                skills=["kneading", "patience"], criteria=["BAKE01.P1", "BAKE01.P2"], model="gibbs")
    secret = add(day=date(2026, 11, 15), title=PRIVATE_TITLE, body=PRIVATE_BODY, skills=["decorating"],
                 criteria=["BAKE01.K1", "ICE03.P1"], private=True)
    queue = add(day=date(2026, 11, 20), title="Served a queue", body="Smiled at <b>everyone</b>.",
                skills=["patience"], criteria=["SERVE02.P1"])
    j.assessments.add(ratings={"kneading": 2, "patience": 3}, assessed_on=date(2026, 10, 20))
    j.assessments.add(ratings={"kneading": 4, "patience": 3, "decorating": 1}, assessed_on=date(2026, 11, 22),
                      notes={"kneading": "Much firmer now."}, strengths=["kneading"], improve=["decorating"])
    weigh = j.objectives.add(specific="Weigh every batch to the gram", measure="No batch off by more than 1 g",
                             deadline=date(2026, 12, 20), skills=["kneading"], criteria=["BAKE01.P1"],
                             status="agreed", agreed_by="Alex Smith", set_on=date(2026, 11, 3))
    j.objectives.link_entry(weigh.id, flour.id)
    j.objectives.link_entry(weigh.id, secret.id)  # private evidence: never in a pack without the flag
    ice = j.objectives.add(specific="Pipe a neat border on ten cakes", deadline=date(2026, 11, 20),
                           status="agreed", agreed_by="Alex Smith", set_on=date(2026, 11, 3))
    j.activities.add(objective_id=weigh.id, title="Practise with the scales", kind="practice",
                     due=date(2026, 11, 6), completed_on=date(2026, 11, 5))
    j.activities.add(objective_id=weigh.id, title="Read the scales manual", kind="reading", due=date(2026, 11, 10))
    j.feedback.add(received_on=date(2026, 11, 12), source_kind="manager", source_name="Pat", said="Good weighing",
                   action="Keep it up", entry_id=flour.id)
    j.training.add(name="Food hygiene", provider="Council", due=date(2026, 11, 1))
    j.training.add(name="Fire safety", due=date(2026, 11, 30), completed_on=date(2026, 11, 3), certificate_ref="FS-1")
    return SimpleNamespace(old=old, flour=flour, dough=dough, secret=secret, queue=queue, weigh=weigh, ice=ice)
