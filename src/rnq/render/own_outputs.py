"""rnq's own outputs are never evidence (issue #19).

A report written inside the workspace (``--html rapport.html``, ``--csv siege/export``…) would
otherwise come back at the next run as unmapped evidence, or worse: the action plan's CSV inside
``C7-…/`` read as a satisfaction survey. Each output carries a mark rnq recognises from the first
bytes of the file, whatever its name: the HTML report's ``<meta name="generator" content="rnq">``,
the JSON documents' ``"schema": "rnq.…"``, the JUnit root ``<testsuites name="rnq …">``, the
Markdown report's title line, the workbook's author (:data:`rnq.render.tables.GENERATOR`), and
for ``--csv`` the file names it writes with their header row. Only files with those suffixes are
opened, and only their first bytes; a workbook (a ZIP archive to open) only when it maps to no
indicator, where reports land. The spine drops them right after collection
(:func:`without_own_outputs`), before anything counts them.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from rnq.collect.collectors import CollectResult
from rnq.collect.evidence import Evidence

if TYPE_CHECKING:
    from rnq.collect.filesystem import FileMemo

__all__ = ["OUTPUT_SUFFIXES", "is_rnq_output", "without_own_outputs"]

#: Suffixes of the files rnq writes; no other file is opened.
OUTPUT_SUFFIXES = frozenset({".html", ".htm", ".json", ".xml", ".md", ".csv", ".xlsx"})
_HEAD = 2048
_BOM = b"\xef\xbb\xbf"
_JSON = re.compile(rb'\A\s*\{\s*"schema"\s*:\s*"rnq\.')
_HTML = b'<meta name="generator" content="rnq">'
_JUNIT = re.compile(rb'<testsuites name="rnq[ "]')
_CREATOR = re.compile(rb"<dc:creator>rnq</dc:creator>")


@cache
def _csv_headers() -> dict[str, frozenset[tuple[str, ...]]]:
    """For each file name ``--csv`` writes, its header row in every language."""
    from rnq.render.labels import label
    from rnq.render.tables import COLUMNS, CSV_FILES

    return {
        CSV_FILES[key]: frozenset(
            tuple(label("column", column, lang) for column in columns) for lang in ("fr", "en")
        )
        for key, columns in COLUMNS.items()
    }


@cache
def _markdown_titles() -> tuple[bytes, ...]:
    from rnq.render.markdown import TITLES

    return tuple(f"# {title}".encode() for title in TITLES.values())


def _head(absolute: str) -> bytes:
    try:
        with open(absolute, "rb") as handle:
            return handle.read(_HEAD)
    except OSError:
        return b""


def _workbook_by_rnq(absolute: str) -> bool:
    try:
        with zipfile.ZipFile(absolute) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > 64 * 1024:
                return False
            return _CREATOR.search(archive.read(info)) is not None
    except (OSError, KeyError, zipfile.BadZipFile, ValueError, RuntimeError, EOFError):
        return False


def is_rnq_output(path: str, absolute: str, *, head: bytes | None = None) -> bool:
    """Whether the file at ``absolute`` (``path`` relative to the workspace) was written by rnq.

    ``head``: its first bytes when the caller has read them already (a Markdown file's front
    matter). A workbook is opened as a ZIP archive: the caller decides whether it is worth it.
    """
    name = path.rpartition("/")[2]
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    if suffix not in OUTPUT_SUFFIXES:
        return False
    if suffix == ".xlsx":
        return _workbook_by_rnq(absolute)
    if suffix == ".csv":
        headers = _csv_headers().get(name)
        if headers is None:
            return False
        head = _head(absolute) if head is None else head
        if not head.startswith(_BOM):
            return False
        first = head[len(_BOM) :].split(b"\r\n", 1)[0].decode("utf-8", "replace")
        row = next(csv.reader(io.StringIO(first), delimiter=";"), [])
        return tuple(row) in headers
    head = _head(absolute) if head is None else head
    if suffix == ".json":
        return _JSON.match(head) is not None
    if suffix in (".html", ".htm"):
        return _HTML in head
    if suffix == ".xml":
        return _JUNIT.search(head) is not None
    return head.removeprefix(_BOM).startswith(_markdown_titles())


def without_own_outputs(
    result: CollectResult, root: Path, memo: FileMemo | None = None
) -> CollectResult:
    """``result`` without the files rnq wrote (reports, exports) among the filesystem's
    evidence and unmapped files. ``memo``: what earlier runs found of the files that did not
    change since (their first bytes are not read again)."""

    def own(record: Evidence, *, workbooks: bool) -> bool:
        if record.collector != "filesystem":
            return False
        suffix = record.path[record.path.rfind(".") :].lower()
        if suffix not in OUTPUT_SUFFIXES or (suffix == ".xlsx" and not workbooks):
            return False
        known = memo.own_output(record.path) if memo is not None else None
        if known is not None:
            return known
        found = is_rnq_output(record.path, str(root / record.path))
        if memo is not None:
            memo.learn_own_output(record.path, found)
        return found

    evidence = [e for e in result.evidence if not own(e, workbooks=False)]
    unmapped = [e for e in result.unmapped if not own(e, workbooks=True)]
    if len(evidence) == len(result.evidence) and len(unmapped) == len(result.unmapped):
        return result
    return replace(result, evidence=evidence, unmapped=unmapped)
