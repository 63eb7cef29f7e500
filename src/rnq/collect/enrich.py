"""Add what text extraction read to evidence collected from files.

Collectors map files without opening them (but for manifests and front matter);
:func:`apply_extraction` then records whether the content could be read, the text or rows, why
not, and the document's own metadata date when no better date exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rnq.collect.evidence import ContentLoader, Evidence

if TYPE_CHECKING:
    from rnq.extract import Extraction

__all__ = ["apply_extraction"]


def apply_extraction(
    evidence: Evidence,
    extraction: Extraction,
    *,
    loader: ContentLoader | None = None,
    content_key: str | None = None,
    facts: dict[str, Any] | None = None,
) -> Evidence:
    """``evidence`` with the result of reading its file.

    ``read`` becomes the extraction's status (``ok``, ``no_text`` or ``error``); ``text`` and
    ``rows`` are kept when there are any; ``problem`` says why the file could not be read. The
    document's metadata date (``doc_date``) becomes the evidence date only when the manifest,
    the front matter or the file name gave none — a declared date is more specific.
    ``loader`` reads the text and rows on demand instead (from the extraction cache);
    ``content_key`` and ``facts`` let content checks answer from the cache (:class:`Evidence`).
    """
    return evidence.with_content(
        None if loader is not None else extraction.text or None,
        None if loader is not None else extraction.rows,
        loader=loader,
        content_key=content_key,
        facts=facts,
        read=extraction.status,
        problem=extraction.problem,
        date=evidence.date or extraction.doc_date,
    )
