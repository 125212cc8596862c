"""`reflect gaps`, `reflect stats` and `reflect units`, run as a person runs them (tiny framework)."""

from datetime import date, timedelta

import pytest

from tests.test_cli_entries import Reflect, assert_clean_failure

OLD = "1/1/2020"  # always more than any stale age ago


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


def criteria_of(data):
    return {c["id"]: c for u in data["units"] for c in u["criteria"]}


def test_gaps_json_gives_each_criterion_id_count_latest_status(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "--skill", "kneading", "Fresh")
    reflect.ok("add", "--criterion", "BAKE01.K1", "--date", OLD, "Old")
    data = reflect.json("gaps")
    criteria = criteria_of(data)
    assert set(criteria) == {"BAKE01.P1", "BAKE01.P2", "BAKE01.K1"}
    assert criteria["BAKE01.P1"]["count"] == 1
    assert criteria["BAKE01.P1"]["latest"] == date.today().isoformat()
    assert criteria["BAKE01.P1"]["status"] == "ok"
    assert criteria["BAKE01.K1"]["status"] == "stale"
    assert criteria["BAKE01.P2"]["latest"] is None and criteria["BAKE01.P2"]["status"] == "gap"


def test_gaps_json_gives_each_meta_skill_likewise(reflect):
    reflect.ok("add", "--skill", "kneading", "Fresh")
    skills = {s["id"]: s for s in reflect.json("gaps")["meta_skills"]}
    assert set(skills) == {"kneading", "decorating", "patience"}
    assert {k: skills["kneading"][k] for k in ("count", "latest", "status")} == {
        "count": 1, "latest": date.today().isoformat(), "status": "ok"}
    assert {k: skills["patience"][k] for k in ("count", "latest", "status")} == {
        "count": 0, "latest": None, "status": "gap"}


def test_gaps_json_top_level_shape(reflect):
    data = reflect.json("gaps")
    assert {"date", "stale_weeks", "optional_units", "overall", "units", "unknown_criteria", "meta_skills",
            "categories", "balance", "review", "suggestions"} <= set(data)
    assert data["optional_units"]["minimum"] == 1 and data["optional_units"]["shortfall"] == 1
    assert data["overall"]["kinds"]["performance"] == {"total": 2, "evidenced": 0, "ok": 0, "stale": 0,
                                                        "gap": 2, "percent": 0, "own_only": 0}
    assert all({"kind", "text", "target"} <= set(s) for s in data["suggestions"])


def test_gaps_stale_weeks_option(reflect):
    ten_weeks_ago = (date.today() - timedelta(weeks=10)).strftime("%d/%m/%Y")
    reflect.ok("add", "--criterion", "BAKE01.P1", "--date", ten_weeks_ago, "Ten weeks ago")
    assert criteria_of(reflect.json("gaps"))["BAKE01.P1"]["status"] == "ok"
    assert criteria_of(reflect.json("gaps", "--stale-weeks", "8"))["BAKE01.P1"]["status"] == "stale"


def test_gaps_public_leaves_private_entries_out(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "--private", "Mine")
    assert criteria_of(reflect.json("gaps"))["BAKE01.P1"]["count"] == 1
    assert criteria_of(reflect.json("gaps", "--public"))["BAKE01.P1"]["count"] == 0


def test_gaps_unit_option_limits_to_that_unit(reflect):
    data = reflect.json("gaps", "--unit", "serve02")
    assert [u["code"] for u in data["units"]] == ["SERVE02"]


def test_gaps_unknown_unit_fails_cleanly(reflect):
    assert_clean_failure(reflect("gaps", "--unit", "SERVE2"), 'Unknown unit "SERVE2"')


def test_gaps_text_marks_gaps_and_stale_in_words(reflect):
    reflect.ok("add", "--criterion", "BAKE01.K1", "--date", OLD, "Old")
    out = reflect.ok("gaps")
    assert "BAKE01  Bake bread (mandatory)" in out
    assert "GAP    P1 P2" in out
    assert "STALE  K1 (01/01/2020)" in out
    assert "You have chosen no optional units; the framework needs at least 1." in out


def test_gaps_text_for_one_unit_lists_every_criterion(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P1", "Fresh")
    out = reflect.ok("gaps", "--unit", "BAKE01")
    assert "weigh the ingredients accurately" in out
    assert "knead the dough for the right time" in out
    assert "Meta-skills" not in out


def test_gaps_text_fits_80_columns(reflect):
    reflect.ok("add", "--criterion", "BAKE01.K1", "--skill", "patience", "--date", OLD, "Old")
    out = reflect.ok("gaps", env={"COLUMNS": "80"})
    assert max(len(line) for line in out.splitlines()) <= 80


def test_gaps_counts_a_trashed_entry_nowhere(reflect):
    reflect.ok("add", "--criterion", "BAKE01.P2", "Soon gone")
    reflect.ok("delete", "1")
    assert criteria_of(reflect.json("gaps"))["BAKE01.P2"]["status"] == "gap"


def test_units_list_shows_minimum_and_marks(reflect):
    reflect.ok("units", "choose", "ICE03")
    out = reflect.ok("units")
    assert "[x] ICE03" in out and "[ ] SERVE02" in out and "[*] BAKE01" in out
    assert "You have chosen 1 optional unit (the framework needs at least 1)." in out


def test_units_choose_and_drop(reflect):
    assert "Chose ICE03, SERVE02." in reflect.ok("units", "choose", "ice03", "SERVE02")
    assert reflect.json("units")["chosen"] == ["ICE03", "SERVE02"]
    assert "Dropped ICE03." in reflect.ok("units", "drop", "ICE03")
    assert reflect.json("units")["chosen"] == ["SERVE02"]


def test_units_choose_refuses_a_mandatory_unit(reflect):
    assert_clean_failure(reflect("units", "choose", "BAKE01"),
                         "BAKE01 is a mandatory unit: it is always included, so there is nothing to choose.")


def test_units_choose_needs_codes(reflect):
    assert_clean_failure(reflect("units", "choose"), "Which units?")


def test_stats_json_totals(reflect):
    reflect.ok("add", "--skill", "kneading", "--time", "1h", "Kneaded forty loaves today")
    reflect.ok("add", "--private", "--date", OLD, "Quiet")
    data = reflect.json("stats")
    assert (data["entries"], data["private"], data["minutes"]) == (2, 1, 60)
    assert data["words"] == 2 * 4 + 2 * 1  # the title repeats the text's first line
    assert data["meta_skills"] == {"kneading": 1, "decorating": 0, "patience": 0}
    assert data["current_streak_weeks"] == 1
    assert len(data["weeks"]) == 12


def test_stats_text(reflect):
    reflect.ok("add", "--skill", "kneading", "--time", "90m", "Kneaded")
    out = reflect.ok("stats")
    assert "Reflections       1" in out
    assert "Time spent        1.5 hours over 1 reflection" in out
    assert "Current run       1 week with a reflection" in out


def test_stats_on_an_empty_journal(reflect):
    assert "No reflections yet" in reflect.ok("stats")
