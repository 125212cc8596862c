"""Exporting from the app: the palette's Export writes the same files as the command line."""

from __future__ import annotations

import os
import stat

from reflect.importers.export_reader import ExportReader
from reflect.tui.dialogs.export import ExportDialog
from reflect.tui.dialogs.form import ConfirmDialog

from .conftest import settle


async def open_export(app, pilot, folder):
    await pilot.press("ctrl+p", *"export")
    await settle(pilot, 0.3)
    await pilot.press("enter")
    await settle(pilot)
    dialog = app.screen
    assert isinstance(dialog, ExportDialog)
    dialog.query_one("#folder").value = str(folder)
    return dialog


async def test_export_reflections_from_the_palette_leaves_private_out(make, sample, tmp_path):
    app = make()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        dialog = await open_export(app, pilot, tmp_path / "out")
        dialog.query_one("#kind").value = "reflections"
        await pilot.press("ctrl+s")
        await settle(pilot)
        [written] = list((tmp_path / "out").iterdir())
        messages = [n.message for n in app._notifications]
    assert any(str(written) in m and "1 private left out" in m for m in messages), messages
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
    with open(written, encoding="utf-8") as stream:
        titles = [item.data["title"] for item in ExportReader(stream, str(written))]
    assert sorted(titles) == ["Calmed an angry customer at the returns desk", "First day on the tills"]


async def test_export_review_pack_as_html(make, sample, tmp_path):
    app = make()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        dialog = await open_export(app, pilot, tmp_path)
        dialog.query_one("#kind").value = "pack-html"
        await pilot.press("ctrl+s")
        await settle(pilot)
    [written] = [p for p in tmp_path.iterdir() if p.suffix == ".html"]
    page = written.read_text()
    assert page.startswith("<!DOCTYPE html>") or page.lower().startswith("<!doctype html>")
    assert "Stock count with Priya" not in page  # private, not asked for


async def test_exporting_again_asks_before_replacing(make, sample, tmp_path):
    app = make()
    async with app.run_test(size=(100, 32), notifications=True) as pilot:
        for answer in ("n", "y"):
            dialog = await open_export(app, pilot, tmp_path)
            dialog.query_one("#kind").value = "reflections"
            await pilot.press("ctrl+s")
            await settle(pilot)
            if answer == "n" and not isinstance(app.screen, ConfirmDialog):
                continue  # the first export: nothing to replace yet
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press(answer)
            await settle(pilot)
        messages = [n.message for n in app._notifications]
    assert sum("Wrote the reflections" in m for m in messages) == 2, messages
