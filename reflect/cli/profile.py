"""`reflect profile`: who you are and how your apprenticeship is set up, in one place.

Name, employer, mentor, start date, chosen optional units and the review schedule. With no
options it shows them; each option changes one (the rest stay as they are).
"""

from __future__ import annotations

import argparse
from dataclasses import replace



def register(sub, common) -> None:
    p = sub.add_parser(
        "profile", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="show or change your profile: name, employer, mentor, units, review schedule",
        epilog="examples:\n  reflect profile\n"
               "  reflect profile --name \"Jamie Reid\" --employer \"Harbour Travel\" --mentor \"Alex Smith\"\n"
               "  reflect profile --start 1/9/2026 --units INSCS016,INSCS022\n"
               "  reflect profile --review-start 5/1/2027 --every fortnightly")
    p.add_argument("--name", help="your name, as exports and review packs show it")
    p.add_argument("--employer", help="who you work for")
    p.add_argument("--mentor", help="your mentor or manager")
    p.add_argument("--start", metavar="DATE", help="the day your apprenticeship started (24/11/2026)")
    p.add_argument("--units", metavar="CODES", help="your optional units, comma-separated (replaces the list)")
    p.add_argument("--review-start", metavar="DATE", help="the date of your first review")
    p.add_argument("--every", metavar="INTERVAL", help="how often reviews are: 12 weeks, 3 months, quarterly...")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_profile, writes=True)


def _day(text: str | None, today):
    from reflect.dates import parse_day

    if text is None:
        return None
    return parse_day(text, today) if text.strip() else None


def cmd_profile(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.dates import format_short
    from reflect.review.profile import load_profile, save_profile

    args, journal = ctx.args, ctx.journal
    profile = load_profile(journal)
    changes = {}
    for option, key in (("name", "name"), ("employer", "employer"), ("mentor", "mentor"), ("every", "review_interval")):
        if getattr(args, option) is not None:
            changes[key] = getattr(args, option)
    today = journal.today()
    if args.start is not None:
        changes["start_date"] = _day(args.start, today)
    if args.review_start is not None:
        changes["review_start"] = _day(args.review_start, today)
    if args.units is not None:
        codes = tuple(dict.fromkeys(c.strip().upper() for c in args.units.split(",") if c.strip()))
        changes["units"] = codes
    if changes:
        profile = save_profile(journal, ctx.framework, replace(profile, **changes))
    if args.json:
        print_json(profile.to_json(), ctx.out)
        return 0
    unit_names = {u.code: u.title for u in ctx.framework.units}
    rows = [("Name", profile.name or "not set (reflect profile --name ...)"), ("Employer", profile.employer or "-"),
            ("Mentor", profile.mentor or "-"),
            ("Started", format_short(profile.start_date) if profile.start_date else "-"),
            ("Optional units", ", ".join(f"{c} {unit_names.get(c, '')}".strip() for c in profile.units) or "none chosen"),
            ("First review", format_short(profile.review_start) if profile.review_start else "not set"),
            ("Reviews every", profile.review_interval)]
    for label, value in rows:
        ctx.print(f"{label:<16}{value}")
    if changes:
        ctx.print("Saved.")
    return 0
