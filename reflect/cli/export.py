"""Commands that move reflections in and out as files: export (Markdown for mentors) and import."""

from __future__ import annotations

import argparse
import sys

from reflect.cli.filters import add_filter_options, filters_from_args

_RAW = argparse.RawDescriptionHelpFormatter
DEFAULT_FOLDER = "journals"


def register(sub, common) -> None:
    """Add `export` and `import` to ``reflect``."""
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


def cmd_export(ctx) -> int:
    from pathlib import Path

    from reflect.export_markdown import default_file_name, export_markdown
    from reflect.export_plan import plan_export
    from reflect.files import atomic_writer

    args = ctx.args
    filters = filters_from_args(ctx)
    journal, framework = ctx.journal, ctx.framework
    if args.output == "-":
        plan = export_markdown(journal, framework, ctx.out, filters, include_private=args.include_private)
        _report(plan, "to stdout", sys.stderr)
        return 0
    target = Path(args.output).expanduser() if args.output else Path(DEFAULT_FOLDER)
    if not args.output or target.is_dir():
        # The name depends on the period the entries span, so plan (cheaply) first.
        plan = plan_export(journal, framework, filters, include_private=args.include_private)
        target = target / default_file_name(plan, journal.today())
    progress = _progress if sys.stderr.isatty() else None
    with atomic_writer(target, overwrite=args.force) as handle:
        plan = export_markdown(journal, framework, handle, filters, include_private=args.include_private,
                               progress=progress)
    if progress:
        print("\r\033[K", end="", file=sys.stderr)
    _report(plan, f"to {target}", ctx.out)
    return 0


def _progress(done: int, total: int) -> None:
    print(f"\rExporting… {done:,} of {total:,} entries", end="", file=sys.stderr, flush=True)


def _import_progress(done: int) -> None:
    print(f"\rImporting… {done:,} entries read", end="", file=sys.stderr, flush=True)


def _report(plan, where: str, out) -> None:
    count = f"{plan.entries} {'entry' if plan.entries == 1 else 'entries'}"
    message = f"Exported {count} {where}"
    if plan.private_left_out:
        n = plan.private_left_out
        message += (f" ({n} private {'entry' if n == 1 else 'entries'} left out; "
                    "--include-private adds them)")
    elif plan.private_included:
        message += f" (including {plan.private_included} private)"
    print(message + ".", file=out)


def cmd_import(ctx) -> int:
    from pathlib import Path

    path = Path(ctx.args.file).expanduser()
    journal = ctx.journal
    if ctx.args.source == "jrnl":
        from reflect.import_jrnl import import_jrnl

        result, notes = import_jrnl(journal, ctx.framework, path, dry_run=ctx.args.dry_run)
    else:
        from reflect.import_markdown import import_markdown

        progress = _import_progress if sys.stderr.isatty() else None
        result, reader = import_markdown(journal, path, dry_run=ctx.args.dry_run, progress=progress)
        if progress:
            print("\r\033[K", end="", file=sys.stderr)
        notes = _export_notes(reader, ctx)
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
