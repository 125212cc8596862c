"""Attachments leave with an export (beside the Markdown, in the HTML, in the bundle) and come
back with `reflect import`, byte for byte; a private entry's never leave."""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from reflect.attachments.store import NewFile
from reflect.entries.models import EntryFilter
from reflect.errors import InputError, ReflectError
from reflect.export.bundle import export_bundle, pack_bundle
from reflect.export.files import write_export
from reflect.export.pack import write_review_pack
from reflect.importers.markdown import import_markdown
from reflect.journal import open_journal
from tests.attachments import samples
from tests.conftest import FakeClock


@pytest.fixture
def filled(journal):
    """A journal with a public entry holding a photo and a PDF, and a private one holding a photo."""
    card = journal.entries.add(day=date(2026, 11, 20), title="Thank-you card", body="A customer wrote.")
    secret = journal.entries.add(day=date(2026, 11, 21), title="Bad day", body="Only for me.", private=True)
    journal.attachments.add(card.id, [NewFile("card photo.png", samples.png(30, 20)),
                                      NewFile("certificate.pdf", samples.pdf())])
    journal.attachments.add(secret.id, [NewFile("secret.png", samples.png(rgb=(0, 0, 255)))])
    return journal


def links(markdown: str) -> list[str]:
    """Every link and picture target in the Markdown, as a Markdown reader finds them."""
    found = []
    for token in MarkdownIt("commonmark").parse(markdown):
        for child in token.children or []:
            if child.type in ("link_open", "image"):
                found.append(child.attrGet("href") or child.attrGet("src"))
    return found


def test_an_export_writes_the_files_beside_it_with_relative_links(filled, framework, tmp_path):
    result = write_export(filled, framework, tmp_path / "out.md")
    assert result.attachments == 2 and result.files_folder == tmp_path / "out_files"
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    targets = links(text)
    assert targets and all(not t.startswith(("/", "file:", "http")) for t in targets)
    from urllib.parse import unquote

    written = {unquote(t) for t in targets}
    assert {Path(t).name for t in written} == {"card photo.png", "certificate.pdf"}
    for target in written:
        path = tmp_path / target
        assert path.is_file() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
    assert (tmp_path / next(t for t in written if t.endswith(".pdf"))).read_bytes() == samples.pdf()


def test_a_private_entrys_files_are_never_exported_even_with_its_text(filled, framework, tmp_path):
    result = write_export(filled, framework, tmp_path / "all.md", include_private=True)
    assert "(1 file attached to private entries stays in the journal: never exported)" in result.summary()
    text = (tmp_path / "all.md").read_text(encoding="utf-8")
    assert "Only for me." in text  # the text was asked for...
    assert "secret.png" not in text  # ...its files never are
    names = {p.name for p in (tmp_path / "all_files").rglob("*") if p.is_file()}
    assert names == {"card photo.png", "certificate.pdf"}
    blue = samples.png(rgb=(0, 0, 255))
    assert not any(p.read_bytes() == blue for p in (tmp_path / "all_files").rglob("*") if p.is_file())


def test_detached_files_are_not_exported(filled, framework, tmp_path):
    filled.attachments.detach(1, "certificate.pdf")
    write_export(filled, framework, tmp_path / "out.md")
    assert "certificate.pdf" not in (tmp_path / "out.md").read_text(encoding="utf-8")


def test_an_export_over_an_existing_file_writes_no_files_either(filled, framework, tmp_path):
    (tmp_path / "out.md").write_text("mine")
    with pytest.raises(ReflectError, match="already exists"):
        write_export(filled, framework, tmp_path / "out.md")
    assert not (tmp_path / "out_files").exists()


def fresh(tmp_path: Path, name: str):
    return open_journal(tmp_path / name, clock=FakeClock())


