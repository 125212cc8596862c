"""reflect.files on the Windows branch, with msvcrt faked: Windows renames and removes no open file.

The fake makes ``os.replace`` and ``unlink`` refuse a file that is still open, as Windows does,
so these tests fail if a Windows write or sweep forgot to close first.
"""

import os
import sys
import time
import types
from pathlib import Path

import pytest

import reflect.files
from reflect.files import SWEEP_MIN_AGE, atomic_writer, private_temp, sweep_abandoned, write_private


@pytest.fixture
def windows(monkeypatch):
    """sys.platform is win32; msvcrt is a recorder; open files cannot be renamed or removed."""
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(os, "O_BINARY", 0, raising=False)  # Linux's open has no such flag
    locks = []
    monkeypatch.setitem(sys.modules, "msvcrt", types.SimpleNamespace(
        LK_LOCK=1, LK_NBLCK=2, locking=lambda fd, mode, n: locks.append(mode)))
    opened: dict[int, Path] = {}
    real_open, real_close, real_replace, real_unlink = os.open, os.close, os.replace, Path.unlink
    real_mkstemp = reflect.files.system.private_temp_file

    def tracked_open(path, flags, *args):
        fd = real_open(path, flags, *args)
        opened[fd] = Path(path)
        return fd

    def tracked_mkstemp(*args):
        fd, name = real_mkstemp(*args)
        opened[fd] = Path(name)
        return fd, name

    def tracked_close(fd):
        opened.pop(fd, None)
        real_close(fd)

    def refuse_if_open(path):
        if Path(path) in opened.values():
            raise PermissionError(13, "The process cannot access the file because it is being used")

    def windows_replace(src, dst):
        refuse_if_open(src)
        real_replace(src, dst)

    def windows_unlink(self, missing_ok=False):
        refuse_if_open(self)
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(os, "open", tracked_open)
    monkeypatch.setattr(os, "close", tracked_close)
    monkeypatch.setattr(os, "replace", windows_replace)
    monkeypatch.setattr(Path, "unlink", windows_unlink)
    monkeypatch.setattr(reflect.files.system, "private_temp_file", tracked_mkstemp)
    return types.SimpleNamespace(locks=locks, opened=opened)


def test_a_write_closes_its_temporary_file_before_renaming_it(tmp_path, windows):
    write_private(tmp_path / "for Fiona.md", "Líne one\n")
    assert (tmp_path / "for Fiona.md").read_text(encoding="utf-8") == "Líne one\n"
    assert [p.name for p in tmp_path.iterdir()] == ["for Fiona.md"]
    assert windows.locks == [1]  # locked, waiting, once
    assert windows.opened == {}


def test_a_failed_write_still_removes_its_temporary_file(tmp_path, windows):
    with pytest.raises(RuntimeError):
        with atomic_writer(tmp_path / "out.md") as handle:
            handle.write("half")
            raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []
    assert windows.opened == {}


def test_a_sweep_leaves_a_fresh_temporary_file_and_removes_an_old_one(tmp_path, windows):
    fresh = tmp_path / ".a.md.reflect-abcdefgh.part"
    old = tmp_path / ".b.md.reflect-ijklmnop.part"
    for path in (fresh, old):
        path.write_text("half")
    long_ago = time.time() - SWEEP_MIN_AGE - 5
    os.utime(old, (long_ago, long_ago))
    assert sweep_abandoned(tmp_path) == [old]
    assert [p.name for p in tmp_path.iterdir()] == [fresh.name]
    assert windows.opened == {}


def test_a_sweep_leaves_a_file_another_writer_has_open(tmp_path, windows):
    with private_temp(tmp_path, "busy.md") as (fd, temp):
        long_ago = time.time() - SWEEP_MIN_AGE - 5
        os.utime(temp, (long_ago, long_ago))
        assert sweep_abandoned(tmp_path) == []  # Windows refuses to remove it while it is open
        assert temp.exists()
    assert not temp.exists()
