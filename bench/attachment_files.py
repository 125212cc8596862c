"""Attached files for a generated journal: photos, scanned certificates and documents.

Made from the seed, so the same journal comes back every time: about 70% pictures (a real PNG
header followed by incompressible bytes, 60 KB to 900 KB, as phone photos are), 15% PDFs
(150-600 KB), 10% Office documents (small ZIPs), and 5% the same photo attached to a second
reflection (stored once). Written through the attachment store in one transaction, as
`reflect attach` writes them. The sample entry (`show ID`, `attachments ID`) always has three.
"""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

PNG_HEAD = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"


def _docx(rng: random.Random) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document>" + "rota " * rng.randint(200, 2000) + "</w:document>")
    return out.getvalue()


def _file(rng: random.Random, number: int) -> tuple[str, bytes]:
    roll = rng.random()
    if roll < 0.75:
        return f"photo-{number:04d}.png", PNG_HEAD + rng.randbytes(rng.randint(60_000, 900_000))
    if roll < 0.90:
        return f"certificate-{number:04d}.pdf", b"%PDF-1.7\n" + rng.randbytes(rng.randint(150_000, 600_000))
    return f"rota-{number:04d}.docx", _docx(rng)


def add_attachments(db: Path, count: int, seed: int, entry_ids: list[int], sample_id: int) -> int:
    """Attach ``count`` generated files to entries of the journal at ``db``; return the bytes stored."""
    from reflect.attachments.store import NewFile
    from reflect.journal import open_journal

    rng = random.Random(seed + 17)
    owners = [sample_id] * 3 + rng.sample(entry_ids, count - 3)
    made: list[NewFile] = []
    with open_journal(db) as journal:
        with journal.write():
            for number, owner in enumerate(owners, start=1):
                if made and rng.random() < 0.05:  # the same photo on another reflection
                    again = rng.choice(made)
                    new = NewFile(again.name, again.data)
                else:
                    name, data = _file(rng, number)
                    new = NewFile(name, data)
                    made.append(new)
                journal.attachments.add(owner, [new], added_at="2026-11-20T18:00:00Z")
        stored = journal.attachments.stored_bytes()[1]
        journal.conn.execute("ANALYZE")
    return stored