def test_export_and_import_give_back_the_same_files_and_links(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    with fresh(tmp_path, "other.db") as other:
        result, _ = import_markdown(other, tmp_path / "out.md")
        assert (result.added, result.attachments) == (1, 2)  # the private entry stays home
        before = [(a.name, a.media_type, a.sha256, a.added_at) for a in filled.attachments.list(1)]
        after = [(a.name, a.media_type, a.sha256, a.added_at) for a in other.attachments.list(1)]
        assert after == before
        assert other.attachments.read(other.attachments.get(1, "card photo.png")) == samples.png(30, 20)
        again, _ = import_markdown(other, tmp_path / "out.md")
        assert (again.added, again.skipped, again.attachments) == (0, 1, 0)
        assert len(other.attachments.list(1)) == 2
        # Exported again from the copy, the file says the same about them.
        write_export(other, framework, tmp_path / "back" / "out.md")
    assert _markers(tmp_path / "back" / "out.md") == _markers(tmp_path / "out.md")


def _markers(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("<!-- reflect:entry ")]


def test_import_refuses_a_file_changed_after_export(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    [pdf] = (tmp_path / "out_files").rglob("certificate.pdf")
    pdf.write_bytes(samples.pdf() + b"% changed\n")
    with fresh(tmp_path, "other.db") as other:
        with pytest.raises(InputError, match="is not the one exported with this entry"):
            import_markdown(other, tmp_path / "out.md")
        assert other.entries.count() == 0


def test_import_without_the_folder_says_how_and_can_take_the_text_alone(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    (tmp_path / "out_files").rename(tmp_path / "elsewhere")
    with fresh(tmp_path, "other.db") as other:
        with pytest.raises(InputError, match="keep the out_files folder beside the Markdown file"):
            import_markdown(other, tmp_path / "out.md")
        result, _ = import_markdown(other, tmp_path / "out.md", attachments=False)
        assert result.added == 1 and other.attachments.list(1) == []


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "out_files/../../x.png", "C:/x.png",
                                  "out_files\\..\\x.png"])
def test_import_never_follows_a_path_out_of_the_exports_folder(filled, framework, tmp_path, path):
    write_export(filled, framework, tmp_path / "out.md")
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    [real] = [p for p in (tmp_path / "out_files").rglob("*.pdf")]
    hostile = text.replace(f'"file": "{real.relative_to(tmp_path).as_posix()}"', f'"file": "{path}"'.replace("\\", "\\\\"))
    assert hostile != text
    (tmp_path / "hostile.md").write_text(hostile, encoding="utf-8")
    with fresh(tmp_path, "other.db") as other:
        with pytest.raises(InputError, match="leads outside the export's folder"):
            import_markdown(other, tmp_path / "hostile.md")


def test_import_never_follows_a_link_out_of_the_exports_folder(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    [real] = [p for p in (tmp_path / "out_files").rglob("*.pdf")]
    outside = tmp_path.parent / f"{tmp_path.name}-outside.pdf"
    outside.write_bytes(samples.pdf())
    real.unlink()
    real.symlink_to(outside)
    with fresh(tmp_path, "other.db") as other:
        with pytest.raises(InputError, match="leads outside the export's folder"):
            import_markdown(other, tmp_path / "out.md")
    outside.unlink()


names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40) | st.sampled_from(
    ["../../x", "CON", "aux.txt", "a b [c] (d).png", "#1 ~ %20.txt", "x" * 200])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(names, st.binary(max_size=2000)), min_size=1, max_size=4))
def test_any_files_make_the_round_trip_exactly(framework, files):
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        with open_journal(base / "a.db", clock=FakeClock()) as journal:
            entry = journal.entries.add(day=date(2026, 11, 20), title="Evidence")
            journal.attachments.add(entry.id, [NewFile(name, data) for name, data in files])
            kept = [(a.name, a.sha256) for a in journal.attachments.list(entry.id)]
            write_export(journal, framework, base / "x" / "export.md")
        with open_journal(base / "b.db", clock=FakeClock()) as other:
            import_markdown(other, base / "x" / "export.md")
            back = other.attachments.list(1)
            assert [(a.name, a.sha256) for a in back] == kept
            wanted = {hashlib.sha256(data).hexdigest(): data for _, data in files}
            assert all(other.attachments.read(a) == wanted[a.sha256] for a in back)


