"""Commands that move reflections in and out as files: export (Markdown for mentors), import,
and import-feedback (a mentor's comments back into the feedback log)."""

from __future__ import annotations

import argparse
import sys

from reflect.words import plural
from reflect.cli.filters import add_filter_options, filters_from_args
from reflect.errors import InputError

_RAW = argparse.RawDescriptionHelpFormatter
DEFAULT_FOLDER = "journals"


def register(sub, common) -> None:
    """Add `export`, `import` and `import-feedback` to ``reflect``."""
    p = sub.add_parser(
        "export", parents=[common], formatter_class=_RAW, help="write reflections as Markdown for a mentor",
        description="Write the journal, a period or a filtered part of it as one Markdown file that\n"
                    "reads well anywhere and has a place under each entry for mentor comments.\n"
                    "Private entries are left out unless --include-private.\n\n"
                    "Attached files go in a folder beside it (NAME_files/), linked from their entries; a private\n"
                    "entry's files are never exported. --bundle writes one zip with the Markdown, a printable\n"
                    "HTML page (pictures shown in it) and the files.\n\n"
                    f"By default the file goes in ./{DEFAULT_FOLDER}/, named by date: 2026-11-24-reflections.md,\n"
                    "or 2026-09-01-to-2026-11-24-reflections.md for a period. It is created private\n"
                    "(0600) and never replaces an existing file without --force.",
        epilog="examples:\n"
               "  reflect export                                   the whole journal\n"
               "  reflect export --from 1/9/2026 --to 24/11/2026   one review period\n"
               "  reflect export --skill focus --unit INSCS009 -o focus.md\n"
               "  reflect export -o - | less                       to stdout\n"
               "  reflect export --include-private -o all.md --force\n"
               "  reflect export --from 1/9/2026 --bundle              one zip for the mentor")
    add_filter_options(p, privacy=False)
    p.add_argument("-o", "--output", metavar="FILE",
                   help=f"file to write (a folder puts the default name in it; - for stdout); "
                        f"default ./{DEFAULT_FOLDER}/DATE-reflections.md")
    p.add_argument("--force", "-f", action="store_true", help="replace the file if it exists")
    p.add_argument("--include-private", action="store_true",
                   help="include private entries too (never their attached files)")
    p.add_argument("--redact", action="store_true",
                   help="replace personal data (phone numbers, e-mails, names...) with labels such as [phone]; "
                        "card numbers are always masked")
    p.add_argument("--bundle", action="store_true",
                   help="write one zip for your mentor: the Markdown, a printable HTML page and the attached files")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser(
        "import", parents=[common], formatter_class=_RAW, help="read reflections from an export or jrnl",
        description="Add the entries of a reflect Markdown export to the journal (or, with --from jrnl,\n"
                    "a jrnl journal: its plain-text file or its `jrnl --export json` output), with the files\n"
                    "attached to them from the NAME_files folder beside it; a bundle's zip is read as it is.\n\n"
                    "Entries already there are skipped, so importing a file twice adds nothing, except\n"
                    "the attached files such an entry lacks (the same bytes are never attached twice; a file\n"
                    "you detached is not brought back); a file with a problem anywhere imports nothing.\n"
                    "A reflection whose text was changed in the file after export is given back exactly\n"
                    "when what was written into it can be taken out (the lines are named); otherwise\n"
                    "it is skipped and named (exit 2) unless --accept-edited.\n"
                    "jrnl @tags that name a meta-skill (@focus, @critical-thinking, @critical_thinking, ...)\n"
                    "tag the entry with it.",
        epilog="examples:\n"
               "  reflect import journals/2026-11-24-reflections.md\n"
               "  reflect import --dry-run old-laptop.md         check and count, change nothing\n"
               "  reflect import journals/2026-11-24-reflections.zip   a bundle, files and all\n"
               "  reflect --db new.db import all.md\n"
               "  reflect import --from jrnl ~/journal.txt\n"
               "  reflect import --from jrnl --timeformat '%%d/%%m/%%Y %%H:%%M' journal.txt\n"
               "  jrnl --export json > j.json && reflect import --from jrnl j.json")
    p.add_argument("file", metavar="FILE", help="the file to read")
    p.add_argument("--from", dest="source", choices=("reflect", "jrnl"), default="reflect",
                   help="what wrote the file (default: reflect)")
    p.add_argument("--timeformat", metavar="FORMAT",
                   help="with --from jrnl: how its dates are written, as jrnl's timeformat setting "
                        "(default: from jrnl's own config file, else %%Y-%%m-%%d %%H:%%M), e.g. '%%d/%%m/%%Y %%H:%%M'")
    p.add_argument("--dry-run", "-n", action="store_true", help="check the file and say what would happen")
    p.add_argument("--accept-edited", action="store_true",
                   help="import reflections changed in the file after export as they now read")
    p.add_argument("--no-attachments", dest="attachments", action="store_false",
                   help="leave out the attached files (the NAME_files folder beside the export)")
    p.set_defaults(handler=cmd_import, writes=True)

    p = sub.add_parser(
        "import-feedback", parents=[common], formatter_class=_RAW,
        help="add a mentor's comments from an export or review pack to the feedback log",
        description="Read the comments a mentor wrote in an export or review pack and add each to the\n"
                    "feedback log as feedback from the mentor, linked to its reflection or objective.\n"
                    "Text written anywhere else (under a reflection, in the summary, after the end) is listed\n"
                    "with its line and not imported: the command then exits 2, unless --keep-unplaced files\n"
                    "it as general feedback. Importing the same file again adds nothing; a comment re-sent\n"
                    "with edits replaces the one imported before.",
        epilog="examples:\n"
               "  reflect import-feedback journals/2026-11-24-review-pack.md\n"
               "  reflect import-feedback --dry-run back-from-alex.md     say what would be added\n"
               '  reflect import-feedback --mentor "Alex Smith" back-from-alex.md\n'
               "  reflect import-feedback --keep-unplaced back-from-alex.md\n"
               "  reflect import-feedback --actions-as feedback back-from-alex.md\n\n"
               "A review pack's record of the meeting (overall comments, agreed actions, next review date,\n"
               "the mentor's ratings, sign-off) is kept on its review; `reflect review show N` shows it.")
    p.add_argument("file", metavar="FILE", help="the export or review pack the mentor sent back")
    p.add_argument("--mentor", metavar="NAME",
                   help="who wrote the comments (default: the file's mentor: line or sign-off; asked if unknown)")
    p.add_argument("--keep-unplaced", action="store_true",
                   help="file text written outside the comment places as general feedback from the mentor")
    p.add_argument("--dry-run", "-n", action="store_true", help="check the file and say what would be added")
    p.add_argument("--actions-as", choices=("objectives", "feedback"), default="objectives",
                   help="what the agreed actions in a review pack's record become: draft objectives "
                        "(default) or feedback actions")
    p.set_defaults(handler=cmd_import_feedback, writes=True)


