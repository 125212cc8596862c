"""The real app in a pseudo-terminal, driven like a person at a keyboard, for crash tests.

:class:`AppInTerminal` starts ``python -m reflect --db PATH`` on a pty of a fixed size with
``TERM=xterm-256color``, keeps reading everything the app draws (so it never blocks on a full
terminal), and offers what a test needs: type keys with pauses, wait until some text has been
drawn, SIGKILL it. Waits are keyed on what can be observed (text on the screen, rows in the
journal), with generous time limits, so a slow CI machine only makes the tests slower.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path
from typing import Callable, TypeVar

from tests.test_cli_entries import ROOT, Reflect

T = TypeVar("T")
ROWS, COLUMNS = 30, 100
#: Seconds to wait for anything observable; far above what a healthy run needs.
PATIENCE = 30.0

# Control sequences (CSI, OSC, charset selection and other two-byte escapes): not text.
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$ ]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")

#: Drawn whenever the journal screen is: its search box's placeholder.
JOURNAL_SCREEN = "Search reflections"

KEYS = {"enter": b"\r", "tab": b"\t", "escape": b"\x1b", "ctrl+s": b"\x13", "ctrl+q": b"\x11",
        "ctrl+p": b"\x10", "ctrl+g": b"\x07", "ctrl+r": b"\x12", "space": b" ", "down": b"\x1b[B"}


def poll(read: Callable[[], T], what: str, timeout: float = PATIENCE, every: float = 0.05) -> T:
    """Call ``read`` until it returns something true; that value. Fails the test after ``timeout``."""
    deadline = time.monotonic() + timeout
    while True:
        value = read()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {timeout:.0f} s waiting for {what}")
        time.sleep(every)


def terminal_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """The test runner's environment (tiny framework, private HOME) plus a real terminal's."""
    env = Reflect(tmp_path).env
    env.pop("NO_COLOR", None)
    env.update(TERM="xterm-256color", COLUMNS=str(COLUMNS), LINES=str(ROWS), PYTHONPATH=str(ROOT),
               TEXTUAL="", LANG="C.UTF-8")
    env.update(extra)
    return env


class AppInTerminal:
    """``reflect`` (the app, or any command) running on a pseudo-terminal."""

    def __init__(self, db: Path, env: dict[str, str], *args: str):
        self.db = db
        primary, secondary = os.openpty()
        fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reflect", "--db", str(db), *args],
            stdin=secondary, stdout=secondary, stderr=secondary, cwd=ROOT, env=env,
            # Its own session, as a terminal window's shell gives it. (No preexec_fn to make the
            # pty its controlling terminal: that is unsafe with threads, and Textual needs only
            # the terminal on its standard streams.)
            start_new_session=True, close_fds=True)
        os.close(secondary)
        self.fd = primary
        self._output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- what the app drew ------------------------------------------------------------------

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:  # EIO: the app has gone and the terminal closed
                return
            if not chunk:
                return
            with self._lock:
                self._output.extend(chunk)

    def mark(self) -> int:
        """A position in the output: :meth:`wait_for` can look only at what comes after it."""
        with self._lock:
            return len(self._output)

    def text(self, since: int = 0) -> str:
        """Everything drawn since ``since``, without control sequences."""
        with self._lock:
            raw = bytes(self._output[since:])
        return _ESCAPES.sub("", raw.decode("utf-8", "replace"))

    def wait_for(self, text: str, since: int = 0, timeout: float = PATIENCE) -> None:
        """Wait until ``text`` has been drawn (after ``since``)."""
        def drawn():
            if text in self.text(since):
                return True
            if self.process.poll() is not None:
                raise AssertionError(f"the app exited ({self.process.returncode}) before showing {text!r}:\n"
                                     f"{self.text()[-2000:]}")
            return False
        poll(drawn, f"{text!r} on the screen", timeout)

    # -- the keyboard ---------------------------------------------------------------------

    def press(self, *keys: str, pause: float = 0.15) -> None:
        """Press named keys (see KEYS) or single characters, one after another."""
        for key in keys:
            os.write(self.fd, KEYS.get(key) or key.encode())
            time.sleep(pause)

    def type(self, text: str, per_key: float = 0.01) -> None:
        """Type ``text`` a character at a time."""
        for char in text:
            os.write(self.fd, char.encode())
            time.sleep(per_key)

    def wait_for_journal(self, since: int = 0) -> None:
        """Wait until the journal screen (the app's home) has been drawn after ``since``."""
        self.wait_for(JOURNAL_SCREEN, since=since)

    def open_new_entry(self) -> None:
        """From the journal screen, open the editor on a new reflection (its title has the focus)."""
        self.wait_for_journal()
        shown = self.mark()
        self.press("n")
        self.wait_for("New reflection", since=shown)

    def back_to_journal(self) -> None:
        """Leave the editor (nothing unsaved) and wait until the journal screen is back.

        Keys that change the screen or the focus are handled a moment after the keys typed
        before them, so the next key must wait for the screen to show the change."""
        shown = self.mark()
        self.press("escape")
        self.wait_for_journal(since=shown)

    # -- ending ---------------------------------------------------------------------------

    def kill(self) -> float:
        """SIGKILL the app (no clean-up of any kind can run); the time it happened."""
        killed_at = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=PATIENCE)
        self.close()
        return killed_at

    def wait_exit(self, timeout: float = PATIENCE) -> int:
        """Wait for the app to end by itself; its exit status."""
        try:
            code = self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise AssertionError(f"the app did not exit:\n{self.text()[-2000:]}") from None
        self._reader.join(timeout=5)
        self.close()
        return code

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=PATIENCE)
        if self.fd >= 0:
            self._reader.join(timeout=5)
            try:
                os.close(self.fd)
            except OSError:
                pass
            self.fd = -1

    def __enter__(self) -> "AppInTerminal":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

