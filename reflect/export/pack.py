"""The review pack: one file a mentor reads before a performance review.

It holds the summary, the self-assessment against the previous one, the SMART objectives
(status, evidence, activities), feedback and actions, mandatory training, criteria coverage
per unit, meta-skill coverage, gaps, and the reflections of the period, in that order.

* Markdown (``kind: "review-pack"``, the same format version as `reflect export`): the
  reflections are the export's own entry blocks, so `reflect import` reads them back, and
  every objective and reflection has a comment place `reflect import-feedback` reads.
* HTML: the same text without reflect's hidden lines and comment places, as one printable,
  self-contained page (:mod:`reflect.export.html`).

Private reflections are left out unless asked for, and then counted; every number in the
pack counts only the reflections in it. Everything is read in one snapshot of the journal.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from reflect.export import pack_coverage as coverage
from reflect.export import pack_sections as sections
from reflect.dates import format_long
from reflect.progress.evidence import read_snapshot
from reflect.export.files import ExportResult, target_path
from reflect.export.markdown import when, write_entries
from reflect.export.plan import ExportPlan, plan_export
from reflect.export.entry_block import EM_DASH
from reflect.export.format import FORMAT_VERSION, MARK_END, front_matter, inline
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.review.prep import PreparedReview
    from reflect.framework.standards import Framework

KIND = "review-pack"
REFLECTIONS_HEADING = "Reflections of the period"


@dataclass(frozen=True)
class ReviewPack:
    """What goes into a pack: the prepared review, the reflections (as an export plan) and
    the coverage of exactly those reflections."""

    prepared: "PreparedReview"
    plan: ExportPlan
    gaps: Any  # a reflect.progress.summary.GapSummary
    mentor: str = ""

    @property
    def start(self) -> date:
        return self.prepared.period_start

    @property
    def end(self) -> date:
        return self.prepared.period_end


def build_review_pack(journal: "Journal", framework: "Framework", *, start: date | None = None,
                      end: date | None = None, include_private: bool = False, redact: bool = False) -> ReviewPack:
    """Gather a pack for the period (default: since the last review up to today). Call it
    inside :func:`reflect.export.markdown.snapshot` with the writing, so the numbers match."""
    from reflect.progress.summary import gap_summary
    from reflect.review.prep import prepare_review

    prepared = prepare_review(journal, framework, start=start, end=end, include_private=include_private)
    period = EntryFilter(date_from=prepared.period_start, date_to=prepared.period_end)
    plan = plan_export(journal, framework, period, include_private=include_private, redact=redact)
    gaps = gap_summary(journal, framework, today=prepared.period_end, entry_filter=period,
                       include_private=include_private, suggestion_limit=0)
    draft = prepared.draft
    return ReviewPack(replace(prepared, gaps=gaps), plan, gaps, mentor=draft.mentor_name if draft else "")


def export_review_pack(journal: "Journal", framework: "Framework", out: TextIO, *, start: date | None = None,
                       end: date | None = None, html: bool = False, include_private: bool = False,
                       redact: bool = False) -> ReviewPack:
    """Write a review pack (Markdown, or HTML with ``html``) to ``out``; return what it held."""
    with read_snapshot(journal):
        pack = build_review_pack(journal, framework, start=start, end=end, include_private=include_private,
                                 redact=redact)
        (write_pack_html if html else write_pack_markdown)(journal, framework, out, pack)
    return pack


def write_review_pack(journal: "Journal", framework: "Framework", target: Path | None = None, *,
                      start: date | None = None, end: date | None = None, html: bool = False,
                      include_private: bool = False, overwrite: bool = False, redact: bool = False) -> ExportResult:
    """Write a review pack to a private file, atomically; the core call behind
    `reflect review export` and the app.

    ``target``: a file, a folder (the default name goes in it) or None (``journals/`` in the
    current folder). The default name is ``2026-11-24-review-pack.md`` (``.html``), named by
    the end of the period, or ``START-to-END-review-pack.md`` when ``start`` or ``end`` is
    given. An existing file is kept unless ``overwrite``.
    """
    from reflect.files import atomic_writer

    with read_snapshot(journal):
        pack = build_review_pack(journal, framework, start=start, end=end, include_private=include_private,
                                 redact=redact)
        path = target_path(target, default_file_name(pack, dated=start is not None or end is not None, html=html))
        with atomic_writer(path, overwrite=overwrite) as handle:
            (write_pack_html if html else write_pack_markdown)(journal, framework, handle, pack)
    return result_of(pack, path)


def result_of(pack: ReviewPack, path: Path | None) -> ExportResult:
    """The counts of a written pack."""
    plan = pack.plan
    return ExportResult(path=path, kind=KIND, entries=plan.entries, private_left_out=plan.private_left_out,
                        private_included=plan.private_included, objectives=len(pack.prepared.objectives))


def default_file_name(pack: ReviewPack, *, dated: bool, html: bool) -> str:
    """``2026-11-24-review-pack.md``; ``2026-09-01-to-2026-11-24-review-pack.md`` for a chosen period."""
    stem = f"{pack.start.isoformat()}-to-{pack.end.isoformat()}" if dated else pack.end.isoformat()
    return f"{stem}-{KIND}.{'html' if html else 'md'}"


# -- writing ----------------------------------------------------------------------------------


def write_pack_markdown(journal: "Journal", framework: "Framework", out: TextIO, pack: ReviewPack) -> None:
    """The pack as Markdown with reflect's hidden lines and comment places."""
    from reflect.coach.export_guard import CardMaskingWriter

    # Card numbers never reach a mentor, in any part of the pack. (The writer passes everything
    # but write() through to ``out``, so it is the text stream it wraps.)
    out = cast(TextIO, CardMaskingWriter(out))
    out.write(front_matter(_front_matter_data(pack, framework)))
    out.write("\n".join(["", *_review_lines(pack, framework, markers=True), f"# {REFLECTIONS_HEADING}", "",
                         *_reflections_intro(pack, markers=True)]) + "\n")
    write_entries(journal, framework, out, pack.plan)
    out.write(MARK_END + "\n")


