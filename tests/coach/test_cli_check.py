"""`reflect check`, the advice after `reflect add`, and exports that list and redact personal data."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from reflect.coach.personal_data import find_personal_data, redact
from reflect.importers.markdown import import_markdown
from reflect.journal import open_journal

PHONE_TEXT = ("A customer came in with a faulty kettle and wanted a refund. Mr Brown left his number, "
              "07700 900123, and paid with 4111 1111 1111 1111.")


def test_check_json_gives_advice_personal_data_and_suggestions(cli):
    cli.ok("add", "--title", "Kettle refund", "--no-advice", PHONE_TEXT)
    data = json.loads(cli.ok("check", "1", "--json"))
    assert {"advice", "personal_data", "suggested", "depth"} <= set(data)
    assert {a["code"] for a in data["advice"]} >= {"description-only", "not-tagged", "too-short"}
    assert [(f["kind"], f["text"]) for f in data["personal_data"]] == [
        ("name", "Brown"), ("phone", "07700 900123"), ("card", "•••• 1111")]
    assert data["suggested"][0]["kind"] == "meta-skill" or data["suggested"][0]["kind"] == "criterion"
    criteria = [s for s in data["suggested"] if s["kind"] == "criterion"]
    assert criteria[0]["id"].startswith("SDS0354.") and criteria[0]["words"]


def test_add_prints_the_advice(cli):
    out = cli.ok("add", "--title", "Kettle refund", PHONE_TEXT)
    assert out.startswith("Added entry 1: Kettle refund")
    assert "Depth: descriptive" in out
    assert "“07700 900123”: a phone number: remove it or write 'the customer'" in out
    assert "4111 1111" not in out
    assert "reflect check 1" in out


def test_add_no_advice_prints_only_the_entry(cli):
    out = cli.ok("add", "--no-advice", PHONE_TEXT)
    assert out.count("\n") == 1


def test_check_of_good_tagged_writing_has_no_advice(cli):
    body = ("A customer came to the till with a kettle that had stopped working. She was upset because she had no "
            "receipt. I felt nervous because I had not done a refund without a receipt before. I stayed calm, "
            "listened and explained our returns policy. I found the sale on the system, so I could process the "
            "refund. I learnt that listening first calms people down. Next time I will check the system straight "
            "away instead of calling my supervisor, because it would have saved her waiting.")
    cli.ok("add", "--skill", "communication", "--no-advice", body)
    out = cli.ok("check", "1")
    assert "Advice: none" in out and "Personal data" not in out


def test_check_all_lists_every_entry_with_personal_data(cli):
    cli.ok("add", "--no-advice", "Served a customer called Sarah Jones today.")
    cli.ok("add", "--no-advice", "Restocked the Mr Kipling cakes at 14:30 for £2.50.")
    cli.ok("add", "--no-advice", PHONE_TEXT)
    out = cli.ok("check", "--all")
    assert out.startswith("Personal data in 2 reflections")
    assert "Sarah Jones" in out and "07700 900123" in out and "Kipling" not in out
    data = json.loads(cli.ok("check", "--all", "--json"))
    assert [item["id"] for item in data] == [1, 3]


def test_check_needs_one_entry_or_all(cli):
    status, _, err = cli("check")
    assert status == 2 and "--all" in err and "Traceback" not in err
    status, _, err = cli("check", "99")
    assert status == 2 and len(err.strip().splitlines()) == 1


def test_export_lists_findings_first_and_masks_cards(cli, tmp_path):
    cli.ok("add", "--no-advice", "--date", "20/11/2026", PHONE_TEXT)
    status, out, err = cli("export", "-o", "out.md")
    assert status == 0
    assert "Personal data in 1 reflection" in err and "--redact" in err
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert "4111" not in text and "[card]" in text
    assert "07700 900123" in text  # only asked-for redaction touches the rest


def test_export_redact_round_trip(cli, tmp_path):
    """Export with --redact, import the file into a new journal: the bodies come back redacted,
    with no personal data left, and the journal exported from is unchanged."""
    cli.ok("add", "--no-advice", "--date", "20/11/2026", "--title", "Kettle", PHONE_TEXT)
    clean = "I restocked the Mr Kipling cakes at 14:30 and priced them at £2.50, then I learnt the new till."
    cli.ok("add", "--no-advice", "--date", "21/11/2026", "--title", "Cakes", clean)
    status, _, err = cli("export", "--redact", "-o", "red.md")
    assert status == 0 and "replaced by a label" in err
    path = tmp_path / "red.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with open_journal(tmp_path / "other.db") as other:
        result, _ = import_markdown(other, path)
        assert result.added == 2
        bodies = {e.title: e.body for e in other.entries.iter_entries()}
    assert bodies["Kettle"] == redact(PHONE_TEXT)
    assert "[phone]" in bodies["Kettle"] and "Mr [name]" in bodies["Kettle"]
    assert bodies["Cakes"] == clean
    assert all(find_personal_data(b) == [] for b in bodies.values())
    original = json.loads(cli.ok("show", "1", "--json"))
    assert original["body"] == PHONE_TEXT


def test_review_pack_redact(cli, tmp_path):
    cli.ok("add", "--no-advice", PHONE_TEXT)
    status, _, err = cli("review", "export", "--redact", "--html", "-o", "pack.html")
    assert status == 0 and "Personal data in 1 reflection" in err
    html = Path(tmp_path / "pack.html").read_text(encoding="utf-8")
    assert "07700" not in html and "[phone]" in html and "4111" not in html


def test_review_pack_masks_card_numbers_outside_the_reflections_too(cli, tmp_path):
    cli.ok("objective", "add", "Stop noting card numbers like 4111 1111 1111 1111 on refund slips",
           "--deadline", "31/1/2027")
    cli.ok("add", "--no-advice", "I wrote up the refund slips without any card details this week.")
    for name, extra in (("pack.md", ()), ("pack.html", ("--html",))):
        cli.ok("review", "export", "-o", name, *extra)
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Stop noting card numbers" in text
        assert "4111" not in text and "[card]" in text


def test_check_text_piped_in_stores_nothing(cli, monkeypatch, tmp_path):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(PHONE_TEXT))
    data = json.loads(cli.ok("check", "-", "--json"))
    assert data["id"] is None and data["personal_data"][1]["text"] == "07700 900123"
    assert not (tmp_path / "journal.db").exists()


def test_check_says_whether_personal_data_is_in_the_title_or_the_body(cli):
    cli.ok("add", "--no-advice", "--title", "Mrs Patel's refund", "I refunded her kettle.")
    data = json.loads(cli.ok("check", "1", "--json"))
    (finding,) = data["personal_data"]
    assert (finding["field"], finding["text"], finding["start"]) == ("title", "Patel", 4)


def test_export_to_stdout_redacts_and_a_clean_journal_lists_nothing(cli):
    cli.ok("add", "--no-advice", "I restocked the Mr Kipling cakes at 14:30 for £2.50.")
    status, out, err = cli("export", "-o", "-")
    assert status == 0 and "Personal data" not in err and "Kipling" in out
    cli.ok("add", "--no-advice", PHONE_TEXT)
    status, out, err = cli("export", "-o", "-", "--redact")
    assert status == 0 and "Personal data in 1 reflection" in err
    assert "[phone]" in out and "07700" not in out and "Mr [name]" in out


def test_smoke_check_as_a_real_process(tmp_path):
    """One real process: text piped in, JSON out."""
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("REFLECT_")}
    env["REFLECT_DB"] = str(tmp_path / "journal.db")
    result = subprocess.run([sys.executable, "-m", "reflect", "check", "-", "--json"], input=PHONE_TEXT,
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert [f["kind"] for f in data["personal_data"]] == ["name", "phone", "card"]


KIND_ARGS = {
    "witness": ("--witness", "Amy Reid", "--witness-role", "Team leader"),
    "product": (),
    "observation": ("--observer", "Jo Bell"),
    "discussion": ("--participants", "Jo Bell"),
}


@pytest.mark.parametrize("kind", sorted(KIND_ARGS))
def test_check_asks_other_evidence_its_kinds_questions_not_depth(cli, kind):
    from reflect.coach.check import kind_questions
    from reflect.entries.kinds import KIND_SECTIONS, kind_label

    cli.ok("add", "--kind", kind, *KIND_ARGS[kind], "--title", "At the tills", "--no-advice",
           "She served a queue. Call 07700 900123.")
    out = cli.ok("check", "1")
    questions = [question for _, question in KIND_SECTIONS[kind]]
    assert list(kind_questions(kind)) == questions
    assert f"{kind_label(kind).capitalize()}: depth advice is for your own reflections" in out
    assert all(f"  - {question}" in out for question in questions)
    assert "Depth:" not in out and "how it felt" not in out  # no reflection advice on someone else's words
    assert "“07700 900123”" in out  # personal data is still found
    data = json.loads(cli.ok("check", "1", "--json"))
    assert (data["kind"], data["questions"], data["advice"], data["depth"]) == (kind, questions, [], None)
    assert [f["kind"] for f in data["personal_data"]] == ["phone"]


def test_check_of_a_reflection_still_judges_depth_and_asks_no_kind_questions(cli):
    cli.ok("add", "--title", "At the tills", "--no-advice", "She served a queue.")
    out = cli.ok("check", "1")
    assert out.splitlines()[1].startswith("Depth: descriptive") and "Good evidence of this kind" not in out
    data = json.loads(cli.ok("check", "1", "--json"))
    assert data["kind"] == "reflection" and data["questions"] == [] and data["depth"]["level"] == "descriptive"
    assert data["advice"]


def test_check_of_piped_text_takes_a_kind(cli, monkeypatch):
    import io

    from reflect.coach.check import kind_questions

    monkeypatch.setattr("sys.stdin", io.StringIO("Amy watched me calm a customer."))
    data = json.loads(cli.ok("check", "-", "--kind", "witness", "--json"))
    assert (data["kind"], data["questions"], data["depth"]) == ("witness", list(kind_questions("witness")), None)
    monkeypatch.setattr("sys.stdin", io.StringIO("Jo watched me on the tills."))
    out = cli.ok("check", "-", "-k", "obs")
    assert out.startswith("Your text:") and "Observation: depth advice is for your own reflections" in out


def test_check_refuses_a_kind_it_cannot_use(cli, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Some words."))
    status, _, err = cli("check", "-", "--kind", "witnness")
    assert status == 2 and 'Did you mean "witness"?' in err and len(err.strip().splitlines()) == 1
    cli.ok("add", "--no-advice", "--title", "At the tills", "She served a queue.")
    status, _, err = cli("check", "1", "--kind", "witness")
    assert status == 2 and "an entry already has its kind" in err and len(err.strip().splitlines()) == 1
