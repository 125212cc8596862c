"""A prepared or completed review as readable text (Markdown headings, fine in a terminal).

It works on the JSON form (:meth:`PreparedReview.to_json`, which is also what a completed
review keeps as its snapshot), so a review frozen a year ago prints exactly as agreed, with
the names and criterion text it had then.
"""

from __future__ import annotations

from datetime import date

from reflect.dates import format_long, format_short
from reflect.review.models import (
    ACTIVITY_KINDS,
    FEEDBACK_SOURCES,
    OBJECTIVE_STATUSES,
    OPEN_STATUSES,
    RATING_SCALE,
    Review,
)


def render_review(data: dict, review: Review | None = None) -> str:
    """The review as text. ``review`` supplies the apprentice's notes, the mentor and the
    agreed date (the draft for a review being prepared; the record for a completed one)."""
    end = as_day(data["period_end"])
    out: list[str] = []
    status = "Completed review" if review and review.read_only else "Review preparation"
    out.append(f"# {status}: {long_day(data['period_start'])} to {long_day(data['period_end'])}")
    if review and review.read_only:
        out.append(f"Agreed on {long_day(review.agreed_on)} with {review.mentor_name} (review {review.id}; read-only).")
    else:
        out.append(f"Prepared {long_day(data['prepared_on'])}. {data['schedule']['countdown']}")
    previous = data.get("previous_review")
    out.append(f"Previous review: {long_day(previous['agreed_on'])} with {previous['mentor_name']}."
               if previous else "This is the first review.")
    learning = _learning(data)
    if learning:
        out.append(learning)
    if data.get("reminders") and not (review and review.read_only):
        out += _section("Before the meeting", [f"- {r}" for r in data["reminders"]])
    out += _section("Self-assessment", _assessment(data["assessment"]))
    out += _section(_reflections_title(data), _reflections(data["reflections_by_skill"]))
    out += _section(f"Criteria evidenced for the first time ({len(data['criteria_newly_evidenced'])})",
                    [_criterion(c) for c in data["criteria_newly_evidenced"]] or ["None in this period."])
    out += _section("Objectives", _objectives(data["objectives"], end) or ["No objectives open in this period."])
    out += _section("Development activities", _activities(data))
    out += _section("Feedback", _feedback(data))
    out += _section("Mandatory training", _training(data, end))
    if data.get("gaps") is not None:
        out += _section("Current gaps", _gaps(data["gaps"]))
    out += _section("Review notes", _notes(data, review))
    return "\n".join(out).rstrip() + "\n"


def _learning(data: dict) -> str:
    """"12.5 hours of learning this period, of which training 6 hours.", phrased as the
    dashboard phrases it; nothing when none was recorded (or a review kept before learning
    time was counted)."""
    from reflect.progress.learning_time import LearningTime

    if not data.get("learning_time"):
        return ""
    learning = LearningTime.from_json(data["learning_time"])
    return f"{learning.sentence()}." if learning.total else ""


def _section(title: str, lines: list[str]) -> list[str]:
    return ["", f"## {title}", *lines]


def _assessment(a: dict) -> list[str]:
    latest, previous = a["latest"], a["previous"]
    if latest is None:
        return ["No self-assessment yet."]
    head = f"Latest: {long_day(latest['assessed_on'])}" + (f", against {long_day(previous['assessed_on'])}" if previous
                                                       else " (the first one)")
    if not a["in_period"]:
        head += " (before this period: rate yourself again)"
    lines = [head]
    focus = {r["skill_id"]: r for r in latest["ratings"]}
    width = max([len(c["skill_name"] or c["skill_id"]) for c in a["changes"]] + [10])
    for change in a["changes"]:
        after, before = change["after"], change["before"]
        line = f"  {change['skill_name'] or change['skill_id']:<{width}}  " + (
            f"{after} {RATING_SCALE[after][0]:<10}" if after else "not rated     ")
        if before is not None and after is not None:
            diff = after - before
            line += f"  was {before}" + (f" ({diff:+d})" if diff else " (same)")
        rating = focus.get(change["skill_id"])
        if rating and rating["focus"]:
            line += "  strength" if rating["focus"] == "strength" else "  to improve"
        lines.append(line.rstrip())
        if rating and rating["note"]:
            lines.append(f"  {'':<{width}}  “{rating['note']}”")
    if latest["note"]:
        lines.append(f"Note: {latest['note']}")
    return lines


