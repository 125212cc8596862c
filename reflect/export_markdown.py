"""Writing a journal (or part of it) as one Markdown file for mentors.

The file reads well anywhere (text editor, GitHub, Obsidian, a Markdown preview) and comes
back in losslessly with `reflect import`. The layout and its hidden markers are described in
:mod:`reflect.markdown_format`; bodies are placed by :mod:`reflect.markdown_body`.

Entries stream from the journal in batches, so exporting 100,000 of them keeps memory flat.
The caller chooses where the text goes (an atomic private file or stdout).
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING, Callable, Iterator, TextIO

from reflect.dates import format_long
from reflect.export_plan import ExportPlan, plan_export
from reflect.export_rows import ExportRow, iter_rows
from reflect.markdown_body import layout_body
from reflect.markdown_format import (
    COMMENTS_HEADING,
    COMMENTS_HINT,
    FORMAT_VERSION,
    MARK_END,
    body_marker,
    comments_marker,
    entry_marker,
    front_matter,
    inline,
)
from reflect.models import MODEL_NAMES, Entry, EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.standards import Framework

KIND = "reflections"
PROGRESS_EVERY = 1000
EM_DASH = "\u2014"


def export_markdown(journal: "Journal", framework: "Framework", out: TextIO,
                    filters: EntryFilter = EntryFilter(), *, include_private: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> ExportPlan:
    """Write the entries ``filters`` select to ``out``; return what was written.

    Private entries are left out unless ``include_private``. ``progress(done, total)`` is
    called every :data:`PROGRESS_EVERY` entries.
    """
    with _snapshot(journal):
        plan = plan_export(journal, framework, filters, include_private=include_private)
        out.write(front_matter(_front_matter_data(plan, framework)))
        out.write(_header(plan, framework))
        renderer = EntryRenderer(framework)
        written = 0
        for entry in iter_rows(journal, plan.filters):
            out.write(renderer.render(entry))
            written += 1
            if progress and written % PROGRESS_EVERY == 0:
                progress(written, plan.entries)
        out.write(MARK_END + "\n")
    if written != plan.entries:  # pragma: no cover - the snapshot makes this impossible
        raise RuntimeError(f"exported {written} entries, expected {plan.entries}")
    return plan


@contextmanager
def _snapshot(journal: "Journal") -> Iterator[None]:
    """One read transaction, so the counts at the top match the entries below them even if
    the app saves an entry meanwhile."""
    conn = journal.db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")


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
        "counts": {"entries": plan.entries, "private_left_out": plan.private_left_out,
                   "private_included": plan.private_included},
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
    if filters.text:
        parts.append(f'matching "{filters.text}"')
    return "; ".join(parts)


def _header(plan: ExportPlan, framework: "Framework") -> str:
    title = "Reflective journal" + (f" {EM_DASH} {inline(plan.apprentice)}" if plan.apprentice.strip() else "")
    if plan.period_from and plan.period_to:
        period = f"{format_long(plan.period_from)} to {format_long(plan.period_to)}"
    else:
        period = "no entries"
    count = f"{plan.entries} {'entry' if plan.entries == 1 else 'entries'}"
    if plan.private_left_out:
        count += f" ({_private(plan.private_left_out)} left out)"
    elif plan.private_included:
        count += f" (including {_private(plan.private_included)})"
    facts = [("Framework", inline(framework.title)), ("Period", period), ("Entries", count)]
    if plan.filtered:
        facts.append(("Only entries with", inline(describe_filters(plan.filters, framework))))
    facts.append(("Generated", _when(plan.generated)))
    lines = ["", f"# {title}", ""]
    lines += [f"- **{label}:** {value}" for label, value in facts]
    lines += ["", "Each entry ends with a place for mentor comments: write under its hint line, leave "
              "the hidden reflect lines (they start with `<!--`) as they are, and send the file back.", ""]
    if plan.entries:
        lines += _summary(plan, framework)
    else:
        lines += ["*No reflections in this export.*", ""]
    return "\n".join(lines) + "\n"


def _when(stamp: str) -> str:
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
    lines += _table(["Meta-skill", "Entries"], skills, right=(1,))
    if units:
        lines += ["", "### Units", ""]
        lines += _table(["Unit", "Title", "Criteria evidenced", "Entries"], units, right=(2, 3))
    return lines + [""]


def _table(head: list[str], rows: list[list[str]], right: tuple[int, ...] = ()) -> list[str]:
    """A pipe table padded into columns, so it reads as a table in a text editor too."""
    widths = [max(len(r[i]) for r in [head, *rows] + [["---"] * len(head)]) for i in range(len(head))]

    def line(cells):
        padded = [c.rjust(w) if i in right else c.ljust(w) for i, (c, w) in enumerate(zip(cells, widths))]
        return "| " + " | ".join(padded) + " |"

    rule = "| " + " | ".join(("-" * (w - 1) + ":") if i in right else "-" * w for i, w in enumerate(widths)) + " |"
    return [line(head), rule, *(line(r) for r in rows)]


# -- one entry ----------------------------------------------------------------------------------


def render_entry(entry: "Entry | ExportRow", framework: "Framework") -> str:
    """One entry: hidden data, heading, details for people, the body and the comment place."""
    return EntryRenderer(framework).render(entry)


class EntryRenderer:
    """Renders entries for one export, remembering the framework's names as it goes (an
    export of 100,000 entries names the same few criteria over and over)."""

    def __init__(self, framework: "Framework"):
        self.framework = framework
        self._order = {s.id: i for i, s in enumerate(framework.meta_skills)}
        self._skill_names = {s.id: inline(s.name) for s in framework.meta_skills}
        self._criterion_lines: dict[str, str] = {}
        self._skills_lines: dict[tuple[str, ...], str] = {}

    def render(self, entry: "Entry | ExportRow") -> str:
        text, layout = layout_body(entry.body)
        body = f"{text}\n\n" if layout.lines else "\n"
        return (f"{entry_marker(_entry_data(entry))}\n\n"
                f"## {format_long(entry.day)} {EM_DASH} {inline(entry.title)}\n\n"
                f"{self._details(entry)}\n\n"
                f"{body_marker(layout.to_json())}\n\n"
                f"{body}"
                f"{COMMENTS_HEADING}\n{comments_marker(entry.uid)}\n{COMMENTS_HINT}\n\n")

    def _details(self, entry: "Entry | ExportRow") -> str:
        """The list of details people read: meta-skills, criteria in full, model, ..."""
        lines = [self._skills_line(entry.skills)]
        if entry.criteria:
            lines.append("- **Criteria:**")
            lines += [self._criterion_line(cid) for cid in entry.criteria]
        else:
            lines.append("- **Criteria:** none")
        if entry.model != "none":
            lines.append(f"- **Model:** {inline(MODEL_NAMES.get(entry.model, entry.model))}")
        if entry.confidence is not None:
            lines.append(f"- **Confidence:** {entry.confidence} out of 5")
        if entry.minutes is not None:
            lines.append(f"- **Time spent:** {_duration(entry.minutes)}")
        if entry.private:
            lines.append("- **Private:** yes")
        return "\n".join(lines)

    def _skills_line(self, skills: tuple[str, ...]) -> str:
        line = self._skills_lines.get(skills)
        if line is None:
            # Framework order; ids the framework lacks go last.
            ordered = sorted(skills, key=lambda s: (self._order.get(s, len(self._order)), s))
            names = [self._skill_names.get(s) or f"{inline(s)} (unknown meta-skill)" for s in ordered]
            line = self._skills_lines[skills] = f"- **Meta-skills:** {', '.join(names) or 'none'}"
        return line

    def _criterion_line(self, cid: str) -> str:
        line = self._criterion_lines.get(cid)
        if line is None:
            criterion = self.framework.criterion(cid)
            text = inline(criterion.text) if criterion else "unknown criterion"
            line = self._criterion_lines[cid] = f"  - {inline(cid)} {EM_DASH} {text}"
        return line


def _entry_data(entry: "Entry | ExportRow") -> dict:
    data: dict = {"uid": entry.uid, "date": entry.day.isoformat(), "title": entry.title}
    if entry.skills:
        data["skills"] = list(entry.skills)
    if entry.criteria:
        data["criteria"] = list(entry.criteria)
    if entry.model != "none":
        data["model"] = entry.model
    if entry.private:
        data["private"] = True
    if entry.confidence is not None:
        data["confidence"] = entry.confidence
    if entry.minutes is not None:
        data["minutes"] = entry.minutes
    data["created_at"] = entry.created_at
    return data


def _duration(minutes: int) -> str:
    hours, mins = divmod(minutes, 60)
    if not hours:
        return f"{mins} min"
    return f"{hours} h" + (f" {mins} min" if mins else "")
