"""A mentor's comments back into the feedback log: linked, once only, never a word lost.
(The mentor's edits in every natural wrong place: tests/export/test_mentor_edits.py.)"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reflect.errors import InputError
from reflect.framework.standards import load_framework
from reflect.importers import feedback as feedback_import
from reflect.importers.feedback import import_key
from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT, block_parser
from reflect.export.pack import export_review_pack
from tests.export.conftest import export_text
from tests.conftest import TINY_FRAMEWORK
from tests.export.pack_journal import END, START, build

TINY = load_framework(TINY_FRAMEWORK)


def import_feedback(journal, path, **options):
    """The import as the command runs it (with the framework, so text outside the comment
    places is looked for); the mentor is Alex Smith unless said otherwise."""
    options.setdefault("mentor", "Alex Smith")
    return feedback_import.import_feedback(journal, path, framework=TINY, **options)


@pytest.fixture
def records(journal):
    return build(journal)


@pytest.fixture
def pack(journal, tiny_framework, records) -> str:
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    return out.getvalue()


def comment_on(text: str, uid: str, comment: str, *, kind: str = "entry") -> str:
    """``text`` with ``comment`` written under the hint of ``uid``'s comment place."""
    hint = COMMENTS_HINT if kind == "entry" else OBJECTIVE_COMMENTS_HINT
    place = f"<!-- reflect:comments {kind}={uid} -->\n{hint}\n"
    assert place in text
    return text.replace(place, place + comment + "\n")


def write(tmp_path: Path, text: str, name: str = "back.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def mentor_feedback(journal):
    return journal.feedback.list(source_kind="mentor")


# -- the comments come in, linked ----------------------------------------------------------------


def test_comments_on_entries_and_objectives_are_added_linked(journal, records, pack, tmp_path):
    text = comment_on(pack, records.flour.uid, "Well weighed.\n\n- next: bread flour")
    text = comment_on(text, records.weigh.uid, "Book the scales course.", kind="objective")
    result = import_feedback(journal, write(tmp_path, text))
    # In the order of the file: a pack has its objectives before its reflections.
    assert [(c.kind, c.record_id) for c in result.added] == [("objective", records.weigh.id),
                                                            ("entry", records.flour.id)]
    assert result.unplaced == [] and result.complete
    by_text = {fb.said: fb for fb in mentor_feedback(journal)}
    assert by_text["Well weighed.\n\n- next: bread flour"].entry_id == records.flour.id
    assert by_text["Book the scales course."].objective_id == records.weigh.id
    assert all(fb.received_on == date(2026, 11, 24) and fb.source_kind == "mentor" for fb in by_text.values())


def test_importing_the_same_file_twice_adds_nothing(journal, records, pack, tmp_path):
    path = write(tmp_path, comment_on(pack, records.dough.uid, "Rest it longer."))
    assert len(import_feedback(journal, path).added) == 1
    again = import_feedback(journal, path)
    assert (len(again.added), len(again.skipped)) == (0, 1)
    assert len(mentor_feedback(journal)) == 1


def test_a_comment_re_sent_with_edits_replaces_the_earlier_one(journal, records, pack, tmp_path):
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Rest it longer.")))
    [first] = mentor_feedback(journal)
    journal.feedback.mark_done(first.id, action="Rested it")
    result = import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Rest it an hour.")))
    assert ([c.text for c in result.replaced], result.added) == (["Rest it an hour."], [])
    [fb] = mentor_feedback(journal)
    assert (fb.id, fb.said, fb.action, fb.done) == (first.id, "Rest it an hour.", "Rested it", True)


def test_the_same_place_from_another_mentor_or_another_file_is_new_feedback(journal, tiny_framework, records,
                                                                           pack, tmp_path, clock):
    from datetime import datetime, timezone

    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Rest it longer.")))
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Agreed.")), mentor="Pat Lee")
    clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)  # a new pack, made a day later
    import_feedback(journal, write(tmp_path, comment_on(out.getvalue(), records.dough.uid, "Better now.")))
    assert sorted(fb.said for fb in mentor_feedback(journal)) == ["Agreed.", "Better now.", "Rest it longer."]


def test_line_ends_and_trailing_spaces_do_not_make_a_comment_new(journal, records, pack, tmp_path):
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "One.\nTwo.")))
    resaved = comment_on(pack, records.dough.uid, "One.   \nTwo.").replace("\n", "\r\n")
    assert import_feedback(journal, write(tmp_path, resaved)).added == []


