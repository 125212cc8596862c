"""Commands for files attached to reflections: attach, attachments, detach, attachment."""

from __future__ import annotations

import argparse
import sys

from reflect.cli.record_args import record_id
from reflect.errors import InputError

_RAW = argparse.RawDescriptionHelpFormatter
_entry_id = record_id("an entry")


def register(sub, common) -> None:
    """Add the attachment commands to ``reflect``."""
    p = sub.add_parser(
        "attach", parents=[common], formatter_class=_RAW, help="attach files to a reflection",
        description="Keep files (a photo, a certificate, a thank-you card, a screenshot) with a reflection,\n"
                    "inside the journal: backups and encryption include them. Each file may be up to 25 MB;\n"
                    "a file stored already is kept once however often it is attached. Its type is read from\n"
                    "its content, not its name. All the files are attached, or (if one cannot be) none.",
        epilog="examples:\n"
               "  reflect attach 12 ~/Pictures/thank-you-card.jpg\n"
               "  reflect attach 12 certificate.pdf rota.xlsx")
    p.add_argument("id", type=_entry_id, help="entry number (as in `reflect list`)")
    p.add_argument("files", nargs="+", metavar="FILE", help="file(s) to attach")
    p.set_defaults(handler=cmd_attach, writes=True)

    p = sub.add_parser(
        "attachments", parents=[common], formatter_class=_RAW, help="list a reflection's attached files",
        epilog="examples:\n  reflect attachments 12\n  reflect attachments 12 --json\n"
               "  reflect attachments 12 --detached       the ones in the trash")
    p.add_argument("id", type=_entry_id, help="entry number")
    p.add_argument("--detached", action="store_true", help="list the detached ones (in the trash) instead")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_attachments)

    p = sub.add_parser(
        "detach", parents=[common], formatter_class=_RAW, help="take a file off a reflection (undo: --undo)",
        description="Take an attached file off a reflection. It goes to the trash: `reflect detach ID NAME\n"
                    "--undo` puts it back, until `reflect trash empty` removes it for good.",
        epilog='examples:\n  reflect detach 12 rota.xlsx\n  reflect detach 12 rota.xlsx --undo')
    p.add_argument("id", type=_entry_id, help="entry number")
    p.add_argument("name", metavar="NAME", help="the file's name, as `reflect attachments ID` shows it")
    p.add_argument("--undo", action="store_true", help="put back the file of this name detached last")
    p.set_defaults(handler=cmd_detach, writes=True)

    p = sub.add_parser(
        "attachment", parents=[common], formatter_class=_RAW, help="save or open an attached file",
        description="Save a copy of an attached file (--out), or open one with the system's viewer (--open).\n"
                    "A saved copy is private (0600) and never replaces a file without --force. An opened copy\n"
                    "is written to a private temporary folder, swept away after 12 hours. For an encrypted journal\n"
                    "either way writes a plain, unencrypted copy: you are asked first (--yes answers).",
        epilog="examples:\n  reflect attachment 12 card.jpg --open\n"
               "  reflect attachment 12 certificate.pdf --out ~/Desktop/\n"
               "  reflect attachment 12 certificate.pdf --out - > copy.pdf")
    p.add_argument("id", type=_entry_id, help="entry number")
    p.add_argument("name", metavar="NAME", help="the file's name")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--out", "-o", metavar="PATH", help="where to save the copy (a folder keeps its name; - for stdout)")
    what.add_argument("--open", action="store_true", help="open it with the system's viewer")
    p.add_argument("--force", "-f", action="store_true", help="replace the file at PATH if there is one")
    p.add_argument("--yes", "-y", action="store_true", help="for an encrypted journal: yes, write a plain copy")
    p.set_defaults(handler=cmd_attachment)


def cmd_attach(ctx) -> int:
    from reflect.paths import expand

    store = ctx.journal.attachments
    result = store.attach(ctx.args.id, [expand(f) for f in ctx.args.files])
    for attachment in result.added:
        ctx.print(f"Attached {attachment.name} ({attachment.size_text}, {attachment.kind.label}) "
                  f"to entry {ctx.args.id}.")
    for source, attachment in result.already:
        ctx.print(f"{source} is attached already, as {attachment.name}: not attached twice.")
    return 0


def cmd_attachments(ctx) -> int:
    from reflect.cli.output import print_json

    ctx.journal.entries.get(ctx.args.id, include_trashed=True)  # a plain "no entry" for a wrong number
    found = ctx.journal.attachments.list(ctx.args.id, detached=ctx.args.detached)
    if ctx.args.json:
        print_json([a.to_json() for a in found], ctx.out)
        return 0
    if not found:
        ctx.print(f"Entry {ctx.args.id} has no {'detached ' if ctx.args.detached else ''}attachments."
                  + ("" if ctx.args.detached else f" (`reflect attach {ctx.args.id} FILE` adds one.)"))
        return 0
    from reflect.sanitize import shown_line

    width = min(max(len(a.name) for a in found), 60)
    for a in found:
        name = shown_line(a.name)
        name = name if len(name) <= width else name[:width - 1] + "\u2026"
        ctx.print(f"{name:<{width}}  {a.size_text:>9}  {a.kind.label}")
    return 0


def cmd_detach(ctx) -> int:
    store = ctx.journal.attachments
    args = ctx.args
    if args.undo:
        attachment = store.undo_detach(store.last_detached(args.id, args.name).id)
        ctx.print(f"Put {attachment.name} back on entry {args.id}.")
        return 0
    attachment = store.detach(args.id, args.name)
    ctx.print(f"Detached {attachment.name} from entry {args.id}. It stays in the trash until it is emptied: "
              f"`reflect detach {args.id} {_quoted(attachment.name)} --undo` puts it back.")
    return 0


def _quoted(name: str) -> str:
    import shlex

    return shlex.quote(name)


def cmd_attachment(ctx) -> int:
    from reflect.attachments import copies
    from reflect.paths import expand

    journal, args = ctx.journal, ctx.args
    store = journal.attachments
    attachment = store.get(args.id, args.name)
    if journal.encrypted:
        _confirm_plain_copy(args, attachment.name)
    if args.open:
        path = copies.copy_to_view(store, attachment, copies.new_view_folder())
        copies.open_in_viewer(path)
        ctx.print(f"Opened {attachment.name} ({attachment.kind.label}) from a private copy in {path.parent}.")
        return 0
    if args.out == "-":
        out = getattr(ctx.out, "buffer", None)
        if out is None:
            raise InputError("--out - needs a place to write bytes (redirect it to a file).")
        ctx.out.flush()
        out.write(store.read(attachment))
        out.flush()
        return 0
    import os

    path = copies.save_copy(store, attachment, expand(args.out), overwrite=args.force, journal_path=journal.path,
                            folder=args.out.endswith(("/", os.sep)))
    ctx.print(f"Saved {attachment.name} ({attachment.size_text}) to {path}.")
    return 0


def _confirm_plain_copy(args, name: str) -> None:
    from reflect.cli.output import stdin_is_terminal

    warning = (f"the journal is encrypted, but the copy of {name} this writes is not: anyone who can read "
               "the folder can read it")
    if args.yes:
        print(f"reflect: note: {warning}.", file=sys.stderr)
        return
    if not stdin_is_terminal():
        raise InputError(f"{warning[0].upper()}{warning[1:]}; add --yes to write it anyway.")
    answer = input(f"Note: {warning}. Write it? [y/N] ")
    if answer.strip().lower() not in ("y", "yes"):
        raise InputError("Nothing was written.")