#: Said whenever an encrypted journal is exported: the export is for a mentor, by design.
PLAIN_NOTE = ("reflect: note: the journal is encrypted but this export is plain text, "
              "readable by anyone who has the file")


def cmd_export(ctx) -> int:
    from reflect.export.files import ExportResult, write_export
    from reflect.export.markdown import export_markdown

    args = ctx.args
    filters = filters_from_args(ctx)
    journal, framework = ctx.journal, ctx.framework
    if journal.encrypted:
        # By design: the export is for a mentor. Said, so nobody thinks it is locked too.
        print(PLAIN_NOTE, file=sys.stderr)
    from reflect.cli.check import warn_before_export

    warn_before_export(ctx, filters, include_private=args.include_private, redact=args.redact)
    if args.bundle:
        if args.output == "-":
            raise InputError("A bundle is a zip file: give -o FILE.zip (or a folder), not -o -.")
        from reflect.export.bundle import export_bundle

        result = export_bundle(journal, framework, args.output, filters, include_private=args.include_private,
                               overwrite=args.force, redact=args.redact)
        ctx.print(result.summary())
        return 0
    if args.output == "-":
        from reflect.export.attachments import all_files, export_files

        with ctx.file_out() as out:
            plan = export_markdown(journal, framework, out, filters, include_private=args.include_private,
                                   redact=args.redact)
        unwritten = len(all_files(export_files(journal, plan.filters, "")))
        print(ExportResult(None, "reflections", plan.entries, plan.private_left_out,
                           plan.private_included, attachments_not_written=unwritten).summary(), file=sys.stderr)
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
    from reflect.paths import expand

    path = expand(ctx.args.file)
    if ctx.args.timeformat is not None and ctx.args.source != "jrnl":
        raise InputError("--timeformat is for jrnl journals: add --from jrnl.")
    journal = ctx.journal
    progress = _import_progress if sys.stderr.isatty() else None
    reader = None
    try:
        if ctx.args.source == "jrnl":
            from reflect.importers.jrnl import import_jrnl

            result, notes = import_jrnl(journal, ctx.framework, path, dry_run=ctx.args.dry_run, progress=progress,
                                        timeformat=ctx.args.timeformat)
        else:
            from reflect.importers.bundle import is_bundle, unpacked
            from reflect.importers.markdown import import_markdown

            options = dict(dry_run=ctx.args.dry_run, progress=progress, accept_edited=ctx.args.accept_edited,
                           attachments=ctx.args.attachments)
            if is_bundle(path):  # `reflect export --bundle`'s zip: unpacked privately, then read
                with unpacked(path) as markdown:
                    result, reader = import_markdown(journal, markdown, shown_as=str(path), **options)
            else:
                result, reader = import_markdown(journal, path, **options)
            notes = _export_notes(reader, ctx)
    finally:
        if progress:
            print("\r\033[K", end="", file=sys.stderr)  # clear the progress line
    verb = "Would import" if ctx.args.dry_run else "Imported"
    message = f"{verb} {result.added} {'entry' if result.added == 1 else 'entries'}"
    if result.attachments:
        message += f" and {result.attachments} attached {'file' if result.attachments == 1 else 'files'}"
    message += f" from {path}"
    if result.skipped:
        message += f"; skipped {result.skipped} already in the journal"
    if result.files_for_existing:
        n, m = result.files_for_existing, result.existing_given_files
        message += (f"; {'would add' if ctx.args.dry_run else 'added'} {n} attached {'file' if n == 1 else 'files'} "
                    f"missing from {m} of them" if result.skipped > 1 else
                    f"; {'would add' if ctx.args.dry_run else 'added'} {n} attached {'file' if n == 1 else 'files'} "
                    "it lacked")
    ctx.print(message + ".")
    for note in notes:
        ctx.print(note)
    left_out = reader.left_out if reader is not None else []
    if left_out:
        for line, day, title in left_out:
            ctx.print(f"  not imported: line {line}, {day} \u2014 {title}")
        n = len(left_out)
        print(f"reflect: {n} {'reflection was' if n == 1 else 'reflections were'} changed in {path} after export "
              "and cannot be given back exactly, so " + ("it was" if n == 1 else "they were") + " not imported "
              "(listed above); --accept-edited imports them as they now read", file=sys.stderr)
        return 2
    return 0


