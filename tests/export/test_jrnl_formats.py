"""jrnl journals as people have them: written with their own ``timeformat`` (day-first, as many
UK users set it), found in jrnl's configuration or given with --timeformat; partial dates as
jrnl reads them; and a header that cannot be read named, never folded into a body."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.errors import InputError
from reflect.importers.jrnl import check_timeformat, read_jrnl
from reflect.importers.jrnl_config import DEFAULT_TIMEFORMAT, timeformat_for

WHEN = [datetime(2019, 11, 24, 14, 23), datetime(2019, 12, 3, 9, 5), datetime(2020, 1, 31, 17, 45)]
# Formats UK users set in jrnl.yaml (jrnl writes every header with strftime of its timeformat).
UK_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %I:%M %p", "%d-%m-%Y %H:%M", "%d %b %Y %H:%M", "%d.%m.%y %H:%M"]


def jrnl_text(timeformat: str) -> str:
    """A journal as jrnl writes it with ``timeformat``."""
    return "\n".join(f"[{when.strftime(timeformat)}] Entry {n}.\nServed customer {n} @focus.\n"
                     for n, when in enumerate(WHEN, start=1))


@pytest.mark.parametrize("timeformat", UK_FORMATS)
def test_day_first_journals_read_with_their_timeformat(timeformat):
    entries = read_jrnl(jrnl_text(timeformat), timeformat=timeformat)
    assert [e.when for e in entries] == WHEN
    assert [e.title for e in entries] == ["Entry 1.", "Entry 2.", "Entry 3."]
    assert all(e.body.startswith("Served customer") for e in entries)


@pytest.mark.parametrize("timeformat", UK_FORMATS)
def test_without_the_timeformat_the_first_header_is_named_not_guessed(timeformat):
    with pytest.raises(InputError) as caught:
        read_jrnl(jrnl_text(timeformat), name="journal.txt")
    message = str(caught.value)
    assert message.startswith("journal.txt, line 1: cannot read the date in '[")
    assert "--timeformat" in message


def test_partial_dates_read_as_jrnl_reads_them():
    text = ("[2019-07-14 10:00] Full date.\nBody one.\n\n[2019-07 14:23] Month only.\nBody two.\n\n"
            "[2019 08:00] Year only.\n\n[2019-08] Month, no time.\n")
    entries = read_jrnl(text)
    assert [(e.when, e.title) for e in entries] == [
        (datetime(2019, 7, 14, 10, 0), "Full date."),
        (datetime(2019, 7, 1, 14, 23), "Month only."),
        (datetime(2019, 1, 1, 8, 0), "Year only."),
        (datetime(2019, 8, 1, 0, 0), "Month, no time."),
    ]
    assert entries[0].body == "Body one."  # the partial header is not folded into it


@pytest.mark.parametrize("header", ["[2019-13-01 10:00] month 13", "[2019-02-30 10:00] 30 February",
                                    "[31/02/2019 14:23] impossible", "[14:23] a time alone"])
def test_a_header_that_cannot_be_read_names_its_line_and_text(header):
    text = f"[2019-07-14 10:00] Fine.\nBody.\n\n{header}\nMore.\n"
    with pytest.raises(InputError, match=rf"line 4: cannot read the date in '\[{header[1:9]}"):
        read_jrnl(text, timeformat="%d/%m/%Y %H:%M")


def test_timeformat_must_give_a_whole_date():
    assert check_timeformat("%d/%m/%Y %H:%M").format == "%d/%m/%Y %H:%M"
    for bad in ("%H:%M", "%d/%m", "", "plain words"):
        with pytest.raises(InputError):
            check_timeformat(bad)


# -- jrnl's configuration --------------------------------------------------------------------

def write_config(home: Path, text: str) -> Path:
    config = home / ".config" / "jrnl" / "jrnl.yaml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(text)
    return config


CONFIG = """\
colors:
  body: none
  date: black
default_hour: 9
editor: nano
encrypt: false
journals:
  default:
    journal: {default}
  work:
    journal: {work}
    timeformat: "%d %b %Y %H:%M"
  plain: {plain}
tagsymbols: '#@'
timeformat: '%d/%m/%Y %H:%M'
version: v4.0
"""


def test_the_timeformat_comes_from_jrnls_config_and_a_journals_own_setting(tmp_path):
    files = {name: tmp_path / f"{name}.txt" for name in ("default", "work", "plain")}
    for file in files.values():
        file.write_text("")
    config = write_config(tmp_path, CONFIG.format(**{k: str(v) for k, v in files.items()}))
    assert timeformat_for(files["default"], [config]).format == "%d/%m/%Y %H:%M"
    assert timeformat_for(files["work"], [config]).format == "%d %b %Y %H:%M"
    assert timeformat_for(tmp_path / "elsewhere.txt", [config]).format == "%d/%m/%Y %H:%M"
    assert timeformat_for(files["work"], [tmp_path / "missing.yaml"]).format == DEFAULT_TIMEFORMAT


@pytest.fixture
def cli(tmp_path, monkeypatch):
    monkeypatch.setenv("REFLECT_DB", str(tmp_path / "journal.db"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "home" / ".config"))
    (tmp_path / "home").mkdir()
    return tmp_path


def titles_and_days(capsys) -> list[tuple[str, date]]:
    from reflect.journal import open_journal
    import os

    with open_journal(os.environ["REFLECT_DB"]) as journal:
        return sorted((e.title, e.day) for e in journal.entries.list().rows)


def test_import_uses_the_timeformat_in_jrnls_config(cli, capsys):
    journal = cli / "uk.txt"
    journal.write_text(jrnl_text("%d/%m/%Y %H:%M"))
    assert main(["import", "--from", "jrnl", str(journal)]) == 2  # no config yet: named, nothing imported
    assert "line 1: cannot read the date in '[24/11/2019 14:23] Entry 1.'" in capsys.readouterr().err
    assert titles_and_days(capsys) == []
    write_config(cli / "home", "timeformat: '%d/%m/%Y %H:%M'\n")
    assert main(["import", "--from", "jrnl", str(journal)]) == 0
    out = capsys.readouterr().out
    assert "Imported 3 entries" in out and "timeformat from" in out and "jrnl.yaml" in out
    assert titles_and_days(capsys) == [("Entry 1.", date(2019, 11, 24)), ("Entry 2.", date(2019, 12, 3)),
                                       ("Entry 3.", date(2020, 1, 31))]


def test_import_with_timeformat_given(cli, capsys):
    journal = cli / "uk.txt"
    journal.write_text(jrnl_text("%d/%m/%Y %I:%M %p"))
    assert main(["import", "--from", "jrnl", "--timeformat", "%d/%m/%Y %I:%M %p", str(journal)]) == 0
    assert [d for _, d in titles_and_days(capsys)] == [date(2019, 11, 24), date(2019, 12, 3), date(2020, 1, 31)]
    assert main(["import", "--timeformat", "%d/%m/%Y", str(journal)]) == 2
    assert "--from jrnl" in capsys.readouterr().err
