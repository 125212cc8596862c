"""Criteria coverage: for each unit worked towards, how well each criterion is evidenced.

Each criterion also says what its evidence is, by kind (:mod:`reflect.entries.kinds`): "3
reflections, 1 witness testimony". One resting on the apprentice's own reflections alone is
*own only*, a common assessor concern, so the tallies count those too.

Per criterion id, how many reflections cite it and the latest day come from the running
totals (the whole journal) or one ``GROUP BY`` over the criterion links (anything narrower);
everything else is arithmetic over the framework in Python. Nothing loads entries.

A criterion with no evidence is a *gap*; one whose latest evidence is older than the stale
age is *stale* (see :mod:`reflect.progress.evidence`). Criteria cited by entries but missing from the
current framework (e.g. after switching frameworks) are reported as unknown, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Iterable

from reflect.entries.kinds import REFLECTION, describe_counts
from reflect.jsonable import Record, to_json
from reflect.entries.models import Target
from reflect.progress.evidence import (
    GAP,
    OK,
    STALE,
    freshness,
    narrowed,
    stale_cutoff,
)
from reflect.progress import counts
from reflect.progress.counts import EvidenceSet, open_evidence
from reflect.entries.models import EntryFilter
from reflect.framework.unit_plan import unit_plan

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Criterion, Framework, Unit


@dataclass(frozen=True)
class CriterionCoverage(Record):
    """One criterion: how many reflections evidence it, the latest, and its status."""

    id: str
    unit_code: str
    kind: str  # performance, knowledge, skill, behaviour
    label: str  # "P12"
    text: str
    count: int
    latest: date | None
    status: str  # gap, stale, ok
    target: Target  # drills down to the entries citing it
    #: Entries by kind of evidence ({"reflection": 3, "witness": 1}); kinds with none left out.
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def own_only(self) -> bool:
        """Evidenced, but only by the apprentice's own reflections (no witness, product...)."""
        return self.count > 0 and set(self.by_kind) <= {REFLECTION}

    @property
    def evidence_words(self) -> str:
        """The evidence by kind in words: "3 reflections, 1 witness testimony"."""
        return describe_counts(self.by_kind)

    def json_shape(self) -> dict:
        return {"id": self.id, "unit": self.unit_code, "kind": self.kind, "label": self.label,
                "count": self.count, "by_kind": self.by_kind, "own_only": self.own_only,
                "latest": self.latest, "status": self.status, "text": self.text}


@dataclass(frozen=True)
class Tally(Record):
    """How many criteria are evidenced, fresh, stale and missing."""

    total: int = 0
    ok: int = 0
    stale: int = 0
    gaps: int = 0
    #: Evidenced criteria resting on the apprentice's own reflections only.
    own_only: int = 0

    @property
    def evidenced(self) -> int:
        """Criteria with any evidence at all (fresh or stale)."""
        return self.ok + self.stale

    @property
    def percent(self) -> int:
        """Share of criteria with any evidence, rounded down (100 only when complete)."""
        return self.evidenced * 100 // self.total if self.total else 100

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.total + other.total, self.ok + other.ok, self.stale + other.stale,
                     self.gaps + other.gaps, self.own_only + other.own_only)

    def json_shape(self) -> dict:
        return {"total": self.total, "evidenced": self.evidenced, "ok": self.ok, "stale": self.stale,
                "gap": self.gaps, "percent": self.percent, "own_only": self.own_only}


def tally(criteria: Iterable[CriterionCoverage]) -> Tally:
    """Count criteria by status."""
    counts = {GAP: 0, STALE: 0, OK: 0}
    total = own = 0
    for c in criteria:
        counts[c.status] += 1
        total += 1
        own += c.own_only
    return Tally(total, counts[OK], counts[STALE], counts[GAP], own)


def by_kind(criteria: list[CriterionCoverage]) -> dict[str, Tally]:
    """A tally per kind of item, in the order kinds first appear (performance, knowledge, ...)."""
    kinds = dict.fromkeys(c.kind for c in criteria)
    return {k: tally(c for c in criteria if c.kind == k) for k in kinds}


@dataclass(frozen=True)
class UnitCoverage(Record):
    """One unit's criteria with their evidence, and tallies overall and per kind."""

    code: str
    title: str
    mandatory: bool
    chosen: bool  # an optional unit in the apprentice's plan
    order: int  # position in the framework, for screens that prefer framework order
    criteria: tuple[CriterionCoverage, ...]
    tally: Tally
    kinds: dict[str, Tally]
    target: Target  # drills down to the entries citing any of its criteria

    @property
    def gap_ids(self) -> list[str]:
        return [c.id for c in self.criteria if c.status == GAP]

    @property
    def stale_ids(self) -> list[str]:
        return [c.id for c in self.criteria if c.status == STALE]

    def json_shape(self) -> dict:
        return {"code": self.code, "title": self.title, "mandatory": self.mandatory, "chosen": self.chosen,
                **to_json(self.tally), "kinds": self.kinds,
                "criteria": self.criteria}


@dataclass(frozen=True)
class UnknownCriterion(Record):
    """Evidence citing a criterion id the current framework does not have."""

    id: str
    count: int
    latest: date | None
    target: Target

    def json_shape(self) -> dict:
        return {"id": self.id, "count": self.count, "latest": self.latest, "status": "unknown"}


