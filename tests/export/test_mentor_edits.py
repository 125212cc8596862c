"""A mentor edits the review pack as people do, and every word they wrote comes back: imported
to the right reflection or objective, or reported with its line.

Each scenario starts from the pack of tests/export/pack_journal.py, edits it, imports it, and
then checks every line the edit added (found by diffing the two files): each is in the
feedback it belongs to, or in a piece reported as not imported, at its line.
"""

from __future__ import annotations

import codecs
import difflib
import io

import pytest

from reflect.cli import main
from reflect.errors import InputError
from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT
from reflect.export.pack import export_review_pack
from reflect.importers import sections
from tests.conftest import TINY_FRAMEWORK
from tests.export.pack_journal import END, START, build
from tests.export.test_import_feedback import comment_on, import_feedback


@pytest.fixture
def records(journal):
    return build(journal)


@pytest.fixture
def pack(journal, tiny_framework, records) -> str:
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    return out.getvalue()


def send_back(tmp_path, text: str, encoding: str = "utf-8"):
    path = tmp_path / "back.md"
    path.write_bytes(text.encode(encoding))
    return path


def added_lines(original: str, edited: str) -> list[tuple[int, str]]:
    """The lines ``edited`` has that ``original`` does not, with their line numbers."""
    old, new = original.split("\n"), edited.split("\n")
    found = []
    for tag, _i1, _i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag in ("insert", "replace"):
            found += [(j + 1, new[j]) for j in range(j1, j2) if new[j].strip()]
    return found


def assert_every_word_accounted(journal, original: str, edited: str, result) -> None:
    """Every line the mentor added is in imported feedback, or reported at its line."""
    from reflect.importers.comment_places import is_hint

    said = "\n".join(fb.said for fb in journal.feedback.list(source_kind="mentor"))
    said += repr(result.sections)  # what a section (the record of the meeting) kept
    for number, line in added_lines(original, edited):
        if is_hint(line) or line.startswith("<!-- reflect:"):
            continue  # reflect's own lines, restyled or damaged
        text = line.strip().lstrip("#").strip()
        if text in said:
            continue
        spans = [(p.line, p.line + p.text.count("\n")) for p in result.unplaced if text in p.text]
        # A section's reader may report a line it could not read by its number alone.
        spans += [(p.line, p.line) for p in result.unplaced if "section" in p.why]
        assert any(first <= number <= last for first, last in spans), (number, line, result.unplaced)


def after_place(text: str, uid: str, kind: str, addition: str) -> str:
    hint = COMMENTS_HINT if kind == "entry" else OBJECTIVE_COMMENTS_HINT
    place = f"<!-- reflect:comments {kind}={uid} -->\n{hint}\n"
    return text.replace(place, place + addition + "\n")


def linked(journal, records) -> dict[str, str]:
    names = {records.flour.id: "flour", records.dough.id: "dough", records.queue.id: "queue"}
    objectives = {records.weigh.id: "weigh", records.ice.id: "ice"}
    found = {}
    for fb in journal.feedback.list(source_kind="mentor"):
        where = names.get(fb.entry_id) or objectives.get(fb.objective_id) or "general"
        found[where] = fb.said if where not in found else found[where] + "\n&\n" + fb.said
    return found


# -- inside a comment place: kept as written -------------------------------------------------------

OWN_STRUCTURE = ("Good start.\n\n## Things to discuss\n\n- pacing\n- the scales\n\n---\n\n### Actions agreed\n\n"
                 "1. Time each batch\n\n> Quote from the customer\n\n| When | What |\n|------|------|\n| Mon | scales |")


def test_own_headings_rules_lists_quotes_and_tables_stay_in_the_comment(journal, records, pack, tmp_path):
    edited = comment_on(comment_on(pack, records.flour.uid, OWN_STRUCTURE), records.weigh.uid,
                        "## My view\n\nOn track.\n\n---\n\nKeep going.", kind="objective")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"flour": OWN_STRUCTURE, "weigh": "## My view\n\nOn track.\n\n---\n\nKeep going."}
    assert result.unplaced == [] and result.complete
    assert_every_word_accounted(journal, pack, edited, result)


