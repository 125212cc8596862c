"""Temporary files a killed reflect leaves behind are removed by the next write into that folder,
and nothing else is: not a file being written right now, not anybody else's file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reflect.store.backup import backup_to
from reflect.files import atomic_writer, private_temp, sweep_abandoned, write_private
from tests.reliability.conftest import fill
from tests.test_cli_entries import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="locks are POSIX flock")

#: A process that starts writing a file the way exports do, then is killed mid-write.
KILLED_WRITER = """
import os, signal, sys
from reflect.files import atomic_writer
with atomic_writer(sys.argv[1], overwrite=True) as handle:
    handle.write("half of a private reflection")
    handle.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def _killed_writer(target: Path) -> Path:
    """Run a writer that is SIGKILLed mid-write; the temporary file it left."""
    result = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(target)], cwd=ROOT, timeout=60)
    assert result.returncode == -signal.SIGKILL
    [left] = [p for p in target.parent.iterdir() if p.name.endswith(".part")]
    return left


def test_a_killed_writer_leaves_the_target_alone_and_a_temporary_file(tmp_path):
    target = tmp_path / "export.md"
    target.write_text("good")
    left = _killed_writer(target)
    assert target.read_text() == "good"
    assert left.read_text() == "half of a private reflection"


def test_the_next_write_into_the_folder_removes_it(tmp_path):
    _killed_writer(tmp_path / "export.md")
    write_private(tmp_path / "another.md", "new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["another.md"]


def test_a_file_being_written_now_is_left_alone(tmp_path):
    with private_temp(tmp_path, "busy.md") as (fd, temp):
        os.write(fd, b"still writing")
        assert sweep_abandoned(tmp_path) == []
        write_private(tmp_path / "other.md", "x")
        assert temp.read_bytes() == b"still writing"
    assert not temp.exists()  # and its own writer tidies it


def test_other_peoples_files_with_similar_names_are_left_alone(tmp_path):
    names = [".notes.md.part", "download.zip.part", ".x.reflect-short.part", ".x.reflect-abcdefgh.partial",
             "x.reflect-abcdefgh.part"]
    for name in names:
        (tmp_path / name).write_text("theirs")
    link = tmp_path / ".y.reflect-abcdefgh.part"
    link.symlink_to(tmp_path / ".notes.md.part")
    assert sweep_abandoned(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names + [link.name])


def test_a_pipe_named_like_ours_does_not_hang_the_sweep(tmp_path):
    os.mkfifo(tmp_path / ".x.reflect-abcdefgh.part")
    assert sweep_abandoned(tmp_path) == []


def test_sqlite_side_files_of_an_abandoned_backup_go_with_it(tmp_path):
    abandoned = tmp_path / ".journal.db.reflect-abcdefgh.part"
    for name in (abandoned.name, abandoned.name + "-journal"):
        (tmp_path / name).write_bytes(b"half a backup")
    assert sweep_abandoned(tmp_path) == [abandoned]
    assert list(tmp_path.iterdir()) == []


def test_a_backup_sweeps_what_a_killed_backup_left(tmp_path):
    journal = tmp_path / "journal.db"
    fill(journal)
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / ".journal-2026-11-24T103000Z.db.reflect-k1ll3d00.part").write_bytes(b"half")
    made = backup_to(journal, folder)
    assert [p.name for p in folder.iterdir()] == [made.name]


def test_an_error_while_writing_still_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_writer(tmp_path / "out.md") as handle:
            handle.write("half")
            raise RuntimeError("the disk went away")
    assert list(tmp_path.iterdir()) == []
