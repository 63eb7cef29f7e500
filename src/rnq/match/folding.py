"""Folding: the form of a text every matcher reads — lower case, no accents, plain apostrophes
and spaces, whitespace collapsed — and the body of one document (its text without front matter,
its rows, its note), which keeps its lines: a label, a heading, a row is a line."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = ["document_body", "fold"]


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics → their base letters; anything else non-ASCII goes
    through NFKD in :func:`fold` (once per character, then remembered)."""
    table: dict[int, str] = {0x2019: "'", 0x00A0: " ", 0x202F: " ", 0x0153: "oe", 0x00E6: "ae"}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if code in table:
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base and base != char and base.isascii():
            table[code] = base.lower()
    return table


_FOLD = _fold_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def fold(text: str, *, lines: bool = False) -> str:
    """Lower-case, accents removed, typographic apostrophes and spaces made plain, whitespace
    collapsed: « Modalités d’accès » and "modalites d'acces" fold to the same text.

    ``lines``: keep the line breaks (one ``\n`` between lines that hold text), collapsing the
    whitespace within each line."""
    folded = _fold_chars(text)
    if lines:
        return "\n".join(" ".join(line.split()) for line in folded.splitlines() if line.strip())
    collapsed = " ".join(folded.split())  # what re.sub(r"\s+", " ", folded) gives, faster
    if not collapsed:
        return " " if folded else ""
    if folded[0].isspace():
        collapsed = " " + collapsed
    if folded[-1].isspace():
        collapsed += " "
    return collapsed


def _fold_chars(text: str) -> str:
    folded = text.lower()
    if not folded.isascii():  # replace each distinct character (a few): faster than translate
        for char in set(_NON_ASCII.findall(folded)):
            code = ord(char)
            if code not in _FOLD:  # rarer characters: fold each once, then remember it
                _FOLD[code] = _fold_char(char)
            folded = folded.replace(char, _FOLD[code])
    return folded


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


#: A line break followed by a line that starts in lower case: a candidate soft wrap.
_BREAK = re.compile(r"\n[ \t]*(?=[a-zàâäçéèêëîïôöùûüÿœæ(«])")
#: What ends a sentence, a label or a table row: a break after it is a real line break.
_ENDS = frozenset(".;:!?»)|]\n")


def _unwrap(text: str) -> str:
    """``text`` with the lines broken inside a sentence (a PDF's or an e-mail's wrapping: the
    line does not end a sentence, a label or a table row, and the next starts in lower case)
    joined again, so that a clause read by the checks is not cut by where a PDF wrapped it."""
    if "\n" not in text:
        return text

    def join(found: re.Match[str]) -> str:
        end = found.start() - 1
        while end >= 0 and text[end] in " \t\r":
            end -= 1
        return found.group(0) if end < 0 or text[end] in _ENDS else " "

    return _BREAK.sub(join, text)


def document_body(
    text: str | None, rows: Iterable[Sequence[str]] | None, note: str | None = None
) -> str:
    """The folded text content checks read of one document: its text without Markdown front
    matter (whose keys, such as ``kind: suivi``, say nothing of the content), its rows (cells
    joined by `` ; ``, one row a line) and its note, line by line."""
    parts: list[str] = []
    if text:
        parts.append(_unwrap(_FRONT_MATTER.sub("", text, count=1)))
    if rows:
        parts.extend(" ; ".join(row) for row in rows)
    if note:
        parts.append(note)
    return fold("\n".join(parts), lines=True)
