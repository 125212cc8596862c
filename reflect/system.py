"""Everything that differs between Linux/macOS and Windows, in one place.

reflect runs on the laptop an apprentice has: Linux, macOS or Windows. The rest of the code
asks this module, and never ``fcntl``, ``msvcrt``, ``os.getuid``, ``os.O_*`` flags or POSIX
file modes itself (``tests/test_system.py`` scans the source to keep it so).

Privacy works differently on each side:

- **Linux and macOS**: files reflect creates are 0600 and folders 0700, so only their owner
  can read them; ``reflect doctor`` checks the modes.
- **Windows**: file modes mean nothing (only the read-only flag). The journal lives in the
  person's profile (``%LOCALAPPDATA%``), whose access list already keeps other users out, so
  reflect leaves permissions to that list and ``doctor`` does not report modes.

The platform is read from ``sys.platform`` on every call (nothing happens at import), so tests
can patch it and fake the Windows calls.
"""

from __future__ import annotations

import os
import stat
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Mapping

#: The modes reflect gives what it creates on Linux and macOS (ignored by Windows).
PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700

#: Where a Windows lock sits: one byte far past any data reflect writes, so the locked region
#: never stops the writer itself (Windows locks are mandatory: a locked byte cannot be written).
WINDOWS_LOCK_OFFSET = 0x7FFF_FFFF


def is_windows() -> bool:
    """True on Windows (native Python, not WSL, which is Linux)."""
    return sys.platform == "win32"


# -- files and folders that only their owner reads ------------------------------------------


def make_private_dir(path: Path) -> None:
    """Create ``path`` and missing parents, each 0700 on Linux/macOS; raise OSError on failure.

    On Windows the folder inherits its parent's access list (the profile's, for the data folder).
    """
    path = Path(path)
    missing = []
    level = path
    while not os.path.lexists(level) and level != level.parent:
        missing.append(level)
        level = level.parent
    for folder in reversed(missing):  # outermost first
        try:
            folder.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # made by another reflect meanwhile: not ours to change
        if sys.platform != "win32":
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask


def create_private_file(path: Path) -> int:
    """Create ``path``, which must not exist, for writing; 0600 on Linux/macOS. Returns the fd.

    Never through a link (``O_EXCL`` refuses one, ``O_NOFOLLOW`` too where it exists). Raises
    FileExistsError if it exists (another reflect was first), OSError otherwise.
    """
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(path, flags, PRIVATE_FILE_MODE)
    if sys.platform != "win32":
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)  # os.open's mode is filtered by the umask
        except BaseException:
            os.close(fd)
            raise
    return fd


def private_temp_file(folder: Path, prefix: str, suffix: str) -> tuple[int, str]:
    """A new temporary file in ``folder`` readable by its owner only: ``(fd, path)``.

    ``tempfile.mkstemp`` creates it 0600 on Linux/macOS and not inheritable by child processes
    everywhere; on Windows the folder's access list protects it.
    """
    import tempfile

    return tempfile.mkstemp(prefix=prefix, suffix=suffix, dir=folder)


@contextmanager
def temporary_folder(prefix: str = "reflect-") -> Iterator[Path]:
    """A private temporary folder (as :func:`private_temp_dir`), removed with all in it afterwards."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        yield Path(folder)


def private_temp_dir(prefix: str) -> Path:
    """A new private folder in the system's temporary place (0700; on Windows in the profile)."""
    import tempfile

    return Path(tempfile.mkdtemp(prefix=prefix))


def temp_root() -> Path:
    """The system's temporary place (``$TMPDIR``, ``/tmp``; on Windows the profile's Temp)."""
    import tempfile

    return Path(tempfile.gettempdir())


def loose_permissions(path: Path) -> bool:
    """True when people other than the owner may read or write ``path`` (Linux/macOS modes).

    Always False on Windows, where modes are not how files are protected (see above).
    """
    if is_windows():
        return False
    return bool(stat.S_IMODE(os.stat(path).st_mode) & 0o077)


def tighten_command(paths: list[Path]) -> str:
    """The command a person runs to make ``paths`` private again (Linux/macOS only)."""
    import shlex

    return "chmod 600 " + " ".join(shlex.quote(str(p)) for p in paths)


def owned_by_me(info: os.stat_result) -> bool:
    """Whether the file ``info`` describes belongs to the user running reflect.

    Windows has no numeric owner in ``stat``; there the files reflect looks at are in the
    person's own profile or in a folder they chose, so they count as theirs.
    """
    if sys.platform == "win32":
        return True
    return info.st_uid == os.getuid()


