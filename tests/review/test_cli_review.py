"""The review-workflow commands, run as a person runs them: a real process on a real journal.

The runner uses the tiny bakery framework (meta-skills kneading, decorating, patience).
"""

import os
import subprocess
import sys

import pytest

from tests.test_cli_entries import ROOT, Reflect, assert_clean_failure


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


def test_objective_add_gives_smart_advice_but_saves(reflect):
    out = reflect.ok("objective", "add", "Improve my kneading")
    assert "Added objective 1 (draft): Improve my kneading" in out
    assert "S  ‘improve’ is vague: say what will be different" in out
    assert "L  Link it to a meta-skill or a criterion so reviews can trace it." in out
    assert reflect.json("objective", "list")[0]["specific"] == "Improve my kneading"


def test_objective_add_smart_one_reads_as_smart(reflect):
    out = reflect.ok("objective", "add", "Knead 20 loaves on my own", "--deadline", "within 6 weeks",
                     "--skill", "Kneading", "--criterion", "bake01 p2", "-A", "Sam helps", "-R", "Daily bread")
    assert "reads as SMART" in out
    [objective] = reflect.json("objective", "list")
    assert (objective["skills"], objective["criteria"], objective["status"]) == (["kneading"], ["BAKE01.P2"], "draft")


def test_objective_status_flow_keeps_dated_history(reflect):
    reflect.ok("objective", "add", "Knead 20 loaves alone", "--deadline", "within 6 weeks")
    assert "is now agreed" in reflect.ok("objective", "update", "1", "--status", "agreed", "--agreed-by", "Alex Smith")
    reflect.ok("objective", "update", "1", "--status", "in progress")
    out = reflect.ok("objective", "update", "1", "--status", "achieved", "--reason", "Did 24")
    assert "Objective 1 is now achieved" in out and "Did 24" in out
    shown = reflect.json("objective", "show", "1")
    assert [h["status"] for h in shown["history"]] == ["draft", "agreed", "in-progress", "achieved"]
    assert shown["history"][-1]["reason"] == "Did 24"
    assert shown["agreed_by"] == "Alex Smith"


def test_objective_list_filters_by_status(reflect):
    reflect.ok("objective", "add", "One")
    reflect.ok("objective", "add", "Two", "--status", "agreed", "--agreed-by", "Alex")
    assert [o["id"] for o in reflect.json("objective", "list", "--status", "agreed")] == [2]
    assert [o["id"] for o in reflect.json("objective", "list", "--open")] == [1, 2]


def test_objective_add_with_agreed_by_starts_agreed(reflect):
    reflect.ok("objective", "add", "Knead 20 loaves", "--agreed-by", "Alex Smith")
    [objective] = reflect.json("objective", "list")
    assert (objective["status"], objective["agreed_by"]) == ("agreed", "Alex Smith")


def test_objective_check_saves_nothing(reflect):
    advice = reflect.json("objective", "check", "Try to learn decorating")
    assert [a["code"] for a in advice][:3] == ["vague-word", "vague-word", "no-measure"]
    assert reflect.json("objective", "list") == []


def test_objective_from_entry_links_the_reflection(reflect):
    reflect.ok("add", "--model", "driscoll", "--skill", "patience", "--title", "Queue",
               "## What?\nLong queue.\n\n## Now what?\nGreet every customer in the queue within 1 minute\n")
    out = reflect.ok("objective", "from-entry", "1")
    assert "Added draft objective 1 from entry 1: Greet every customer in the queue within 1 minute" in out
    shown = reflect.json("objective", "show", "1")
    assert (shown["source_entry_id"], shown["skills"], [e["id"] for e in shown["evidence"]]) == (1, ["patience"], [1])


def test_objective_link_and_unlink(reflect):
    reflect.ok("add", "first")
    reflect.ok("objective", "add", "Knead 20 loaves")
    reflect.ok("objective", "link", "1", "1")
    assert [e["id"] for e in reflect.json("objective", "show", "1")["evidence"]] == [1]
    assert "Unlinked entry 1" in reflect.ok("objective", "unlink", "1", "1")


def test_activity_lifecycle_and_overdue(reflect):
    reflect.ok("objective", "add", "Knead 20 loaves")
    reflect.ok("activity", "add", "1", "Watch Sam knead", "--kind", "shadowing", "--due", "1/1/2020")
    reflect.ok("activity", "add", "1", "Read the bread book", "--kind", "reading")
    out = reflect.ok("activity", "list")
    assert "Watch Sam knead  OVERDUE by" in out
    assert [a["title"] for a in reflect.json("activity", "list", "--overdue")] == ["Watch Sam knead"]
    reflect.ok("activity", "done", "1")
    assert reflect.json("activity", "list", "--overdue") == []
    assert [a["id"] for a in reflect.json("activity", "list", "--done")] == [1]


