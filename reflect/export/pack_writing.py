"""Writing a review pack (:class:`~reflect.export.pack_model.ReviewPack`) as Markdown, with
reflect's hidden lines and comment places, or as one printable HTML page.

The brief, sections, coverage appendix and record come from their own modules (``pack_brief``,
``pack_sections``, ``pack_coverage``, ``pack_record``); this module puts them in order.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, TextIO, cast

from reflect.export import pack_brief as brief
from reflect.export import pack_coverage as coverage
from reflect.export import pack_record as record
from reflect.export import pack_sections as sections
from reflect.export.html import PACK_CSS
from reflect.dates import format_short
from reflect.export.markdown import when, write_entries
from reflect.export.plan import ExportPlan
from reflect.export.entry_block import EM_DASH
from reflect.export.format import FORMAT_VERSION, MARK_END, front_matter, inline, table
from reflect.entries.kinds import REFLECTION, WITNESS, describe_counts
from reflect.export.pack_model import KIND, REFLECTIONS_HEADING, ReviewPack

if TYPE_CHECKING:
    from reflect.export.attachments import ExportedFile
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


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
        "employer": plan.employer,
        "started": plan.started,
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
    return {"Apprentice": pack.plan.apprentice, "Mentor or employer": pack.mentor or pack.plan.employer}


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
    # Who the apprenticeship is with comes first (the apprentice's name is in the title).
    facts = [(label, value) for label, value in (("Employer", inline(pack.plan.employer)),
                                                 ("Mentor", inline(pack.mentor)),
                                                 ("Apprenticeship started", format_short(pack.plan.started)
                                                  if pack.plan.started else "")) if value.strip()]
    facts += [("Period", f"{_period(pack)} ({weeks} week{'' if weeks == 1 else 's'})"),
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
