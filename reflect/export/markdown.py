"""Writing a journal (or part of it) as one Markdown file for mentors.

The file reads well anywhere (text editor, GitHub, Obsidian, a Markdown preview) and comes
back in losslessly with `reflect import`. The layout and its hidden markers are described in
:mod:`reflect.export.format`; bodies are placed by :mod:`reflect.export.body`.

Entries stream from the journal in batches, so exporting 100,000 of them keeps memory flat.
The caller chooses where the text goes (an atomic private file or stdout).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Callable, TextIO

from reflect.dates import format_long
from reflect.progress.evidence import read_snapshot
from reflect.export.plan import ExportPlan, plan_export
from reflect.export.rows import iter_rows
from reflect.export.entry_block import EM_DASH, EntryRenderer, render_entry
from reflect.export.format import (
    FORMAT_VERSION,
    MARK_END,
    front_matter,
    inline,
    table,
)
from reflect.entries.kinds import REFLECTION, describe_counts, kind_label
from reflect.entries.models import MODEL_NAMES, EntryFilter

if TYPE_CHECKING:
    from reflect.export.attachments import ExportedFile
    from reflect.journal import Journal
    from reflect.framework.standards import Framework

__all__ = ["export_markdown", "write_markdown", "default_file_name", "render_entry", "EntryRenderer"]

KIND = "reflections"
PROGRESS_EVERY = 1000


def export_markdown(journal: "Journal", framework: "Framework", out: TextIO,
                    filters: EntryFilter = EntryFilter(), *, include_private: bool = False,
                    progress: Callable[[int, int], None] | None = None, redact: bool = False) -> ExportPlan:
    """Write the entries ``filters`` select to ``out``; return what was written.

    Private entries are left out unless ``include_private``. ``progress(done, total)`` is
    called every :data:`PROGRESS_EVERY` entries.
    """
    with read_snapshot(journal):
        plan = plan_export(journal, framework, filters, include_private=include_private, redact=redact)
        write_markdown(journal, framework, out, plan, progress=progress)
    return plan


def write_markdown(journal: "Journal", framework: "Framework", out: TextIO, plan: ExportPlan, *,
                   progress: Callable[[int, int], None] | None = None,
                   files: "dict[str, list[ExportedFile]] | None" = None) -> None:
    """Write the export ``plan`` describes (made in the same read snapshot) to ``out``, linking
    the attached ``files`` (:mod:`reflect.export.attachments`) where they are written."""
    out.write(front_matter(_front_matter_data(plan, framework)))
    out.write(_header(plan, framework))
    written = write_entries(journal, framework, out, plan, progress=progress, files=files)
    out.write(MARK_END + "\n")
    if written != plan.entries:  # pragma: no cover - the snapshot makes this impossible
        raise RuntimeError(f"exported {written} entries, expected {plan.entries}")


def write_entries(journal: "Journal", framework: "Framework", out: TextIO, plan: ExportPlan, *,
                  markers: bool = True, progress: Callable[[int, int], None] | None = None,
                  files: "dict[str, list[ExportedFile]] | None" = None) -> int:
    """Write the entry blocks of ``plan`` to ``out``, oldest first; return how many."""
    render = EntryRenderer(framework, markers=markers, files=files).render
    written = 0
    for entry in iter_rows(journal, plan.filters, redact=plan.redact):
        out.write(render(entry))
        written += 1
        if progress and written % PROGRESS_EVERY == 0:
            progress(written, plan.entries)
    return written


def default_file_name(plan: ExportPlan, today: date) -> str:
    """``2026-11-24-reflections.md``, or ``2026-09-01-to-2026-11-24-reflections.md`` for a period."""
    if plan.filters.date_from or plan.filters.date_to:
        start, end = plan.period_from or today, plan.period_to or today
        return f"{start.isoformat()}-to-{end.isoformat()}-{KIND}.md"
    return f"{today.isoformat()}-{KIND}.md"


# -- the top of the file ----------------------------------------------------------------------


def _front_matter_data(plan: ExportPlan, framework: "Framework") -> dict:
    data = {
        "reflect_export": FORMAT_VERSION,
        "kind": KIND,
        "apprentice": plan.apprentice,
        "framework": {"id": framework.id, "title": framework.title},
        "period": {"from": plan.period_from, "to": plan.period_to},
        "generated": plan.generated,
        # How many private entries were left out is told to the person exporting, never
        # written in the file: the count alone would tell a reader they exist.
        "counts": {"entries": plan.entries, "private_included": plan.private_included,
                   "by_kind": dict(plan.kind_counts)},
    }
    if plan.filtered:
        data["filters"] = describe_filters(plan.filters, framework)
    return data


def describe_filters(filters: EntryFilter, framework: "Framework") -> str:
    """The non-date filters in words, e.g. ``meta-skill Focus; unit INSCS009``."""
    parts = []
    for sid in filters.skills:
        skill = framework.skill(sid)
        parts.append(f"meta-skill {skill.name if skill else sid}")
    parts += [f"unit {code}" for code in filters.units]
    parts += [f"criterion {cid}" for cid in filters.criteria]
    if filters.model:
        parts.append(f"model {MODEL_NAMES.get(filters.model, filters.model)}")
    if filters.kinds:
        parts.append(" or ".join(kind_label(kind) for kind in filters.kinds))
    if filters.text:
        parts.append(f'matching "{filters.text}"')
    return "; ".join(parts)


def _header(plan: ExportPlan, framework: "Framework") -> str:
    return header_lines(plan, framework)


def header_lines(plan: ExportPlan, framework: "Framework", *, markers: bool = True) -> str:
    """The top of an export: its title, facts and summary (and, with ``markers``, how a mentor
    writes comments in the file)."""
    title = "Reflective journal" + (f" {EM_DASH} {inline(plan.apprentice)}" if plan.apprentice.strip() else "")
    if plan.period_from and plan.period_to:
        period = f"{format_long(plan.period_from)} to {format_long(plan.period_to)}"
    else:
        period = "no entries"
    count = entries_count(plan)
    facts = [("Framework", inline(framework.title)), ("Period", period), ("Entries", count)]
    if set(plan.kind_counts) - {REFLECTION}:
        facts.append(("Evidence", describe_counts(plan.kind_counts)))
    if plan.filtered:
        facts.append(("Only entries with", inline(describe_filters(plan.filters, framework))))
    facts.append(("Generated", when(plan.generated)))
    lines = ["", f"# {title}", ""]
    lines += [f"- **{label}:** {value}" for label, value in facts]
    lines.append("")
    if markers:
        lines += ["Each entry ends with a place for mentor comments: write under its hint line, leave "
                  "the hidden reflect lines (they start with `<!--`) as they are, and send the file back.", ""]
    if plan.entries:
        lines += _summary(plan, framework)
    else:
        lines += ["*No reflections in this export.*", ""]
    return "\n".join(lines) + "\n"


def entries_count(plan: ExportPlan) -> str:
    """``42 entries`` (``(including 3 private entries)`` when asked for). Private entries left
    out are not counted here: this is written for someone else."""
    count = f"{plan.entries} {'entry' if plan.entries == 1 else 'entries'}"
    if plan.private_included:
        count += f" (including {_private(plan.private_included)})"
    return count


def when(stamp: str) -> str:
    """``2026-11-24T10:30:00Z`` as ``Tue 24 Nov 2026 at 10:30 UTC``."""
    moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return f"{format_long(moment.date())} at {moment:%H:%M} UTC"


def _private(n: int) -> str:
    return f"{n} private {'entry' if n == 1 else 'entries'}"


def _summary(plan: ExportPlan, framework: "Framework") -> list[str]:
    skills = [[inline(s.name), str(plan.skill_counts.get(s.id, 0))] for s in framework.meta_skills]
    units = [[inline(u.code), inline(u.title), f"{u.evidenced} of {u.total}", str(u.entries)]
             for u in plan.units]
    lines = ["## Summary", "", "Counts cover only the entries in this export.", "",
             "### Meta-skills", ""]
    lines += table(["Meta-skill", "Entries"], skills, right=(1,))
    if units:
        lines += ["", "### Units", ""]
        lines += table(["Unit", "Title", "Criteria evidenced", "Entries"], units, right=(2, 3))
    return lines + [""]
