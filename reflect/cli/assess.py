"""`reflect assess`: rate your meta-skills 1-5, see the trend, compare with last time."""

from __future__ import annotations

import argparse
import sys

from reflect.cli import record_args as ra
from reflect.errors import InputError
from reflect.review.models import RATING_SCALE, rating_word

_ID = ra.record_id("a self-assessment")
SCALE_LINE = "  ".join(f"{n} {word}" for n, (word, _) in RATING_SCALE.items())


def register(sub, common) -> None:
    p = sub.add_parser(
        "assess", parents=[common], formatter_class=ra.RAW, help="rate your meta-skills (self-assessment)",
        description="Rate each meta-skill from 1 to 5: " + SCALE_LINE + ". In a terminal with no --rating, "
                    "you are asked about each skill in turn. Every assessment is kept, so you can see the trend.",
        epilog="examples:\n"
               "  reflect assess                                   (asks about each meta-skill)\n"
               '  reflect assess --rating focus=4 --rating leadership=2 --note focus="calmer at the till" \\\n'
               "      --strength focus --improve leadership\n"
               "  reflect assess history                           every skill's ratings over time\n"
               "  reflect assess show                              the latest against the one before\n"
               "  reflect assess show 3 --json\n\n"
               "scale:\n" + "\n".join(f"  {n} {word:<11}{meaning}" for n, (word, meaning) in RATING_SCALE.items()))
    p.add_argument("action", nargs="?", choices=["history", "show", "delete"], help=argparse.SUPPRESS)
    p.add_argument("id", nargs="?", type=_ID, help=argparse.SUPPRESS)
    p.add_argument("--rating", "-r", action="append", default=[], metavar="SKILL=N", help="a rating, 1 to 5 (repeat)")
    p.add_argument("--note", action="append", default=[], metavar="SKILL=TEXT", help="a note on a rating (repeat)")
    p.add_argument("--strength", action="append", default=[], metavar="SKILL", help="mark a strength (repeat)")
    p.add_argument("--improve", action="append", default=[], metavar="SKILL", help="mark an improvement need (repeat)")
    p.add_argument("--summary", default="", metavar="TEXT", help="a note on the whole assessment")
    p.add_argument("--date", metavar="DATE", help="the day of the assessment (default today)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_assess, writes=True)


def cmd_assess(ctx) -> int:
    action = ctx.args.action
    if action == "history":
        return _history(ctx)
    if action == "show":
        return _show(ctx)
    if action == "delete":
        if ctx.args.id is None:
            raise InputError("Which assessment? `reflect assess delete ID` (see `reflect assess history`).")
        gone = ctx.journal.assessments.delete(ctx.args.id)
        ctx.print(f"Deleted self-assessment {gone.id} ({ra.short(gone.assessed_on)}).")
        return 0
    if ctx.args.id is not None:
        raise InputError(f'Unexpected "{ctx.args.id}". Did you mean `reflect assess show {ctx.args.id}`?')
    return _record(ctx)


def _record(ctx) -> int:
    from reflect.cli.output import stdin_is_terminal

    args, fw = ctx.args, ctx.framework
    assessed_on = ra.day(args.date)
    if args.rating:
        ratings = {}
        for name, value in ra.pairs(args.rating, "--rating"):
            if value not in ("1", "2", "3", "4", "5"):
                raise InputError(f'Rate {name} from 1 to 5, not "{value}".')
            ratings[fw.resolve_skill(name)] = int(value)
        notes = {fw.resolve_skill(name): text for name, text in ra.pairs(args.note, "--note")}
        strengths = [fw.resolve_skill(s) for s in args.strength]
        improve = [fw.resolve_skill(s) for s in args.improve]
        summary = args.summary
    elif args.note or args.strength or args.improve:
        raise InputError("Give the ratings too, e.g. --rating focus=4 (notes and marks go with a rating).")
    elif stdin_is_terminal():
        ratings, notes, strengths, improve, summary = _ask(ctx)
    else:
        raise InputError("Give ratings with --rating SKILL=1-5 (e.g. --rating focus=4), "
                         "or run `reflect assess` in a terminal to be asked.")
    journal = ctx.journal
    previous = journal.assessments.latest()
    assessment = journal.assessments.add(ratings=ratings, assessed_on=assessed_on, notes=notes,
                                         strengths=strengths, improve=improve, note=summary)
    rated = len(assessment.ratings)
    ctx.print(f"Saved self-assessment {assessment.id} ({ra.short(assessment.assessed_on)}): "
              f"{rated} of {len(fw.meta_skills)} meta-skills rated.")
    if previous:
        _changes(ctx, assessment, previous)
    return 0


def _ask(ctx):
    """Ask about each meta-skill in turn; Enter skips one. Nothing is saved until the end."""
    fw, journal = ctx.framework, ctx.journal
    last = journal.assessments.latest()
    ratings, notes, strengths, improve = {}, {}, [], []
    ctx.print(f"Rate each meta-skill: {SCALE_LINE}. Enter skips one, ? explains the scale, Ctrl-D stops "
              "without saving.")
    for skill in fw.meta_skills:
        before = last.rating_for(skill.id) if last else None
        prompts = f" ({', '.join(skill.sub_skills)})" if skill.sub_skills else ""
        ctx.print(f"\n{skill.name}{prompts}" + (f"; last time {before.rating} {before.word}" if before else ""))
        rating = _ask_rating(ctx)
        if rating is None:
            continue
        ratings[skill.id] = rating
        note = _input("  Note (Enter for none): ").strip()
        if note:
            notes[skill.id] = note
        mark = _input("  A strength (s), an improvement need (i), or neither (Enter)? ").strip().lower()
        if mark.startswith("s"):
            strengths.append(skill.id)
        elif mark.startswith("i"):
            improve.append(skill.id)
    if not ratings:
        raise InputError("No meta-skills rated, so nothing was saved.")
    summary = _input("\nAnything to add about this assessment? (Enter for nothing) ").strip()
    return ratings, notes, strengths, improve, summary


def _ask_rating(ctx) -> int | None:
    while True:
        answer = _input("  Rating 1-5: ").strip()
        if not answer:
            return None
        if answer in ("1", "2", "3", "4", "5"):
            return int(answer)
        if answer == "?":
            for n, (word, meaning) in RATING_SCALE.items():
                ctx.print(f"    {n} {word:<11}{meaning}")
        else:
            ctx.print("  Please type a number from 1 to 5, or press Enter to skip.")


def _input(prompt: str) -> str:
    try:
        return input(prompt)
    except EOFError:
        print(file=sys.stdout)
        raise InputError("Stopped before the end, so nothing was saved.") from None


def _changes(ctx, current, previous) -> None:
    from reflect.review.assessments import compare

    order = [s.id for s in ctx.framework.meta_skills]
    moved = [c for c in compare(current, previous, order) if c.change]
    if moved:
        ctx.print(f"Since {ra.short(previous.assessed_on)}: " + ", ".join(
            f"{_name(ctx, c.skill_id)} {c.before} -> {c.after}" for c in moved))


def _name(ctx, skill_id: str) -> str:
    skill = ctx.framework.skill(skill_id)
    return skill.name if skill else skill_id


def _show(ctx) -> int:
    from reflect.review.assessments import compare
    from reflect.cli.output import print_json

    store = ctx.journal.assessments
    current = store.get(ctx.args.id) if ctx.args.id else store.latest()
    if current is None:
        raise InputError("No self-assessments yet: rate your meta-skills with `reflect assess`.")
    previous = store.previous(current)
    changes = compare(current, previous, [s.id for s in ctx.framework.meta_skills])
    if ctx.args.json:
        print_json({"assessment": current.to_json(), "previous": previous.to_json() if previous else None,
                    "changes": [c.to_json() | {"change": c.change} for c in changes]}, ctx.out)
        return 0
    ctx.print(f"Self-assessment {current.id}, {ra.short(current.assessed_on)}"
              + (f" (against {ra.short(previous.assessed_on)})" if previous else ""))
    rows = []
    for c in changes:
        rating = current.rating_for(c.skill_id)
        now = f"{c.after} {rating_word(c.after)}" if c.after else "not rated"
        was = f"was {c.before}" + (f" ({c.change:+d})" if c.change else "") if c.before else ""
        mark = {"strength": "strength", "improve": "to improve"}.get(rating.focus or "" if rating else "", "")
        rows.append([_name(ctx, c.skill_id), now, was, mark, f"“{rating.note}”" if rating and rating.note else ""])
    ra.table(rows, ctx.out)
    if current.note:
        ctx.print(f"Note: {current.note}")
    return 0


def _history(ctx) -> int:
    from reflect.cli.output import print_json

    store = ctx.journal.assessments
    assessments = list(reversed(store.list()))
    trends = store.trends()
    if ctx.args.json:
        print_json({"assessments": [a.to_json() for a in assessments],
                    "trends": {s: [p.to_json() for p in points] for s, points in trends.items()}}, ctx.out)
        return 0
    if not assessments:
        ctx.print("No self-assessments yet: rate your meta-skills with `reflect assess`.")
        return 0
    shown = assessments[-6:]  # the last six fit a terminal
    header = ["", *[ra.short(a.assessed_on)[:5] + f"#{a.id}" for a in shown], "trend"]
    order = [s.id for s in ctx.framework.meta_skills] + sorted(set(trends) - {s.id for s in ctx.framework.meta_skills})
    rows = [header]
    for skill_id in order:
        points = trends.get(skill_id)
        if not points:
            continue
        cells = [str(r.rating) if (r := a.rating_for(skill_id)) else "-" for a in shown]
        first, last = points[0].rating, points[-1].rating
        trend = "up" if last > first else "down" if last < first else "steady"
        rows.append([_name(ctx, skill_id), *cells, f"{trend} ({first} -> {last})" if len(points) > 1 else ""])
    ra.table(rows, ctx.out)
    if len(assessments) > len(shown):
        ctx.print(f"(the last {len(shown)} of {len(assessments)} assessments; --json has them all)")
    return 0
