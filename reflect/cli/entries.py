"""Commands for reflections: add, list, show, edit, search, delete, trash, restore."""

from __future__ import annotations

import argparse
import sys

from reflect.cli.evidence_args import add_kind_options, kind_fields
from reflect.cli.filters import add_filter_options, filters_from_args
from reflect.cli import record_args as ra
from reflect.errors import InputError, ReflectError

_RAW = argparse.RawDescriptionHelpFormatter
_entry_id = ra.record_id("an entry")


def register(sub, common) -> None:
    """Add the entry commands to ``reflect``."""
    p = sub.add_parser("add", parents=[common], formatter_class=_RAW, help="write a reflection",
                       description="Write a reflection. The text comes from BODY, else from stdin "
                                   "when it is piped in, else from your $EDITOR.",
                       epilog="examples:\n"
                              '  reflect add --skill focus --criterion INSCS009.P8 "Kept calm in the rush"\n'
                              '  reflect add --date yesterday --title "Refund" < notes.md\n'
                              '  reflect add --kind witness --witness "Amy Reid" --witness-role "Team leader" \\\n'
                              '      --criterion INSCS009.P8 "Calmed an upset customer at the till" --confirmed\n'
                              "  reflect add --model gibbs            (opens $EDITOR with the Gibbs headings)")
    _entry_options(p)
    p.add_argument("--no-advice", dest="advice", action="store_false",
                   help="do not print the coach's advice after adding")
    p.add_argument("body", nargs="?", metavar="BODY", help="the reflection text (Markdown)")
    p.set_defaults(handler=cmd_add, writes=True)

    p = sub.add_parser("list", aliases=["ls"], parents=[common], formatter_class=_RAW,
                       help="list reflections, newest first",
                       epilog="examples:\n  reflect list -n 5\n  reflect list --skill leadership --from '1 Sep'\n"
                              "  reflect list --kind witness\n"
                              "  reflect list --unit SDS0223 --json")
    add_filter_options(p)
    _reading_options(p, default_n=20)
    p.set_defaults(handler=cmd_list)

    p = sub.add_parser("search", parents=[common], formatter_class=_RAW,
                       help="full-text search, best matches first",
                       epilog='examples:\n  reflect search complaint\n  reflect search "angry customer" --from 1/9/2026\n'
                              "  reflect search refund OR exchange --skill integrity")
    p.add_argument("query", nargs="+", help='words to find; "quoted phrase", OR, NOT and word* work')
    add_filter_options(p)
    _reading_options(p, default_n=20)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("show", parents=[common], formatter_class=_RAW, help="show one reflection in full",
                       epilog="examples:\n  reflect show 12\n  reflect show 12 --json")
    p.add_argument("id", type=_entry_id, help="entry number (as in `reflect list`)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("edit", parents=[common], formatter_class=_RAW, help="change a reflection",
                       description="Change a reflection. With no options the text opens in your $EDITOR; "
                                   "options change just those fields.",
                       epilog="examples:\n  reflect edit 12\n  reflect edit 12 --title \"Better title\" --skill focus --skill integrity\n"
                              "  reflect edit 12 --public\n  reflect edit 12 --time 45m\n"
                              "  reflect edit 12 --time none         (no time spent recorded)\n"
                              "  reflect edit 12 --confirmed 3/11/2026")
    p.add_argument("id", type=_entry_id, help="entry number")
    _entry_options(p, editing=True)
    p.add_argument("--body", help="replace the text with this")
    p.set_defaults(handler=cmd_edit, writes=True)

    p = sub.add_parser("delete", aliases=["rm"], parents=[common], formatter_class=_RAW,
                       help="move a reflection to the trash",
                       epilog="examples:\n  reflect delete 12\n  reflect restore 12      (undo)")
    p.add_argument("ids", type=_entry_id, nargs="+", metavar="ID", help="entry number(s)")
    p.set_defaults(handler=cmd_delete, writes=True)

    p = sub.add_parser("restore", parents=[common], formatter_class=_RAW, help="bring a reflection back from the trash",
                       epilog="examples:\n  reflect restore 12")
    p.add_argument("ids", type=_entry_id, nargs="+", metavar="ID", help="entry number(s)")
    p.set_defaults(handler=cmd_restore, writes=True)

    p = sub.add_parser("trash", parents=[common], formatter_class=_RAW, help="list the trash, or empty it for good",
                       epilog="examples:\n  reflect trash\n  reflect trash empty --yes")
    p.add_argument("action", nargs="?", choices=["list", "empty"], default="list")
    p.add_argument("--yes", "-y", action="store_true", help="empty without asking")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_trash)


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a whole number') from None
    if not 1 <= value <= 100_000:
        raise argparse.ArgumentTypeError("choose between 1 and 100000")
    return value


