"""The time format a person's jrnl writes its dates in, from jrnl's own configuration.

jrnl writes each entry's date with its ``timeformat`` setting (``%Y-%m-%d %H:%M`` unless
changed; many UK users set a day-first one such as ``%d/%m/%Y %H:%M``), in its config file
``$XDG_CONFIG_HOME/jrnl/jrnl.yaml`` (``~/.config/jrnl/jrnl.yaml``), or ``~/.jrnl_config`` in old
versions. A journal listed under ``journals:`` may have a ``timeformat`` of its own.

Only those few keys are needed, so the file is read line by line rather than with a YAML
library: top-level ``timeformat: VALUE`` and, under ``journals:``, ``NAME: PATH`` or
``NAME:`` followed by indented ``journal: PATH`` and ``timeformat: VALUE``.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: jrnl's default, and what reflect assumes when nothing says otherwise.
DEFAULT_TIMEFORMAT = "%Y-%m-%d %H:%M"
_LINE = re.compile(r"( *)([^\s:#][^:#]*?)\s*:(?:\s+(.*?))?\s*$")
_MAX_CONFIG_BYTES = 1_000_000


@dataclass(frozen=True)
class TimeFormat:
    """A time format and where it came from (for the note after an import)."""

    format: str
    source: str  # "jrnl's default", "--timeformat", or the config file's path


def config_files() -> list[Path]:
    """Where jrnl keeps its configuration, in the order jrnl looks."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return [Path(base) / "jrnl" / "jrnl.yaml", Path.home() / ".jrnl_config"]


def timeformat_for(journal_file: Path, configs: list[Path] | None = None) -> TimeFormat:
    """The time format jrnl uses for ``journal_file``: its own entry's, else the config's
    top-level one, else jrnl's default. A config that cannot be read is passed over."""
    for config in configs if configs is not None else _safe_config_files():
        try:
            if not config.is_file() or config.stat().st_size > _MAX_CONFIG_BYTES:
                continue
            text = config.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        found = _read(text, journal_file)
        if found:
            return TimeFormat(found, str(config))
    return TimeFormat(DEFAULT_TIMEFORMAT, "jrnl's default")


def _safe_config_files() -> list[Path]:
    try:
        return config_files()
    except RuntimeError:  # no home folder to look in
        return []


def _read(text: str, journal_file: Path) -> str | None:
    top: str | None = None
    journals: dict[str, dict[str, Any]] = {}  # "_indent_" is a number, the rest text
    section = name = None
    for raw in text.splitlines():
        match = _LINE.match(raw)
        if not match:
            continue
        indent, key, value = len(match.group(1)), match.group(2), _scalar(match.group(3))
        if indent == 0:
            section, name = key, None
            if key == "timeformat" and value:
                top = value
        elif section == "journals":
            if name is None or indent <= journals[name]["_indent_"]:
                name = key
                journals[name] = {"_indent_": indent}
                if value:
                    journals[name]["journal"] = value
            elif key in ("journal", "timeformat") and value:
                journals[name][key] = value
    target = _same_file_key(journal_file)
    for settings in journals.values():
        path = settings.get("journal")
        if path and "timeformat" in settings and _same_file_key(Path(path)) == target:
            return settings["timeformat"]
    return top


def _scalar(value: str | None) -> str | None:
    if not value:
        return None
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        inner = value[1:-1]
        return inner.replace("''", "'") if value[0] == "'" else inner.replace('\\"', '"')
    return value.split(" #", 1)[0].strip()


def _same_file_key(path: Path) -> object:
    try:
        info = path.expanduser().stat()
        return (info.st_dev, info.st_ino)
    except (OSError, RuntimeError, ValueError):
        return str(path)
