"""EditorState and DraftKeeper: what counts as unsaved, what a draft holds, what gets saved."""

from datetime import date

import pytest

from reflect.errors import InputError
from reflect.tui.editor_state import DraftKeeper, EditorState, day_feedback, time_feedback, time_text

TODAY = date(2026, 11, 24)


def test_blank_state_is_dated_today_in_uk_form():
    assert EditorState.blank(TODAY).day == "24/11/2026"


def test_blank_state_from_a_model_starts_with_its_sections():
    state = EditorState.blank(TODAY, "star")
    assert state.model == "star" and state.body.startswith("## Situation")


def test_draft_round_trip_keeps_the_date_as_typed():
    state = EditorState(day="last frid", title="T", body="B", skills=("focus",), confidence=4)
    assert EditorState.from_draft(state.to_draft(), TODAY) == state


def test_draft_with_odd_values_is_read_safely():
    state = EditorState.from_draft({"model": "nonsense", "confidence": 9, "minutes": -3, "title": None}, TODAY)
    assert (state.model, state.confidence, state.time, state.title) == ("none", None, "", "")


def test_old_draft_with_minutes_shows_them_in_the_time_box():
    assert EditorState.from_draft({"minutes": 90}, TODAY).time == "1 h 30 min"


def test_time_spent_is_read_in_uk_friendly_forms_when_saving():
    assert EditorState(day="today", title="T", time="1h30").entry_fields(TODAY)["minutes"] == 90


def test_time_spent_round_trips_through_the_time_box():
    assert EditorState(day="today", time=time_text(135)).minutes == 135


def test_empty_time_box_means_no_time_spent():
    assert EditorState(day="today", title="T", time="  ").entry_fields(TODAY)["minutes"] is None


def test_unreadable_time_spent_stops_the_save():
    with pytest.raises(InputError):
        EditorState(day="today", title="T", time="ages").entry_fields(TODAY)


def test_entry_fields_parse_the_date():
    fields = EditorState(day="yesterday", title="  Spaced  ").entry_fields(TODAY)
    assert fields["day"] == date(2026, 11, 23) and fields["title"] == "Spaced"


def test_entry_fields_refuse_a_bad_date():
    with pytest.raises(InputError):
        EditorState(day="31/02/2026", title="T").entry_fields(TODAY)


def test_word_count_skips_headings_and_hints():
    from reflect.words import body_words

    assert body_words("## What?\n\n> What happened?\n\nI helped a customer.\n") == 4


def test_keeper_writes_a_draft_only_when_something_changed(journal):
    keeper = DraftKeeper(journal)
    saved = EditorState.blank(TODAY)
    keeper.keep(saved.with_changes(title="One"), saved)
    keeper.keep(saved.with_changes(title="One"), saved)
    [draft] = journal.drafts.pending()
    assert draft.data["title"] == "One" and draft.id == keeper.draft_id


def test_keeper_drops_the_draft_when_changes_are_undone(journal):
    keeper = DraftKeeper(journal)
    saved = EditorState.blank(TODAY)
    keeper.keep(saved.with_changes(title="One"), saved)
    keeper.keep(saved, saved)
    assert journal.drafts.pending() == []


def test_keeper_remembers_the_revision_an_edit_started_from(journal):
    entry = journal.entries.add(day=TODAY, title="Base")
    keeper = DraftKeeper(journal, entry_id=entry.id, base_revision=entry.revision)
    saved = EditorState.from_entry(entry)
    keeper.keep(saved.with_changes(body="more"), saved)
    [draft] = journal.drafts.pending()
    assert draft.entry_id == entry.id and draft.data["base_revision"] == 1


def test_the_date_box_says_which_day_it_means_or_why_not():
    assert day_feedback("yesterday", TODAY) == ("Mon 23 Nov 2026", True)
    assert day_feedback("31/02", TODAY) == ("not a date yet: try 24/11, yesterday or last friday", False)
    assert day_feedback("  ", TODAY) == ("needs a date", False)


def test_the_time_box_says_how_long_it_means_or_why_not():
    assert time_feedback("90") == ("1 h 30 min", True)
    assert time_feedback("") == ("", True)
    assert time_feedback("ages") == ("not a time yet", False)