def _export_notes(reader, ctx) -> list[str]:
    notes = []
    if reader.edited and ctx.args.accept_edited:
        notes.append(f"Note: {reader.edited} {'entry was' if reader.edited == 1 else 'entries were'} "
                     "edited in the file after export; the text was taken as it now reads (--accept-edited).")
    if reader.recovered:
        notes.append(f"Note: {reader.recovered} {'entry was' if reader.recovered == 1 else 'entries were'} written "
                     "into after export; what was added was taken out, giving back the text exactly. Lines taken "
                     "out (`reflect import-feedback` brings a mentor's words in): " + ", ".join(
                         _line_span(item.added_lines) for item in reader.recovered_items))
    exported_with = (reader.front_matter.get("framework") or {}).get("id")
    if exported_with and exported_with != ctx.framework.id:
        notes.append(f'Note: the file was exported with the framework "{exported_with}", not this '
                     "journal's; meta-skills and criteria it does not know are kept and shown as unknown.")
    return notes


def cmd_import_feedback(ctx) -> int:
    from reflect.cli.output import stdin_is_terminal
    from reflect.importers.feedback import MentorNeeded, import_feedback
    from reflect.paths import expand

    args = ctx.args
    path = expand(args.file)
    mentor = args.mentor
    try:
        result = import_feedback(ctx.journal, path, framework=ctx.framework, mentor=mentor, dry_run=args.dry_run,
                                 keep_unplaced=args.keep_unplaced, actions_as=args.actions_as)
    except MentorNeeded:
        if not stdin_is_terminal():  # closed or redirected: nobody to ask
            raise
        mentor = input("Who wrote these comments? Mentor's name: ").strip()
        if not mentor:
            raise
        result = import_feedback(ctx.journal, path, framework=ctx.framework, mentor=mentor, dry_run=args.dry_run,
                                 keep_unplaced=args.keep_unplaced, actions_as=args.actions_as)
    if result.record is not None:
        for line in result.record.summary():
            ctx.print(line)
    _report_feedback(ctx, path, result)
    if not result.complete:
        n = len(result.unplaced)
        print(f"reflect: {plural(n, 'piece', 'pieces')} of the mentor's text in {path} "
              f"{'is' if n == 1 else 'are'} outside the comment places and {'was' if n == 1 else 'were'} not "
              "imported (listed above); move it into a comment place and import the file again, or run again "
              "with --keep-unplaced to file it as general feedback", file=sys.stderr)
        return 2
    return 0


