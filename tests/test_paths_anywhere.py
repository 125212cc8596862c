"""Journals, exports and backups in the places people's files really are.

User names with spaces and accents (``C:\\Users\\Siobhán Ó Briain``), long file names, another
drive (here another file system: /dev/shm), and text an editor saved with CRLF line ends.
"""

import json
import shlex
import stat
import sys
from pathlib import Path

import pytest

from reflect.cli import main
from reflect.files import write_private
from tests.conftest import TINY_FRAMEWORK

PROFILE = "Siobhán Ó Briain"


@pytest.fixture
def run(monkeypatch, capsys):
    """``reflect`` in-process with the tiny framework; returns (status, stdout, stderr)."""
    monkeypatch.setenv("REFLECT_FRAMEWORK", str(TINY_FRAMEWORK))
    monkeypatch.delenv("REFLECT_DB", raising=False)

    def call(*argv: str) -> tuple[int, str, str]:
        status = main(list(argv))
        out = capsys.readouterr()
        return status, out.out, out.err

    return call


def test_a_journal_under_a_profile_with_spaces_and_accents(tmp_path, run):
    db = tmp_path / "Users" / PROFILE / "My Documents" / "reflect journal" / "journal.db"
    status, out, err = run("--db", str(db), "add", "--title", "Café rush", "Stayed calm with the queue.")
    assert status == 0, err
    status, out, err = run("--db", str(db), "list", "--json")
    assert [e["title"] for e in json.loads(out)] == ["Café rush"]
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700


def test_the_data_folder_under_such_a_profile(tmp_path, run, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / PROFILE / ".local" / "share"))
    status, _, err = run("add", "--title", "First", "Hello")
    assert status == 0, err
    assert (tmp_path / PROFILE / ".local" / "share" / "reflect" / "journal.db").is_file()


def test_export_and_backup_to_another_drive(tmp_path, run):
    other = Path("/dev/shm")
    if not other.is_dir() or other.stat().st_dev == tmp_path.stat().st_dev:
        pytest.skip("no second file system to stand in for another drive")
    db = tmp_path / PROFILE / "journal.db"
    assert run("--db", str(db), "add", "--title", "Refund", "A calm refund.")[0] == 0
    with_spaces = Path(pytest.importorskip("tempfile").mkdtemp(dir=other, prefix="USB stick Ó "))
    try:
        status, _, err = run("--db", str(db), "export", "-o", str(with_spaces / "for Fiona.md"))
        assert status == 0, err
        assert "A calm refund." in (with_spaces / "for Fiona.md").read_text(encoding="utf-8")
        status, out, err = run("--db", str(db), "backup", f"{with_spaces}/", "--json")
        assert status == 0, err
        assert Path(json.loads(out)["path"]).parent == with_spaces
        assert [p.name for p in with_spaces.iterdir() if p.name.endswith(".part")] == []
    finally:
        import shutil

        shutil.rmtree(with_spaces)


def test_long_file_names_fit_their_temporary_file(tmp_path):
    # 255 bytes is the limit of one name on Linux and macOS file systems (Windows: 255 characters).
    name = ("Ó" * 120) + ".md"  # 243 bytes
    target = write_private(tmp_path / name, "text")
    assert target.read_text(encoding="utf-8") == "text"
    assert [p.name for p in tmp_path.iterdir()] == [name]


def test_text_saved_by_a_windows_editor_comes_back_plain(tmp_path, monkeypatch):
    from reflect.cli.editor import EditorSession
    from reflect.store import side_files

    editor = tmp_path / "Siobhán's editor.py"
    # What Notepad's "UTF-8 with BOM" leaves: a byte-order mark and CRLF line ends.
    editor.write_text("import sys\nopen(sys.argv[1], 'wb').write('\\ufeffLine one\\r\\nLíne two\\r\\n'.encode())\n",
                      encoding="utf-8")
    monkeypatch.setenv("VISUAL", f"{shlex.quote(sys.executable)} {shlex.quote(str(editor))}")
    session = EditorSession.new(tmp_path / PROFILE / "journal.db", side_files.ADD, "")
    assert session.edit() == "Line one\nLíne two\n"
    session.done()


def test_an_unclosed_quote_in_the_editor_variable_is_one_clear_error(monkeypatch):
    from reflect.cli.editor import find_editor
    from reflect.errors import InputError

    monkeypatch.setenv("VISUAL", "vim 'Siobhán notes")
    with pytest.raises(InputError, match="a quote is not closed"):
        find_editor()
