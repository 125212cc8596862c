"""`reflect gaps`: what is well evidenced and what is missing, by unit and by meta-skill."""

from __future__ import annotations

import argparse
import shutil
import textwrap

from reflect.errors import InputError

_RAW = argparse.RawDescriptionHelpFormatter
STATUS_WORDS = {"gap": "GAP", "stale": "STALE", "ok": "ok"}


def register(sub, common) -> None:
    p = sub.add_parser(
        "gaps", parents=[common], formatter_class=_RAW,
        help="criteria and meta-skills with no (or only old) evidence",
        description="What is well evidenced and what is missing: criteria of your units (mandatory\n"
                    "and chosen optional ones), meta-skills, loose ends before your review, next steps.\n"
                    "A criterion with no evidence is a GAP; one whose latest evidence is older than\n"
                    "the stale age is STALE; OWN marks criteria resting on your own reflections only\n"
                    "(no witness testimony, product, observation or discussion yet). Trashed items\n"
                    "never count.",
        epilog="examples:\n  reflect gaps\n  reflect gaps --unit INSCS009       every criterion of one unit\n"
               "  reflect gaps --stale-weeks 8\n  reflect gaps --public             count only what a mentor's export shows\n"
               "  reflect gaps --json")
    p.add_argument("--unit", "-u", action="append", default=[], metavar="CODE",
                   help="only this unit, every criterion listed (repeat for more)")
    p.add_argument("--stale-weeks", type=_weeks, metavar="N",
                   help="evidence older than N weeks is stale (default: the journal's stale_weeks, 12)")
    p.add_argument("--all", action="store_true", help="list every criterion, not only gaps and stale ones")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="count only reflections on or after this day")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="count only reflections on or before this day")
    p.add_argument("--public", action="store_true", help="leave private reflections out of the counts")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_gaps)


