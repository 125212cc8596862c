"""The same entries as a jrnl plain-text journal, byte for byte as jrnl itself writes one.

jrnl (4.x, ``jrnl/journals/Entry.py``) stores each entry as ``[<date>] <title>`` on one line,
the body on the following lines, and a newline; entries are joined with one more newline, so
a blank line separates them, oldest first. The title is the first line. Tags are words in the
text starting with a tag symbol; meta-skills become ``@focus``, ``@critical-thinking`` ...
on the body's last line. The config written next to it fixes the date format to
``%Y-%m-%d %H:%M`` and the tag symbol to ``@`` (so Markdown ``## headings`` are not tags).
"""

from __future__ import annotations

import os
from pathlib import Path

from bench.compose import GenEntry

TIME_FORMAT = "%Y-%m-%d %H:%M"


def entry_text(entry: GenEntry) -> str:
    """One entry as jrnl's ``Entry.__str__`` renders it."""
    tags = " ".join(f"@{s}" for s in entry.skills)
    body = f"{entry.body}\n\n{tags}".rstrip("\n ")
    title = f"[{entry.day.isoformat()} {entry.time}] {entry.title.rstrip()}"
    return f"{title}\n{body}\n" if body else f"{title}\n"


def write_jrnl_journal(path: Path, entries: list[GenEntry]) -> None:
    """Write the journal file (atomically, as jrnl does)."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as handle:
        for i, entry in enumerate(entries):
            if i:
                handle.write("\n")
            handle.write(entry_text(entry))
    os.replace(tmp, path)


def write_jrnl_config(config_path: Path, journal_path: Path, version: str) -> None:
    """A jrnl.yaml for ``--config-file``: one unencrypted journal, no colours, no editor."""
    config_path.write_text(
        f'colors:\n  body: none\n  date: none\n  tags: none\n  title: none\n'
        f'default_hour: 9\ndefault_minute: 0\neditor: ""\nencrypt: false\nhighlight: false\n'
        f'indent_character: "|"\njournals:\n  default:\n    journal: "{journal_path}"\n'
        f'linewrap: 79\ntagsymbols: "@"\ntemplate: false\ntimeformat: "{TIME_FORMAT}"\n'
        f'version: "{version}"\n',
        encoding="utf-8",
    )
