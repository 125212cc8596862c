"""Attachments in the journal: stored once, named safely, typed by content, read when asked."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.attachments.names import MAX_NAME, human_size, safe_name
from reflect.attachments.sniff import sniff
from reflect.attachments.store import MAX_SIZE, NewFile
from reflect.errors import InputError, NotFoundError
from reflect.journal import open_journal
from reflect.store.migrations import CURRENT_VERSION
from tests.attachments import samples


@pytest.fixture
def entry(journal):
    return journal.entries.add(day=date(2026, 11, 20), title="Thank-you card", body="A customer wrote to us.")


def blobs(journal) -> int:
    return journal.conn.execute("SELECT count(*) FROM attachment_blobs").fetchone()[0]


def test_a_file_is_attached_with_its_sniffed_type_and_read_back_byte_for_byte(journal, entry, tmp_path):
    photo = tmp_path / "card.jpg"
    photo.write_bytes(samples.png())  # named .jpg, but it is a PNG
    [attachment] = journal.attachments.attach(entry.id, [photo]).added
    assert (attachment.name, attachment.media_type, attachment.size) == ("card.jpg", "image/png", len(samples.png()))
    assert attachment.sha256 == hashlib.sha256(samples.png()).hexdigest()
    assert attachment.added_at == "2026-11-24T10:30:00Z"
    assert journal.attachments.read(attachment) == samples.png()


@pytest.mark.parametrize(("data", "mime"), [
    (samples.png(), "image/png"),
    (samples.jpeg_head(), "image/jpeg"),
    (b"GIF89a" + b"\x00" * 20, "image/gif"),
    (b"RIFF\x10\x00\x00\x00WEBPVP8 " + b"\x00" * 20, "image/webp"),
    (samples.pdf(), "application/pdf"),
    (samples.office("word/document.xml"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    (samples.office("xl/workbook.xml"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    (samples.plain_zip(), "application/zip"),
    ("Rota for Saturday\r\nTill 3: Sam\n".encode(), "text/plain"),
    ("Caf\u00e9 notes \u2014 \u00a3".encode(), "text/plain"),
    (b"\x00\x01\x02\x03binary", "application/octet-stream"),
    (b"", "text/plain"),
], ids=lambda value: value if isinstance(value, str) else f"{len(value)}B")  # zips hold the time they were made
def test_types_come_from_the_bytes(data, mime):
    assert sniff(data).mime == mime


def test_a_script_named_as_a_picture_is_not_a_picture():
    kind = sniff(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    assert not kind.is_image and kind.mime == "text/plain"


def test_identical_files_are_stored_once(journal, entry, tmp_path):
    other = journal.entries.add(day=date(2026, 11, 21), title="Certificate")
    for name in ("a.png", "b.png"):
        (tmp_path / name).write_bytes(samples.png())
    journal.attachments.attach(entry.id, [tmp_path / "a.png"])
    journal.attachments.attach(other.id, [tmp_path / "b.png"])
    assert blobs(journal) == 1
    assert [a.name for a in journal.attachments.list(other.id)] == ["b.png"]


def test_the_same_file_twice_on_one_item_is_attached_once(journal, entry, tmp_path):
    (tmp_path / "a.png").write_bytes(samples.png())
    (tmp_path / "copy.png").write_bytes(samples.png())
    result = journal.attachments.attach(entry.id, [tmp_path / "a.png", tmp_path / "copy.png"])
    assert [a.name for a in result.added] == ["a.png"]
    assert [(source.endswith("copy.png"), a.name) for source, a in result.already] == [(True, "a.png")]


def test_a_name_used_on_the_item_gets_a_number(journal, entry):
    store = journal.attachments
    store.add(entry.id, [NewFile("photo.png", samples.png())])
    added = store.add(entry.id, [NewFile("PHOTO.png", samples.png(rgb=(1, 2, 3)))]).added
    assert [a.name for a in added] == ["PHOTO (2).png"]


def test_too_big_a_file_is_refused_in_one_line_and_nothing_is_attached(journal, entry, tmp_path):
    small, big = tmp_path / "small.txt", tmp_path / "video.mov"
    small.write_text("fine")
    with open(big, "wb") as handle:
        handle.truncate(31_200_000)
    with pytest.raises(InputError) as caught:
        journal.attachments.attach(entry.id, [small, big])
    message = str(caught.value)
    assert "video.mov is 31 MB; a file attached to the journal can be up to 25 MB" in message
    assert "\n" not in message
    assert journal.attachments.list(entry.id) == [] and blobs(journal) == 0


def test_a_file_just_over_the_limit_is_told_in_bytes(journal, entry):
    with pytest.raises(InputError, match="25,000,001 bytes; .* up to 25,000,000 bytes"):
        journal.attachments.add(entry.id, [NewFile("scan.bin", b"\x00" * (MAX_SIZE + 1))])


def test_a_file_exactly_at_the_limit_is_taken(journal, entry):
    [attachment] = journal.attachments.add(entry.id, [NewFile("scan.bin", b"\x00" * MAX_SIZE)]).added
    assert attachment.size == MAX_SIZE


def test_one_missing_file_attaches_none(journal, entry, tmp_path):
    (tmp_path / "here.txt").write_text("here")
    with pytest.raises(InputError, match="No such file"):
        journal.attachments.attach(entry.id, [tmp_path / "here.txt", tmp_path / "gone.txt"])
    assert journal.attachments.list(entry.id) == []


def test_folders_and_pipes_are_refused(journal, entry, tmp_path):
    import os

    with pytest.raises(InputError, match="is a folder"):
        journal.attachments.attach(entry.id, [tmp_path])
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        journal.attachments.attach(entry.id, [fifo])


def test_a_trashed_or_missing_item_takes_no_files(journal, entry):
    journal.entries.delete(entry.id)
    with pytest.raises(NotFoundError, match="in the trash"):
        journal.attachments.add(entry.id, [NewFile("a.txt", b"a")])
    with pytest.raises(NotFoundError, match="No entry 99"):
        journal.attachments.add(99, [NewFile("a.txt", b"a")])


@pytest.mark.parametrize(("raw", "expected"), [
    ("../../x", "x"),
    ("..\\..\\windows\\system32\\evil.dll", "evil.dll"),
    ("CON", "_CON"),
    ("aux.txt", "_aux.txt"),
    ("com1.jpg", "_com1.jpg"),
    ("..", "attachment.png"),
    ("...", "attachment.png"),
    ("", "attachment.png"),
    (".hidden", "hidden"),
    ("bell\x07and\x1bescape.txt", "bell and escape.txt"),
    ("evil\u202etxt.exe", "eviltxt.exe"),
    ('what?"is*this<>|.txt', "what__is_this___.txt"),
    ("caf\udce9.jpg", "caf_.jpg"),  # a byte that was not UTF-8, as Python passes it on
    ("trailing. . ", "trailing"),
])
def test_hostile_names_are_made_safe(raw, expected):
    assert safe_name(raw, ".png") == expected


def test_a_very_long_name_keeps_its_extension():
    name = safe_name("x" * 600 + ".pdf")
    assert len(name) == MAX_NAME and name.endswith(".pdf")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_no_name_can_leave_its_folder_or_hide(raw):
    name = safe_name(raw, ".bin")
    assert name and len(name) <= MAX_NAME
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".") and not name.endswith((" ", "."))
    assert name.encode("utf-8")  # never a lone surrogate


def test_a_non_utf8_path_is_attached_under_a_readable_name(journal, entry, tmp_path):
    import os

    path = os.path.join(os.fsencode(tmp_path), b"caf\xe9 receipt.pdf")
    with open(path, "wb") as handle:
        handle.write(samples.pdf())
    [attachment] = journal.attachments.attach(entry.id, [os.fsdecode(path)]).added
    assert attachment.name == "caf_ receipt.pdf" and attachment.media_type == "application/pdf"


def test_listing_never_reads_the_bytes(journal, entry):
    journal.attachments.add(entry.id, [NewFile("a.png", samples.png())])
    statements: list[str] = []
    journal.conn.set_trace_callback(statements.append)
    try:
        listed = journal.attachments.list(entry.id)
        journal.attachments.counts([entry.id])
        journal.entries.list()
        journal.entries.get(entry.id)
    finally:
        journal.conn.set_trace_callback(None)
    assert listed and statements
    assert not [s for s in statements if "data" in s.lower().replace("data_version", "")], statements


def test_detach_goes_to_the_trash_and_undo_brings_it_back(journal, entry):
    store = journal.attachments
    [attachment] = store.add(entry.id, [NewFile("rota.xlsx", samples.office("xl/workbook.xml"))]).added
    store.detach(entry.id, "rota.xlsx")
    assert store.list(entry.id) == [] and blobs(journal) == 1
    back = store.undo_detach(store.last_detached(entry.id, "rota.xlsx").id)
    assert back.detached_at is None and store.list(entry.id) == [back]


def test_emptying_the_trash_removes_detached_files_and_their_bytes(journal, entry):
    store = journal.attachments
    store.add(entry.id, [NewFile("a.txt", b"one"), NewFile("b.txt", b"two")])
    store.detach(entry.id, "a.txt")
    assert store.empty_trash() == 1
    assert [a.name for a in store.list(entry.id)] == ["b.txt"] and blobs(journal) == 1


def test_a_trashed_item_keeps_its_files_and_restoring_it_brings_them_back(journal, entry):
    journal.attachments.add(entry.id, [NewFile("card.png", samples.png())])
    journal.entries.delete(entry.id)
    journal.entries.restore(entry.id)
    assert [a.name for a in journal.attachments.list(entry.id)] == ["card.png"]


def test_purging_an_item_removes_its_links_and_only_orphaned_bytes(journal, entry):
    keep = journal.entries.add(day=date(2026, 11, 22), title="Kept")
    journal.attachments.add(entry.id, [NewFile("shared.png", samples.png()), NewFile("own.txt", b"own")])
    journal.attachments.add(keep.id, [NewFile("shared.png", samples.png())])
    journal.entries.delete(entry.id)
    journal.entries.empty_trash()
    assert blobs(journal) == 1
    assert journal.conn.execute("SELECT count(*) FROM attachments").fetchone()[0] == 1
    assert journal.attachments.read(journal.attachments.get(keep.id, "shared.png")) == samples.png()


def test_the_files_live_inside_the_journal_file(journal_path, clock, tmp_path):
    with open_journal(journal_path, clock=clock) as journal:
        assert journal.schema_version == CURRENT_VERSION
        entry = journal.entries.add(day=date(2026, 11, 20), title="Card")
        journal.attachments.add(entry.id, [NewFile("card.png", samples.png())])
    assert {p.name for p in tmp_path.iterdir()} <= {"journal.db", "journal.db-wal", "journal.db-shm"}
    with open_journal(journal_path, clock=clock) as journal:
        [attachment] = journal.attachments.list(1)
        assert journal.attachments.read(attachment) == samples.png()


def test_a_journal_from_before_attachments_is_upgraded_keeping_its_entries(journal_path, clock):
    import sqlite3

    import sqlite_utils

    from reflect.store.migrations import MIGRATIONS

    step = MIGRATIONS.index(next(m for m in MIGRATIONS if m.__name__.endswith("_attachments")))
    conn = sqlite3.connect(journal_path)
    db = sqlite_utils.Database(conn)
    for n, migrate in enumerate(MIGRATIONS[:step]):  # the journal as the reflect before attachments left it
        migrate(db)
        conn.execute(f"PRAGMA user_version = {n + 1}")
    conn.execute("INSERT INTO entries (uid, day, title, created_at, updated_at) VALUES"
                 " ('u1', '2026-11-20', 'Old entry', 'x', 'x')")
    conn.commit()
    conn.close()
    with open_journal(journal_path, clock=clock) as journal:
        assert journal.schema_version == CURRENT_VERSION
        assert journal.entries.get(1).title == "Old entry"
        assert journal.attachments.add(1, [NewFile("x.txt", b"x")]).added


@pytest.mark.parametrize(("size", "text"), [(0, "0 bytes"), (1, "1 byte"), (999, "999 bytes"),
                                            (14_200, "14 kB"), (2_345_678, "2.3 MB"), (25_000_000, "25 MB")])
def test_sizes_read_as_people_say_them(size, text):
    assert human_size(size) == text


def test_the_doctor_checks_every_stored_file_against_its_checksum(journal, entry, journal_path):
    from reflect.store.doctor import examine

    journal.attachments.add(entry.id, [NewFile("card.png", samples.png()), NewFile("rota.txt", b"Saturday")])
    [finding] = [f for f in examine(journal_path) if f.check == "attachments"]
    assert finding.level == "ok" and finding.message.startswith("2 attached file(s)")
    with journal.write():  # a flipped byte, as a failing disk might leave it
        journal.conn.execute("UPDATE attachment_blobs SET data = ? WHERE size = 8", [b"Saturdax"])
    [finding] = [f for f in examine(journal_path) if f.check == "attachments"]
    assert finding.level == "problem" and "rota.txt (entry 1)" in finding.message


@settings(max_examples=300)
@given(st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"RIFF", b"\x89PNG\r\n\x1a\n", b"%PDF-", b"\xff\xd8\xff",
                        b"\x00\x00\x00\x18ftyp"]), st.binary(max_size=400))
def test_any_bytes_get_a_type_and_nothing_breaks(head, rest):
    kind = sniff(head + rest)
    assert kind.mime and kind.label


def test_two_files_of_one_name_open_as_two_copies(journal, entry, tmp_path):
    from reflect.attachments.copies import copy_to_view

    other = journal.entries.add(day=date(2026, 11, 21), title="Another card")
    [first] = journal.attachments.add(entry.id, [NewFile("card.png", samples.png(rgb=(1, 1, 1)))]).added
    [second] = journal.attachments.add(other.id, [NewFile("card.png", samples.png(rgb=(2, 2, 2)))]).added
    paths = [copy_to_view(journal.attachments, a, tmp_path) for a in (first, second)]
    assert paths[0] != paths[1]
    assert [p.read_bytes() for p in paths] == [samples.png(rgb=(1, 1, 1)), samples.png(rgb=(2, 2, 2))]


def test_old_folders_of_opened_copies_are_swept_and_nothing_else(tmp_path, monkeypatch):
    import os
    import time

    from reflect import system
    from reflect.attachments import copies

    monkeypatch.setattr(system, "temp_root", lambda: tmp_path)
    old, new, other = (tmp_path / "reflect-open-old", tmp_path / "reflect-open-new", tmp_path / "someone-else")
    for folder in (old, new, other):
        folder.mkdir()
        (folder / "card.png").write_bytes(b"x")
    long_ago = time.time() - copies.STALE_SECONDS - 60
    for folder in (old, other):
        os.utime(folder, (long_ago, long_ago))
    assert copies.sweep_view_folders() == [old]
    assert not old.exists() and new.exists() and other.exists()
