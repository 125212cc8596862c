"""The benchmark's journal generator: deterministic, realistic, and in jrnl's own format."""

import re
from datetime import datetime

import pytest

from bench.compose import MAX_WORDS, MIN_WORDS, compose_entries
from bench.jrnl_format import TIME_FORMAT, entry_text, write_jrnl_journal
from bench.reflect_writer import write_reflect_journal
from reflect.journal import open_journal
from reflect.entries.models import EntryFilter

# jrnl 4.x's parser (jrnl/journals/Journal.py): an entry starts at "[date] " on a new line.
JRNL_DATE = re.compile("(?:^|\n)\\[([^\\]]+)\\] ")


@pytest.fixture(scope="module")
def entries(framework):
    return compose_entries(300, seed=7, framework=framework)


def test_the_same_seed_gives_the_same_journal(framework, entries):
    assert compose_entries(300, seed=7, framework=framework) == entries
    assert compose_entries(300, seed=8, framework=framework) != entries


def test_entries_look_like_the_issue_asks(entries, framework):
    skills = {s.id for s in framework.meta_skills}
    assert [e.id for e in entries] == list(range(1, 301))
    assert [e.day for e in entries] == sorted(e.day for e in entries)
    for e in entries:
        words = len(e.body.replace("#", "").split())
        assert MIN_WORDS - 10 <= words <= MAX_WORDS + 12, (e.id, words)  # headings add a few
        assert 1 <= len(e.skills) <= 4 and set(e.skills) <= skills
        assert 0 <= len(e.criteria) <= 5 and all(framework.criterion(c) for c in e.criteria)
    assert any(e.private for e in entries) and not all(e.private for e in entries)
    assert any(e.model != "none" for e in entries) and any(e.body.startswith("## ") for e in entries)


def test_jrnl_text_parses_back_to_every_entry(entries, tmp_path):
    path = tmp_path / "journal.txt"
    write_jrnl_journal(path, entries)
    text = path.read_text(encoding="utf-8")
    stamps = JRNL_DATE.findall(text)
    assert len(stamps) == len(entries)
    assert [datetime.strptime(s, TIME_FORMAT).date() for s in stamps] == [e.day for e in entries]
    first = entry_text(entries[0])
    assert first.startswith(f"[{entries[0].day.isoformat()} {entries[0].time}] {entries[0].title}\n")
    assert first.rstrip().endswith(" ".join(f"@{s}" for s in entries[0].skills))
    assert "\n\n[" in text  # a blank line between entries, as jrnl writes them


def test_reflect_journal_holds_the_entries_and_review_records(entries, tmp_path):
    path = tmp_path / "journal.db"
    write_reflect_journal(path, entries, seed=7)
    with open_journal(path, create=False) as journal:
        assert journal.entries.count() == len(entries)
        stored, made = journal.entries.get(5), entries[4]
        assert (stored.title, stored.body, stored.day, stored.skills, stored.criteria, stored.private) == \
            (made.title, made.body, made.day, made.skills, made.criteria, made.private)
        assert journal.entries.search(EntryFilter(text="customer"), limit=5)  # the index was built
        for table in ("objectives", "activities", "feedback", "training", "reviews", "assessments"):
            assert journal.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table