def _reading_options(p, default_n: int) -> None:
    p.add_argument("-n", "--number", type=_count, default=default_n, metavar="N",
                   help=f"how many to show (default {default_n})")
    p.add_argument("--json", action="store_true", help="print JSON (full entries)")


def _entry_options(p, editing: bool = False) -> None:
    from reflect.entries.models import MODELS

    p.add_argument("--title", "-t", help="title (default: the first line of the text)")
    p.add_argument("--date", "-d", help="the day reflected on: 24/11/2026, yesterday, last friday... "
                                        + ("" if editing else "(default today)"))
    p.add_argument("--skill", "-s", action="append", default=None, metavar="SKILL",
                   help="meta-skill tag, e.g. focus (repeat for more)" + ("; replaces the tags" if editing else ""))
    p.add_argument("--criterion", "-c", action="append", default=None, metavar="ID",
                   help="criterion evidenced, e.g. INSCS009.P2 (repeat)" + ("; replaces them" if editing else ""))
    p.add_argument("--model", "-m", choices=MODELS, help="reflective model (its headings start the text)")
    p.add_argument("--confidence", type=int, choices=range(1, 6), metavar="1-5", help="how confident you felt, 1 to 5")
    ra.time_option(p, editing=editing)
    privacy = p.add_mutually_exclusive_group()
    privacy.add_argument("--private", dest="private", action="store_const", const=True, default=None,
                         help="keep out of exports unless asked")
    if editing:
        privacy.add_argument("--public", dest="private", action="store_const", const=False,
                             help="no longer private")
    add_kind_options(p, editing)


def _resolved_fields(ctx, current=None) -> dict:
    """Turn the entry options given into store fields (only those given); ``current`` is the
    entry being edited (then ``--time none`` clears the time spent)."""
    from reflect.dates import MAX_MINUTES, parse_day, parse_minutes

    args = ctx.args
    fields: dict = kind_fields(args, current)
    if args.title is not None:
        fields["title"] = args.title
    if args.date is not None:
        fields["day"] = parse_day(args.date)
    if args.skill is not None:
        fields["skills"] = [ctx.framework.resolve_skill(s) for s in args.skill]
    if args.criterion is not None:
        fields["criteria"] = [ctx.framework.resolve_criterion(c) for c in args.criterion]
    if args.model is not None:
        fields["model"] = args.model
    if args.confidence is not None:
        fields["confidence"] = args.confidence
    if current is not None:
        spent = ra.optional_minutes(args.minutes, MAX_MINUTES)
        if spent != "unchanged":
            fields["minutes"] = spent
    elif args.minutes is not None:
        fields["minutes"] = parse_minutes(args.minutes)
    if args.private is not None:
        fields["private"] = args.private
    return fields


def _title_from(body: str) -> str:
    """A title from the first non-empty line of the text, without Markdown heading marks."""
    for line in body.splitlines():
        line = line.strip().lstrip("#>").strip()
        if line:
            return line if len(line) <= 70 else line[:69].rstrip() + "…"
    return ""


def cmd_add(ctx) -> int:
    from datetime import date

    from reflect.cli.output import read_stdin, stdin_is_terminal
    from reflect.dates import format_long

    fields = _resolved_fields(ctx)  # check every option before asking for any text
    session = None
    if ctx.args.body is not None:
        body = ctx.args.body
    elif not stdin_is_terminal():
        body = read_stdin("the reflection")
    else:
        session = _editor_session(ctx, fields)
        body = session.edit()
    if session is None:
        _tell_of_left_over_text(ctx)
    if not body.strip() and not fields.get("title"):
        if session is not None:
            session.done()  # emptied on purpose: nothing to keep
        raise InputError("Nothing written, so nothing was added.")
    fields.setdefault("title", _title_from(body))
    fields.setdefault("day", date.today())
    try:
        entry = ctx.journal.entries.add(body=body, **fields)
    except ReflectError as error:
        if session is None:
            raise
        raise ReflectError(f"{error} Your text is kept: `reflect add` opens it again.") from None
    if session is not None:
        session.done()
    from reflect.entries.kinds import REFLECTION, kind_label

    what = "" if entry.kind == REFLECTION else f" ({kind_label(entry.kind)})"
    ctx.print(f"Added entry {entry.id}: {entry.title} ({format_long(entry.day)})"
              + (" [private]" if entry.private else "") + what)
    if ctx.args.advice:
        from reflect.cli.check import after_add

        after_add(ctx, entry)
    return 0


