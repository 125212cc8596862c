"""`reflect standards`: list the framework's units and criteria, or check a framework file."""

from __future__ import annotations

import argparse
import textwrap

from reflect.framework.standards import KIND_LABELS


def register(sub, common) -> None:
    p = sub.add_parser(
        "standards", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="browse the framework's units, criteria and meta-skills",
        description="List the framework's units and criteria, or check a framework file.",
        epilog="examples:\n  reflect standards                     all units\n"
               "  reflect standards --unit INSCS009     one unit's criteria in full\n"
               "  reflect standards --search complaint  criteria mentioning complaints\n"
               "  reflect standards --skills            the twelve meta-skills\n"
               "  reflect standards check my-framework.json")
    p.add_argument("action", nargs="?", choices=["list", "check"], default="list", help=argparse.SUPPRESS)
    p.add_argument("file", nargs="?", help="(with check) the framework file to validate")
    p.add_argument("--unit", "-u", action="append", default=[], metavar="CODE", help="show this unit's criteria")
    p.add_argument("--search", metavar="WORDS", help="criteria containing all these words")
    p.add_argument("--skills", action="store_true", help="list the meta-skills")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_standards)


def cmd_standards(ctx) -> int:
    args = ctx.args
    if args.action == "check":
        return _check(ctx)
    if args.file:
        from reflect.errors import InputError

        raise InputError(f'Unexpected "{args.file}". Did you mean `reflect standards check {args.file}`?')
    fw = ctx.framework
    if args.skills:
        return _skills(ctx, fw)
    codes = [fw.resolve_unit(u) for u in args.unit]
    if args.search is not None or codes:
        criteria = fw.search_criteria(args.search or "", units=codes or None)
        return _criteria(ctx, fw, criteria)
    return _units(ctx, fw)


def _check(ctx) -> int:
    from reflect.errors import InputError
    from reflect.framework.standards import load_framework
    from reflect.paths import expand

    if not ctx.args.file:
        raise InputError("Which file? Usage: reflect standards check FILE")
    fw = load_framework(expand(ctx.args.file))
    count = sum(len(u.criteria) for u in fw.units)
    ctx.print(f"{ctx.args.file}: OK. {fw.title}: {len(fw.meta_skills)} meta-skills, "
              f"{len(fw.units)} units ({len(fw.mandatory_units)} mandatory), {count} criteria; "
              f"at least {fw.min_optional_units} optional units required.")
    return 0


def _units(ctx, fw) -> int:
    from reflect.cli.output import print_json

    if ctx.args.json:
        print_json([_unit_json(u) for u in fw.units], ctx.out)
        return 0
    ctx.print(fw.title)
    for heading, units in (("Mandatory units", fw.mandatory_units),
                           (f"Optional units (choose at least {fw.min_optional_units})", fw.optional_units)):
        ctx.print(f"\n{heading}:")
        for u in units:
            counts = ", ".join(f"{len(u.criteria_of_kind(k))} {k}" for k in KIND_LABELS if u.criteria_of_kind(k))
            ctx.print(f"  {u.code:<10} {u.title}  ({counts})")
    ctx.print("\n`reflect standards --unit CODE` shows a unit's criteria in full.")
    return 0


def _criteria(ctx, fw, criteria) -> int:
    from reflect.cli.output import print_json

    if ctx.args.json:
        print_json([{"id": c.id, "unit": c.unit_code, "kind": c.kind, "number": c.number,
                     "section": c.section, "text": c.text} for c in criteria], ctx.out)
        return 0
    if not criteria:
        ctx.print("No criteria match.")
        return 0
    unit = section = None
    for c in criteria:
        if c.unit_code != unit:
            unit, section = c.unit_code, None
            ctx.print(f"\n{c.unit_code}  {fw.unit(c.unit_code).title}")
        if c.section and c.section != section:
            section = c.section
            ctx.print(f"  {section}")
        lines = textwrap.wrap(c.text, width=84) or [""]
        ctx.print(f"  {c.id:<15}{lines[0]}")
        for line in lines[1:]:
            ctx.print(" " * 17 + line)
    return 0


def _skills(ctx, fw) -> int:
    from reflect.cli.output import print_json

    if ctx.args.json:
        print_json([{"id": s.id, "name": s.name, "category": s.category, "description": s.description,
                     "sub_skills": list(s.sub_skills)} for s in fw.meta_skills], ctx.out)
        return 0
    for cat in fw.categories:
        ctx.print(f"\n{cat.name} ({cat.sds_name})")
        for s in fw.skills_in(cat.id):
            ctx.print(f"  {s.id:<18}{', '.join(s.sub_skills)}")
    return 0


def _unit_json(u) -> dict:
    return {"code": u.code, "title": u.title, "kind": u.kind, "mandatory": u.mandatory,
            "criteria": [{"id": c.id, "kind": c.kind, "number": c.number, "section": c.section,
                          "text": c.text} for c in u.criteria]}
