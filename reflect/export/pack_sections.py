"""The review sections of a review pack as Markdown: summary, self-assessment, objectives
(each with a place for mentor comments), development activities, feedback and training.

Like :mod:`reflect.review.text` they work on the JSON form of a prepared review
(:meth:`reflect.review.prep.PreparedReview.to_json`: ISO dates, plain dicts), but they write
Markdown for viewers (GitHub, Obsidian, a preview, the HTML copy): tables, lists, headings.
Every piece of user text goes through :func:`~reflect.export.format.inline`, so it reads
as written and cannot change the document's structure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.export.entry_block import EM_DASH
from reflect.export.format import (
    OBJECTIVE_COMMENTS_HEADING,
    OBJECTIVE_COMMENTS_HINT,
    comments_marker,
    inline,
    table,
)
from reflect.review.models import (
    ACTIVITY_KINDS,
    FEEDBACK_SOURCES,
    OBJECTIVE_STATUSES,
    RATING_SCALE,
)
from reflect.review.text import as_day, long_day, short_day

if TYPE_CHECKING:
    from reflect.framework.standards import Framework

#: An objective's text longer than this is shortened in its heading (and given in full below).
HEADING_TEXT = 90
NONE = EM_DASH  # an empty table cell that still reads as "nothing"


def summary(data: dict, gaps: dict | None, entries_line: str) -> list[str]:
    """Key numbers, what to sort out before the meeting and the apprentice's own notes."""
    objectives = [item["objective"] for item in data["objectives"]]
    by_status = [f"{n} {label.lower()}" for status, label in OBJECTIVE_STATUSES.items()
                 if (n := sum(1 for o in objectives if o["status"] == status))]
    overdue = sum(1 for item in data["objectives"] if item["overdue"])
    facts = [("Reflections", entries_line)]
    if gaps is not None:
        skills = gaps["meta_skills"]
        overall = gaps["overall"]
        facts += [("Meta-skills reflected on", f"{sum(1 for s in skills if s['count'])} of {len(skills)}"),
                  ("Criteria evidenced by these reflections",
                   f"{overall['evidenced']} of {overall['total']} ({overall['percent']}%)")]
    objective_text = f"{len(objectives)} open or changed in the period"
    if by_status:
        objective_text += ": " + ", ".join(by_status)
    if overdue:
        objective_text += f"; {overdue} past {'its' if overdue == 1 else 'their'} deadline"
    late_training = sum(1 for t in data["training_outstanding"] if t["due"] and t["due"] < data["period_end"])
    facts += [
        ("Objectives", objective_text),
        ("Development activities", f"{len(data['activities_done'])} done in the period, "
                                   f"{len(data['activities_overdue'])} overdue"),
        ("Feedback", f"{len(data['feedback'])} received in the period"
                     + (f", {len(data['feedback_still_open'])} from before still to act on"
                        if data["feedback_still_open"] else "")),
        ("Mandatory training", f"{len(data['training_completed'])} completed in the period, "
                               f"{len(data['training_outstanding'])} to do"
                               + (f" ({late_training} overdue)" if late_training else "")),
        ("Self-assessment", _assessment_fact(data["assessment"])),
    ]
    schedule = data["schedule"]
    if schedule.get("next_date"):
        days = (as_day(schedule["next_date"]) - as_day(data["prepared_on"])).days
        when = "today" if days == 0 else f"in {days} days" if days > 0 else f"{-days} days overdue"
        facts.append(("Next review", f"{long_day(schedule['next_date'])} ({when})"))
    lines = ["## Summary", ""] + [f"- **{label}:** {value}" for label, value in facts] + [""]
    if data["reminders"]:
        lines += ["### Before the meeting", ""] + [f"- {inline(r)}" for r in data["reminders"]] + [""]
    lines += _apprentice_notes(data.get("draft"))
    return lines


def _assessment_fact(assessment: dict) -> str:
    latest, previous = assessment["latest"], assessment["previous"]
    if latest is None:
        return "none yet"
    text = long_day(latest["assessed_on"])
    if previous:
        text += f" (against {long_day(previous['assessed_on'])})"
    if not assessment["in_period"]:
        text += "; before this period"
    return text


def _apprentice_notes(draft: dict | None) -> list[str]:
    if not draft:
        return []
    notes = [(label, draft[key]) for label, key in (("Strengths", "strengths"), ("Improvement needs", "improvements"))
             if draft[key].strip()]
    proposed = [line.strip(" -*\t") for line in draft["next_objectives"].splitlines() if line.strip(" -*\t")]
    if not (notes or proposed):
        return []
    lines = ["### The apprentice's notes for the review", ""]
    lines += [f"- **{label}:** {inline(text)}" for label, text in notes]
    if proposed:
        lines.append("- **Proposed next objectives:**")
        lines += [f"  - {inline(p)}" for p in proposed]
    return lines + [""]


