"""Writing text in the person's own editor ($VISUAL / $EDITOR), privately, without losing it.

The editor (`reflect add`, `reflect edit`) works on a side file beside the journal (:mod:`reflect.store.side_files`), removed only once the text is saved: a closed
terminal or a killed reflect leaves the words there, and the next `reflect add` (or
`reflect edit N`, or the app) offers them back.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from reflect import system
from reflect.errors import InputError
from reflect.store.side_files import SideFile, adopt, new_side_file


def find_editor() -> list[str]:
    """The editor command to run: $VISUAL, $EDITOR, else nano or vi (notepad on Windows)."""
    try:
        command = system.editor_command()
    except ValueError:  # an unclosed quote
        raise InputError("Cannot read the editor command in $VISUAL or $EDITOR: a quote is not closed.") from None
    if not command:
        raise InputError("No editor found: set $EDITOR, or give the text as an argument or on stdin.")
    return command


class EditorSession:
    """Text written in the editor in a side file beside the journal, kept until :meth:`done`."""

    def __init__(self, side: SideFile, *, resumed: bool = False):
        self.side = side
        self.resumed = resumed

    @classmethod
    def new(cls, journal_path: Path, kind: str, initial: str = "") -> "EditorSession":
        """A session on a new side file holding ``initial``."""
        find_editor()  # no editor: say so before creating anything
        return cls(new_side_file(journal_path, kind, initial))

    @classmethod
    def resume(cls, left_over: SideFile) -> "EditorSession":
        """A session on text a killed reflect left behind (taken over from it)."""
        return cls(adopt(left_over), resumed=True)

    def edit(self) -> str:
        """Open the editor on the text and return what was saved. If the editor fails, a new
        session's file goes (nothing was changed); recovered text stays to be offered again."""
        command = find_editor()
        try:
            _run(command, self.side.path)
        except InputError:
            if not self.resumed:
                self.side.remove()
            raise
        return _read(self.side.path)

    def done(self) -> None:
        """The text is saved in the journal (or was not wanted): remove its side file."""
        self.side.remove()


def _run(command: list[str], path: Path) -> None:
    try:
        result = subprocess.run([*command, str(path)])
    except OSError as error:
        raise InputError(f"Could not start the editor {command[0]}: {error.strerror or error}") from None
    if result.returncode != 0:
        raise InputError(f"The editor exited with status {result.returncode}; nothing was changed.")


def _read(path: Path) -> str:
    try:
        # utf-8-sig: Windows editors may start the file with a byte-order mark; reading in
        # text mode turns their CRLF line ends into plain ones.
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError("The editor removed the file it was editing; nothing was changed.") from None
    except UnicodeDecodeError:
        raise InputError("The editor saved text that is not UTF-8; nothing was changed "
                         "(set your editor to save UTF-8).") from None