@dataclass(frozen=True)
class CriteriaCoverage(Record):
    """Coverage of every unit in scope, most missing first."""

    today: date
    stale_weeks: int
    stale_before: date  # evidence dated before this is stale
    units: tuple[UnitCoverage, ...]
    overall: Tally
    kinds: dict[str, Tally]  # overall, per kind of item
    unknown: tuple[UnknownCriterion, ...] = ()
    #: Optional units not in the plan that already have evidence: code -> criteria evidenced.
    unchosen_evidence: dict[str, int] = field(default_factory=dict)

    def unit(self, code: str) -> UnitCoverage | None:
        return next((u for u in self.units if u.code == code), None)

    def json_shape(self) -> dict:
        return {"date": self.today, "stale_weeks": self.stale_weeks,
                "stale_before": self.stale_before,
                "overall": {**to_json(self.overall), "kinds": self.kinds},
                "units": self.units,
                "unknown_criteria": self.unknown,
                "unchosen_evidence": dict(self.unchosen_evidence)}


def criteria_coverage(
    journal: "Journal",
    framework: "Framework",
    *,
    today: date | None = None,
    stale_weeks: int | None = None,
    units: Iterable[str] | None = None,
    entry_filter: EntryFilter | None = None,
    include_private: bool = True,
    evidence: EvidenceSet | None = None,
) -> CriteriaCoverage:
    """How well each criterion of the units in scope is evidenced.

    ``units`` (codes) defaults to the apprentice's plan: every mandatory unit and the chosen
    optional ones. Only live entries count (never trashed ones); ``entry_filter`` narrows
    them further and ``include_private=False`` leaves private ones out (exports count only
    what they include). ``today`` and ``stale_weeks`` default to the journal's. Pass an
    ``evidence`` set already open (see :func:`reflect.progress.evidence.open_evidence`) to share it
    between summaries; it then replaces ``entry_filter`` and ``include_private``.
    """
    if evidence is None:
        with open_evidence(journal, entry_filter, include_private) as evidence:
            return criteria_coverage(journal, framework, today=today, stale_weeks=stale_weeks,
                                     units=units, evidence=evidence)
    today = today or journal.today()
    stale_weeks = stale_weeks if stale_weeks is not None else journal.settings.get("stale_weeks")
    cutoff = stale_cutoff(today, stale_weeks)
    base = evidence.filters
    found = counts.criteria(journal, evidence)
    kinds = counts.criteria_by_kind(journal, evidence, found)
    plan = unit_plan(journal, framework)
    codes = list(dict.fromkeys(units)) if units is not None else list(plan.units)
    order = {u.code: i for i, u in enumerate(framework.units)}
    scope = [u for u in map(framework.unit, codes) if u is not None]

    covered = [_unit_coverage(u, found, kinds, cutoff, base, u.code in plan.chosen, order[u.code])
               for u in scope]
    covered.sort(key=lambda u: (-u.tally.gaps, -u.tally.stale, u.order))
    everything = [c for u in covered for c in u.criteria]
    return CriteriaCoverage(
        today=today, stale_weeks=stale_weeks, stale_before=cutoff, units=tuple(covered),
        overall=tally(everything), kinds=by_kind(everything),
        unknown=_unknown(framework, found, base, None if units is None else codes),
        unchosen_evidence=_unchosen(framework, found, plan.units),
    )


def _unit_coverage(unit: "Unit", evidence: dict, kinds: dict, cutoff: date, base: EntryFilter, chosen: bool,
                   order: int) -> UnitCoverage:
    criteria = tuple(_criterion(c, evidence.get(c.id, (0, None)), kinds.get(c.id, {}), cutoff, base)
                     for c in unit.criteria)
    return UnitCoverage(
        code=unit.code, title=unit.title, mandatory=unit.mandatory, chosen=chosen, order=order,
        criteria=criteria, tally=tally(criteria), kinds=by_kind(list(criteria)),
        target=Target("unit", unit.code, narrowed(base, unit=unit.code)),
    )


def _criterion(c: "Criterion", found: tuple[int, date | None], by_kind: dict[str, int], cutoff: date,
               base: EntryFilter) -> CriterionCoverage:
    count, latest = found
    return CriterionCoverage(
        id=c.id, unit_code=c.unit_code, kind=c.kind, label=c.label, text=c.text, count=count,
        latest=latest, status=freshness(latest, cutoff),
        target=Target("criterion", c.id, narrowed(base, criterion=c.id)), by_kind=by_kind,
    )


def _unknown(framework: "Framework", evidence: dict, base: EntryFilter,
             codes: list[str] | None) -> tuple[UnknownCriterion, ...]:
    """Cited ids the framework lacks; with ``codes``, only those that look like those units'."""
    found = []
    for cid in sorted(evidence):
        if framework.criterion(cid) is not None:
            continue
        if codes is not None and not any(cid.startswith(f"{code}.") for code in codes):
            continue
        count, latest = evidence[cid]
        found.append(UnknownCriterion(cid, count, latest, Target("criterion", cid, narrowed(base, criterion=cid))))
    return tuple(found)


def _unchosen(framework: "Framework", evidence: dict, planned: tuple[str, ...]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for cid in evidence:
        criterion = framework.criterion(cid)
        if criterion is not None and criterion.unit_code not in planned:
            counts[criterion.unit_code] = counts.get(criterion.unit_code, 0) + 1
    order = {u.code: i for i, u in enumerate(framework.units)}
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], order[kv[0]])))
