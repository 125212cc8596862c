"""The review pack in Markdown: its sections, numbers you can check, privacy, and that
`reflect import` still reads its reflections."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reflect.importers.entry_fields import new_entry
from reflect.importers.common import add_entries
from reflect.export.format import OBJECTIVE_COMMENTS_HINT, parse_front_matter
from reflect.export.pack import export_review_pack
from tests.export.conftest import read_text
from tests.export.pack_journal import END, PRIVATE_BODY, PRIVATE_TITLE, START, build


@pytest.fixture
def records(journal):
    return build(journal)


def pack_text(journal, framework, **options) -> str:
    out = io.StringIO(newline="")
    export_review_pack(journal, framework, out, start=START, end=END, **options)
    return out.getvalue()


@pytest.fixture
def pack(journal, tiny_framework, records) -> str:
    return pack_text(journal, tiny_framework)


def section(text: str, title: str) -> str:
    """The lines under ``## title`` (or ``# title``) up to the next heading of that level or higher."""
    match = re.search(rf"^(#+) {re.escape(title)}\n(.*?)(?=^#{{1,{2}}} |\Z)", text, re.S | re.M)
    assert match, f"no section {title!r}"
    return match.group(2)


def rows(table_text: str) -> list[list[str]]:
    """The body rows of the first pipe table in ``table_text``, cells stripped."""
    lines = [line for line in table_text.splitlines() if line.startswith("|")]
    return [[c.strip() for c in line.strip("|").split(" | ")] for line in lines[2:]]


# -- structure ------------------------------------------------------------------------------


def heading_tree(text: str) -> list[tuple[int, str]]:
    """Top-level headings as a viewer with front matter support shows them: (level, text)."""
    tokens = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).parse(text)
    return [(int(t.tag[1]), "".join(c.content for c in tokens[i + 1].children or []))
            for i, t in enumerate(tokens) if t.type == "heading_open" and t.level == 0]


def test_pack_parses_into_the_expected_heading_tree(pack):
    tree = heading_tree(pack)
    assert tree[0] == (1, "Review pack — Sam Baker: 01/11/2026 to 24/11/2026")
    # Page one is the brief: it comes first, before any detail.
    assert tree[1] == (2, "Brief")
    assert [t for level, t in tree[2:7] if level == 3] == [
        "Objectives (2)", "Loose ends (3)", "Progress per unit", "The apprentice's notes and questions"]
    assert [title for level, title in tree if level <= 2 and title != "Brief"][:6] == [
        "Review pack — Sam Baker: 01/11/2026 to 24/11/2026", "Self-assessment", "SMART objectives",
        "Feedback and actions", "Mandatory training", "Reflections of the period"]
    objectives = [title for level, title in tree if level == 3 and title.startswith("Objective ")]
    assert objectives == ["Objective 2: Pipe a neat border on ten cakes", "Objective 1: Weigh every batch to the gram"]
    reflections = tree[tree.index((1, "Reflections of the period")) + 1:]
    assert [t for level, t in reflections if level == 2][:3] == [
        "Mon 2 Nov 2026 — Weighed flour", "Tue 10 Nov 2026 — Kneaded dough", "Fri 20 Nov 2026 — Served a queue"]
    # After the reflections: the appendix, then the record of the meeting last.
    tail = [(level, t) for level, t in reflections if level <= 2 and " — " not in t]
    assert tail == [(2, "Appendix: criteria by unit"), (2, "Appendix: meta-skills"),
                    (1, "Record of the review meeting"), (2, "Overall comments"), (2, "Agreed actions"),
                    (2, "Next review date"), (2, "The mentor's ratings"), (2, "Sign-off")]


def test_front_matter_says_what_the_pack_is(pack):
    data = parse_front_matter(pack.split("---\n")[1].splitlines(keepends=True))
    assert data["kind"] == "review-pack" and data["reflect_export"] == 1
    assert data["apprentice"] == "Sam Baker"
    assert data["period"] == {"from": "2026-11-01", "to": "2026-11-24"}
    assert data["counts"] == {"entries": 3, "private_included": 0, "objectives": 2}


def test_every_objective_has_a_comment_place(pack, records):
    for objective in (records.weigh, records.ice):
        assert f"#### Mentor comments\n<!-- reflect:comments objective={objective.uid} -->\n" \
               f"{OBJECTIVE_COMMENTS_HINT}\n" in pack


