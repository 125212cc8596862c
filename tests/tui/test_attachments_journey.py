"""Attached files in the app: attach a photo to a reflection by its path (with completion), see
it listed, open it, detach it and bring it back, and send it to the mentor in a bundle."""

from __future__ import annotations

import os
import stat
import zipfile

from reflect.tui.dialogs.attach import AttachDialog, complete_path
from reflect.tui.dialogs.export import ExportDialog
from reflect.tui.dialogs.form import ConfirmDialog
from reflect.tui.screens.entry_detail import EntryDetailScreen
from tests.attachments import samples

from .conftest import from_palette, settle, wait_until

PHOTO = samples.png(48, 32, (220, 120, 20))


async def open_first_entry(app, pilot):
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, EntryDetailScreen), "the reflection's page")
    return app.screen


async def attach(app, pilot, typed: str):
    await pilot.press("a")
    await wait_until(pilot, lambda: isinstance(app.screen, AttachDialog), "the attach dialog")
    box = app.screen.query_one("#path")
    await pilot.press(*typed)
    await wait_until(pilot, lambda: box._suggestion not in ("", typed), "a completed name")
    await pilot.press("right", "enter")  # take the suggestion, attach
    await wait_until(pilot, lambda: isinstance(app.screen, EntryDetailScreen), "back on the reflection")


async def test_attach_a_photo_and_send_the_bundle(make, sample, journal, tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "thank-you-card.png").write_bytes(PHOTO)
    angry = sample[0]
    app = make()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        screen = await open_first_entry(app, pilot)
        assert screen.entry_id == angry.id
        await attach(app, pilot, f"{tmp_path}/photos/thank")
        await wait_until(pilot, lambda: journal.attachments.list(angry.id), "the photo attached")
        [attachment] = journal.attachments.list(angry.id)
        assert (attachment.name, attachment.media_type) == ("thank-you-card.png", "image/png")
        listed = str(screen.query_one("#attachments").get_option_at_index(0).prompt)
        assert "thank-you-card.png" in listed and "PNG image" in listed

        await from_palette(pilot, "export", "Export")
        await wait_until(pilot, lambda: isinstance(app.screen, ExportDialog), "the export dialog")
        app.screen.query_one("#kind").value = "pack-bundle"
        app.screen.query_one("#folder").value = str(tmp_path / "for-mentor")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: (tmp_path / "for-mentor").exists() and any(
            p.suffix == ".zip" for p in (tmp_path / "for-mentor").iterdir()), "the bundle written")
        messages = [n.message for n in app._notifications]
    [bundle] = (tmp_path / "for-mentor").iterdir()
    assert stat.S_IMODE(os.stat(bundle).st_mode) == 0o600
    assert any("1 attached file" in m for m in messages), messages
    with zipfile.ZipFile(bundle) as archive:
        photos = [n for n in archive.namelist() if n.endswith("thank-you-card.png")]
        assert len(photos) == 1 and archive.read(photos[0]) == PHOTO
        html = archive.read(next(n for n in archive.namelist() if n.endswith(".html"))).decode()
    assert 'alt="thank-you-card.png"' in html


async def test_detach_then_undo(make, sample, journal, tmp_path):
    from reflect.attachments.store import NewFile

    journal.attachments.add(sample[0].id, [NewFile("rota.txt", b"Saturday: tills")])
    app = make()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        await open_first_entry(app, pilot)
        await pilot.press("x")
        await wait_until(pilot, lambda: not journal.attachments.list(sample[0].id), "the file detached")
        assert "No files attached" in str(app.screen.query_one("#attachments").get_option_at_index(0).prompt)
        await pilot.press("u")
        await wait_until(pilot, lambda: journal.attachments.list(sample[0].id), "the file back")
        assert "rota.txt" in str(app.screen.query_one("#attachments").get_option_at_index(0).prompt)


async def test_open_writes_a_private_copy_removed_when_the_app_closes(make, sample, journal, monkeypatch):
    from reflect import system
    from reflect.attachments.store import NewFile

    journal.attachments.add(sample[0].id, [NewFile("card.png", PHOTO)])
    opened = []
    monkeypatch.setattr(system, "open_with_viewer", opened.append)
    app = make()
    async with app.run_test(size=(110, 40)) as pilot:
        await open_first_entry(app, pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: opened, "the viewer started")
        [path] = opened
        assert path.read_bytes() == PHOTO
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
        assert stat.S_IMODE(os.stat(path.parent).st_mode) == 0o700
        assert app.attached_files.view_folder is not None and path.is_relative_to(app.attached_files.view_folder)
        folder = app.attached_files.view_folder
    assert not folder.exists()


