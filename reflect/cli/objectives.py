"""`reflect objective ...`: SMART objectives, their status history and their evidence."""

from __future__ import annotations

from reflect.cli import record_args as ra
from reflect.errors import InputError

_ID = ra.record_id("an objective")
_ENTRY = ra.record_id("an entry")


def register(sub, common) -> None:
    top = sub.add_parser("objective", aliases=["objectives"], parents=[common], formatter_class=ra.RAW,
                         help="SMART objectives: add, list, show, update, check",
                         description="SMART objectives (SDS0223): set them, agree them, track their status.",
                         epilog="examples:\n"
                                '  reflect objective add "Handle 3 complaints on my own" --deadline 31/01/2027 --skill focus\n'
                                "  reflect objective list --status in-progress\n"
                                '  reflect objective update 2 --status achieved --reason "Handled 4 in December"\n'
                                "  reflect objective from-entry 12\n\n"
                                "Run `reflect objective COMMAND --help` for each command's options.")
    commands = top.add_subparsers(title="commands", metavar="COMMAND", required=True)

    p = commands.add_parser("add", parents=[common], formatter_class=ra.RAW, help="set a new objective",
                            description="Set a new objective. The SMART check gives advice; it never stops you.",
                            epilog="examples:\n"
                                   '  reflect objective add "Handle 3 customer complaints on my own" \\\n'
                                   '      --measure "3 complaints logged as resolved" --deadline "within 8 weeks" \\\n'
                                   "      --skill focus --criterion INSCS009.P2\n"
                                   '  reflect objective add "Lead the Saturday huddle" --status agreed --agreed-by "Alex Smith"')
    p.add_argument("specific", metavar="WHAT", help="what you will do (start with an action verb)")
    _content_options(p)
    p.add_argument("--status", choices=["draft", "agreed", "in-progress"],
                   help="starting status (default draft, or agreed when --agreed-by is given)")
    p.add_argument("--set-on", metavar="DATE", help="when it was set (default today)")
    p.add_argument("--reason", default="", help="a note for its first status")
    p.add_argument("--from-entry", type=_ENTRY, metavar="ENTRY", help="the reflection it came from (linked as evidence)")
    p.set_defaults(handler=cmd_add, writes=True)

    p = commands.add_parser("list", parents=[common], formatter_class=ra.RAW, help="list objectives",
                            epilog="examples:\n  reflect objective list\n  reflect objective list --open\n"
                                   "  reflect objective list --status achieved --json")
    p.add_argument("--status", action="append", metavar="STATUS",
                   help="draft, agreed, in-progress, achieved, not-achieved or dropped (repeat for several)")
    p.add_argument("--open", action="store_true", help="only draft, agreed and in-progress ones")
    p.add_argument("--skill", "-s", metavar="SKILL", help="linked to this meta-skill")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_list)

    p = commands.add_parser("show", parents=[common], formatter_class=ra.RAW,
                            help="one objective with its history, activities and evidence",
                            epilog="examples:\n  reflect objective show 2\n  reflect objective show 2 --json")
    p.add_argument("id", type=_ID, help="objective number")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = commands.add_parser("update", parents=[common], formatter_class=ra.RAW,
                            help="change an objective or its status",
                            description="Change what an objective says, and/or move it to a new status. "
                                        "Each status change is dated and kept with its reason.",
                            epilog="examples:\n"
                                   '  reflect objective update 2 --status agreed --agreed-by "Alex Smith"\n'
                                   "  reflect objective update 2 --status in-progress\n"
                                   '  reflect objective update 2 --status achieved --reason "4 complaints resolved"\n'
                                   '  reflect objective update 2 --status dropped --reason "Moved to the travel desk" --on 1/12/2026\n'
                                   "  reflect objective update 2 --deadline 28/02/2027 --skill focus --skill integrity\n\n"
                                   "statuses: draft -> agreed -> in-progress -> achieved / not-achieved; dropped from any\n"
                                   "open status. Dropping, not achieved, reopening and back-to-draft need --reason.")
    p.add_argument("id", type=_ID, help="objective number")
    p.add_argument("--specific", metavar="WHAT", help="what you will do")
    _content_options(p, editing=True)
    p.add_argument("--status", metavar="STATUS", help="new status")
    p.add_argument("--reason", default="", help="why the status changed")
    p.add_argument("--on", metavar="DATE", help="when the status changed (default today)")
    p.set_defaults(handler=cmd_update, writes=True)

    p = commands.add_parser("check", parents=[common], formatter_class=ra.RAW,
                            help="SMART advice on an objective without saving it",
                            epilog='examples:\n  reflect objective check "Improve my communication"\n'
                                   '  reflect objective check "Handle 3 complaints by 31/01/2027" --skill focus --json')
    p.add_argument("specific", metavar="WHAT", help="what you will do")
    _content_options(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_check)

    for name, verb, handler in (("link", "link reflections to an objective as progress evidence", cmd_link),
                                ("unlink", "remove reflections from an objective's evidence", cmd_unlink)):
        p = commands.add_parser(name, parents=[common], formatter_class=ra.RAW, help=verb,
                                epilog=f"examples:\n  reflect objective {name} 2 12\n  reflect objective {name} 2 12 15")
        p.add_argument("id", type=_ID, help="objective number")
        p.add_argument("entries", type=_ENTRY, nargs="+", metavar="ENTRY", help="entry number(s)")
        p.set_defaults(handler=handler, writes=True)

    p = commands.add_parser("from-entry", parents=[common], formatter_class=ra.RAW,
                            help='turn a reflection\'s "Action plan" / "Now what?" into a draft objective',
                            epilog="examples:\n  reflect objective from-entry 12")
    p.add_argument("entry", type=_ENTRY, help="entry number")
    p.set_defaults(handler=cmd_from_entry, writes=True)

    p = commands.add_parser("delete", parents=[common], formatter_class=ra.RAW,
                            help="delete a draft objective set by mistake",
                            epilog="examples:\n  reflect objective delete 4\n"
                                   '  (agreed objectives are dropped instead: reflect objective update 4 --status dropped --reason "...")')
    p.add_argument("id", type=_ID, help="objective number")
    p.set_defaults(handler=cmd_delete, writes=True)