def test_reflections_of_the_pack_import_back(pack, journal, tmp_path):
    from reflect.journal import open_journal

    reader, items = read_text(pack, "pack.md")
    assert [i.data["title"] for i in items] == ["Weighed flour", "Kneaded dough", "Served a queue"]
    with open_journal(tmp_path / "other.db") as other:
        result = add_entries(other, (new_entry(i, "pack.md") for i in items))
        assert result.added == 3
        assert other.entries.get_by_uid(items[1].uid).body == "# What happened\n\nTen minutes of kneading.\n"


# -- numbers you can check --------------------------------------------------------------------


def test_brief_gives_each_objective_a_state_at_a_glance(pack):
    brief = section(pack, "Brief")
    assert "**Reflections:** 3 reflections ·" in brief and "private" not in brief
    assert rows(brief.split("### Objectives (2)")[1]) == [
        ["2", "Pipe a neat border on ten cakes", "**overdue** (due 20/11/2026)", "agreed 03/11/2026"],
        ["1", "Weigh every batch to the gram", "**at risk**: 1 activity overdue (due 20/12/2026)",
         "agreed 03/11/2026; 1 reflection; 1 activity done"]]


def test_brief_names_every_loose_end(pack):
    ends = pack.split("### Loose ends (3)\n\n")[1].split("\n\n")[0].splitlines()
    assert ends == [
        "- **Objective past its deadline:** 2: Pipe a neat border on ten cakes (deadline 20/11/2026)",
        "- **Activity overdue:** Read the scales manual (due 10/11/2026; for objective 1: Weigh every batch to "
        "the gram)",
        "- **Mandatory training overdue:** Food hygiene (overdue since 01/11/2026)"]


def test_brief_names_feedback_with_no_action_and_who_gave_it(journal, tiny_framework, records):
    journal.feedback.add(received_on=date(2026, 11, 21), source_kind="mentor", source_name="Alex",
                         said="Try the rye next")
    text = pack_text(journal, tiny_framework)
    assert "- **Feedback with no action yet:** Alex (mentor), 21/11/2026: \u201cTry the rye next\u201d" in text


def test_progress_per_unit_is_cumulative_and_says_what_the_period_added(pack):
    progress = pack.split("### Progress per unit\n\n")[1].split("###")[0]
    # BAKE01.K1 was evidenced before the period (the old loaf, 1 Oct): it counts, but not as new.
    assert "Overall: 4 of 5, +3 this period." in progress
    assert "- **BAKE01** Bake bread (mandatory): 3 of 3, +2 this period" in progress
    assert "- **SERVE02** Serve at the counter (optional): 1 of 2, +1 this period" in progress
    assert "none yet for Decorating; rated low with no active objective: Decorating (1 Not yet)." in progress


def test_self_assessment_table_shows_the_change_since_last_time(pack):
    table = rows(section(pack, "Self-assessment"))
    assert table == [
        ["Kneading", "4 Confident", "2 Starting", "+2", "strength", "Much firmer now."],
        ["Decorating", "1 Not yet", "not rated", "new", "to improve", "—"],
        ["Patience", "3 Developing", "3 Developing", "same", "—", "—"],
    ]


def test_objective_shows_status_evidence_and_activities(pack):
    block = pack.split("### Objective 1: Weigh every batch to the gram")[1].split("#### Mentor comments")[0]
    assert "**Agreed** (at risk: 1 activity overdue) · deadline 20/12/2026 · set 03/11/2026, agreed with " \
           "Alex Smith 03/11/2026" in block
    assert "- **Evidence in this pack:** 02/11/2026 Weighed flour\n" in block
    assert "\\[x\\] Practise with the scales (Practice, done 05/11/2026)" in block
    assert "\\[ \\] Read the scales manual (Reading, due 10/11/2026) **overdue**" in block
    overdue = pack.split("### Objective 2: Pipe a neat border on ten cakes")[1].split("####")[0]
    assert "**Agreed** (overdue) · deadline 20/11/2026" in overdue


def test_feedback_and_training_tables(pack):
    assert rows(section(pack, "Feedback and actions")) == [
        ["12/11/2026", "Manager (Pat)", "Good weighing *(on 02/11/2026 — Weighed flour)*", "Keep it up",
         "not done yet"]]
    assert rows(section(pack, "Mandatory training")) == [
        ["Fire safety", "—", "30/11/2026", "completed 03/11/2026", "FS-1"],
        ["Food hygiene", "Council", "01/11/2026", "to do **overdue**", "—"]]


