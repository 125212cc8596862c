"""Private means private: nothing derived from a private reflection reaches anything written
or printed for someone else (exports, review packs in Markdown and HTML, `review prepare`,
`review show`, their JSON, and the `--public` views).

Each generated journal has private reflections carrying words found nowhere else (in the
title and the body), criteria only they cite, days nothing else falls on, time spent, an
objective drafted from one, feedback about one and an objective that lists one as evidence.
Every output is then searched for all of it. Criteria are listed as gaps whether or not a
private reflection cites them, so they are checked against a twin journal without the private
reflections: every line (or JSON object) naming such a criterion must read the same, and so
must every learning-time total.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.cli import main
from reflect.dates import format_long, format_short
from reflect.journal import open_journal
from reflect.review.objective_drafts import objective_from_entry
from tests.conftest import TINY_FRAMEWORK

CRITERIA = ["BAKE01.P1", "BAKE01.P2", "BAKE01.K1", "SERVE02.P1", "SERVE02.K1", "ICE03.P1", "ICE03.B1"]
SKILLS = ["kneading", "decorating", "patience"]


@st.composite
def journals(draw):
    """A plan: public reflections on even days back, private ones on odd days back, and a
    split of the criteria into those public reflections cite and those only private ones do."""
    order = draw(st.permutations(CRITERIA))
    n_public_criteria = draw(st.integers(1, len(CRITERIA) - 1))
    public_criteria, private_criteria = order[:n_public_criteria], order[n_public_criteria:]
    days_back = draw(st.lists(st.integers(10, 40), min_size=1, max_size=4, unique=True))
    public = [(2 * d, draw(st.lists(st.sampled_from(public_criteria), max_size=2, unique=True)),
               draw(st.lists(st.sampled_from(SKILLS), max_size=2, unique=True))) for d in days_back]
    private_back = draw(st.lists(st.integers(5, 40), min_size=1, max_size=3, unique=True))
    private = []
    for i, d in enumerate(private_back):
        token = draw(st.text("bcdfghjkmnpqrstvwxz", min_size=6, max_size=6))
        cites = draw(st.lists(st.sampled_from(private_criteria), min_size=1, max_size=2, unique=True))
        private.append((2 * d + 1, f"zqtitle{token}{i}", f"zqword{token}{i}", cites))
    # A private reflection may come first: the period must still not start on its day.
    return public, private, draw(st.booleans())


def build(db: Path, plan, *, twin: bool = False) -> dict:
    """The journal of ``plan``, and the canaries to look for. The ``twin`` has the same
    records but no private reflections (and so no links to them)."""
    public, private, skip_draft = plan
    today = date.today()
    canaries = {"words": [], "days": [], "uids": [], "ids": set(), "criteria": set()}
    with open_journal(db) as journal:
        for back, cites, skills in public:
            journal.entries.add(day=today - timedelta(days=back), title="Served at the counter",
                                body="What happened: a busy lunch.", criteria=cites, skills=skills, minutes=30)
        private_entries = []
        for back, title, word, cites in ([] if twin else private):
            day = today - timedelta(days=back)
            entry = journal.entries.add(day=day, title=title, body=f"What happened: {word} at the till.\n\n"
                                        "## Action plan\n\nPractise the till every morning.",
                                        criteria=cites, private=True, skills=["patience"], minutes=45)
            private_entries.append(entry)
            canaries["words"] += [title, word]
            canaries["days"].append(day)
            canaries["uids"].append(entry.uid)
            canaries["ids"].add(entry.id)
            canaries["criteria"].update(cites)
        public_cited = {c for _, cites, _ in public for c in cites}
        canaries["criteria"] -= public_cited
        if twin:
            journal.objectives.add(specific="Practise the till every morning.", skills=["patience"])
        else:
            objective_from_entry(journal, private_entries[0].id)
        if not skip_draft:
            other = journal.objectives.add(specific="Greet every customer within a minute")
            if not twin:
                journal.objectives.link_entry(other.id, private_entries[-1].id)
        journal.feedback.add(received_on=today - timedelta(days=2), source_kind="mentor", said="Good work.",
                             entry_id=None if twin else private_entries[0].id, source_name="Sam")
    return canaries


def run(db: Path, *argv: str) -> str:
    """``reflect ARGV`` in-process; its standard output (it must succeed)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), "--framework", str(TINY_FRAMEWORK), *argv] if argv[0] in NO_GLOBAL
                    else [*argv, "--db", str(db), "--framework", str(TINY_FRAMEWORK)])
    assert code == 0, (argv, err.getvalue())
    return out.getvalue()


NO_GLOBAL: set[str] = set()
EXACT = ("gaps --public --json", "stats --public --json")


