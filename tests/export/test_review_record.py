"""The record of the review meeting: written at the end of a pack, filled in by a busy mentor
in a plain editor, read back by `reflect import-feedback` and kept on the review."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reflect.export.pack_record import INTRO
from reflect.importers.review_record import find_record, read_record
from tests.cli_runner import Reflect
from tests.export.pack_journal import END, build

SKILLS = [("kneading", "Kneading"), ("decorating", "Decorating"), ("patience", "Patience")]
INTRO_REFLOWED = INTRO.replace(". ", ".\r\n", 2)  # an editor that wraps long lines


# -- the reader, on its own ----------------------------------------------------------------------

BUSY_MENTOR = (
    "<!-- reflect:record review=abc123 -->\r\n"
    "# Record of the review meeting\r\n\r\n"
    + INTRO_REFLOWED +
    "\r\n\r\n"
    "Overall comments\r\n================\r\n"          # the heading re-styled as setext
    "<!-- reflect:record-field comments -->\r\n\r\n\r\n"
    "Good progress, Sam.\r\n\r\n### What to watch\r\nThe icing.\r\n\r\n\r\n"
    "## AGREED ACTIONS (we talked)\r\n"                  # a heading renamed
    "<!-- reflect:record-field actions -->\r\n\r\n"
    "* Book the icing course\r\n"
    "+ [ ] Shadow Pat on\r\n   the Saturday shift\r\n"
    "1. Read the hygiene guide\r\n"
    "- \r\n"
    "Weigh everything twice\r\n"
    "- n/a\r\n\r\n"
    "## Next review date\r\n<!-- reflect:record-field next-review -->\r\n\r\n"
    "**Date:** 3.3.27\r\n\r\n"
    "## The mentor's ratings\r\n<!-- reflect:record-field ratings -->\r\n\r\n"
    "* Kneading (kneading): self 4 Confident; mentor: 5\r\n"
    "* Decorating: self 1 Not yet; Mentor's rating - starting\r\n"
    "* Patience (patience): self 3 Developing; mentor: \r\n\r\n"
    "## Sign-off\r\n<!-- reflect:record-field sign-off -->\r\n\r\n"
    "- Apprentice: name: Sam Baker; role: ; date: 24/11/2026\r\n"
    "* mentor or employer: Name: Alex Smith, Role: Head baker | Date: 24 Nov 2026\r\n"
    "- Training provider: name: ; role: ; date: \r\n\r\n"
    "<!-- reflect:record-end -->\r\n")


def test_a_busy_mentors_record_is_read_whatever_the_editor_did():
    record = read_record(BUSY_MENTOR, SKILLS, today=date(2026, 11, 24))
    assert record.review_uid == "abc123"
    assert record.comments == "Good progress, Sam.\n\n### What to watch\nThe icing."
    assert record.actions == ("Book the icing course", "Shadow Pat on the Saturday shift", "Read the hygiene guide",
                              "Weigh everything twice")
    assert record.next_review == date(2027, 3, 3)
    assert record.ratings == {"kneading": 5, "decorating": 2}
    assert [(s.who, s.name, s.role, s.signed_on) for s in record.sign_off] == [
        ("Apprentice", "Sam Baker", "", date(2026, 11, 24)),
        ("Mentor or employer", "Alex Smith", "Head baker", date(2026, 11, 24)),
        ("Training provider", "", "", None)]
    assert record.problems == ()


def test_a_section_reader_gets_the_same_from_the_lines_between_the_markers():
    from reflect.importers.review_record import read_section

    lines = BUSY_MENTOR.split("\r\n")
    record = read_section(lines[1:-2], 2, SKILLS, today=date(2026, 11, 24))
    whole = read_record(BUSY_MENTOR, SKILLS, today=date(2026, 11, 24))
    assert (record.comments, record.actions, record.ratings, record.sign_off, record.next_review) == (
        whole.comments, whole.actions, whole.ratings, whole.sign_off, whole.next_review)
    assert record.mentor == "Alex Smith"


def test_words_above_the_fields_are_overall_comments_and_stray_lines_are_reported():
    text = ("<!-- reflect:record -->\n# Record of the review meeting\n\nWe met in the back office.\n\n" + INTRO
            + "\n\n## Overall comments\n<!-- reflect:record-field comments -->\nA good quarter.\n"
            "## Next review date\n<!-- reflect:record-field next-review -->\nDate: 3/3/2027\nor the week after\n"
            "## The mentor's ratings\n<!-- reflect:record-field ratings -->\n"
            "- Kneading (kneading): self 4 Confident; mentor: 4\nPatience has really grown\n"
            "<!-- reflect:record-end -->\n")
    record = read_record(text, SKILLS, today=date(2026, 11, 24))
    assert record.comments == "We met in the back office.\n\nA good quarter."
    assert record.next_review == date(2027, 3, 3) and record.ratings == {"kneading": 4}
    assert [p.split(":")[0] for p in record.problems] == ["line 14", "line 18"]
    assert "or the week after" in record.problems[0] and "Patience has really grown" in record.problems[1]


def test_what_cannot_be_read_is_reported_with_its_line():
    text = ("<!-- reflect:record -->\n## Next review date\n<!-- reflect:record-field next-review -->\n"
            "Date: the 31st of Febtober\n## The mentor's ratings\n<!-- reflect:record-field ratings -->\n"
            "- Kneading (kneading): self 4; mentor: 9\n## Sign-off\n<!-- reflect:record-field sign-off -->\n"
            "- The cat: name: Tibbles\n<!-- reflect:record-end -->\n")
    record = read_record(text, SKILLS, today=date(2026, 11, 24), first_line=40)
    assert record.next_review is None and record.ratings == {}
    assert [p.split(":")[0] for p in record.problems] == ["line 43", "line 46", "line 49"]
    assert "Febtober" in record.problems[0] and "9" in record.problems[1] and "Tibbles" in record.problems[2]
    assert not record.empty


def test_an_untouched_record_is_empty_and_the_record_is_found_in_a_whole_file():
    text = "front\n\n<!-- reflect:record -->\n## Overall comments\n<!-- reflect:record-field comments -->\n\n" \
           "## Sign-off\n<!-- reflect:record-field sign-off -->\n- Apprentice: name: Sam; role: ; date: \n" \
           "<!-- reflect:record-end -->\nafter\n"
    line, section = find_record(text)
    assert line == 3 and section.startswith("<!-- reflect:record -->") and section.endswith("record-end -->")
    assert read_record(section, SKILLS).empty
    assert find_record("no record here\n") is None


# -- the round trip, as a person runs it -----------------------------------------------------------


@pytest.fixture
def run(journal_path, tmp_path):
    """Run reflect in-process on the journal file; returns (exit code, stdout, stderr)."""
    runner = Reflect(tmp_path)
    runner.env["REFLECT_DB"] = str(journal_path)

    def reflect(*argv: str) -> tuple[int, str, str]:
        result = runner(*argv)
        return result.returncode, result.stdout, result.stderr

    return reflect


@pytest.fixture
def completed(journal):
    """The small pack journal, with its review completed on the end of the period."""
    from reflect.review.prep import complete_review

    records = build(journal)
    review = complete_review(journal, None, mentor_name="Alex Smith", agreed_on=END)
    return records, review


def fill_like_a_busy_mentor(text: str) -> str:
    """What a mentor does in Notepad: types under the headings, re-styles, saves with CRLF."""
    text = text.replace("<!-- reflect:record-field comments -->\n\n",
                        "<!-- reflect:record-field comments -->\n\nSam has come on well.\n---\nKeep at the icing.\n\n")
    text = text.replace("<!-- reflect:record-field actions -->\n\n- \n",
                        "<!-- reflect:record-field actions -->\n\n* Practise piping every Friday\n"
                        "* Read the hygiene guide\n")
    text = text.replace("Date: \n", "Date: 17/2/27\n")
    text = text.replace("- Decorating (decorating): self 1 Not yet; mentor: ",
                        "- Decorating (decorating): self 1 Not yet; mentor: 2")
    text = text.replace("- Kneading (kneading): self 4 Confident; mentor: ",
                        "- Kneading (kneading): self 4 Confident; mentor: 4")
    text = text.replace("- Mentor or employer: name: Alex Smith; role: ; date: ",
                        "- Mentor or employer: name: Alex Smith; role: Head baker; date: 24/11/26")
    return text.replace("\n", "\r\n")


def test_completing_then_exporting_gives_the_reviews_own_pack(journal, completed, run, tmp_path):
    _, review = completed
    code, out, _ = run("review", "export", "--review", str(review.id), "-o", str(tmp_path / "pack.md"))
    assert code == 0 and "4 reflections, 2 objectives" in out  # since the journal began
    text = (tmp_path / "pack.md").read_text()
    assert f'review: "{review.uid}"' in text and f"<!-- reflect:record review={review.uid} -->" in text
    assert "**Review:** agreed on 24/11/2026 with Alex Smith" in text and "01/10/2026 to 24/11/2026" in text
    assert "Weighed flour" in text and "Secret worry" not in text


def test_a_draft_review_cannot_be_exported_as_completed(journal, run):
    build(journal)
    draft = journal.reviews.save_draft(strengths="Kneading")
    code, _, err = run("review", "export", "--review", str(draft.id), "-o", "-")
    assert code == 2 and "still being prepared" in err and "Traceback" not in err


def test_record_round_trip_keeps_it_on_the_review(journal, completed, run, tmp_path):
    records, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    back = tmp_path / "back.md"
    back.write_bytes(fill_like_a_busy_mentor(pack.read_text()).encode())
    code, out, err = run("import-feedback", str(back))
    assert code == 0, err
    assert f"Kept the record of the meeting on review {review.id}: overall comments, 2 mentor's ratings, " \
           "2 agreed actions, next review 17/02/2027, 1 sign-off." in out
    record = journal.review_records.get(review.id)
    assert record.comments == "Sam has come on well.\n---\nKeep at the icing."
    assert record.ratings == {"decorating": 2, "kneading": 4}
    assert record.next_review == date(2027, 2, 17)
    mentor = [s for s in record.sign_off if s.who == "Mentor or employer"][0]
    assert (mentor.name, mentor.role, mentor.signed_on) == ("Alex Smith", "Head baker", date(2026, 11, 24))
    # The agreed actions became draft objectives, each once.
    drafts = [o.specific for o in journal.objectives.list() if o.status == "draft"]
    assert sorted(drafts) == ["Practise piping every Friday", "Read the hygiene guide"]
    run("import-feedback", str(back))
    assert len([o for o in journal.objectives.list() if o.status == "draft"]) == 2
    # It is shown on the review, the mentor's ratings beside the self-ratings.
    code, shown, _ = run("review", "show", str(review.id))
    assert "## Record of the meeting" in shown and "Sam has come on well." in shown
    assert "- Decorating: mentor 2 Starting; self 1 Not yet" in shown
    assert "- Practise piping every Friday  (objective " in shown
    code, data, _ = run("review", "show", str(review.id), "--json")
    assert json.loads(data)["record"]["ratings"] == {"decorating": 2, "kneading": 4}
    # Preparing the next review shows what was agreed and the mentor's ratings beside the latest.
    code, prepared, _ = run("review", "prepare", "--from", "25/11/2026", "--to", "30/11/2026")
    assert "## Record of the last review (24/11/2026)" in prepared
    assert "- Kneading: mentor 4 Confident; self 4 Confident" in prepared


def test_agreed_actions_can_become_feedback_actions(journal, completed, run, tmp_path):
    _, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    back = tmp_path / "back.md"
    back.write_text(fill_like_a_busy_mentor(pack.read_text()))
    before = len(journal.objectives.list())
    code, out, _ = run("import-feedback", "--actions-as", "feedback", str(back))
    assert code == 0 and "made a feedback action" in out
    actions = [fb.action for fb in journal.feedback.list() if fb.said.startswith("Agreed at the review")]
    assert sorted(actions) == ["Practise piping every Friday", "Read the hygiene guide"]
    assert len(journal.objectives.list()) == before
    run("import-feedback", "--actions-as", "feedback", str(back))  # again: nothing doubled
    assert len([fb for fb in journal.feedback.list() if fb.said.startswith("Agreed at the review")]) == 2


def test_a_dry_run_keeps_nothing(journal, completed, run, tmp_path):
    _, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    back = tmp_path / "back.md"
    back.write_text(fill_like_a_busy_mentor(pack.read_text()))
    code, out, _ = run("import-feedback", "--dry-run", str(back))
    assert code == 0 and out.startswith(f"Would keep the record of the meeting on review {review.id}")
    assert journal.review_records.get(review.id) is None
    assert not [o for o in journal.objectives.list() if o.status == "draft"]


def test_mentors_ratings_sit_beside_the_self_assessment_in_the_next_pack(journal, completed, run, tmp_path):
    _, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    back = tmp_path / "back.md"
    back.write_text(fill_like_a_busy_mentor(pack.read_text()))
    run("import-feedback", str(back))
    code, text, _ = run("review", "export", "--from", "25/11/2026", "--to", "30/11/2026", "-o", "-")
    table = text.split("## Self-assessment")[1].split("##")[0]
    assert "Mentor (24/11/2026)" in table
    kneading = [line for line in table.splitlines() if line.startswith("| Kneading")][0]
    assert [c.strip() for c in kneading.strip("|").split("|")][:5] == [
        "Kneading", "4 Confident", "2 Starting", "+2", "4 Confident"]


def test_the_last_reflections_comment_stops_before_the_appendix(journal, completed, run, tmp_path):
    records, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    text = pack.read_text()
    hint = f"<!-- reflect:comments entry={records.queue.uid} -->\n*Mentor: write your comments for this entry under this line.*\n"
    assert hint in text and text.index(hint) < text.index("## Appendix: criteria by unit") < text.index(
        "<!-- reflect:end -->") < text.index("<!-- reflect:record ")
    (tmp_path / "back.md").write_text(text.replace(hint, hint + "\nLovely smile.\n"))
    code, _, err = run("import-feedback", str(tmp_path / "back.md"))
    assert code == 0, err
    [comment] = [fb for fb in journal.feedback.list() if fb.entry_id == records.queue.id]
    assert comment.said == "Lovely smile."


def test_completing_offers_the_pack_and_a_period_cannot_be_given_with_a_review(journal, run):
    build(journal)
    code, out, _ = run("review", "complete", "--mentor", "Alex Smith", "--agreed", "24/11/2026")
    review = journal.reviews.last_completed()
    assert code == 0 and f"`reflect review export --review {review.id}`" in out
    code, _, err = run("review", "export", "--review", str(review.id), "--from", "1/11/2026", "-o", "-")
    assert code == 2 and "not both" in err and len(err.strip().splitlines()) == 1


def test_a_kept_record_is_written_back_into_the_pack_and_resending_changes_nothing(journal, completed, run, tmp_path):
    _, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    back = tmp_path / "back.md"
    back.write_text(fill_like_a_busy_mentor(pack.read_text()))
    run("import-feedback", str(back))
    first = journal.review_records.get(review.id)
    again = tmp_path / "again.md"
    run("review", "export", "--review", str(review.id), "-o", str(again))
    text = again.read_text()
    assert "Sam has come on well.\n---\nKeep at the icing." in text
    assert "- Practise piping every Friday\n- Read the hygiene guide\n" in text
    assert "Date: 17/02/2027" in text and "- Decorating (decorating): self 1 Not yet; mentor: 2" in text
    assert "- Mentor or employer: name: Alex Smith; role: Head baker; date: 24/11/2026" in text
    code, _, err = run("import-feedback", str(again))
    assert code == 0, err
    kept = journal.review_records.get(review.id)
    assert (kept.comments, kept.actions, kept.ratings, kept.next_review, kept.sign_off) == (
        first.comments, first.actions, first.ratings, first.next_review, first.sign_off)
    assert len([o for o in journal.objectives.list() if o.status == "draft"]) == 2


def test_the_printable_pack_of_a_reviewed_meeting_shows_its_record(journal, completed, run, tmp_path):
    _, review = completed
    pack = tmp_path / "pack.md"
    run("review", "export", "--review", str(review.id), "-o", str(pack))
    (tmp_path / "back.md").write_text(fill_like_a_busy_mentor(pack.read_text()))
    run("import-feedback", str(tmp_path / "back.md"))
    run("review", "export", "--review", str(review.id), "--html", "-o", str(tmp_path / "pack.html"))
    record = (tmp_path / "pack.html").read_text().split('<section class="record">')[1]
    assert '<div class="box comments">Sam has come on well.\n---\nKeep at the icing.</div>' in record
    assert "<li>Practise piping every Friday</li>" in record and '<div class="box next">17/02/2027</div>' in record
    assert '<td>Decorating</td><td>1 Not yet</td><td class="write">2 Starting</td>' in record
    assert '<td class="write">Head baker</td>' in record