def test_text_between_the_heading_and_its_hidden_line_belongs_to_the_comment(journal, records, pack, tmp_path):
    heading_then_marker = f"### Mentor comments\n<!-- reflect:comments entry={records.dough.uid} -->"
    edited = pack.replace(heading_then_marker, f"### Mentor comments\nRest it longer.\n"
                                               f"<!-- reflect:comments entry={records.dough.uid} -->")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"dough": "Rest it longer."} and result.unplaced == []


def test_text_on_the_instruction_line_itself_is_kept(journal, records, pack, tmp_path):
    edited = pack.replace(f"entry={records.queue.uid} -->\n{COMMENTS_HINT}",
                          f"entry={records.queue.uid} -->\n{COMMENTS_HINT} Lovely manner.")
    import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"queue": "Lovely manner."}


# -- outside: found, reported with the line, never filed on the wrong thing ------------------------------


def test_text_under_a_reflection_and_in_the_summary_is_reported_with_its_line(journal, records, pack, tmp_path):
    edited = pack.replace("I weighed it **twice**.\n", "I weighed it **twice**.\n\nMENTOR: weighing twice is wise.\n")
    title = next(line for line in edited.split("\n") if line.startswith("# "))  # the pack's title, at the top
    edited = edited.replace(title + "\n", title + "\n\nMENTOR: a strong month overall.\n", 1)
    edited = comment_on(edited, records.dough.uid, "Rest it longer.")
    result = import_feedback(journal, send_back(tmp_path, edited))
    lines = edited.split("\n")
    assert [(p.line, p.text) for p in result.unplaced] == [
        (lines.index("MENTOR: a strong month overall.") + 1, "MENTOR: a strong month overall."),
        (lines.index("MENTOR: weighing twice is wise.") + 1, "MENTOR: weighing twice is wise.")]
    assert linked(journal, records) == {"dough": "Rest it longer."}  # the placed comment still came in
    assert not result.complete
    assert_every_word_accounted(journal, pack, edited, result)


def test_an_overall_comment_at_the_end_is_not_filed_on_the_last_reflection(journal, records, pack, tmp_path):
    edited = comment_on(pack, records.queue.uid, "Smile more.\n\n# Overall comments\n\nA great month, Sam.")
    edited += "\nP.S. Well done on the hygiene course.\n"
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"queue": "Smile more."}
    assert [p.text for p in result.unplaced] == ["# Overall comments\n\nA great month, Sam.",
                                                 "P.S. Well done on the hygiene course."]
    assert result.unplaced[1].why == "after the end of the file"
    assert_every_word_accounted(journal, pack, edited, result)


def test_kept_unplaced_text_is_filed_as_general_feedback(journal, records, pack, tmp_path):
    edited = pack + "\nOverall: ready for the next unit.\n"
    result = import_feedback(journal, send_back(tmp_path, edited), keep_unplaced=True)
    assert result.complete
    [general] = [fb for fb in journal.feedback.list(source_kind="mentor")]
    assert (general.said, general.entry_id, general.objective_id) == ("Overall: ready for the next unit.", None, None)
    assert import_feedback(journal, send_back(tmp_path, edited), keep_unplaced=True).added == []


def test_edited_apprentice_text_is_reported(journal, records, pack, tmp_path):
    edited = pack.replace("Ten minutes of kneading.", "Ten minutes of kneading (try twelve next time).")
    result = import_feedback(journal, send_back(tmp_path, edited))
    [piece] = result.unplaced
    assert piece.text == "Ten minutes of kneading (try twelve next time)."
    assert piece.line == edited.split("\n").index(piece.text) + 1


# -- editors that restyle: nothing invented ------------------------------------------------------------


@pytest.mark.parametrize("restyle", [
    lambda hint: "_" + hint.strip("*") + "_",                   # Prettier
    lambda hint: hint.strip("*"),                                # emphasis removed
    lambda hint: "*" + hint.strip("*").replace(":", " :") + " *",  # spaces added
])
def test_restyled_instruction_lines_are_not_comments(journal, records, pack, tmp_path, restyle):
    edited = pack.replace(COMMENTS_HINT, restyle(COMMENTS_HINT)).replace(OBJECTIVE_COMMENTS_HINT,
                                                                         restyle(OBJECTIVE_COMMENTS_HINT))
    edited = after_place(edited, records.flour.uid, "entry", "").replace(
        restyle(COMMENTS_HINT) + "\n", restyle(COMMENTS_HINT) + "\nWell weighed.\n", 1)
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert [c.text for c in result.added] == ["Well weighed."] and result.unplaced == []