def _content_options(p, editing: bool = False) -> None:
    replaces = "; replaces them" if editing else ""
    p.add_argument("--measure", "-M", metavar="TEXT", help="how you and your mentor will know it is done")
    p.add_argument("--achievable", "-A", metavar="TEXT", help="why it is achievable (time, help, training)")
    p.add_argument("--relevant", "-R", metavar="TEXT", help="why it matters for your role or the business")
    p.add_argument("--deadline", "-T", metavar="DATE",
                   help="31/01/2027, within 6 weeks, end of the month, next review" + ("; none clears it" if editing else ""))
    p.add_argument("--skill", "-s", action="append", default=None, metavar="SKILL", help="linked meta-skill (repeat)" + replaces)
    p.add_argument("--criterion", "-c", action="append", default=None, metavar="ID",
                   help="linked criterion, e.g. SDS0223.P2 (repeat)" + replaces)
    p.add_argument("--agreed-by", metavar="NAME", help="who agreed it (mentor or manager)")
    p.add_argument("--agreed-on", metavar="DATE", help="when it was agreed")


def _advice(ctx, objective, framework):
    from reflect.review.objective_detail import smart_advice

    return smart_advice(ctx.journal, objective, framework)


def cmd_add(ctx) -> int:
    args = ctx.args
    framework = ctx.framework  # loaded (and checked) before anything is written
    fields = dict(specific=args.specific, measure=args.measure or "", achievable=args.achievable or "",
                  relevant=args.relevant or "", deadline=ra.deadline(ctx, args.deadline),
                  skills=ra.skills(ctx, args.skill) or (), criteria=ra.criteria(ctx, args.criterion) or (),
                  agreed_by=args.agreed_by or "", agreed_on=ra.day(args.agreed_on), set_on=ra.day(args.set_on))
    journal = ctx.journal
    with journal.write():
        status = args.status or ("agreed" if args.agreed_by else "draft")
        objective = journal.objectives.add(status=status, reason=args.reason,
                                           source_entry_id=args.from_entry, **fields)
        if args.from_entry:
            journal.objectives.link_entry(objective.id, args.from_entry)
    ctx.print(f"Added objective {objective.id} ({objective.label.lower()}): {ra.clip(objective.specific, 70)}")
    ra.print_advice(ctx, _advice(ctx, objective, framework))
    return 0


