"""The entry store on a real SQLite file: one behaviour per test."""

from datetime import date, timedelta

import pytest

from reflect.entries.store import ConflictError
from reflect.errors import InputError, NotFoundError
from reflect.entries.models import EntryFilter

DAY = date(2026, 11, 20)


def add(journal, title="Angry customer at the till", **fields):
    fields.setdefault("day", DAY)
    fields.setdefault("body", "I listened and offered a refund.")
    return journal.entries.add(title=title, **fields)


def test_add_returns_entry_with_id_and_timestamps(journal):
    entry = add(journal)
    assert entry.id == 1
    assert entry.day == DAY
    assert entry.created_at == entry.updated_at == "2026-11-24T10:30:00Z"
    assert entry.revision == 1


def test_add_gives_each_entry_a_unique_uid(journal):
    assert add(journal).uid != add(journal).uid


def test_tags_and_criteria_round_trip(journal):
    entry = add(journal, skills=["focus", "communication"], criteria=["INSCS009.P2", "SDS0223.K5"])
    again = journal.entries.get(entry.id)
    assert set(again.skills) == {"focus", "communication"}
    assert again.criteria == ("INSCS009.P2", "SDS0223.K5")


def test_duplicate_tags_are_stored_once(journal):
    entry = add(journal, skills=["focus", "focus"])
    assert journal.entries.get(entry.id).skills == ("focus",)


def test_optional_fields_round_trip(journal):
    entry = add(journal, model="gibbs", private=True, confidence=4, minutes=45)
    again = journal.entries.get(entry.id)
    assert (again.model, again.private, again.confidence, again.minutes) == ("gibbs", True, 4, 45)


def test_title_is_required(journal):
    with pytest.raises(InputError, match="title"):
        add(journal, title="   ")


@pytest.mark.parametrize("field,value", [("confidence", 6), ("confidence", 0), ("minutes", 0),
                                         ("minutes", 24 * 60 + 1), ("model", "freestyle")])
def test_out_of_range_values_are_refused(journal, field, value):
    with pytest.raises(InputError):
        add(journal, **{field: value})
    assert journal.entries.count() == 0


def test_get_missing_entry_raises_not_found(journal):
    with pytest.raises(NotFoundError, match="No entry 42"):
        journal.entries.get(42)


def test_update_changes_fields_and_bumps_revision(journal, clock):
    entry = add(journal)
    clock.now += timedelta(hours=1)
    updated = journal.entries.update(entry.id, title="Calmed an angry customer", confidence=3)
    assert updated.title == "Calmed an angry customer"
    assert updated.confidence == 3
    assert updated.body == entry.body
    assert updated.revision == 2
    assert updated.updated_at == "2026-11-24T11:30:00Z"
    assert updated.created_at == entry.created_at


def test_update_replaces_tags_only_when_given(journal):
    entry = add(journal, skills=["focus"], criteria=["INSCS009.P2"])
    journal.entries.update(entry.id, title="New title")
    assert journal.entries.get(entry.id).skills == ("focus",)
    journal.entries.update(entry.id, skills=["integrity"], criteria=[])
    again = journal.entries.get(entry.id)
    assert again.skills == ("integrity",)
    assert again.criteria == ()


def test_update_with_stale_revision_raises_conflict(journal):
    entry = add(journal)
    journal.entries.update(entry.id, body="Saved in another window.")
    with pytest.raises(ConflictError) as caught:
        journal.entries.update(entry.id, expected_revision=entry.revision, body="Mine.")
    assert caught.value.current.body == "Saved in another window."
    assert journal.entries.get(entry.id).body == "Saved in another window."


def test_failed_update_changes_nothing(journal):
    entry = add(journal, skills=["focus"])
    with pytest.raises(InputError):
        journal.entries.update(entry.id, confidence=9, skills=["integrity"])
    again = journal.entries.get(entry.id)
    assert (again.skills, again.revision) == (("focus",), 1)


def test_delete_moves_to_trash(journal):
    entry = add(journal)
    journal.entries.delete(entry.id)
    with pytest.raises(NotFoundError, match="trash"):
        journal.entries.get(entry.id)
    assert journal.entries.get(entry.id, include_trashed=True).in_trash
    assert journal.entries.count() == 0
    assert journal.entries.count(trashed=True) == 1


