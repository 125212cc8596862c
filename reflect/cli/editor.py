"""Writing text in the person's own editor ($VISUAL / $EDITOR), privately."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from reflect.errors import InputError


def find_editor() -> list[str]:
    """The editor command to run: $VISUAL, $EDITOR, else nano or vi if installed."""
    for var in ("VISUAL", "EDITOR"):
        if os.environ.get(var, "").strip():
            return shlex.split(os.environ[var])
    for fallback in ("nano", "vi"):
        if shutil.which(fallback):
            return [fallback]
    raise InputError("No editor found: set $EDITOR, or give the text as an argument or on stdin.")


def edit_text(initial: str = "", *, name: str = "reflection.md") -> str:
    """Open ``initial`` in the editor and return what was saved.

    The file lives in a private temporary folder (0700, file 0600) that is removed afterwards,
    so no copy of someone's writing is left behind. If the editor fails, nothing is returned
    and the caller changes nothing.
    """
    command = find_editor()
    folder = Path(tempfile.mkdtemp(prefix="reflect-"))  # mkdtemp makes it 0700
    path = folder / name
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*command, str(path)])
        except OSError as error:
            raise InputError(f"Could not start the editor {command[0]}: {error.strerror or error}") from None
        if result.returncode != 0:
            raise InputError(f"The editor exited with status {result.returncode}; nothing was changed.")
        return path.read_text(encoding="utf-8")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
