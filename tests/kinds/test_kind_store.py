"""Kinds of evidence in the store: each kind written and read back with its details, filters
by kind, the schema's own refusal of an unknown kind, and nothing lost when the kind changes."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from reflect.entries.kinds import KINDS, kind_template, resolve_kind
from reflect.entries.models import EntryFilter, Witness
from reflect.errors import InputError
from reflect.store.migrations import CURRENT_VERSION

DAY = date(2026, 11, 2)
AMY = Witness(name="Amy Reid", role="Team leader", relationship="my line manager",
              contact="amy@example.com", confirmed=True, confirmed_on=date(2026, 11, 3))


def test_an_entry_written_as_before_is_a_reflection(journal):
    entry = journal.entries.add(day=DAY, title="Busy Saturday")
    assert entry.kind == "reflection" and entry.witness is None
    assert entry.observer == "" and entry.participants == ""
    assert journal.conn.execute("SELECT count(*) FROM entry_details").fetchone() == (0,)


def test_witness_testimony_keeps_every_detail(journal):
    entry = journal.entries.add(day=DAY, title="Calm at the till", kind="witness", witness=AMY,
                                criteria=["INSCS009.P8"])
    again = journal.entries.get(entry.id)
    assert again.kind == "witness" and again.witness == AMY
    assert [e.witness for e in journal.entries.iter_entries()] == [AMY]
    assert journal.entries.get_many([entry.id])[0].witness == AMY


def test_a_witness_testimony_must_name_its_witness(journal):
    with pytest.raises(InputError, match="witness's name"):
        journal.entries.add(day=DAY, title="Nobody saw", kind="witness", witness=Witness(role="Manager"))
    assert journal.entries.count() == 0


@pytest.mark.parametrize("kind, details", [
    ("product", {}),
    ("observation", {"observer": "Jo Bell (assessor)"}),
    ("discussion", {"participants": "Jo Bell, Sam Lee"}),
])
def test_other_kinds_keep_their_details(journal, kind, details):
    entry = journal.entries.add(day=DAY, title="Evidence", kind=kind, **details)
    again = journal.entries.get(entry.id)
    assert again.kind == kind
    assert {name: getattr(again, name) for name in details} == details
    assert again.witness is None


def test_an_unknown_kind_is_refused_by_the_store_and_by_the_schema(journal):
    with pytest.raises(InputError, match="Unknown kind"):
        journal.entries.add(day=DAY, title="x", kind="anecdote")
    entry = journal.entries.add(day=DAY, title="x")
    with pytest.raises(sqlite3.IntegrityError):
        journal.conn.execute("UPDATE entries SET kind = 'anecdote' WHERE id = ?", [entry.id])


def test_a_confirmation_day_says_it_was_confirmed(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="witness",
                                witness=Witness(name="Amy", confirmed_on=date(2026, 11, 4)))
    assert entry.witness.confirmed is True and entry.witness.confirmed_on == date(2026, 11, 4)


def test_details_are_single_lines_of_bounded_length(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="witness",
                                witness=Witness(name="Amy\nReid\x07", role="  Team   leader "))
    assert entry.witness.name == "Amy Reid" and entry.witness.role == "Team leader"
    with pytest.raises(InputError, match="witness's contact"):
        journal.entries.add(day=DAY, title="y", kind="witness", witness=Witness(name="A", contact="x" * 201))


def test_changing_the_kind_keeps_the_details(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="witness", witness=AMY)
    reflection = journal.entries.update(entry.id, kind="reflection")
    assert reflection.kind == "reflection" and reflection.witness == AMY
    assert journal.entries.update(entry.id, kind="witness").witness == AMY


def test_updating_details_replaces_them_and_clearing_removes_the_row(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="observation", observer="Jo")
    assert journal.entries.update(entry.id, observer="Jo Bell").observer == "Jo Bell"
    cleared = journal.entries.update(entry.id, observer="")
    assert cleared.observer == ""
    assert journal.conn.execute("SELECT count(*) FROM entry_details").fetchone() == (0,)


def test_a_conflicting_copy_and_a_duplicate_keep_kind_and_witness(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="witness", witness=AMY)
    journal.entries.update(entry.id, title="changed elsewhere")
    saved, other = journal.entries.save_edit(entry.id, entry.revision, body="mine")
    assert other is not None and saved.kind == "witness" and saved.witness == AMY
    copy = journal.entries.duplicate(entry.id)
    assert copy.kind == "witness" and copy.witness == AMY


def test_filtering_by_kind_in_list_search_and_count(journal):
    for kind in KINDS:
        details = {"witness": Witness(name="Amy")} if kind == "witness" else {}
        journal.entries.add(day=DAY, title=f"{kind} about refunds", kind=kind, **details)
    witness = EntryFilter(kinds=("witness",))
    assert [r.kind for r in journal.entries.list(witness).rows] == ["witness"]
    assert journal.entries.count(EntryFilter(kinds=("product", "observation"))) == 2
    found = journal.entries.search(EntryFilter(text="refunds", kinds=("discussion",)))
    assert [r.title for r in found] == ["discussion about refunds"]
    assert {r.kind for r in journal.entries.list().rows} == set(KINDS)


def test_one_kind_pages_in_date_order(journal):
    for n in range(5):
        journal.entries.add(day=date(2026, 11, 1 + n), title=f"w{n}", kind="witness", witness=Witness(name="A"))
        journal.entries.add(day=date(2026, 11, 1 + n), title=f"r{n}")
    first = journal.entries.list(EntryFilter(kinds=("witness",)), limit=3)
    rest = journal.entries.list(EntryFilter(kinds=("witness",)), limit=3, after=first.next_cursor)
    assert [r.title for r in first.rows + rest.rows] == ["w4", "w3", "w2", "w1", "w0"]
    assert rest.next_cursor is None


def test_deleting_an_entry_for_good_removes_its_details(journal):
    entry = journal.entries.add(day=DAY, title="x", kind="witness", witness=AMY)
    journal.entries.delete(entry.id)
    journal.entries.empty_trash()
    assert journal.conn.execute("SELECT count(*) FROM entry_details").fetchone() == (0,)


def test_a_journal_from_before_kinds_reads_as_reflections(tmp_path):
    from reflect.journal import open_journal
    from reflect.store import migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    step = next(i for i, m in enumerate(migrations.MIGRATIONS) if m.__name__ == "_v8_kinds_of_evidence")
    for n, migrate in enumerate(migrations.MIGRATIONS[:step]):
        migrate(db)
        conn.execute(f"PRAGMA user_version = {n + 1}")
    conn.execute("INSERT INTO entries (uid, day, title, created_at, updated_at) VALUES"
                 " ('u1', '2026-11-02', 'Old one', 'x', 'x')")
    conn.commit()
    conn.close()
    with open_journal(path) as j:
        assert j.schema_version == CURRENT_VERSION
        assert j.entries.get(1).kind == "reflection"


@pytest.mark.parametrize("typed, kind", [("Witness Testimony", "witness"), ("pd", "discussion"),
                                         ("obs", "observation"), ("products", "product")])
def test_kinds_are_read_as_people_type_them(typed, kind):
    assert resolve_kind(typed) == kind


def test_a_mistyped_kind_suggests_the_nearest():
    with pytest.raises(InputError, match='Did you mean "witness"'):
        resolve_kind("witnness")


def test_every_kind_but_reflection_has_guiding_questions():
    assert kind_template("reflection") == ""
    assert "Which standard" in kind_template("witness")
    for kind in KINDS[1:]:
        assert kind_template(kind).count("## ") == 3
