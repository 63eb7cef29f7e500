"""Folding: the form of a text every matcher reads — lower case, no accents, plain apostrophes
and spaces, whitespace collapsed — and the body of one document (its text without front matter,
its rows, its note), which keeps its lines: a label, a heading, a row is a line."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from rnq.match.written import rows_end

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
        # a line holding only whitespace splits into no word: joined, it is empty and left out
        return "\n".join(filter(None, map(" ".join, map(str.split, folded.splitlines()))))
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
    if folded.isascii():
        return folded
    # Replace each distinct character (a few): faster than translate, and than a regular
    # expression finding them all (hundreds of « é »). The next is found in ``probe``, the text
    # so far with the characters that stay (« € ») standing as ASCII, from where the previous
    # one was (the text before it holds no other), and replaced everywhere at once.
    probe = folded
    index = _first_non_ascii(probe, 0)
    while index >= 0:
        char = probe[index]
        replacement = _folded(char)
        if replacement != char:
            folded = folded.replace(char, replacement)
        if probe is not folded or not replacement.isascii():
            others = [c for c in replacement if not c.isascii()]
            if any(_folded(c) != c for c in others):  # never seen: folded as before, to be sure
                return _fold_each(text.lower())
            stand_in = "".join("_" if not c.isascii() else c for c in replacement)
            probe = probe.replace(char, stand_in)  # as long as the replacement
        else:
            probe = folded
        index = _first_non_ascii(probe, index)
    return folded


#: Below this many characters, :func:`_first_non_ascii` searches rather than halves.
_SPAN = 64


def _first_non_ascii(text: str, start: int) -> int:
    """Where the first non-ASCII character of ``text`` from ``start`` on is (-1: none), found
    by halving the span that holds it: a slice knows at once whether it is all ASCII."""
    end = len(text)
    if text[start:].isascii():
        return -1
    while end - start > _SPAN:
        middle = (start + end) // 2
        if text[start:middle].isascii():
            start = middle
        else:
            end = middle
    found = _NON_ASCII.search(text, start, end)
    return found.start() if found is not None else -1


def _fold_each(folded: str) -> str:
    """:func:`_fold_chars` the plain way: each distinct non-ASCII character replaced once."""
    for char in set(_NON_ASCII.findall(folded)):
        folded = folded.replace(char, _folded(char))
    return folded


def _folded(char: str) -> str:
    """What one non-ASCII character folds to."""
    code = ord(char)
    if code not in _FOLD:  # rarer characters: fold each once, then remember it
        _FOLD[code] = _fold_char(char)
    return _FOLD[code]


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
    joined by `` ; ``, one row a line) and its note, line by line.

    Where the text is the rows written out again (a CSV file's text, a workbook's first sheet:
    :func:`rows_end`), that part is read once, as rows: a cell ends a clause, as it does for an
    auditor reading the table (« non achevé » in a status column does not deny the comment in
    the next one), and an export is not searched twice."""
    parts: list[str] = []
    if text and rows:
        rows = rows if isinstance(rows, (tuple, list)) else tuple(rows)
        text = text[rows_end(text, rows) :]  # the rows written out again: read once, as rows
    if text:
        parts.append(_unwrap(_FRONT_MATTER.sub("", text, count=1)))
    if rows:
        parts.extend(" ; ".join(row) for row in rows)
    if note:
        parts.append(note)
    return fold("\n".join(parts), lines=True)
