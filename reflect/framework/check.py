"""Checks that a framework file has the shape reflect relies on.

The rules mirror ``data/standards.schema.json`` (which the tests check the bundled file
against) and add what a JSON Schema cannot say: ids are unique, references resolve and every
criterion id agrees with its unit, kind and number. Checking by hand keeps start-up fast and
lets each message name the exact place in plain words, e.g.
``units[3].criteria[7].text: missing``.
"""

from __future__ import annotations

import re
from typing import Any

SCHEMA_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
UNIT_CODE_PATTERN = re.compile(r"^[A-Z0-9]+$")
UNIT_KINDS = ("nos", "work-situation")
CRITERION_LETTERS = {"performance": "P", "knowledge": "K", "skill": "S", "behaviour": "B"}


class _Problem(Exception):
    """Raised internally at the first thing wrong; carries ``where: what``."""


def check_framework_data(data: Any) -> str | None:
    """Return a one-line description of the first problem in ``data``, or None if it is sound."""
    try:
        _check(data)
    except _Problem as problem:
        return str(problem)
    return None


def _fail(where: str, what: str) -> None:
    raise _Problem(f"{where}: {what}" if where else what)


def _get(obj: dict, key: str, where: str, kind: type | tuple, *, optional: bool = False) -> Any:
    """Fetch ``obj[key]`` and check its type; ``where`` is the path of ``obj``."""
    place = f"{where}.{key}" if where else key
    if key not in obj or (obj[key] is None and not optional):
        if optional:
            return None
        _fail(place, "missing")
    value = obj[key]
    if value is None:
        return None
    kinds = kind if isinstance(kind, tuple) else (kind,)
    # bool is an int in Python, but never a valid number or string here
    if isinstance(value, bool) and bool not in kinds:
        _fail(place, f"should be {_type_name(kinds)}, not true/false")
    if not isinstance(value, kinds):
        _fail(place, f"should be {_type_name(kinds)}, not {_json_type(value)}")
    if isinstance(value, str) and not value.strip() and not optional:
        _fail(place, "is empty")
    return value


def _list_of_objects(obj: dict, key: str, where: str, *, non_empty: bool = True) -> list[dict]:
    items = _get(obj, key, where, list)
    place = f"{where}.{key}" if where else key
    if non_empty and not items:
        _fail(place, "is empty")
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            _fail(f"{place}[{i}]", f"should be an object, not {_json_type(item)}")
    return items


def _check(data: Any) -> None:
    if not isinstance(data, dict):
        _fail("", f"the file should hold a JSON object, not {_json_type(data)}")
    version = _get(data, "schema_version", "", int)
    if version > SCHEMA_VERSION:
        _fail("schema_version", f"is {version}: this file was written for a newer reflect "
              f"(this one reads version {SCHEMA_VERSION})")
    if version < 1:
        _fail("schema_version", f"is {version}, should be {SCHEMA_VERSION}")

    framework = _get(data, "framework", "", dict)
    for key in ("id", "title", "source"):
        _get(framework, key, "framework", str)
    minimum = _get(framework, "min_optional_units", "framework", int)
    if minimum < 0:
        _fail("framework.min_optional_units", "should not be negative")

    category_ids = _check_categories(data)
    _check_meta_skills(data, category_ids)
    optional_count = _check_units(data)
    if minimum > optional_count:
        _fail("framework.min_optional_units",
              f"asks for {minimum} optional units but the file has only {optional_count}")


def _check_categories(data: dict) -> set[str]:
    seen: set[str] = set()
    for i, cat in enumerate(_list_of_objects(data, "meta_skill_categories", "")):
        where = f"meta_skill_categories[{i}]"
        cid = _check_id(cat, where, seen, "category")
        for key in ("name", "sds_name", "description"):
            _get(cat, key, where, str)
        seen.add(cid)
    return seen


def _check_meta_skills(data: dict, category_ids: set[str]) -> None:
    seen: set[str] = set()
    for i, skill in enumerate(_list_of_objects(data, "meta_skills", "")):
        where = f"meta_skills[{i}]"
        sid = _check_id(skill, where, seen, "meta-skill")
        _get(skill, "name", where, str)
        _get(skill, "description", where, str)
        category = _get(skill, "category", where, str)
        if category not in category_ids:
            _fail(f"{where}.category", f'unknown category "{category}" '
                  f"(known: {', '.join(sorted(category_ids))})")
        for j, sub in enumerate(_get(skill, "sub_skills", where, list)):
            if not isinstance(sub, str) or not sub.strip():
                _fail(f"{where}.sub_skills[{j}]", "should be a non-empty string")
        seen.add(sid)


def _check_id(obj: dict, where: str, seen: set[str], what: str) -> str:
    value = _get(obj, "id", where, str)
    if not ID_PATTERN.match(value):
        _fail(f"{where}.id", f'"{value}" should be lower-case words joined by hyphens')
    if value in seen:
        _fail(f"{where}.id", f'duplicate {what} id "{value}"')
    return value


def _check_units(data: dict) -> int:
    """Check every unit and criterion; return how many optional units there are."""
    codes: set[str] = set()
    criterion_ids: set[str] = set()
    optional = 0
    for i, unit in enumerate(_list_of_objects(data, "units", "")):
        where = f"units[{i}]"
        code = _get(unit, "code", where, str)
        if not UNIT_CODE_PATTERN.match(code):
            _fail(f"{where}.code", f'"{code}" should be capital letters and digits, no spaces')
        if code in codes:
            _fail(f"{where}.code", f'duplicate unit code "{code}"')
        codes.add(code)
        where = f"units[{i}] ({code})"
        _get(unit, "title", where, str)
        kind = _get(unit, "kind", where, str)
        if kind not in UNIT_KINDS:
            _fail(f"{where}.kind", f'unknown unit kind "{kind}" (expected {" or ".join(UNIT_KINDS)})')
        if not _get(unit, "mandatory", where, bool):
            optional += 1
        for key in ("overview", "goal", "outline"):
            _get(unit, key, where, str, optional=True)
        _get(unit, "metadata", where, dict, optional=True)
        for j, criterion in enumerate(_list_of_objects(unit, "criteria", where)):
            _check_criterion(criterion, code, f"{where}.criteria[{j}]", criterion_ids)
    return optional


def _check_criterion(criterion: dict, code: str, where: str, seen: set[str]) -> None:
    kind = _get(criterion, "kind", where, str)
    if kind not in CRITERION_LETTERS:
        _fail(f"{where}.kind", f'unknown criterion kind "{kind}" '
              f"(expected one of {', '.join(CRITERION_LETTERS)})")
    number = _get(criterion, "number", where, int)
    if number < 1:
        _fail(f"{where}.number", "should be 1 or more")
    _get(criterion, "text", where, str)
    _get(criterion, "section", where, str, optional=True)
    _get(criterion, "note", where, str, optional=True)
    cid = _get(criterion, "id", where, str)
    expected = f"{code}.{CRITERION_LETTERS[kind]}{number}"
    if cid != expected:
        _fail(f"{where}.id", f'is "{cid}" but its unit, kind and number make it "{expected}"')
    if cid in seen:
        _fail(f"{where}.id", f'duplicate criterion id "{cid}"')
    seen.add(cid)


def _type_name(kinds: tuple) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "an object", bool: "true or false"}
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", int: "a number", float: "a number", list: "a list", dict: "an object"}.get(
        type(value), type(value).__name__
    )
