"""`reflect units`: the optional units you are working towards, and the framework's minimum."""

from __future__ import annotations

import argparse

from reflect.errors import InputError


def register(sub, common) -> None:
    p = sub.add_parser(
        "units", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="list units, or choose and drop the optional units you work towards",
        description="Every mandatory unit is always included; choose the optional units you are working "
                    "towards. The framework sets the least number of optional units.",
        epilog="examples:\n  reflect units\n  reflect units choose SDS0368 INSCS016\n"
               "  reflect units drop INSCS016\n  reflect units --json")
    p.add_argument("action", nargs="?", choices=["list", "choose", "drop"], default="list",
                   help="list (default), choose or drop")
    p.add_argument("codes", nargs="*", metavar="CODE", help="unit codes, e.g. SDS0368")
    p.add_argument("--json", action="store_true", help="print JSON (with list)")
    p.set_defaults(handler=cmd_units, writes=True)


def cmd_units(ctx) -> int:
    from reflect.framework.unit_plan import choose_units, drop_units

    args = ctx.args
    if args.action == "list":
        if args.codes:
            raise InputError(f'Unexpected "{args.codes[0]}". Did you mean `reflect units choose {" ".join(args.codes)}`?')
        return _list(ctx)
    if not args.codes:
        raise InputError(f"Which units? Usage: reflect units {args.action} CODE...")
    if args.action == "choose":
        done, already = choose_units(ctx.journal, ctx.framework, args.codes)
        if done:
            ctx.print(f"Chose {', '.join(done)}.")
        if already:
            ctx.print(f"Already chosen: {', '.join(already)}.")
    else:
        done, absent = drop_units(ctx.journal, ctx.framework, args.codes)
        if done:
            ctx.print(f"Dropped {', '.join(done)}.")
        if absent:
            ctx.print(f"Not among your chosen units: {', '.join(absent)}.")
    from reflect.framework.unit_plan import unit_plan

    ctx.print(unit_plan(ctx.journal, ctx.framework).message)
    return 0


def _list(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.framework.unit_plan import unit_plan

    fw = ctx.framework
    plan = unit_plan(ctx.journal, fw)
    chosen = set(plan.chosen)
    if ctx.args.json:
        print_json({**plan.to_json(), "units": [
            {"code": u.code, "title": u.title, "mandatory": u.mandatory, "chosen": u.code in chosen}
            for u in fw.units]}, ctx.out)
        return 0
    ctx.print("Mandatory units (always included):")
    for u in fw.mandatory_units:
        ctx.print(_clip(f"  [*] {u.code:<10} {u.title}"))
    ctx.print(f"\nOptional units (choose at least {plan.minimum}; [x] = chosen):")
    for u in fw.optional_units:
        ctx.print(_clip(f"  [{'x' if u.code in chosen else ' '}] {u.code:<10} {u.title}"))
    ctx.print()
    ctx.print(plan.message)
    if plan.unknown:
        ctx.print(f"Chosen but not in this framework: {', '.join(plan.unknown)} "
                  f"(`reflect units drop {plan.unknown[0]}` removes it).")
    if not plan.met:
        ctx.print("`reflect units choose CODE...` adds units.")
    return 0


def _clip(line: str) -> str:
    import shutil

    width = min(shutil.get_terminal_size((80, 24)).columns, 100)
    return line if len(line) <= width else line[: width - 1] + "…"