def outputs(db: Path, folder: Path) -> dict[str, str]:
    """Everything reflect writes or prints for someone else, by what made it."""
    found = {}
    files = {"export.md": ["export", "-o"], "pack.md": ["review", "export", "-o"],
             "pack.html": ["review", "export", "--html", "-o"]}
    for name, argv in files.items():
        run(db, *argv, str(folder / name))
        found[name] = (folder / name).read_text(encoding="utf-8")
    found["export -o -"] = run(db, "export", "-o", "-")
    found["review prepare"] = run(db, "review", "prepare")
    found["review prepare --json"] = run(db, "review", "prepare", "--json")
    found["gaps --public --json"] = run(db, "gaps", "--public", "--json")
    found["stats --public --json"] = run(db, "stats", "--public", "--json")
    run(db, "review", "complete", "--mentor", "Sam Mentor", "--strengths", "Calm with customers")
    found["review show"] = run(db, "review", "show", "1")
    found["review show --json"] = run(db, "review", "show", "1", "--json")
    found["review list --json"] = run(db, "review", "list", "--json")
    run(db, "review", "export", "--from", (date.today() - timedelta(days=90)).isoformat(), "-o",
        str(folder / "pack-again.md"))
    found["pack after the review"] = (folder / "pack-again.md").read_text(encoding="utf-8")
    return found


def day_forms(day: date) -> list[str]:
    return [day.isoformat(), format_long(day), format_short(day), f"{day.day}/{day.month}/{day.year}",
            f"{day.day:02d}/{day.month:02d}/{day.year}"]


def leaks(text: str, canaries: dict) -> list[str]:
    """What of ``canaries`` ``text`` shows."""
    found = [w for w in canaries["words"] + canaries["uids"] if w in text]
    found += [f"day {d}" for d in canaries["days"] for form in day_forms(d) if form in text]
    found += [f"entry {i}" for i in canaries["ids"] if re.search(rf"\bentry {i}\b", text, re.IGNORECASE)]
    found += ["private count" for pattern in (r"private (reflection|entr)\w* left out", r"private not shown",
                                              r'"private_count"', r'"private_left_out"') if re.search(pattern, text)]
    with contextlib.suppress(ValueError):
        found += [f"id {i}" for i in _entry_ids(json.loads(text)) if i in canaries["ids"]]
    return found


def criterion_views(text: str, criterion: str) -> list[str]:
    """What ``text`` says about ``criterion``: the JSON objects holding it as a value, or the
    lines naming it."""
    try:
        data = json.loads(text)
    except ValueError:
        return sorted(line for line in text.splitlines()
                      if re.search(rf"(?<![\w.]){re.escape(criterion)}(?!\w)", line))
    found = []

    def walk(node):
        if isinstance(node, dict):
            if criterion in [v for v in node.values() if isinstance(v, str)]:
                found.append(json.dumps(node, sort_keys=True))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            if criterion in node:
                found.append(json.dumps(node))
            for value in node:
                walk(value)

    walk(data)
    return sorted(found)


def learning_views(text: str) -> list[str]:
    """What ``text`` says of learning time: the JSON objects under ``learning_time``, or the
    lines that say it ("... of learning ...", a pack's front matter)."""
    try:
        data = json.loads(text)
    except ValueError:
        return [line for line in text.splitlines() if "of learning" in line or "learning_time" in line]
    found = []

    def walk(node):
        if isinstance(node, dict):
            found.extend(json.dumps(v, sort_keys=True) for k, v in node.items() if k == "learning_time")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(data)
    return found


def _entry_ids(data) -> list[int]:
    """Entry ids a JSON document holds: ``entry_id``/``source_entry_id`` values and the ids of
    entry references (objects with an id, a day and a title)."""
    ids = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("entry_id", "source_entry_id") and isinstance(value, int):
                ids.append(value)
        if {"id", "day", "title"} <= data.keys():
            ids.append(data["id"])
        for value in data.values():
            ids += _entry_ids(value)
    elif isinstance(data, list):
        for value in data:
            ids += _entry_ids(value)
    return ids


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journals())
def test_no_output_for_someone_else_shows_a_private_reflection(plan):
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "twin").mkdir()
        canaries = build(folder / "journal.db", plan)
        produced = outputs(folder / "journal.db", folder)
        build(folder / "twin" / "journal.db", plan, twin=True)
        twin = outputs(folder / "twin" / "journal.db", folder / "twin")
    # The --public views must read exactly as if the private reflections did not exist (their
    # week-by-week lists hold every Monday, so a private day can appear there by chance).
    assert {name: produced[name] for name in EXACT} == {name: twin[name] for name in EXACT}
    found = {name: hits for name, text in produced.items() if name not in EXACT and (hits := leaks(text, canaries))}
    assert not found, found
    # So are meta-skills (by name): every private reflection is tagged "patience".
    differ = {(name, c) for name, text in produced.items() for c in [*canaries["criteria"], "Patience"]
              if criterion_views(text, c) != criterion_views(twin[name], c)}
    assert not differ, differ
    # Their time spent counts in none of it.
    time_differs = {name for name, text in produced.items() if learning_views(text) != learning_views(twin[name])}
    assert not time_differs, time_differs
    assert learning_views(produced["review prepare --json"]), "the learning time is there to compare"


