"""The review pack: one file a mentor reads before a performance review.

It leads with a one-page brief (:mod:`reflect.export.pack_brief`: the period, objectives at a
glance, loose ends by name, progress per unit, the apprentice's notes and questions); the
detail follows (self-assessment, SMART objectives, activities, feedback, training), then the
reflections of the period, a compact coverage appendix (:mod:`reflect.export.pack_coverage`)
and the record of the meeting to fill in (:mod:`reflect.export.pack_record`).

* Markdown (``kind: "review-pack"``, the same format version as `reflect export`): the
  reflections are the export's own entry blocks, so `reflect import` reads them back, and
  every objective and reflection has a comment place `reflect import-feedback` reads.
* HTML: the same text without reflect's hidden lines and comment places, as one printable,
  self-contained page (:mod:`reflect.export.html`).

Private reflections are left out unless asked for (then counted), and nothing derived from
one is written (:mod:`reflect.review.private_refs`). Coverage is cumulative up to the end of
the period (over the reflections the pack may show) and says what the period added.
`--review N` writes the pack of a completed review from its frozen snapshot. Everything is
read in one snapshot of the journal.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from reflect.errors import InputError
from reflect.export import pack_brief as brief
from reflect.export import pack_coverage as coverage
from reflect.export import pack_record as record
from reflect.export import pack_sections as sections
from reflect.export.html import PACK_CSS
from reflect.dates import format_short
from reflect.progress.evidence import read_snapshot
from reflect.progress.learning_time import learning_time
from reflect.export.files import ExportResult, target_path
from reflect.export.markdown import when, write_entries
from reflect.export.plan import ExportPlan, plan_export
from reflect.export.entry_block import EM_DASH
from reflect.export.format import FORMAT_VERSION, MARK_END, front_matter, inline, table
from reflect.entries.kinds import REFLECTION, WITNESS, describe_counts
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.export.attachments import ExportedFile
    from reflect.journal import Journal
    from reflect.review.models import Review
    from reflect.framework.standards import Framework

KIND = "review-pack"
REFLECTIONS_HEADING = "Reflections of the period"


@dataclass(frozen=True)
class ReviewPack:
    """What goes into a pack: the review's data (a prepared review's JSON form, or a completed
    review's snapshot), the reflections (as an export plan), coverage up to the end of the
    period and up to the day before it, the whole training log and the last meeting record."""

    data: dict
    plan: ExportPlan
    gaps: Any  # a reflect.progress.summary.GapSummary, up to the end of the period
    before: Any  # the same, up to the day before the period (None for the first period)
    training: list = field(default_factory=list)  # every mandatory training record, as JSON
    mentor: str = ""
    review: "Review | None" = None  # the completed review this pack is of, or the draft
    mentor_ratings: dict = field(default_factory=dict)  # the last meeting record's, by skill id
    mentor_ratings_on: str = ""  # the day of the review they were given at, ISO
    learning: Any = None  # a reflect.progress.learning_time.LearningTime for the period

    @property
    def start(self) -> date:
        return date.fromisoformat(self.data["period_start"])

    @property
    def end(self) -> date:
        return date.fromisoformat(self.data["period_end"])

    @property
    def completed(self) -> bool:
        return self.review is not None and self.review.read_only


def build_review_pack(journal: "Journal", framework: "Framework", *, start: date | None = None,
                      end: date | None = None, include_private: bool = False,
                      review_id: int | None = None, redact: bool = False) -> ReviewPack:
    """Gather a pack for the period (default: since the last review up to today), or, with
    ``review_id``, for that completed review as it was agreed (its snapshot, its period).
    Call it inside :func:`reflect.progress.evidence.read_snapshot` with the writing, so the
    numbers match."""
    from reflect.progress.summary import gap_summary
    from reflect.review.prep import prepare_review

    review = None
    if review_id is not None:
        review = journal.reviews.get(review_id)
        if not review.read_only or review.snapshot is None:
            raise InputError(f"Review {review.id} is still being prepared: `reflect review export` without "
                             "--review writes its pack.")
        if start is not None or end is not None:
            raise InputError("A completed review's pack covers its own period: give --review or --from/--to, "
                             "not both.")
        data = dict(review.snapshot)
        if not include_private:
            # A snapshot kept by an older reflect may still say things about private reflections.
            from reflect.review import private_refs

            data = private_refs.snapshot(data, private_refs.all_private_ids(journal.conn))
        data["draft"] = {"strengths": review.strengths, "improvements": review.improvements,
                         "next_objectives": review.next_objectives, "questions": review.questions}
        data["shown"] = [{"id": e["id"], "day": e["day"], "title": e["title"]}
                         for group in data.get("reflections_by_skill", []) for e in group["entries"]
                         if include_private or not e.get("private")]
    else:
        prepared = prepare_review(journal, framework, start=start, end=end, include_private=include_private)
        # The reflections come below, in full; their list by meta-skill would only cost time.
        data = replace(prepared, reflections_by_skill=(), gaps=None).to_json()
        data["shown"] = [{"id": e.id, "day": e.day.isoformat(), "title": e.title}
                         for group in prepared.reflections_by_skill for e in group.entries]
        review = prepared.draft
    first, last = date.fromisoformat(data["period_start"]), date.fromisoformat(data["period_end"])
    period = EntryFilter(date_from=first, date_to=last)
    plan = plan_export(journal, framework, period, include_private=include_private, redact=redact)
    gaps = gap_summary(journal, framework, today=last, entry_filter=EntryFilter(date_to=last),
                       include_private=include_private, suggestion_limit=0)
    day_before = first - timedelta(days=1)
    before = gap_summary(journal, framework, today=day_before, entry_filter=EntryFilter(date_to=day_before),
                         include_private=include_private, suggestion_limit=0)
    training = [t.to_json() for t in journal.training.list()]
    record = _last_record(journal, review)
    # Counted now, like the coverage (also for a completed review): time recorded since counts.
    # Private reflections' time only when the pack shows them, so the total hints at nothing hidden.
    learning = learning_time(journal, first, last, include_private=include_private)
    return ReviewPack(data, plan, gaps, before, training, mentor=review.mentor_name if review else "",
                      review=review, mentor_ratings=record[0], mentor_ratings_on=record[1], learning=learning)


def _last_record(journal: "Journal", review: "Review | None") -> tuple[dict, str]:
    """The mentor's ratings from the most recent meeting record before this pack's review."""
    for past in journal.reviews.list(completed=True):
        if review is not None and (past.id == review.id or (review.agreed_on and past.agreed_on
                                                            and past.agreed_on > review.agreed_on)):
            continue
        record = journal.review_records.get(past.id)
        if record is not None and record.ratings:
            return record.ratings, past.agreed_on.isoformat() if past.agreed_on else ""
    return {}, ""


def export_review_pack(journal: "Journal", framework: "Framework", out: TextIO, *, start: date | None = None,
                       end: date | None = None, html: bool = False, include_private: bool = False,
                       review_id: int | None = None, redact: bool = False) -> ReviewPack:
    """Write a review pack (Markdown, or HTML with ``html``) to ``out``; return what it held."""
    with read_snapshot(journal):
        pack = build_review_pack(journal, framework, start=start, end=end, include_private=include_private,
                                 review_id=review_id, redact=redact)
        (write_pack_html if html else write_pack_markdown)(journal, framework, out, pack)
    return pack


def write_review_pack(journal: "Journal", framework: "Framework", target: Path | None = None, *,
                      start: date | None = None, end: date | None = None, html: bool = False,
                      include_private: bool = False, overwrite: bool = False,
                      review_id: int | None = None, redact: bool = False) -> ExportResult:
    """Write a review pack to a private file, atomically; the core call behind
    `reflect review export` and the app.

    ``target``: a file, a folder (the default name goes in it) or None (``journals/`` in the
    current folder). The default name is ``2026-11-24-review-pack.md`` (``.html``), named by
    the end of the period, or ``START-to-END-review-pack.md`` when ``start`` or ``end`` is
    given, or ``review-3-2026-11-24-review-pack.md`` for completed review 3. An existing file
    is kept unless ``overwrite``.
    """
    from reflect.files import atomic_writer
    from reflect.store.own_files import refuse_journal_files

    from reflect.export.attachments import all_files, export_files, folder_for, private_files, write_files
    from reflect.files import TargetExistsError

    with read_snapshot(journal):
        pack = build_review_pack(journal, framework, start=start, end=end, include_private=include_private,
                                 review_id=review_id, redact=redact)
        path = target_path(target, default_file_name(pack, dated=start is not None or end is not None, html=html))
        refuse_journal_files(path, journal.path)  # not even with --force
        if path.exists() and not overwrite:
            raise TargetExistsError(path)  # before any attached file is written beside it
        files = export_files(journal, pack.plan.filters, folder_for(path))
        # Every file goes beside it, the pictures an HTML page shows inside itself too: the
        # Markdown and the HTML pack of one name share the folder, and each keeps it whole.
        written = write_files(journal, all_files(files), path.parent, overwrite=overwrite, folder=folder_for(path))
        with atomic_writer(path, overwrite=overwrite) as handle:
            (write_pack_html if html else write_pack_markdown)(journal, framework, handle, pack, files)
    return replace(result_of(pack, path), attachments=len(all_files(files)),
                   files_folder=path.parent / folder_for(path) if written else None,
                   private_files_left_out=private_files(journal, pack.plan.filters) if include_private else 0)


def result_of(pack: ReviewPack, path: Path | None) -> ExportResult:
    """The counts of a written pack."""
    plan = pack.plan
    return ExportResult(path=path, kind=KIND, entries=plan.entries, private_left_out=plan.private_left_out,
                        private_included=plan.private_included, objectives=len(pack.data["objectives"]))


def default_file_name(pack: ReviewPack, *, dated: bool, html: bool) -> str:
    """``2026-11-24-review-pack.md``; ``2026-09-01-to-2026-11-24-review-pack.md`` for a chosen
    period; ``review-3-2026-11-24-review-pack.md`` for completed review 3."""
    stem = f"{pack.start.isoformat()}-to-{pack.end.isoformat()}" if dated else pack.end.isoformat()
    if pack.completed and pack.review is not None:
        stem = f"review-{pack.review.id}-{stem}"
    return f"{stem}-{KIND}.{'html' if html else 'md'}"


# -- writing ----------------------------------------------------------------------------------


def write_pack_markdown(journal: "Journal", framework: "Framework", out: TextIO, pack: ReviewPack,
                        files: "dict[str, list[ExportedFile]] | None" = None) -> None:
    """The pack as Markdown with reflect's hidden lines, comment places and the record (and
    links to the attached ``files``, written beside it)."""
    from reflect.coach.export_guard import CardMaskingWriter

    # Card numbers never reach a mentor, in any part of the pack. (The writer passes everything
    # but write() through to ``out``, so it is the text stream it wraps.)
    out = cast(TextIO, CardMaskingWriter(out))
    out.write(front_matter(_front_matter_data(pack, framework)))
    top, detail = _review_lines(pack, framework, markers=True)
    out.write("\n".join(["", *top, *detail, f"# {REFLECTIONS_HEADING}", "",
                         *_reflections_intro(pack, markers=True), *witness_lines(journal, pack.plan)]) + "\n")
    write_entries(journal, framework, out, pack.plan, files=files)
    # The appendix is reflect's text like the rest (its headings end the last comment place);
    # only the record, which the mentor fills in, comes after the end marker.
    out.write("\n".join(_appendix_lines(pack)) + "\n")
    out.write(MARK_END + "\n\n")
    kept = journal.review_records.get(pack.review.id) if pack.review is not None else None
    out.write("\n".join(record.markdown(_review_uid(pack), _record_skills(pack, framework), _people(pack), kept)))


def write_pack_html(journal: "Journal", framework: "Framework", out: TextIO, pack: ReviewPack,
                    files: "dict[str, list[ExportedFile]] | None" = None) -> None:
    """The pack as one printable, self-contained HTML page (attached pictures shown in it,
    other attached ``files`` linked beside it)."""
    from html import escape

    from reflect.coach.export_guard import CardMaskingWriter
    from reflect.export.entries_html import write_entries_html
    from reflect.export.html import HtmlPage

    with HtmlPage(cast(TextIO, CardMaskingWriter(out)), _title(pack, plain=True), css=PACK_CSS) as page:
        top, detail = _review_lines(pack, framework, markers=False)
        page.add("\n".join(top), wrap="brief", tag="section")
        page.add("\n".join(detail), wrap="detail", tag="section")
        page.add_html(f'<section class="reflections">\n<h1 class="part">{REFLECTIONS_HEADING}</h1>\n')
        page.add("\n".join([*_reflections_intro(pack, markers=False), *witness_lines(journal, pack.plan)]))
        page.add_html('<div class="entries">\n')
        write_entries_html(page, journal, framework, pack.plan, files, criteria_text=False)
        page.add_html('</div>\n</section>\n<section class="appendix">\n')
        page.add("\n".join(_appendix_lines(pack)))
        page.add_html("</section>\n")
        kept = journal.review_records.get(pack.review.id) if pack.review is not None else None
        page.add_html(record.html(_record_skills(pack, framework), _people(pack), kept))
        page.add_html(f'<p class="generated">Made by reflect on {escape(when(pack.plan.generated))}.</p>\n')


def _front_matter_data(pack: ReviewPack, framework: "Framework") -> dict:
    plan = pack.plan
    data = {
        "reflect_export": FORMAT_VERSION,
        "kind": KIND,
        "apprentice": plan.apprentice,
        "mentor": pack.mentor,
        "framework": {"id": framework.id, "title": framework.title},
        "period": {"from": pack.start, "to": pack.end},
        "generated": plan.generated,
        "counts": {"entries": plan.entries, "private_included": plan.private_included,
                   "objectives": len(pack.data["objectives"])},
    }
    if pack.learning is not None:  # whole minutes, as `reflect stats --json` gives them
        data["learning_time"] = {k: v for k, v in pack.learning.to_json().items() if k not in ("start", "end")}
    if pack.review is not None:
        data["review"] = pack.review.uid
    return data


def _review_uid(pack: ReviewPack) -> str | None:
    return pack.review.uid if pack.review is not None else None


def _people(pack: ReviewPack) -> dict[str, str]:
    return {"Apprentice": pack.plan.apprentice, "Mentor or employer": pack.mentor}


def _record_skills(pack: ReviewPack, framework: "Framework") -> list[tuple[str, str, int | None]]:
    return record.ratings(pack.data, [(s.id, s.name) for s in framework.meta_skills])


def _title(pack: ReviewPack, *, plain: bool = False) -> str:
    name = pack.plan.apprentice.strip()
    who = f" {EM_DASH} {name if plain else inline(name)}" if name else ""
    return f"Review pack{who}: {_period(pack)}"


def _period(pack: ReviewPack) -> str:
    return f"{format_short(pack.start)} to {format_short(pack.end)}"


def _shown(pack: ReviewPack) -> dict[int, dict]:
    """The reflections this pack shows, by id (only they may be named in it)."""
    return {e["id"]: e for e in pack.data.get("shown", [])}


def _review_lines(pack: ReviewPack, framework: "Framework", *, markers: bool) -> tuple[list[str], list[str]]:
    """Everything above the reflections, as Markdown lines: the title and the brief, and the
    detail."""
    data, shown = pack.data, _shown(pack)
    gaps = pack.gaps.to_json() if pack.gaps is not None else None
    before = pack.before.to_json() if pack.before is not None else None
    lines = [f"# {_title(pack)}", ""]
    if markers:
        lines += ["For the mentor: page one is the brief; the detail, the reflections and an appendix follow, "
                  "and the record of the meeting comes last. Each objective and each reflection ends with a "
                  "place for your comments: write under its hint line, leave the hidden reflect lines (they "
                  "start with `<!--`) as they are, and send the file back; `reflect import-feedback` adds your "
                  "comments to the feedback log. You can put your name on the `mentor:` line at the very top.", ""]
    lines += brief.brief(data, gaps, before, set(shown), _facts(pack, framework))
    top, lines = lines, []
    lines += sections.self_assessment(data, pack.mentor_ratings,
                                      f" ({format_short(date.fromisoformat(pack.mentor_ratings_on))})"
                                      if pack.mentor_ratings_on else "")
    lines += sections.objectives(data, framework, shown, markers=markers)
    lines += sections.activities(data)
    lines += sections.feedback(data, shown)
    lines += sections.training(data, pack.training)
    return top, lines


def _facts(pack: ReviewPack, framework: "Framework") -> list[tuple[str, str]]:
    data = pack.data
    previous = data["previous_review"]
    weeks = ((pack.end - pack.start).days + 1) // 7
    facts = [("Period", f"{_period(pack)} ({weeks} week{'' if weeks == 1 else 's'})"),
             ("Previous review", f"{format_short(date.fromisoformat(previous['agreed_on']))} with "
                                 f"{inline(previous['mentor_name'])}" if previous else "none: this is the first"),
             ("Reflections", reflections_count(pack.plan))]
    if set(pack.plan.kind_counts) - {REFLECTION}:
        facts.append(("Evidence", describe_counts(pack.plan.kind_counts)))
    if pack.learning is not None:
        facts.append(("Learning time", learning_line(pack.learning)))
    if pack.completed and pack.review is not None and pack.review.agreed_on is not None:
        facts.insert(0, ("Review", f"agreed on {format_short(pack.review.agreed_on)} with "
                                   f"{inline(pack.review.mentor_name)} (as recorded then)"))
    assessment = data["assessment"]
    latest = assessment["latest"]
    if latest is None:
        facts.append(("Self-assessment", "none yet"))
    else:
        text = f"{format_short(date.fromisoformat(latest['assessed_on']))}"
        if not assessment["in_period"]:
            text += " (before this period: a new one is due)"
        facts.append(("Self-assessment", text))
    return facts


def _appendix_lines(pack: ReviewPack) -> list[str]:
    if pack.gaps is None:
        return []
    gaps = pack.gaps.to_json()
    before = pack.before.to_json() if pack.before is not None else None
    return (coverage.criteria_appendix(gaps, before, pack.data["period_start"], pack.data["period_end"])
            + coverage.skills_appendix(gaps, before))


def witness_lines(journal: "Journal", plan: ExportPlan) -> list[str]:
    """The witness testimonies this pack shows, one table row each: who, their role, the day
    and whether they confirmed it (an assessor checks these first). Nothing when there are none."""
    from reflect.entries.details import confirmation
    from reflect.export.rows import iter_rows

    rows = []
    for row in iter_rows(journal, replace(plan.filters, kinds=(WITNESS,)), redact=plan.redact):
        witness = row.witness
        rows.append([format_short(row.day), inline(row.title), inline(witness.name if witness else EM_DASH),
                     inline(witness.role if witness and witness.role else EM_DASH),
                     inline(witness.relationship if witness and witness.relationship else EM_DASH),
                     confirmation(witness)])
    if not rows:
        return []
    return [f"**Witness testimony ({len(rows)}):** what others saw, and whether they confirmed it.", "",
            *table(["Date", "Item", "Witness", "Role", "Relationship", "Confirmed"], rows), ""]


def learning_line(learning) -> str:
    """"12.5 hours of learning this period, of which training 6 hours (reflections 4.5 hours,
    activities 2 hours)"; "none recorded" without any."""
    from reflect.dates import format_hours

    if not learning.total:
        return "none recorded"
    rest = [f"{name} {format_hours(n)}" for name, n in (("reflections", learning.reflections),
                                                         ("activities", learning.activities)) if n]
    return learning.sentence() + (f" ({', '.join(rest)})" if rest and len(rest) + bool(learning.training) > 1 else "")


def reflections_count(plan: ExportPlan) -> str:
    """``3 reflections`` (``(including 1 private reflection)`` when asked for). Private
    reflections left out are not counted: the pack is for someone else."""
    def n(count: int, what: str) -> str:
        return f"{count} {what if count == 1 else what + 's'}"

    text = n(plan.entries, "reflection")
    if plan.private_included:
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