def _report_feedback(ctx, path, result) -> None:
    added, replaced, skipped = len(result.added), len(result.replaced), len(result.skipped)
    verb = "Would add" if result.dry_run else "Added"
    if not (added or replaced):
        why = (f"its {plural(skipped, 'mentor comment is', 'mentor comments are')} already in the feedback log"
               if skipped else "no mentor comments in it")
        ctx.print(f"Nothing new in {path}: {why}.")
    else:
        parts = [f"{verb} {plural(added, 'mentor comment', 'mentor comments')}"]
        if replaced:
            parts.append(f"{'would replace' if result.dry_run else 'replaced'} {replaced} re-sent")
        message = " and ".join(parts) + f" from {path} to the feedback log"
        ctx.print(message + (f" ({skipped} already there)." if skipped else "."))
    who = f" from {result.source_name}" if result.source_name else ""
    for sign, items in (("+", result.added), ("~", result.replaced)):
        for comment in items:
            when = f" ({comment.written_on.strftime('%d/%m/%Y')})" if comment.written_on else ""
            ctx.print(f"  {sign} {_preview(comment.label, 50)}{who}{when}: \u201c{_preview(comment.text, 60)}\u201d")
    for note in result.notes:
        ctx.print(f"Note: {note}")
    if result.unplaced and not result.keep_unplaced:
        ctx.print(f"Not imported ({len(result.unplaced)}):")
        for piece in result.unplaced:
            ctx.print(f"  line {piece.line}, {piece.why}: \u201c{_preview(piece.text, 70)}\u201d")
    if (added or replaced) and not result.dry_run:
        ctx.print("`reflect feedback list --source mentor` lists them; say what you will do with "
                  "`reflect feedback update ID --action ...`.")


def _line_span(lines: tuple[int, ...]) -> str:
    return str(lines[0]) if len(lines) == 1 else f"{lines[0]}\u2013{lines[-1]}"


def _preview(text: str, limit: int) -> str:
    from reflect.sanitize import one_line

    text = one_line(" ".join(text.split()))
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
