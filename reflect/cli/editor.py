"""Writing text in the person's own editor ($VISUAL / $EDITOR), privately."""

from __future__ import annotations

import os
import shutil
import subprocess

from reflect import system
from reflect.errors import InputError


def find_editor() -> list[str]:
    """The editor command to run: $VISUAL, $EDITOR, else nano or vi (notepad on Windows)."""
    try:
        command = system.editor_command()
    except ValueError:  # an unclosed quote
        raise InputError("Cannot read the editor command in $VISUAL or $EDITOR: a quote is not closed.") from None
    if not command:
        raise InputError("No editor found: set $EDITOR, or give the text as an argument or on stdin.")
    return command


def edit_text(initial: str = "", *, name: str = "reflection.md") -> str:
    """Open ``initial`` in the editor and return what was saved.

    The file lives in a private temporary folder (0700, file 0600) that is removed afterwards,
    so no copy of someone's writing is left behind. If the editor fails, nothing is returned
    and the caller changes nothing.
    """
    command = find_editor()
    folder = system.private_temp_dir("reflect-")
    path = folder / name
    try:
        fd = system.create_private_file(path)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(initial)
        try:
            result = subprocess.run([*command, str(path)])
        except OSError as error:
            raise InputError(f"Could not start the editor {command[0]}: {error.strerror or error}") from None
        if result.returncode != 0:
            raise InputError(f"The editor exited with status {result.returncode}; nothing was changed.")
        # utf-8-sig: Windows editors may start the file with a byte-order mark; reading in
        # text mode turns their CRLF line ends into plain ones.
        return path.read_text(encoding="utf-8-sig")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