def test_the_html_pack_shows_pictures_inline_and_links_other_files(filled, framework, tmp_path):
    filled.entries.update(1, day=date(2026, 11, 20))
    result = write_review_pack(filled, framework, tmp_path / "pack.html", html=True,
                               start=date(2026, 11, 1), end=date(2026, 11, 30))
    page = (tmp_path / "pack.html").read_text(encoding="utf-8")
    import base64

    assert f'src="data:image/png;base64,{base64.b64encode(samples.png(30, 20)).decode()}"' in page
    assert "img-src data:" in page
    assert 'href="pack_files/2026-11-20-' in page and "certificate.pdf" in page
    assert "secret.png" not in page and base64.b64encode(samples.png(rgb=(0, 0, 255))).decode() not in page
    # Every file goes beside the page too (the Markdown pack of the name shares the folder).
    assert sorted(p.name for p in (tmp_path / "pack_files").rglob("*") if p.is_file()) == [
        "card photo.png", "certificate.pdf"]
    assert result.attachments == 2


def test_the_markdown_and_html_packs_share_one_folder(filled, framework, tmp_path):
    period = dict(start=date(2026, 11, 1), end=date(2026, 11, 30))
    write_review_pack(filled, framework, tmp_path / "pack.html", html=True, **period)
    write_review_pack(filled, framework, tmp_path / "pack.md", **period)
    assert sorted(p.name for p in (tmp_path / "pack_files").rglob("*") if p.is_file()) == [
        "card photo.png", "certificate.pdf"]


def test_a_bundle_is_one_private_zip_that_imports_back(filled, framework, tmp_path):
    result = export_bundle(filled, framework, tmp_path / "for-alex.zip")
    assert result.path == tmp_path / "for-alex.zip" and result.attachments == 2
    assert stat.S_IMODE(os.stat(result.path).st_mode) == 0o600
    with zipfile.ZipFile(result.path) as archive:
        members = archive.namelist()
        assert members[:2] == ["for-alex.md", "for-alex.html"]
        assert sorted(Path(m).name for m in members[2:]) == ["card photo.png", "certificate.pdf"]
        assert all(m.startswith("for-alex_files/") for m in members[2:])
        archive.extractall(tmp_path / "unzipped")
    with fresh(tmp_path, "other.db") as other:
        imported, _ = import_markdown(other, tmp_path / "unzipped" / "for-alex.md")
        assert imported.attachments == 2


def test_a_review_pack_bundle_holds_both_packs_and_the_files(filled, framework, tmp_path):
    result = pack_bundle(filled, framework, tmp_path, start=date(2026, 11, 1), end=date(2026, 11, 30))
    with zipfile.ZipFile(result.path) as archive:
        names = archive.namelist()
        html = archive.read(next(n for n in names if n.endswith(".html"))).decode()
    assert result.path.name == "2026-11-01-to-2026-11-30-review-pack.zip"
    assert any(n.endswith(".md") for n in names) and "data:image/png;base64," in html
    assert not any("secret" in n for n in names)


def test_a_bundle_never_replaces_a_file_unasked(filled, framework, tmp_path):
    (tmp_path / "b.zip").write_bytes(b"mine")
    with pytest.raises(ReflectError, match="already exists"):
        export_bundle(filled, framework, tmp_path / "b.zip")
    assert (tmp_path / "b.zip").read_bytes() == b"mine"
    export_bundle(filled, framework, tmp_path / "b.zip", overwrite=True)
    assert zipfile.is_zipfile(tmp_path / "b.zip")