def write_pack_html(journal: "Journal", framework: "Framework", out: TextIO, pack: ReviewPack) -> None:
    """The pack as one printable, self-contained HTML page."""
    from html import escape

    from reflect.coach.export_guard import CardMaskingWriter

    from reflect.export.rows import iter_rows
    from reflect.export.html import HtmlPage
    from reflect.export.entry_block import EntryRenderer

    with HtmlPage(cast(TextIO, CardMaskingWriter(out)), _title(pack, plain=True)) as page:
        page.add("\n".join(_review_lines(pack, framework, markers=False)))
        page.add_html(f'<h1 class="part">{REFLECTIONS_HEADING}</h1>\n')
        page.add("\n".join(_reflections_intro(pack, markers=False)))
        render = EntryRenderer(framework, markers=False).render
        for entry in iter_rows(journal, pack.plan.filters, redact=pack.plan.redact):
            page.add(render(entry), wrap="entry")
        page.add_html(f'<p class="generated">Made by reflect on {escape(when(pack.plan.generated))}.</p>\n')


def _front_matter_data(pack: ReviewPack, framework: "Framework") -> dict:
    plan = pack.plan
    return {
        "reflect_export": FORMAT_VERSION,
        "kind": KIND,
        "apprentice": plan.apprentice,
        "mentor": pack.mentor,
        "framework": {"id": framework.id, "title": framework.title},
        "period": {"from": pack.start, "to": pack.end},
        "generated": plan.generated,
        "counts": {"entries": plan.entries, "private_left_out": plan.private_left_out,
                   "private_included": plan.private_included, "objectives": len(pack.prepared.objectives)},
    }


def _title(pack: ReviewPack, *, plain: bool = False) -> str:
    name = pack.plan.apprentice.strip()
    who = f" {EM_DASH} {name if plain else inline(name)}" if name else ""
    return f"Review pack{who}: {_period(pack)}"


def _period(pack: ReviewPack) -> str:
    return f"{format_long(pack.start)} to {format_long(pack.end)}"


def _review_lines(pack: ReviewPack, framework: "Framework", *, markers: bool) -> list[str]:
    """Everything above the reflections, as Markdown lines."""
    # The reflections themselves come below, in full; their list by meta-skill would only
    # cost time to turn into JSON (seconds, for a period of many thousands).
    data = replace(pack.prepared, reflections_by_skill=()).to_json()
    shown = {e.id: {"day": e.day.isoformat(), "title": e.title}
             for group in pack.prepared.reflections_by_skill for e in group.entries}
    gaps = data["gaps"]
    previous = data["previous_review"]
    facts = [("Framework", inline(framework.title)), ("Period", _period(pack)),
             ("Previous review", f"{format_long(date.fromisoformat(previous['agreed_on']))} with "
                                 f"{inline(previous['mentor_name'])}"
              if previous else "none: this is the first review"),
             ("Reflections", reflections_count(pack.plan)), ("Generated", when(pack.plan.generated))]
    lines = [f"# {_title(pack)}", ""] + [f"- **{label}:** {value}" for label, value in facts] + [""]
    if markers:
        lines += ["For the mentor: each objective and each reflection ends with a place for your comments. "
                  "Write under its hint line, leave the hidden reflect lines (they start with `<!--`) as they "
                  "are, and send the file back; `reflect import-feedback` adds your comments to the feedback "
                  "log. You can put your name on the `mentor:` line at the very top.", ""]
    note = coverage.scope_note(gaps, pack.plan.entries, data["period_start"], data["period_end"])
    lines += sections.summary(data, gaps, reflections_count(pack.plan))
    lines += sections.self_assessment(data)
    lines += sections.objectives(data, framework, shown, markers=markers)
    lines += sections.activities(data)
    lines += sections.feedback(data, shown)
    lines += sections.training(data)
    lines += coverage.criteria_coverage(gaps, note)
    lines += coverage.skill_coverage(gaps, note)
    lines += coverage.gap_list(gaps)
    return lines


def reflections_count(plan: ExportPlan) -> str:
    """``3 reflections (1 private reflection left out)``."""
    def n(count: int, what: str) -> str:
        return f"{count} {what if count == 1 else what + 's'}"

    text = n(plan.entries, "reflection")
    if plan.private_left_out:
        text += f" ({n(plan.private_left_out, 'private reflection')} left out)"
    elif plan.private_included:
        text += f" (including {n(plan.private_included, 'private reflection')})"
    return text


def _reflections_intro(pack: ReviewPack, *, markers: bool) -> list[str]:
    plan = pack.plan
    if not plan.entries:
        return ["*No reflections in this period.*", ""]
    text = f"{reflections_count(plan)}, oldest first."
    if markers:
        text += " Each ends with a place for mentor comments."
    return [text, ""]