def disk_state(folder: Path) -> tuple[bool, bool]:
    """``(read_only, full)`` for the file system holding ``folder``; both False if it cannot say.

    Linux and macOS ask ``statvfs``: its read-only flag, and full only when a count exists and
    has run out (btrfs and many FUSE file systems report no counts at all). Windows has no
    read-only flag to ask, so there only the free space counts.
    """
    try:
        if sys.platform == "win32":
            import shutil

            return False, shutil.disk_usage(folder).free == 0
        info = os.statvfs(folder)
    except OSError:
        return False, False
    full = bool((info.f_blocks and info.f_bavail == 0) or (info.f_files and info.f_favail == 0))
    return bool(info.f_flag & os.ST_RDONLY), full


def sync_folder(folder: Path) -> None:
    """Ask the disk to keep a rename in ``folder`` (its directory entry); never raises.

    Linux and macOS: ``fsync`` on the folder. Windows cannot open a folder this way and
    keeps renames with the file system's own journal, so there is nothing to do.
    """
    if sys.platform == "win32":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# -- locks: "a reflect is still writing this file" ------------------------------------------


def lock(fd: int, *, wait: bool) -> bool:
    """Take an exclusive lock on the open file ``fd``; False if another process holds it.

    Linux/macOS: ``flock``, dropped when the file is closed. Windows: ``msvcrt.locking`` on one
    byte at :data:`WINDOWS_LOCK_OFFSET` (waiting means up to ten one-second tries, which is
    what ``msvcrt`` offers), also dropped on close; the file position is left at the start.
    """
    if sys.platform == "win32":
        import msvcrt

        try:
            os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
    else:
        import fcntl

        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
            return True
        except OSError:
            return False


def open_to_inspect(path: Path) -> int:
    """Open ``path`` read-only without hanging on a pipe or following a link; OSError if not.

    Used to look at files another reflect may have left behind before deciding to remove them.
    """
    if sys.platform == "win32":
        # No pipes or devices can carry a reflect temporary name in a folder, and following
        # a link needs a privilege people rarely have: a plain binary open is enough.
        return os.open(path, os.O_RDONLY | os.O_BINARY)
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)


def replace_while_open() -> bool:
    """Whether a file can be renamed over another while it is still open (not on Windows)."""
    return not is_windows()


# -- other programs: the person's editor and the system viewer -------------------------------


def editor_command(environ: Mapping[str, str] | None = None) -> list[str] | None:
    """The editor to launch: ``$VISUAL``, ``$EDITOR``, else the system's plain one; None if none.

    A value that is an existing program path is taken whole, so an unquoted
    ``C:\\Program Files\\Notepad++\\notepad++.exe`` works; otherwise it is split like a shell
    would (on Windows without treating ``\\`` as an escape); ValueError for an unclosed quote.
    The fallback is ``nano`` or ``vi`` on Linux/macOS and ``notepad`` on Windows.
    """
    import shutil

    environ = os.environ if environ is None else environ
    for var in ("VISUAL", "EDITOR"):
        value = (environ.get(var) or "").strip()
        if value:
            return split_command(value)
    for fallback in (("notepad",) if is_windows() else ("nano", "vi")):
        found = shutil.which(fallback)
        if found:
            return [found if is_windows() else fallback]
    return None


def split_command(value: str) -> list[str]:
    """Split a command line from an environment variable into the program and its arguments.

    Raises ValueError for an unclosed quote.
    """
    import shlex

    if ("/" in value or "\\" in value) and os.path.isfile(value):
        return [value]  # a program path with spaces, unquoted
    if not is_windows():
        return shlex.split(value)
    parts = shlex.split(value, posix=False)  # keeps backslashes in C:\... paths
    return [p[1:-1] if len(p) >= 2 and p[0] == p[-1] == '"' else p for p in parts]


def viewer_command(target: str) -> list[str] | None:
    """The command that opens ``target`` (a file or URL) with the system's viewer.

    macOS ``open``, Linux ``xdg-open``; on Windows None, as :func:`open_with_viewer` asks
    the shell directly.
    """
    if sys.platform == "win32":
        return None
    if sys.platform == "darwin":
        return ["open", target]
    return ["xdg-open", target]


def open_url(url: str) -> bool:
    """Open a web address in the person's browser; False when no browser could be started.

    ``webbrowser`` knows each system's way (the shell on Windows, ``open`` on macOS, the
    desktop's choice or a known browser on Linux).
    """
    import webbrowser

    return webbrowser.open(url)


