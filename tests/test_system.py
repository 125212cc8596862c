"""reflect.system: each platform branch, with sys.platform patched and Windows calls faked.

The Linux branch runs for real here; the Windows and macOS branches run against fakes that
record what they ask of the operating system.
"""

import ast
import io
import os
import stat
import sys
import tokenize
import types
from pathlib import Path

import pytest

from reflect import system

ROOT = Path(__file__).parent.parent


@pytest.fixture
def windows(monkeypatch):
    """Pretend to be Windows: sys.platform, plus os names that exist only there."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "O_BINARY", 0x8000, raising=False)


@pytest.fixture
def fake_msvcrt(monkeypatch):
    """A stand-in for Windows' msvcrt that records each locking call and the file position."""
    calls = []

    def locking(fd, mode, nbytes):
        calls.append((mode, nbytes, os.lseek(fd, 0, os.SEEK_CUR)))
        if fake.refuse:
            raise PermissionError(13, "Permission denied")

    fake = types.SimpleNamespace(LK_LOCK=1, LK_NBLCK=2, locking=locking, calls=calls, refuse=False)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    return fake


def _never(*args, **kwargs):
    raise AssertionError("this branch must not call it")


# -- locks ---------------------------------------------------------------------------------


def test_posix_lock_is_exclusive_between_open_files(tmp_path):
    path = tmp_path / "held.part"
    path.write_text("x")
    first, second = os.open(path, os.O_RDONLY), os.open(path, os.O_RDONLY)
    try:
        assert system.lock(first, wait=False)
        assert not system.lock(second, wait=False)
        os.close(first)
        first = -1
        assert system.lock(second, wait=False)  # closing lets the lock go
    finally:
        for fd in (first, second):
            if fd >= 0:
                os.close(fd)


def test_windows_lock_takes_one_byte_far_past_the_data_and_rewinds(tmp_path, windows, fake_msvcrt):
    path = tmp_path / "held.part"
    path.write_text("some text")
    fd = os.open(path, os.O_RDWR)
    try:
        assert system.lock(fd, wait=False)
        assert system.lock(fd, wait=True)
        assert os.lseek(fd, 0, os.SEEK_CUR) == 0  # writing starts at the beginning
    finally:
        os.close(fd)
    assert fake_msvcrt.calls == [(fake_msvcrt.LK_NBLCK, 1, system.WINDOWS_LOCK_OFFSET),
                                 (fake_msvcrt.LK_LOCK, 1, system.WINDOWS_LOCK_OFFSET)]
    assert path.read_text() == "some text"


def test_windows_lock_held_elsewhere_is_false(tmp_path, windows, fake_msvcrt):
    fake_msvcrt.refuse = True
    path = tmp_path / "held.part"
    path.write_text("x")
    fd = os.open(path, os.O_RDWR)
    try:
        assert system.lock(fd, wait=False) is False
        assert os.lseek(fd, 0, os.SEEK_CUR) == 0
    finally:
        os.close(fd)


# -- owners and permissions ----------------------------------------------------------------


def test_posix_owner_is_compared_with_the_running_user(tmp_path):
    path = tmp_path / "mine"
    path.write_text("x")
    info = os.stat(path)
    assert system.owned_by_me(info)
    someone_else = os.stat_result((info.st_mode, info.st_ino, info.st_dev, info.st_nlink, info.st_uid + 1,
                                   info.st_gid, info.st_size, 0, 0, 0))
    assert not system.owned_by_me(someone_else)


def test_windows_owner_check_asks_for_no_user_id(tmp_path, windows, monkeypatch):
    path = tmp_path / "mine"
    path.write_text("x")
    monkeypatch.setattr(os, "getuid", _never)
    assert system.owned_by_me(os.stat(path))


def test_posix_private_folders_are_0700_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        system.make_private_dir(tmp_path / "a" / "b c" / "Siobhán")
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b c", tmp_path / "a" / "b c" / "Siobhán"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_posix_existing_parents_keep_their_mode(tmp_path):
    tmp_path.chmod(0o755)
    system.make_private_dir(tmp_path / "new")
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_windows_private_folders_leave_modes_to_the_profile(tmp_path, windows, monkeypatch):
    monkeypatch.setattr(os, "chmod", _never)
    system.make_private_dir(tmp_path / "x" / "y")
    assert (tmp_path / "x" / "y").is_dir()


def test_posix_private_file_is_0600_whatever_the_umask(tmp_path):
    old = os.umask(0)
    try:
        os.close(system.create_private_file(tmp_path / "journal.db"))
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "journal.db").stat().st_mode) == 0o600
    with pytest.raises(FileExistsError):
        system.create_private_file(tmp_path / "journal.db")


def test_windows_private_file_is_binary_and_not_chmodded(tmp_path, windows, monkeypatch):
    asked = []
    real_open = os.open

    def recording_open(path, flags, mode=0o777):
        asked.append((flags, mode))
        return real_open(path, flags & ~0x8000, mode)  # Linux has no O_BINARY

    monkeypatch.setattr(os, "open", recording_open)
    monkeypatch.setattr(os, "fchmod", _never)
    os.close(system.create_private_file(tmp_path / "journal.db"))
    flags, mode = asked[0]
    assert flags & os.O_BINARY and flags & os.O_EXCL and flags & os.O_CREAT
    assert mode == system.PRIVATE_FILE_MODE