def _weeks(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a whole number of weeks') from None
    if not 1 <= value <= 104:
        raise argparse.ArgumentTypeError("choose between 1 and 104 weeks")
    return value


def period_filter(args):
    """An entry filter for --from/--to (None when neither is given)."""
    from reflect.dates import parse_day
    from reflect.entries.models import EntryFilter

    date_from = parse_day(args.date_from) if args.date_from else None
    date_to = parse_day(args.date_to) if args.date_to else None
    if date_from and date_to and date_from > date_to:
        raise InputError(f"--from ({date_from:%d/%m/%Y}) is after --to ({date_to:%d/%m/%Y}).")
    return EntryFilter(date_from=date_from, date_to=date_to) if (date_from or date_to) else None


def cmd_gaps(ctx) -> int:
    from reflect.cli.output import print_json
    from reflect.progress.summary import gap_summary

    args = ctx.args
    fw = ctx.framework
    units = [fw.resolve_unit(u) for u in args.unit] or None
    summary = gap_summary(ctx.journal, fw, stale_weeks=args.stale_weeks, units=units,
                          entry_filter=period_filter(args), include_private=not args.public)
    if args.json:
        print_json(summary.to_json(), ctx.out)
        return 0
    out = _Writer(ctx, min(shutil.get_terminal_size((80, 24)).columns, 100))
    _heading(out, summary)
    if units is None:
        _plan(out, summary.plan)
    _criteria(out, summary, every=args.all or units is not None)
    if units is None:
        _skills(out, summary.skills)
        _review(out, summary.review)
        _steps(out, summary.suggestions)
    return 0


class _Writer:
    def __init__(self, ctx, width: int):
        self.print = ctx.print
        self.width = width

    def wrap(self, text: str, indent: str = "", later: str | None = None) -> None:
        for line in textwrap.wrap(text, self.width, initial_indent=indent,
                                  subsequent_indent=indent if later is None else later) or [""]:
            self.print(line)


def _day(d) -> str:
    from reflect.dates import format_short

    return format_short(d) if d else "-"


def _heading(out, s) -> None:
    from reflect.dates import format_long

    out.print(f"Evidence on {format_long(s.today)}")
    scope = "" if s.include_private else "; private reflections left out"
    out.wrap(f"A criterion or meta-skill whose latest reflection is before {_day(s.criteria.stale_before)} "
             f"({s.stale_weeks} weeks ago) is STALE; one with none is a GAP{scope}.")


def _plan(out, plan) -> None:
    out.print()
    out.print("Optional units")
    out.wrap(plan.message, "  ")
    if not plan.met:
        out.wrap("`reflect units` lists them; `reflect units choose CODE` adds one.", "  ")
    if plan.unknown:
        out.wrap(f"Chosen but not in this framework: {', '.join(plan.unknown)}.", "  ")


def _tally(t) -> str:
    return f"{t.evidenced}/{t.total}" + (f" ({t.stale} stale)" if t.stale else "")


def _bar(t, room: int = 20) -> str:
    fresh = t.ok * room // t.total if t.total else room
    old = (t.ok + t.stale) * room // t.total - fresh if t.total else 0
    return "[" + "#" * fresh + "+" * old + "." * (room - fresh - old) + "]"


def _criteria(out, s, every: bool) -> None:
    from reflect.progress.suggestions import KIND_NOUNS

    c = s.criteria
    out.print()
    out.print(f"Criteria: {c.overall.evidenced} of {c.overall.total} evidenced ({c.overall.percent}%): "
              f"{c.overall.ok} recent, {c.overall.stale} stale, {c.overall.gaps} gaps")
    for kind, t in c.kinds.items():
        out.print(f"  {KIND_NOUNS.get(kind, (kind, kind))[1].capitalize():<22}{_tally(t):<16}{t.gaps} gaps")
    if c.overall.own_only:
        out.wrap(f"{c.overall.own_only} of the {c.overall.evidenced} evidenced rest on your own reflections only "
                 "(OWN): a witness testimony, a product or an observation makes them stronger.", "  ", "  ")
    for unit in c.units:
        role = "mandatory" if unit.mandatory else ("optional, chosen" if unit.chosen else "optional, not chosen")
        t = unit.tally
        out.print()
        out.wrap(f"{unit.code}  {unit.title} ({role})", "", "    ")
        out.print(f"  {_bar(t)} {t.percent}% evidenced: {t.ok} recent, {t.stale} stale, {t.gaps} gaps")
        out.wrap(", ".join(f"{k.capitalize()} {_tally(kt)}" for k, kt in unit.kinds.items()), "  ")
        if every:
            _criteria_table(out, unit.criteria)
            continue
        if t.gaps:
            out.wrap(" ".join(x.label for x in unit.criteria if x.status == "gap"), "  GAP    ", " " * 9)
        if t.stale:
            out.wrap(", ".join(f"{x.label} ({_day(x.latest)})" for x in unit.criteria if x.status == "stale"),
                     "  STALE  ", " " * 9)
        if t.own_only:
            out.wrap(" ".join(x.label for x in unit.criteria if x.own_only), "  OWN    ", " " * 9)
    if c.unknown:
        out.print()
        out.wrap("Cited but not in this framework: "
                 + ", ".join(f"{u.id} ({u.count})" for u in c.unknown) + ".")
    if not every:
        out.print()
        out.print("`reflect gaps --unit CODE` lists every criterion of a unit with its text.")


def _criteria_table(out, criteria) -> None:
    out.print(f"  {'item':<6}{'status':<7}{'evid':>4}  {'latest':<10}  criterion")
    room = max(20, out.width - 33)
    for x in criteria:
        text = x.text if len(x.text) <= room else x.text[: room - 1] + "…"
        out.print(f"  {x.label:<6}{STATUS_WORDS[x.status]:<7}{x.count:>4}  {_day(x.latest):<10}  {text}")
        if x.count:
            # Which kinds the evidence is: "3 reflections, 1 witness testimony" (OWN: reflections only).
            out.print(f"{'':<33}{'OWN: ' if x.own_only else ''}{x.evidence_words}")


def _skills(out, sk) -> None:
    out.print()
    out.wrap(f"Meta-skills: {sk.entries} reflections, {sk.untagged} with no meta-skill. "
             f"Balance {sk.balance:.2f} (1 means evenly spread over all {len(sk.skills)}).")
    by_category: dict[str, list] = {}
    for skill in sk.skills:
        by_category.setdefault(skill.category, []).append(skill)
    for cat in sk.categories:
        count = "no reflections yet" if not cat.count else (
            f"{cat.count} reflection{'s' if cat.count != 1 else ''}, latest {_day(cat.latest)}")
        out.print(f"  {cat.name}: {count}")
        for skill in by_category.get(cat.id, []):
            rating = ""
            if skill.rating is not None:
                rating = f"rated {skill.rating}/5"
                if skill.flagged:
                    rating += ", LOW with no active objective"
            out.print(f"    {skill.name:<18}{skill.count:>5}  {_day(skill.latest):<10}  "
                      f"{STATUS_WORDS[skill.status]:<6} {rating}".rstrip())
    if sk.unknown:
        out.wrap("Tagged but not in this framework: "
                 + ", ".join(f"{k} ({n})" for k, n in sk.unknown.items()) + ".", "  ")


def _review(out, r) -> None:
    from reflect.dates import format_long

    out.print()
    out.print("Before your review")
    if r.next_review is None:
        out.print("  Next review: not scheduled (`reflect config review_start DATE` sets it).")
    else:
        days = r.days_to_review
        when = "today" if days == 0 else ("tomorrow" if days == 1 else f"in {days} days")
        out.print(f"  Next review: {format_long(r.next_review)} ({when})")
    for title, items, what in (("Overdue activities", r.overdue_activities, "due"),
                               ("Objectives past their deadline", r.overdue_objectives, "deadline"),
                               ("Feedback with no action", r.feedback_without_action, "received"),
                               ("Mandatory training not done", r.training_not_done, "due")):
        if not items:
            out.print(f"  {title}: none")
            continue
        out.print(f"  {title} ({len(items)}):")
        for item in items:
            late = item.days_late(r.today)
            when = f"{what} {_day(item.due)}" if item.due else "no date set"
            if late and what != "received":
                when += f", {late} days late"
            room = max(20, out.width - 12 - len(when) - 4)
            title_text = " ".join(item.title.split())
            title_text = title_text if len(title_text) <= room else title_text[: room - 1] + "…"
            out.print(f"    #{item.id:<4} {title_text} ({when})")


def _steps(out, steps) -> None:
    if not steps:
        return
    out.print()
    out.print("Next steps")
    for step in steps:
        out.wrap(step.text, "  - ", "    ")
