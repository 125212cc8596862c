"""A mentor's comments back into the feedback log: linked, once only, all or nothing."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from reflect.errors import InputError
from reflect.importers.feedback import import_feedback, import_key
from reflect.export.format import COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT, block_parser
from reflect.export.pack import export_review_pack
from tests.export.conftest import export_text
from tests.export.pack_journal import END, START, build


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
    assert [(c.kind, c.record_id) for c in result.added] == [("entry", records.flour.id),
                                                            ("objective", records.weigh.id)]
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


def test_an_edited_comment_is_new_feedback(journal, records, pack, tmp_path):
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Rest it longer.")))
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Rest it an hour.")))
    assert sorted(fb.said for fb in mentor_feedback(journal)) == ["Rest it an hour.", "Rest it longer."]


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
    import_feedback(journal, write(tmp_path, named))
    import_feedback(journal, write(tmp_path, comment_on(pack, records.dough.uid, "Fine.")), mentor="Jo Bloggs")
    assert sorted(fb.source_name for fb in mentor_feedback(journal)) == ["Alex Smith", "Jo Bloggs"]


def test_received_on_is_the_day_the_file_was_made(journal, records, pack, tmp_path, clock):
    from datetime import datetime, timezone

    clock.now = datetime(2026, 12, 3, 9, 0, tzinfo=timezone.utc)  # the mentor took a week
    import_feedback(journal, write(tmp_path, comment_on(pack, records.flour.uid, "Late reply.")))
    assert mentor_feedback(journal)[0].received_on == date(2026, 11, 24)


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


def stays_one_comment(text: str, level: int) -> bool:
    """Whether ``text`` written as a comment stays inside its place as a viewer reads it:
    nothing left open, no reflect marker or heading at its block's level at the top."""
    tokens = block_parser().parse(text + "\n\n<!-- probe -->\n")
    if tokens[-1].type != "html_block" or tokens[-1].content.strip() != "<!-- probe -->":
        return False
    for token in tokens[:-1]:
        if token.level == 0 and token.type == "heading_open" and int(token.tag[1]) <= level:
            return False
        if token.level == 0 and token.type == "html_block" and token.content.startswith("<!-- reflect:"):
            return False
    return True


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.filter_too_much])
@given(comment=st.one_of(st.text(min_size=1, max_size=80), _MARKDOWNISH), on_objective=st.booleans())
@example(comment="```\n<!-- reflect:end -->\n```", on_objective=False)
@example(comment="#### A heading of my own\n\n<!-- reflect:comments objective=x --> inline", on_objective=True)
def test_any_comment_round_trips_exactly_once(journal, tiny_framework, records, tmp_path_factory, comment,
                                              on_objective):
    # One journal serves every example (building one each time would be slow): an earlier
    # example may already have brought the same text in, and then it must be skipped.
    from reflect.importers.mentor_comments import normalise

    kind, level = ("objective", 3) if on_objective else ("entry", 2)
    expected = normalise(comment)
    first_line = expected.split("\n")[0].strip() if expected else ""
    assume(expected and first_line not in (COMMENTS_HINT, OBJECTIVE_COMMENTS_HINT))
    assume(stays_one_comment(comment, level))
    out = io.StringIO(newline="")
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    target = records.weigh.uid if on_objective else records.queue.uid
    # A blank line after the hint, as most editors leave it; the text as the mentor typed it.
    path = write(tmp_path_factory.mktemp("fb"), comment_on(out.getvalue(), target, "\n" + comment, kind=kind))
    before = {fb.id for fb in mentor_feedback(journal)}
    first = import_feedback(journal, path)
    added = [fb for fb in mentor_feedback(journal) if fb.id not in before]
    if first.added:
        assert [fb.said for fb in added] == [expected]
    else:  # the same text was already brought in by an earlier example
        assert [c.text for c in first.skipped] == [expected]
    assert import_feedback(journal, path).added == []
    assert len(mentor_feedback(journal)) == len(before) + len(added)


