"""Markdown and plain text files: the whole text, and the encoding it was read with."""

from __future__ import annotations

from pathlib import Path

from rnq.extract.limits import ExtractLimits
from rnq.extract.model import Extraction

__all__ = ["decode_text", "read_plain", "read_text_file"]


def decode_text(data: bytes) -> tuple[str, str]:
    """``(text, encoding)``: UTF-16 with a BOM, UTF-8 (BOM dropped), else Windows-1252.

    French exports from Excel are usually Windows-1252; its five unassigned bytes become U+FFFD.
    Line ends are normalised to ``\\n``.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, encoding


def read_text_file(path: Path) -> tuple[str, str]:
    """The decoded content of ``path`` and its encoding (see :func:`decode_text`)."""
    return decode_text(path.read_bytes())


def read_plain(path: Path, limits: ExtractLimits) -> Extraction:
    """A Markdown or text file, whole (front matter included), capped at the text limit."""
    text, encoding = read_text_file(path)
    truncated = len(text) > limits.max_text_chars
    return Extraction(
        status="ok",
        text=text[: limits.max_text_chars],
        truncated=truncated,
        encoding=encoding,
        file_type="text",
    )
