"""`reflect feedback ...`: the feedback log (who said what, and what you did about it)."""

from __future__ import annotations

from reflect.cli import record_args as ra
from reflect.errors import InputError
from reflect.review.models import FEEDBACK_SOURCES

_FEEDBACK = ra.record_id("a feedback")
_OBJECTIVE = ra.record_id("an objective")
_ENTRY = ra.record_id("an entry")


def register(sub, common) -> None:
    top = sub.add_parser("feedback", parents=[common], formatter_class=ra.RAW,
                         help="the feedback log: who said what, and what you did about it",
                         epilog="examples:\n"
                                '  reflect feedback add "Great tone with the upset customer" --source mentor --name "Alex Smith"\n'
                                "  reflect feedback list --open\n"
                                '  reflect feedback done 3 --action "Used the same opening with every complaint"\n\n'
                                "Run `reflect feedback COMMAND --help` for each command's options.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = commands.add_parser("add", parents=[common], formatter_class=ra.RAW, help="log feedback",
                            epilog="examples:\n"
                                   '  reflect feedback add "Speak up more in huddles" --source manager --date 20/11/2026 \\\n'
                                   '      --action "Bring one idea to each huddle" --objective 2\n'
                                   '  reflect feedback add "Thanks for sorting my refund" --source customer --entry 12')
    p.add_argument("said", metavar="WHAT_WAS_SAID", help="what was said")
    _feedback_options(p)
    p.add_argument("--done", metavar="DATE", help="already acted on, on this day")
    p.set_defaults(handler=cmd_feedback_add, writes=True)

    p = commands.add_parser("list", parents=[common], formatter_class=ra.RAW, help="list feedback, newest first",
                            epilog="examples:\n  reflect feedback list\n  reflect feedback list --open --source mentor\n"
                                   "  reflect feedback list --objective 2 --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only feedback not yet acted on")
    which.add_argument("--done", action="store_true", help="only feedback acted on")
    p.add_argument("--source", choices=list(FEEDBACK_SOURCES), help="only from this kind of person")
    p.add_argument("--objective", type=_OBJECTIVE, metavar="ID", help="only linked to this objective")
    p.add_argument("--since", metavar="DATE", help="received on or after this day")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_feedback_list)

    p = commands.add_parser("show", parents=[common], formatter_class=ra.RAW, help="one piece of feedback",
                            epilog="examples:\n  reflect feedback show 3\n  reflect feedback show 3 --json")
    p.add_argument("id", type=_FEEDBACK, help="feedback number")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_feedback_show)

    p = commands.add_parser("done", parents=[common], formatter_class=ra.RAW, help="record that you acted on it",
                            epilog='examples:\n  reflect feedback done 3\n  reflect feedback done 3 --action "Asked Sam to watch me" --on yesterday')
    p.add_argument("id", type=_FEEDBACK, help="feedback number")
    p.add_argument("--action", help="what you did about it")
    p.add_argument("--on", metavar="DATE", help="when (default today)")
    p.set_defaults(handler=cmd_feedback_done, writes=True)

    ra.id_command(commands, common, "undo", help="mark feedback as not acted on yet", example="reflect feedback undo 3",
                  id_type=_FEEDBACK, what="feedback", handler=cmd_feedback_undo)

    p = commands.add_parser("update", parents=[common], formatter_class=ra.RAW, help="change logged feedback",
                            epilog='examples:\n  reflect feedback update 3 --action "Bring one idea to each huddle"\n'
                                   "  reflect feedback update 3 --objective 2")
    p.add_argument("id", type=_FEEDBACK, help="feedback number")
    p.add_argument("--said", help="what was said")
    _feedback_options(p, editing=True)
    p.set_defaults(handler=cmd_feedback_update, writes=True)

    ra.id_command(commands, common, "delete", help="delete logged feedback", example="reflect feedback delete 3",
                  id_type=_FEEDBACK, what="feedback", handler=cmd_feedback_delete)


