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

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reflect.errors import InputError
from reflect.progress.evidence import read_snapshot
from reflect.progress.learning_time import learning_time
from reflect.export.files import ExportResult, target_path
from reflect.export.plan import plan_export
from reflect.entries.models import EntryFilter
from reflect.export.pack_model import KIND, ReviewPack
from reflect.export.pack_writing import write_pack_html, write_pack_markdown

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.review.models import Review
    from reflect.framework.standards import Framework


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
    # The mentor the review names, else the one in the profile.
    mentor = (review.mentor_name if review else "") or plan.mentor
    return ReviewPack(data, plan, gaps, before, training, mentor=mentor,
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