def test_re_spaced_tables_and_curly_quotes_in_markers_add_nothing(journal, records, pack, tmp_path):
    import re

    edited = "\n".join(re.sub(r" {2,}", " ", line) if line.startswith("|") else line for line in pack.split("\n"))
    edited = "\n".join(line.replace('"', "\u201c") if line.startswith("<!-- reflect:entry") else line
                       for line in edited.split("\n"))
    edited = comment_on(edited, records.queue.uid, "Good.")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert [c.text for c in result.added] == ["Good."] and result.unplaced == []


# -- deleted or damaged hidden lines: named, the rest still imported ----------------------------------------


def test_a_deleted_hidden_line_is_matched_by_position_and_named(journal, records, pack, tmp_path):
    edited = comment_on(comment_on(pack, records.flour.uid, "Good."), records.dough.uid, "Rest it.")
    edited = comment_on(edited, records.ice.uid, "Use a steadier hand.", kind="objective")
    edited = edited.replace(f"<!-- reflect:comments entry={records.flour.uid} -->\n", "")
    edited = edited.replace(f"<!-- reflect:comments objective={records.ice.uid} -->\n", "")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"flour": "Good.", "dough": "Rest it.", "ice": "Use a steadier hand."}
    assert len(result.notes) == 2
    assert any("Weighed flour" in note and "missing" in note for note in result.notes)
    assert any(f"objective {records.ice.id}" in note for note in result.notes)


def test_a_comment_place_deleted_whole_leaves_its_words_reported(journal, records, pack, tmp_path):
    place = f"### Mentor comments\n<!-- reflect:comments entry={records.flour.uid} -->\n{COMMENTS_HINT}\n"
    edited = pack.replace(place, "Nicely done.\n")
    edited = comment_on(edited, records.dough.uid, "Rest it.")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"dough": "Rest it."}
    assert [p.text for p in result.unplaced] == ["Nicely done."]
    assert_every_word_accounted(journal, pack, edited, result)


# -- line ends and encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize("encoding,crlf", [("utf-8", True), ("utf-8-sig", False), ("utf-8-sig", True),
                                           ("utf-16", False), ("utf-16", True)])
def test_line_ends_and_safe_encodings_are_read(journal, records, pack, tmp_path, encoding, crlf):
    edited = comment_on(pack, records.flour.uid, "Caf\u00e9 tip: \u201cweigh twice\u201d.\n\n## Next\n\n- more")
    text = edited.replace("\n", "\r\n") if crlf else edited
    result = import_feedback(journal, send_back(tmp_path, text, encoding))
    assert linked(journal, records) == {"flour": "Caf\u00e9 tip: \u201cweigh twice\u201d.\n\n## Next\n\n- more"}
    assert result.unplaced == [] and result.encoding in ("UTF-8", "UTF-16")


def test_windows_1252_is_refused_as_such(journal, records, pack, tmp_path):
    edited = comment_on(pack, records.flour.uid, "Don\u2019t rush \u2013 weigh twice.")
    with pytest.raises(InputError) as caught:
        import_feedback(journal, send_back(tmp_path, edited, "cp1252"))
    message = str(caught.value)
    assert "Windows-1252" in message and "UTF-8" in message and "marker" not in message
    assert journal.feedback.list() == [journal.feedback.get(1)]  # only the manager's, from the build


def test_utf16_without_its_byte_order_mark_is_refused_as_such(journal, records, pack, tmp_path):
    path = tmp_path / "back.md"
    path.write_bytes(codecs.encode(pack, "utf-16-le"))
    with pytest.raises(InputError, match="UTF-16 text saved without its byte-order mark"):
        import_feedback(journal, path)


# -- sections of their own -------------------------------------------------------------------------------


