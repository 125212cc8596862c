"""Page one of a review pack: the brief a mentor reads first.

The period; each objective with its state at a glance (done, on track, at risk, overdue) and
what changed; every loose end by name; progress per unit as evidence so far with what this
period added ("INSCS009: 18 of 44, +6"); and the apprentice's own notes and questions.

It works on JSON forms: the prepared review (:meth:`reflect.review.prep.PreparedReview.to_json`)
and two gap summaries over the reflections the pack includes, one up to the end of the
period and one up to the day before it starts (:class:`reflect.progress.summary.GapSummary`).
"""

from __future__ import annotations

from reflect.export.format import inline, table
from reflect.export.entry_block import EM_DASH
from reflect.review.glance import glance, what_changed
from reflect.review.models import FEEDBACK_SOURCES, RATING_SCALE
from reflect.review.text import short_day

NONE = EM_DASH
#: Text of an objective or a piece of feedback longer than this is shortened in the brief.
CLIP = 70


def brief(data: dict, gaps: dict | None, before: dict | None, shown: set[int], facts: list[tuple[str, str]]) -> list[str]:
    """The brief as Markdown lines, starting with its ``## Brief`` heading."""
    lines = ["## Brief", "", " \u00b7 ".join(f"**{label}:** {value}" for label, value in facts), ""]
    lines += objectives(data, shown)
    lines += loose_ends(data, gaps)
    if gaps is not None:
        lines += unit_progress(gaps, before)
    lines += apprentice_notes(data.get("draft"))
    return lines


def objectives(data: dict, shown: set[int]) -> list[str]:
    """One row per objective: its state at a glance and what changed in the period."""
    items = data["objectives"]
    lines = [f"### Objectives ({len(items)})", ""]
    if not items:
        return lines + ["*No objectives open or changed in this period.*", ""]
    start, end = data["period_start"], data["period_end"]
    rows = []
    for item in items:
        o = item["objective"]
        state, why = glance(item, start, end)
        due = f"due {short_day(o['deadline'])}" if o["deadline"] else "no deadline"
        rows.append([str(o["id"]), inline(clip(o["specific"], 60)),
                     f"**{state}**" + (f": {why}" if why and state != "overdue" else "") + f" ({due})",
                     what_changed(item, start, end, shown)])
    return lines + table(["#", "Objective", "State", "This period"], rows) + [""]


def loose_ends(data: dict, gaps: dict | None) -> list[str]:
    """Everything overdue or unattended at the end of the period, each named."""
    if gaps is None:
        return []
    review = gaps["review"]
    feedback = {fb["id"]: fb for fb in data["feedback"] + data["feedback_still_open"]}
    titles = {item["objective"]["id"]: item["objective"]["specific"] for item in data["objectives"]}
    found = []
    for item in review["overdue_objectives"]:
        found.append(f"**Objective past its deadline:** {item['id']}: {inline(clip(item['title']))} "
                     f"(deadline {short_day(item['due'])})")
    for item in review["overdue_activities"]:
        for_what = (f"; for objective {item['objective_id']}: {inline(clip(titles[item['objective_id']], 40))}"
                    if item["objective_id"] in titles else "")
        found.append(f"**Activity overdue:** {inline(item['title'])} (due {short_day(item['due'])}{for_what})")
    for item in review["feedback_without_action"]:
        fb = feedback.get(item["id"])
        who = ""
        if fb:
            who = FEEDBACK_SOURCES.get(fb["source_kind"], fb["source_kind"])
            if fb["source_name"]:
                who = f"{inline(fb['source_name'])} ({who.lower()})"
            who = f"{who}, "
        found.append(f"**Feedback with no action yet:** {who}{short_day(item['due'])}: "
                     f"\u201c{inline(clip(item['title']))}\u201d")
    end = data["period_end"]
    for item in review["training_not_done"]:
        late = item["due"] and item["due"] < end
        when = f"overdue since {short_day(item['due'])}" if late else (
            f"due {short_day(item['due'])}" if item["due"] else "no date set")
        found.append(f"**Mandatory training {'overdue' if late else 'to do'}:** {inline(item['title'])} ({when})")
    lines = [f"### Loose ends ({len(found)})", ""]
    return lines + ([f"- {text}" for text in found] or ["*None: nothing overdue or unattended.*"]) + [""]


def unit_progress(gaps: dict, before: dict | None) -> list[str]:
    """Per unit: criteria evidenced so far, and how many this period added."""
    earlier = {u["code"]: u["evidenced"] for u in (before or {}).get("units", [])}
    units = sorted(gaps["units"], key=lambda u: not u["mandatory"])  # mandatory first, order kept
    overall, was = gaps["overall"], (before or {}).get("overall", {}).get("evidenced", 0)
    lines = ["### Progress per unit", "",
             f"Criteria with evidence so far (all reflections up to the end of the period) and new this period. "
             f"Overall: {overall['evidenced']} of {overall['total']}, {_plus(overall['evidenced'] - was)}.", ""]
    for u in units:
        role = "mandatory" if u["mandatory"] else "optional" if u["chosen"] else "not chosen"
        lines.append(f"- **{inline(u['code'])}** {inline(u['title'])} ({role}): {u['evidenced']} of {u['total']}, "
                     f"{_plus(u['evidenced'] - earlier.get(u['code'], 0))}")
    plan = gaps["optional_units"]
    if not plan["met"]:
        n = len(plan["chosen"])
        lines.append(f"- **Optional units:** {n} chosen; the framework asks for at least {plan['minimum']}.")
    skills = gaps["meta_skills"]
    missing = [s["name"] for s in skills if not s["count"]]
    text = f"{sum(1 for s in skills if s['count'])} of {len(skills)} have reflections"
    if missing:
        text += "; none yet for " + ", ".join(inline(m) for m in missing)
    low = [s for s in skills if s["flagged"]]
    if low:
        text += "; rated low with no active objective: " + ", ".join(
            f"{inline(s['name'])} ({s['rating']} {RATING_SCALE[s['rating']][0]})" for s in low)
    lines.append(f"- **Meta-skills:** {text}.")
    return lines + [""]


def _plus(n: int) -> str:
    return f"+{n} this period" if n > 0 else "none new this period"


def apprentice_notes(draft: dict | None) -> list[str]:
    """The apprentice's own words for the review: strengths, needs, questions, proposals."""
    lines = ["### The apprentice's notes and questions", ""]
    if not draft:
        return lines + ["*None written.*", ""]
    notes = [(label, draft.get(key) or "") for label, key in (
        ("Strengths", "strengths"), ("Improvement needs", "improvements"), ("Questions", "questions"))]
    notes = [(label, text) for label, text in notes if text.strip()]
    proposed = [line.strip(" -*\t") for line in (draft.get("next_objectives") or "").splitlines()
                if line.strip(" -*\t")]
    if not (notes or proposed):
        return lines + ["*None written.*", ""]
    lines += [f"- **{label}:** {inline(text)}" for label, text in notes]
    if proposed:
        lines.append("- **Proposed next objectives:**")
        lines += [f"  - {inline(p)}" for p in proposed]
    return lines + [""]


def clip(text: str, limit: int = CLIP) -> str:
    """``text`` on one line, shortened with an ellipsis past ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"

