"""`reflect add/edit/list/show/gaps` with kinds of evidence, run in-process as a person runs them."""

from __future__ import annotations

import pytest

from tests.test_cli_entries import Reflect, assert_clean_failure

WITNESS = ["--kind", "witness", "--witness", "Amy Reid", "--witness-role", "Team leader",
           "--witness-relationship", "my line manager", "--witness-contact", "amy@example.com"]


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


def test_add_a_witness_testimony_and_read_it_back_as_json(reflect):
    reflect.ok("add", *WITNESS, "--criterion", "BAKE01.P1", "Saw the bake", "--confirmed", "3/11/2026")
    (entry,) = reflect.json("list")
    assert entry["kind"] == "witness"
    assert entry["witness"] == {"name": "Amy Reid", "role": "Team leader", "relationship": "my line manager",
                                "contact": "amy@example.com", "confirmed": True, "confirmed_on": "2026-11-03"}
    assert reflect.json("show", str(entry["id"]))["witness"] == entry["witness"]


def test_show_prints_the_witness_and_the_confirmation(reflect):
    reflect.ok("add", *WITNESS, "Saw the bake", "--confirmed")
    shown = reflect.ok("show", "1")
    assert "Kind:" in shown and "Witness testimony" in shown
    assert "Amy Reid" in shown and "Team leader" in shown and "Confirmed" in shown
    reflect.ok("edit", "1", "--unconfirmed")
    assert "Confirmed by the witness: not yet" in reflect.ok("show", "1")


def test_a_reflection_has_kind_reflection_and_no_witness(reflect):
    reflect.ok("add", "Own words")
    (entry,) = reflect.json("list")
    assert entry["kind"] == "reflection" and entry["witness"] is None


def test_list_by_kind(reflect):
    reflect.ok("add", "Own words")
    reflect.ok("add", *WITNESS, "Saw it")
    reflect.ok("add", "--kind", "observation", "--observer", "Jo (assessor)", "Watched")
    reflect.ok("add", "--kind", "discussion", "--participants", "Jo, me", "Talked")
    assert [e["kind"] for e in reflect.json("list", "--kind", "witness")] == ["witness"]
    assert {e["kind"] for e in reflect.json("list", "--kind", "obs", "--kind", "pd")} == {"observation", "discussion"}
    assert "witness testimony" in reflect.ok("list")
    assert [e["title"] for e in reflect.json("search", "Watched", "--kind", "observation")] == ["Watched"]
    assert reflect.json("search", "Watched", "--kind", "witness") == []


def test_edit_changes_the_kind_and_the_details(reflect):
    reflect.ok("add", "Talked it through")
    reflect.ok("edit", "1", "--kind", "discussion", "--participants", "Jo, Sam")
    entry = reflect.json("show", "1")
    assert entry["kind"] == "discussion" and entry["participants"] == "Jo, Sam"
    reflect.ok("edit", "1", "--kind", "witness", "--witness", "Jo")
    reflect.ok("edit", "1", "--witness-role", "Supervisor")
    entry = reflect.json("show", "1")
    assert entry["witness"]["name"] == "Jo" and entry["witness"]["role"] == "Supervisor"
    assert entry["participants"] == "Jo, Sam"  # kept from when it was a discussion


@pytest.mark.parametrize("args, message", [
    (["--kind", "witnness", "x"], 'Did you mean "witness"?'),
    (["--witness", "Amy", "x"], "add --kind witness"),
    (["--kind", "witness", "x"], "add --witness NAME"),
    (["--observer", "Jo", "x"], "add --kind observation"),
    (["--kind", "witness", "--witness", "Amy", "--participants", "Jo", "x"], "add --kind discussion"),
    (["--kind", "witness", "--witness", "Amy", "--confirmed", "Great work"], "not a date for --confirmed"),
])
def test_bad_kind_input_is_one_line_and_adds_nothing(reflect, args, message):
    assert_clean_failure(reflect("add", "--no-advice", *args), message)
    assert reflect.json("list") == []


def test_list_with_an_unknown_kind_says_which_kinds_there_are(reflect):
    assert_clean_failure(reflect("list", "--kind", "anecdote"), "Kinds: reflection, witness")


def test_gaps_json_gives_each_criterion_its_evidence_by_kind(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "One")
    reflect.ok("add", "--criterion", "BAKE01.P1", "Two")
    reflect.ok("add", *WITNESS, "--criterion", "BAKE01.P1", "Saw it")
    reflect.ok("add", "--criterion", "BAKE01.K1", "Only mine")
    data = reflect.json("gaps")
    criteria = {c["id"]: c for u in data["units"] for c in u["criteria"]}
    assert criteria["BAKE01.P1"]["by_kind"] == {"reflection": 2, "witness": 1}
    assert criteria["BAKE01.P1"]["own_only"] is False
    assert criteria["BAKE01.K1"]["by_kind"] == {"reflection": 1} and criteria["BAKE01.K1"]["own_only"] is True
    assert criteria["BAKE01.P2"]["by_kind"] == {} and criteria["BAKE01.P2"]["own_only"] is False
    assert data["overall"]["own_only"] == 1


def test_gaps_text_shows_the_evidence_by_kind_and_own_only(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "One")
    reflect.ok("add", *WITNESS, "--criterion", "BAKE01.P1", "Saw it")
    reflect.ok("add", "--criterion", "BAKE01.K1", "Only mine")
    every = reflect.ok("gaps", "--unit", "BAKE01")
    assert "1 reflection, 1 witness testimony" in every
    assert "OWN: 1 reflection" in every
    summary = reflect.ok("gaps")
    assert "OWN    K1" in summary


def test_gaps_public_leaves_a_private_witness_testimony_out(reflect):
    reflect.ok("add", *WITNESS, "--private", "--criterion", "BAKE01.P1", "Saw it")
    reflect.ok("add", "--criterion", "BAKE01.P1", "Mine")
    criteria = {c["id"]: c for u in reflect.json("gaps", "--public")["units"] for c in u["criteria"]}
    assert criteria["BAKE01.P1"]["by_kind"] == {"reflection": 1}
    criteria = {c["id"]: c for u in reflect.json("gaps", "--from", "1/1/2000")["units"] for c in u["criteria"]}
    assert criteria["BAKE01.P1"]["by_kind"] == {"reflection": 1, "witness": 1}


def test_kind_options_in_a_real_process(tmp_path):
    reflect = Reflect(tmp_path, process=True)
    reflect.ok("add", *WITNESS, "Saw it")
    assert reflect.json("list", "--kind", "witness")[0]["witness"]["name"] == "Amy Reid"


def test_adding_a_witness_testimony_gives_no_depth_advice_but_flags_personal_data(reflect):
    plain = reflect.ok("add", *WITNESS, "Saw it")
    assert "Depth" not in plain
    flagged = reflect.ok("add", *WITNESS, "Amy said call her on 07700 900123 any time")
    assert "Personal data" in flagged and "Depth" not in flagged
    assert "Depth" in reflect.ok("add", "My own words about the day")


def test_stats_count_the_kinds_of_evidence(reflect):
    reflect.ok("add", "Own words")
    reflect.ok("add", "More own words")
    reflect.ok("add", *WITNESS, "Saw it")
    reflect.ok("add", *WITNESS, "--private", "Saw it too")
    assert reflect.json("stats")["by_kind"] == {"reflection": 2, "witness": 2}
    assert reflect.json("stats", "--public")["by_kind"] == {"reflection": 2, "witness": 1}
    assert "Kinds of evidence: 2 reflections, 2 witness testimonies" in reflect.ok("stats")
