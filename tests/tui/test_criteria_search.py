"""Finding criteria by code or words, grouped by unit, the apprentice's units first."""

from reflect.tui.criteria_search import search_criteria


def ids(groups):
    return [c.id for g in groups for c in g.criteria]


def test_empty_query_lists_every_criterion(framework):
    assert len(ids(search_criteria(framework, ""))) == sum(len(u.criteria) for u in framework.units)


def test_full_code_finds_exactly_that_criterion(framework):
    assert ids(search_criteria(framework, "inscs016.p12")) == ["INSCS016.P12"]


def test_unit_and_item_with_a_space_find_the_criterion(framework):
    assert ids(search_criteria(framework, "SDS0223 K5")) == ["SDS0223.K5"]


def test_words_must_all_appear(framework):
    found = ids(search_criteria(framework, "refunds exchanges"))
    assert found and all(framework.criterion(i).unit_code == "SDS0354" or "refund" in
                         framework.criterion(i).text.lower() for i in found)


def test_small_typos_are_forgiven(framework):
    assert "SDS0417.P1" in ids(search_criteria(framework, "complants"))


def test_codes_are_never_corrected(framework):
    assert {c.split(".")[0] for c in ids(search_criteria(framework, "INSCS016"))} == {"INSCS016"}


def test_preferred_units_come_first(framework):
    groups = search_criteria(framework, "customer", preferred_units=["SDS0417"])
    assert groups[0].unit.code == "SDS0417" and groups[0].preferred


def test_works_with_another_framework(tiny_framework):
    first = tiny_framework.units[0].criteria[0]
    assert first.id in ids(search_criteria(tiny_framework, first.id))
