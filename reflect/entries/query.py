"""SQL for narrowing entries by filters, shared by listing, searching, counting and exports.

Every filter becomes a condition on the alias ``e`` (the entries table) with ``?`` parameters;
nothing a person types is ever pasted into SQL. The helpers at the end turn rows into records.
"""

from __future__ import annotations

from datetime import date

from reflect.entries.models import Entry, EntryFilter, EntrySummary, Witness
from reflect.entries.search_query import to_fts_query


def build_where(filters: EntryFilter, *, trashed: bool = False) -> tuple[list[str], list]:
    """Conditions and parameters selecting the entries that ``filters`` allow."""
    # Written exactly as the partial index's WHERE, so SQLite can use it.
    where = ["e.deleted_at IS NOT NULL" if trashed else "e.deleted_at IS NULL"]
    params: list = []
    if filters.date_from:
        where.append("e.day >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append("e.day <= ?")
        params.append(filters.date_to.isoformat())
    for skill in filters.skills:
        # EXISTS, not IN: a meta-skill tags a good part of the journal, and IN would collect
        # and sort all of those entries; EXISTS walks the newest-first index and stops at the page.
        where.append("EXISTS (SELECT 1 FROM entry_skills s WHERE s.entry_id = e.id AND s.skill_id = ?)")
        params.append(skill)
    for criterion in filters.criteria:
        # IN: one criterion is cited by few entries, so collecting them is quicker than a walk.
        where.append("e.id IN (SELECT entry_id FROM entry_criteria WHERE criterion_id = ?)")
        params.append(criterion)
    if filters.units:
        # Criterion ids start "<unit code>."; a range on the id uses the primary key. EXISTS
        # as for skills: a unit's criteria together are cited by many entries.
        ranges = " OR ".join("(c.criterion_id > ? AND c.criterion_id < ?)" for _ in filters.units)
        where.append(f"EXISTS (SELECT 1 FROM entry_criteria c WHERE c.entry_id = e.id AND ({ranges}))")
        for code in filters.units:
            params += [f"{code}.", f"{code}/"]
    if filters.private is not None:
        where.append("e.private = ?")
        params.append(int(filters.private))
    if filters.model:
        where.append("e.model = ?")
        params.append(filters.model)
    if filters.kinds:
        where.append(f"e.kind IN ({', '.join('?' * len(filters.kinds))})")
        params += list(filters.kinds)
    if filters.objective is not None:
        where.append("e.id IN (SELECT entry_id FROM entry_objectives WHERE objective_id = ?)")
        params.append(filters.objective)
    query = to_fts_query(filters.text, prefix_last=False) if filters.text else None
    if query:
        where.append("e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
        params.append(query)
    return where, params


def dict_rows(cursor) -> list[dict]:
    """A cursor's rows as dicts keyed by column name (what sqlite-utils' ``query`` gives)."""
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor]


def fetch_summaries(db, rows: list[dict]) -> list[EntrySummary]:
    """Turn entry rows into list rows, fetching all their tags in two queries."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    skills: dict[int, list[str]] = {}
    for entry_id, skill in db.execute(
            f"SELECT entry_id, skill_id FROM entry_skills WHERE entry_id IN ({marks})", ids):
        skills.setdefault(entry_id, []).append(skill)
    counts = dict(db.execute(
        f"SELECT entry_id, count(*) FROM entry_criteria WHERE entry_id IN ({marks}) GROUP BY entry_id",
        ids).fetchall())
    return [
        EntrySummary(
            id=r["id"], day=date.fromisoformat(r["day"]), title=r["title"],
            skills=tuple(skills.get(r["id"], ())), criteria_count=counts.get(r["id"], 0),
            private=bool(r["private"]), model=r["model"], snippet=r.get("snippet"),
            deleted_at=r.get("deleted_at"), kind=r.get("kind", "reflection"),
        )
        for r in rows
    ]


#: The kind-specific details of ``entry_details d``, in the order :func:`details_from` reads them.
DETAIL_COLUMNS = ("d.witness_name, d.witness_role, d.witness_relationship, d.witness_contact, d.confirmed,"
                  " d.confirmed_on, d.observer, d.participants")

#: Whole entries with their tags and details, for ``SELECT {STREAM_COLUMNS} FROM {STREAM_FROM} ...``.
#: Tag ids are joined with the unit separator, which no id contains.
STREAM_COLUMNS = (
    "e.id, e.uid, e.day, e.title, e.body, e.model, e.private, e.confidence, e.minutes, e.created_at,"
    " e.updated_at, e.deleted_at, e.revision,"
    " (SELECT group_concat(skill_id, char(31)) FROM entry_skills WHERE entry_id = e.id),"
    " (SELECT group_concat(criterion_id, char(31)) FROM entry_criteria WHERE entry_id = e.id),"
    f" e.kind, {DETAIL_COLUMNS}"
)
STREAM_FROM = "entries e LEFT JOIN entry_details d ON d.entry_id = e.id"


def details_from(row: tuple | list) -> dict:
    """Entry fields (``witness``, ``observer``, ``participants``) from :data:`DETAIL_COLUMNS`
    values (all None when the entry has no details row)."""
    name, role, relationship, contact, confirmed, confirmed_on, observer, participants = row
    witness = Witness(name or "", role or "", relationship or "", contact or "", bool(confirmed),
                      date.fromisoformat(confirmed_on) if confirmed_on else None)
    return {"witness": None if witness.is_empty else witness, "observer": observer or "",
            "participants": participants or ""}


def streamed_entry(row: tuple) -> Entry:
    """An :class:`Entry` from a row of :data:`STREAM_COLUMNS`."""
    (entry_id, uid, day, title, body, model, private, confidence, minutes, created_at, updated_at,
     deleted_at, revision, skills, criteria, kind) = row[:16]
    return Entry(
        id=entry_id, uid=uid, day=date.fromisoformat(day), title=title, body=body, model=model,
        skills=tuple(sorted(skills.split("\x1f"))) if skills else (),
        criteria=tuple(sorted(criteria.split("\x1f"))) if criteria else (),
        private=bool(private), confidence=confidence, minutes=minutes, created_at=created_at,
        updated_at=updated_at, deleted_at=deleted_at, revision=revision, kind=kind,
        **details_from(row[16:]),
    )
