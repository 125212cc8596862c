"""The framework (standards) an apprentice works towards: meta-skills, units and criteria.

Nothing about any particular framework lives in code: everything comes from a JSON file in the
shape of ``data/standards.schema.json``. The bundled file is the SDS Modern Apprenticeship
framework for Customer Service, Retail and Travel; a training provider can point reflect at
another file and tagging, gaps and exports follow it.

Use :func:`load_framework` to read and validate a file. Validation lives in
:mod:`reflect.framework.check` so that this module stays a plain model.
"""

from __future__ import annotations

import difflib
import json
import re
import stat
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Iterable, Iterator

from reflect.errors import FrameworkError, InputError

#: Letter used in criterion ids for each kind of item ("INSCS016.P12").
KIND_LETTERS = {"performance": "P", "knowledge": "K", "skill": "S", "behaviour": "B"}
KIND_LABELS = {
    "performance": "Performance",
    "knowledge": "Knowledge and understanding",
    "skill": "Skills",
    "behaviour": "Behaviours",
}
BUNDLED_NAME = "standards.json"
MAX_FRAMEWORK_BYTES = 50_000_000


@dataclass(frozen=True)
class MetaSkillCategory:
    """One of the groups of meta-skills (e.g. *Managing yourself*)."""

    id: str
    name: str
    sds_name: str
    description: str


@dataclass(frozen=True)
class MetaSkill:
    """A meta-skill such as *focus*, with the prompts (sub-skills) that help people reflect."""

    id: str
    name: str
    category: str
    description: str
    sub_skills: tuple[str, ...] = ()


@dataclass(frozen=True)
class Criterion:
    """One item of a unit: a performance criterion, knowledge item, skill or behaviour."""

    id: str
    unit_code: str
    kind: str
    number: int
    text: str
    section: str | None = None
    note: str | None = None

    @property
    def label(self) -> str:
        """The short code within its unit, e.g. ``P12`` or ``K5``."""
        return f"{KIND_LETTERS[self.kind]}{self.number}"


@dataclass(frozen=True)
class Unit:
    """A unit of the framework: a National Occupational Standard or an SDS work situation."""

    code: str
    title: str
    kind: str
    mandatory: bool
    criteria: tuple[Criterion, ...]
    overview: str | None = None
    goal: str | None = None
    outline: str | None = None
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    def criteria_of_kind(self, kind: str) -> list[Criterion]:
        """The unit's items of one kind (``performance``, ``knowledge``, ...), in order."""
        return [c for c in self.criteria if c.kind == kind]


@dataclass(frozen=True)
class Framework:
    """A whole framework, loaded from a standards file."""

    id: str
    title: str
    source: str
    min_optional_units: int
    categories: tuple[MetaSkillCategory, ...]
    meta_skills: tuple[MetaSkill, ...]
    units: tuple[Unit, ...]
    path: Path | None = field(default=None, compare=False)

    # -- look-ups -------------------------------------------------------------------------

    @cached_property
    def _skills_by_id(self) -> dict[str, MetaSkill]:
        return {s.id: s for s in self.meta_skills}

    @cached_property
    def _units_by_code(self) -> dict[str, Unit]:
        return {u.code: u for u in self.units}

    @cached_property
    def _criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for u in self.units for c in u.criteria}

    def skill(self, skill_id: str) -> MetaSkill | None:
        """The meta-skill with this id, or None."""
        return self._skills_by_id.get(skill_id)

    def unit(self, code: str) -> Unit | None:
        """The unit with this code, or None."""
        return self._units_by_code.get(code)

    def criterion(self, criterion_id: str) -> Criterion | None:
        """The criterion with this id, or None (e.g. an id from an older framework)."""
        return self._criteria_by_id.get(criterion_id)

    def category(self, category_id: str) -> MetaSkillCategory | None:
        """The meta-skill category with this id, or None."""
        return next((c for c in self.categories if c.id == category_id), None)

    def skills_in(self, category_id: str) -> list[MetaSkill]:
        """The meta-skills of one category, in framework order."""
        return [s for s in self.meta_skills if s.category == category_id]

    def all_criteria(self) -> Iterator[Criterion]:
        """Every criterion of every unit, in framework order."""
        for unit in self.units:
            yield from unit.criteria

    @property
    def mandatory_units(self) -> list[Unit]:
        return [u for u in self.units if u.mandatory]

    @property
    def optional_units(self) -> list[Unit]:
        return [u for u in self.units if not u.mandatory]

    # -- turning what people type into ids ------------------------------------------------

    def resolve_skill(self, text: str) -> str:
        """Return the id of the meta-skill named by ``text`` (its id or name, any case).

        Raises :class:`InputError` with "did you mean" suggestions when nothing matches.
        """
        key = _slug(text)
        by_name = {_slug(s.name): s.id for s in self.meta_skills}
        if key in self._skills_by_id:
            return key
        if key in by_name:
            return by_name[key]
        raise InputError(
            _unknown("meta-skill", text, list(self._skills_by_id), hint="reflect standards --skills")
        )

    def resolve_unit(self, text: str) -> str:
        """Return the code of the unit named by ``text`` ("sds 0417", "inscs016", ...)."""
        key = re.sub(r"\s+", "", text).upper()
        if key in self._units_by_code:
            return key
        raise InputError(_unknown("unit", text, list(self._units_by_code), hint="reflect standards"))

    def resolve_criterion(self, text: str) -> str:
        """Return the id of the criterion named by ``text``.

        Accepts the id in any case and with a space or dot between unit and item
        (``inscs016.p12``, ``INSCS016 P12``, ``SDS 0223 K5``).
        """
        match = re.fullmatch(r"\s*(.+?)[\s.]*([PKSB])\s*(\d+)\s*", text, re.IGNORECASE)
        if match:
            code = re.sub(r"\s+", "", match.group(1)).upper().rstrip(".")
            key = f"{code}.{match.group(2).upper()}{int(match.group(3))}"
            if key in self._criteria_by_id:
                return key
        raise InputError(
            _unknown("criterion", text, list(self._criteria_by_id), hint="reflect standards --unit CODE")
        )

    def search_criteria(self, words: str, units: Iterable[str] | None = None) -> list[Criterion]:
        """Criteria whose id, unit title, section or text contain every word (case-insensitive)."""
        terms = [w for w in words.lower().split() if w]
        wanted = set(units) if units is not None else None
        found = []
        for unit in self.units:
            if wanted is not None and unit.code not in wanted:
                continue
            for c in unit.criteria:
                haystack = f"{c.id} {c.label} {unit.title} {c.section or ''} {c.text}".lower()
                if all(t in haystack for t in terms):
                    found.append(c)
        return found


