"""The sample journal behind `reflect demo`: believable, honest in its tags, always current,
the same every time for the same day, and still buildable on another framework."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from reflect.demo import content as demo_content
from reflect.demo.journal import as_typed, build_demo_journal, working_days_before
from reflect.errors import JournalError
from reflect.journal import open_journal
from reflect.entries.templates import TEMPLATES, section_text

TODAY = date(2026, 11, 24)  # a Tuesday
LIVE = [item for item in demo_content.ENTRIES if not item.get("trashed")]


def build(path, framework, today=TODAY):
    build_demo_journal(path, framework, today)
    return open_journal(path, create=False)


@pytest.fixture
def demo(tmp_path, framework):
    with build(tmp_path / "demo.db", framework) as journal:
        yield journal


def live_entries(journal):
    return list(journal.entries.iter_entries())


def dump(journal) -> dict:
    """Every table's rows (entries, tags, settings and the review paperwork alike)."""
    tables = [r[0] for r in journal.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")]
    return {t: list(journal.db.execute(f"SELECT * FROM {t} ORDER BY 1")) for t in tables}


# -- size and shape ---------------------------------------------------------------------


def test_demo_holds_every_live_entry_of_the_content(demo):
    assert demo.entries.count() == len(LIVE)


def test_demo_has_between_30_and_45_entries(demo):
    assert 30 <= demo.entries.count() <= 45


def test_exactly_one_entry_is_in_the_trash(demo):
    assert demo.entries.count(trashed=True) == 1


def test_some_entries_are_private_but_most_are_not(demo):
    private = [e for e in live_entries(demo) if e.private]
    assert 2 <= len(private) <= len(LIVE) // 4


def test_most_entries_have_confidence_and_time_spent(demo):
    entries = live_entries(demo)
    assert sum(e.confidence is not None for e in entries) > len(entries) * 3 // 4
    assert sum(e.minutes is not None for e in entries) > len(entries) * 3 // 4


@pytest.mark.parametrize("item", demo_content.ENTRIES, ids=lambda item: item["title"])
def test_each_entry_is_60_to_250_words(item):
    assert 60 <= len(as_typed(item["body"]).split()) <= 250


@pytest.mark.parametrize("item", demo_content.ENTRIES, ids=lambda item: item["title"])
def test_each_entry_has_one_to_four_skills_and_at_most_four_criteria(item):
    assert 1 <= len(item["skills"]) <= 4
    assert len(item["criteria"]) <= 4


def test_content_uses_only_known_fields():
    allowed = {"workday", "title", "model", "body", "skills", "criteria", "private", "confidence",
               "minutes", "trashed", "kind", "witness", "observer", "participants"}
    assert all(set(item) <= allowed for item in demo_content.ENTRIES)


def test_the_demo_has_a_confirmed_witness_testimony_and_an_observation(tmp_path, framework):
    from datetime import date

    from reflect.demo.journal import build_demo_journal
    from reflect.entries.models import EntryFilter
    from reflect.journal import open_journal

    path = tmp_path / "demo.db"
    build_demo_journal(path, framework, date(2026, 11, 24))
    with open_journal(path) as demo:
        [witness] = demo.entries.get_many([r.id for r in demo.entries.list(EntryFilter(kinds=("witness",))).rows])
        assert witness.witness.name == "Morag Campbell" and witness.witness.confirmed
        assert witness.witness.confirmed_on > witness.day
        assert demo.entries.count(EntryFilter(kinds=("observation",))) == 1


# -- dates ---------------------------------------------------------------------------------


def test_entries_end_today(demo):
    assert max(e.day for e in live_entries(demo)) == TODAY


def test_entries_span_six_to_eight_weeks(demo):
    first = min(e.day for e in live_entries(demo))
    assert TODAY - timedelta(weeks=8) <= first <= TODAY - timedelta(weeks=6)


def test_weekends_are_quiet(demo):
    assert all(e.day.weekday() < 5 for e in live_entries(demo))


def test_no_day_has_more_than_three_entries(demo):
    per_day: dict[date, int] = {}
    for e in live_entries(demo):
        per_day[e.day] = per_day.get(e.day, 0) + 1
    assert max(per_day.values()) <= 3


def test_most_working_days_have_an_entry(demo):
    days = {e.day for e in live_entries(demo)}
    working_days = {working_days_before(TODAY, n) for n in range(demo_content.WEEKS * 5)}
    assert len(days & working_days) >= len(working_days) * 3 // 4


def test_the_demo_follows_the_day_it_is_built(tmp_path, framework):
    later = date(2027, 3, 19)
    with build(tmp_path / "later.db", framework, today=later) as journal:
        assert max(e.day for e in live_entries(journal)) == later


def test_working_days_before_skips_the_weekend():
    monday = date(2026, 11, 23)
    assert working_days_before(monday, 0) == monday
    assert working_days_before(monday, 1) == date(2026, 11, 20)
    assert working_days_before(monday, 5) == date(2026, 11, 16)


# -- tags are honest and resolve -------------------------------------------------------------


def test_every_skill_in_the_content_is_in_the_bundled_framework(framework):
    unknown = {s for item in demo_content.ENTRIES for s in item["skills"] if framework.skill(s) is None}
    assert unknown == set()


def test_every_criterion_in_the_content_is_in_the_bundled_framework(framework):
    unknown = {c for item in demo_content.ENTRIES for c in item["criteria"]
               if framework.criterion(c) is None}
    assert unknown == set()


def test_criteria_come_from_mandatory_or_chosen_units(framework):
    chosen = set(demo_content.CHOSEN_UNITS)
    outside = {c for item in demo_content.ENTRIES for c in item["criteria"]
               if not (framework.unit(framework.criterion(c).unit_code).mandatory
                       or framework.criterion(c).unit_code in chosen)}
    assert outside == set()


def test_built_entries_keep_every_tag_on_the_bundled_framework(demo):
    built = {e.title: (set(e.skills), set(e.criteria)) for e in live_entries(demo)}
    expected = {item["title"]: (set(item["skills"]), set(item["criteria"])) for item in LIVE}
    assert built == expected


def test_every_meta_skill_but_the_thin_one_appears(demo, framework):
    used = {s for e in live_entries(demo) for s in e.skills}
    assert used == {s.id for s in framework.meta_skills} - {demo_content.THIN_SKILL}


def test_both_mandatory_units_are_evidenced(demo, framework):
    units = {framework.criterion(c).unit_code for e in live_entries(demo) for c in e.criteria}
    assert {u.code for u in framework.mandatory_units} <= units


def test_some_criteria_of_the_chosen_units_are_left_for_the_gaps(demo, framework):
    cited = {c for e in live_entries(demo) for c in e.criteria}
    for code in demo_content.CHOSEN_UNITS:
        assert len({c.id for c in framework.unit(code).criteria} - cited) > 0


# -- templates ------------------------------------------------------------------------------


def test_every_reflective_model_and_free_writing_is_used(demo):
    assert {e.model for e in live_entries(demo)} == set(TEMPLATES) | {"none"}


@pytest.mark.parametrize("item", [i for i in demo_content.ENTRIES if i["model"] != "none"],
                         ids=lambda item: item["title"])
def test_templated_entries_answer_every_section_of_their_model(item):
    body = as_typed(item["body"])
    headings = [line[3:] for line in body.splitlines() if line.startswith("## ")]
    assert headings == [s.heading for s in TEMPLATES[item["model"]]]
    assert all(section_text(body, h) for h in headings)


def test_no_entry_keeps_a_guiding_question_hint():
    assert not any(line.startswith(">") for item in demo_content.ENTRIES
                   for line in as_typed(item["body"]).splitlines())


# -- profile ------------------------------------------------------------------------------


def test_apprentice_name_is_set(demo):
    assert demo.settings.get("apprentice_name") == demo_content.APPRENTICE_NAME


def test_first_review_was_ten_weeks_ago_with_twelve_weekly_reviews(demo):
    assert demo.settings.get("review_start") == (TODAY - timedelta(weeks=10)).isoformat()
    assert demo.settings.get("review_interval") == "12 weeks"


def test_six_optional_units_are_chosen_so_the_shortfall_shows(demo, framework):
    chosen = demo.settings.chosen_units()
    assert sorted(chosen) == sorted(demo_content.CHOSEN_UNITS)
    assert len(chosen) < framework.min_optional_units


# -- repeatable, safe, pluggable --------------------------------------------------------------


def test_same_day_gives_the_same_journal(tmp_path, framework):
    with build(tmp_path / "one.db", framework) as one, build(tmp_path / "two.db", framework) as two:
        assert dump(one) == dump(two)


def test_refuses_to_build_over_an_existing_journal(tmp_path, framework):
    path = tmp_path / "mine.db"
    with open_journal(path) as journal:
        journal.entries.add(day=TODAY, title="My real entry")
    with pytest.raises(JournalError):
        build_demo_journal(path, framework, TODAY)
    with open_journal(path) as journal:
        assert journal.entries.count() == 1


def test_builds_on_another_framework_without_its_tags(tmp_path, tiny_framework):
    with build(tmp_path / "tiny.db", tiny_framework) as journal:
        entries = live_entries(journal)
        assert len(entries) == len(LIVE)
        assert all(e.skills == () and e.criteria == () for e in entries)
        assert journal.settings.chosen_units() == []


# -- as_typed ---------------------------------------------------------------------------------


def test_as_typed_joins_wrapped_paragraphs_and_keeps_headings_and_list_items():
    text = """
        ## What?

        One line
        and its continuation.

        - first item
          wrapped
        - second item
        """
    assert as_typed(text) == "## What?\n\nOne line and its continuation.\n\n- first item wrapped\n- second item"
