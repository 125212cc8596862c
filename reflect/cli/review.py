"""`reflect review ...`: prepare a performance review, record it, look back at past ones."""

from __future__ import annotations

import sys

from reflect.cli import record_args as ra
from reflect.errors import InputError

_ID = ra.record_id("a review")


def register(sub, common) -> None:
    top = sub.add_parser("review", aliases=["reviews"], parents=[common], formatter_class=ra.RAW,
                         help="performance reviews: prepare, complete, list, schedule",
                         description="Performance reviews (SDS0223). `prepare` gathers everything since the last "
                                     "review; `complete` records the meeting and freezes it (read-only after).",
                         epilog="examples:\n"
                                "  reflect review schedule                 when the next review is\n"
                                "  reflect review prepare                  everything since the last review\n"
                                "  reflect review export                   the review pack for your mentor\n"
                                '  reflect review update --strengths "Calm with complaints" --next "Lead a huddle"\n'
                                '  reflect review complete --mentor "Alex Smith" --agreed today\n'
                                "  reflect review list\n\n"
                                "Run `reflect review COMMAND --help` for each command's options.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = commands.add_parser("prepare", parents=[common], formatter_class=ra.RAW,
                            help="gather everything since the last review (changes nothing)",
                            epilog="examples:\n  reflect review prepare\n  reflect review prepare --json > review.json\n"
                                   "  reflect review prepare --from 1/9/2026 --to 30/11/2026 --include-private")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="start of the period (default: after the last review)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="end of the period (default today)")
    p.add_argument("--include-private", action="store_true", help="list private reflections too")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_prepare)

    p = commands.add_parser(
        "export", parents=[common], formatter_class=ra.RAW,
        help="write the review pack for your mentor (Markdown or HTML)",
        description="Write one file for your mentor. Page one is a brief: objectives at a glance, loose ends,\n"
                    "progress per unit, your notes and questions. Then the detail (self-assessment, objectives,\n"
                    "feedback, training), the reflections of the period, a coverage appendix, and the record of\n"
                    "the meeting to fill in. The mentor writes under each objective and reflection and in the\n"
                    "record; `reflect import-feedback` brings it all back. --html makes a printable page.\n\n"
                    "Private reflections are left out (and counted) unless --include-private; coverage counts\n"
                    "the reflections the pack may show up to the end of the period. --review N writes the pack\n"
                    "of a completed review. By default the file goes in ./journals/, named\n"
                    "2026-11-24-review-pack.md (.html); it is private (0600) and never replaces a file\n"
                    "without --force. Attached files go in a folder beside it (NAME_files/; the HTML shows\n"
                    "pictures in the page); a private reflection's files never go. --bundle writes one zip with\n"
                    "the Markdown, the HTML and the files.",
        epilog="examples:\n"
               "  reflect review export                               since the last review, to ./journals/\n"
               "  reflect review export --html                        a printable page for the browser\n"
               "  reflect review export --from 1/9/2026 --to 30/11/2026 -o pack.md\n"
               "  reflect review export -o - | less                   to stdout\n"
               "  reflect review export --review 2 --html             the pack of completed review 2\n"
               "  reflect review export --bundle                      one zip: Markdown, HTML and files\n"
               "  reflect import-feedback journals/2026-11-24-review-pack.md   the mentor's comments back")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="start of the period (default: after the last review)")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="end of the period (default today)")
    p.add_argument("--html", action="store_true", help="one self-contained, printable HTML page")
    p.add_argument("--bundle", action="store_true",
                   help="one zip for your mentor: the Markdown, the HTML page and the attached files")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="file to write (a folder puts the default name in it; - for stdout); "
                        "default ./journals/DATE-review-pack.md")
    p.add_argument("--force", "-f", action="store_true", help="replace the file if it exists")
    p.add_argument("--include-private", action="store_true", help="include private reflections too")
    p.add_argument("--review", type=_ID, metavar="N",
                   help="the pack of completed review N, as it was agreed (`reflect review list` numbers them)")
    p.add_argument("--redact", action="store_true",
                   help="replace personal data in the reflections with labels such as [phone]; "
                        "card numbers are always masked")
    p.set_defaults(handler=cmd_export)

    p = commands.add_parser("update", parents=[common], formatter_class=ra.RAW,
                            help="write your notes on the review being prepared",
                            description="Save your strengths, improvement needs and proposed next objectives on the "
                                        "review being prepared (started if there is none). A completed review is read-only.",
                            epilog="examples:\n"
                                   '  reflect review update --strengths "Calm with complaints" --improvements "Speaking up"\n'
                                   '  reflect review update --next "Lead the Saturday huddle" --next "Cut refund errors to 0"\n'
                                   '  reflect review update --mentor "Alex Smith" --date 7/12/2026   (planned meeting)')
    p.add_argument("id", nargs="?", type=_ID, help="review number (default: the one being prepared)")
    _notes_options(p)
    p.add_argument("--mentor", metavar="NAME", help="who you will meet")
    p.add_argument("--date", metavar="DATE", help="when you plan to meet")
    p.set_defaults(handler=cmd_update, writes=True)

    p = commands.add_parser("complete", parents=[common], formatter_class=ra.RAW,
                            help="record the review as agreed and freeze it",
                            description="Record the review meeting: the mentor's name and the agreed date. Everything "
                                        "gathered up to that date is kept as a snapshot; the review is read-only after.",
                            epilog="examples:\n"
                                   '  reflect review complete --mentor "Alex Smith" --agreed today\n'
                                   '  reflect review complete --mentor "Alex Smith" --agreed 7/12/2026 \\\n'
                                   '      --strengths "Calm with complaints" --improvements "Speaking up in huddles" \\\n'
                                   '      --next "Lead the Saturday huddle by 31/01/2027" --draft-objectives')
    p.add_argument("--mentor", metavar="NAME", required=True, help="the mentor (or manager) you reviewed with")
    p.add_argument("--agreed", metavar="DATE", default="today", help="when it was agreed (default today)")
    _notes_options(p)
    p.add_argument("--draft-objectives", action="store_true", help="also set each --next line as a draft objective")
    p.add_argument("--include-private", action="store_true", help="keep private reflections in the snapshot")
    p.set_defaults(handler=cmd_complete, writes=True)

    p = commands.add_parser("list", parents=[common], formatter_class=ra.RAW, help="list reviews",
                            epilog="examples:\n  reflect review list\n  reflect review list --json")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("show", parents=[common], formatter_class=ra.RAW, help="show a review as it was agreed",
                            epilog="examples:\n  reflect review show 2\n  reflect review show 2 --json")
    p.add_argument("id", type=_ID, help="review number")
    p.add_argument("--json", action="store_true", help="print JSON (with the snapshot)")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("delete", parents=[common], formatter_class=ra.RAW,
                            help="throw away the review being prepared (completed ones are kept)",
                            epilog="examples:\n  reflect review delete 3")
    p.add_argument("id", type=_ID, help="review number")
    p.set_defaults(handler=cmd_delete, writes=True)

    p = commands.add_parser("schedule", parents=[common], formatter_class=ra.RAW,
                            help="when the next review is, and what is overdue",
                            epilog="examples:\n  reflect review schedule\n  reflect review schedule --json\n"
                                   "  reflect config review_start 5/1/2027      (set the schedule)\n"
                                   '  reflect config review_interval "12 weeks"')
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_schedule)


