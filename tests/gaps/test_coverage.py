"""Criteria coverage on small hand-made journals with known answers (tiny framework)."""

from datetime import timedelta

from reflect.progress.criteria import criteria_coverage
from reflect.entries.models import EntryFilter
from tests.gaps.conftest import TODAY, add_entry, days_ago


def coverage(journal, framework, **kwargs):
    return criteria_coverage(journal, framework, today=TODAY, stale_weeks=12, **kwargs)


def criterion(cov, cid):
    unit = cov.unit(cid.split(".")[0])
    return next(c for c in unit.criteria if c.id == cid)


def test_counts_reflections_and_latest_day_per_criterion(journal, tiny_framework):
    add_entry(journal, days_ago(10), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(3), criteria=["BAKE01.P1", "BAKE01.K1"])
    cov = coverage(journal, tiny_framework)
    p1 = criterion(cov, "BAKE01.P1")
    assert (p1.count, p1.latest, p1.status) == (2, days_ago(3), "ok")
    assert criterion(cov, "BAKE01.K1").count == 1


def test_criterion_with_no_evidence_is_a_gap(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.P1"])
    p2 = criterion(coverage(journal, tiny_framework), "BAKE01.P2")
    assert (p2.count, p2.latest, p2.status) == (0, None, "gap")


def test_criterion_evidenced_only_by_a_trashed_entry_is_a_gap(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.P2"], trashed=True)
    p2 = criterion(coverage(journal, tiny_framework), "BAKE01.P2")
    assert (p2.count, p2.status) == (0, "gap")


def test_trashed_entry_does_not_raise_the_count_or_latest(journal, tiny_framework):
    add_entry(journal, days_ago(50), criteria=["BAKE01.P2"])
    add_entry(journal, days_ago(1), criteria=["BAKE01.P2"], trashed=True)
    p2 = criterion(coverage(journal, tiny_framework), "BAKE01.P2")
    assert (p2.count, p2.latest) == (1, days_ago(50))


def test_criterion_evidenced_only_by_a_private_entry_counts_in_own_view(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.K1"], private=True)
    k1 = criterion(coverage(journal, tiny_framework), "BAKE01.K1")
    assert (k1.count, k1.status) == (1, "ok")


def test_private_evidence_is_left_out_when_private_entries_are_excluded(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.K1"], private=True)
    k1 = criterion(coverage(journal, tiny_framework, include_private=False), "BAKE01.K1")
    assert (k1.count, k1.status) == (0, "gap")


def test_excluding_private_wins_over_a_filter_asking_for_private(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.K1"], private=True)
    cov = coverage(journal, tiny_framework, entry_filter=EntryFilter(private=True), include_private=False)
    assert criterion(cov, "BAKE01.K1").count == 0


def test_evidence_exactly_the_stale_age_old_is_still_fresh(journal, tiny_framework):
    add_entry(journal, TODAY - timedelta(weeks=12), criteria=["BAKE01.P1"])
    assert criterion(coverage(journal, tiny_framework), "BAKE01.P1").status == "ok"


def test_evidence_a_day_older_than_the_stale_age_is_stale(journal, tiny_framework):
    add_entry(journal, TODAY - timedelta(weeks=12, days=1), criteria=["BAKE01.P1"])
    cov = coverage(journal, tiny_framework)
    assert criterion(cov, "BAKE01.P1").status == "stale"
    assert cov.stale_before == TODAY - timedelta(weeks=12)


def test_stale_weeks_moves_the_boundary(journal, tiny_framework):
    add_entry(journal, days_ago(30), criteria=["BAKE01.P1"])
    cov = criteria_coverage(journal, tiny_framework, today=TODAY, stale_weeks=4)
    assert criterion(cov, "BAKE01.P1").status == "stale"


def test_stale_weeks_defaults_to_the_journal_setting(journal, tiny_framework):
    journal.settings.set("stale_weeks", 2)
    add_entry(journal, days_ago(20), criteria=["BAKE01.P1"])
    cov = criteria_coverage(journal, tiny_framework, today=TODAY)
    assert (cov.stale_weeks, criterion(cov, "BAKE01.P1").status) == (2, "stale")


def test_one_fresh_reflection_makes_an_old_criterion_fresh_again(journal, tiny_framework):
    add_entry(journal, days_ago(200), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(2), criteria=["BAKE01.P1"])
    assert criterion(coverage(journal, tiny_framework), "BAKE01.P1").status == "ok"


def test_default_scope_is_mandatory_units_plus_chosen_optional_ones(journal, tiny_framework):
    journal.settings.choose_unit("ICE03")
    codes = {u.code for u in coverage(journal, tiny_framework).units}
    assert codes == {"BAKE01", "ICE03"}


def test_units_argument_limits_the_scope_even_to_unchosen_units(journal, tiny_framework):
    cov = coverage(journal, tiny_framework, units=["SERVE02"])
    assert [u.code for u in cov.units] == ["SERVE02"]
    assert cov.overall.total == 2


def test_tallies_per_unit_count_kinds_separately(journal, tiny_framework):
    add_entry(journal, days_ago(1), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(200), criteria=["BAKE01.K1"])
    unit = coverage(journal, tiny_framework).unit("BAKE01")
    assert (unit.tally.total, unit.tally.ok, unit.tally.stale, unit.tally.gaps) == (3, 1, 1, 1)
    perf, know = unit.kinds["performance"], unit.kinds["knowledge"]
    assert (perf.total, perf.evidenced, perf.gaps) == (2, 1, 1)
    assert (know.total, know.evidenced, know.stale) == (1, 1, 1)


def test_overall_tallies_add_up_over_units_and_kinds(journal, tiny_framework):
    journal.settings.choose_unit("ICE03")
    add_entry(journal, days_ago(1), criteria=["BAKE01.P1", "ICE03.B1"])
    cov = coverage(journal, tiny_framework)
    assert (cov.overall.total, cov.overall.evidenced, cov.overall.gaps) == (5, 2, 3)
    assert cov.kinds["performance"].total == 3
    assert cov.kinds["behaviour"].evidenced == 1
    assert cov.overall.percent == 40


def test_units_come_most_missing_first(journal, tiny_framework):
    journal.settings.choose_unit("SERVE02")
    add_entry(journal, days_ago(1), criteria=["SERVE02.P1", "SERVE02.K1", "BAKE01.P1"])
    cov = coverage(journal, tiny_framework)
    assert [u.code for u in cov.units] == ["BAKE01", "SERVE02"]
    assert cov.units[0].gap_ids == ["BAKE01.P2", "BAKE01.K1"]


def test_criteria_not_in_the_framework_are_reported_as_unknown(journal, tiny_framework):
    add_entry(journal, days_ago(4), criteria=["OLD99.P1", "BAKE01.P1"])
    add_entry(journal, days_ago(2), criteria=["OLD99.P1"])
    cov = coverage(journal, tiny_framework)
    assert [(u.id, u.count, u.latest) for u in cov.unknown] == [("OLD99.P1", 2, days_ago(2))]
    assert criterion(cov, "BAKE01.P1").count == 1


def test_unknown_criteria_with_a_unit_scope_keep_only_that_units_ids(journal, tiny_framework):
    add_entry(journal, days_ago(4), criteria=["OLD99.P1", "BAKE01.P9"])
    cov = coverage(journal, tiny_framework, units=["BAKE01"])
    assert [u.id for u in cov.unknown] == ["BAKE01.P9"]


def test_evidence_for_unchosen_optional_units_is_noticed(journal, tiny_framework):
    add_entry(journal, days_ago(4), criteria=["SERVE02.P1", "SERVE02.K1", "ICE03.P1"])
    cov = coverage(journal, tiny_framework)
    assert cov.unchosen_evidence == {"SERVE02": 2, "ICE03": 1}


def test_entry_filter_counts_only_entries_it_selects(journal, tiny_framework):
    add_entry(journal, days_ago(40), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(5), criteria=["BAKE01.P1"])
    cov = coverage(journal, tiny_framework, entry_filter=EntryFilter(date_to=days_ago(10)))
    p1 = criterion(cov, "BAKE01.P1")
    assert (p1.count, p1.latest) == (1, days_ago(40))


def test_criterion_drill_down_lists_exactly_the_entries_counted(journal, tiny_framework):
    add_entry(journal, days_ago(40), criteria=["BAKE01.P1"], private=True)
    add_entry(journal, days_ago(5), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(5), criteria=["BAKE01.P1"], trashed=True)
    cov = coverage(journal, tiny_framework, include_private=False)
    p1 = criterion(cov, "BAKE01.P1")
    assert journal.entries.count(p1.target.entries) == p1.count == 1


def test_unit_drill_down_selects_entries_citing_the_unit(journal, tiny_framework):
    add_entry(journal, days_ago(3), criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(3), criteria=["ICE03.P1"])
    unit = coverage(journal, tiny_framework).unit("BAKE01")
    assert unit.target.kind == "unit" and unit.target.id == "BAKE01"
    assert journal.entries.count(unit.target.entries) == 1


def test_bundled_framework_covers_mandatory_units_with_nothing_chosen(journal, framework):
    cov = coverage(journal, framework)
    assert {u.code for u in cov.units} == {u.code for u in framework.mandatory_units}
    assert cov.overall.gaps == cov.overall.total == sum(len(u.criteria) for u in framework.mandatory_units)


def test_search_text_filter_narrows_the_evidence(journal, tiny_framework):
    add_entry(journal, days_ago(3), title="A refund at the till", criteria=["BAKE01.P1"])
    add_entry(journal, days_ago(2), title="Kneading practice", criteria=["BAKE01.P1"])
    cov = coverage(journal, tiny_framework, entry_filter=EntryFilter(text="refund"))
    assert criterion(cov, "BAKE01.P1").count == 1
