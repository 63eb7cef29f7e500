"""E-mails saved as ``.eml``: subject and plain-text body, and the ``Date`` header.

Read with the standard library (``email.policy.default`` decodes RFC 2047 headers). When a
message has no plain-text part, its HTML part is reduced to text.
"""

from __future__ import annotations

import datetime as dt
import email
import email.policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

from rnq.extract.limits import ExtractLimits
from rnq.extract.model import Extraction, TextSink

__all__ = ["read_eml"]


class _HTMLText(HTMLParser):
    """Visible text of an HTML body (scripts and styles dropped)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("br", "p", "div", "tr", "li", "h1", "h2", "h3"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # unknown charset, broken transfer encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return ""
    if part.get_content_subtype() == "html":
        parser = _HTMLText()
        parser.feed(content)
        parser.close()
        content = "".join(parser.parts)
    return content.replace("\r\n", "\n")


def _date(message: EmailMessage) -> dt.date | None:
    try:
        header = message["Date"]
        value = getattr(header, "datetime", None)
    except (ValueError, TypeError, IndexError):
        return None
    return value.date() if isinstance(value, dt.datetime) else None


def read_eml(path: Path, limits: ExtractLimits) -> Extraction:
    """Subject, a blank line, then the body of an ``.eml`` message."""
    with path.open("rb") as handle:
        message = email.message_from_binary_file(handle, policy=email.policy.default)
    sink = TextSink(limits.max_text_chars)
    subject = str(message.get("Subject", "") or "")
    sink.line(subject)
    sink.line("")
    sink.add(_body(message))
    return Extraction(
        status="ok",
        text=sink.value(),
        truncated=sink.full,
        doc_date=_date(message),
        file_type="eml",
    )