def _notes_options(p) -> None:
    p.add_argument("--strengths", metavar="TEXT", help="your strengths this period")
    p.add_argument("--improvements", metavar="TEXT", help="your improvement needs")
    p.add_argument("--next", action="append", metavar="TEXT", help="a proposed next objective (repeat)")
    p.add_argument("--questions", metavar="TEXT", help="your questions for the meeting")


def _notes(args) -> dict:
    notes = {"strengths": args.strengths, "improvements": args.improvements,
             "next_objectives": "\n".join(args.next) if args.next else None, "questions": args.questions}
    return {k: v for k, v in notes.items() if v is not None}


def cmd_prepare(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.review.prep import prepare_review
    from reflect.review.text import render_review

    args = ctx.args
    prepared = prepare_review(ctx.journal, ctx.framework, start=ra.day(args.date_from), end=ra.day(args.date_to),
                              include_private=args.include_private)
    if args.json:
        print_json(prepared.to_json(), ctx.out)
    else:
        ctx.print(render_review(prepared.to_json(), prepared.draft) + last_record(ctx, prepared), end="")
    if prepared.private_count:
        # On stderr: a note for the apprentice, not part of what they may pass on.
        n = prepared.private_count
        print(f"{n} private {'reflection' if n == 1 else 'reflections'} not shown (--include-private adds them).",
              file=sys.stderr)
    return 0


def cmd_export(ctx) -> int:
    import sys

    from reflect.export.pack import export_review_pack, result_of, write_review_pack

    args = ctx.args
    options = dict(start=ra.day(args.date_from), end=ra.day(args.date_to), html=args.html,
                   include_private=args.include_private, review_id=args.review, redact=args.redact)
    from reflect.cli.check import warn_before_export
    from reflect.entries.models import EntryFilter
    from reflect.review.prep import review_period

    if args.review is not None:  # a completed review's own period
        review = ctx.journal.reviews.get(args.review)
        first, last = review.period_start, review.period_end
    else:
        first, last = review_period(ctx.journal, start=options["start"], end=options["end"])
    warn_before_export(ctx, EntryFilter(date_from=first, date_to=last), include_private=args.include_private,
                       redact=args.redact)
    if ctx.journal.encrypted:
        from reflect.cli.export import PLAIN_NOTE

        print(PLAIN_NOTE, file=sys.stderr)
    if args.bundle:
        if args.output == "-" or args.html:
            raise InputError("A bundle is one zip with both the Markdown and the HTML: leave out --html and -o -.")
        from reflect.export.bundle import pack_bundle

        del options["html"]
        result = pack_bundle(ctx.journal, ctx.framework, args.output, overwrite=args.force, **options)
        ctx.print(result.summary())
        return 0
    if args.output == "-":
        with ctx.file_out() as out:
            pack = export_review_pack(ctx.journal, ctx.framework, out, **options)
        print(result_of(pack, None).summary(), file=sys.stderr)
        return 0
    result = write_review_pack(ctx.journal, ctx.framework, args.output, overwrite=args.force, **options)
    ctx.print(result.summary())
    return 0


def cmd_update(ctx) -> int:
    args, store = ctx.args, ctx.journal.reviews
    changes = _notes(args)
    if args.mentor is not None:
        changes["mentor_name"] = args.mentor
    if args.date is not None:
        changes["agreed_on"] = ra.day(args.date)
    if not changes:
        raise InputError("Nothing to change: give --strengths, --improvements, --next, --questions, --mentor or --date.")
    review = store.update(args.id, **changes) if args.id else store.save_draft(**changes)
    ctx.print(f"Saved your notes on review {review.id} (being prepared). "
              "`reflect review prepare` shows it all; `reflect review complete` records the meeting.")
    return 0


def cmd_complete(ctx) -> int:
    from reflect.review.prep import complete_review

    args = ctx.args
    review = complete_review(ctx.journal, ctx.framework, mentor_name=args.mentor, agreed_on=ra.day(args.agreed),
                             include_private=args.include_private, draft_objectives=args.draft_objectives,
                             **_notes(args))
    ctx.print(f"Completed review {review.id} with {review.mentor_name} on {ra.short(review.agreed_on)} "
              f"(covering {ra.short(review.period_start)} to {ra.short(review.period_end)}). It is now read-only.")
    if args.draft_objectives and review.proposed_objectives:
        ctx.print(f"Set {len(review.proposed_objectives)} draft objective(s) from it: `reflect objective list --open`.")
    ctx.print(f"Its review pack, with the record of the meeting to fill in: `reflect review export --review {review.id}`"
              " (--html to print).")
    return 0


def cmd_list(ctx) -> int:
    from reflect.cli.output import print_json

    reviews = ctx.journal.reviews.list()
    if ctx.args.json:
        print_json([r.to_json() | {"snapshot": None} for r in reviews], ctx.out)
    elif reviews:
        ra.table([[f"#{r.id}", "completed" if r.read_only else "being prepared",
                   ra.short(r.agreed_on, "no date"), f"{ra.short(r.period_start)} to {ra.short(r.period_end)}",
                   r.mentor_name] for r in reviews], ctx.out)
    else:
        ctx.print("No reviews yet. `reflect review prepare` gathers everything for your first one.")
    return 0


def cmd_show(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.review.text import render_review

    from reflect.review import private_refs

    review = ctx.journal.reviews.get(ctx.args.id)
    # A snapshot kept by an older reflect may still say things about private reflections.
    snapshot = (private_refs.snapshot(review.snapshot, private_refs.all_private_ids(ctx.journal.conn))
                if review.snapshot is not None else None)
    if ctx.args.json:
        record = ctx.journal.review_records.get(review.id)
        print_json(review.to_json() | {"snapshot": snapshot, "record": record.to_json() if record else None},
                   ctx.out)
    elif snapshot is not None:
        ctx.print(render_review(snapshot, review) + record_text(ctx, review), end="")
    else:
        ctx.print(f"Review {review.id} is still being prepared: `reflect review prepare` shows it as it stands.")
    return 0


def last_record(ctx, prepared) -> str:
    """The last review's record (read back from the mentor), with the mentor's ratings beside
    the latest self-ratings."""
    from reflect.review.meeting_record import last_record_text

    latest = prepared.assessment.latest
    mine = {r.skill_id: r.rating for r in latest.ratings} if latest else {}
    return last_record_text(ctx.journal, {s.id: s.name for s in ctx.framework.meta_skills}, mine)


def record_text(ctx, review) -> str:
    """The record of the meeting kept on ``review`` (read back from its pack), as text; ""
    without one. The mentor's ratings sit beside the self-ratings the review was agreed with."""
    from reflect.review.meeting_record import render_record

    record = ctx.journal.review_records.get(review.id)
    if record is None:
        return ""
    latest = ((review.snapshot or {}).get("assessment") or {}).get("latest") or {}
    mine = {r["skill_id"]: r["rating"] for r in latest.get("ratings", [])}
    names = {s.id: s.name for s in ctx.framework.meta_skills}
    return render_record(record, names, mine)


def cmd_delete(ctx) -> int:
    review = ctx.journal.reviews.delete(ctx.args.id)
    ctx.print(f"Threw away review {review.id} (it was being prepared).")
    return 0


def cmd_schedule(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.review.overdue import overdue
    from reflect.review.schedule import review_schedule

    schedule = review_schedule(ctx.journal)
    late = overdue(ctx.journal)
    if ctx.args.json:
        print_json({"schedule": schedule.to_json(), "overdue": late.to_json()}, ctx.out)
        return 0
    ctx.print(schedule.countdown)
    if not schedule.is_set:
        ctx.print("Set one with `reflect config review_start DATE` (and `reflect config review_interval \"12 weeks\"`).")
    else:
        ctx.print(f"Reviews every {schedule.interval}"
                  + (f"; last one {ra.short(schedule.last_review)}." if schedule.last_review else "."))
    if late.total:
        ctx.print(late.summary)
    return 0
