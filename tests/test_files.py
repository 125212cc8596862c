"""Atomic, private file writing."""

import os
import stat

import pytest

from reflect.errors import ReflectError
from reflect.files import atomic_writer, ensure_private_dir, write_private


def test_written_file_is_private(tmp_path):
    path = write_private(tmp_path / "out.md", "hello")
    assert path.read_text() == "hello"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_new_folder_is_private(tmp_path):
    write_private(tmp_path / "journals" / "out.md", "x")
    assert stat.S_IMODE(os.stat(tmp_path / "journals").st_mode) == 0o700


def test_existing_file_is_not_replaced_without_overwrite(tmp_path):
    path = tmp_path / "out.md"
    path.write_text("mentor's copy")
    with pytest.raises(ReflectError, match="already exists"):
        write_private(path, "new")
    assert path.read_text() == "mentor's copy"


def test_overwrite_replaces(tmp_path):
    path = tmp_path / "out.md"
    path.write_text("old")
    write_private(path, "new", overwrite=True)
    assert path.read_text() == "new"


def test_error_while_writing_keeps_old_file_and_leaves_no_temp(tmp_path):
    path = tmp_path / "out.md"
    path.write_text("good")
    with pytest.raises(RuntimeError):
        with atomic_writer(path, overwrite=True) as handle:
            handle.write("half")
            raise RuntimeError("killed")
    assert path.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]


def test_read_only_folder_gives_clear_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    os.chmod(folder, 0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        with pytest.raises(ReflectError, match="Cannot write in"):
            write_private(folder / "x.md", "x")
    finally:
        os.chmod(folder, 0o700)


def test_ensure_private_dir_refuses_a_file(tmp_path):
    (tmp_path / "f").write_text("")
    with pytest.raises(ReflectError, match="not a folder"):
        ensure_private_dir(tmp_path / "f")


def test_read_only_file_system_simulated_gives_clear_error(tmp_path, monkeypatch):
    import errno

    import reflect.files

    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(reflect.files.system, "private_temp_file", refuse)
    with pytest.raises(ReflectError, match="Cannot write in .*Read-only file system"):
        write_private(tmp_path / "x.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_full_disk_simulated_keeps_old_file(tmp_path, monkeypatch):
    import errno

    path = tmp_path / "out.md"
    path.write_text("good")

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ReflectError, match="is full; nothing was changed"):
        write_private(path, "new", overwrite=True)
    assert path.read_text() == "good"
    assert [p.name for p in tmp_path.iterdir()] == ["out.md"]
