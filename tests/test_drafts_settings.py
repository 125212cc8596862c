"""Drafts (unsaved editor work) and per-journal settings."""

from datetime import date, timedelta

from reflect.journal import open_journal


def test_draft_save_creates_and_get_returns_it(journal):
    draft_id = journal.drafts.save({"title": "Half", "body": "I was"})
    assert journal.drafts.get(draft_id).data == {"title": "Half", "body": "I was"}


def test_draft_save_with_id_overwrites(journal):
    draft_id = journal.drafts.save({"body": "one"})
    assert journal.drafts.save({"body": "one two"}, draft_id=draft_id) == draft_id
    assert [d.data["body"] for d in journal.drafts.pending()] == ["one two"]


def test_draft_save_with_vanished_id_creates_new(journal):
    draft_id = journal.drafts.save({"body": "x"})
    journal.drafts.discard(draft_id)
    new_id = journal.drafts.save({"body": "y"}, draft_id=draft_id)
    assert journal.drafts.get(new_id).data == {"body": "y"}


def test_pending_drafts_newest_first(journal, clock):
    journal.drafts.save({"title": "older"})
    clock.now += timedelta(minutes=5)
    journal.drafts.save({"title": "newer"})
    assert [d.title for d in journal.drafts.pending()] == ["newer", "older"]


def test_draft_survives_reopening_the_journal(journal_path, clock):
    with open_journal(journal_path, clock=clock) as j:
        j.drafts.save({"title": "Unsaved", "body": "every word"})
    with open_journal(journal_path, clock=clock) as j:
        assert j.drafts.pending()[0].data["body"] == "every word"


def test_draft_of_entry_goes_when_entry_is_purged(journal):
    entry = journal.entries.add(day=date(2026, 11, 1), title="t")
    journal.drafts.save({"body": "edit"}, entry_id=entry.id)
    journal.entries.delete(entry.id)
    journal.entries.empty_trash()
    assert journal.drafts.pending() == []


def test_untitled_draft_has_placeholder_title(journal):
    journal.drafts.save({"body": "no title yet"})
    assert journal.drafts.pending()[0].title == "(untitled)"


def test_draft_without_a_kind_is_a_reflection(journal):
    journal.drafts.save({"title": "Till"})
    draft = journal.drafts.pending()[0]
    assert (draft.kind, draft.objective_id) == ("entry", None)


def test_objective_draft_is_named_by_the_first_line_of_what_will_be_done(journal):
    journal.drafts.save({"kind": "objective", "objective_id": 3, "form": {"specific": "Lead a huddle\nweekly"}})
    draft = journal.drafts.pending()[0]
    assert (draft.kind, draft.objective_id, draft.title) == ("objective", 3, "Lead a huddle")


def test_objective_draft_with_nothing_typed_has_placeholder_title(journal):
    journal.drafts.save({"kind": "objective", "form": "not a form"})
    assert journal.drafts.pending()[0].title == "(untitled objective)"


def test_setting_defaults_apply_until_set(journal):
    assert journal.settings.get("stale_weeks") == 12
    journal.settings.set("stale_weeks", 8)
    assert journal.settings.get("stale_weeks") == 8


def test_setting_none_removes_it(journal):
    journal.settings.set("apprentice_name", "Jamie")
    journal.settings.set("apprentice_name", None)
    assert journal.settings.get("apprentice_name") == ""


def test_settings_hold_json_values(journal):
    journal.settings.set("custom", {"a": [1, 2]})
    assert journal.settings.get("custom") == {"a": [1, 2]}


def test_choose_and_unchoose_units(journal, clock):
    journal.settings.choose_unit("CFACSA13")
    clock.now += timedelta(seconds=1)
    journal.settings.choose_unit("INSCS016")
    journal.settings.choose_unit("CFACSA13")  # choosing twice changes nothing
    assert journal.settings.chosen_units() == ["CFACSA13", "INSCS016"]
    journal.settings.choose_unit("CFACSA13", chosen=False)
    assert journal.settings.chosen_units() == ["INSCS016"]
