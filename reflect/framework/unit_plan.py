"""Which units the apprentice is working towards: every mandatory unit plus the optional ones
they chose, checked against the framework's minimum number of optional units.

Choices are stored by code in the journal (``journal.settings.chosen_units()``). A code the
current framework does not know (after switching frameworks) is reported, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reflect.words import plural
from reflect.jsonable import Record
from reflect.errors import InputError

if TYPE_CHECKING:
    from reflect.journal import Journal
    from reflect.framework.standards import Framework


@dataclass(frozen=True)
class UnitPlan(Record):
    """The units in play and whether enough optional ones are chosen."""

    mandatory: tuple[str, ...]
    #: Chosen optional units the framework knows, in the order chosen.
    chosen: tuple[str, ...]
    #: Chosen codes the framework does not know (or now lists as mandatory).
    unknown: tuple[str, ...]
    minimum: int
    available: int  # how many optional units the framework offers

    @property
    def shortfall(self) -> int:
        """How many more optional units are needed (0 when the minimum is met)."""
        return max(0, self.minimum - len(self.chosen))

    @property
    def met(self) -> bool:
        return self.shortfall == 0

    @property
    def units(self) -> tuple[str, ...]:
        """Every unit worked towards: mandatory first, then the chosen optional ones."""
        return self.mandatory + self.chosen

    @property
    def message(self) -> str:
        """One plain sentence, e.g. "You have chosen 5 optional units; the framework needs at least 8."."""
        n = len(self.chosen)
        chosen = "no optional units" if n == 0 else plural(n, "optional unit")
        if self.met:
            return f"You have chosen {chosen} (the framework needs at least {self.minimum})."
        return f"You have chosen {chosen}; the framework needs at least {self.minimum}."

    def json_shape(self) -> dict:
        return {"mandatory": list(self.mandatory), "chosen": list(self.chosen),
                "unknown": list(self.unknown), "minimum": self.minimum, "available": self.available,
                "shortfall": self.shortfall, "met": self.met, "message": self.message}


def unit_plan(journal: "Journal", framework: "Framework") -> UnitPlan:
    """The apprentice's units under ``framework``."""
    known: list[str] = []
    unknown: list[str] = []
    for code in journal.settings.chosen_units():
        unit = framework.unit(code)
        (known if unit is not None and not unit.mandatory else unknown).append(code)
    return UnitPlan(
        mandatory=tuple(u.code for u in framework.mandatory_units),
        chosen=tuple(known),
        unknown=tuple(unknown),
        minimum=framework.min_optional_units,
        available=len(framework.optional_units),
    )


def choose_units(journal: "Journal", framework: "Framework", names: list[str]) -> tuple[list[str], list[str]]:
    """Add optional units to the plan; return ``(added, already_chosen)`` codes.

    Every name is checked before anything is stored, so one typo changes nothing. Choosing a
    mandatory unit is refused: it is always part of the plan.
    """
    codes = list(dict.fromkeys(framework.resolve_unit(n) for n in names))
    for code in codes:
        unit = framework.unit(code)  # resolve_unit found it, so it is there
        if unit is not None and unit.mandatory:
            raise InputError(f"{code} is a mandatory unit: it is always included, so there is nothing to choose.")
    chosen = set(journal.settings.chosen_units())
    added = [c for c in codes if c not in chosen]
    with journal.write():
        for code in added:
            journal.settings.choose_unit(code, chosen=True)
    return added, [c for c in codes if c in chosen]


def drop_units(journal: "Journal", framework: "Framework", names: list[str]) -> tuple[list[str], list[str]]:
    """Remove units from the plan; return ``(dropped, not_chosen)`` codes.

    A chosen code the framework no longer knows can still be dropped by its exact code.
    """
    chosen = set(journal.settings.chosen_units())
    codes = []
    for name in names:
        exact = "".join(name.split()).upper()
        codes.append(exact if exact in chosen else framework.resolve_unit(name))
    codes = list(dict.fromkeys(codes))
    dropped = [c for c in codes if c in chosen]
    with journal.write():
        for code in dropped:
            journal.settings.choose_unit(code, chosen=False)
    return dropped, [c for c in codes if c not in chosen]
