"""Time spent on activities and training from the command line, and learning time in
`reflect stats` (text and --json), run in-process as a person runs them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.test_cli_entries import Reflect, assert_clean_failure


@pytest.fixture
def reflect(tmp_path) -> Reflect:
    return Reflect(tmp_path)


@pytest.fixture
def objective(reflect) -> str:
    reflect.ok("objective", "add", "Handle complaints calmly")
    return "1"


def test_activity_time_on_add_done_and_update(reflect, objective):
    assert "(1 h 30 min)" in reflect.ok("activity", "add", objective, "Shadow Sam", "--time", "1h 30m")
    reflect.ok("activity", "add", objective, "Read the policy")
    assert "(45 min)" in reflect.ok("activity", "done", "2", "--minutes", "45")
    assert "(2 h)" in reflect.ok("activity", "update", "1", "--time", "2h")
    assert [a["minutes"] for a in reflect.json("activity", "list")] == [120, 45]
    reflect.ok("activity", "update", "1", "--time", "none")
    assert {a["id"]: a["minutes"] for a in reflect.json("activity", "list")} == {1: None, 2: 45}


def test_training_time_on_add_and_done(reflect):
    reflect.ok("training", "add", "Fire safety", "--completed", "today", "--time", "1.5h")
    reflect.ok("training", "add", "Manual handling")
    reflect.ok("training", "done", "2", "--time", "90", "--certificate", "MH-1")
    assert sorted(t["minutes"] for t in reflect.json("training", "list")) == [90, 90]


@pytest.mark.parametrize("command", [
    ["activity", "add", "1", "Shadow", "--time", "banana"],
    ["activity", "done", "1", "--time", "0"],
    ["training", "add", "Fire safety", "--time", "201h"],
    ["training", "update", "1", "--minutes", "1h 90m"],
])
def test_nonsense_time_is_one_line_and_exit_2_and_changes_nothing(reflect, objective, command):
    reflect.ok("activity", "add", objective, "Shadow Sam")
    reflect.ok("training", "add", "Fire safety")
    before = (reflect.json("activity", "list"), reflect.json("training", "list"))
    result = reflect(*command)
    assert_clean_failure(result, "ime spent")  # "Can't read the time spent ..." or "Time spent ... must be"
    assert (reflect.json("activity", "list"), reflect.json("training", "list")) == before


def test_stats_shows_learning_time_this_period_in_all_and_per_week(reflect, objective):
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    reflect.ok("add", "--time", "1h30", "--date", today.isoformat(), "Calm refund")
    reflect.ok("add", "--time", "45m", "--private", "--date", today.isoformat(), "Worried")
    reflect.ok("activity", "add", objective, "Shadow Sam", "--done", "today", "--time", "2h")
    reflect.ok("training", "add", "Fire safety", "--completed", "today", "--time", "6h")
    out = reflect.ok("stats")
    assert "This review period  10.2 hours since you started (no review yet)" in out
    assert "reflections 2.2 hours, activities 2 hours, training 6 hours" in out
    assert "Total               10.2 hours in all" in out
    weeks = out.split("Last 12 weeks (week starting):")[-1]  # the learning time's weeks come last
    this_week = next(line for line in weeks.splitlines() if line.strip().startswith(monday.strftime("%d/%m/%Y")))
    assert "10.2 hours" in this_week and this_week.endswith("#" * 30)
    public = reflect.ok("stats", "--public")
    assert "9.5 hours in all" in public  # the private reflection's 45 minutes left out


def test_stats_json_gives_whole_minutes_and_iso_weeks(reflect, objective):
    today = date.today()
    monday = today - timedelta(days=today.weekday())
    reflect.ok("add", "--time", "90", "--date", today.isoformat(), "Calm refund")
    reflect.ok("training", "add", "Fire safety", "--completed", "today", "--time", "1h")
    learning = reflect.json("stats")["learning_time"]
    assert learning["total"] == {"start": None, "end": None, "minutes": 150, "reflections": 90, "activities": 0,
                                 "training": 60}
    assert learning["period"] == learning["total"] | {"end": today.isoformat()}  # no review yet: all of it
    assert learning["weeks"][-1] == {"week_start": monday.isoformat(), "minutes": 150, "reflections": 90,
                                     "activities": 0, "training": 60}
    assert len(learning["weeks"]) == 12
    assert all(isinstance(w["minutes"], int) for w in learning["weeks"])
    narrowed = reflect.json("stats", "--from", "1/1/2020",
                            "--to", (today - timedelta(days=1)).strftime("%d/%m/%Y"))["learning_time"]
    assert narrowed["total"]["minutes"] == 0 and narrowed["period"]["minutes"] == 150


def test_stats_says_how_to_record_time_when_there_is_none(reflect):
    reflect.ok("add", "Calm refund")
    out = reflect.ok("stats")
    assert "None recorded yet. Add it with --time" in out


def test_a_real_process_refuses_nonsense_time_in_one_line(reflect):
    result = reflect("training", "add", "Fire safety", "--time", "1h 90m", process=True)
    assert_clean_failure(result, 'Can\'t read the time spent "1h 90m"')
    assert reflect.json("training", "list") == []


@pytest.mark.parametrize("option", ["--time", "--minutes"])
def test_edit_changes_and_clears_a_reflections_time(reflect, option):
    reflect.ok("add", "--no-advice", "--time", "1h30", "Calm refund")
    reflect.ok("edit", "1", option, "45m")
    assert reflect.json("show", "1")["minutes"] == 45
    assert reflect.ok("edit", "1", option, "none").strip() == "Updated entry 1: Calm refund"
    entry = reflect.json("show", "1")
    assert entry["minutes"] is None and entry["body"] == "Calm refund"  # only the time changed
    assert reflect.json("stats")["learning_time"]["total"]["minutes"] == 0  # and the totals follow


@pytest.mark.parametrize("time", ["25h", "banana", "0"])
def test_edit_refuses_a_time_a_reflection_cannot_have_and_keeps_the_old_one(reflect, time):
    reflect.ok("add", "--no-advice", "--time", "1h30", "Calm refund")
    assert_clean_failure(reflect("edit", "1", "--time", time), "ime spent")
    assert reflect.json("show", "1")["minutes"] == 90


def test_add_has_no_time_to_clear(reflect):
    assert_clean_failure(reflect("add", "--no-advice", "--time", "none", "Calm refund"),
                         'Can\'t read the time spent "none"')
    assert reflect.json("list") == []