def _reflections_title(data: dict) -> str:
    title = f"Reflections by meta-skill ({data['reflection_count']})"
    if data.get("private_count"):
        title += f"; {data['private_count']} private not shown"
    return title


def _reflections(groups: list[dict]) -> list[str]:
    lines = []
    for group in groups:
        lines.append(f"{group['name']} ({len(group['entries'])})")
        lines += [f"  #{e['id']:<5} {long_day(e['day'])}  {e['title']}" for e in group["entries"]]
    return lines or ["No reflections in this period."]


def _criterion(c: dict) -> str:
    cited = ", ".join(f"#{e['id']}" for e in c["entries"])
    text = f"  {c['text']}" if c["text"] else ""
    return f"- {c['criterion_id']}{text} (first {short_day(c['first_evidenced'])}" + (f"; {cited})" if cited else ")")


def _objectives(items: list[dict], end: date) -> list[str]:
    lines = []
    for item in items:
        o = item["objective"]
        deadline = f", by {short_day(o['deadline'])}" if o["deadline"] else ", no deadline"
        late = "  OVERDUE" if item["overdue"] else ""
        lines.append(f"- #{o['id']} [{OBJECTIVE_STATUSES.get(o['status'], o['status'])}] {o['specific']}"
                     f" (set {short_day(o['set_on'])}{deadline}){late}")
        if o["measure"]:
            lines.append(f"    Measure: {o['measure']}")
        if o["agreed_by"]:
            lines.append(f"    Agreed with {o['agreed_by']}" + (f" on {short_day(o['agreed_on'])}" if o["agreed_on"] else ""))
        for change in item["changes"]:
            reason = f": {change['reason']}" if change["reason"] else ""
            lines.append(f"    {short_day(change['changed_on'])} {OBJECTIVE_STATUSES.get(change['status'], change['status'])}"
                         + reason)
        if item["evidence"]:
            lines.append("    Evidence: " + ", ".join(f"#{e['id']} {e['title']}" for e in item["evidence"]))
        is_open = o["status"] in OPEN_STATUSES
        for activity in item["activities"]:
            lines.append("    " + _activity(activity, end if is_open else None))
    return lines


def _activity(a: dict, end: date | None) -> str:
    """One activity line; ``end`` is the day it counts as overdue from (None: never, its objective is closed)."""
    kind = ACTIVITY_KINDS.get(a["kind"], a["kind"])
    if a["completed_on"]:
        return f"[x] {a['title']} ({kind}, done {short_day(a['completed_on'])})"
    due = f", due {short_day(a['due'])}" if a["due"] else ""
    late = "  OVERDUE" if end and a["due"] and as_day(a["due"]) < end else ""
    return f"[ ] {a['title']} ({kind}{due}){late}"


def _activities(data: dict) -> list[str]:
    end = as_day(data["period_end"])
    lines = [f"Done ({len(data['activities_done'])}):"]
    lines += [f"  {_activity(a, end)}" for a in data["activities_done"]] or ["  none"]
    lines.append(f"Overdue ({len(data['activities_overdue'])}):")
    lines += [f"  {_activity(a, end)}" for a in data["activities_overdue"]] or ["  none"]
    return lines


def _feedback(data: dict) -> list[str]:
    lines = [_feedback_item(fb) for fb in data["feedback"]] or ["No feedback logged in this period."]
    if data["feedback_still_open"]:
        lines.append("Still to act on from before:")
        lines += [_feedback_item(fb) for fb in data["feedback_still_open"]]
    return lines