def _editor_session(ctx, fields: dict):
    """The editor session for `reflect add`: on text an interrupted session left, if any."""
    from reflect.cli.editor import EditorSession
    from reflect.dates import format_long
    from reflect.entries.templates import template_body
    from reflect.store import side_files

    ctx.journal  # a file that cannot be a journal is refused before anything is made beside it
    path = ctx.journal_path
    for left in side_files.leftovers(path, side_files.ADD):
        if not left.read_text().strip():
            left.remove()
            continue
        try:
            session = EditorSession.resume(left)
        except ReflectError:
            continue  # another reflect took it up just now
        print(f"reflect: opening the text you wrote on {format_long(left.written_at.astimezone().date())} "
              f"at {left.written_at.astimezone():%H:%M}, which was never saved (the editor or terminal "
              "was closed); save it to add it, or empty it to throw it away.", file=sys.stderr)
        return session
    model = fields.get("model", "none")
    if model == "none" and fields.get("kind"):
        from reflect.entries.kinds import kind_template

        return EditorSession.new(path, side_files.ADD, kind_template(fields["kind"]))
    return EditorSession.new(path, side_files.ADD, template_body(model))


def _tell_of_left_over_text(ctx) -> None:
    """Say (never blocking a script) that text from an interrupted editor is waiting."""
    from reflect.store import side_files

    try:
        waiting = side_files.leftovers(ctx.journal_path, side_files.ADD, "edit")
    except ReflectError:
        return
    waiting = [w for w in waiting if w.read_text().strip()]
    if not waiting:
        return
    where = [f"`reflect edit {w.entry_id}`" if w.entry_id else "`reflect add` (with no text)" for w in waiting]
    print(f"reflect: note: text written in your editor was never saved ({len(waiting)}); "
          f"{', '.join(dict.fromkeys(where))} opens it again, and so does the app.", file=sys.stderr)


def cmd_list(ctx) -> int:

    filters = filters_from_args(ctx)
    page = ctx.journal.entries.list(filters, limit=ctx.args.number)
    return _print_rows(ctx, page.rows, empty=lambda: _empty_message(ctx, filters))


def cmd_search(ctx) -> int:
    text = " ".join(ctx.args.query)
    filters = filters_from_args(ctx, text=text)
    rows = ctx.journal.entries.search(filters, limit=ctx.args.number)
    return _print_rows(ctx, rows, empty=lambda: f'No reflections match "{text}".')


def _print_rows(ctx, rows, empty) -> int:
    """Print list rows (or JSON); ``empty()`` gives the message when there are none."""
    from reflect.cli.output import entry_rows, plain_snippet, print_json

    # How many files each row has attached: one query over the links, never the bytes.
    files = ctx.journal.attachments.counts([r.id for r in rows]) if rows else {}
    if ctx.args.json:
        entries = ctx.journal.entries.get_many([r.id for r in rows])
        snippets = {r.id: r.snippet for r in rows if r.snippet}
        data = []
        for entry in entries:
            item = entry.to_json()
            if entry.id in snippets:
                item["snippet"] = plain_snippet(snippets[entry.id])
            item["attachment_count"] = files.get(entry.id, 0)
            data.append(item)
        print_json(data, ctx.out)
    elif rows:
        entry_rows(rows, ctx.framework, ctx.out, files=files)
    else:
        ctx.print(empty())
    return 0


def _empty_message(ctx, filters) -> str:
    if filters.is_empty and ctx.journal.entries.count() == 0:
        return 'No reflections yet. Write your first with `reflect add "what happened today"` or open the app with `reflect`.'
    return "No reflections match."


