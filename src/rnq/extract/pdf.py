"""PDF text through pypdfium2 (ecosystem.md §1: 0.85 ms/page, recovers most damaged files).

PDFium is not thread-safe: call :func:`read_pdf` from one thread per process only (the
extractor runs it in worker processes). A hostile PDF can abort the process; the pool handles
that.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from rnq.extract.limits import ExtractLimits
from rnq.extract.model import ExtractFailure, Extraction, TextSink, parse_pdf_date
from rnq.text import Localized

__all__ = ["read_pdf"]


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise ExtractFailure(
                "PDF protégé par mot de passe : le texte ne peut pas être lu",
                "password-protected PDF: text cannot be read",
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise ExtractFailure(
                "PDF chiffré par une protection non prise en charge : texte illisible",
                "PDF encrypted with an unsupported security handler: text cannot be read",
            ) from None
        raise ExtractFailure(
            "PDF illisible (fichier corrompu ou tronqué)",
            "unreadable PDF (corrupted or truncated file)",
        ) from None


def read_pdf(path: Path, limits: ExtractLimits) -> Extraction:
    """The text, page count and metadata date of a PDF file; pages are separated by ``\\f``."""
    pdf = _open(path)
    try:
        pages = len(pdf)
        sink = TextSink(limits.max_text_chars)
        has_text = False
        for index in range(pages):
            page = pdf[index]
            try:
                textpage = page.get_textpage()
                try:
                    text = textpage.get_text_range()
                finally:
                    textpage.close()
            finally:
                page.close()
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            has_text = has_text or bool(text.strip())
            sink.add(text)
            sink.add("\n\f" if index + 1 < pages else "\n")
            if sink.full:
                break
        metadata = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    date = parse_pdf_date(metadata.get("ModDate")) or parse_pdf_date(metadata.get("CreationDate"))
    if not has_text:
        return Extraction(
            status="no_text",
            pages=pages,
            doc_date=date,
            file_type="pdf",
            problem=Localized(
                fr="aucun texte extractible (document scanné ?)",
                en="no extractable text (scanned document?)",
            ),
        )
    return Extraction(
        status="ok",
        text=sink.value(),
        truncated=sink.full,
        pages=pages,
        doc_date=date,
        file_type="pdf",
    )