def test_empty_comment_places_add_nothing(journal, records, pack, tmp_path):
    result = import_feedback(journal, write(tmp_path, pack))
    assert (result.added, result.skipped, mentor_feedback(journal)) == ([], [], [])


def test_dry_run_says_what_it_would_add_and_adds_nothing(journal, records, pack, tmp_path):
    result = import_feedback(journal, write(tmp_path, comment_on(pack, records.queue.uid, "Smile more.")), dry_run=True)
    assert [c.text for c in result.added] == ["Smile more."]
    assert mentor_feedback(journal) == []


def test_mentor_named_in_the_file_or_on_the_command_line(journal, records, pack, tmp_path):
    named = comment_on(pack, records.flour.uid, "Good.").replace('mentor: ""', 'mentor: "Alex Smith"')
    import_feedback(journal, write(tmp_path, named), mentor=None)
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Fine.")), mentor="Jo Bloggs")
    assert sorted(fb.source_name for fb in mentor_feedback(journal)) == ["Alex Smith", "Jo Bloggs"]


def test_an_unnamed_mentor_is_asked_for(journal, records, pack, tmp_path):
    with pytest.raises(feedback_import.MentorNeeded, match="--mentor NAME"):
        import_feedback(journal, write(tmp_path, comment_on(pack, records.flour.uid, "Good.")), mentor=None)
    assert mentor_feedback(journal) == []


def test_the_mentor_is_named_by_a_sign_off(journal, records, pack, tmp_path):
    text = comment_on(pack, records.flour.uid, "Good work.\n\nSigned: Robin Hood")
    result = import_feedback(journal, write(tmp_path, text), mentor=None)
    assert result.source_name == "Robin Hood" and result.unplaced == []


def test_a_comment_is_dated_when_written_if_it_says_so_else_when_imported(journal, records, pack, tmp_path, clock):
    from datetime import datetime, timezone

    clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)  # the mentor took a week
    text = comment_on(pack, records.flour.uid, "Late reply.")
    text = comment_on(text, records.dough.uid, "Date: 26/11/2026\n\nRest it longer.")
    text = comment_on(text, records.queue.uid, "Smile more. \u2014 Alex, 27 Nov 2026")
    import_feedback(journal, write(tmp_path, text))
    days = {fb.said.split()[-1] if "Smile" in fb.said else fb.said.split()[0]: fb.received_on
            for fb in mentor_feedback(journal)}
    assert days == {"Late": date(2026, 12, 3), "Date:": date(2026, 11, 26), "2026": date(2026, 11, 27)}


def test_comments_in_a_plain_export_come_in_too(journal, tiny_framework, records, tmp_path):
    text = export_text(journal, tiny_framework)
    assert "reflect:comments objective=" not in text  # the plain export is reflections only
    import_feedback(journal, write(tmp_path, comment_on(text, records.old.uid, "Ancient history.")))
    assert mentor_feedback(journal)[0].entry_id == records.old.id


def test_import_key_is_stable_and_ignores_line_end_spaces():
    assert import_key("entry", "u1", "a  \nb") == import_key("entry", "u1", "a\nb")
    assert import_key("entry", "u1", "a") != import_key("objective", "u1", "a")
    assert import_key("entry", "u1", "a") != import_key("entry", "u2", "a")


# -- any comment round-trips exactly once -----------------------------------------------------------

_MARKDOWNISH = st.lists(
    st.sampled_from(["text", " ", "\n", "\n\n", "**bold**", "# h1", "#### h4", "- item", "> quote", "```",
                     "~~~", "`code`", "<!-- reflect:end -->", "<!-- reflect:comments entry=zzz -->",
                     '<!-- reflect:body {"lines": 1} -->', "<b>", "|a|b|", "---", "===", "é", "\t", "\r\n",
                     "*Mentor: write your comments for this entry under this line.*"]),
    min_size=1, max_size=25).map("".join)