def cmd_show(ctx) -> int:
    from reflect.cli.output import print_json, show_entry

    entry = ctx.journal.entries.get(ctx.args.id, include_trashed=True)
    if ctx.args.json:
        data = entry.to_json()
        # One entry's attached files, by name (`reflect list --json` leaves them out: it stays fast).
        data["attachments"] = [a.to_json() for a in ctx.journal.attachments.list(entry.id)]
        print_json(data, ctx.out)
    else:
        show_entry(entry, ctx.framework, ctx.out)
        files = ctx.journal.attachments.list(entry.id)  # the links only, never the bytes
        if files:
            from reflect.sanitize import shown_line

            ctx.print("\nAttached: " + ", ".join(f"{shown_line(a.name)} ({a.size_text}, {a.kind.label})"
                                                for a in files)
                      + f"  (`reflect attachment {entry.id} NAME --open` opens one)")
    return 0


def cmd_edit(ctx) -> int:
    store = ctx.journal.entries
    entry = store.get(ctx.args.id)
    fields = _resolved_fields(ctx, entry)
    if ctx.args.body is not None:
        fields["body"] = ctx.args.body
    session = None
    base_revision = entry.revision
    if not fields:
        session, base_revision = _edit_session(ctx, entry)
        body = session.edit()
        if body == entry.body:
            session.done()
            ctx.print(f"Entry {entry.id} unchanged.")
            return 0
        fields["body"] = body
    # The editor may have been open a while: a save made meanwhile is kept, and so is this one.
    try:
        saved, other = store.save_edit(entry.id, base_revision, **fields)
    except ReflectError as error:
        if session is None:
            raise
        raise ReflectError(f"{error} Your text is kept: `reflect edit {entry.id}` opens it again.") from None
    if session is not None:
        session.done()
    if other is not None:
        ctx.print(f"Entry {entry.id} was changed elsewhere while you edited it, so it was left as it is; "
                  f"your version was saved as entry {saved.id}: {saved.title}")
        return 0
    ctx.print(f"Updated entry {saved.id}: {saved.title}")
    return 0


def _edit_session(ctx, entry):
    """The editor session for `reflect edit N`, and the revision the text started from: on
    text an interrupted edit of this entry left, if any (saved against the revision it began
    from, so a change made since is kept as well)."""
    from reflect.cli.editor import EditorSession
    from reflect.store import side_files

    path = ctx.journal_path
    for left in side_files.leftovers(path, "edit"):
        if left.entry_id != entry.id:
            continue
        try:
            session = EditorSession.resume(left)
        except ReflectError:
            continue
        print(f"reflect: opening your unsaved changes to entry {entry.id} from "
              f"{left.written_at.astimezone():%d/%m/%Y %H:%M} (the editor or terminal was closed before "
              "they were saved).", file=sys.stderr)
        return session, left.revision or entry.revision
    return EditorSession.new(path, side_files.edit_kind(entry.id, entry.revision), entry.body), entry.revision


def cmd_delete(ctx) -> int:
    store = ctx.journal.entries
    with ctx.journal.write():  # all or nothing: a bad id leaves every entry where it was
        entries = [store.delete(i) for i in ctx.args.ids]
    for entry in entries:
        ctx.print(f"Moved entry {entry.id} ({entry.title}) to the trash. `reflect restore {entry.id}` brings it back.")
    return 0


def cmd_restore(ctx) -> int:
    store = ctx.journal.entries
    with ctx.journal.write():
        entries = [store.restore(i) for i in ctx.args.ids]
    for entry in entries:
        ctx.print(f"Restored entry {entry.id}: {entry.title}")
    return 0


def cmd_trash(ctx) -> int:
    from reflect.cli.output import stdin_is_terminal

    store = ctx.journal.entries
    if ctx.args.action == "list":
        page = store.list(trashed=True, limit=100_000)
        return _print_rows(ctx, page.rows, empty=lambda: "The trash is empty.")
    count = store.count(trashed=True)
    detached = ctx.journal.attachments.detached_count()
    if count == 0 and detached == 0:
        ctx.print("The trash is already empty.")
        return 0
    what = f"{count} trashed entries" + (f" and {detached} detached attachments" if detached else "")
    if not ctx.args.yes:
        if not stdin_is_terminal():
            raise InputError(f"Emptying the trash removes {what} for good: add --yes to confirm.")
        answer = input(f"Remove {what} for good? This cannot be undone. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            ctx.print("Left the trash as it was.")
            return 0
    from reflect.store.backup import daily_backup_if_due

    daily_backup_if_due(ctx.journal)  # the one delete that cannot be undone: be sure of a backup
    with ctx.journal.write():
        removed = store.empty_trash()
        gone = ctx.journal.attachments.empty_trash()
    ctx.print(f"Removed {removed} entries" + (f" and {gone} detached attachments" if gone else "") + " for good.")
    return 0