def test_restore_brings_entry_back_with_tags(journal):
    entry = add(journal, skills=["focus"])
    journal.entries.delete(entry.id)
    restored = journal.entries.restore(entry.id)
    assert not restored.in_trash
    assert restored.skills == ("focus",)


def test_restore_of_live_entry_is_refused(journal):
    entry = add(journal)
    with pytest.raises(InputError, match="not in the trash"):
        journal.entries.restore(entry.id)


def test_empty_trash_removes_only_trashed_entries_and_their_tags(journal):
    keep = add(journal, skills=["focus"])
    gone = add(journal, skills=["focus"], criteria=["X.P1"])
    journal.entries.delete(gone.id)
    assert journal.entries.empty_trash() == 1
    assert journal.entries.count() == 1
    assert journal.db.execute("SELECT count(*) FROM entry_skills").fetchone()[0] == 1
    assert journal.db.execute("SELECT count(*) FROM entry_criteria").fetchone()[0] == 0
    assert journal.entries.get(keep.id)


def test_duplicate_copies_content_and_tags_as_new_entry(journal):
    entry = add(journal, skills=["focus"], criteria=["INSCS009.P2"], private=True)
    copy = journal.entries.duplicate(entry.id)
    assert copy.id != entry.id
    assert copy.title == f"{entry.title} (copy)"
    assert (copy.body, copy.skills, copy.criteria, copy.private) == (entry.body, entry.skills, entry.criteria, True)
    assert copy.day == date(2026, 11, 24)


def test_list_is_newest_day_first_then_newest_written(journal):
    first = add(journal, "older day", day=date(2026, 11, 1))
    second = add(journal, "same day, written first")
    third = add(journal, "same day, written later")
    rows = journal.entries.list().rows
    assert [r.id for r in rows] == [third.id, second.id, first.id]


def test_list_pages_with_cursor_without_gaps_or_repeats(journal):
    ids = [add(journal, f"entry {i}", day=DAY - timedelta(days=i % 4)).id for i in range(25)]
    seen, cursor = [], None
    while True:
        page = journal.entries.list(limit=7, after=cursor)
        seen += [r.id for r in page.rows]
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert sorted(seen) == sorted(ids)
    assert len(seen) == len(set(seen))


def test_list_rows_carry_badges_and_criterion_count(journal):
    add(journal, skills=["focus", "integrity"], criteria=["A.P1", "A.P2", "B.K1"], private=True)
    row = journal.entries.list().rows[0]
    assert set(row.skills) == {"focus", "integrity"}
    assert row.criteria_count == 3
    assert row.private


def test_list_filters_by_date_range(journal):
    add(journal, "before", day=date(2026, 10, 31))
    inside = add(journal, "inside", day=date(2026, 11, 1))
    add(journal, "after", day=date(2026, 12, 1))
    rows = journal.entries.list(EntryFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30))).rows
    assert [r.id for r in rows] == [inside.id]


def test_list_filter_by_several_skills_needs_all(journal):
    both = add(journal, skills=["focus", "integrity"])
    add(journal, skills=["focus"])
    rows = journal.entries.list(EntryFilter(skills=("focus", "integrity"))).rows
    assert [r.id for r in rows] == [both.id]


def test_list_filter_by_unit_matches_any_criterion_of_unit_only(journal):
    hit = add(journal, criteria=["INSCS009.P2"])
    add(journal, criteria=["INSCS0091.P1"])  # a longer code sharing the prefix
    add(journal, criteria=["SDS0223.K5"])
    rows = journal.entries.list(EntryFilter(units=("INSCS009",))).rows
    assert [r.id for r in rows] == [hit.id]


def test_list_filter_by_criterion_private_and_model(journal):
    hit = add(journal, criteria=["SDS0223.K5"], private=True, model="gibbs")
    add(journal, criteria=["SDS0223.K5"], private=False, model="gibbs")
    add(journal, criteria=["SDS0223.K5"], private=True, model="star")
    rows = journal.entries.list(EntryFilter(criteria=("SDS0223.K5",), private=True, model="gibbs")).rows
    assert [r.id for r in rows] == [hit.id]


def test_list_excludes_trash_and_trash_list_shows_it(journal):
    live = add(journal, "live")
    gone = add(journal, "gone")
    journal.entries.delete(gone.id)
    assert [r.id for r in journal.entries.list().rows] == [live.id]
    assert [r.id for r in journal.entries.list(trashed=True).rows] == [gone.id]


