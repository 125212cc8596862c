"""Commands that move reflections in and out as files: export (Markdown for mentors), import,
and import-feedback (a mentor's comments back into the feedback log)."""

from __future__ import annotations

import argparse
import sys

from reflect.cli.filters import add_filter_options, filters_from_args

_RAW = argparse.RawDescriptionHelpFormatter
DEFAULT_FOLDER = "journals"


def register(sub, common) -> None:
    """Add `export`, `import` and `import-feedback` to ``reflect``."""
    p = sub.add_parser(
        "export", parents=[common], formatter_class=_RAW, help="write reflections as Markdown for a mentor",
        description="Write the journal, a period or a filtered part of it as one Markdown file that\n"
                    "reads well anywhere and has a place under each entry for mentor comments.\n"
                    "Private entries are left out unless --include-private.\n\n"
                    f"By default the file goes in ./{DEFAULT_FOLDER}/, named by date: 2026-11-24-reflections.md,\n"
                    "or 2026-09-01-to-2026-11-24-reflections.md for a period. It is created private\n"
                    "(0600) and never replaces an existing file without --force.",
        epilog="examples:\n"
               "  reflect export                                   the whole journal\n"
               "  reflect export --from 1/9/2026 --to 24/11/2026   one review period\n"
               "  reflect export --skill focus --unit INSCS009 -o focus.md\n"
               "  reflect export -o - | less                       to stdout\n"
               "  reflect export --include-private -o all.md --force")
    add_filter_options(p, privacy=False)
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"file to write (a folder puts the default name in it; - for stdout); "
                        f"default ./{DEFAULT_FOLDER}/DATE-reflections.md")
    p.add_argument("--force", "-f", action="store_true", help="replace the file if it exists")
    p.add_argument("--include-private", action="store_true", help="include private entries too")
    p.add_argument("--redact", action="store_true",
                   help="replace personal data (phone numbers, e-mails, names...) with labels such as [phone]; "
                        "card numbers are always masked")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import", parents=[common], formatter_class=_RAW, help="read reflections from an export or jrnl",
        description="Add the entries of a reflect Markdown export to the journal (or, with --from jrnl,\n"
                    "a jrnl journal: its plain-text file or its `jrnl --export json` output).\n\n"
                    "Entries already there are skipped, so importing a file twice adds nothing; a file\n"
                    "with a problem anywhere imports nothing. jrnl @tags that name a meta-skill\n"
                    "(@focus, @critical-thinking, @critical_thinking, ...) tag the entry with it.",
        epilog="examples:\n"
               "  reflect import journals/2026-11-24-reflections.md\n"
               "  reflect import --dry-run old-laptop.md         check and count, change nothing\n"
               "  reflect --db new.db import all.md\n"
               "  reflect import --from jrnl ~/journal.txt\n"
               "  jrnl --export json > j.json && reflect import --from jrnl j.json")
    p.add_argument("file", metavar="FILE", help="the file to read")
    p.add_argument("--from", dest="source", choices=("reflect", "jrnl"), default="reflect",
                   help="what wrote the file (default: reflect)")
    p.add_argument("--dry-run", "-n", action="store_true", help="check the file and say what would happen")
    p.set_defaults(handler=cmd_import, writes=True)

    p = sub.add_parser(
        "import-feedback", parents=[common], formatter_class=_RAW,
        help="add a mentor's comments from an export or review pack to the feedback log",
        description="Read the comments a mentor wrote under the hint lines of an export or review pack\n"
                    "and add each to the feedback log as feedback from the mentor, linked to its reflection\n"
                    "or objective. Importing the same file again adds nothing; an edited comment is added as\n"
                    "new feedback. A file from another journal, or with damaged hidden lines, imports nothing.",
        epilog="examples:\n"
               "  reflect import-feedback journals/2026-11-24-review-pack.md\n"
               "  reflect import-feedback --dry-run back-from-alex.md     say what would be added\n"
               '  reflect import-feedback --mentor "Alex Smith" back-from-alex.md')
    p.add_argument("file", metavar="FILE", help="the export or review pack the mentor sent back")
    p.add_argument("--mentor", metavar="NAME", help="who wrote the comments (default: the file's mentor: line)")
    p.add_argument("--dry-run", "-n", action="store_true", help="check the file and say what would be added")
    p.set_defaults(handler=cmd_import_feedback, writes=True)


