"""What an export will hold, worked out before a line is written: which entries, how many,
the period, how many private entries stay out, and the coverage tables.

Everything is counted in SQL over exactly the entries the export includes, so the front
matter and the tables can come first while the entries themselves stream after them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from reflect.entry_query import build_where
from reflect.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.standards import Framework


@dataclass(frozen=True)
class UnitCoverage:
    """One row of the units table: criteria of the unit evidenced, and by how many entries."""

    code: str
    title: str
    evidenced: int
    total: int
    entries: int


@dataclass(frozen=True)
class ExportPlan:
    """The numbers and choices behind one export."""

    filters: EntryFilter
    include_private: bool
    entries: int
    private_left_out: int
    private_included: int
    period_from: date | None
    period_to: date | None
    generated: str
    apprentice: str
    skill_counts: dict[str, int] = field(default_factory=dict)
    units: list[UnitCoverage] = field(default_factory=list)

    @property
    def filtered(self) -> bool:
        """Whether the export is narrowed by more than dates."""
        f = self.filters
        return bool(f.skills or f.units or f.criteria or f.model or f.text)


def plan_export(journal: "Journal", framework: "Framework", filters: EntryFilter = EntryFilter(),
                *, include_private: bool = False) -> ExportPlan:
    """Work out the export of the entries ``filters`` select (private ones only if asked).

    Call it inside the same read transaction as the writing, so the numbers match.
    """
    store = journal.entries
    chosen = replace(filters, private=None if include_private else False)
    total = store.count(chosen)
    everything = store.count(replace(filters, private=None))
    private_included = store.count(replace(filters, private=True)) if include_private else 0
    first, last = _period(journal, chosen)
    return ExportPlan(
        filters=chosen,
        include_private=include_private,
        entries=total,
        private_left_out=everything - total,
        private_included=private_included,
        period_from=filters.date_from or first,
        period_to=filters.date_to or last,
        generated=journal.now(),
        apprentice=journal.settings.get("apprentice_name") or "",
        skill_counts=_skill_counts(journal, chosen),
        units=_unit_coverage(journal, framework, chosen),
    )


def _included(filters: EntryFilter) -> tuple[str, list]:
    where, params = build_where(filters)
    return f"SELECT e.id FROM entries e WHERE {' AND '.join(where)}", params


def _period(journal: "Journal", filters: EntryFilter) -> tuple[date | None, date | None]:
    where, params = build_where(filters)
    row = journal.db.execute(
        f"SELECT min(e.day), max(e.day) FROM entries e WHERE {' AND '.join(where)}", params).fetchone()
    return tuple(date.fromisoformat(d) if d else None for d in row)  # type: ignore[return-value]


def _skill_counts(journal: "Journal", filters: EntryFilter) -> dict[str, int]:
    included, params = _included(filters)
    return dict(journal.db.execute(
        f"SELECT skill_id, count(*) FROM entry_skills WHERE entry_id IN ({included}) GROUP BY skill_id",
        params).fetchall())


def _unit_coverage(journal: "Journal", framework: "Framework", filters: EntryFilter) -> list[UnitCoverage]:
    """Mandatory and chosen units, and any other unit the included entries cite."""
    included, params = _included(filters)
    cited: dict[str, int] = dict(journal.db.execute(
        f"SELECT criterion_id, count(*) FROM entry_criteria WHERE entry_id IN ({included})"
        " GROUP BY criterion_id", params).fetchall())
    entries_per_unit: dict[str, int] = {}
    if cited:
        # Criterion ids are "<unit code>.<item>", so a unit's criteria form one id range.
        for code in {c.unit_code for cid in cited if (c := framework.criterion(cid))}:
            entries_per_unit[code] = journal.db.execute(
                f"SELECT count(DISTINCT entry_id) FROM entry_criteria WHERE criterion_id > ?"
                f" AND criterion_id < ? AND entry_id IN ({included})",
                [f"{code}.", f"{code}/", *params]).fetchone()[0]
    chosen = set(journal.settings.chosen_units())
    rows = []
    for unit in framework.units:
        if unit.mandatory or unit.code in chosen or unit.code in entries_per_unit:
            evidenced = sum(1 for c in unit.criteria if c.id in cited)
            rows.append(UnitCoverage(unit.code, unit.title, evidenced, len(unit.criteria),
                                     entries_per_unit.get(unit.code, 0)))
    return rows
