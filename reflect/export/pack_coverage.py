"""The coverage sections of a review pack as Markdown: criteria per unit, meta-skills, gaps.

They work on the JSON form of a :class:`reflect.progress.summary.GapSummary` computed over exactly the
reflections the pack includes (so private ones never count unless the pack includes them),
and say so at the top.
"""

from __future__ import annotations

from datetime import date

from reflect.dates import format_long, format_short
from reflect.export.entry_block import EM_DASH
from reflect.export.format import inline, table
from reflect.review.models import RATING_SCALE

NONE = EM_DASH
_STATUS = {"ok": "evidenced", "stale": "stale", "gap": "**gap**"}
_UNIT_ROLE = {(True, False): "Mandatory unit", (False, True): "Optional unit (chosen)",
              (False, False): "Unit not chosen"}


def scope_note(gaps: dict, reflections: int, start: str, end: str) -> str:
    """What the coverage numbers count."""
    return (f"Counts cover only the {reflections} {'reflection' if reflections == 1 else 'reflections'} in this pack "
            f"({_long(start)} to {_long(end)}). Evidence dated before {_long(gaps['stale_before'])} "
            f"({gaps['stale_weeks']} weeks before the end of the period) counts as stale.")


def criteria_coverage(gaps: dict, note: str) -> list[str]:
    """Overall counts, then a table of criteria for each unit in scope (most missing first)."""
    overall = gaps["overall"]
    kinds = ", ".join(f"{kind} {t['evidenced']} of {t['total']}" for kind, t in overall.get("kinds", {}).items())
    lines = ["## Criteria coverage", "", note, "",
             f"**Overall:** {overall['evidenced']} of {overall['total']} criteria evidenced "
             f"({overall['percent']}%)" + (f": {kinds}." if kinds else "."), ""]
    for unit in gaps["units"]:
        role = _UNIT_ROLE.get((unit["mandatory"], unit["chosen"]), "Unit")
        lines += [f"### {inline(unit['code'])} {EM_DASH} {inline(unit['title'])}", "",
                  f"{role}. {unit['evidenced']} of {unit['total']} evidenced ({unit['percent']}%): "
                  f"{unit['ok']} recent, {unit['stale']} stale, {unit['gap']} with no evidence.", ""]
        rows = [[inline(c["id"]), inline(c["text"]), str(c["count"]), _short(c["latest"]),
                 _STATUS.get(c["status"], c["status"])] for c in unit["criteria"]]
        lines += table(["Criterion", "What it asks", "Reflections", "Latest", "Status"], rows, right=(2,)) + [""]
    if gaps["unchosen_evidence"]:
        lines += ["### Evidence in units not chosen", "",
                  "Reflections in this pack also cite criteria of units outside the plan:", ""]
        lines += [f"- {inline(code)}: {n} {'criterion' if n == 1 else 'criteria'}"
                  for code, n in gaps["unchosen_evidence"].items()] + [""]
    if gaps["unknown_criteria"]:
        lines += ["### Criteria the framework does not have", "",
                  "Cited by reflections in this pack, but not in the framework in use:", ""]
        lines += [f"- {inline(c['id'])}: {c['count']} {'reflection' if c['count'] == 1 else 'reflections'}, "
                  f"latest {_short(c['latest'])}" for c in gaps["unknown_criteria"]] + [""]
    return lines


def skill_coverage(gaps: dict, note: str) -> list[str]:
    """One row per meta-skill: reflections, share, latest, status and the latest self-rating."""
    categories = {c["id"]: c["name"] for c in gaps["categories"]}
    rows = []
    for s in gaps["meta_skills"]:
        rating = f"{s['rating']} {RATING_SCALE[s['rating']][0]}" if s["rating"] in RATING_SCALE else "not rated"
        if s["flagged"]:
            rating += " **(low, no active objective)**"
        rows.append([inline(s["name"]), inline(categories.get(s["category"], s["category"] or "")) or NONE,
                     str(s["count"]), f"{round(s['share'] * 100)}%", _short(s["latest"]),
                     _STATUS.get(s["status"], s["status"]), rating])
    lines = ["## Meta-skill coverage", "", note, ""]
    lines += table(["Meta-skill", "Category", "Reflections", "Share", "Latest", "Status", "Self-rating"], rows,
                   right=(2, 3))
    lines += ["", f"Balance across the meta-skills: {gaps['balance']:.2f} (1 means evenly spread). "
                  f"Reflections with no meta-skill: {gaps['untagged']}.", ""]
    return lines


def gap_list(gaps: dict) -> list[str]:
    """What is missing: units short of evidence, thin meta-skills, loose ends before the review."""
    lines = ["## Gaps", ""]
    plan = gaps["optional_units"]
    if not plan["met"]:
        lines += [f"**Optional units:** {inline(plan['message'])}", ""]
    units = [u for u in gaps["units"] if u["gap"] or u["stale"]]
    lines += ["### Units", ""]
    lines += [f"- {inline(u['code'])} {inline(u['title'])}: {u['gap']} of {u['total']} criteria with no evidence"
              + (f", {u['stale']} stale" if u["stale"] else "") for u in units] or ["*Every criterion is evidenced.*"]
    thin = [s for s in gaps["meta_skills"] if s["status"] != "ok" or s["flagged"]]
    lines += ["", "### Meta-skills", ""]
    lines += [f"- {inline(s['name'])}: {_skill_gap(s)}" for s in thin] or ["*Every meta-skill has recent reflections.*"]
    lines += ["", "### Loose ends", ""] + _loose_ends(gaps["review"]) + [""]
    return lines


def _skill_gap(s: dict) -> str:
    why = {"gap": "no reflections in this pack", "stale": f"latest reflection {_short(s['latest'])} (stale)"}
    parts = [why[s["status"]]] if s["status"] in why else []
    if s["flagged"]:
        parts.append(f"rated {s['rating']} of 5 with no active objective")
    return "; ".join(parts)


def _loose_ends(review: dict) -> list[str]:
    labels = (("overdue_activities", "Activity overdue", "due"),
              ("overdue_objectives", "Objective past its deadline", "deadline"),
              ("feedback_without_action", "Feedback with no action yet", "received"),
              ("training_not_done", "Mandatory training not done", "due"))
    lines = []
    for key, label, when in labels:
        for item in review[key]:
            date_text = f" ({when} {_short(item['due'])})" if item["due"] else ""
            lines.append(f"- {label}: {inline(item['title'])}{date_text}")
    if review.get("next_review"):
        lines.append(f"- Next review: {_long(review['next_review'])}")
    return lines or ["*None.*"]


def _day(value: str | date) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _long(value: str | date | None) -> str:
    return format_long(_day(value)) if value else NONE


def _short(value: str | date | None) -> str:
    return format_short(_day(value)) if value else NONE