def test_feedback_log(reflect):
    reflect.ok("objective", "add", "Knead 20 loaves")
    out = reflect.ok("feedback", "add", "Lovely crust", "--source", "customer", "--objective", "1")
    assert "Say what you will do about it" in out
    reflect.ok("feedback", "done", "1", "--action", "Kept the oven hotter")
    [fb] = reflect.json("feedback", "list")
    assert (fb["said"], fb["source_kind"], fb["objective_id"], fb["done"], fb["action"]) == (
        "Lovely crust", "customer", 1, True, "Kept the oven hotter")
    assert reflect.json("feedback", "list", "--open") == []


def test_training_log(reflect):
    reflect.ok("training", "add", "Fire safety", "--provider", "HR", "--due", "1/1/2020")
    assert "OVERDUE" in reflect.ok("training", "list")
    reflect.ok("training", "done", "1", "--certificate", "FS-1")
    [t] = reflect.json("training", "list", "--completed")
    assert (t["name"], t["certificate_ref"], t["overdue"]) == ("Fire safety", "FS-1", False)


def test_assess_from_options(reflect):
    out = reflect.ok("assess", "--rating", "kneading=4", "--rating", "patience=2", "--note", "kneading=steady hands",
                     "--strength", "kneading", "--improve", "patience")
    assert "Saved self-assessment 1" in out and "2 of 3 meta-skills rated" in out
    reflect.ok("assess", "-r", "kneading=5", "-r", "patience=2")
    shown = reflect.json("assess", "show")
    changes = {c["skill_id"]: (c["before"], c["after"]) for c in shown["changes"]}
    assert changes == {"kneading": (4, 5), "patience": (2, 2)}
    history = reflect.json("assess", "history")
    assert [p["rating"] for p in history["trends"]["kneading"]] == [4, 5]
    first = history["assessments"][0]["ratings"]
    assert {r["skill_id"]: r["focus"] for r in first} == {"kneading": "strength", "patience": "improve"}


def test_assess_interactively_in_a_terminal(reflect):
    import pty

    primary, secondary = pty.openpty()
    try:
        # kneading: 4, a note, strength; decorating: skipped; patience: "x" (asked again), 2, no note, improve.
        os.write(primary, b"4\nsteady hands\ns\n\nx\n2\n\ni\n\n")
        result = subprocess.run([sys.executable, "-m", "reflect", "assess"], stdin=secondary, capture_output=True,
                                text=True, cwd=ROOT, timeout=60, env=reflect.env)
    finally:
        os.close(primary)
        os.close(secondary)
    assert result.returncode == 0, result.stderr
    assert "Please type a number from 1 to 5" in result.stdout
    [assessment] = reflect.json("assess", "history")["assessments"]
    ratings = {r["skill_id"]: (r["rating"], r["note"], r["focus"]) for r in assessment["ratings"]}
    assert ratings == {"kneading": (4, "steady hands", "strength"), "patience": (2, "", "improve")}


def test_assess_without_ratings_or_a_terminal_says_how(reflect):
    assert_clean_failure(reflect("assess", input=""), "Give ratings with --rating SKILL=1-5")


def test_review_prepare_update_complete_and_read_only(reflect):
    reflect.ok("add", "--skill", "kneading", "--criterion", "BAKE01.P1", "Kneaded forty loaves.")
    reflect.ok("assess", "-r", "kneading=4")
    prepared = reflect.ok("review", "prepare")
    assert "# Review preparation" in prepared and "Kneading (1)" in prepared and "BAKE01.P1" in prepared
    data = reflect.json("review", "prepare")
    assert data["reflection_count"] == 1
    assert {c["id"]: c["status"] for c in data["gaps"]["units"][0]["criteria"]}["BAKE01.P1"] == "ok"
    reflect.ok("review", "update", "--strengths", "Steady hands", "--next", "Knead 20 loaves alone")
    assert "Steady hands" in reflect.ok("review", "prepare")
    out = reflect.ok("review", "complete", "--mentor", "Alex Smith", "--agreed", "today", "--draft-objectives")
    assert "Completed review 1 with Alex Smith" in out and "read-only" in out
    [review] = reflect.json("review", "list")
    assert (review["status"], review["mentor_name"], review["strengths"]) == ("completed", "Alex Smith", "Steady hands")
    assert reflect.json("review", "show", "1")["snapshot"]["reflection_count"] == 1
    assert "(review 1; read-only)" in reflect.ok("review", "show", "1")
    assert [o["specific"] for o in reflect.json("objective", "list")] == ["Knead 20 loaves alone"]
    assert_clean_failure(reflect("review", "update", "1", "--strengths", "Rewritten"),
                         "Review 1 was completed on")
    assert_clean_failure(reflect("review", "delete", "1"), "is read-only")
    assert reflect.json("review", "show", "1")["strengths"] == "Steady hands"


