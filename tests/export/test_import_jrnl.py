"""Reading jrnl journals: the plain-text file and `jrnl --export json`, both written by jrnl 4.6."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reflect.errors import InputError
from reflect.importers.jrnl import import_jrnl, read_jrnl, to_new_entries

SAMPLES = Path(__file__).parent.parent / "data" / "jrnl"
EXPECTED = [
    (date(2026, 9, 1), "First day on the tills.", ("focus",)),
    (date(2026, 9, 3), "Calmed an angry customer.", ("critical-thinking", "feeling")),
    (date(2026, 10, 12), "Stock count", ()),
    (date(2026, 11, 2), "Team huddle went well!", ("critical-thinking", "focus", "sense-making")),
    (date(2026, 11, 20), "Note about dates.", ()),
]


@pytest.mark.parametrize("sample", ["journal.txt", "export.json"])
def test_sample_imports_with_right_dates_titles_and_skills(journal, framework, sample):
    result, _ = import_jrnl(journal, framework, SAMPLES / sample)
    assert result.added == 5
    entries = list(journal.entries.iter_entries())
    assert [(e.day, e.title, e.skills) for e in entries] == EXPECTED


@pytest.mark.parametrize("sample", ["journal.txt", "export.json"])
def test_tags_stay_in_the_text_as_written(journal, framework, sample):
    import_jrnl(journal, framework, SAMPLES / sample)
    bodies = [e.body for e in journal.entries.iter_entries()]
    assert "using @Critical_Thinking and @feeling" in bodies[1]
    assert bodies[1].endswith("answering. @team")
    assert "I led @Leading the session" in bodies[3]
    assert bodies[4] == "The rota said [03/04/2026] but that is not an entry. #customer-care"


def test_text_and_json_of_one_journal_are_the_same_entries(journal, framework):
    import_jrnl(journal, framework, SAMPLES / "journal.txt")
    result, _ = import_jrnl(journal, framework, SAMPLES / "export.json")
    assert (result.added, result.skipped) == (0, 5)


def test_reimporting_adds_nothing(journal, framework):
    import_jrnl(journal, framework, SAMPLES / "journal.txt")
    result, _ = import_jrnl(journal, framework, SAMPLES / "journal.txt")
    assert (result.added, result.skipped) == (0, 5)


def test_starred_entries_are_noted(journal, framework):
    _, notes = import_jrnl(journal, framework, SAMPLES / "journal.txt")
    assert any("1 starred jrnl entry was imported" in n for n in notes)


def test_time_of_writing_becomes_created_at(framework):
    entry = next(to_new_entries(read_jrnl("[2026-09-01 08:30] Title\nBody\n"), framework))
    assert entry.created_at is not None and entry.created_at.startswith("2026-09-01T")


def test_day_first_brackets_are_never_guessed_but_named(framework):
    # Without a day-first timeformat, 04/03 could be either order: the line is named, not
    # guessed and not folded into the entry above.
    text = "[2026-03-04 09:00] Real entry\n[04/03/2026 09:00] not an entry\n"
    with pytest.raises(InputError, match=r"line 2: cannot read the date in '\[04/03/2026 09:00\] not an entry'"):
        read_jrnl(text)
    with pytest.raises(InputError, match="line 2"):
        read_jrnl("[2026-03-04 09:00] Real entry\n[2026-13-01 09:00] month 13\n")


def test_brackets_that_are_not_dates_stay_text(framework):
    entries = read_jrnl("[2026-03-04 09:00] Real entry\n[1] a footnote\n[x] done\n")
    assert len(entries) == 1 and entries[0].body == "[1] a footnote\n[x] done"


def test_one_line_entry_takes_its_first_sentence_as_title(framework):
    entry = read_jrnl("[2026-01-05 7:05 PM] Busy day. Lots of refunds @focus.\n")[0]
    assert (entry.title, entry.body, entry.when.hour) == ("Busy day.", "Lots of refunds @focus.", 19)


@pytest.mark.parametrize("tag", ["@focus", "@FOCUS", "#focus", "@critical-thinking", "@critical_thinking",
                                 "@criticalthinking", "@Critical-Thinking", "@sense_making"])
def test_meta_skill_tags_in_any_spelling(framework, tag):
    entry = next(to_new_entries(read_jrnl(f"[2026-01-05 09:00] Title\nDid well {tag}, I think.\n"), framework))
    assert len(entry.skills) == 1


def test_other_tags_do_not_become_skills(framework):
    entry = next(to_new_entries(read_jrnl("[2026-01-05 09:00] Title\n@team @leading email@example.com\n"), framework))
    assert entry.skills == ()


def test_tags_follow_the_framework(tiny_framework):
    entry = next(to_new_entries(read_jrnl("[2026-01-05 09:00] Title\n@Kneading all morning\n"), tiny_framework))
    assert entry.skills == ("kneading",)


def test_file_without_entries_is_refused(journal, framework, tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("24/11/2026 nothing jrnl-like here\n")
    with pytest.raises(InputError, match="No jrnl entries found"):
        import_jrnl(journal, framework, path)
    assert journal.entries.count() == 0


def test_broken_json_is_refused(journal, framework, tmp_path):
    path = tmp_path / "export.json"
    path.write_text('{"entries": [{"title": "x", "date": "24/11/2026"}]}')
    with pytest.raises(InputError, match="not a jrnl JSON export"):
        import_jrnl(journal, framework, path)