# -- refusals: all or nothing, with the reason ---------------------------------------------------------


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
    assert "does not match this journal: none of its 3 entries and 2 objectives are in it" in message
    assert "Nothing was imported" in message


def test_a_comment_on_a_reflection_deleted_for_good_is_refused(journal, records, pack, tmp_path):
    text = comment_on(comment_on(pack, records.flour.uid, "Good."), records.dough.uid, "Also good.")
    journal.conn.execute("DELETE FROM entries WHERE id = ?", [records.dough.id])
    message = refusal(journal, tmp_path, text)
    assert "is on a reflection that is not in this journal" in message and ", line " in message


def test_a_comment_on_a_trashed_reflection_says_how_to_bring_it_back(journal, records, pack, tmp_path):
    journal.entries.delete(records.flour.id)
    message = refusal(journal, tmp_path, comment_on(pack, records.flour.uid, "Good."))
    assert f"`reflect restore {records.flour.id}`" in message


def test_a_damaged_comment_marker_is_refused(journal, records, pack, tmp_path):
    text = comment_on(pack, records.flour.uid, "Good.").replace(
        f"<!-- reflect:comments objective={records.weigh.uid} -->", "<!-- reflect:comments objective= -->")
    assert "hidden marker on this line is damaged" in refusal(journal, tmp_path, text)


def test_a_missing_comment_place_is_refused(journal, records, pack, tmp_path):
    text = comment_on(pack, records.dough.uid, "Good.").replace(
        f"<!-- reflect:comments entry={records.flour.uid} -->\n", "")
    assert "mentor comment place is missing" in refusal(journal, tmp_path, text)


def test_a_comment_place_moved_to_another_entry_is_refused(journal, records, pack, tmp_path):
    text = pack.replace(f"entry={records.flour.uid} -->", f"entry={records.dough.uid} -->", 1)
    assert "belongs to something else" in refusal(journal, tmp_path, text)


def test_a_deleted_objective_block_is_refused(journal, records, pack, tmp_path):
    text = pack.replace(f"<!-- reflect:comments objective={records.ice.uid} -->\n", "")
    assert "comment places for 2 objectives but 1 were found" in refusal(journal, tmp_path, text)


def test_a_code_block_left_open_in_a_comment_is_refused_with_the_reason(journal, records, pack, tmp_path):
    text = comment_on(pack, records.weigh.uid, "```\nforgot to close it", kind="objective")
    message = refusal(journal, tmp_path, text)
    line = text.splitlines().index("```") + 1
    assert f"back.md, line {line}: a code block or HTML block opened on this line hides reflect's" in message


def test_a_markdown_file_that_is_not_from_reflect_is_refused(journal, tmp_path):
    message = refusal(journal, tmp_path, "# My notes\n\nGood week.\n")
    assert message == f"{tmp_path / 'back.md'} is not a reflect export or review pack (it does not start with " \
                      "reflect's front matter)."


def test_a_comment_too_long_for_the_log_is_refused(journal, records, pack, tmp_path):
    message = refusal(journal, tmp_path, comment_on(pack, records.flour.uid, "x" * 10_001))
    assert "too long (10,001 characters; at most 10,000)" in message


def test_nothing_is_added_when_a_later_comment_is_refused(journal, records, pack, tmp_path):
    text = comment_on(comment_on(pack, records.flour.uid, "Fine."), records.dough.uid, "y" * 10_001)
    refusal(journal, tmp_path, text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cut=st.integers(min_value=0), noise=st.text(max_size=60), where=st.integers(min_value=0))
@example(cut=-1, noise="", where=0)  # the file as exported (-1: nothing cut): imported
def test_any_damaged_file_is_refused_cleanly_or_imported(journal, tiny_framework, records, tmp_path_factory,
                                                         cut, noise, where):
    """Whatever a mentor's editor does to the file (cut short, text pasted anywhere), import
    either works or refuses with one plain message: never another exception, never half done."""
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