def cmd_list(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.review.fields import normalise_choice
    from reflect.review.models import OBJECTIVE_STATUSES, OPEN_STATUSES

    args = ctx.args
    statuses = [normalise_choice(s, OBJECTIVE_STATUSES, "status") for s in args.status or []]
    if args.open:
        statuses = [s for s in statuses if s in OPEN_STATUSES] if statuses else list(OPEN_STATUSES)
    skill = ctx.framework.resolve_skill(args.skill) if args.skill else None
    objectives = ctx.journal.objectives.list(statuses or None, skill=skill) if (statuses or not args.open) else []
    today = ctx.journal.today()
    if args.json:
        print_json([o.to_json() | {"overdue": o.is_overdue(today)} for o in objectives], ctx.out)
    elif objectives:
        ra.table([[f"#{o.id}", o.label, ra.short(o.deadline, "no deadline"), ra.clip(o.specific)
                   + ("  OVERDUE" if o.is_overdue(today) else "")] for o in objectives], ctx.out)
    else:
        ctx.print("No objectives yet. Set one with `reflect objective add \"...\"`." if not ctx.journal.objectives.list()
                  else "No objectives match.")
    return 0


def cmd_show(ctx) -> int:
    from reflect.cli.output import print_json, skill_names
    from reflect.review.objective_detail import objective_detail

    detail = objective_detail(ctx.journal, ctx.args.id, ctx.framework)
    if ctx.args.json:
        print_json(detail.to_json(), ctx.out)
        return 0
    fw, o = ctx.framework, detail.objective
    ctx.print(f"#{o.id}  {o.label}" + ("  OVERDUE" if detail.overdue else ""))
    ctx.print(o.specific)
    for label, value in (("Measure", o.measure), ("Achievable", o.achievable), ("Relevant", o.relevant),
                         ("Deadline", ra.short(o.deadline)), ("Set on", ra.short(o.set_on)),
                         ("Agreed", f"{o.agreed_by} on {ra.short(o.agreed_on)}" if o.agreed_by else "")):
        if value:
            ctx.print(f"  {label + ':':<13}{value}")
    if o.skills:
        ctx.print(f"  {'Meta-skills:':<13}{', '.join(skill_names(fw, o.skills))}")
    for cid in o.criteria:
        criterion = fw.criterion(cid)
        ctx.print(f"  {'Criterion:':<13}{cid}  {ra.clip(criterion.text if criterion else '(not in this framework)', 70)}")
    ctx.print("History:")
    for change in detail.history:
        ctx.print(f"  {ra.short(change.changed_on)}  {change.label}" + (f": {change.reason}" if change.reason else ""))
    if detail.activities:
        ctx.print("Activities:")
        for a in detail.activities:
            state = f"done {ra.short(a.completed_on)}" if a.done else (f"due {ra.short(a.due)}" if a.due else "open")
            ctx.print(f"  #{a.id} [{'x' if a.done else ' '}] {a.title} ({a.kind}, {state})"
                      + ("  OVERDUE" if a.id in detail.overdue_activities else ""))
    if detail.evidence:
        ctx.print("Evidence:")
        for e in detail.evidence:
            ctx.print(f"  #{e.id}  {ra.short(e.day)}  {e.title}")
    if detail.feedback:
        ctx.print("Feedback:")
        for fb in detail.feedback:
            ctx.print(f"  #{fb.id}  {ra.short(fb.received_on)}  {fb.source}: {ra.clip(fb.said, 60)}")
    ra.print_advice(ctx, detail.advice)
    return 0


def cmd_update(ctx) -> int:
    from reflect.review.fields import normalise_choice
    from reflect.review.models import OBJECTIVE_STATUSES

    args, journal = ctx.args, ctx.journal
    framework = ctx.framework  # loaded (and checked) before anything is written
    changes = {k: getattr(args, k) for k in ("specific", "measure", "achievable", "relevant") if getattr(args, k) is not None}
    if args.deadline is not None:
        changes["deadline"] = ra.deadline(ctx, args.deadline)
    if args.skill is not None:
        changes["skills"] = ra.skills(ctx, args.skill)
    if args.criterion is not None:
        changes["criteria"] = ra.criteria(ctx, args.criterion)
    if args.agreed_on is not None:
        changes["agreed_on"] = ra.day(args.agreed_on)
    status = normalise_choice(args.status, OBJECTIVE_STATUSES, "status") if args.status else None
    if args.agreed_by is not None and status != "agreed":
        changes["agreed_by"] = args.agreed_by
    if not changes and status is None:
        raise InputError("Nothing to change: give --status or a field such as --deadline (see --help).")
    with journal.write():
        objective = journal.objectives.update(args.id, **changes) if changes else journal.objectives.get(args.id)
        if status is not None:
            objective = journal.objectives.change_status(args.id, status, reason=args.reason, on=ra.day(args.on),
                                                         agreed_by=args.agreed_by)
    if status is not None:
        change = journal.objectives.history(objective.id)[-1]
        ctx.print(f"Objective {objective.id} is now {objective.label.lower()} ({ra.short(change.changed_on)})"
                  + (f": {change.reason}" if change.reason else "."))
    if changes:
        ctx.print(f"Updated objective {objective.id}: {ra.clip(objective.specific, 70)}")
        ra.print_advice(ctx, _advice(ctx, objective, framework))
    return 0


def cmd_check(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.review.schedule import review_schedule
    from reflect.review.smart import check_objective, framework_verbs

    args = ctx.args
    journal = ctx.journal
    advice = check_objective(args.specific, args.measure or "", args.deadline, journal.today(),
                             ra.skills(ctx, args.skill) or (), ra.criteria(ctx, args.criterion) or (),
                             achievable=args.achievable or "", relevant=args.relevant or "",
                             next_review=review_schedule(journal).next_date, today=journal.today(),
                             verbs=framework_verbs(ctx.framework))
    if args.json:
        print_json([a.to_json() for a in advice], ctx.out)
    else:
        ra.print_advice(ctx, advice)
    return 0


def cmd_link(ctx) -> int:
    journal = ctx.journal
    with journal.write():
        for entry_id in ctx.args.entries:
            journal.objectives.link_entry(ctx.args.id, entry_id)
    ctx.print(f"Linked {_entries(ctx.args.entries)} to objective {ctx.args.id} as progress evidence.")
    return 0


def cmd_unlink(ctx) -> int:
    journal = ctx.journal
    with journal.write():
        removed = [e for e in ctx.args.entries if journal.objectives.unlink_entry(ctx.args.id, e)]
    ctx.print(f"Unlinked {_entries(removed)} from objective {ctx.args.id}." if removed
              else f"None of those entries were linked to objective {ctx.args.id}.")
    return 0


def _entries(ids: list[int]) -> str:
    return ("entry " if len(ids) == 1 else "entries ") + ", ".join(str(i) for i in ids)


def cmd_from_entry(ctx) -> int:
    from reflect.review.objective_drafts import objective_from_entry

    framework = ctx.framework  # loaded (and checked) before anything is written
    objective = objective_from_entry(ctx.journal, ctx.args.entry)
    ctx.print(f"Added draft objective {objective.id} from entry {ctx.args.entry}: {ra.clip(objective.specific, 70)}")
    ra.print_advice(ctx, _advice(ctx, objective, framework))
    ctx.print(f"Make it SMART with `reflect objective update {objective.id} --measure ... --deadline ...`.")
    return 0


def cmd_delete(ctx) -> int:
    objective = ctx.journal.objectives.delete(ctx.args.id)
    ctx.print(f"Deleted draft objective {objective.id}: {ra.clip(objective.specific, 70)}")
    return 0
