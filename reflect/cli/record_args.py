"""Argument types and small output helpers shared by the review-workflow commands
(objective, activity, feedback, training, assess, review)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Iterable, TextIO, overload

from reflect.errors import InputError

RAW = argparse.RawDescriptionHelpFormatter


def record_id(what: str):
    """An argparse type for a record number ("3" or "#3") that names ``what`` in its error."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip().lstrip("#"))
        except ValueError:
            raise argparse.ArgumentTypeError(f'"{text}" is not {what} number') from None
        if not 1 <= value < 2**63:  # SQLite's largest integer
            raise argparse.ArgumentTypeError(f'"{text}" is not {what} number')
        return value

    return parse


def id_command(commands, common, name: str, *, help: str, example: str, id_type, what: str, handler) -> None:
    """A subcommand that takes just one record number and changes it (undo, delete, ...)."""
    p = commands.add_parser(name, parents=[common], formatter_class=RAW, help=help,
                            epilog=f"examples:\n  {example}")
    p.add_argument("id", type=id_type, help=f"{what} number")
    p.set_defaults(handler=handler, writes=True)


@overload
def day(text: str, today: date | None = None) -> date: ...


@overload
def day(text: None, today: date | None = None) -> None: ...


def day(text: str | None, today: date | None = None) -> date | None:
    """A UK-style date as typed (None stays None)."""
    from reflect.dates import parse_day

    return parse_day(text, today) if text is not None else None


def optional_day(text: str | None) -> date | None | str:
    """For options that may clear a date: "none" (or "") means no date; None means not given."""
    if text is None:
        return "unchanged"
    if text.strip().lower() in ("", "none", "no", "-"):
        return None
    return day(text)


def time_option(p, *, editing: bool = False) -> None:
    """``--time`` (also ``--minutes``): time spent, as people type it."""
    p.add_argument("--time", "--minutes", dest="minutes", metavar="TIME",
                   help="time spent, e.g. 90, 45m, 1.5h or 1h30" + ("; none clears it" if editing else ""))


def minutes(text: str | None, limit: int | None = None) -> int | None:
    """Time spent as typed (``90``, ``1.5h``, ``1h 30m``) in minutes, at most ``limit``
    (default: an activity's or a piece of training's); None stays None."""
    from reflect.dates import MAX_RECORD_MINUTES, parse_minutes

    return parse_minutes(text, limit or MAX_RECORD_MINUTES) if text is not None else None


def optional_minutes(text: str | None, limit: int | None = None) -> int | None | str:
    """For ``--time`` when changing a record: "none" clears it; None means not given."""
    if text is None:
        return "unchanged"
    if text.strip().lower() in ("", "none", "no", "-"):
        return None
    return minutes(text, limit)


def spent(minutes: int | None) -> str:
    """" (1 h 30 min)" for a record's time spent, or nothing."""
    from reflect.dates import format_duration

    return f" ({format_duration(minutes)})" if minutes else ""


def deadline(ctx, text: str | None) -> date | None:
    """A deadline as typed: a date ("31/01/2027", "friday") or a span ("within 6 weeks",
    "end of the month", "next review")."""
    if text is None or text.strip().lower() in ("", "none", "no", "-"):
        return None
    from reflect.review.schedule import review_schedule
    from reflect.review.smart import read_deadline

    today = ctx.journal.today()
    hint = read_deadline(text, today, review_schedule(ctx.journal, today).next_date)
    if hint is None:
        raise InputError(f'Can\'t read the deadline "{" ".join(text.split())[:40]}". '
                         "Try 31/01/2027, within 6 weeks or end of the month.")
    if hint.day is None:
        raise InputError("There is no review date yet to count from: set one with "
                         "`reflect config review_start DATE`, or give a date.")
    return hint.day


def skills(ctx, names: Iterable[str] | None) -> list[str] | None:
    return None if names is None else [ctx.framework.resolve_skill(s) for s in names]


def criteria(ctx, names: Iterable[str] | None) -> list[str] | None:
    return None if names is None else [ctx.framework.resolve_criterion(c) for c in names]


def pairs(items: Iterable[str], option: str) -> list[tuple[str, str]]:
    """``SKILL=VALUE`` options split into pairs."""
    result = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise InputError(f'{option} takes SKILL=VALUE, e.g. {option} focus=4 (not "{item}").')
        result.append((name.strip(), value.strip()))
    return result


def table(rows: list[list[str]], out: TextIO, *, last_wraps: bool = True) -> None:
    """Rows as aligned columns (the last column is left ragged)."""
    if not rows:
        return
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row, widths)] + [row[-1]]
        print("  ".join(cells).rstrip(), file=out)


def clip(text: str, room: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[: room - 1] + "…"


def short(d: date | None, empty: str = "") -> str:
    from reflect.dates import format_short

    return format_short(d) if d else empty


def print_advice(ctx, advice) -> None:
    """The SMART check's advice, one line each, or a short all-clear."""
    if not advice:
        ctx.print("SMART check: nothing to add, it reads as SMART.")
        return
    ctx.print("SMART check (advice only):")
    for item in advice:
        ctx.print(f"  {item.letter}  {item.message}")