def test_loose_permissions_on_posix_and_never_on_windows(tmp_path, monkeypatch):
    path = tmp_path / "journal.db"
    path.write_text("x")
    path.chmod(0o644)
    assert system.loose_permissions(path)
    path.chmod(0o600)
    assert not system.loose_permissions(path)
    path.chmod(0o644)
    monkeypatch.setattr(sys, "platform", "win32")
    assert not system.loose_permissions(path)


def test_tighten_command_quotes_paths_with_spaces():
    assert system.tighten_command([Path("/home/Siobhán Ó Briain/journal.db")]) == \
        "chmod 600 '/home/Siobhán Ó Briain/journal.db'"


def test_inspecting_never_follows_a_link_or_waits_on_a_pipe(tmp_path):
    target = tmp_path / "real"
    target.write_text("x")
    (tmp_path / "link").symlink_to(target)
    with pytest.raises(OSError):
        system.open_to_inspect(tmp_path / "link")
    os.mkfifo(tmp_path / "pipe")
    os.close(system.open_to_inspect(tmp_path / "pipe"))  # returns at once: nobody writes to it


def test_windows_inspecting_opens_plainly_in_binary(tmp_path, windows, monkeypatch):
    asked = []
    monkeypatch.setattr(os, "open", lambda path, flags: asked.append((Path(path), flags)) or 7)
    assert system.open_to_inspect(tmp_path / "x.part") == 7
    assert asked == [(tmp_path / "x.part", os.O_RDONLY | os.O_BINARY)]


def test_only_windows_cannot_rename_an_open_file(monkeypatch):
    assert system.replace_while_open()
    monkeypatch.setattr(sys, "platform", "darwin")
    assert system.replace_while_open()
    monkeypatch.setattr(sys, "platform", "win32")
    assert not system.replace_while_open()


def test_disk_state_on_posix_reads_statvfs(tmp_path, monkeypatch):
    assert system.disk_state(tmp_path) == (False, False)
    full = os.statvfs_result((4096, 4096, 1000, 0, 0, 1000, 0, 0, 0, 255))
    monkeypatch.setattr(os, "statvfs", lambda _: full)
    assert system.disk_state(tmp_path) == (False, True)
    read_only = os.statvfs_result((4096, 4096, 1000, 500, 500, 1000, 500, 500, os.ST_RDONLY, 255))
    monkeypatch.setattr(os, "statvfs", lambda _: read_only)
    assert system.disk_state(tmp_path) == (True, False)


def test_disk_state_on_windows_asks_only_the_free_space(tmp_path, windows, monkeypatch):
    import shutil

    monkeypatch.setattr(os, "statvfs", _never, raising=False)
    monkeypatch.setattr(shutil, "disk_usage", lambda folder: shutil._ntuple_diskusage(100, 100, 0))
    assert system.disk_state(tmp_path) == (False, True)


# -- temporary files -----------------------------------------------------------------------


def test_temp_file_is_private_and_in_the_folder_asked(tmp_path):
    folder = tmp_path / "Siobhán Ó Briain" / "My Documents"
    folder.mkdir(parents=True)
    fd, name = system.private_temp_file(folder, ".export.md.reflect-", ".part")
    os.close(fd)
    assert Path(name).parent == folder  # beside its target: a rename never crosses drives
    assert stat.S_IMODE(os.stat(name).st_mode) == 0o600


def test_temporary_folder_is_private_and_removed_afterwards():
    with system.temporary_folder("reflect-test-") as folder:
        (folder / "empty.db").write_text("x")
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert not folder.exists()


def test_temp_dir_is_private(tmp_path):
    folder = system.private_temp_dir("reflect-test-")
    try:
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    finally:
        folder.rmdir()


# -- the editor ----------------------------------------------------------------------------


def test_editor_from_visual_then_editor_split_like_a_shell():
    assert system.editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == ["code", "--wait"]
    assert system.editor_command({"VISUAL": "  ", "EDITOR": "nano -w"}) == ["nano", "-w"]
    assert system.editor_command({"EDITOR": "'/opt/My Editor/ed' -x"}) == ["/opt/My Editor/ed", "-x"]


def test_editor_path_with_spaces_needs_no_quotes(tmp_path):
    program = tmp_path / "Siobhán's Tools" / "my editor"
    program.parent.mkdir()
    program.write_text("")
    assert system.editor_command({"EDITOR": str(program)}) == [str(program)]


def test_windows_editor_keeps_backslashes_and_drops_quotes(windows):
    assert system.editor_command({"EDITOR": r'"C:\Program Files\Notepad++\notepad++.exe" -multiInst'}) == \
        [r"C:\Program Files\Notepad++\notepad++.exe", "-multiInst"]
    assert system.editor_command({"EDITOR": r"D:\Tools\vim.exe"}) == [r"D:\Tools\vim.exe"]


