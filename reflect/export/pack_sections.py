"""The detail sections of a review pack as Markdown: self-assessment, objectives (each with a
place for mentor comments), development activities, feedback and training. (The brief on
page one is :mod:`reflect.export.pack_brief`.)

Like :mod:`reflect.review.text` they work on the JSON form of a prepared review
(:meth:`reflect.review.prep.PreparedReview.to_json`: ISO dates, plain dicts), but they write
Markdown for viewers (GitHub, Obsidian, a preview, the HTML copy): tables, lists, headings.
Every piece of user text goes through :func:`~reflect.export.format.inline`, so it reads
as written and cannot change the document's structure.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reflect.export.entry_block import EM_DASH, natural_order
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
from reflect.review.glance import glance
from reflect.review.text import short_day

if TYPE_CHECKING:
    from reflect.framework.standards import Framework

NONE = EM_DASH  # an empty table cell that still reads as "nothing"


def self_assessment(data: dict, mentor: dict[str, int] | None = None, mentor_when: str = "") -> list[str]:
    """The latest rating of each meta-skill against the one before, with the change; with
    ``mentor`` (skill id -> rating, from the last review's record), the mentor's rating beside."""
    a = data["assessment"]
    lines = ["## Self-assessment", ""]
    latest, previous = a["latest"], a["previous"]
    if latest is None:
        return lines + ["*No self-assessment yet.*", ""]
    intro = f"Rated on {short_day(latest['assessed_on'])}"
    intro += f", against {short_day(previous['assessed_on'])}." if previous else " (the first self-assessment)."
    if not a["in_period"]:
        intro += " This was before the period: a new one is due."
    lines += [intro, ""]
    ratings = {r["skill_id"]: r for r in latest["ratings"]}
    rows = []
    for change in a["changes"]:
        rating = ratings.get(change["skill_id"]) or {}
        focus = {"strength": "strength", "improve": "to improve"}.get(rating.get("focus") or "", "")
        row = [inline(change["skill_name"] or change["skill_id"]), _rating(change["after"]),
               _rating(change["before"]), _change(change["before"], change["after"])]
        if mentor:
            row.append(_rating(mentor.get(change["skill_id"])))
        rows.append(row + [focus or NONE, inline(rating.get("note") or "") or NONE])
    head = ["Meta-skill", "Now", "Last time", "Change"] + ([f"Mentor{mentor_when}"] if mentor else [])
    lines += table(head + ["Focus", "Note"], rows, right=(3,))
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
        lines += _objective(item, data, framework, shown)
        if markers:
            lines += [OBJECTIVE_COMMENTS_HEADING, comments_marker(item["objective"]["uid"], "objective"),
                      OBJECTIVE_COMMENTS_HINT, ""]
    return lines


def _objective(item: dict, data: dict, framework, shown: dict[int, dict]) -> list[str]:
    o = item["objective"]
    end = data["period_end"]
    text = " ".join(o["specific"].split())
    state, why = glance(item, data["period_start"], end)
    why = "" if state == "overdue" else why  # the deadline follows
    head = [f"**{OBJECTIVE_STATUSES.get(o['status'], o['status'])}** ({state}{': ' + why if why else ''})",
            f"deadline {short_day(o['deadline'])}" if o["deadline"] else "no deadline"]
    agreed = f"set {short_day(o['set_on'])}"
    if o["agreed_by"]:
        agreed += f", agreed with {inline(o['agreed_by'])}" + (f" {short_day(o['agreed_on'])}" if o["agreed_on"] else "")
    head.append(agreed)
    lines = [f"### Objective {o['id']}: {inline(text)}", "", " \u00b7 ".join(head), ""]
    facts = [(label, inline(o[key])) for label, key in (("Measure", "measure"), ("Achievable", "achievable"),
                                                         ("Relevant", "relevant")) if o[key].strip()]
    if o["skills"]:
        facts.append(("Meta-skills", ", ".join(inline(_skill_name(framework, s)) for s in o["skills"])))
    if o["criteria"]:
        facts.append(("Criteria", ", ".join(inline(cid) for cid in natural_order(o["criteria"]))))
    if item["changes"]:
        facts.append(("This period", "; ".join(
            f"{OBJECTIVE_STATUSES.get(c['status'], c['status']).lower()} {short_day(c['changed_on'])}"
            + (f" ({inline(c['reason'])})" if c["reason"] else "") for c in item["changes"])))
    evidence = [e for e in item["evidence"] if e["id"] in shown]
    facts.append(("Evidence in this pack", "; ".join(f"{short_day(e['day'])} {inline(e['title'])}"
                                                     for e in evidence) or "none"))
    lines += [f"- **{k}:** {v}" for k, v in facts]
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
    """Development activities done in the period, and those overdue, that the objectives
    above do not list already (each objective lists its own)."""
    listed = {a["id"] for item in data["objectives"] for a in item["activities"]}
    titles = {item["objective"]["id"]: item["objective"]["specific"] for item in data["objectives"]}
    done = [a for a in data["activities_done"] if a["id"] not in listed]
    overdue = [a for a in data["activities_overdue"] if a["id"] not in listed]
    if not (done or overdue):
        return []
    lines = ["## Other development activities", ""]
    for heading, items, when in ((f"Done in the period ({len(done)})", done, "completed_on"),
                                 (f"Overdue ({len(overdue)})", overdue, "due")):
        if not items:
            continue
        rows = [[inline(a["title"]), ACTIVITY_KINDS.get(a["kind"], a["kind"]),
                 _objective_ref(a["objective_id"], titles), short_day(a[when])] for a in items]
        lines += [f"### {heading}", ""]
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


def training(data: dict, every: list[dict] | None = None) -> list[str]:
    """Mandatory training: all of it when ``every`` (the whole log) is given, else what the
    review gathered; completed before or in the period, late completions and what is to do."""
    lines = ["## Mandatory training", ""]
    items = every if every is not None else data["training_completed"] + data["training_outstanding"]
    if not items:
        return lines + ["*No mandatory training logged.*", ""]
    start, end = data["period_start"], data["period_end"]
    items = sorted(items, key=lambda t: (t["completed_on"] is None, t["completed_on"] or t["due"] or "9999"))
    rows = []
    for t in items:
        done = t["completed_on"]
        if done and done > end:
            done = None  # completed after the period: to do, as the period saw it
        if done:
            state = f"completed {short_day(done)}" + (" (before the period)" if done < start else "")
            if t["due"] and done > t["due"]:
                state += f", **late** (due {short_day(t['due'])})"
        else:
            state = "to do" + (" **overdue**" if t["due"] and t["due"] < end else "")
        rows.append([inline(t["name"]), inline(t["provider"]) or NONE, short_day(t["due"]) if t["due"] else NONE,
                     state, inline(t["certificate_ref"]) or NONE])
    return lines + table(["Training", "Provider", "Due", "Status", "Certificate"], rows) + [""]


# -- small helpers ----------------------------------------------------------------------------


def _skill_name(framework, skill_id: str) -> str:
    skill = framework.skill(skill_id) if framework else None
    return skill.name if skill else skill_id


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "\u2026"
