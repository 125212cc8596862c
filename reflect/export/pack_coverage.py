"""The coverage appendix of a review pack as Markdown: criteria per unit and meta-skills.

Coverage is cumulative: it counts every reflection the pack may show up to the end of the
period (private ones only when the pack includes them), and says what the period added by
comparing with the same count up to the day before the period. Both are the JSON form of a
:class:`reflect.progress.summary.GapSummary`.

It is compact on purpose: per unit, the criteria this period evidenced (new or more) in a
small table, and the criteria still without evidence as a list of labels in the framework's
own order (P5 before P11). The full table of every criterion is `reflect gaps`' job.
"""

from __future__ import annotations

import re
from datetime import date

from reflect.dates import format_short
from reflect.entries.kinds import describe_counts
from reflect.export.entry_block import EM_DASH
from reflect.export.format import inline, table
from reflect.review.models import RATING_SCALE

NONE = EM_DASH
_LABEL = re.compile(r"^([A-Za-z]*)(\d+)$")


def scope_note(start: str, end: str) -> str:
    """What the coverage numbers count."""
    counted = "every reflection in the journal that this pack may show"
    return (f"Counts cover {counted} up to {_short(end)}; \u201cthis period\u201d means from {_short(start)}. "
            "Private reflections count only when the pack includes them.")


def criteria_appendix(gaps: dict, before: dict | None, start: str, end: str) -> list[str]:
    """Per unit: evidence so far, what the period added, and the criteria still to evidence."""
    earlier = {c["id"]: c["count"] for u in (before or {}).get("units", []) for c in u["criteria"]}
    overall = gaps["overall"]
    lines = ["## Appendix: criteria by unit", "", scope_note(start, end), "",
             f"**Overall:** {overall['evidenced']} of {overall['total']} criteria have evidence.", ""]
    for unit in sorted(gaps["units"], key=lambda u: not u["mandatory"]):
        fresh = [c for c in unit["criteria"] if c["latest"] and c["latest"] >= start]
        new = sum(1 for c in fresh if not earlier.get(c["id"]))
        missing = [c["label"] or c["id"] for c in unit["criteria"] if c["status"] == "gap"]
        role = "mandatory" if unit["mandatory"] else "optional" if unit["chosen"] else "not chosen"
        lines += [f"### {inline(unit['code'])} {EM_DASH} {inline(unit['title'])}", "",
                  f"{role.capitalize()} unit: {unit['evidenced']} of {unit['total']} with evidence, "
                  f"{new} new this period"
                  + (f", {unit['stale']} only from before {_short(gaps['stale_before'])}" if unit["stale"] else "")
                  + ".", ""]
        if fresh:
            rows = [[inline(c["label"] or c["id"]), inline(_clip(c["text"], 90)),
                     f"{_evidence(c)}; new" if not earlier.get(c["id"]) else f"{_evidence(c)}; +{c['count'] - earlier[c['id']]}",
                     _short(c["latest"])] for c in fresh]
            lines += table(["", "Evidenced this period", "Evidence", "Latest"], rows) + [""]
        lines += [f"**No evidence yet ({len(missing)}):** {inline(label_ranges(missing))}." if missing
                  else "**Every criterion has evidence.**", ""]
        own = [c["label"] or c["id"] for c in unit["criteria"] if c.get("own_only")]
        if own:
            lines += [f"**On the apprentice's own reflections only ({len(own)}):** {inline(label_ranges(own))}.", ""]
    if gaps["unchosen_evidence"]:
        lines += ["**Evidence in units not chosen:** " + "; ".join(
            f"{inline(code)} {n} {'criterion' if n == 1 else 'criteria'}"
            for code, n in gaps["unchosen_evidence"].items()) + ".", ""]
    if gaps["unknown_criteria"]:
        lines += ["**Cited but not in the framework in use:** "
                  + ", ".join(inline(c["id"]) for c in gaps["unknown_criteria"]) + ".", ""]
    return lines


def _evidence(criterion: dict) -> str:
    """"3 reflections, 1 witness testimony" (the count alone from a summary made before kinds)."""
    return describe_counts(criterion["by_kind"]) if criterion.get("by_kind") else str(criterion["count"])


def skills_appendix(gaps: dict, before: dict | None) -> list[str]:
    """One row per meta-skill: reflections so far and this period, latest, self-rating."""
    earlier = {s["id"]: s["count"] for s in (before or {}).get("meta_skills", [])}
    rows = []
    for s in gaps["meta_skills"]:
        rating = f"{s['rating']} {RATING_SCALE[s['rating']][0]}" if s["rating"] in RATING_SCALE else "not rated"
        if s["flagged"]:
            rating += " (low, no active objective)"
        added = s["count"] - earlier.get(s["id"], 0)
        rows.append([inline(s["name"]), str(s["count"]), str(added) if added else NONE, _short(s["latest"]), rating])
    lines = ["## Appendix: meta-skills", ""]
    lines += table(["Meta-skill", "Reflections", "This period", "Latest", "Self-rating"], rows, right=(1, 2))
    untagged = gaps["untagged"]
    if untagged:
        lines += ["", f"{untagged} reflection{'' if untagged == 1 else 's'} name no meta-skill."]
    return lines + [""]


def label_ranges(labels: list[str]) -> str:
    """``P2–P4, P7, K1–K3``: runs of consecutive numbers with the same prefix joined, in the
    order given (the framework's)."""
    out: list[str] = []
    run: list[tuple[str, int, str]] = []

    def close() -> None:
        if run:
            out.append(run[0][2] if len(run) == 1 else f"{run[0][2]}\u2013{run[-1][2]}")
            run.clear()

    for label in labels:
        match = _LABEL.match(label)
        if match is None:
            close()
            out.append(label)
            continue
        prefix, number = match.group(1), int(match.group(2))
        if run and (run[-1][0] != prefix or run[-1][1] + 1 != number):
            close()
        run.append((prefix, number, label))
    close()
    return ", ".join(out)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"


def _short(value: str | date | None) -> str:
    if not value:
        return NONE
    return format_short(value if isinstance(value, date) else date.fromisoformat(value))