def test_a_registered_section_is_read_and_kept_and_an_unknown_one_reported(journal, records, pack, tmp_path,
                                                                           monkeypatch):
    kept = []
    sections.section_type("notes")  # the built-in types registered, then kept as they are
    monkeypatch.setattr(sections, "_types", dict(sections._types))
    sections.register("notes", lambda lines, first, context: {"first": first, "lines": lines, "mentor": "Jo Page"},
                      lambda read, context: kept.append((read["lines"], context.source_name)) or "kept")
    edited = pack.replace("<!-- reflect:end -->", "<!-- reflect:end -->\n<!-- reflect:notes -->\nWe met.\n"
                                                  "<!-- reflect:notes-end -->\n<!-- reflect:other -->\nHello."
                                                  "\n<!-- reflect:other-end -->")
    edited = comment_on(edited, records.flour.uid, "Good.")
    dry = import_feedback(journal, send_back(tmp_path, edited), mentor=None, dry_run=True)
    assert kept == [] and dry.sections["notes"]["first"] == edited.split("\n").index("We met.") + 1
    result = import_feedback(journal, send_back(tmp_path, edited), mentor=None)
    assert kept == [(["We met."], "Jo Page")] and result.sections["notes"] == "kept"
    assert result.source_name == "Jo Page"  # named by the section, the file naming nobody else
    assert [(p.text, p.why) for p in result.unplaced] == [("Hello.", "in a other section this reflect cannot read")]


def test_a_section_that_cannot_be_read_is_reported_and_the_comments_still_come_in(journal, records, pack,
                                                                                  tmp_path, monkeypatch):
    def refuse(lines, first, context):
        raise InputError("its date is not a date.")

    sections.section_type("notes")
    monkeypatch.setattr(sections, "_types", dict(sections._types))
    sections.register("notes", refuse)
    edited = comment_on(pack, records.flour.uid, "Good.") + "<!-- reflect:notes -->\nOn 31/02.\n<!-- reflect:notes-end -->\n"
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert linked(journal, records) == {"flour": "Good."}
    assert [(p.text, p.why) for p in result.unplaced] == [
        ("On 31/02.", "in the notes section, which could not be read: its date is not a date.")]


# -- the command -------------------------------------------------------------------------------------------