async def test_an_encrypted_journal_asks_before_writing_a_plain_copy(make, sample, journal, monkeypatch):
    from reflect import system
    from reflect.attachments.store import NewFile
    from reflect.journal import Journal

    journal.attachments.add(sample[0].id, [NewFile("card.png", PHOTO)])
    monkeypatch.setattr(Journal, "encrypted", property(lambda self: True))
    opened = []
    monkeypatch.setattr(system, "open_with_viewer", opened.append)
    app = make()
    async with app.run_test(size=(110, 40)) as pilot:
        await open_first_entry(app, pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question")
        assert "plain copy" in str(app.screen.query_one(".dialog").query("Label")[1].render())
        await pilot.press("n")
        await settle(pilot)
        assert opened == [] and app.attached_files.view_folder is None
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), "the question again")
        await pilot.press("y")
        await wait_until(pilot, lambda: opened, "the viewer started")


def test_path_completion_goes_into_folders_and_skips_hidden_files(tmp_path):
    (tmp_path / "Pictures").mkdir()
    (tmp_path / "Pictures" / "card.jpg").write_bytes(b"x")
    (tmp_path / ".secret").write_text("x")
    assert complete_path(f"{tmp_path}/Pic") == f"{tmp_path}/Pictures/"
    assert complete_path(f"{tmp_path}/Pictures/c") == f"{tmp_path}/Pictures/card.jpg"
    assert complete_path(f"{tmp_path}/.s") == f"{tmp_path}/.secret"
    assert complete_path(f"{tmp_path}/") == f"{tmp_path}/Pictures/"
    assert complete_path(f"{tmp_path}/nothing") is None


async def test_the_preview_and_the_editor_say_what_is_attached(make, sample, journal):
    from textual.widgets import Label, Markdown

    from reflect.attachments.store import NewFile
    from reflect.tui.screens.editor import EditorScreen

    journal.attachments.add(sample[0].id, [NewFile("card.png", PHOTO), NewFile("rota.txt", b"tills")])
    app = make()
    async with app.run_test(size=(110, 40)) as pilot:
        preview = app.screen.query_one("#preview-text", Markdown)
        await wait_until(pilot, lambda: "card.png" in (preview.source or ""), "the preview naming the files")
        assert "rota.txt (5 bytes, text)" in preview.source
        rows = app.screen.query_one("#entries")
        assert "2 files" in str(rows.get_option(str(sample[0].id)).prompt)
        assert "file" not in str(rows.get_option(str(sample[2].id)).prompt)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, EditorScreen), "the editor")
        tags = app.screen.query_one("#tags", Label)
        assert "2 attached files" in str(tags.render())


async def test_the_review_pack_dialog_writes_a_bundle(make, sample, journal, tmp_path):
    from reflect.attachments.store import NewFile
    from reflect.tui.dialogs.review_pack import ReviewPackDialog

    journal.attachments.add(sample[0].id, [NewFile("card.png", PHOTO)])
    app = make()
    async with app.run_test(size=(110, 40), notifications=True) as pilot:
        app.action_review_pack()
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewPackDialog), "the review pack dialog")
        app.screen.query_one("#pack-folder").value = str(tmp_path)
        app.screen.query_one("#pack-format").value = "bundle"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: list(tmp_path.glob("*.zip")), "the bundle")
    [bundle] = tmp_path.glob("*.zip")
    with zipfile.ZipFile(bundle) as archive:
        assert [n for n in archive.namelist() if n.endswith("card.png")]


async def test_in_a_browser_tab_opening_offers_a_download(make, sample, journal, monkeypatch):
    from reflect import system
    from reflect.attachments.store import NewFile
    from reflect.tui.app import ReflectApp

    journal.attachments.add(sample[0].id, [NewFile("card.png", PHOTO)])
    monkeypatch.setattr(ReflectApp, "is_web", property(lambda self: True))
    delivered, opened = [], []
    monkeypatch.setattr(ReflectApp, "deliver_binary", lambda self, path, *a, **k: delivered.append(path))
    monkeypatch.setattr(system, "open_with_viewer", opened.append)
    app = make()
    async with app.run_test(size=(110, 40)) as pilot:
        await open_first_entry(app, pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: delivered, "the download offered")
        assert delivered[0].read_bytes() == PHOTO  # the private copy, still there while the app runs
    assert opened == []  # the viewer would open on the server's screen, not the person's