def _feedback_options(p, editing: bool = False) -> None:
    p.add_argument("--source", choices=list(FEEDBACK_SOURCES), required=not editing,
                   help="who it came from: " + ", ".join(FEEDBACK_SOURCES))
    p.add_argument("--name", help="their name")
    p.add_argument("--date", metavar="DATE", help="when it was given" + ("" if editing else " (default today)"))
    p.add_argument("--action", help="what you will do about it")
    p.add_argument("--objective", type=_OBJECTIVE, metavar="ID", help="link to an objective")
    p.add_argument("--entry", type=_ENTRY, metavar="ID", help="link to a reflection")


def _feedback_row(fb) -> list[str]:
    state = "done" if fb.done else ("to do" if fb.action else "no action")
    return [f"#{fb.id}", ra.short(fb.received_on), fb.source, f"[{state}]", ra.clip(fb.said, 56)]


def cmd_feedback_add(ctx) -> int:
    args = ctx.args
    received = ra.day(args.date) or ctx.journal.today()
    fb = ctx.journal.feedback.add(received_on=received, source_kind=args.source, said=args.said,
                                  source_name=args.name or "", action=args.action or "", objective_id=args.objective,
                                  entry_id=args.entry, done_on=ra.day(args.done))
    ctx.print(f"Logged feedback {fb.id} from {fb.source} ({ra.short(fb.received_on)}).")
    if not fb.action:
        ctx.print(f'Say what you will do about it: `reflect feedback update {fb.id} --action "..."`.')
    return 0


def cmd_feedback_list(ctx) -> int:
    from reflect.cli.output import print_json

    args, journal = ctx.args, ctx.journal
    found = journal.feedback.list(source_kind=args.source, objective_id=args.objective, date_from=ra.day(args.since),
                                  done=True if args.done else False if args.open else None)
    if args.json:
        print_json([fb.to_json() for fb in found], ctx.out)
    elif found:
        ra.table([_feedback_row(fb) for fb in found], ctx.out)
    else:
        ctx.print("No feedback matches." if journal.feedback.list() else
                  'No feedback logged yet. Log some with `reflect feedback add "..." --source mentor`.')
    return 0


def cmd_feedback_show(ctx) -> int:
    from reflect.cli.output import print_json

    fb = ctx.journal.feedback.get(ctx.args.id)
    if ctx.args.json:
        print_json(fb.to_json(), ctx.out)
        return 0
    ctx.print(f"#{fb.id}  {ra.short(fb.received_on)}  from {fb.source}")
    ctx.print(f"Said:    {fb.said}")
    ctx.print(f"Action:  {fb.action or '(none yet)'}")
    ctx.print("Done:    " + (f"yes, {ra.short(fb.done_on)}" if fb.done else "not yet"))
    if fb.objective_id:
        ctx.print(f"Objective: #{fb.objective_id}")
    if fb.entry_id:
        ctx.print(f"Reflection: #{fb.entry_id}")
    return 0


def cmd_feedback_done(ctx) -> int:
    fb = ctx.journal.feedback.mark_done(ctx.args.id, on=ra.day(ctx.args.on), action=ctx.args.action)
    ctx.print(f"Feedback {fb.id} acted on ({ra.short(fb.done_on)}): {fb.action}")
    return 0


def cmd_feedback_undo(ctx) -> int:
    fb = ctx.journal.feedback.mark_done(ctx.args.id, done=False)
    ctx.print(f"Feedback {fb.id} is marked not done yet.")
    return 0


def cmd_feedback_update(ctx) -> int:
    args = ctx.args
    changes = {"said": args.said, "source_kind": args.source, "source_name": args.name, "action": args.action,
               "objective_id": args.objective, "entry_id": args.entry, "received_on": ra.day(args.date)}
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise InputError("Nothing to change: give --action, --said, --source, --name, --date, --objective or --entry.")
    fb = ctx.journal.feedback.update(args.id, **changes)
    ctx.print(f"Updated feedback {fb.id}.")
    return 0


def cmd_feedback_delete(ctx) -> int:
    fb = ctx.journal.feedback.delete(ctx.args.id)
    ctx.print(f"Deleted feedback {fb.id} from {fb.source}.")
    return 0