def test_fallback_editor_is_notepad_on_windows(windows, monkeypatch):
    asked = []
    monkeypatch.setattr("shutil.which", lambda name: asked.append(name) or rf"C:\Windows\system32\{name}.exe")
    assert system.editor_command({}) == [r"C:\Windows\system32\notepad.exe"]
    assert asked == ["notepad"]


def test_fallback_editor_is_nano_then_vi_elsewhere(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr("shutil.which", lambda name: "/usr/bin/vi" if name == "vi" else None)
    assert system.editor_command({}) == ["vi"]
    monkeypatch.setattr("shutil.which", lambda name: None)
    assert system.editor_command({}) is None


# -- the system viewer ---------------------------------------------------------------------


@pytest.mark.parametrize("platform, program", [("linux", "xdg-open"), ("darwin", "open")])
def test_viewer_on_linux_and_macos_starts_without_waiting(platform, program, monkeypatch):
    started = []

    class FakePopen:
        def __init__(self, command, **options):
            started.append((command, options))

    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr("subprocess.Popen", FakePopen)
    system.open_with_viewer(Path("/home/Siobhán Ó Briain/review pack.html"))
    command, options = started[0]
    assert command == [program, "/home/Siobhán Ó Briain/review pack.html"]
    assert options["start_new_session"] and options["stdout"] is not None


def test_viewer_on_windows_asks_the_shell(windows, monkeypatch):
    opened = []
    monkeypatch.setattr(os, "startfile", opened.append, raising=False)
    monkeypatch.setattr("subprocess.Popen", _never)
    system.open_with_viewer(r"C:\Users\Siobhán Ó Briain\review pack.html")
    assert opened == [r"C:\Users\Siobhán Ó Briain\review pack.html"]


def test_a_web_address_goes_to_the_browser(monkeypatch):
    import webbrowser

    opened = []
    monkeypatch.setattr(webbrowser, "open", lambda url: opened.append(url) or True)
    assert system.open_url("http://127.0.0.1:8000/?token=x")
    assert opened == ["http://127.0.0.1:8000/?token=x"]
    monkeypatch.setattr(webbrowser, "open", lambda url: False)
    assert not system.open_url("http://127.0.0.1:8000/")


# -- the data folder -----------------------------------------------------------------------


def test_data_folder_follows_xdg_on_linux(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "Siobhán Ó Briain" / "data"))
    assert system.data_dir("reflect") == tmp_path / "Siobhán Ó Briain" / "data" / "reflect"


def test_data_folder_is_local_not_roaming(monkeypatch):
    import platformdirs

    asked = []
    monkeypatch.setattr(platformdirs, "user_data_path", lambda *a, **k: asked.append((a, k)) or Path("x"))
    system.data_dir("reflect")
    assert asked == [(("reflect",), {"appauthor": False, "roaming": False})]


# -- nothing else touches the platform directly --------------------------------------------

#: Names only reflect/system.py may use.
_PLATFORM_MODULES = {"fcntl", "msvcrt", "platformdirs", "tempfile", "pwd", "grp", "webbrowser"}
_PLATFORM_OS_NAMES = {"getuid", "geteuid", "getgid", "chmod", "fchmod", "lchmod", "chown", "umask",
                      "startfile", "mkfifo"}


def _platform_uses(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in _PLATFORM_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _PLATFORM_MODULES:
            found.append(node.module or "")
        elif isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "os" \
                and (node.attr in _PLATFORM_OS_NAMES or node.attr.startswith("O_")):
            found.append(f"os.{node.attr}")
        elif isinstance(node, ast.Attribute) and node.attr in {"S_IMODE", "chmod"}:
            found.append(node.attr)
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.NUMBER and token.string.lower().startswith("0o"):
            found.append(token.string)  # a POSIX mode
    return [f"{path.relative_to(ROOT)}: {use}" for use in found]


def test_only_the_system_module_touches_platform_specifics():
    modules = sorted((ROOT / "reflect").rglob("*.py"))
    assert len(modules) > 100  # the scan really sees the package
    uses = [use for path in modules if path.name != "system.py" or path.parent.name != "reflect"
            for use in _platform_uses(path)]
    assert uses == []


def test_the_scan_finds_what_it_looks_for(tmp_path):
    sample = ROOT / "reflect" / "system.py"
    uses = " ".join(_platform_uses(sample))
    for expected in ("fcntl", "msvcrt", "os.getuid", "os.O_NONBLOCK", "0o600", "platformdirs"):
        assert expected in uses


def test_a_session_key_is_kept_read_and_dropped_in_the_kernel_keyring():
    import secrets

    name = f"reflect:test-{secrets.token_hex(8)}"
    value = secrets.token_bytes(32)
    if not system.keep_session_key(name, value, 30):
        pytest.skip("no kernel keyring here (not Linux, or a sandbox forbids it)")
    try:
        assert system.session_key(name) == value
    finally:
        assert system.drop_session_key(name)
    assert system.session_key(name) is None
    assert not system.drop_session_key(name)


def test_other_systems_keep_no_session_key(monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not system.keep_session_key("reflect:never", b"x", 30)
    assert system.session_key("reflect:never") is None