def stays_one_comment(text: str) -> bool:
    """Whether ``text`` written as a comment stays inside its place: no reflect marker or
    top-level ``#`` heading at the top level (a mentor's ``##`` and lower are kept), no
    ``Mentor comments`` heading of its own."""
    from reflect.importers.comment_places import _COMMENTS_HEADING, _HEADING, _MARKER

    tokens = block_parser().parse(text + "\n\n<!-- probe -->\n")
    if tokens[-1].type != "html_block" or tokens[-1].content.strip() != "<!-- probe -->":
        return False  # left open: then its marker-like lines are not hidden (tested apart)
    for token in tokens[:-1]:
        if token.level == 0 and token.type == "heading_open" and token.tag == "h1" and token.markup.startswith("#"):
            return False
        # A marker is known by the importer's own pattern ("<!--reflect:x-->" without the space too).
        if token.level == 0 and token.type == "html_block" and _MARKER.match(token.content):
            return False
        # The importer reads lines, not HTML: a "# heading" line ends the place even where
        # Markdown would run it into the HTML block above ("<A>" then "# 0"); it is then
        # named as unplaced, not lost (tested apart).
        if token.level == 0 and token.type == "html_block" and any(
                (heading := _HEADING.match(line)) and len(heading.group(1)) == 1 and heading.group(2)
                for line in token.content.splitlines()):
            return False
    return not any(_COMMENTS_HEADING.match(line) for line in text.splitlines())


def as_kept(comment: str) -> str:
    """A comment as it is kept: line ends as \\n, instruction lines out, spaces at line ends
    and blank lines around it gone."""
    from reflect.export.format import LINE_BREAK
    from reflect.importers.comment_places import is_hint

    lines = [line.rstrip() for line in LINE_BREAK.split(comment) if not is_hint(line)]
    # (Text written on an instruction line after it is kept too: tested apart.)
    assume(not any("under this line." in line for line in lines))
    return "\n".join(lines).strip("\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.filter_too_much])
@given(comment=st.one_of(st.text(min_size=1, max_size=80), _MARKDOWNISH), on_objective=st.booleans())
@example(comment="```\n<!-- reflect:end -->\n```", on_objective=False)
@example(comment="#### A heading of my own\n\n<!-- reflect:comments objective=x --> inline", on_objective=True)
@example(comment="## Things to discuss\n\n---\n\n### Actions agreed", on_objective=False)
def test_any_comment_round_trips_exactly_once(journal, tiny_framework, records, tmp_path_factory, comment,
                                              on_objective):
    # One journal serves every example (building one each time would be slow): the same
    # place of the same file is written again and again, so each import replaces the last.
    kind = "objective" if on_objective else "entry"
    assume("\x00" not in comment)  # a file with zero bytes is refused as not text (tested apart)
    expected = as_kept(comment)
    assume(expected.strip() and not (expected.startswith((" ", "\t")) and expected.split("\n")[0].strip() == ""))
    assume(expected == expected.strip())
    assume(stays_one_comment(comment))
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    target = records.weigh if on_objective else records.queue
    # A blank line after the hint, as most editors leave it; the text as the mentor typed it.
    path = write(tmp_path_factory.mktemp("fb"), comment_on(out.getvalue(), target.uid, "\n" + comment, kind=kind))
    result = import_feedback(journal, path)
    assert result.unplaced == []
    link = {"objective_id": target.id} if on_objective else {"entry_id": target.id}
    assert [fb.said for fb in journal.feedback.list(source_kind="mentor", **link)] == [expected]
    again = import_feedback(journal, path)
    assert (again.added, again.replaced) == ([], [])


# -- slips: named, and every other comment still comes in ------------------------------------------


def refusal(journal, tmp_path, text: str) -> str:
    with pytest.raises(InputError) as caught:
        import_feedback(journal, write(tmp_path, text))
    assert mentor_feedback(journal) == []
    return str(caught.value)


def test_a_file_from_another_journal_is_refused(tmp_path, tiny_framework, records, pack):
    from reflect.journal import open_journal

    text = comment_on(pack, records.flour.uid, "Good.")
    with open_journal(tmp_path / "other.db") as other:
        other.entries.add(day=date(2026, 11, 2), title="Someone else")
        message = refusal(other, tmp_path, text)
    assert "does not match this journal: none of its reflections or objectives are in it" in message
    assert "Nothing was imported" in message


def not_imported(result) -> dict[str, str]:
    return {piece.text: piece.why for piece in result.unplaced}


def test_a_comment_on_a_reflection_deleted_for_good_is_reported_and_the_rest_imported(journal, records, pack,
                                                                                      tmp_path):
    text = comment_on(comment_on(pack, records.flour.uid, "Good."), records.dough.uid, "Also good.")
    journal.conn.execute("DELETE FROM entries WHERE id = ?", [records.dough.id])
    result = import_feedback(journal, write(tmp_path, text))
    assert "which is not in this journal" in not_imported(result)["Also good."]
    assert [fb.said for fb in mentor_feedback(journal)] == ["Good."]
    line = text.split("\n").index("Also good.") + 1
    # (Deleting a reflection changes what reflect writes elsewhere in the pack too, so a line of
    # reflect's own may be reported with it: reported, never lost.)
    assert line in [piece.line for piece in result.unplaced] and not result.complete


def test_a_comment_on_a_trashed_reflection_says_how_to_bring_it_back(journal, records, pack, tmp_path):
    journal.entries.delete(records.flour.id)
    result = import_feedback(journal, write(tmp_path, comment_on(pack, records.flour.uid, "Good.")))
    assert f"`reflect restore {records.flour.id}`" in not_imported(result)["Good."]


def test_a_damaged_comment_marker_is_matched_by_position_and_said(journal, records, pack, tmp_path):
    text = comment_on(pack, records.weigh.uid, "Book it.", kind="objective").replace(
        f"<!-- reflect:comments objective={records.weigh.uid} -->", "<!-- reflect:comments objective= -->")
    result = import_feedback(journal, write(tmp_path, text))
    assert [(fb.objective_id, fb.said) for fb in mentor_feedback(journal)] == [(records.weigh.id, "Book it.")]
    [note] = result.notes
    assert f"objective {records.weigh.id}: Weigh every batch to the gram is damaged" in note


def test_a_comment_too_long_for_the_log_is_reported_and_the_rest_imported(journal, records, pack, tmp_path):
    text = comment_on(comment_on(pack, records.flour.uid, "Fine."), records.dough.uid, "y" * 10_001)
    result = import_feedback(journal, write(tmp_path, text))
    assert "too long for one comment (10,001 characters; at most 10,000)" in not_imported(result)["y" * 10_001]
    assert [fb.said for fb in mentor_feedback(journal)] == ["Fine."]


def test_a_markdown_file_that_is_not_from_reflect_is_refused(journal, tmp_path):
    message = refusal(journal, tmp_path, "# My notes\n\nGood week.\n")
    assert message == f"{tmp_path / 'back.md'} is not a reflect export or review pack (it does not start with " \
                      "reflect's front matter); nothing was imported."


def test_a_code_block_left_open_in_a_comment_hides_nothing(journal, records, pack, tmp_path):
    text = comment_on(pack, records.weigh.uid, "```\nforgot to close it", kind="objective")
    text = comment_on(text, records.flour.uid, "Good.")
    import_feedback(journal, write(tmp_path, text))
    assert sorted(fb.said for fb in mentor_feedback(journal)) == ["Good.", "```\nforgot to close it"]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), noise=st.text(max_size=60), where=st.integers(min_value=0))
