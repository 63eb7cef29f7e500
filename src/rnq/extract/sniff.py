"""The real type of a file, from its first bytes first and its extension second.

* ``%PDF-`` in the first KiB → ``pdf`` (PDFium tolerates junk before the header);
* ``PK\\x03\\x04`` → a zip: an ODF ``mimetype`` member gives ``odt``/``ods``; an OOXML
  ``[Content_Types].xml`` with ``word/`` or ``xl/`` parts gives ``docx``/``xlsx``;
* ``\\xD0\\xCF\\x11\\xE0`` (OLE2) → ``xls`` when named so; ``protected`` when named as an OOXML
  file (Office stores a password-protected DOCX/XLSX that way); else ``unknown`` (``.doc``…);
* otherwise the extension decides between ``csv``, ``text`` (Markdown, plain text) and ``eml``,
  provided the start of the file does not look binary.

A file whose extension promises a format its content does not have is reported as
``mismatch`` (for example a text file named ``.docx``).
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Literal

__all__ = ["NATIVE_KINDS", "Kind", "sniff"]

Kind = Literal[
    "pdf",
    "docx",
    "xlsx",
    "odt",
    "ods",
    "xls",
    "csv",
    "text",
    "eml",
    "unknown",
    "mismatch",
    "protected",
]

#: Formats read by native code (PDFium, calamine) that may crash a process on hostile input.
NATIVE_KINDS: frozenset[str] = frozenset({"pdf", "xlsx", "ods", "xls"})

_TEXT_EXTENSIONS: dict[str, Kind] = {
    ".csv": "csv",
    ".tsv": "csv",
    ".md": "text",
    ".markdown": "text",
    ".txt": "text",
    ".text": "text",
    ".eml": "eml",
}
_BINARY_EXTENSIONS = frozenset({".pdf", ".docx", ".xlsx", ".odt", ".ods", ".xls", ".docm", ".xlsm"})
_ODF_MIMETYPES: dict[bytes, Kind] = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
_ZIP_EXTENSIONS: dict[str, Kind] = {".docx": "docx", ".xlsx": "xlsx", ".odt": "odt", ".ods": "ods"}
_OOXML_EXTENSIONS = frozenset({".docx", ".xlsx", ".pptx", ".docm", ".xlsm"})
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size <= 200:
                    return _ODF_MIMETYPES.get(zf.read(info).strip(), "unknown")
            if "[Content_Types].xml" in names:
                if any(n.startswith("word/") for n in names):
                    return "docx"
                if any(n.startswith("xl/") for n in names):
                    return "xlsx"
    except (zipfile.BadZipFile, OSError, RuntimeError, ValueError, NotImplementedError):
        # A damaged archive: let the reader of its extension report the damage.
        return _ZIP_EXTENSIONS.get(path.suffix.lower(), "unknown")
    return "unknown"


def sniff(path: Path, head: bytes) -> Kind:
    """The kind of ``path``, given its first bytes ``head`` (1 KiB is plenty)."""
    suffix = path.suffix.lower()
    if head.startswith(b"%PDF-") or (suffix == ".pdf" and b"%PDF-" in head):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix in _OOXML_EXTENSIONS:  # Office wraps a password-protected OOXML file in OLE
            return "protected"
        return "xls" if suffix == ".xls" else "unknown"
    kind = _TEXT_EXTENSIONS.get(suffix)
    if kind is not None:
        looks_binary = b"\x00" in head and not head.startswith(_UTF16_BOMS)
        return "mismatch" if looks_binary else kind
    if suffix in _BINARY_EXTENSIONS:
        return "mismatch"
    return "unknown"
