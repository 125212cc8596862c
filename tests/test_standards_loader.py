"""The framework loader: good files load, broken files give one clear message."""

import copy
import json

import pytest

from reflect.errors import FrameworkError, InputError
from reflect.framework.standards import bundled_framework_path, load_framework
from tests.conftest import TINY_FRAMEWORK

BASE = json.loads(TINY_FRAMEWORK.read_text())


def write(tmp_path, data, name="framework.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return path


def broken(mutate):
    data = copy.deepcopy(BASE)
    mutate(data)
    return data


def test_tiny_framework_loads(tiny_framework):
    assert tiny_framework.id == "tiny-bakery"
    assert tiny_framework.min_optional_units == 1
    assert [u.code for u in tiny_framework.optional_units] == ["SERVE02", "ICE03"]
    assert tiny_framework.criterion("SERVE02.P1").section == "Greeting"


def test_bundled_framework_path_points_at_data_file():
    assert bundled_framework_path().name == "standards.json"
    assert bundled_framework_path().exists()


BROKEN_FILES = [
    ("not json", "{ this is not json", "not valid JSON at line 1"),
    ("empty file", "", "not valid JSON"),
    ("a list, not an object", [], "should hold a JSON object"),
    ("missing framework", broken(lambda d: d.pop("framework")), "framework: missing"),
    ("newer schema", broken(lambda d: d.update(schema_version=2)), "written for a newer reflect"),
    ("duplicate meta-skill id", broken(lambda d: d["meta_skills"].append(dict(d["meta_skills"][0]))),
     'meta_skills[3].id: duplicate meta-skill id "kneading"'),
    ("unknown category", broken(lambda d: d["meta_skills"][1].update(category="baking")),
     'meta_skills[1].category: unknown category "baking"'),
    ("missing criterion text", broken(lambda d: d["units"][0]["criteria"][1].pop("text")),
     "units[0] (BAKE01).criteria[1].text: missing"),
    ("blank criterion text", broken(lambda d: d["units"][0]["criteria"][1].update(text="  ")),
     "units[0] (BAKE01).criteria[1].text: is empty"),
    ("duplicate criterion id", broken(lambda d: d["units"][0]["criteria"].append(dict(d["units"][0]["criteria"][0]))),
     'criteria[3].id: duplicate criterion id "BAKE01.P1"'),
    ("id disagrees with number", broken(lambda d: d["units"][0]["criteria"][1].update(number=7)),
     'is "BAKE01.P2" but its unit, kind and number make it "BAKE01.P7"'),
    ("unknown criterion kind", broken(lambda d: d["units"][2]["criteria"][1].update(kind="attitude")),
     'unknown criterion kind "attitude"'),
    ("number as text", broken(lambda d: d["units"][0]["criteria"][0].update(number="1")),
     "criteria[0].number: should be a whole number, not text"),
    ("unit code with a space", broken(lambda d: d["units"][1].update(code="SERVE 02")),
     'units[1].code: "SERVE 02" should be capital letters and digits'),
    ("duplicate unit code", broken(lambda d: d["units"][2].update(code="SERVE02")),
     'units[2].code: duplicate unit code "SERVE02"'),
    ("mandatory not a boolean", broken(lambda d: d["units"][0].update(mandatory="yes")),
     "units[0] (BAKE01).mandatory: should be true or false, not text"),
    ("minimum above optional units", broken(lambda d: d["framework"].update(min_optional_units=5)),
     "asks for 5 optional units but the file has only 2"),
    ("no units", broken(lambda d: d.update(units=[])), "units: is empty"),
]


@pytest.mark.parametrize("name,content,message", BROKEN_FILES, ids=[b[0] for b in BROKEN_FILES])
def test_broken_file_gives_one_clear_message_naming_file_and_place(tmp_path, name, content, message):
    path = write(tmp_path, content)
    with pytest.raises(FrameworkError) as caught:
        load_framework(path)
    text = str(caught.value)
    assert text.startswith(str(path) + ": ")
    assert message in text
    assert "\n" not in text


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(FrameworkError, match="no such framework file"):
        load_framework(tmp_path / "nope.json")


def test_resolve_criterion_accepts_loose_forms(tiny_framework):
    for text in ("BAKE01.P2", "bake01.p2", "BAKE01 P2", " bake01p2 "):
        assert tiny_framework.resolve_criterion(text) == "BAKE01.P2"


def test_unknown_criterion_suggests_close_ids(tiny_framework):
    with pytest.raises(InputError, match=r'Unknown criterion "BAKE01.P3"\. Did you mean BAKE01\.P'):
        tiny_framework.resolve_criterion("BAKE01.P3")


def test_resolve_skill_by_name_or_id_any_case(tiny_framework):
    assert tiny_framework.resolve_skill("Patience") == "patience"
    assert tiny_framework.resolve_skill("KNEADING") == "kneading"


def test_unknown_skill_suggests_close_names(tiny_framework):
    with pytest.raises(InputError, match="Did you mean kneading"):
        tiny_framework.resolve_skill("kneeding")


def test_resolve_unit_ignores_spaces_and_case(tiny_framework):
    assert tiny_framework.resolve_unit("serve 02") == "SERVE02"


def test_search_criteria_needs_every_word(tiny_framework):
    assert [c.id for c in tiny_framework.search_criteria("dough")] == ["BAKE01.P2", "BAKE01.K1"]
    assert [c.id for c in tiny_framework.search_criteria("dough rest")] == ["BAKE01.K1"]


def test_search_criteria_within_units(tiny_framework):
    assert [c.id for c in tiny_framework.search_criteria("", units=["ICE03"])] == ["ICE03.P1", "ICE03.B1"]