@example(cut=-1, noise="", where=0)  # the file as exported (-1: nothing cut): imported
def test_any_damaged_file_is_refused_cleanly_or_accounted_for(journal, tiny_framework, records, tmp_path_factory,
                                                             cut, noise, where):
    """Whatever a mentor's editor does to the file (cut short, text pasted anywhere), import
    either refuses with one plain message and changes nothing, or accounts for every
    non-blank line of the noise: imported, or reported as not imported."""
    from reflect.errors import ReflectError

    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    text = out.getvalue()
    text = text[: cut % (len(text) + 1)]
    spot = where % (len(text) + 1)
    path = write(tmp_path_factory.mktemp("fb"), text[:spot] + noise + text[spot:])
    before = len(mentor_feedback(journal))
    try:
        result = import_feedback(journal, path)
    except ReflectError as error:
        assert "\n" not in str(error)
        assert len(mentor_feedback(journal)) == before
    else:
        assert len(mentor_feedback(journal)) == before + len(result.added)


def test_a_top_level_heading_in_a_comment_after_html_is_reported_never_lost(journal, records, pack, tmp_path):
    result = import_feedback(journal, write(tmp_path, comment_on(pack, records.flour.uid, "<A>\n# 0")))
    assert [fb.said for fb in mentor_feedback(journal)] == ["<A>"]
    assert not_imported(result)["# 0"] == "outside any comment place" and not result.complete
