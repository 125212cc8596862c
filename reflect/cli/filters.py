"""The entry filters shared by `list`, `search`, `export` and friends."""

from __future__ import annotations

import argparse

from reflect.errors import InputError
from reflect.entries.models import MODELS, EntryFilter


def add_filter_options(parser: argparse.ArgumentParser, *, privacy: bool = True) -> None:
    """Add --from/--to/--skill/--unit/--criterion/--model/--kind (and --private/--public)."""
    group = parser.add_argument_group("filters")
    group.add_argument("--from", dest="date_from", metavar="DATE", help="on or after this day")
    group.add_argument("--to", dest="date_to", metavar="DATE", help="on or before this day")
    group.add_argument("--skill", "-s", action="append", default=[], metavar="SKILL",
                       help="tagged with this meta-skill (repeat for several: all must match)")
    group.add_argument("--unit", "-u", action="append", default=[], metavar="CODE",
                       help="citing a criterion of this unit (repeat: any of them)")
    group.add_argument("--criterion", "-c", action="append", default=[], metavar="ID",
                       help="citing this criterion, e.g. INSCS009.P2 (repeat: all must match)")
    group.add_argument("--model", choices=MODELS, help="written with this reflective model")
    group.add_argument("--kind", "-k", action="append", default=[], metavar="KIND", dest="kinds",
                       help="this kind of evidence: reflection, witness, product, observation or "
                            "discussion (repeat: any of them)")
    if privacy:
        which = group.add_mutually_exclusive_group()
        which.add_argument("--private", dest="private", action="store_const", const=True, default=None,
                           help="only private entries")
        which.add_argument("--public", dest="private", action="store_const", const=False,
                           help="only entries that are not private")


def filters_from_args(ctx, text: str = "") -> EntryFilter:
    """Build an :class:`EntryFilter` from parsed options, resolving names against the framework."""
    from reflect.dates import parse_day

    args = ctx.args
    framework = ctx.framework if (args.skill or args.unit or args.criterion) else None
    date_from = parse_day(args.date_from) if args.date_from else None
    date_to = parse_day(args.date_to) if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from ({date_from:%d/%m/%Y}) is after --to ({date_to:%d/%m/%Y}).")
    return EntryFilter(
        text=text,
        date_from=date_from,
        date_to=date_to,
        skills=tuple(framework.resolve_skill(s) for s in args.skill) if framework else (),
        units=tuple(framework.resolve_unit(u) for u in args.unit) if framework else (),
        criteria=tuple(framework.resolve_criterion(c) for c in args.criterion) if framework else (),
        private=getattr(args, "private", None),
        model=args.model,
        kinds=_kinds(getattr(args, "kinds", [])),
    )


def _kinds(names: list[str]) -> tuple[str, ...]:
    from reflect.entries.kinds import resolve_kind

    return tuple(dict.fromkeys(resolve_kind(name) for name in names))

