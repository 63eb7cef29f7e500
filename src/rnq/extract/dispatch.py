"""``extract_file``: sniff one file, run the reader for its real type, never raise."""

from __future__ import annotations

import csv
import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import ParseError

import defusedxml
import python_calamine

from rnq.extract.csvfile import read_csv
from rnq.extract.limits import MIB, ExtractLimits
from rnq.extract.model import ExtractFailure, Extraction
from rnq.extract.office import read_docx, read_odt
from rnq.extract.plain import read_plain
from rnq.extract.sheets import read_workbook
from rnq.extract.sniff import Kind, sniff
from rnq.text import Localized

__all__ = ["DEFAULT_LIMITS", "extract_file", "sniff_file"]

DEFAULT_LIMITS = ExtractLimits()
_HEAD_BYTES = 1024

Reader = Callable[[Path, ExtractLimits], Extraction]


def read_pdf(path: Path, limits: ExtractLimits) -> Extraction:
    """:func:`rnq.extract.pdf.read_pdf`, imported when a PDF is read: a run that reads nothing
    (a warm run, a run after an edit) does not load PDFium (30 ms). The pool's forkserver
    imports it once for all its workers (:data:`READER_MODULES`)."""
    from rnq.extract.pdf import read_pdf as read

    return read(path, limits)


def read_eml(path: Path, limits: ExtractLimits) -> Extraction:
    """:func:`rnq.extract.eml.read_eml`, imported when an e-mail is read (the ``email``
    package: 10 ms)."""
    from rnq.extract.eml import read_eml as read

    return read(path, limits)


#: The readers imported only when used, for the workers' forkserver to import beforehand.
READER_MODULES = ("rnq.extract.pdf", "rnq.extract.eml")

_READERS: dict[str, Reader] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "odt": read_odt,
    "xlsx": lambda path, limits: read_workbook(path, limits, "xlsx"),
    "ods": lambda path, limits: read_workbook(path, limits, "ods"),
    "xls": lambda path, limits: read_workbook(path, limits, "xls"),
    "csv": read_csv,
    "text": read_plain,
    "eml": read_eml,
}

_LABELS = {"docx": "DOCX", "odt": "ODT", "xlsx": "XLSX", "ods": "ODS", "xls": "XLS", "csv": "CSV"}


def sniff_file(path: Path) -> Kind:
    """The kind of ``path`` from its first bytes and extension; ``unknown`` if unreadable."""
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return "unknown"
    return sniff(path, head)


def _fail(kind: str, fr: str, en: str) -> Extraction:
    return Extraction.error(fr, en, file_type=kind)


def _read(path: Path, kind: Kind, limits: ExtractLimits) -> Extraction:
    """Run the reader of ``kind``, turning every expected failure into an error extraction."""
    label = _LABELS.get(kind, kind.upper())
    try:
        return _READERS[kind](path, limits)
    except ExtractFailure as exc:
        return Extraction(status=exc.status, file_type=kind, problem=exc.message)
    except defusedxml.DefusedXmlException as exc:
        return _fail(
            kind,
            f"{label} refusé : le XML déclare une DTD ou des entités ({type(exc).__name__}), "
            "procédé utilisé par les attaques « billion laughs » et XXE",
            f"{label} refused: its XML declares a DTD or entities ({type(exc).__name__}), "
            "as billion-laughs and XXE attacks do",
        )
    except ParseError as exc:
        return _fail(
            kind,
            f"{label} invalide : XML mal formé ({exc})",
            f"invalid {label}: malformed XML ({exc})",
        )
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as exc:
        return _fail(
            kind,
            f"{label} illisible : archive corrompue ou tronquée ({exc})",
            f"unreadable {label}: corrupted or truncated archive ({exc})",
        )
    except csv.Error as exc:
        return _fail(kind, f"{label} illisible ({exc})", f"unreadable {label} ({exc})")
    except python_calamine.PasswordError:
        return _fail(
            kind,
            f"{label} protégé par mot de passe : le contenu ne peut pas être lu",
            f"password-protected {label}: content cannot be read",
        )
    except python_calamine.CalamineError as exc:
        return _fail(kind, f"{label} illisible ({exc})", f"unreadable {label} ({exc})")
    except MemoryError:
        return _fail(
            kind,
            "mémoire insuffisante pour lire ce document",
            "not enough memory to read this document",
        )
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return _fail(kind, f"lecture impossible : {reason}", f"cannot read: {reason}")
    except Exception as exc:  # a reader bug or an input no one foresaw: never stop the run
        return _fail(
            kind,
            f"{label} illisible : erreur inattendue ({type(exc).__name__}: {exc})",
            f"unreadable {label}: unexpected error ({type(exc).__name__}: {exc})",
        )


def _finish(result: Extraction) -> Extraction:
    """``ok`` without any text or row becomes ``no_text``."""
    if result.status != "ok" or result.text.strip() or result.rows:
        return result
    return result.model_copy(
        update={
            "status": "no_text",
            "problem": Localized(
                fr="le document ne contient aucun texte", en="the document contains no text"
            ),
        }
    )


def extract_file(path: Path, limits: ExtractLimits = DEFAULT_LIMITS) -> Extraction:
    """Read one evidence file: text, rows, metadata date, pages; never raises for bad input.

    Checks, in order: the file can be stat-ed and is a regular file; it is not empty; it is not
    above ``limits.max_file_bytes``. Its real type is then sniffed from its first bytes (see
    :mod:`rnq.extract.sniff`) and read; any failure becomes ``status="error"`` with a French
    and English message, an unknown format ``status="no_text"``.

    PDFium is not thread-safe: call this from one thread per process.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Extraction.error(f"lecture impossible : {reason}", f"cannot read: {reason}")
    if not stat.S_ISREG(info.st_mode):
        return Extraction.error("pas un fichier ordinaire", "not a regular file")
    if info.st_size == 0:
        return Extraction.error("fichier vide", "empty file")
    if info.st_size > limits.max_file_bytes:
        return Extraction.error(
            f"fichier trop volumineux ({info.st_size / MIB:.1f} Mio, "
            f"limite {limits.max_file_bytes / MIB:.1f} Mio) : non lu",
            f"file too large ({info.st_size / MIB:.1f} MiB, "
            f"limit {limits.max_file_bytes / MIB:.1f} MiB): not read",
        )
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Extraction.error(f"lecture impossible : {reason}", f"cannot read: {reason}")
    kind = sniff(path, head)
    if kind == "mismatch":
        suffix = path.suffix.lower()
        return Extraction.error(
            f"le contenu ne correspond pas à l'extension {suffix} : fichier non lu",
            f"the content does not match the {suffix} extension: file not read",
            file_type="unknown",
        )
    if kind == "protected":
        return Extraction.error(
            "document Office protégé par mot de passe : le contenu ne peut pas être lu",
            "password-protected Office document: content cannot be read",
            file_type=path.suffix.lower().lstrip("."),
        )
    if kind == "unknown":
        suffix = path.suffix.lower() or "?"
        return Extraction(
            status="no_text",
            file_type="unknown",
            problem=Localized(
                fr=f"format non pris en charge ({suffix}) : texte non extrait",
                en=f"unsupported format ({suffix}): text not extracted",
            ),
        )
    return _finish(_read(path, kind, limits))
