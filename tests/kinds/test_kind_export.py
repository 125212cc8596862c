"""Kinds of evidence in exports: the Markdown export and `reflect import` give them back
exactly, the review pack shows witness testimony plainly, and private items stay out."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reflect.entries.kinds import KINDS
from reflect.entries.models import Witness
from reflect.journal import open_journal
from reflect.sanitize import clean_line
from tests.conftest import FakeClock
from tests.export.conftest import export_text
from tests.export.test_import_markdown import import_into
from tests.test_cli_entries import Reflect

KIND_FIELDS = ("uid", "day", "title", "body", "kind", "witness", "observer", "participants", "criteria", "private")

LINE = st.text(max_size=30).map(clean_line)
WITNESSES = st.builds(Witness, name=LINE.filter(bool), role=LINE, relationship=LINE, contact=LINE,
                      confirmed=st.booleans(),
                      confirmed_on=st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))


@st.composite
def items(draw):
    kind = draw(st.sampled_from(KINDS))
    witness = draw(WITNESSES) if kind == "witness" else draw(st.none() | WITNESSES)
    if witness is not None and witness.confirmed_on is not None:
        witness = Witness(witness.name, witness.role, witness.relationship, witness.contact, True,
                          witness.confirmed_on)
    return {"kind": kind, "witness": witness, "observer": draw(LINE), "participants": draw(LINE),
            "title": draw(LINE.filter(bool))}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(items(), min_size=1, max_size=4))
def test_kinds_and_details_round_trip_exactly(framework, tmp_path_factory, drawn):
    folder = tmp_path_factory.mktemp("kinds")
    with open_journal(folder / "a.db", clock=FakeClock()) as source:
        originals = [source.entries.add(day=date(2026, 3, i + 1), body="said so", criteria=["INSCS009.P8"], **item)
                     for i, item in enumerate(drawn)]
        text = export_text(source, framework)
    _, entries = import_into(folder / "b.db", text)
    assert [{f: getattr(e, f) for f in KIND_FIELDS} for e in entries] == \
           [{f: getattr(o, f) for f in KIND_FIELDS} for o in originals]


def _witnessed(journal):
    return journal.entries.add(
        day=date(2026, 11, 10), title="Calm at the till", body="Amy saw me calm a customer.",
        criteria=["INSCS009.P8"], kind="witness",
        witness=Witness("Amy Reid", "Team leader", "my line manager", "amy@example.com", True, date(2026, 11, 12)))


def test_the_export_names_the_kind_and_witness_for_people(journal, framework):
    _witnessed(journal)
    journal.entries.add(day=date(2026, 11, 11), title="Mine", criteria=["INSCS009.P8"])
    text = export_text(journal, framework)
    tokens = MarkdownIt().parse(text)
    bullets = [t.content for t in tokens if t.type == "inline" and t.content.startswith("**")]
    for wanted in ("**Kind:** Witness testimony", "**Witness:** Amy Reid", "**Role:** Team leader",
                   "**Relationship:** my line manager", "**Confirmed by the witness:** yes, on 12/11/2026"):
        assert wanted in bullets
    assert "**Evidence:** 1 reflection, 1 witness testimony" in bullets


def test_a_private_witness_testimony_stays_out_of_the_export(journal, framework):
    journal.entries.add(day=date(2026, 11, 10), title="Secret", kind="witness", private=True,
                        witness=Witness(name="Hidden Person", contact="07700 900123"))
    journal.entries.add(day=date(2026, 11, 11), title="Mine")
    text = export_text(journal, framework)
    assert "Hidden Person" not in text and "07700" not in text
    assert "Witness testimony" not in text and "by_kind:\n    reflection: 1\n" in text


def test_redact_takes_personal_data_out_of_the_witness_contact(journal, framework):
    journal.entries.add(day=date(2026, 11, 10), title="Seen", kind="witness",
                        witness=Witness(name="Amy", contact="amy.reid@example.com"))
    assert "amy.reid@example.com" in export_text(journal, framework)
    assert "amy.reid@example.com" not in export_text(journal, framework, redact=True)


def test_the_review_pack_shows_witness_testimony_and_evidence_by_kind(tmp_path):
    reflect = Reflect(tmp_path)
    reflect.ok("config", "review_start", "1/11/2026")
    reflect.ok("add", "--date", "5/11/2026", "--criterion", "BAKE01.P1", "--no-advice", "Weighed it all")
    reflect.ok("add", "--date", "6/11/2026", "--kind", "witness", "--witness", "Amy Reid", "--witness-role",
               "Head baker", "--criterion", "BAKE01.P1", "--no-advice", "Amy saw me weigh", "--confirmed", "7/11/2026")
    reflect.ok("add", "--date", "6/11/2026", "--kind", "witness", "--witness", "Secret Sam", "--private",
               "--criterion", "BAKE01.P2", "--no-advice", "Private one")
    reflect.ok("add", "--date", "6/11/2026", "--criterion", "BAKE01.K1", "--no-advice", "Own words only")
    md = tmp_path / "pack.md"
    html = tmp_path / "pack.html"
    reflect.ok("review", "export", "--from", "1/11/2026", "--to", "20/11/2026", "-o", str(md))
    reflect.ok("review", "export", "--from", "1/11/2026", "--to", "20/11/2026", "--html", "-o", str(html))
    text = md.read_text()
    table = [t.content for t in MarkdownIt().enable("table").parse(text) if t.type == "inline"]
    assert ["06/11/2026", "Amy saw me weigh", "Amy Reid", "Head baker", "—", "confirmed on 07/11/2026"] == \
           table[table.index("Date"):table.index("Date") + 12][6:]
    assert "1 reflection, 1 witness testimony; new" in table
    assert "**On the apprentice's own reflections only (1):** K1." in text
    page = html.read_text()
    assert "Amy Reid" in page and "confirmed on 07/11/2026" in page and "Head baker" in page
    for written in (text, page):
        assert "Secret Sam" not in written and "Private one" not in written
