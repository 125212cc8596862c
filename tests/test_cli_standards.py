"""`reflect standards` and `reflect config`, as a person runs them."""

import json

import pytest

from tests.conftest import TINY_FRAMEWORK
from tests.test_cli_entries import Reflect, assert_clean_failure


@pytest.fixture
def reflect(tmp_path):
    runner = Reflect(tmp_path)
    del runner.env["REFLECT_FRAMEWORK"]  # the bundled framework, unless a test says otherwise
    return runner


def test_standards_lists_units_mandatory_first(reflect):
    out = reflect.ok("standards")
    assert out.index("INSCS009") < out.index("Optional units") < out.index("CFACSD8")
    assert "choose at least 8" in out


def test_standards_does_not_create_a_journal(reflect):
    reflect.ok("standards")
    assert not reflect.db.exists()


def test_standards_unit_shows_full_criterion_text(reflect):
    out = reflect.ok("standards", "--unit", "inscs009")
    assert "INSCS009.P8" in out
    assert "focus your attention on the customers you are dealing with" in out


def test_standards_search_json_gives_matching_criteria(reflect):
    data = reflect.json("standards", "--search", "personal touch")
    assert [c["id"] for c in data] == ["INSCS009.P1"]
    assert {"id", "unit", "kind", "number", "section", "text"} <= set(data[0])


def test_standards_search_matches_unit_titles_too(reflect):
    ids = [c["id"] for c in reflect.json("standards", "--search", "complaint")]
    assert "SDS0417.K1" in ids  # a unit about complaints: all its items match
    assert "INSCS009.P1" not in ids


def test_standards_search_within_unit(reflect):
    data = reflect.json("standards", "--unit", "SDS0223", "--search", "SMART")
    assert [c["id"] for c in data] == ["SDS0223.P2", "SDS0223.K5"]


def test_standards_skills_lists_twelve_by_category(reflect):
    data = reflect.json("standards", "--skills")
    assert len(data) == 12
    assert data[-1]["id"] == "critical-thinking"


def test_standards_check_accepts_good_file(reflect):
    out = reflect.ok("standards", "check", str(TINY_FRAMEWORK))
    assert "OK" in out and "3 meta-skills" in out


def test_standards_check_rejects_bad_file_with_place(reflect, tmp_path):
    bad = tmp_path / "bad.json"
    data = json.loads(TINY_FRAMEWORK.read_text())
    data["meta_skills"][0]["category"] = "nowhere"
    bad.write_text(json.dumps(data))
    assert_clean_failure(reflect("standards", "check", str(bad)), 'meta_skills[0].category: unknown category "nowhere"')


def test_framework_option_switches_everything(reflect):
    data = reflect.json("standards", "--framework", str(TINY_FRAMEWORK))
    assert [u["code"] for u in data] == ["BAKE01", "SERVE02", "ICE03"]


def test_framework_setting_persists_in_the_journal(reflect):
    reflect.ok("config", "framework", str(TINY_FRAMEWORK))
    assert [u["code"] for u in reflect.json("standards")][0] == "BAKE01"
    reflect.ok("add", "--skill", "kneading", "bread")
    reflect.ok("config", "framework", "--unset")
    assert_clean_failure(reflect("add", "--skill", "kneading", "x"), 'Unknown meta-skill "kneading"')


def test_config_refuses_broken_framework_and_keeps_old_setting(reflect, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    assert_clean_failure(reflect("config", "framework", str(bad)), "not valid JSON")
    assert reflect.json("config")["framework"] is None


def test_config_sets_and_shows_values(reflect):
    reflect.ok("config", "apprentice_name", "Jamie  Reid")
    reflect.ok("config", "review_start", "5/1/2027")
    reflect.ok("config", "review_interval", "3 months")
    values = reflect.json("config")
    assert values["apprentice_name"] == "Jamie Reid"
    assert values["review_start"] == "2027-01-05"
    assert values["review_interval"] == "3 months"


@pytest.mark.parametrize("args,message", [
    (("config", "colour", "blue"), 'Unknown setting "colour"'),
    (("config", "stale_weeks", "lots"), "not a whole number"),
    (("config", "review_start", "31/02/2027"), "31/02/2027"),
    (("standards", "--unit", "XYZ"), 'Unknown unit "XYZ"'),
    (("standards", "check"), "Which file?"),
    (("standards", "check", "/nonexistent/f.json"), "no such framework file"),
])
def test_bad_input_is_refused_clearly(reflect, args, message):
    assert_clean_failure(reflect(*args), message)
