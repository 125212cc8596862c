"""The review pack in Markdown: its sections, numbers you can check, privacy, and that
`reflect import` still reads its reflections."""

from __future__ import annotations

import io
import re

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reflect.importers.markdown import new_entry
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
    assert tree[0] == (1, "Review pack — Sam Baker: Sun 1 Nov 2026 to Tue 24 Nov 2026")
    assert [title for level, title in tree if level == 2][:9] == [
        "Summary", "Self-assessment", "SMART objectives", "Development activities", "Feedback and actions",
        "Mandatory training", "Criteria coverage", "Meta-skill coverage", "Gaps"]
    assert (1, "Reflections of the period") in tree
    objectives = [title for level, title in tree if level == 3 and title.startswith("Objective")]
    assert objectives == ["Objective 2: Pipe a neat border on ten cakes", "Objective 1: Weigh every batch to the gram"]
    reflections = tree[tree.index((1, "Reflections of the period")) + 1:]
    assert [t for level, t in reflections if level == 2] == [
        "Mon 2 Nov 2026 — Weighed flour", "Tue 10 Nov 2026 — Kneaded dough", "Fri 20 Nov 2026 — Served a queue"]


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


def test_summary_counts(pack):
    summary = section(pack, "Summary")
    assert "- **Reflections:** 3 reflections\n" in summary and "private" not in summary
    assert "- **Meta-skills reflected on:** 2 of 3" in summary
    assert "- **Criteria evidenced by these reflections:** 3 of 5 (60%)" in summary
    assert "- **Objectives:** 2 open or changed in the period: 2 agreed; 1 past its deadline" in summary
    assert "- **Development activities:** 1 done in the period, 1 overdue" in summary
    assert "- **Mandatory training:** 1 completed in the period, 1 to do (1 overdue)" in summary


def test_self_assessment_table_shows_the_change_since_last_time(pack):
    table = rows(section(pack, "Self-assessment"))
    assert table == [
        ["Kneading", "4 Confident", "2 Starting", "+2", "strength", "Much firmer now."],
        ["Decorating", "1 Not yet", "not rated", "new", "to improve", "—"],
        ["Patience", "3 Developing", "3 Developing", "same", "—", "—"],
    ]


def test_objective_shows_status_evidence_and_activities(pack):
    block = pack.split("### Objective 1: Weigh every batch to the gram")[1].split("#### Mentor comments")[0]
    assert "- **Status:** Agreed" in block
    assert "- **Evidence in this pack:**\n  - Mon 2 Nov 2026 — Weighed flour\n" in block
    assert "\\[x\\] Practise with the scales (Practice, done 05/11/2026)" in block
    assert "\\[ \\] Read the scales manual (Reading, due 10/11/2026) **overdue**" in block
    overdue = pack.split("### Objective 2: Pipe a neat border on ten cakes")[1].split("####")[0]
    assert "- **Status:** Agreed (past its deadline)" in overdue


def test_feedback_and_training_tables(pack):
    assert rows(section(pack, "Feedback and actions")) == [
        ["12/11/2026", "Manager (Pat)", "Good weighing *(on 02/11/2026 — Weighed flour)*", "Keep it up",
         "not done yet"]]
    assert rows(section(pack, "Mandatory training")) == [
        ["Fire safety", "—", "30/11/2026", "completed 03/11/2026", "FS-1"],
        ["Food hygiene", "Council", "01/11/2026", "to do **overdue**", "—"]]


def test_criteria_coverage_per_unit_counts_only_the_pack(pack):
    coverage = section(pack, "Criteria coverage")
    assert "**Overall:** 3 of 5 criteria evidenced (60%): performance 3 of 3, knowledge 0 of 2." in coverage
    bake = coverage.split("### BAKE01 — Bake bread")[1].split("###")[0]
    assert "2 of 3 evidenced (66%)" in bake
    assert rows(bake) == [["BAKE01.P1", "weigh the ingredients accurately", "2", "10/11/2026", "evidenced"],
                          ["BAKE01.P2", "knead the dough for the right time", "1", "10/11/2026", "evidenced"],
                          ["BAKE01.K1", "why dough must rest", "0", "—", "**gap**"]]
    # ICE03 (not chosen) is cited only by the private entry.
    assert "ICE03" not in coverage


def test_meta_skill_coverage(pack):
    table = rows(section(pack, "Meta-skill coverage"))
    assert [r[:6] for r in table] == [
        ["Kneading", "Working with your hands", "2", "50%", "10/11/2026", "evidenced"],
        ["Decorating", "Working with your hands", "0", "0%", "—", "**gap**"],
        ["Patience", "Working with people", "2", "50%", "20/11/2026", "evidenced"]]
    assert table[1][6] == "1 Not yet **(low, no active objective)**"


def test_gaps_list_units_skills_and_loose_ends(pack):
    gaps = section(pack, "Gaps")
    assert "- BAKE01 Bake bread: 1 of 3 criteria with no evidence" in gaps
    assert "- Decorating: no reflections in this pack; rated 1 of 5 with no active objective" in gaps
    assert "- Activity overdue: Read the scales manual (due 10/11/2026)" in gaps
    assert "- Objective past its deadline: Pipe a neat border on ten cakes (deadline 20/11/2026)" in gaps
    assert "- Mandatory training not done: Food hygiene (due 01/11/2026)" in gaps


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
    assert "**Overall:** 4 of 5 criteria evidenced (80%)" in text
    assert "- ICE03: 1 criterion" in text  # cited only by the private entry
    assert "  - Sun 15 Nov 2026 — Secret worry" in text  # evidence for objective 1


def test_pack_for_a_period_with_nothing_in_it(journal, tiny_framework):
    out = io.StringIO()
    export_review_pack(journal, tiny_framework, out, start=START, end=END)
    text = out.getvalue()
    assert "*No reflections in this period.*" in text
    assert "*No objectives open or changed in this period.*" in text
    reader, items = read_text(text)
    assert items == [] and text.endswith("<!-- reflect:end -->\n")


def test_user_text_cannot_change_the_structure(journal, tiny_framework, records):
    journal.objectives.update(records.ice.id, specific="# Not a heading | not a cell <b>")
    journal.feedback.add(received_on=END, source_kind="mentor", said="line one\n## not a heading\n| x |")
    text = pack_text(journal, tiny_framework)
    titles = [t for _, t in heading_tree(text)]
    assert "not a heading" not in titles
    assert "Objective 2: # Not a heading | not a cell <b>" in titles
