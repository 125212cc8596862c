"""Reading back the attached files an export wrote beside its Markdown.

Each entry's marker lists its files with their paths relative to the Markdown's folder and
their SHA-256. A path is followed only if it stays inside that folder (never ``..``, never
absolute, never out through a link), to an ordinary file no bigger than an attachment may be,
whose bytes are exactly those exported: anything else stops the import with one sentence
and nothing imported.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Collection

from reflect.attachments.store import MAX_SIZE, NewFile, too_big
from reflect.errors import InputError, ReflectError
from reflect.files import require_regular_file

_SHA256 = re.compile(r"[0-9a-f]{64}")


def exported_files(listed: object, base: Path, where: str, *,
                   have: Collection[str] = ()) -> tuple[NewFile, ...]:
    """The files an entry's marker lists (``listed``), read from under ``base``, leaving out
    (unread) those whose SHA-256 is in ``have`` (files the journal's copy already has).
    ``where`` ("FILE, line N") starts every message."""
    if listed is None:
        return ()
    if not isinstance(listed, list) or not all(isinstance(item, dict) for item in listed):
        raise InputError(f"{where}: the entry's list of attached files is damaged. Nothing was imported.")
    return tuple(_one(item, base, where) for item in listed if item.get("sha256") not in have)


def _one(item: dict, base: Path, where: str) -> NewFile:
    name, relative, digest = item.get("name"), item.get("file"), item.get("sha256")
    added_at = item.get("added_at")
    if not (isinstance(name, str) and name and isinstance(relative, str) and isinstance(digest, str)
            and _SHA256.fullmatch(digest) and (added_at is None or isinstance(added_at, str))):
        raise InputError(f"{where}: the entry's list of attached files is damaged. Nothing was imported.")
    path = _inside(base, relative, where)
    try:
        require_regular_file(path, "an attached file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_SIZE + 1)
    except FileNotFoundError:
        raise _missing(where, relative) from None
    except ReflectError as error:
        if "No such file" in str(error):
            raise _missing(where, relative) from None
        raise InputError(f"{where}: {error}. Nothing was imported.") from None
    except OSError as error:
        raise InputError(f"{where}: cannot read the attached file {relative}: {error.strerror or error}. "
                         "Nothing was imported.") from None
    if len(data) > MAX_SIZE:
        raise InputError(f"{where}: {too_big(relative, len(data))} Nothing was imported.")
    if hashlib.sha256(data).hexdigest() != digest:
        raise InputError(f"{where}: the attached file {relative} is not the one exported with this entry (its "
                         "content changed). Nothing was imported.")
    return NewFile(name, data, relative, added_at=added_at or None)


def _inside(base: Path, relative: str, where: str) -> Path:
    parts = PurePosixPath(relative).parts
    if (not parts or relative.startswith(("/", "\\")) or "\\" in relative or ":" in parts[0]
            or any(p in ("..", ".", "") for p in parts)):
        raise InputError(f"{where}: an attached file's path ({relative}) leads outside the export's folder. "
                         "Nothing was imported.")
    path = base.joinpath(*parts)
    try:
        inside = path.resolve().is_relative_to(base.resolve())
    except OSError:
        inside = False
    if not inside:  # a link in the folder pointing elsewhere
        raise InputError(f"{where}: an attached file's path ({relative}) leads outside the export's folder. "
                         "Nothing was imported.")
    return path


def _missing(where: str, relative: str) -> InputError:
    folder = PurePosixPath(relative).parts[0]
    return InputError(f"{where}: the attached file {relative} is missing: keep the {folder} folder beside the "
                      "Markdown file (or import with --no-attachments for the text alone). Nothing was imported.")
