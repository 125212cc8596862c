"""`reflect training ...`: the mandatory training log."""

from __future__ import annotations

from reflect.cli import record_args as ra
from reflect.errors import InputError

_TRAINING = ra.record_id("a training")


def register(sub, common) -> None:
    top = sub.add_parser("training", parents=[common], formatter_class=ra.RAW,
                         help="the mandatory training log",
                         epilog="examples:\n"
                                '  reflect training add "Fire safety" --provider "Store HR" --due 31/12/2026\n'
                                "  reflect training list --outstanding\n"
                                "  reflect training done 2 --certificate FS-2291\n\n"
                                "Run `reflect training COMMAND --help` for each command's options.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = commands.add_parser("add", parents=[common], formatter_class=ra.RAW, help="log mandatory training",
                            epilog='examples:\n  reflect training add "Manual handling" --due 15/01/2027\n'
                                   '  reflect training add "Food hygiene level 2" --completed 3/11/2026 --certificate FH-104')
    p.add_argument("name", help="the training")
    _training_options(p)
    p.add_argument("--completed", metavar="DATE", help="already completed on this day")
    p.set_defaults(handler=cmd_training_add, writes=True)

    p = commands.add_parser("list", parents=[common], formatter_class=ra.RAW, help="list mandatory training",
                            epilog="examples:\n  reflect training list\n  reflect training list --outstanding --json")
    which = p.add_mutually_exclusive_group()
    which.add_argument("--outstanding", action="store_true", help="only training still to do")
    which.add_argument("--completed", action="store_true", help="only completed training")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_training_list)

    p = commands.add_parser("done", parents=[common], formatter_class=ra.RAW, help="record training as completed",
                            epilog="examples:\n  reflect training done 2 --time 45m\n"
                                   "  reflect training done 2 --on 20/11/2026 --certificate FS-2291 --time 3h")
    p.add_argument("id", type=_TRAINING, help="training number")
    p.add_argument("--on", metavar="DATE", help="when (default today)")
    p.add_argument("--certificate", metavar="REF", help="certificate reference")
    ra.time_option(p)
    p.set_defaults(handler=cmd_training_done, writes=True)

    ra.id_command(commands, common, "undo", help="mark training as not completed", example="reflect training undo 2",
                  id_type=_TRAINING, what="training", handler=cmd_training_undo)

    p = commands.add_parser("update", parents=[common], formatter_class=ra.RAW, help="change a training record",
                            epilog="examples:\n  reflect training update 2 --due 31/01/2027\n  reflect training update 2 --certificate FS-2291")
    p.add_argument("id", type=_TRAINING, help="training number")
    p.add_argument("--name", help="the training")
    _training_options(p, editing=True)
    p.set_defaults(handler=cmd_training_update, writes=True)

    ra.id_command(commands, common, "delete", help="delete a training record", example="reflect training delete 2",
                  id_type=_TRAINING, what="training", handler=cmd_training_delete)


def _training_options(p, editing: bool = False) -> None:
    p.add_argument("--provider", help="who provides it")
    p.add_argument("--due", metavar="DATE", help="when it must be done by" + ("; none clears it" if editing else ""))
    p.add_argument("--certificate", metavar="REF", help="certificate reference")
    ra.time_option(p, editing=editing)


def cmd_training_add(ctx) -> int:
    args = ctx.args
    t = ctx.journal.training.add(name=args.name, provider=args.provider or "", due=ra.day(args.due),
                                 completed_on=ra.day(args.completed), certificate_ref=args.certificate or "",
                                 minutes=ra.minutes(args.minutes))
    ctx.print(f"Logged training {t.id}: {t.name}" + (f" (completed {ra.short(t.completed_on)})" if t.done
                                                     else f" (due {ra.short(t.due)})" if t.due else "")
              + ra.spent(t.minutes))
    return 0


def cmd_training_list(ctx) -> int:
    from reflect.cli.output import print_json

    args, journal = ctx.args, ctx.journal
    today = journal.today()
    found = journal.training.list(done=True if args.completed else False if args.outstanding else None)
    if args.json:
        print_json([t.to_json() | {"overdue": t.is_overdue(today)} for t in found], ctx.out)
    elif found:
        rows = []
        for t in found:
            state = f"completed {ra.short(t.completed_on)}" if t.done else (f"due {ra.short(t.due)}" if t.due else "to do")
            extra = "  ".join(x for x in (t.provider, f"cert {t.certificate_ref}" if t.certificate_ref else "",
                                           ra.spent(t.minutes).strip(" ()"),
                                           "OVERDUE" if t.is_overdue(today) else "") if x)
            rows.append([f"#{t.id}", state, ra.clip(t.name, 40), extra])
        ra.table(rows, ctx.out)
    else:
        ctx.print("No training matches." if journal.training.list() else
                  'No mandatory training logged yet. Log some with `reflect training add "..."`.')
    return 0


def cmd_training_done(ctx) -> int:
    t = ctx.journal.training.complete(ctx.args.id, ra.day(ctx.args.on), certificate_ref=ctx.args.certificate,
                                      minutes=ra.minutes(ctx.args.minutes))
    ctx.print(f"Training {t.id} completed ({ra.short(t.completed_on)}): {t.name}" + ra.spent(t.minutes))
    return 0


def cmd_training_undo(ctx) -> int:
    t = ctx.journal.training.reopen(ctx.args.id)
    ctx.print(f"Training {t.id} is marked not completed: {t.name}")
    return 0


def cmd_training_update(ctx) -> int:
    args = ctx.args
    changes = {"name": args.name, "provider": args.provider, "certificate_ref": args.certificate}
    changes = {k: v for k, v in changes.items() if v is not None}
    due = ra.optional_day(args.due)
    if due != "unchanged":
        changes["due"] = due
    spent = ra.optional_minutes(args.minutes)
    if spent != "unchanged":
        changes["minutes"] = spent
    if not changes:
        raise InputError("Nothing to change: give --name, --provider, --due, --certificate or --time.")
    t = ctx.journal.training.update(args.id, **changes)
    ctx.print(f"Updated training {t.id}: {t.name}" + ra.spent(t.minutes))
    return 0


def cmd_training_delete(ctx) -> int:
    t = ctx.journal.training.delete(ctx.args.id)
    ctx.print(f"Deleted training {t.id}: {t.name}")
    return 0