def _slug(text: str) -> str:
    return re.sub(r"[\s_]+", "-", text.strip().lower())


def _unknown(what: str, text: str, candidates: list[str], hint: str) -> str:
    """A one-line "unknown X" message with close matches, if any."""
    close = difflib.get_close_matches(text.strip(), candidates, n=3, cutoff=0.6)
    if not close:
        lowered = {c.lower(): c for c in candidates}
        close = [lowered[c] for c in difflib.get_close_matches(text.strip().lower(), lowered, n=3, cutoff=0.6)]
    message = f'Unknown {what} "{text}".'
    if close:
        choices = ", ".join(close[:-1]) + " or " + close[-1] if len(close) > 1 else close[0]
        message += f" Did you mean {choices}?"
    return f"{message} ({hint} lists them.)"


# -- loading ------------------------------------------------------------------------------


def bundled_framework_path() -> Path:
    """Where the framework that ships with reflect lives.

    Installed, it is package data (``reflect/data/standards.json``); in a source checkout it
    is the repository's ``data/standards.json``.
    """
    packaged = Path(__file__).parent.parent / "data" / BUNDLED_NAME
    if packaged.exists():
        return packaged
    return Path(__file__).resolve().parent.parent.parent / "data" / BUNDLED_NAME


def load_framework(path: str | Path | None = None) -> Framework:
    """Read, validate and build the framework in ``path`` (default: the bundled one).

    Raises :class:`FrameworkError` with one clear line naming the file, the place inside it
    and what is wrong.
    """
    from reflect import json_input
    from reflect.framework.check import check_framework_data

    file = Path(path) if path is not None else bundled_framework_path()
    try:
        # Refuse devices, pipes and huge files before reading: /dev/zero would never end.
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise FrameworkError(f"{file}: not a framework file (it is not a regular file)")
        if info.st_size > MAX_FRAMEWORK_BYTES:
            raise FrameworkError(f"{file}: too big to be a framework file ({info.st_size // 1_000_000} MB)")
        raw = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FrameworkError(f"{file}: no such framework file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise FrameworkError(f"{file}: cannot read the framework file ({_reason(error)})") from None
    try:
        data = json_input.loads(raw)
    except json.JSONDecodeError as error:
        raise FrameworkError(
            f"{file}: not valid JSON at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    except json_input.JSONLimitError as error:
        raise FrameworkError(f"{file}: not a framework file ({error})") from None
    problem = check_framework_data(data)
    if problem:
        raise FrameworkError(f"{file}: {problem}")
    return framework_from_data(data, file)


def framework_from_data(data: dict, path: Path | None = None) -> Framework:
    """Build a :class:`Framework` from already validated data."""
    units = []
    for u in data["units"]:
        criteria = tuple(
            Criterion(
                id=c["id"],
                unit_code=u["code"],
                kind=c["kind"],
                number=c["number"],
                text=c["text"],
                section=c.get("section"),
                note=c.get("note"),
            )
            for c in u["criteria"]
        )
        units.append(
            Unit(
                code=u["code"],
                title=u["title"],
                kind=u["kind"],
                mandatory=u["mandatory"],
                criteria=criteria,
                overview=u.get("overview"),
                goal=u.get("goal"),
                outline=u.get("outline"),
                metadata=u.get("metadata") or {},
            )
        )
    fw = data["framework"]
    return Framework(
        id=fw["id"],
        title=fw["title"],
        source=fw["source"],
        min_optional_units=fw["min_optional_units"],
        categories=tuple(
            MetaSkillCategory(c["id"], c["name"], c["sds_name"], c["description"])
            for c in data["meta_skill_categories"]
        ),
        meta_skills=tuple(
            MetaSkill(s["id"], s["name"], s["category"], s["description"], tuple(s["sub_skills"]))
            for s in data["meta_skills"]
        ),
        units=tuple(units),
        path=path,
    )


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