def self_assessment(data: dict) -> list[str]:
    """The latest rating of each meta-skill against the one before, with the change."""
    a = data["assessment"]
    lines = ["## Self-assessment", ""]
    latest, previous = a["latest"], a["previous"]
    if latest is None:
        return lines + ["*No self-assessment yet.*", ""]
    intro = f"Rated on {long_day(latest['assessed_on'])}"
    intro += f", against {long_day(previous['assessed_on'])}." if previous else " (the first self-assessment)."
    if not a["in_period"]:
        intro += " This was before the period: a new one is due."
    lines += [intro, ""]
    ratings = {r["skill_id"]: r for r in latest["ratings"]}
    rows = []
    for change in a["changes"]:
        rating = ratings.get(change["skill_id"]) or {}
        focus = {"strength": "strength", "improve": "to improve"}.get(rating.get("focus") or "", "")
        rows.append([inline(change["skill_name"] or change["skill_id"]), _rating(change["after"]),
                     _rating(change["before"]), _change(change["before"], change["after"]), focus or NONE,
                     inline(rating.get("note") or "") or NONE])
    lines += table(["Meta-skill", "Now", "Last time", "Change", "Focus", "Note"], rows, right=(3,))
    if latest["note"]:
        lines += ["", f"**Note:** {inline(latest['note'])}"]
    return lines + [""]


def _rating(value: int | None) -> str:
    return f"{value} {RATING_SCALE[value][0]}" if value in RATING_SCALE else "not rated"


def _change(before: int | None, after: int | None) -> str:
    if before is None or after is None:
        return "new" if after is not None else NONE
    return f"{after - before:+d}" if after != before else "same"


def objectives(data: dict, framework: "Framework | None", shown: dict[int, dict], *,
               markers: bool = True) -> list[str]:
    """Each objective open or changed in the period: status, SMART parts, evidence from the
    reflections in the pack, activities, and (with ``markers``) a place for comments."""
    lines = ["## SMART objectives", ""]
    if not data["objectives"]:
        return lines + ["*No objectives open or changed in this period.*", ""]
    for item in data["objectives"]:
        lines += _objective(item, data["period_end"], framework, shown)
        if markers:
            lines += [OBJECTIVE_COMMENTS_HEADING, comments_marker(item["objective"]["uid"], "objective"),
                      OBJECTIVE_COMMENTS_HINT, ""]
    return lines


def _objective(item: dict, end: str, framework, shown: dict[int, dict]) -> list[str]:
    o = item["objective"]
    text = " ".join(o["specific"].split())
    short = text if len(text) <= HEADING_TEXT else text[:HEADING_TEXT - 1].rstrip() + "\u2026"
    status = OBJECTIVE_STATUSES.get(o["status"], o["status"])
    if item["overdue"]:
        status += " (past its deadline)"
    facts = [("Status", status)]
    if short != text:
        facts.append(("Objective", inline(text)))
    facts += [(label, inline(o[key])) for label, key in (("Measure", "measure"), ("Achievable", "achievable"),
                                                         ("Relevant", "relevant")) if o[key].strip()]
    facts.append(("Deadline", long_day(o["deadline"]) if o["deadline"] else "none set"))
    agreed = f"; agreed with {inline(o['agreed_by'])}" if o["agreed_by"] else ""
    if agreed and o["agreed_on"]:
        agreed += f" on {long_day(o['agreed_on'])}"
    facts.append(("Set", long_day(o["set_on"]) + agreed))
    if o["skills"]:
        facts.append(("Meta-skills", ", ".join(inline(_skill_name(framework, s)) for s in o["skills"])))
    lines = [f"### Objective {o['id']}: {inline(short)}", ""] + [f"- **{k}:** {v}" for k, v in facts]
    if o["criteria"]:
        lines.append("- **Criteria:**")
        lines += [f"  - {_criterion(framework, cid)}" for cid in o["criteria"]]
    if item["changes"]:
        lines.append("- **This period:**")
        lines += [f"  - {short_day(c['changed_on'])} {OBJECTIVE_STATUSES.get(c['status'], c['status'])}"
                  + (f": {inline(c['reason'])}" if c["reason"] else "") for c in item["changes"]]
    evidence = [e for e in item["evidence"] if e["id"] in shown]
    lines.append("- **Evidence in this pack:**" + ("" if evidence else " none"))
    lines += [f"  - {long_day(e['day'])} {EM_DASH} {inline(e['title'])}" for e in evidence]
    if item["activities"]:
        is_open = o["status"] in ("draft", "agreed", "in-progress")
        lines.append("- **Development activities:**")
        lines += [f"  - {_activity(a, end if is_open else None)}" for a in item["activities"]]
    return lines + [""]


