"""`reflect profile`: name, employer, mentor, start, units and review schedule in one place,
through the same settings exports read (in-process, through ``main(argv)``)."""

from __future__ import annotations

import json

from reflect.cli import main


def run(capsys, db, *args):
    status = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return status, out.out, out.err


def test_profile_set_and_shown(tmp_path, capsys):
    db = tmp_path / "j.db"
    status, out, _ = run(capsys, db, "profile", "--name", " Jamie  Reid ", "--employer", "Harbour Travel",
                         "--mentor", "Alex Smith", "--start", "1/9/2026", "--units", "inscs016",
                         "--review-start", "5/1/2027", "--every", "fortnightly")
    assert status == 0 and "Saved." in out
    status, out, _ = run(capsys, db, "profile", "--json")
    assert json.loads(out) == {"name": "Jamie Reid", "employer": "Harbour Travel", "mentor": "Alex Smith",
                               "start_date": "2026-09-01", "units": ["INSCS016"], "review_start": "2027-01-05",
                               "review_interval": "2 weeks"}
    # The name is the one exports use.
    status, out, _ = run(capsys, db, "config", "apprentice_name")
    assert out.strip() == "Jamie Reid"


def test_a_bad_value_changes_nothing(tmp_path, capsys):
    db = tmp_path / "j.db"
    run(capsys, db, "profile", "--name", "Jamie")
    status, out, err = run(capsys, db, "profile", "--name", "Someone else", "--units", "NOPE1")
    assert status == 2 and err.startswith("reflect: Not an optional unit") and "Traceback" not in err
    status, out, _ = run(capsys, db, "profile", "--json")
    assert json.loads(out)["name"] == "Jamie"


def test_a_name_too_long_is_refused_plainly(tmp_path, capsys):
    status, _, err = run(capsys, tmp_path / "j.db", "profile", "--mentor", "x" * 101)
    assert status == 2 and "up to 100 characters" in err
