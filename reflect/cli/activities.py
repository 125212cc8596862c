"""`reflect activity ...`: development activities under an objective."""

from __future__ import annotations

from reflect.cli import record_args as ra
from reflect.errors import InputError
from reflect.review.models import ACTIVITY_KINDS

_ID = ra.record_id("an activity")
_OBJECTIVE = ra.record_id("an objective")


def register(sub, common) -> None:
    top = sub.add_parser("activity", aliases=["activities"], parents=[common], formatter_class=ra.RAW,
                         help="development activities: course, shadowing, reading, practice",
                         description="Development activities under an objective, with due dates; overdue ones stand out.",
                         epilog="examples:\n"
                                '  reflect activity add 2 "Shadow Sam on the returns desk" --kind shadowing --due 15/12/2026\n'
                                "  reflect activity list --overdue\n"
                                "  reflect activity done 5\n\n"
                                "Run `reflect activity COMMAND --help` for each command's options.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = commands.add_parser("add", parents=[common], formatter_class=ra.RAW, help="plan an activity",
                            epilog="examples:\n"
                                   '  reflect activity add 2 "Read the complaints policy" --kind reading --due friday\n'
                                   '  reflect activity add 2 "Customer care e-learning" --kind course --due 31/12/2026\n'
                                   '  reflect activity add 2 "Shadowed Sam on returns" --kind shadowing --done today --time 2h')
    p.add_argument("objective", type=_OBJECTIVE, help="the objective it serves (number)")
    p.add_argument("title", help="what the activity is")
    _options(p)
    p.add_argument("--done", metavar="DATE", help="already completed on this day")
    p.set_defaults(handler=cmd_add, writes=True)

    p = commands.add_parser("list", parents=[common], formatter_class=ra.RAW, help="list activities",
                            epilog="examples:\n  reflect activity list\n  reflect activity list --objective 2\n"
                                   "  reflect activity list --overdue --json")
    p.add_argument("--objective", type=_OBJECTIVE, metavar="ID", help="only this objective's")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--open", action="store_true", help="only ones not done")
    which.add_argument("--done", action="store_true", help="only done ones")
    which.add_argument("--overdue", action="store_true", help="only overdue ones")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("done", parents=[common], formatter_class=ra.RAW, help="mark an activity done",
                            epilog="examples:\n  reflect activity done 5\n  reflect activity done 5 --on yesterday --time 1h30")
    p.add_argument("id", type=_ID, help="activity number")
    p.add_argument("--on", metavar="DATE", help="when it was done (default today)")
    ra.time_option(p)
    p.set_defaults(handler=cmd_done, writes=True)

    ra.id_command(commands, common, "undo", help="mark a done activity as not done", example="reflect activity undo 5",
                  id_type=_ID, what="activity", handler=cmd_undo)

    p = commands.add_parser("update", parents=[common], formatter_class=ra.RAW, help="change an activity",
                            epilog="examples:\n  reflect activity update 5 --due 10/01/2027\n"
                                   "  reflect activity update 5 --title \"Shadow Priya\" --due none")
    p.add_argument("id", type=_ID, help="activity number")
    p.add_argument("--title", help="what the activity is")
    p.add_argument("--objective", type=_OBJECTIVE, metavar="ID", help="move it to another objective")
    _options(p, editing=True)
    p.set_defaults(handler=cmd_update, writes=True)

    ra.id_command(commands, common, "delete", help="delete an activity", example="reflect activity delete 5",
                  id_type=_ID, what="activity", handler=cmd_delete)


def _options(p, editing: bool = False) -> None:
    p.add_argument("--kind", "-k", choices=list(ACTIVITY_KINDS), default=None if editing else "practice",
                   help="kind of activity" + ("" if editing else " (default practice)"))
    p.add_argument("--due", metavar="DATE", help="when it should be done" + ("; none clears it" if editing else ""))
    p.add_argument("--notes", help="anything to remember about it")
    ra.time_option(p, editing=editing)


def _line(a, today, late_ids: set[int]) -> list[str]:
    state = f"done {ra.short(a.completed_on)}" if a.done else (f"due {ra.short(a.due)}" if a.due else "no due date")
    days = a.days_overdue(today)
    late = f"  OVERDUE by {days} day{'s' if days != 1 else ''}" if a.id in late_ids else ""
    return [f"#{a.id}", f"[{'x' if a.done else ' '}]", f"obj #{a.objective_id}", ACTIVITY_KINDS[a.kind], state,
            ra.clip(a.title) + ra.spent(a.minutes) + late]


def cmd_add(ctx) -> int:
    args = ctx.args
    due, done = ra.day(args.due), ra.day(args.done)
    activity = ctx.journal.activities.add(objective_id=args.objective, title=args.title, kind=args.kind, due=due,
                                          notes=args.notes or "", completed_on=done, minutes=ra.minutes(args.minutes))
    ctx.print(f"Added activity {activity.id} to objective {activity.objective_id}: {activity.title}"
              + (f" (due {ra.short(activity.due)})" if activity.due else "") + ra.spent(activity.minutes))
    return 0


def cmd_list(ctx) -> int:
    from reflect.cli.output import print_json

    args, journal = ctx.args, ctx.journal
    today = journal.today()
    if args.objective is not None:
        journal.objectives.get(args.objective)
    late = journal.activities.overdue(today)
    late_ids = {a.id for a in late}
    if args.overdue:
        found = [a for a in late if args.objective in (None, a.objective_id)]
    else:
        found = journal.activities.list(objective_id=args.objective,
                                        done=True if args.done else False if args.open else None)
    if args.json:
        print_json([a.to_json() | {"overdue": a.id in late_ids} for a in found], ctx.out)
    elif found:
        ra.table([_line(a, today, late_ids) for a in found], ctx.out)
    else:
        ctx.print("No activities match." if journal.activities.list() else
                  'No activities yet. Plan one with `reflect activity add OBJECTIVE "..."`.')
    return 0


def cmd_done(ctx) -> int:
    activity = ctx.journal.activities.complete(ctx.args.id, ra.day(ctx.args.on), minutes=ra.minutes(ctx.args.minutes))
    ctx.print(f"Activity {activity.id} done ({ra.short(activity.completed_on)}): {activity.title}"
              + ra.spent(activity.minutes))
    return 0


def cmd_undo(ctx) -> int:
    activity = ctx.journal.activities.reopen(ctx.args.id)
    ctx.print(f"Activity {activity.id} is open again: {activity.title}")
    return 0


def cmd_update(ctx) -> int:
    args = ctx.args
    changes = {k: getattr(args, k) for k in ("title", "kind", "notes") if getattr(args, k) is not None}
    if args.objective is not None:
        changes["objective_id"] = args.objective
    due = ra.optional_day(args.due)
    if due != "unchanged":
        changes["due"] = due
    spent = ra.optional_minutes(args.minutes)
    if spent != "unchanged":
        changes["minutes"] = spent
    if not changes:
        raise InputError("Nothing to change: give --title, --kind, --due, --notes, --time or --objective.")
    activity = ctx.journal.activities.update(args.id, **changes)
    ctx.print(f"Updated activity {activity.id}: {activity.title}" + ra.spent(activity.minutes))
    return 0


def cmd_delete(ctx) -> int:
    activity = ctx.journal.activities.delete(ctx.args.id)
    ctx.print(f"Deleted activity {activity.id}: {activity.title}")
    return 0
