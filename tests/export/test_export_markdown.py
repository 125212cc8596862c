"""The Markdown export as mentors see it: structure, details, privacy, coverage counts."""

from __future__ import annotations

from datetime import date

import pytest
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from reflect.export.markdown import default_file_name
from reflect.export.plan import plan_export
from reflect.export.format import COMMENTS_HINT, MARK_END, parse_front_matter
from reflect.entries.models import EntryFilter
from tests.export.conftest import export_text


def viewer():
    """How a Markdown viewer with front matter support (GitHub, Obsidian) reads the file."""
    return MarkdownIt("commonmark").enable("table").use(front_matter_plugin)


def heading_tree(text: str) -> list[tuple[int, str]]:
    tokens = viewer().parse(text)
    return [(int(t.tag[1]), tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


def front(text: str) -> dict:
    token = viewer().parse(text)[0]
    assert token.type == "front_matter"
    return parse_front_matter(token.content.splitlines())


def test_heading_tree_nests_bodies_under_their_entries(journal, framework, add):
    journal.settings.set("apprentice_name", "Jamie Reid")
    add("Calmed an angry customer", day=date(2026, 11, 24), body="# What happened\n\nShouting.\n\n## Why\n\nLate.\n")
    add("Stock count", day=date(2026, 11, 2), body="Counted.\n")
    assert heading_tree(export_text(journal, framework)) == [
        (1, "Reflective journal — Jamie Reid"),
        (2, "Summary"), (3, "Meta-skills"), (3, "Units"),
        (2, "Mon 2 Nov 2026 — Stock count"), (3, "Mentor comments"),
        (2, "Tue 24 Nov 2026 — Calmed an angry customer"),
        (3, "What happened"), (4, "Why"), (3, "Mentor comments"),
    ]


def test_front_matter_says_who_what_when_and_how_many(journal, framework, add):
    journal.settings.set("apprentice_name", "Jamie Reid")
    add("First", day=date(2026, 9, 1))
    add("Last", day=date(2026, 11, 20))
    add("Secret", day=date(2026, 10, 1), private=True)
    data = front(export_text(journal, framework))
    assert data["apprentice"] == "Jamie Reid"
    assert data["framework"] == {"id": framework.id, "title": framework.title}
    assert data["period"] == {"from": "2026-09-01", "to": "2026-11-20"}
    assert data["generated"] == "2026-11-24T10:30:00Z"
    assert data["counts"] == {"entries": 2, "private_included": 0, "by_kind": {"reflection": 2}}


def test_period_is_the_one_asked_for(journal, framework, add):
    add("In", day=date(2026, 10, 5))
    text = export_text(journal, framework, EntryFilter(date_from=date(2026, 10, 1), date_to=date(2026, 10, 31)))
    assert front(text)["period"] == {"from": "2026-10-01", "to": "2026-10-31"}
    assert "- **Period:** Thu 1 Oct 2026 to Sat 31 Oct 2026" in text


def test_entry_details_name_skills_and_criteria_in_full(journal, framework, add):
    add("Refund", skills=["integrity", "focus"], criteria=["INSCS009.P2"], model="star", confidence=4, minutes=90)
    text = export_text(journal, framework)
    assert "- **Meta-skills:** Focus, Integrity\n" in text
    assert ("  - INSCS009.P2 — observe and listen to your customers for signs that will help you "
            "personalise their service\n") in text
    assert "- **Model:** STAR (Situation, Task, Action, Result)\n" in text
    assert "- **Confidence:** 4 out of 5\n" in text
    assert "- **Time spent:** 1 h 30 min\n" in text


def test_unknown_ids_are_shown_as_unknown(journal, framework, add):
    add("Old tags", skills=["telepathy"], criteria=["OLD01.P9"])
    text = export_text(journal, framework)
    assert "- **Meta-skills:** telepathy (unknown meta-skill)\n" in text
    assert "  - OLD01.P9 — unknown criterion\n" in text


def test_every_entry_has_a_marked_comment_place(journal, framework, add):
    entry = add("Anything")
    text = export_text(journal, framework)
    assert f"### Mentor comments\n<!-- reflect:comments entry={entry.uid} -->\n{COMMENTS_HINT}\n" in text
    assert text.endswith(MARK_END + "\n")


def test_titles_are_literal_text(journal, framework, add):
    add("*Not* <b>bold</b> [link](x) `code` #")
    tree = heading_tree(export_text(journal, framework))
    assert (2, "Tue 24 Nov 2026 — *Not* <b>bold</b> [link](x) `code` #") in [
        (level, viewer().renderInline(content).replace("&lt;", "<").replace("&gt;", ">"))
        for level, content in tree]


def test_hidden_markers_are_hidden_when_rendered(journal, framework, add):
    add("Shown", body="Body text.\n")
    html = viewer().render(export_text(journal, framework))
    assert "reflect:" not in html.replace("<!-- reflect:", "")  # only inside HTML comments
    assert "<p>Body text.</p>" in html


def test_body_html_and_fences_do_not_swallow_the_next_entry(journal, framework, add):
    add("Open fence", day=date(2026, 11, 1), body="```\nnever closed\n")
    add("Open comment", day=date(2026, 11, 2), body="<!-- never closed\n")
    add("After", day=date(2026, 11, 3))
    tree = heading_tree(export_text(journal, framework))
    assert (2, "Tue 3 Nov 2026 — After") in tree
    assert tree.count((3, "Mentor comments")) == 3


# -- privacy -------------------------------------------------------------------------------


def test_private_entries_are_left_out_by_default(journal, framework, add):
    add("Open", body="shared")
    add("Diary", body="my secret", private=True)
    text = export_text(journal, framework)
    assert "my secret" not in text and "Diary" not in text
    assert "- **Entries:** 1 entry\n" in text and "left out" not in text  # not even counted


def test_private_entries_come_in_when_asked(journal, framework, add):
    add("Diary", body="my secret", private=True)
    text = export_text(journal, framework, include_private=True)
    assert "my secret" in text
    assert "- **Private:** yes" in text
    assert front(text)["counts"] == {"entries": 1, "private_included": 1, "by_kind": {"reflection": 1}}


def test_coverage_counts_only_exported_entries(journal, framework, add):
    add("Open", skills=["focus"], criteria=["INSCS009.P1"])
    add("Diary", skills=["focus", "feeling"], criteria=["INSCS009.P2"], private=True)
    plan = plan_export(journal, framework)
    assert plan.skill_counts == {"focus": 1}
    inscs009 = next(u for u in plan.units if u.code == "INSCS009")
    assert (inscs009.evidenced, inscs009.entries) == (1, 1)
    text = export_text(journal, framework)
    assert "| Feeling           |       0 |" in text


def test_coverage_with_private_included_counts_them(journal, framework, add):
    add("Diary", skills=["feeling"], private=True)
    assert plan_export(journal, framework, include_private=True).skill_counts == {"feeling": 1}


def test_filters_narrow_the_export_and_are_named(journal, framework, add):
    add("Focused", skills=["focus"])
    add("Other", skills=["feeling"])
    text = export_text(journal, framework, EntryFilter(skills=("focus",)))
    assert "Focused" in text and "— Other" not in text
    assert front(text)["filters"] == "meta-skill Focus"


def test_empty_export_is_still_a_valid_file(journal, framework):
    text = export_text(journal, framework)
    assert front(text)["counts"]["entries"] == 0
    assert "*No reflections in this export.*" in text


def test_trashed_entries_are_not_exported(journal, framework, add):
    entry = add("Binned")
    journal.entries.delete(entry.id)
    assert "Binned" not in export_text(journal, framework)


def test_tiny_framework_export_uses_its_names(journal, tiny_framework, add):
    add("Loaves", skills=["kneading"], criteria=["BAKE01.P2"])
    text = export_text(journal, tiny_framework)
    assert "- **Meta-skills:** Kneading" in text
    assert "  - BAKE01.P2 — knead the dough for the right time" in text
    assert front(text)["framework"]["id"] == "tiny-bakery"


@pytest.mark.parametrize("filters, name", [
    (EntryFilter(), "2026-11-24-reflections.md"),
    (EntryFilter(date_from=date(2026, 9, 1)), "2026-09-01-to-2026-10-10-reflections.md"),
    (EntryFilter(date_to=date(2026, 12, 31)), "2026-10-10-to-2026-12-31-reflections.md"),
])
def test_default_file_names(journal, framework, add, filters, name):
    add("Only", day=date(2026, 10, 10))
    assert default_file_name(plan_export(journal, framework, filters), date(2026, 11, 24)) == name


def test_entry_saved_during_an_export_does_not_break_its_counts(journal, framework, add, journal_path):
    import io

    from reflect.export.markdown import export_markdown
    from reflect.journal import open_journal

    add("Before", day=date(2026, 1, 1))

    class SavesMidway(io.StringIO):
        """Another window saves an entry while the export is being written."""

        saved = False

        def write(self, text):
            if not self.saved:  # after the counts, before the entries are read
                with open_journal(journal_path) as other:
                    other.entries.add(day=date(2026, 1, 2), title="Saved meanwhile")
                self.saved = True
            return super().write(text)

    out = SavesMidway()
    export_markdown(journal, framework, out)
    assert out.saved and "Saved meanwhile" not in out.getvalue()
    assert front(out.getvalue())["counts"]["entries"] == 1
