"""`reflect check`: the reflection coach on the command line.

``reflect check ID`` gives advice on one reflection, how deep it goes, any personal data in
it and the criteria and meta-skills it most likely evidences; ``reflect check --all`` looks
for personal data in the whole journal. The same advice follows `reflect add`, and exports
list personal data before they write (:func:`warn_before_export`).
"""

from __future__ import annotations

import argparse
import sys

from reflect.cli.record_args import record_id
from reflect.entries.kinds import REFLECTION
from reflect.errors import InputError

_RAW = argparse.RawDescriptionHelpFormatter


def register(sub, common) -> None:
    """Add `check` to ``reflect``."""
    p = sub.add_parser(
        "check", parents=[common], formatter_class=_RAW, help="advice on a reflection, and personal data to take out",
        description="Advice on a reflection as an assessor reads it (first person, past tense, what you did,\n"
                    "how it felt, what you learnt, linked to the standards), how deep it goes, any\n"
                    "personal data in it (phone numbers, e-mails, names...) and the criteria and meta-skills\n"
                    "it most likely evidences. For other evidence (witness testimony, a product, an\n"
                    "observation, a professional discussion) depth is not judged: it asks instead what that\n"
                    "kind of evidence should record, as the app's coach does. Advice only: nothing is changed.",
        epilog="examples:\n"
               "  reflect check 12\n"
               "  reflect check 12 --json          kind, advice, depth, questions, personal_data, suggested\n"
               "  reflect check --all              personal data anywhere in the journal\n"
               "  reflect check - < draft.md       writing not added yet\n"
               "  reflect check - --kind witness < statement.md")
    p.add_argument("id", nargs="?", type=_entry_or_stdin, help="entry number (as in `reflect list`), or - for text on stdin")
    p.add_argument("--all", action="store_true", help="look for personal data in every reflection")
    p.add_argument("--kind", "-k", metavar="KIND",
                   help="with -, the kind of evidence the text is (reflection, witness, product, observation, "
                        "discussion; default reflection)")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_check)


def cmd_check(ctx) -> int:
    args = ctx.args
    if args.all == (args.id is not None):
        raise InputError("Give an entry number, or --all for the whole journal (not both).")
    if args.kind is not None and args.id != "-":
        raise InputError("--kind is for text on stdin (reflect check - --kind witness): "
                         "an entry already has its kind.")
    if args.all:
        return _check_all(ctx)
    if args.id == "-":
        from reflect.entries.kinds import resolve_kind

        kind = resolve_kind(args.kind) if args.kind is not None else REFLECTION
        entry = _unsaved(sys.stdin.read(), kind)
        result = check_entry(ctx, entry, units=ctx.journal.settings.chosen_units() if ctx.journal_path.exists() else ())
    else:
        entry = ctx.journal.entries.get(args.id)
        result = check_entry(ctx, entry)
    kind = getattr(entry, "kind", REFLECTION)
    if args.json:
        from reflect.cli.output import print_json
        from reflect.coach.check import depth_applies, kind_questions

        data = {"id": entry.id, "title": entry.title, "kind": kind, **result.to_json(),
                "questions": list(kind_questions(kind))}
        if not depth_applies(kind):  # as the app's coach: no depth advice on someone else's words
            data.update(advice=[], depth=None)
        print_json(data, ctx.out)
    else:
        ctx.print(f"Entry {entry.id}: {entry.title}" if entry.id is not None else "Your text:")
        for line in advice_lines(result, kind=kind):
            ctx.print(line)
    return 0


def _entry_or_stdin(text: str):
    return "-" if text == "-" else record_id("an entry")(text)


def _unsaved(body: str, kind: str = REFLECTION):
    """Text piped in, checked as evidence of ``kind`` with no title and no tags (nothing is stored)."""
    from types import SimpleNamespace

    if not body.strip():
        raise InputError("Nothing to check: pipe the text in, e.g. reflect check - < draft.md")
    return SimpleNamespace(id=None, title="", body=body, model="none", skills=(), criteria=(), kind=kind)


def check_entry(ctx, entry, units=None):
    """The coach's :class:`~reflect.coach.check.EntryCheck` of an entry (stored or piped in)."""
    from reflect.coach.check import check_text

    chosen = ctx.journal.settings.chosen_units() if units is None else units
    return check_text(ctx.framework, entry.body, title=entry.title, model=entry.model, skills=entry.skills,
                      criteria=entry.criteria, prefer_units=chosen)