def test_search_finds_stemmed_words_with_highlighted_snippet(journal):
    add(journal, "Till queue", body="The customer complained loudly about waiting.")
    add(journal, "Stock count", body="Counted the shelves.")
    hits = journal.entries.search(EntryFilter(text="complaining"))
    assert [h.title for h in hits] == ["Till queue"]
    assert "\x02complained\x03" in hits[0].snippet


def test_search_ranks_title_matches_first(journal):
    add(journal, "Stock count", body="A refund came up once while counting stock today.")
    add(journal, "Refund for a broken kettle", body="The customer was happy in the end.")
    hits = journal.entries.search(EntryFilter(text="refund"))
    assert hits[0].title == "Refund for a broken kettle"


def test_search_combines_text_with_filters(journal):
    add(journal, "Refund", skills=["focus"], body="refund")
    wanted = add(journal, "Refund again", skills=["integrity"], body="refund")
    hits = journal.entries.search(EntryFilter(text="refund", skills=("integrity",)))
    assert [h.id for h in hits] == [wanted.id]


def test_search_skips_trashed_entries(journal):
    gone = add(journal, "Refund", body="refund")
    journal.entries.delete(gone.id)
    assert journal.entries.search(EntryFilter(text="refund")) == []


def test_search_index_follows_edits(journal):
    entry = add(journal, "Till", body="The card reader broke.")
    journal.entries.update(entry.id, body="The receipt printer jammed.")
    assert journal.entries.search(EntryFilter(text="card")) == []
    assert [h.id for h in journal.entries.search(EntryFilter(text="printer"))] == [entry.id]


@pytest.mark.parametrize("query", ['"unbalanced', "follow-up", "refund AND", "*", "AND", "NOT",
                                   "'; DROP TABLE entries; --", "title:refund", "(", "a OR OR b", "^x"])
def test_search_never_crashes_on_typed_queries(journal, query):
    add(journal, "Follow-up call about a refund", body="refund follow up")
    journal.entries.search(EntryFilter(text=query))
    assert journal.entries.count() == 1


def test_list_with_text_filter_keeps_date_order(journal):
    older = add(journal, "Refund one", day=date(2026, 11, 1), body="refund")
    newer = add(journal, "Refund two", day=date(2026, 11, 10), body="refund")
    rows = journal.entries.list(EntryFilter(text="refund")).rows
    assert [r.id for r in rows] == [newer.id, older.id]


def test_iter_entries_streams_all_in_date_order(journal):
    ids = [add(journal, f"e{i}", day=DAY - timedelta(days=i)).id for i in range(7)]
    streamed = [e.id for e in journal.entries.iter_entries(batch=3)]
    assert streamed == list(reversed(ids))


def test_get_by_uid_finds_trashed_entries_too(journal):
    entry = add(journal)
    journal.entries.delete(entry.id)
    assert journal.entries.get_by_uid(entry.uid).id == entry.id
    assert journal.entries.get_by_uid("nope") is None


def test_has_uid_sees_trashed_entries_too(journal):
    entry = add(journal)
    journal.entries.delete(entry.id)
    assert journal.entries.has_uid(entry.uid)
    assert not journal.entries.has_uid("nope")


def test_insert_returns_the_id_of_the_entry_it_wrote(journal):
    entry_id = journal.entries.insert(day=DAY, title="Quiet", skills=["focus"], uid="u-1")
    assert journal.entries.get(entry_id).uid == "u-1"
    assert journal.entries.get(entry_id).skills == ("focus",)


def test_save_edit_without_conflict_updates_in_place(journal):
    entry = add(journal)
    saved, other = journal.entries.save_edit(entry.id, entry.revision, body="Edited.")
    assert (saved.id, saved.body, other) == (entry.id, "Edited.", None)


def test_save_edit_after_change_elsewhere_keeps_both_versions(journal):
    entry = add(journal, skills=["focus"])
    journal.entries.update(entry.id, body="Saved from the command line.")
    saved, other = journal.entries.save_edit(entry.id, entry.revision, body="Typed in the app.", skills=["integrity"])
    assert saved.id != entry.id
    assert saved.title == f"{entry.title} (conflicting copy)"
    assert (saved.body, saved.skills) == ("Typed in the app.", ("integrity",))
    assert other.body == "Saved from the command line."
    assert journal.entries.get(entry.id).body == "Saved from the command line."
    assert journal.entries.count() == 2
