"""Writing kept beside the journal while it cannot go into it: private side files.

Two kinds of writing live outside the journal for a while:

* text being written in the person's ``$EDITOR`` (`reflect add`, `reflect edit`): the editor
  works on a side file, so a closed terminal or a killed reflect leaves the words where the
  next `reflect add` (or `reflect edit N`) and the next start of the app find them;
* the app's draft while another reflect holds the journal's write lock (a long import): the
  app keeps typing and keeps the draft here until the journal is free again.

The files are in ``unsaved/`` beside the journal (folder 0700, files 0600), named
``<journal file>.<kind>.<pid>.<time>.<ext>``. A file whose process is still running belongs
to it and is never touched; one whose process has gone is *left over*: it is offered back,
folded into the journal's drafts, and removed once its words are safely in the journal.

Beside an encrypted journal nothing is kept in plain text: the app's draft is a small file
encrypted with the journal's own key (``.db``, see :func:`reflect.store.cipher.write_sealed`),
and the editor's text, which the editor must read as it is, goes to this user's private folder
in memory (:func:`reflect.system.memory_folder`) instead; without one, the editor is refused.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from reflect import json_input
from reflect.errors import ReflectError
from reflect import system
from reflect.files import ensure_private_dir

if TYPE_CHECKING:
    from reflect.journal import Journal

FOLDER = "unsaved"
#: Kinds of side file: text from the editor for a new entry, for an edit, the app's draft.
ADD, APP = "add", "app"
_EDIT = re.compile(r"edit-(\d+)-r(\d+)")
_NAME = re.compile(r"(?P<journal>.+)\.(?P<kind>add|app|edit-\d+-r\d+)\.(?P<pid>\d+)\.(?P<stamp>\d{8}T\d{6}Z)-[0-9a-f]{6}\.(?:md|json|db)")


def side_folder(journal_path: Path) -> Path:
    """The folder of side files for the journal at ``journal_path`` (not created here)."""
    return Path(journal_path).parent / FOLDER


def _key_spec(journal_path: Path) -> str | None:
    """The encrypted journal's key spec (known once it is unlocked); None for a plain journal."""
    from reflect.store import cipher

    if not cipher.looks_encrypted(Path(journal_path)):
        return None
    known = cipher.known_key(Path(journal_path))
    if known is None:
        raise ReflectError(f"the journal {journal_path} is locked, so nothing can be kept beside it")
    return cipher.key_spec(*known)


def _editor_folder(journal_path: Path) -> Path | None:
    """Where an encrypted journal's editor text goes: in memory, one folder per journal."""
    import hashlib

    memory = system.memory_folder()
    if memory is None:
        return None
    which = hashlib.sha256(str(Path(journal_path).resolve()).encode()).hexdigest()[:16]
    return memory / "reflect" / f"unsaved-{which}"


def edit_kind(entry_id: int, revision: int) -> str:
    """The kind of a side file holding an edit of entry ``entry_id`` begun at ``revision``."""
    return f"edit-{entry_id}-r{revision}"


@dataclass(frozen=True)
class SideFile:
    """One side file: whose it is, what it holds, where it is."""

    path: Path
    kind: str
    pid: int
    written_at: datetime
    #: The encrypted journal's key spec for a sealed (``.db``) file, else None.
    spec: str | None = None

    @property
    def entry_id(self) -> int | None:
        """The entry an edit's text belongs to (None for other kinds)."""
        match = _EDIT.fullmatch(self.kind)
        return int(match.group(1)) if match else None

    @property
    def revision(self) -> int | None:
        """The entry's revision the edit started from (None for other kinds)."""
        match = _EDIT.fullmatch(self.kind)
        return int(match.group(2)) if match else None

    def read_text(self) -> str:
        """What the file holds now ("" if it has gone or cannot be read as text).

        A sealed file that cannot be opened raises :class:`ReflectError` (it is never taken
        for an empty one, which would be removed)."""
        if self.path.suffix == ".db":
            from reflect.store import cipher

            if self.spec is None or not self.path.exists():
                if not self.path.exists():
                    return ""
                raise ReflectError(f"cannot read the kept writing in {self.path} while its journal is locked")
            return cipher.read_sealed(self.path, self.spec)
        try:
            return self.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def remove(self) -> None:
        """Remove the file (its words are safely in the journal)."""
        self.path.unlink(missing_ok=True)


def new_side_file(journal_path: Path, kind: str, text: str = "") -> SideFile:
    """Create this process's side file of ``kind`` for the journal, holding ``text`` (0600)."""
    from reflect.store import cipher

    encrypted = cipher.looks_encrypted(Path(journal_path))
    spec = _key_spec(journal_path) if encrypted and kind == APP else None
    if encrypted and kind != APP:  # the editor reads it: plain, so never on disk
        memory = _editor_folder(journal_path)
        if memory is None:
            raise ReflectError("the journal is encrypted and this computer has no private folder in memory "
                               "for your editor's text (it would be written to disk unencrypted): give the "
                               "text as an argument or on standard input, or write it in the app")
        folder = ensure_private_dir(memory)
    else:
        folder = ensure_private_dir(side_folder(journal_path))
    now = datetime.now(timezone.utc)
    ext = "db" if spec else "json" if kind == APP else "md"
    import secrets  # only when a side file is made: reading them (at every start) needs no hmac/hashlib

    name = f"{Path(journal_path).name}.{kind}.{os.getpid()}.{now:%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}.{ext}"
    path = folder / name
    side = SideFile(path, kind, os.getpid(), now, spec)
    try:
        _write(path, text, spec)
    except OSError as error:
        path.unlink(missing_ok=True)
        raise ReflectError(f"Cannot keep your writing in {folder}: {error.strerror or error}") from None
    return side