def cmd_export(ctx) -> int:
    from reflect.export.files import ExportResult, write_export
    from reflect.export.markdown import export_markdown

    args = ctx.args
    filters = filters_from_args(ctx)
    journal, framework = ctx.journal, ctx.framework
    from reflect.cli.check import warn_before_export

    warn_before_export(ctx, filters, include_private=args.include_private, redact=args.redact)
    if args.output == "-":
        plan = export_markdown(journal, framework, ctx.out, filters, include_private=args.include_private,
                               redact=args.redact)
        print(ExportResult(None, "reflections", plan.entries, plan.private_left_out,
                           plan.private_included).summary(), file=sys.stderr)
        return 0
    progress = _progress if sys.stderr.isatty() else None
    result = write_export(journal, framework, args.output, filters, include_private=args.include_private,
                          overwrite=args.force, progress=progress, redact=args.redact)
    if progress:
        print("\r\033[K", end="", file=sys.stderr)
    ctx.print(result.summary())
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rExporting… {done:,} of {total:,} entries", end="", file=sys.stderr, flush=True)


def _import_progress(done: int) -> None:
    print(f"\rImporting… {done:,} entries read", end="", file=sys.stderr, flush=True)


def cmd_import(ctx) -> int:
    from pathlib import Path

    path = Path(ctx.args.file).expanduser()
    journal = ctx.journal
    progress = _import_progress if sys.stderr.isatty() else None
    try:
        if ctx.args.source == "jrnl":
            from reflect.importers.jrnl import import_jrnl

            result, notes = import_jrnl(journal, ctx.framework, path, dry_run=ctx.args.dry_run, progress=progress)
        else:
            from reflect.importers.markdown import import_markdown

            result, reader = import_markdown(journal, path, dry_run=ctx.args.dry_run, progress=progress)
            notes = _export_notes(reader, ctx)
    finally:
        if progress:
            print("\r\033[K", end="", file=sys.stderr)  # clear the progress line
    verb = "Would import" if ctx.args.dry_run else "Imported"
    message = f"{verb} {result.added} {'entry' if result.added == 1 else 'entries'} from {path}"
    if result.skipped:
        message += f"; skipped {result.skipped} already in the journal"
    ctx.print(message + ".")
    for note in notes:
        ctx.print(note)
    return 0


def _export_notes(reader, ctx) -> list[str]:
    notes = []
    if reader.edited:
        notes.append(f"Note: {reader.edited} {'entry was' if reader.edited == 1 else 'entries were'} "
                     "edited in the file after export; the text was taken as it now reads.")
    exported_with = (reader.front_matter.get("framework") or {}).get("id")
    if exported_with and exported_with != ctx.framework.id:
        notes.append(f'Note: the file was exported with the framework "{exported_with}", not this '
                     "journal's; meta-skills and criteria it does not know are kept and shown as unknown.")
    return notes


def cmd_import_feedback(ctx) -> int:
    from pathlib import Path

    from reflect.importers.feedback import import_feedback

    args = ctx.args
    path = Path(args.file).expanduser()
    result = import_feedback(ctx.journal, path, mentor=args.mentor, dry_run=args.dry_run)
    added, skipped = len(result.added), len(result.skipped)
    if not added:
        why = (f"its {_plural(skipped, 'mentor comment is', 'mentor comments are')} already in the feedback log"
               if skipped else "no mentor comments in it")
        ctx.print(f"Nothing new in {path}: {why}.")
        return 0
    message = f"{'Would add' if args.dry_run else 'Added'} {_plural(added, 'mentor comment', 'mentor comments')} " \
              f"from {path} to the feedback log"
    ctx.print(message + (f" ({skipped} already there)." if skipped else "."))
    who = f" from {result.source_name}" if result.source_name else ""
    for comment in result.added:
        ctx.print(f"  + {_preview(comment.label, 50)}{who}: \u201c{_preview(comment.text, 60)}\u201d")
    if not args.dry_run:
        ctx.print("`reflect feedback list --source mentor` lists them; say what you will do with "
                  "`reflect feedback update ID --action ...`.")
    return 0


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _preview(text: str, limit: int) -> str:
    from reflect.sanitize import one_line

    text = one_line(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