def test_appendix_lists_only_new_evidence_and_gaps(pack):
    appendix = section(pack, "Appendix: criteria by unit")
    assert "**Overall:** 4 of 5 criteria have evidence." in appendix
    bake = appendix.split("### BAKE01 — Bake bread")[1].split("###")[0]
    assert "Mandatory unit: 3 of 3 with evidence, 2 new this period." in bake
    # K1 has evidence from before the period only: no row for it, and it is not a gap.
    assert rows(bake) == [["P1", "weigh the ingredients accurately", "2 reflections; new", "10/11/2026"],
                          ["P2", "knead the dough for the right time", "1 reflection; new", "10/11/2026"]]
    assert "**Every criterion has evidence.**" in bake
    serve = appendix.split("### SERVE02 — Serve at the counter")[1]
    assert rows(serve) == [["P1", "greet every customer", "1 reflection; new", "20/11/2026"]]
    assert "**No evidence yet (1):** K1." in serve
    assert "ICE03" not in appendix  # cited only by the private entry


def test_appendix_meta_skills_count_so_far_and_this_period(pack):
    table = rows(section(pack, "Appendix: meta-skills"))
    assert table == [["Kneading", "3", "2", "10/11/2026", "4 Confident"],
                     ["Decorating", "0", "—", "—", "1 Not yet (low, no active objective)"],
                     ["Patience", "2", "2", "20/11/2026", "3 Developing"]]


def test_criterion_labels_run_in_natural_order():
    from reflect.export.entry_block import natural_order
    from reflect.export.pack_coverage import label_ranges

    assert natural_order(["U.P11", "U.P5", "U.K2", "U.P1"]) == ["U.K2", "U.P1", "U.P5", "U.P11"]
    assert label_ranges(["P1", "P2", "P3", "P5", "P11", "P12", "K1", "K2", "X"]) == "P1–P3, P5, P11–P12, K1–K2, X"


def test_mentor_facing_words_only(pack):
    for phrase in ("You have chosen", "you have chosen", "Balance", "balance across", "Rate your meta-skills"):
        assert phrase not in pack


def test_one_date_style_in_the_review_part(pack):
    review_part = pack.split("# Reflections of the period")[0] + pack.split("<!-- reflect:end -->")[1]
    assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]{2} \d{4}", review_part)
    assert re.search(r"\b\d{2}/\d{2}/\d{4}\b", review_part)


def test_training_completed_before_the_period_and_late_are_shown(journal, tiny_framework, records):
    journal.training.add(name="Manual handling", due=date(2026, 10, 1), completed_on=date(2026, 10, 15))
    table = rows(section(pack_text(journal, tiny_framework), "Mandatory training"))
    assert ["Manual handling", "—", "01/10/2026", "completed 15/10/2026 (before the period), **late** "
            "(due 01/10/2026)", "—"] in table


# -- private stays private ----------------------------------------------------------------------


def test_private_reflections_are_left_out_and_counted(pack, records):
    assert PRIVATE_TITLE not in pack and PRIVATE_BODY not in pack
    assert records.secret.uid not in pack
    assert "Decorating" in pack  # the skill is named (it is the framework's), but counts 0
    assert "3 reflections" in pack and "left out" not in pack  # not even counted


def test_private_reflections_come_in_with_the_flag(journal, tiny_framework, records):
    text = pack_text(journal, tiny_framework, include_private=True)
    assert PRIVATE_TITLE in text and PRIVATE_BODY in text
    assert "4 reflections (including 1 private reflection)" in text
    assert "**Evidence in units not chosen:** ICE03 1 criterion." in text  # cited only by the private entry
    assert "15/11/2026 Secret worry" in text  # evidence for objective 1


def test_pack_for_a_period_with_nothing_in_it(journal, tiny_framework):
    out = io.StringIO()
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    text = out.getvalue()
    assert "*No reflections in this period.*" in text
    assert "*No objectives open or changed in this period.*" in text
    reader, items = read_text(text)
    assert items == [] and text.endswith("<!-- reflect:record-end -->\n")


def test_user_text_cannot_change_the_structure(journal, tiny_framework, records):
    journal.objectives.update(records.ice.id, specific="# Not a heading | not a cell <b>")
    journal.feedback.add(received_on=END, source_kind="mentor", said="line one\n## not a heading\n| x |")
    text = pack_text(journal, tiny_framework)
    titles = [t for _, t in heading_tree(text)]
    assert "not a heading" not in titles
    assert "Objective 2: # Not a heading | not a cell <b>" in titles