def test_review_schedule_counts_down(reflect):
    assert "No review date set yet." in reflect.ok("review", "schedule")
    reflect.ok("config", "review_start", "tomorrow")
    data = reflect.json("review", "schedule")
    assert data["schedule"]["days_until"] == 1
    assert data["schedule"]["countdown"].startswith("Next review tomorrow")


BAD_INPUT = [
    (("objective", "show", "7"), "No objective 7"),
    (("objective", "show", "x"), '"x" is not an objective number'),
    (("objective", "add", "x", "--skill", "kneeding"), 'Unknown meta-skill "kneeding". Did you mean kneading?'),
    (("objective", "add", "x", "--deadline", "soonish"), 'Can\'t read the deadline "soonish"'),
    (("objective", "add", "x", "--deadline", "next review"), "There is no review date yet"),
    (("objective", "add", "x", "--status", "achieved"), "invalid choice"),
    (("objective", "update", "1", "--status", "achieved"), "still a draft: mark it agreed first"),
    (("objective", "update", "1", "--status", "done"), 'Unknown status "done"'),
    (("objective", "update", "1", "--status", "dropped"), "Give a reason"),
    (("objective", "update", "1"), "Nothing to change"),
    (("objective", "update", "1", "--status", "agreed"), "Who agreed it?"),
    (("objective", "from-entry", "5"), "No entry 5"),
    (("objective",), "required"),
    (("activity", "add", "9", "x"), "No objective 9"),
    (("activity", "add", "1", "x", "--due", "31/02/2027"), "February 2027 has no day 31"),
    (("activity", "done", "4"), "No activity 4"),
    (("feedback", "add", "x"), "--source"),
    (("feedback", "add", "x", "--source", "boss"), "invalid choice"),
    (("feedback", "add", "x", "--source", "mentor", "--date", "tomorrow"), "can't be in the future"),
    (("feedback", "done", "3"), "No feedback 3"),
    (("training", "done", "2"), "No training 2"),
    (("assess", "--rating", "kneading=7"), 'Rate kneading from 1 to 5, not "7"'),
    (("assess", "--rating", "kneading"), "--rating takes SKILL=VALUE"),
    (("assess", "--rating", "flying=3"), 'Unknown meta-skill "flying"'),
    (("assess", "show"), "No self-assessments yet"),
    (("review", "show", "3"), "No review 3"),
    (("review", "complete"), "--mentor"),
    (("review", "complete", "--mentor", "Alex", "--agreed", "tomorrow"), "can't be in the future"),
    (("review", "update"), "Nothing to change"),
]


@pytest.mark.parametrize("args,message", BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_clear_line(reflect, args, message):
    reflect.ok("objective", "add", "Knead 20 loaves")
    assert_clean_failure(reflect(*args), message)


def test_nothing_half_written(reflect):
    reflect("objective", "add", "Knead", "--skill", "kneading", "--criterion", "NOPE.P1")
    reflect("assess", "-r", "kneading=3", "-r", "flying=2")
    reflect("review", "complete", "--mentor", "Alex", "--agreed", "tomorrow", "--next", "x", "--draft-objectives")
    assert reflect.json("objective", "list") == []
    assert reflect.json("assess", "history")["assessments"] == []
    assert reflect.json("review", "list") == []


SUBCOMMANDS = [("objective", c) for c in ("add", "list", "show", "update", "check", "link", "unlink", "from-entry",
                                          "delete")] + \
              [("activity", c) for c in ("add", "list", "done", "undo", "update", "delete")] + \
              [(g, c) for g in ("feedback", "training") for c in ("add", "list", "done", "undo", "update", "delete")] + \
              [("feedback", "show"), ("assess",)] + \
              [("review", c) for c in ("prepare", "update", "complete", "list", "show", "delete", "schedule")]


def test_every_subcommand_has_help_with_examples(reflect):
    for command in SUBCOMMANDS + [("objective",), ("activity",), ("feedback",), ("training",), ("review",)]:
        out = reflect.ok(*command, "--help")
        assert "examples:" in out, command