def test_the_search_finds_what_it_looks_for(tmp_path):
    """The same outputs with private reflections asked for show every canary: the search works."""
    plan = ([(20, ["BAKE01.P1"], [])], [(11, "zqtitlexyz0", "zqwordxyz0", ["ICE03.B1"])], False)
    canaries = build(tmp_path / "journal.db", plan)
    pack = tmp_path / "pack.md"
    run(tmp_path / "journal.db", "review", "export", "--include-private", "-o", str(pack))
    text = pack.read_text()
    hits = leaks(text, canaries)
    assert {"zqtitlexyz0", "zqwordxyz0", canaries["uids"][0]} <= set(hits)
    assert any(h.startswith("day ") for h in hits)
    prepared = run(tmp_path / "journal.db", "review", "prepare", "--include-private", "--json")
    assert any(h.startswith("id ") for h in leaks(prepared, canaries))
    (tmp_path / "twin").mkdir()
    build(tmp_path / "twin" / "journal.db", plan, twin=True)
    alone = run(tmp_path / "twin" / "journal.db", "review", "prepare", "--json")
    assert criterion_views(prepared, "ICE03.B1") != criterion_views(alone, "ICE03.B1")


def test_an_objective_drafted_from_a_private_reflection_says_so(journal):
    entry = journal.entries.add(day=date(2026, 11, 2), title="zqsecret title", private=True,
                                body="## Action plan\n\nAsk for help at the till.")
    objective = objective_from_entry(journal, entry.id)
    [first] = journal.objectives.history(objective.id)
    assert first.reason == "Drafted from a private reflection"
    public = journal.entries.add(day=date(2026, 11, 3), title="Open title",
                                 body="## Action plan\n\nCount the float.")
    [first] = journal.objectives.history(objective_from_entry(journal, public.id).id)
    assert first.reason == f"Drafted from entry {public.id}: Open title"


def test_a_snapshot_kept_by_an_older_reflect_is_shown_without_private_traces(tmp_path):
    """Reviews completed before private reflections were kept out of snapshots: `review show`
    leaves out what they say about them."""
    from reflect.review.prep import prepare_review

    db = tmp_path / "journal.db"
    today = date.today()
    with open_journal(db) as journal:
        journal.entries.add(day=today - timedelta(days=9), title="Open day", criteria=["BAKE01.P1"])
        secret = journal.entries.add(day=today - timedelta(days=8), title="zqsecretold", private=True,
                                     criteria=["ICE03.B1"], body="## Action plan\n\nAsk for help.")
        objective_from_entry(journal, secret.id)
        journal.feedback.add(received_on=today - timedelta(days=2), source_kind="mentor", said="Good.",
                             entry_id=secret.id)
        # What an older reflect kept: the count, the criterion only the private reflection cited
        # (with no reflection listed), the objective's source and reason, the feedback's link.
        old = prepare_review(journal).to_json()
        old["private_count"] = 1
        old["criteria_newly_evidenced"].append({"criterion_id": "ICE03.B1", "unit_code": "ICE03", "text": "",
                                                "first_evidenced": secret.day.isoformat(), "entries": []})
        drafted = next(o for o in old["objectives"] if o["objective"]["specific"] == "Ask for help.")
        drafted["objective"]["source_entry_id"] = secret.id
        drafted["changes"] = [{"id": 1, "objective_id": drafted["objective"]["id"], "status": "draft",
                               "changed_on": today.isoformat(), "reason": f"Drafted from entry {secret.id}: zqsecretold"}]
        old["feedback"][0].update(entry_id=secret.id)
        review = journal.reviews.complete(mentor_name="Sam", agreed_on=today, period_start=today - timedelta(days=20),
                                          period_end=today, snapshot=old)
    assert "zqsecretold" in json.dumps(old) and "ICE03.B1" in json.dumps(old)  # the leak to hide
    number = str(review.id)
    for argv in (["review", "show", number], ["review", "show", number, "--json"]):
        shown = run(db, *argv)
        assert "zqsecretold" not in shown and "ICE03.B1" not in shown and "private_count" not in shown
        assert "Open day" in shown
    data = json.loads(run(db, "review", "show", number, "--json"))["snapshot"]
    assert data["feedback"][0]["entry_id"] is None
    assert data["objectives"][0]["changes"][0]["reason"] == "Drafted from a private reflection"
