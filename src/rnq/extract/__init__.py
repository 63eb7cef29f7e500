"""Text, rows and dates out of evidence files, safely, fast, and cached across runs.

* :func:`extract_file` reads one file in this process and never raises for bad input;
* :class:`Extractor` reads many over every core, with per-document timeouts, crash recovery,
  a memory cap per worker and a cache outside the workspace (:class:`rnq.cache.store.Cache`);
* :class:`Extraction` is what comes out; :class:`ExtractLimits` bounds what one document may cost.

Formats: PDF (pypdfium2), DOCX and ODT (zipfile + defusedxml), XLSX, ODS and XLS
(python-calamine), CSV, Markdown and text, EML. Anything else is ``no_text``.
"""

from __future__ import annotations

from rnq.extract.dispatch import DEFAULT_LIMITS, extract_file
from rnq.extract.limits import ExtractLimits
from rnq.extract.model import EXTRACTOR_VERSION, Extraction
from rnq.extract.packing import ExtractionCache, FileKey
from rnq.extract.pool import Extractor, ExtractStats

__all__ = [
    "DEFAULT_LIMITS",
    "EXTRACTOR_VERSION",
    "ExtractLimits",
    "ExtractStats",
    "Extraction",
    "ExtractionCache",
    "Extractor",
    "FileKey",
    "extract_file",
]
