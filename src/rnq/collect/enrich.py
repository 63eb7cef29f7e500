"""Add what text extraction read to evidence collected from files.

Collectors map files without opening them (but for manifests and front matter);
:func:`apply_extraction` then records whether the content could be read, the text or rows, why
not, and the document's own metadata date when no better date exists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rnq.collect.evidence import ContentLoader, Evidence
from rnq.text import Localized

if TYPE_CHECKING:
    from rnq.extract import Extraction

__all__ = ["TABLE_TYPES", "apply_extraction"]

#: Formats read as rows (registers): a cut one cannot be judged.
TABLE_TYPES = frozenset({"csv", "xlsx", "xls", "ods"})


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

    A table (CSV, XLSX, XLS, ODS) cut at the extraction's character limit reads ``error``: its
    rows past the cut (a late complaint at the end of a register) were never seen, so none of
    it may count as conform; the problem names the limit and the fix.
    """
    if extraction.truncated and extraction.file_type in TABLE_TYPES and extraction.status == "ok":
        return evidence.with_content(
            None,
            None,
            read="error",
            problem=Localized(
                fr="registre trop long pour être lu en entier (plus d'un million de caractères) "
                ": seul son début a pu être lu, il n'est donc pas évalué (jamais compté "
                "conforme) ; scindez-le, par exemple un fichier par année ou par semestre",
                en="register too long to be read whole (over a million characters): only its "
                "beginning could be read, so it is not assessed (never counted as conform); "
                "split it, e.g. one file per year or per half-year",
            ),
            date=evidence.date or extraction.doc_date,
        )
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