def replace_text(side: SideFile, text: str) -> None:
    """Write ``text`` as the whole of the side file, atomically (the old text or the new, never
    half of one)."""
    import secrets

    temp = side.path.with_name(f".{side.path.name}.{secrets.token_hex(4)}.part")
    try:
        _write(temp, text, side.spec)
        os.replace(temp, side.path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ReflectError(f"Cannot keep your writing in {side.path.parent}: {error.strerror or error}") from None


def _write(path: Path, text: str, spec: str | None) -> None:
    """Create ``path`` (0600) holding ``text``: plain, or sealed with the journal's key ``spec``."""
    fd = system.create_private_file(path)
    if spec is not None:
        from reflect.store import cipher

        os.close(fd)
        try:
            cipher.write_sealed(path, spec, text)
        except Exception as error:
            if not cipher.is_database_error(error):
                raise
            raise OSError(str(error)) from None
        return
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())


def leftovers(journal_path: Path, *kinds: str) -> list[SideFile]:
    """The side files of this journal whose process has gone, oldest first (of ``kinds``,
    or of every kind; ``"edit"`` stands for every edit)."""
    found = []
    for side in _side_files(journal_path):
        wanted = not kinds or side.kind in kinds or ("edit" in kinds and side.entry_id is not None)
        if wanted and not _alive(side.pid):
            found.append(side)
    return sorted(found, key=lambda s: (s.written_at, s.path.name))


def adopt(side: SideFile) -> SideFile:
    """Take a left-over side file over for this process (renamed to say so), so that no other
    reflect offers it while this one has it open. ReflectError if another took it first."""
    name = _NAME.fullmatch(side.path.name)
    assert name is not None
    new_name = side.path.name.replace(f".{side.pid}.", f".{os.getpid()}.", 1)
    target = side.path.with_name(new_name)
    try:
        os.rename(side.path, target)
    except FileNotFoundError:
        raise ReflectError("That unsaved text was just taken up by another reflect.") from None
    return SideFile(target, side.kind, os.getpid(), side.written_at, side.spec)


def fold_into_drafts(journal: "Journal") -> int:
    """Put every left-over side file's words into the journal's drafts (the app offers drafts
    back at its start) and remove the file; return how many. Empty files are just removed."""
    return sum(fold_one(journal, side) for side in leftovers(journal.path))


def fold_one(journal: "Journal", side: SideFile) -> bool:
    """Put one side file's words into the journal's drafts, then remove the file; True if
    there were words to keep. Raises (the file stays) if the journal cannot take them."""
    data, entry_id = _draft_data(side, journal)
    if data is not None:
        journal.drafts.save(data, entry_id=entry_id, draft_id=_draft_id(side))
    side.remove()
    return data is not None


def _draft_data(side: SideFile, journal: "Journal") -> tuple[dict[str, Any] | None, int | None]:
    text = side.read_text()
    if not text.strip():
        return None, None
    if side.kind == APP:
        try:
            kept = json_input.loads(text)
        except ValueError:
            kept = None
        if isinstance(kept, dict) and isinstance(kept.get("data"), dict):
            entry_id = kept.get("entry_id")
            return kept["data"], entry_id if isinstance(entry_id, int) else None
        # Not what the app writes (damaged?): its text is still someone's words, kept as they are.
    day = side.written_at.astimezone().date()
    data: dict[str, Any] = {"day": f"{day:%d/%m/%Y}", "title": "", "body": text}
    if side.entry_id is not None:
        data["base_revision"] = side.revision
    return data, side.entry_id


def _draft_id(side: SideFile) -> int | None:
    if side.kind != APP:
        return None
    try:
        value = json_input.loads(side.read_text()).get("draft_id")
    except (ValueError, AttributeError):
        return None
    return value if isinstance(value, int) else None


def app_side_text(draft_id: int | None, entry_id: int | None, data: dict[str, Any]) -> str:
    """What the app keeps in its side file: the draft as it would go into the journal."""
    return json.dumps({"draft_id": draft_id, "entry_id": entry_id, "data": data}, ensure_ascii=False)


def _side_files(journal_path: Path) -> Iterator[SideFile]:
    yield from _side_files_in(side_folder(journal_path), journal_path)
    from reflect.store import cipher

    if cipher.looks_encrypted(Path(journal_path)):
        memory = _editor_folder(journal_path)
        if memory is not None:
            yield from _side_files_in(memory, journal_path)


def _side_files_in(folder: Path, journal_path: Path) -> Iterator[SideFile]:
    own = Path(journal_path).name
    spec: str | None = None
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        match = _NAME.fullmatch(name)
        if not match or match.group("journal") != own:
            continue
        path = folder / name
        try:
            info = os.stat(path, follow_symlinks=False)
        except OSError:
            continue
        if not os.path.isfile(path) or os.path.islink(path) or not system.owned_by_me(info):
            continue
        stamp = datetime.strptime(match.group("stamp"), "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        if name.endswith(".db") and spec is None:
            spec = _known_spec(journal_path)
        yield SideFile(path, match.group("kind"), int(match.group("pid")), stamp, spec if name.endswith(".db") else None)


def _known_spec(journal_path: Path) -> str | None:
    """The journal's key spec if this process knows it (a sealed file is otherwise left alone)."""
    from reflect.store import cipher

    known = cipher.known_key(Path(journal_path)) if cipher.looks_encrypted(Path(journal_path)) else None
    return cipher.key_spec(*known) if known else None


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: not ours to judge
    except OSError:
        return False
    return True