def run(journal_path, *argv, capsys):
    code = main(["import-feedback", "--db", str(journal_path), "--framework", str(TINY_FRAMEWORK), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_command_lists_what_it_left_and_exits_2_unless_kept(journal, journal_path, records, pack, tmp_path,
                                                                  capsys):
    edited = comment_on(pack, records.flour.uid, "Good.") + "\nOverall: ready.\n"
    path = send_back(tmp_path, edited)
    code, out, err = run(journal_path, str(path), "--mentor", "Alex Smith", capsys=capsys)
    line = edited.split("\n").index("Overall: ready.") + 1
    assert code == 2
    assert "Added 1 mentor comment" in out and f"line {line}, after the end of the file: \u201cOverall: ready.\u201d" in out
    assert "not imported" in err and "--keep-unplaced" in err
    code, out, err = run(journal_path, str(path), "--mentor", "Alex Smith", "--keep-unplaced", capsys=capsys)
    assert code == 0 and "Added 1 mentor comment" in out and err == ""
    assert sorted(fb.said for fb in journal.feedback.list(source_kind="mentor")) == ["Good.", "Overall: ready."]


def test_the_command_asks_for_an_unnamed_mentor(journal, journal_path, records, pack, tmp_path, capsys):
    path = send_back(tmp_path, comment_on(pack, records.flour.uid, "Good."))
    code, out, err = run(journal_path, str(path), capsys=capsys)
    assert code == 2 and "--mentor NAME" in err and "\n" not in err.strip()


def test_curly_quotes_in_the_front_matter_are_read(journal, records, pack, tmp_path):
    named = pack.replace('mentor: ""', 'mentor: "Sam \u201cThe Baker\u201d Lee"')
    result = import_feedback(journal, send_back(tmp_path, comment_on(named, records.flour.uid, "Good.")), mentor=None)
    assert result.source_name == "Sam \u201cThe Baker\u201d Lee"
    curled = pack.replace('kind: "review-pack"', "kind: \u201creview-pack\u201d")
    result = import_feedback(journal, send_back(tmp_path, comment_on(curled, records.dough.uid, "Fine.")))
    assert [c.text for c in result.added] == ["Fine."]


def test_options_for_sections_pass_through(journal, records, pack, tmp_path, monkeypatch):
    sections.section_type("notes")
    monkeypatch.setattr(sections, "_types", dict(sections._types))
    sections.register("notes", lambda lines, first, context: dict(context.options))
    edited = pack + "<!-- reflect:notes -->\nx\n<!-- reflect:notes-end -->\n"
    result = import_feedback(journal, send_back(tmp_path, edited), section_options={"actions_as": "feedback"})
    assert result.sections["notes"] == {"actions_as": "feedback"}
    result = import_feedback(journal, send_back(tmp_path, edited), actions_as="objectives")
    assert result.sections["notes"] == {"actions_as": "objectives"}


def test_the_command_asks_a_person_at_a_terminal_for_the_mentor(journal, journal_path, records, pack, tmp_path,
                                                                 capsys, monkeypatch):
    import sys

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    asked = []
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "Pat Lee")
    path = send_back(tmp_path, comment_on(pack, records.flour.uid, "Good."))
    code, out, err = run(journal_path, str(path), capsys=capsys)
    assert code == 0 and asked == ["Who wrote these comments? Mentor's name: "]
    assert [fb.source_name for fb in journal.feedback.list(source_kind="mentor")] == ["Pat Lee"]


def test_a_note_before_every_heading_of_the_pack_is_imported_or_reported(journal, records, pack, tmp_path):
    """Whatever the pack's layout: a mentor's line before each of its headings, and at the
    very end, is either in a comment or reported at its line; never dropped."""
    lines, edited, n = pack.split("\n"), [], 0
    for line in lines:
        if line.startswith("#"):
            n += 1
            edited += [f"MENTOR NOTE {n} here.", ""]
        edited.append(line)
    edited += ["MENTOR NOTE last."]
    text = "\n".join(edited)
    result = import_feedback(journal, send_back(tmp_path, text))
    assert n > 10
    assert_every_word_accounted(journal, pack, text, result)
    said = "\n".join(fb.said for fb in journal.feedback.list(source_kind="mentor")) + repr(result.sections)
    reported = "\n".join(p.text for p in result.unplaced)
    lines = text.split("\n")
    at = {p.line for p in result.unplaced}
    assert all(f"MENTOR NOTE {i} here." in said + reported or lines.index(f"MENTOR NOTE {i} here.") + 1 in at
               for i in range(1, n + 1))


def test_text_a_section_reader_cannot_place_is_reported(journal, records, pack, tmp_path, monkeypatch):
    sections.section_type("notes")
    monkeypatch.setattr(sections, "_types", dict(sections._types))

    def read(lines, first, context):
        return {"unplaced": [(first + i, line) for i, line in enumerate(lines) if line.startswith("Stray")]}

    sections.register("notes", read)
    edited = pack + "<!-- reflect:notes -->\nKept.\nStray words.\n<!-- reflect:notes-end -->\n"
    result = import_feedback(journal, send_back(tmp_path, edited))
    line = edited.split("\n").index("Stray words.") + 1
    assert [(p.line, p.text) for p in result.unplaced] == [(line, "Stray words.")] and not result.complete


def test_a_section_whose_end_line_was_deleted_is_read_to_the_next_hidden_line(journal, records, pack, tmp_path,
                                                                               monkeypatch):
    sections.section_type("notes")
    monkeypatch.setattr(sections, "_types", dict(sections._types))
    sections.register("notes", lambda lines, first, context: lines)
    edited = pack.replace("<!-- reflect:end -->", "<!-- reflect:notes -->\nWe met.\n\n<!-- reflect:end -->")
    edited = comment_on(edited, records.queue.uid, "Good.")
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert result.sections["notes"] == ["We met.", ""] and linked(journal, records) == {"queue": "Good."}
    [note] = result.notes
    assert "notes section's end line (<!-- reflect:notes-end -->) is missing" in note


def test_a_redacted_pack_is_compared_with_what_reflect_wrote_redacted(journal, tiny_framework, records, tmp_path):
    from datetime import date

    journal.entries.add(day=date(2026, 11, 21), title="A call back",
                        body="Rang Jo Bloggs on 07700 900123 and wrote to jo@example.com.\n")
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END, redact=True)
    redacted = out.getvalue()
    assert "jo@example.com" not in redacted  # the file really is redacted
    edited = comment_on(redacted, records.queue.uid, "Good.") + "\nOverall: good month.\n"
    result = import_feedback(journal, send_back(tmp_path, edited))
    assert [c.text for c in result.added] == ["Good."]
    assert [p.text for p in result.unplaced] == ["Overall: good month."]