def _feedback_item(fb: dict) -> str:
    source = FEEDBACK_SOURCES.get(fb["source_kind"], fb["source_kind"])
    if fb["source_name"]:
        source += f" ({fb['source_name']})"
    state = (f"done {short_day(fb['done_on'])}" if fb["done"] and fb["done_on"] else "done" if fb["done"]
             else "not done yet" if fb["action"] else "no action yet")
    action = f" Action: {fb['action']}" if fb["action"] else ""
    return f"- {short_day(fb['received_on'])} {source}: “{fb['said']}”{action} [{state}]"


def _training(data: dict, end: date) -> list[str]:
    lines = []
    for t in data["training_completed"]:
        extra = ", ".join(x for x in (t["provider"], f"certificate {t['certificate_ref']}" if t["certificate_ref"] else "") if x)
        lines.append(f"- Completed {short_day(t['completed_on'])}: {t['name']}" + (f" ({extra})" if extra else ""))
    for t in data["training_outstanding"]:
        late = "  OVERDUE" if t["due"] and as_day(t["due"]) < end else ""
        lines.append(f"- To do: {t['name']}" + (f", due {short_day(t['due'])}" if t["due"] else "") + late)
    return lines or ["No mandatory training logged."]


def _notes(data: dict, review: Review | None) -> list[str]:
    lines = []
    if data["suggested_strengths"] or data["suggested_improvements"]:
        lines.append("From the self-assessment: strengths " + (", ".join(data["suggested_strengths"]) or "none marked")
                     + "; to improve " + (", ".join(data["suggested_improvements"]) or "none marked") + ".")
    for label, attr in (("Strengths", "strengths"), ("Improvement needs", "improvements"),
                        ("Proposed next objectives", "next_objectives")):
        value = getattr(review, attr) if review else ""
        lines.append(f"{label}:")
        lines += [f"  {line}" for line in value.splitlines()] if value.strip() else ["  (not written yet)"]
    if review and not review.read_only and (review.mentor_name or review.agreed_on):
        lines.append(f"Planned with {review.mentor_name or '(mentor not named)'}"
                     + (f" on {long_day(review.agreed_on)}" if review.agreed_on else "") + ".")
    return lines


def _gaps(g: dict) -> list[str]:
    """Coverage in a few lines: units by what is missing, then thin meta-skills."""
    lines = []
    plan = g["optional_units"]
    if not plan["met"]:
        lines.append(plan["message"])
    overall = g["overall"]
    kinds = overall.get("kinds", {})
    split = ", ".join(f"{k} {v['evidenced']}/{v['total']}" for k, v in kinds.items())
    lines.append(f"Criteria evidenced: {overall['evidenced']} of {overall['total']} ({overall['percent']}%)"
                 + (f": {split}" if split else "") + ".")
    for unit in g["units"]:
        if unit["gap"] or unit["stale"]:
            lines.append(f"- {unit['code']} {unit['title']}: {unit['evidenced']}/{unit['total']} evidenced, "
                         f"{unit['gap']} with no evidence, {unit['stale']} stale")
    thin = [s for s in g["meta_skills"] if s["status"] != "ok" or s.get("flagged")]
    for skill in thin:
        why = {"gap": "no reflections", "stale": f"last reflection {short_day(skill['latest'])}"}.get(skill["status"], "")
        if skill.get("flagged"):
            why = ", ".join(x for x in (why, f"rated {skill['rating']}/5 with no active objective") if x)
        lines.append(f"- {skill['name']}: {why}")
    if g.get("unknown_criteria"):
        lines.append(f"- {len(g['unknown_criteria'])} criteria cited that the current framework does not have")
    return lines


def as_day(value: str | date) -> date:
    """A date from a review's JSON form (ISO text) or from a record."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def long_day(value: str | date | None) -> str:
    """"Tue 24 Nov 2026", or "(no date)"."""
    return format_long(as_day(value)) if value else "(no date)"


def short_day(value: str | date | None) -> str:
    """"24/11/2026", or "(no date)"."""
    return format_short(as_day(value)) if value else "(no date)"
