"""The one way records become JSON."""

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from reflect.jsonable import Record, fields_of, to_json


@dataclass(frozen=True)
class Inner(Record):
    day: date
    tags: tuple[str, ...]


@dataclass(frozen=True)
class Shaped(Record):
    unit_code: str
    inner: Inner

    @property
    def doubled(self) -> int:
        return 2

    def json_shape(self) -> dict:
        return {"unit": self.unit_code, "inner": self.inner, "doubled": self.doubled}


def test_dataclasses_become_their_fields_with_iso_dates_and_lists():
    assert Inner(date(2026, 2, 1), ("a", "b")).to_json() == {"day": "2026-02-01", "tags": ["a", "b"]}


def test_a_shape_renames_and_adds_and_its_values_are_converted_too():
    value = Shaped("INSCS009", Inner(date(2026, 11, 24), ()))
    assert value.to_json() == {"unit": "INSCS009", "inner": {"day": "2026-11-24", "tags": []}, "doubled": 2}


def test_plain_values_mappings_sets_paths_and_times():
    data = {1: {"b", "a"}, "when": datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc), "where": Path("/tmp/x"),
            "none": None, "n": 1.5}
    assert to_json(data) == {"1": ["a", "b"], "when": "2026-11-24T09:00:00+00:00", "where": "/tmp/x",
                             "none": None, "n": 1.5}
    json.dumps(to_json(data))  # really JSON


def test_fields_of_keeps_values_unconverted():
    inner = Inner(date(2026, 1, 1), ("x",))
    assert fields_of(inner) == {"day": date(2026, 1, 1), "tags": ("x",)}
