"""`reflect stats`: how much and how often you reflect, words, time, meta-skills, months."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from reflect.words import plural


def register(sub, common) -> None:
    p = sub.add_parser(
        "stats", parents=[common], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="numbers about your journal: totals, weeks, words, time, meta-skills",
        epilog="examples:\n  reflect stats\n  reflect stats --from 1/9/2026\n  reflect stats --json")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="only reflections on or after this day")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="only reflections on or before this day")
    p.add_argument("--public", action="store_true", help="leave private reflections out")
    p.add_argument("--weeks", type=int, default=12, choices=range(1, 105), metavar="N",
                   help="how many recent weeks to show (default 12)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_stats)


def cmd_stats(ctx) -> int:
    from reflect.progress.activity import weekly_counts
    from reflect.cli.gaps import period_filter
    from reflect.cli.output import print_json
    from reflect.progress.evidence import read_snapshot
    from reflect.progress.learning_time import learning_summary
    from reflect.progress.stats import journal_stats

    args = ctx.args
    journal, fw = ctx.journal, ctx.framework
    period = period_filter(args)
    with read_snapshot(journal):  # the learning time adds up the same reflections as the totals
        stats = journal_stats(journal, fw, entry_filter=period, include_private=not args.public)
        weeks = weekly_counts(journal, stats.today, args.weeks, entry_filter=period, include_private=not args.public)
        learning = learning_summary(journal, stats.today, args.weeks, include_private=not args.public,
                                    start=period.date_from if period else None, end=period.date_to if period else None)
    if args.json:
        print_json(stats.to_json() | {"weeks": [w.to_json() for w in weeks], "learning_time": learning.to_json()},
                   ctx.out)
        return 0
    _print(ctx, stats, weeks, fw)
    _print_learning(ctx, learning)
    return 0


def _bar(count: int, top: int) -> str:
    """A bar of up to 30 characters; anything above zero shows at least one mark."""
    return "#" * max(1 if count else 0, round(count * 30 / top))


def _print(ctx, s, weeks, fw) -> None:
    from reflect.dates import format_hours, format_long, format_short
    from reflect.entries.models import MODEL_NAMES

    p = ctx.print
    p(f"Your journal on {format_long(s.today)}")
    if not s.entries:
        p("  No reflections yet" + (" in this period." if s.trashed == 0 else " (apart from the trash)."))
        return
    extras = [f"{s.private} private"] if s.private else []
    if s.trashed:
        extras.append(f"{s.trashed} in the trash")
    rows = [
        ("Reflections", f"{s.entries:,}" + (f" ({'; '.join(extras)})" if extras else "")),
        ("First and latest", f"{format_long(s.first_day)} and {format_long(s.last_day)}"),
        ("Days written on", f"{s.active_days:,}"),
        ("Per week", f"{s.per_week:.1f} on average over {s.weeks_spanned} weeks"),
        ("Current run", f"{plural(s.current_streak_weeks, 'week')} with a reflection (longest {s.longest_streak_weeks})"),
        ("Words written", f"{s.words:,} (about {s.words // s.entries:,} a reflection)"),
        ("Time spent", f"{format_hours(s.minutes)} over {plural(s.timed_entries, 'reflection')}" if s.timed_entries
         else "not recorded (`reflect add --time 30m` records it)"),
        ("Confidence", f"{s.average_confidence:.1f} out of 5 on average" if s.average_confidence
         else "not rated"),
        ("Criteria cited", f"{s.criteria_cited} different " + ("criterion" if s.criteria_cited == 1 else "criteria")),
    ]
    for label, value in rows:
        p(f"  {label:<18}{value}")
    p("\nReflective models: " + ", ".join(f"{MODEL_NAMES.get(m, m)} {n}" for m, n in s.models.items()))
    if set(s.kinds) - {"reflection"}:
        from reflect.entries.kinds import describe_counts

        p(f"Kinds of evidence: {describe_counts(s.kinds)}")
    p("\nMeta-skills (reflections tagged):")
    top = max(s.skills.values(), default=0) or 1
    for sid, n in s.skills.items():
        skill = fw.skill(sid)
        name = skill.name if skill else f"{sid} (unknown)"
        p(f"  {name:<22}{n:>6}  {_bar(n, top)}".rstrip())
    p(f"\nLast {len(weeks)} weeks (week starting):")
    top = max((w.count for w in weeks), default=0) or 1
    for w in weeks:
        p(f"  {format_short(w.start)}{w.count:>6}  {_bar(w.count, top)}".rstrip())
    months = _last_months(s.months, s.today, 12)
    p("\nLast 12 months:")
    top = max(months.values(), default=0) or 1
    for month, n in months.items():
        label = date.fromisoformat(month + "-01").strftime("%b %Y")
        p(f"  {label:<10}{n:>6}  {_bar(n, top)}".rstrip())


def _print_learning(ctx, learning) -> None:
    """Learning time: this review period, the whole span, and per week (reflections,
    activities and training together; the split beside each total)."""
    from reflect.dates import format_hours, format_short

    p = ctx.print
    period, total = learning.period, learning.total
    p("\nLearning time (reflections, activities and training):")
    if not total.total and not period.total:
        p("  None recorded yet. Add it with --time: `reflect add --time 45m`, "
          "`reflect activity done ID --time 1h30`, `reflect training done ID --time 3h`.")
        return

    def row(label: str, spent, when: str) -> None:
        p(f"  {label:<20}{format_hours(spent.total)} {when}")
        if spent.total:
            p(f"  {'':<20}{spent.split()}")

    row("This review period", period,
        f"since {format_short(period.start)}" if period.start else "since you started (no review yet)")
    start, end = (format_short(d) if d else None for d in (total.start, total.end))
    row("Total", total, f"from {start} to {end}" if start and end else f"from {start}" if start
        else f"up to {end}" if end else "in all")
    p(f"  Last {len(learning.weeks)} weeks (week starting):")
    top = max((w.total for w in learning.weeks), default=0) or 1
    for w in learning.weeks:
        p(f"  {format_short(w.start)}  {format_hours(w.total):>13}  {_bar(w.total, top)}".rstrip())


def _last_months(months, today: date, count: int) -> dict[str, int]:
    """The last ``count`` calendar months up to today, zeros included, oldest first."""
    found = {m.month: m.count for m in months}
    keys = []
    day = today.replace(day=1)
    for _ in range(count):
        keys.append(day.strftime("%Y-%m"))
        day = (day - timedelta(days=1)).replace(day=1)
    return {k: found.get(k, 0) for k in reversed(keys)}