def advice_lines(result, *, suggestions: int = 5, kind: str = REFLECTION) -> list[str]:
    """The check as lines for people. For evidence other than a reflection (``kind``), the
    questions that kind of evidence should answer take the place of depth and advice."""
    from reflect.coach.check import depth_applies, kind_questions
    from reflect.coach.personal_data import shown
    from reflect.entries.kinds import kind_label

    if not depth_applies(kind):
        lines = [f"{kind_label(kind).capitalize()}: depth advice is for your own reflections. "
                 "Good evidence of this kind answers:"]
        lines.extend(f"  - {question}" for question in kind_questions(kind))
    elif result.advice:
        lines = [f"Depth: {result.depth.level} ({result.depth.step} of 3). {result.depth.reason}", "Advice:"]
        for item in result.advice:
            lines.append(f"  - {item.message}")
            if item.question:
                lines.append(f"    Ask yourself: {item.question}")
    else:
        lines = [f"Depth: {result.depth.level} ({result.depth.step} of 3). {result.depth.reason}",
                 "Advice: none, it reads as good evidence."]
    if result.personal_data:
        lines.append("Personal data (take it out before anyone else reads this):")
        for finding in result.personal_data:
            lines.append(f"  - “{shown(finding)}”: {finding.advice}")
    best = result.suggested.best(3, suggestions)
    if best:
        lines.append("Suggested (the words that matched):")
        for item in best:
            what = item.id if item.kind == "criterion" else f"{item.name} (meta-skill)"
            text = f" {_clip(item.name, 60)}" if item.kind == "criterion" else ""
            lines.append(f"  - {what}{text} [{', '.join(item.words)}]")
        lines.append("  Tag them with `reflect edit ID --skill ... --criterion ...`.")
    return lines


def after_add(ctx, entry) -> None:
    """The short note `reflect add` prints: depth, advice and where personal data is (for
    evidence other than a reflection, only the personal data: depth advice is about the
    apprentice's own reflection)."""
    from reflect.coach.check import depth_applies

    result = check_entry(ctx, entry)
    if not depth_applies(getattr(entry, "kind", REFLECTION)):
        from reflect.coach.personal_data import shown

        if result.personal_data:
            ctx.print("Personal data (take it out before anyone else reads this):")
            for finding in result.personal_data:
                ctx.print(f"  - “{shown(finding)}”: {finding.advice}")
        return
    if not result.advice and not result.personal_data:
        ctx.print(f"Depth: {result.depth.level}. No advice: it reads as good evidence.")
        return
    for line in advice_lines(result, suggestions=3):
        ctx.print(line)
    ctx.print(f"`reflect check {entry.id}` shows this again.")


def _check_all(ctx) -> int:
    from reflect.coach.export_guard import scan_rows
    from reflect.coach.personal_data import describe, shown

    found = scan_rows(ctx.journal.entries.iter_entries())
    if ctx.args.json:
        from reflect.cli.output import print_json

        print_json([f.to_json() for f in found], ctx.out)
        return 0
    if not found:
        ctx.print("No personal data found in the journal.")
        return 0
    every = [f for entry in found for f in entry.findings]
    ctx.print(f"Personal data in {len(found)} {'reflection' if len(found) == 1 else 'reflections'} "
              f"({describe(every)}):")
    for entry in found:
        ctx.print(f"  {entry.entry_id}  {entry.day}  {_clip(entry.title, 40)}")
        for finding in entry.findings:
            ctx.print(f"      “{shown(finding)}”: {finding.advice}")
    ctx.print("Exports mask card numbers always, and the rest with --redact; `reflect edit ID` takes them out.")
    return 0


def warn_before_export(ctx, filters, *, include_private: bool, redact: bool) -> None:
    """List on stderr the personal data an export of ``filters`` is about to write."""
    from dataclasses import replace

    from reflect.coach.export_guard import scan_rows, summary_lines

    chosen = replace(filters, private=None if include_private else False)
    for line in summary_lines(scan_rows(ctx.journal.entries.iter_entries(chosen)), redacted=redact):
        print(f"reflect: {line}", file=sys.stderr)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
