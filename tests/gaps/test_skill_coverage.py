"""Meta-skill coverage: counts, categories, staleness, balance and self-ratings (tiny framework)."""

import math
from datetime import timedelta

import pytest

from reflect.entries.models import EntryFilter
from reflect.progress.skills import balance, skill_coverage
from tests.gaps.conftest import (
    TODAY,
    add_assessment,
    add_entry,
    add_objective,
    days_ago,
)


def skills(journal, framework, **kwargs):
    return skill_coverage(journal, framework, today=TODAY, stale_weeks=12, **kwargs)


def test_counts_and_latest_per_skill(journal, tiny_framework):
    add_entry(journal, days_ago(9), skills=["kneading"])
    add_entry(journal, days_ago(2), skills=["kneading", "patience"])
    sk = skills(journal, tiny_framework)
    kneading = sk.skill("kneading")
    assert (kneading.count, kneading.latest, kneading.status) == (2, days_ago(2), "ok")
    assert sk.skill("decorating").status == "gap"


def test_category_counts_an_entry_with_two_of_its_skills_once(journal, tiny_framework):
    add_entry(journal, days_ago(2), skills=["kneading", "decorating"])
    add_entry(journal, days_ago(1), skills=["patience"])
    hands = next(c for c in skills(journal, tiny_framework).categories if c.id == "hands")
    assert (hands.count, hands.latest, hands.skill_ids) == (1, days_ago(2), ("kneading", "decorating"))


def test_trashed_entries_never_count_and_private_ones_do(journal, tiny_framework):
    add_entry(journal, days_ago(1), skills=["patience"], trashed=True)
    add_entry(journal, days_ago(1), skills=["kneading"], private=True)
    sk = skills(journal, tiny_framework)
    assert (sk.skill("patience").count, sk.skill("kneading").count) == (0, 1)


def test_private_entries_left_out_on_request(journal, tiny_framework):
    add_entry(journal, days_ago(1), skills=["kneading"], private=True)
    assert skills(journal, tiny_framework, include_private=False).skill("kneading").count == 0


def test_stale_skill_boundary(journal, tiny_framework):
    add_entry(journal, TODAY - timedelta(weeks=12), skills=["kneading"])
    add_entry(journal, TODAY - timedelta(weeks=12, days=1), skills=["patience"])
    sk = skills(journal, tiny_framework)
    assert sk.skill("kneading").status == "ok"
    assert [s.id for s in sk.stale] == ["patience"]


def test_recent_counts_only_evidence_within_the_stale_age(journal, tiny_framework):
    add_entry(journal, days_ago(200), skills=["kneading"])
    add_entry(journal, days_ago(3), skills=["kneading"])
    assert skills(journal, tiny_framework).skill("kneading").recent == 1


def test_entries_and_untagged_counts(journal, tiny_framework):
    add_entry(journal, days_ago(3), skills=["kneading"])
    add_entry(journal, days_ago(3))
    sk = skills(journal, tiny_framework)
    assert (sk.entries, sk.untagged) == (2, 1)


def test_share_is_of_all_skill_tags(journal, tiny_framework):
    add_entry(journal, days_ago(3), skills=["kneading", "patience"])
    add_entry(journal, days_ago(2), skills=["kneading"])
    sk = skills(journal, tiny_framework)
    assert sk.skill("kneading").share == pytest.approx(2 / 3)


def test_balance_is_one_when_even_and_zero_when_one_skill_has_all():
    assert balance([3, 3, 3]) == pytest.approx(1.0)
    assert balance([5, 0, 0]) == 0.0
    assert balance([0, 0, 0]) == 0.0


def test_balance_in_between(journal, tiny_framework):
    add_entry(journal, days_ago(3), skills=["kneading"])
    add_entry(journal, days_ago(2), skills=["patience"])
    expected = math.log(2) / math.log(3)
    assert skills(journal, tiny_framework).balance == pytest.approx(expected)


def test_unknown_skills_are_reported(journal, tiny_framework):
    add_entry(journal, days_ago(3), skills=["focus", "kneading"])
    assert skills(journal, tiny_framework).unknown == {"focus": 1}


def test_latest_self_rating_is_shown(journal, tiny_framework):
    add_assessment(journal, days_ago(100), {"patience": 4})
    add_assessment(journal, days_ago(10), {"patience": 2, "kneading": 5})
    patience = skills(journal, tiny_framework).skill("patience")
    assert (patience.rating, patience.rated_on) == (2, days_ago(10))


def test_a_rating_after_today_is_ignored(journal, tiny_framework):
    add_assessment(journal, days_ago(10), {"patience": 4})
    add_assessment(journal, TODAY + timedelta(days=3), {"patience": 1})
    assert skills(journal, tiny_framework).skill("patience").rating == 4


def test_low_rating_with_no_active_objective_is_flagged(journal, tiny_framework):
    add_assessment(journal, days_ago(10), {"patience": 2, "kneading": 3})
    sk = skills(journal, tiny_framework)
    assert [s.id for s in sk.flagged] == ["patience"]


def test_low_rating_with_an_active_objective_is_not_flagged(journal, tiny_framework):
    add_assessment(journal, days_ago(10), {"patience": 1})
    objective = add_objective(journal, status="in-progress", skills=["patience"])
    patience = skills(journal, tiny_framework).skill("patience")
    assert not patience.flagged and patience.active_objectives == (objective,)


@pytest.mark.parametrize("status", ["draft", "achieved", "dropped"])
def test_objectives_that_are_not_active_do_not_clear_the_flag(journal, tiny_framework, status):
    add_assessment(journal, days_ago(10), {"patience": 1})
    add_objective(journal, status=status, skills=["patience"])
    assert skills(journal, tiny_framework).skill("patience").flagged


def test_skill_drill_down_lists_the_entries_counted(journal, tiny_framework):
    add_entry(journal, days_ago(3), skills=["patience"])
    add_entry(journal, days_ago(30), skills=["patience", "kneading"])
    sk = skills(journal, tiny_framework, entry_filter=EntryFilter(date_from=days_ago(10)))
    patience = sk.skill("patience")
    assert journal.entries.count(patience.target.entries) == patience.count == 1