def test_only_public_entries_in_the_filter_bring_their_files(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md", EntryFilter(date_from=date(2026, 11, 21)))
    assert not (tmp_path / "out_files").exists()


def test_reflect_import_reads_a_bundle_whole(filled, framework, tmp_path):
    from tests.cli_runner import Reflect

    export_bundle(filled, framework, tmp_path / "b.zip")
    reflect = Reflect(tmp_path / "home")
    (tmp_path / "home").mkdir()
    out = reflect.ok("import", str(tmp_path / "b.zip"))
    assert f"Imported 1 entry and 2 attached files from {tmp_path / 'b.zip'}." in out
    assert [a["name"] for a in reflect.json("attachments", "1")] == ["card photo.png", "certificate.pdf"]
    assert "skipped 1 already in the journal" in reflect.ok("import", str(tmp_path / "b.zip"))
    assert not list(Path(tempfile.gettempdir()).glob("reflect-bundle-*/b.md"))


@pytest.mark.parametrize("member", ["../evil.md", "/abs/x.png", "a\\..\\x.png", "C:/x.png"])
def test_a_bundle_with_a_name_leading_out_imports_nothing(filled, framework, tmp_path, member):
    from reflect.importers.bundle import unpacked

    export_bundle(filled, framework, tmp_path / "b.zip")
    with zipfile.ZipFile(tmp_path / "b.zip", "a") as archive:
        archive.writestr(member, b"x")
    with pytest.raises(InputError, match="leads outside it"):
        with unpacked(tmp_path / "b.zip"):
            pass
    assert not (tmp_path.parent / "evil.md").exists()


def test_a_zip_with_two_markdown_files_is_not_a_bundle(tmp_path):
    from reflect.importers.bundle import unpacked

    with zipfile.ZipFile(tmp_path / "b.zip", "w") as archive:
        archive.writestr("one.md", "a")
        archive.writestr("two.md", "b")
    with pytest.raises(InputError, match="one Markdown file at its top"):
        with unpacked(tmp_path / "b.zip"):
            pass


def test_pictures_past_the_pages_budget_are_linked_and_written_beside(filled, framework, tmp_path, monkeypatch):
    from reflect.export import attachments

    second = filled.entries.add(day=date(2026, 11, 22), title="Rota photo")
    filled.attachments.add(second.id, [NewFile("rota.png", samples.png(60, 60))])
    # Room for the first picture only.
    monkeypatch.setattr(attachments, "INLINE_BUDGET", len(samples.png(30, 20)))
    write_review_pack(filled, framework, tmp_path / "pack.html", html=True,
                      start=date(2026, 11, 1), end=date(2026, 11, 30))
    page = (tmp_path / "pack.html").read_text(encoding="utf-8")
    assert page.count('<figure class="attachment">') == 1 and 'alt="card photo.png"' in page
    assert 'href="pack_files/' in page and "rota.png" in page  # linked, not shown
    [rota] = (tmp_path / "pack_files").rglob("rota.png")
    assert rota.read_bytes() == samples.png(60, 60)


def test_a_named_pipe_is_not_taken_for_a_bundle(tmp_path):
    from reflect.importers.bundle import is_bundle

    os.mkfifo(tmp_path / "pipe")
    assert is_bundle(tmp_path / "pipe") is False  # and it returns: nothing waits on the pipe


def test_entries_of_one_day_with_look_alike_ids_get_folders_of_their_own(journal, framework, tmp_path):
    for n in range(2):  # ids as a jrnl import makes them: the same first characters
        entry = journal.entries.add(day=date(2026, 11, 20), title=f"Shift {n}", uid=f"jrnl-aaaaaaaaaaaa{n}")
        journal.attachments.add(entry.id, [NewFile("rota.txt", f"rota {n}".encode())])
    write_export(journal, framework, tmp_path / "out.md")
    rotas = sorted((tmp_path / "out_files").rglob("rota.txt"))
    assert len(rotas) == 2 and {p.read_text() for p in rotas} == {"rota 0", "rota 1"}


@pytest.mark.parametrize("renamed", [False, True])
def test_a_mentors_comments_come_back_from_a_pack_with_files(filled, framework, tmp_path, renamed):
    from reflect.importers.feedback import import_feedback

    write_review_pack(filled, framework, tmp_path / "pack.md", start=date(2026, 11, 1), end=date(2026, 11, 30))
    text = (tmp_path / "pack.md").read_text(encoding="utf-8")
    assert "- **Attachments:**" in text
    hint = "*Mentor: write your comments for this entry under this line.*"
    sent_back = tmp_path / ("from-alex.md" if renamed else "pack.md")  # the links name pack_files either way
    sent_back.write_text(text.replace(hint, hint + "\n\nA lovely card: keep it for your portfolio.", 1),
                         encoding="utf-8")
    result = import_feedback(filled, sent_back, framework=framework, mentor="Alex")
    assert [c.text for c in result.added] == ["A lovely card: keep it for your portfolio."]
    assert result.unplaced == []


def test_exporting_again_with_force_leaves_no_file_the_new_export_lacks(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    own = tmp_path / "out_files" / "mine.txt"  # what else is in the folder goes too: it is the export's
    own.write_text("left over")
    filled.attachments.detach(1, "certificate.pdf")  # say it showed a customer's address
    write_export(filled, framework, tmp_path / "out.md", overwrite=True)
    left = sorted(p.name for p in (tmp_path / "out_files").rglob("*") if p.is_file())
    assert left == ["card photo.png"]
    assert not own.exists()


def test_without_force_a_different_file_in_the_folder_stops_the_export(filled, framework, tmp_path):
    write_export(filled, framework, tmp_path / "out.md")
    (tmp_path / "out.md").unlink()
    [pdf] = (tmp_path / "out_files").rglob("certificate.pdf")
    pdf.write_bytes(b"someone else's")
    with pytest.raises(ReflectError, match="already exists; use --force"):
        write_export(filled, framework, tmp_path / "out.md")
    assert pdf.read_bytes() == b"someone else's" and not (tmp_path / "out.md").exists()


def test_importing_into_a_journal_with_the_entry_adds_only_the_files_it_lacks(filled, framework, tmp_path):
    from tests.cli_runner import Reflect

    write_export(filled, framework, tmp_path / "out.md")
    home = tmp_path / "home"
    home.mkdir()
    reflect = Reflect(home)
    reflect.ok("import", "--no-attachments", str(tmp_path / "out.md"))
    assert reflect.json("attachments", "1") == []
    # The journal's copy already has the photo (same bytes, another name): only the PDF is missing.
    (tmp_path / "same photo.png").write_bytes(samples.png(30, 20))
    reflect.ok("attach", "1", str(tmp_path / "same photo.png"))
    [photo] = (tmp_path / "out_files").rglob("card photo.png")
    photo.unlink()  # so reading it would fail the import: a file the entry has is never read

    dry = reflect.ok("import", "--dry-run", str(tmp_path / "out.md"))
    assert "skipped 1 already in the journal; would add 1 attached file it lacked." in dry
    assert len(reflect.json("attachments", "1")) == 1
    out = reflect.ok("import", str(tmp_path / "out.md"))
    assert f"Imported 0 entries from {tmp_path / 'out.md'}; skipped 1 already in the journal; " \
           "added 1 attached file it lacked." in out
    listed = {a["name"]: a for a in reflect.json("attachments", "1")}  # the PDF keeps its first time
    assert sorted(listed) == ["certificate.pdf", "same photo.png"]
    assert listed["certificate.pdf"]["sha256"] == hashlib.sha256(samples.pdf()).hexdigest()
    assert "attached file" not in reflect.ok("import", str(tmp_path / "out.md"))  # nothing twice
    assert len(reflect.json("attachments", "1")) == 2

    # A file detached on purpose is not brought back by importing the export again.
    reflect.ok("detach", "1", "certificate.pdf")
    again = reflect.ok("import", str(tmp_path / "out.md"))
    assert "attached file" not in again and [a["name"] for a in reflect.json("attachments", "1")] == ["same photo.png"]


def test_a_second_journal_entry_gets_its_missing_files_from_a_bundle(filled, framework, tmp_path):
    export_bundle(filled, framework, tmp_path / "b.zip")
    write_export(filled, framework, tmp_path / "text" / "out.md")
    from tests.cli_runner import Reflect

    (tmp_path / "home").mkdir()
    with fresh(tmp_path / "home", "journal.db") as other:  # where Reflect(home) keeps its journal
        import_markdown(other, tmp_path / "text" / "out.md", attachments=False)
        assert other.attachments.list(1) == []
    out = Reflect(tmp_path / "home").ok("import", str(tmp_path / "b.zip"))
    assert "added 2 attached files it lacked" in out
    with fresh(tmp_path / "home", "journal.db") as other:
        got = {a.name: other.attachments.read(a) for a in other.attachments.list(1)}
    assert got == {"card photo.png": samples.png(30, 20), "certificate.pdf": samples.pdf()}
