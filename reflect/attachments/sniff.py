"""What kind of file an attachment is, read from its first bytes, never from its name.

A name says what someone hoped a file is; its bytes say what it is. ``photo.jpg`` that is
really a PDF is stored, shown and exported as a PDF, and only the image types a browser
shows safely (PNG, JPEG, GIF, WebP) are ever put inline in an HTML page.
"""

from __future__ import annotations

import io
from dataclasses import dataclass


@dataclass(frozen=True)
class MediaType:
    """A media type reflect recognises: its MIME name, words for people, usual extension."""

    mime: str
    label: str
    extension: str

    @property
    def is_image(self) -> bool:
        """Whether a browser may show it inline as a picture (sniffed, so it is one)."""
        return self.mime in INLINE_IMAGES


UNKNOWN = MediaType("application/octet-stream", "file", "")
TEXT = MediaType("text/plain", "text", ".txt")

_KNOWN = {t.mime: t for t in (
    MediaType("image/png", "PNG image", ".png"),
    MediaType("image/jpeg", "JPEG image", ".jpg"),
    MediaType("image/gif", "GIF image", ".gif"),
    MediaType("image/webp", "WebP image", ".webp"),
    MediaType("image/heic", "HEIC photo", ".heic"),
    MediaType("image/bmp", "BMP image", ".bmp"),
    MediaType("image/tiff", "TIFF image", ".tif"),
    MediaType("application/pdf", "PDF document", ".pdf"),
    MediaType("application/zip", "ZIP archive", ".zip"),
    MediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document", ".docx"),
    MediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet", ".xlsx"),
    MediaType("application/vnd.openxmlformats-officedocument.presentationml.presentation",
              "PowerPoint presentation", ".pptx"),
    MediaType("application/vnd.oasis.opendocument.text", "OpenDocument text", ".odt"),
    MediaType("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet", ".ods"),
    MediaType("audio/mpeg", "MP3 audio", ".mp3"),
    MediaType("audio/wav", "WAV audio", ".wav"),
    MediaType("video/mp4", "MP4 video", ".mp4"),
    MediaType("video/quicktime", "QuickTime video", ".mov"),
    TEXT,
    UNKNOWN,
)}

#: The pictures an HTML page may show inline (no SVG: it can carry script).
INLINE_IMAGES = frozenset({"image/png", "image/jpeg", "image/gif", "image/webp"})

# Inside a ZIP, the file that says which Office document it is.
_OFFICE_PARTS = (
    ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
)
_ODF = (b"mimetypeapplication/vnd.oasis.opendocument.text",
        b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet")


def media_type(mime: str) -> MediaType:
    """The :class:`MediaType` stored as ``mime`` (an unknown one is just "file")."""
    return _KNOWN.get(mime, UNKNOWN)


def sniff(data: bytes) -> MediaType:
    """The type of ``data`` from its magic bytes (or, for text, from being readable UTF-8)."""
    head = data[:64]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _KNOWN["image/png"]
    if head.startswith(b"\xff\xd8\xff"):
        return _KNOWN["image/jpeg"]
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _KNOWN["image/gif"]
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _KNOWN["image/webp"]
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return _KNOWN["audio/wav"]
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1", b"hevc"):
            return _KNOWN["image/heic"]
        return _KNOWN["video/quicktime" if brand == b"qt  " else "video/mp4"]
    if head.startswith(b"BM") and len(data) > 26:
        return _KNOWN["image/bmp"]
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return _KNOWN["image/tiff"]
    if head.startswith(b"%PDF-"):
        return _KNOWN["application/pdf"]
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return _KNOWN["audio/mpeg"]
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _KNOWN[_zip_kind(data)]
    if _is_text(data):
        return TEXT
    return UNKNOWN


def _zip_kind(data: bytes) -> str:
    for odf in _ODF:
        if data[30:30 + len(odf)] == odf:  # an OpenDocument's first, stored entry
            return odf[len(b"mimetype"):].decode()
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())  # the directory only: nothing is unpacked
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return "application/zip"
    for part, mime in _OFFICE_PARTS:
        if part in names:
            return mime
    return "application/zip"


def _is_text(data: bytes) -> bool:
    """Readable UTF-8 (a BOM allowed) with no NUL and no control characters but line ends and tabs."""
    sample = data[:65536]
    if b"\x00" in sample:
        return False
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:  # not just a character cut by the sample's end
            return False
        text = sample[:error.start].decode("utf-8")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls == 0
