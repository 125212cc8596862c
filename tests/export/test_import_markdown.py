"""Reading exports back: lossless round trips, skipping what is there, refusing bad files."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.errors import InputError
from reflect.importers.common import add_entries
from reflect.importers.entry_fields import new_entry
from reflect.importers.export_reader import ExportReader
from reflect.importers.markdown import import_markdown
from reflect.journal import open_journal
from reflect.sanitize import clean_line
from tests.conftest import FakeClock
from tests.export.conftest import export_text, read_text
from tests.export.test_markdown_body import MARKDOWNISH, NASTY

FIELDS = ("uid", "day", "title", "body", "model", "skills", "criteria", "private", "confidence",
          "minutes", "created_at")


def same(a, b) -> bool:
    return all(getattr(a, f) == getattr(b, f) for f in FIELDS)


def import_into(path, text: str):
    """Import ``text`` into the journal at ``path``; return the result and the entries."""
    with open_journal(path, clock=FakeClock(datetime(2027, 1, 1, tzinfo=timezone.utc))) as target:
        reader = ExportReader(io.StringIO(text, newline=""), "export.md")
        result = add_entries(target, (new_entry(e, "export.md") for e in reader), source="export.md")
        return result, list(target.entries.iter_entries())


def test_round_trip_gives_back_the_same_entries(journal, framework, add, tmp_path):
    originals = [
        add("Calmed an angry customer", body="# What happened\r\n\r\nShouting.  \n", skills=["focus", "feeling"],
            criteria=["INSCS009.P2", "OLD01.P9"], model="gibbs", confidence=3, minutes=25),
        add("Plain", day=date(2026, 1, 2)),
        add("Secret", body="diary", private=True),
    ]
    result, entries = import_into(tmp_path / "new.db", export_text(journal, framework, include_private=True))
    assert result.added == 3
    by_uid = {e.uid: e for e in entries}
    assert all(same(o, by_uid[o.uid]) for o in originals)


@pytest.mark.parametrize("body", NASTY.values(), ids=NASTY.keys())
def test_nasty_bodies_survive_a_whole_export(journal, framework, add, tmp_path, body):
    add("Before", day=date(2026, 1, 1), body="# Before\n")
    entry = add("Nasty", day=date(2026, 1, 2), body=body)
    add("After", day=date(2026, 1, 3), body="after\n")
    _, entries = import_into(tmp_path / "new.db", export_text(journal, framework))
    assert [e.title for e in entries] == ["Before", "Nasty", "After"]
    assert entries[1].body == entry.body
    assert entries[2].body == "after\n"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titles=st.lists(st.text(min_size=1, max_size=30).filter(lambda t: clean_line(t).strip()), min_size=1, max_size=3),
       bodies=st.lists(MARKDOWNISH | st.text(max_size=40), min_size=3, max_size=3))
def test_any_titles_and_bodies_round_trip(framework, tmp_path_factory, titles, bodies):
    folder = tmp_path_factory.mktemp("rt")
    with open_journal(folder / "a.db", clock=FakeClock()) as source:
        originals = [source.entries.add(day=date(2026, 3, i + 1), title=t, body=bodies[i], skills=["focus"],
                                        criteria=["INSCS009.P1"]) for i, t in enumerate(titles)]
        text = export_text(source, framework)
    _, entries = import_into(folder / "b.db", text)
    assert len(entries) == len(originals)
    assert all(same(o, e) for o, e in zip(originals, entries))


def test_reimporting_adds_nothing_twice(journal, framework, add, tmp_path):
    add("Once")
    text = export_text(journal, framework)
    import_into(tmp_path / "new.db", text)
    result, entries = import_into(tmp_path / "new.db", text)
    assert (result.added, result.skipped, len(entries)) == (0, 1, 1)


def test_importing_into_the_same_journal_skips_everything(journal, framework, add):
    add("Here already")
    reader = ExportReader(io.StringIO(export_text(journal, framework), newline=""))
    result = add_entries(journal, (new_entry(e, "x") for e in reader))
    assert (result.added, result.skipped) == (0, 1)


def test_mentor_comments_are_read_for_each_entry(journal, framework, add):
    first, second = add("One", day=date(2026, 1, 1)), add("Two", day=date(2026, 1, 2))
    hint = "*Mentor: write your comments for this entry under this line.*\n"
    text = export_text(journal, framework)
    text = text.replace(hint, hint + "Well handled.\n\n- try the refund script\n", 1)
    text = text.replace(f"entry={second.uid} -->\n{hint}", f"entry={second.uid} -->\n{hint}Good.\n")
    _, items = read_text(text)
    assert [(i.uid, i.comments) for i in items] == [
        (first.uid, "Well handled.\n\n- try the refund script"), (second.uid, "Good.")]


def test_marker_lookalike_in_a_comment_code_block_is_just_text(journal, framework, add):
    add("One", day=date(2026, 1, 1), body="one\n")
    add("Two", day=date(2026, 1, 2), body="two\n")
    hint = "*Mentor: write your comments for this entry under this line.*\n"
    fake = '```\n<!-- reflect:body {"lines": 1, "sha256": ""} -->\n```\n'
    _, items = read_text(export_text(journal, framework).replace(hint, hint + fake, 1))
    assert [i.body for i in items] == ["one\n", "two\n"]


def test_file_saved_with_windows_line_ends_still_imports(journal, framework, add):
    add("One", body="# Heading\nline\n")
    reader, items = read_text(export_text(journal, framework).replace("\n", "\r\n"))
    assert items[0].body == "# Heading\nline\n"
    assert reader.edited == 0


def test_body_edited_after_export_is_taken_as_it_reads(journal, framework, add):
    add("One", body="# Heading\nfirst draft\n")
    reader, items = read_text(export_text(journal, framework).replace("first draft", "mentor's fix"))
    assert items[0].body == "# Heading\nmentor's fix\n"
    assert items[0].edited and reader.edited == 1


# -- refusing bad files ------------------------------------------------------------------------


def refusal(text: str) -> str:
    with pytest.raises(InputError) as caught:
        read_text(text)
    return str(caught.value)


def test_file_without_front_matter_is_not_an_export():
    assert "is not a reflect export" in refusal("# Just some notes\n")


def test_newer_format_is_refused():
    assert "newer reflect" in refusal("---\nreflect_export: 99\n---\n")


def test_cut_short_file_is_refused(journal, framework, add):
    add("One", body="a\nb\nc\n")
    text = export_text(journal, framework)
    assert "cut short" in refusal(text[: text.index("### Mentor comments")])
    assert "ends inside" in refusal(text[: text.index("b\nc\n")])


def test_damaged_marker_is_refused_with_its_line(journal, framework, add):
    add("One")
    text = export_text(journal, framework).replace('{"uid"', '{uid', 1)
    line = text[: text.index("{uid")].count("\n") + 1
    assert f"line {line}: reflect's hidden marker on this line is damaged" in refusal(text)


def test_a_line_written_into_a_body_is_taken_out_and_named(journal, framework, add):
    add("One", body="a\nb")
    text = export_text(journal, framework).replace("a\nb\n", "a\nx\nb\n")
    reader, [item] = read_text(text)
    assert (item.body, item.edited, reader.recovered) == ("a\nb", False, 1)
    assert item.added_lines == (text.split("\n").index("x") + 1,)


BODY = "# What happened\n\nA queue formed.\n\n## What I learnt\n\nStay calm.\n\n### Next\n\nAsk for help.\n"


@pytest.mark.parametrize("note", ["Mentor: good point here.\n\n", "> Mentor: agreed\n> with this\n\n",
                                  "#### A heading of the mentor's\n\n"])
def test_a_note_written_inside_a_reflection_never_becomes_its_text(journal, framework, add, note):
    add("Busy day", body=BODY)
    text = export_text(journal, framework)
    edited = text.replace("#### What I learnt\n", note + "#### What I learnt\n")
    reader, [item] = read_text(edited)
    assert item.body == BODY and not item.edited and reader.recovered == 1
    first = edited.split("\n").index(note.split("\n")[0]) + 1
    assert item.added_lines[0] == first


def test_a_reflection_changed_beyond_recovery_is_skipped_and_named(journal, framework, add, tmp_path):
    add("Busy day", body=BODY)
    add("Quiet day", day=date(2026, 11, 25), body="Nothing much.\n")
    path = tmp_path / "export.md"
    path.write_text(export_text(journal, framework).replace("Stay calm.", "Stay very calm."), encoding="utf-8")
    with open_journal(tmp_path / "new.db") as target:
        result, reader = import_markdown(target, path)
        assert result.added == 1 and [title for _, _, title in reader.left_out] == ["Busy day"]
        assert [e.title for e in target.entries.iter_entries()] == ["Quiet day"]
        result, reader = import_markdown(target, path, accept_edited=True)
        assert result.added == 1
        busy = target.entries.get_by_uid(next(e.uid for e in journal.entries.iter_entries() if e.title == "Busy day"))
        assert busy.body == BODY.replace("Stay calm.", "Stay very calm.")  # as it now reads, levels intact


def test_missing_entry_is_noticed_by_the_count(journal, framework, add):
    add("One", day=date(2026, 1, 1))
    add("Two", day=date(2026, 1, 2))
    text = export_text(journal, framework).replace("entries: 2", "entries: 3")
    assert "should hold 3 entries but 2 were found" in refusal(text)


def test_bad_file_imports_nothing(journal, framework, add, tmp_path):
    add("Good one", day=date(2026, 1, 1))
    add("Bad one", day=date(2026, 1, 2))
    text = export_text(journal, framework).replace('"date": "2026-01-02"', '"date": "02/01/2026"')
    with pytest.raises(InputError, match="not a stored date"):
        import_into(tmp_path / "new.db", text)
    with open_journal(tmp_path / "new.db") as target:
        assert target.entries.count() == 0


def test_import_markdown_reads_a_file(journal, framework, add, tmp_path):
    original = add("From a file", body="line one\n\n## A heading of its own\nline two")
    path = tmp_path / "export.md"
    path.write_bytes(export_text(journal, framework).encode())
    with open_journal(tmp_path / "new.db") as target:
        result, reader = import_markdown(target, path)
        assert result.added == 1
        assert target.entries.get(1).body == original.body


def test_dry_run_changes_nothing(journal, framework, add, tmp_path):
    add("Maybe")
    path = tmp_path / "export.md"
    path.write_text(export_text(journal, framework))
    with open_journal(tmp_path / "new.db") as target:
        result, _ = import_markdown(target, path, dry_run=True)
        assert result.added == 1 and target.entries.count() == 0


SEGMENT_LINES = st.sampled_from([
    '<!-- reflect:entry {"uid": "a"} -->\n', '<!-- reflect:body {"lines": 0} -->\n',
    "<!-- reflect:comments entry=a -->\n", "<!-- reflect:end -->\n", " <!-- reflect:end -->\n",
    "```\n", "~~~\n", "   ```\n", "    ```\n", "<div>\n", "<!-- note\n", "-->\n", "<script>\n", "text\n",
    "\n", "- item\n", "  - nested\n", "> quote\n", "    code\n", "### Mentor comments\n", "\t<pre>\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(SEGMENT_LINES, max_size=12))
def test_quick_marker_scan_agrees_with_markdown_it(segment):
    from reflect.importers.export_markers import find_markers, may_hide_lines, parsed_markers

    if not any(may_hide_lines(line) for line in segment):
        assert find_markers(segment) == parsed_markers(segment)


def test_the_command_names_what_it_skipped_and_what_it_took_out(journal, framework, add, tmp_path, capsys):
    from reflect.cli import main

    add("Busy day", body=BODY)
    add("Quiet day", day=date(2026, 11, 25), body="Nothing much.\n")
    text = export_text(journal, framework).replace("Stay calm.", "Stay very calm.")
    text = text.replace("Nothing much.\n", "Nothing much.\nMentor: really?\n")
    path = tmp_path / "export.md"
    path.write_text(text, encoding="utf-8")
    argv = ["import", "--db", str(tmp_path / "new.db"), str(path)]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    line = text.split("\n").index("Mentor: really?") + 1
    busy = text.split("\n").index(next(l for l in text.split("\n") if l.startswith("<!-- reflect:entry") and "Busy" in l))
    assert "Imported 1 entry" in out and f"Lines taken out (`reflect import-feedback` brings a mentor's words in): " \
                                         f"{line}" in out
    assert f"not imported: line {busy + 1}, 2026-11-24 \u2014 Busy day" in out
    assert "--accept-edited" in err and err.count("\n") == 1
    assert main([*argv, "--accept-edited"]) == 0
    assert "Imported 1 entry" in capsys.readouterr().out