def _activity(a: dict, end: str | None) -> str:
    """``[x] title (kind, done 1/10/2026)``; ``end``: the day it counts as overdue from."""
    kind = ACTIVITY_KINDS.get(a["kind"], a["kind"])
    if a["completed_on"]:
        return f"\\[x\\] {inline(a['title'])} ({kind}, done {short_day(a['completed_on'])})"
    due = f", due {short_day(a['due'])}" if a["due"] else ""
    late = " **overdue**" if end and a["due"] and a["due"] < end else ""
    return f"\\[ \\] {inline(a['title'])} ({kind}{due}){late}"


def activities(data: dict) -> list[str]:
    """Development activities done in the period, and those overdue."""
    lines = ["## Development activities", ""]
    titles = {item["objective"]["id"]: item["objective"]["specific"] for item in data["objectives"]}
    done, overdue = data["activities_done"], data["activities_overdue"]
    for heading, items, when in ((f"Done in the period ({len(done)})", done, "completed_on"),
                                 (f"Overdue ({len(overdue)})", overdue, "due")):
        lines += [f"### {heading}", ""]
        if not items:
            lines += ["*None.*", ""]
            continue
        rows = [[inline(a["title"]), ACTIVITY_KINDS.get(a["kind"], a["kind"]),
                 _objective_ref(a["objective_id"], titles), short_day(a[when])] for a in items]
        lines += table(["Activity", "Kind", "Objective", "Done" if when == "completed_on" else "Due"], rows) + [""]
    return lines


def _objective_ref(objective_id: int | None, titles: dict[int, str]) -> str:
    if objective_id is None:
        return NONE
    title = titles.get(objective_id)
    return f"{objective_id}: {inline(_clip(title, 50))}" if title else str(objective_id)


def feedback(data: dict, shown: dict[int, dict]) -> list[str]:
    """Feedback received in the period, what the apprentice will do about it, and older
    feedback still to act on."""
    lines = ["## Feedback and actions", ""]
    lines += _feedback_table(data["feedback"], shown) if data["feedback"] else ["*No feedback logged in this period.*"]
    lines.append("")
    if data["feedback_still_open"]:
        lines += [f"### Still to act on from before ({len(data['feedback_still_open'])})", ""]
        lines += _feedback_table(data["feedback_still_open"], shown) + [""]
    return lines


def _feedback_table(items: list[dict], shown: dict[int, dict]) -> list[str]:
    rows = []
    for fb in items:
        source = FEEDBACK_SOURCES.get(fb["source_kind"], fb["source_kind"])
        if fb["source_name"]:
            source += f" ({inline(fb['source_name'])})"
        state = (f"done {short_day(fb['done_on'])}" if fb["done"] and fb["done_on"] else "done" if fb["done"]
                 else "not done yet" if fb["action"] else "no action yet")
        said = inline(fb["said"])
        if fb["entry_id"] in shown:  # only reflections in this pack are named
            entry = shown[fb["entry_id"]]
            said += f" *(on {short_day(entry['day'])} {EM_DASH} {inline(entry['title'])})*"
        rows.append([short_day(fb["received_on"]), source, said, inline(fb["action"]) or NONE, state])
    return table(["Received", "From", "What was said", "Action", "Done"], rows)


def training(data: dict) -> list[str]:
    """Mandatory training completed in the period and still to do."""
    lines = ["## Mandatory training", ""]
    items = data["training_completed"] + data["training_outstanding"]
    if not items:
        return lines + ["*No mandatory training logged.*", ""]
    end = data["period_end"]
    rows = []
    for t in items:
        if t["completed_on"]:
            state = f"completed {short_day(t['completed_on'])}"
        else:
            state = "to do" + (" **overdue**" if t["due"] and t["due"] < end else "")
        rows.append([inline(t["name"]), inline(t["provider"]) or NONE, short_day(t["due"]) if t["due"] else NONE,
                     state, inline(t["certificate_ref"]) or NONE])
    return lines + table(["Training", "Provider", "Due", "Status", "Certificate"], rows) + [""]


# -- small helpers ----------------------------------------------------------------------------


def _skill_name(framework, skill_id: str) -> str:
    skill = framework.skill(skill_id) if framework else None
    return skill.name if skill else skill_id


def _criterion(framework, cid: str) -> str:
    criterion = framework.criterion(cid) if framework else None
    return f"{inline(cid)} {EM_DASH} {inline(criterion.text)}" if criterion else inline(cid)


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
