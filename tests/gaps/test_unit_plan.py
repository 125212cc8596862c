"""The optional-unit choice and the framework's minimum."""

import pytest

from reflect.errors import InputError
from reflect.framework.unit_plan import choose_units, drop_units, unit_plan


def test_bundled_framework_needs_eight_optional_units(journal, framework):
    for unit in framework.optional_units[:5]:
        journal.settings.choose_unit(unit.code)
    plan = unit_plan(journal, framework)
    assert (plan.minimum, len(plan.chosen), plan.shortfall, plan.met) == (8, 5, 3, False)
    assert plan.message == "You have chosen 5 optional units; the framework needs at least 8."


def test_eight_chosen_meets_the_bundled_minimum(journal, framework):
    for unit in framework.optional_units[:8]:
        journal.settings.choose_unit(unit.code)
    plan = unit_plan(journal, framework)
    assert plan.met and plan.shortfall == 0
    assert plan.message == "You have chosen 8 optional units (the framework needs at least 8)."


def test_nothing_chosen_says_so_plainly(journal, framework):
    assert unit_plan(journal, framework).message == (
        "You have chosen no optional units; the framework needs at least 8.")


def test_a_framework_with_a_minimum_of_one(journal, tiny_framework):
    assert unit_plan(journal, tiny_framework).shortfall == 1
    journal.settings.choose_unit("ICE03")
    plan = unit_plan(journal, tiny_framework)
    assert plan.met
    assert plan.message == "You have chosen 1 optional unit (the framework needs at least 1)."


def test_plan_units_are_mandatory_then_chosen(journal, tiny_framework):
    journal.settings.choose_unit("ICE03")
    assert unit_plan(journal, tiny_framework).units == ("BAKE01", "ICE03")


def test_chosen_codes_the_framework_lacks_are_reported_not_counted(journal, tiny_framework):
    journal.settings.choose_unit("SDS0368")  # from the bundled framework
    plan = unit_plan(journal, tiny_framework)
    assert plan.unknown == ("SDS0368",)
    assert plan.chosen == () and plan.shortfall == 1


def test_choose_resolves_loosely_typed_codes(journal, tiny_framework):
    added, already = choose_units(journal, tiny_framework, ["ice03", "serve 02"])
    assert (added, already) == (["ICE03", "SERVE02"], [])
    assert set(journal.settings.chosen_units()) == {"ICE03", "SERVE02"}


def test_choosing_again_reports_already_chosen(journal, tiny_framework):
    choose_units(journal, tiny_framework, ["ICE03"])
    assert choose_units(journal, tiny_framework, ["ICE03"]) == ([], ["ICE03"])


def test_choosing_a_mandatory_unit_is_refused(journal, tiny_framework):
    with pytest.raises(InputError, match="BAKE01 is a mandatory unit"):
        choose_units(journal, tiny_framework, ["BAKE01"])


def test_one_unknown_code_chooses_nothing(journal, tiny_framework):
    with pytest.raises(InputError, match='Unknown unit "ICE3"'):
        choose_units(journal, tiny_framework, ["SERVE02", "ICE3"])
    assert journal.settings.chosen_units() == []


def test_drop_removes_a_chosen_unit(journal, tiny_framework):
    choose_units(journal, tiny_framework, ["ICE03", "SERVE02"])
    assert drop_units(journal, tiny_framework, ["ice03"]) == (["ICE03"], [])
    assert journal.settings.chosen_units() == ["SERVE02"]


def test_drop_reports_a_unit_that_was_not_chosen(journal, tiny_framework):
    assert drop_units(journal, tiny_framework, ["ICE03"]) == ([], ["ICE03"])


def test_drop_removes_a_code_from_another_framework(journal, tiny_framework):
    journal.settings.choose_unit("SDS0368")
    assert drop_units(journal, tiny_framework, ["sds0368"]) == (["SDS0368"], [])
    assert journal.settings.chosen_units() == []