def open_with_viewer(target: str | Path) -> None:
    """Open a file or URL with whatever the system uses for it; OSError if that cannot start.

    Returns without waiting for the viewer, and never prints its chatter on reflect's terminal.
    """
    import subprocess

    target = str(target)
    if sys.platform == "win32":
        os.startfile(target)  # the shell's "open" verb, as a double-click does
        return
    command = viewer_command(target)
    assert command is not None
    subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                     stderr=subprocess.DEVNULL, start_new_session=True)


# -- where things live -----------------------------------------------------------------------


def data_dir(app_name: str) -> Path:
    """The person's data folder for ``app_name``.

    ``~/.local/share/NAME`` on Linux (or ``$XDG_DATA_HOME``), ``~/Library/Application
    Support/NAME`` on macOS, ``%LOCALAPPDATA%\\NAME`` on Windows (inside the profile, not
    roaming: a journal should not be copied around a network at every log-in).
    """
    from platformdirs import user_data_path

    return user_data_path(app_name, appauthor=False, roaming=False)


def memory_folder() -> Path | None:
    """This user's private folder in memory (Linux's ``$XDG_RUNTIME_DIR``, a tmpfs), or None.

    Text an editor must read in plain form goes there when the journal is encrypted: it never
    reaches the disk, and goes at log-out or power-off.
    """
    if not sys.platform.startswith("linux"):
        return None
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not runtime:
        return None
    try:
        info = os.stat(runtime)
    except OSError:
        return None
    private = stat.S_ISDIR(info.st_mode) and owned_by_me(info) and not info.st_mode & 0o077
    return Path(runtime) if private else None


# -- a key kept for the login session ----------------------------------------------------------

#: Linux's keyctl(2) and add_key(2) system call numbers, by machine (no wrapper library needed).
_KEY_CALLS = {"x86_64": (248, 250), "aarch64": (217, 219), "i686": (286, 288), "armv7l": (309, 311)}
_KEY_SPEC_USER_KEYRING = -4
_KEYCTL_SEARCH, _KEYCTL_READ, _KEYCTL_SET_TIMEOUT, _KEYCTL_UNLINK = 10, 11, 15, 9


def _keyctl():
    """(libc, add_key number, keyctl number) on Linux, else None."""
    if not sys.platform.startswith("linux"):
        return None
    calls = _KEY_CALLS.get(os.uname().machine)
    if calls is None:
        return None
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    libc.syscall.restype = ctypes.c_long
    return libc, *calls


def session_key(name: str) -> bytes | None:
    """The key kept under ``name`` in the kernel's keyring for this user (Linux), or None.

    The kernel keeps it in its own memory (never on disk, never swapped), for this user's
    processes only, until it times out, the person logs out everywhere, or it is dropped.
    Never raises: no such key, another system, or a sandbox that forbids the calls give None.
    """
    kernel = _keyctl()
    if kernel is None:
        return None
    import ctypes

    libc, _, keyctl = kernel
    found = libc.syscall(keyctl, _KEYCTL_SEARCH, _KEY_SPEC_USER_KEYRING, b"user", name.encode(), 0)
    if found < 0:
        return None
    buffer = ctypes.create_string_buffer(256)
    size = libc.syscall(keyctl, _KEYCTL_READ, ctypes.c_long(found), buffer, ctypes.c_long(len(buffer)))
    return buffer.raw[:size] if 0 < size <= len(buffer) else None


def keep_session_key(name: str, value: bytes, seconds: int) -> bool:
    """Keep ``value`` under ``name`` in the kernel's keyring for ``seconds`` (Linux); whether it was."""
    kernel = _keyctl()
    if kernel is None:
        return False
    import ctypes

    libc, add_key, keyctl = kernel
    made = libc.syscall(add_key, b"user", name.encode(), value, ctypes.c_size_t(len(value)),
                        ctypes.c_long(_KEY_SPEC_USER_KEYRING))
    if made < 0:
        return False
    libc.syscall(keyctl, _KEYCTL_SET_TIMEOUT, ctypes.c_long(made), ctypes.c_uint(seconds))
    return True


def drop_session_key(name: str) -> bool:
    """Forget the key kept under ``name`` (see :func:`session_key`); whether there was one."""
    kernel = _keyctl()
    if kernel is None:
        return False
    import ctypes

    libc, _, keyctl = kernel
    found = libc.syscall(keyctl, _KEYCTL_SEARCH, _KEY_SPEC_USER_KEYRING, b"user", name.encode(), 0)
    if found < 0:
        return False
    return libc.syscall(keyctl, _KEYCTL_UNLINK, ctypes.c_long(found), ctypes.c_long(_KEY_SPEC_USER_KEYRING)) == 0
