"""The one way reflect's records become JSON (``--json``, snapshots, exports' data).

:func:`to_json` turns any record into JSON-ready values: a dataclass field by field, dates as
ISO 8601 text, tuples and sets as lists, mappings with text keys. A record whose JSON is not
simply its fields (renamed keys, numbers it works out, rounding) says so in one place, a
``json_shape()`` method returning the mapping to write, with plain values: dates, records and
tuples inside it go through :func:`to_json` like everything else.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import PurePath
from typing import Any


def to_json(value: Any) -> Any:
    """``value`` as JSON-ready data (see the module's docstring)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    shape = getattr(value, "json_shape", None)
    if shape is not None and not isinstance(value, type):
        return to_json(shape())
    if is_dataclass(value) and not isinstance(value, type):
        return {name: to_json(item) for name, item in fields_of(value).items()}
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, dict):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(to_json(item) for item in value)
    if isinstance(value, PurePath):
        return str(value)
    return value  # anything else is left to the JSON writer (the CLI's writes it as text)


def fields_of(record: Any) -> dict[str, Any]:
    """A dataclass record's fields as a mapping of plain (not yet converted) values."""
    return {f.name: getattr(record, f.name) for f in fields(record)}


class Record:
    """Gives a record ``to_json()``: the same as :func:`to_json` of it."""

    def to_json(self) -> Any:
        """The record as JSON-ready data."""
        return to_json(self)
