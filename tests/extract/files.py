"""Builders of real evidence files, written by the tests themselves (no binary fixtures)."""

from __future__ import annotations

import datetime as dt
import re
import struct
import zipfile
from pathlib import Path

import xlsxwriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

DOCX_TEXT = "Prérequis : aucun. Objectifs « Sécurité incendie » n° 4, œuvre."

_CT_DOCX = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/docProps/core.xml"
 ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_body(paragraphs: list[str], prolog: str = "") -> str:
    """A ``word/document.xml`` with one paragraph per item (``\\t`` becomes ``w:tab``)."""
    paras = []
    for text in paragraphs:
        runs = "<w:tab/>".join(
            f"<w:t xml:space='preserve'>{part}</w:t>" for part in text.split("\t")
        )
        paras.append(f"<w:p><w:r>{runs}</w:r></w:p>")
    table = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cellule A</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>Cellule B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{_W}"><w:body>{"".join(paras)}{table}</w:body></w:document>'
    )


def core_xml(created: str | None, modified: str | None) -> str:
    """A ``docProps/core.xml`` with the given W3CDTF dates."""
    parts = []
    if created:
        parts.append(f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>')
    if modified:
        parts.append(f'<dcterms:modified xsi:type="dcterms:W3CDTF">{modified}</dcterms:modified>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>Test</dc:title>{''.join(parts)}</cp:coreProperties>"
    )


def write_docx(
    path: Path,
    paragraphs: list[str] | None = None,
    *,
    body: str | None = None,
    created: str | None = "2024-01-10T08:00:00Z",
    modified: str | None = "2024-06-12T09:30:00Z",
    extra: dict[str, str | bytes] | None = None,
) -> Path:
    """A minimal valid DOCX."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CT_DOCX)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", body or docx_body(paragraphs or [DOCX_TEXT]))
        zf.writestr("docProps/core.xml", core_xml(created, modified))
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = "Registre") -> Path:
    """An XLSX written by XlsxWriter, created 2025-02-03."""
    book = xlsxwriter.Workbook(str(path))
    book.set_properties({"created": dt.datetime(2025, 2, 3, 10, 0, 0)})
    date_format = book.add_format({"num_format": "yyyy-mm-dd"})
    book.add_worksheet("Vide")
    sheet_ = book.add_worksheet(sheet)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if isinstance(value, dt.date):
                sheet_.write_datetime(r, c, dt.datetime.combine(value, dt.time()), date_format)
            else:
                sheet_.write(r, c, value)
    book.close()
    return path


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" office:version="1.3"'
)


def _write_odf(path: Path, mimetype: str, body: str) -> Path:
    meta = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {_ODF_NS}><office:meta>'
        "<meta:creation-date>2023-05-01T10:00:00</meta:creation-date>"
        "<dc:date>2023-09-15T16:45:00.123</dc:date>"
        '<meta:document-statistic meta:page-count="2"/></office:meta></office:document-meta>'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>'
        f"<office:body>{body}</office:body></office:document-content>"
    )
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {_ODF_NS}>'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first, as ODF requires
        zf.writestr("content.xml", content)
        zf.writestr("meta.xml", meta)
        zf.writestr("META-INF/manifest.xml", manifest)
    return path


def write_odt(path: Path) -> Path:
    """An ODT with a heading, spaces (``text:s``), a tab, a line break and a footnote."""
    body = (
        "<office:text>"
        '<text:h text:outline-level="1">Livret d\'accueil</text:h>'
        '<text:p>Accès<text:s text:c="3"/>aux locaux<text:tab/>PMR<text:line-break/>'
        "<text:span>Référente</text:span> handicap"
        "<text:note><text:note-citation>1</text:note-citation><text:note-body>"
        "<text:p>Note de bas de page</text:p></text:note-body></text:note> suite.</text:p>"
        "</office:text>"
    )
    return _write_odf(path, "application/vnd.oasis.opendocument.text", body)


def write_ods(path: Path, rows: list[list[str]]) -> Path:
    """An ODS whose first sheet is empty and second holds ``rows`` (strings)."""

    def cell(value: str) -> str:
        return (
            f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>"
        )

    table_rows = "".join(
        f"<table:table-row>{''.join(cell(v) for v in row)}</table:table-row>" for row in rows
    )
    body = (
        "<office:spreadsheet>"
        '<table:table table:name="Vide"><table:table-row><table:table-cell/></table:table-row>'
        "</table:table>"
        f'<table:table table:name="Registre">{table_rows}</table:table>'
        "</office:spreadsheet>"
    )
    return _write_odf(path, "application/vnd.oasis.opendocument.spreadsheet", body)


def pdf_bytes(
    pages: list[str],
    *,
    mod_date: str | None = "D:20240612093000+02'00'",
    encrypt: str | None = None,
    draw_text: bool = True,
) -> bytes:
    """A PDF built by reportlab; ``mod_date`` patched in place of reportlab's dates."""
    import io

    out = io.BytesIO()
    c = canvas.Canvas(out, pagesize=A4, encrypt=encrypt)
    for text in pages:
        if draw_text:
            for i, line in enumerate(text.split("\n")):
                c.drawString(72, 760 - 14 * i, line)
        else:  # a "scan": shapes only, no text layer
            c.rect(72, 400, 300, 300, fill=1)
            c.circle(300, 300, 50, fill=0)
        c.showPage()
    c.save()
    data = out.getvalue()
    if mod_date is not None and encrypt is None:
        # Same length as reportlab's own date, so the xref offsets stay right.
        def patch(match: re.Match[bytes]) -> bytes:
            old = match.group(1)
            new = mod_date.encode().ljust(len(old))[: len(old)]
            return match.group(0).replace(old, new)

        data = re.sub(rb"/ModDate \((D:[^)]*)\)", patch, data)
        data = re.sub(
            rb"/CreationDate \((D:[^)]*)\)",
            lambda m: m.group(0).replace(m.group(1), b"D:20230101000000+00'00'"[: len(m.group(1))]),
            data,
        )
    return data


def zip_member_lying(data: bytes, name: str, declared: int) -> bytes:
    """``data`` (a zip) with member ``name``'s declared uncompressed size set to ``declared``."""
    raw = bytearray(data)
    target = name.encode()
    for signature, size_at, name_len_at, name_at in (
        (b"PK\x03\x04", 22, 26, 30),
        (b"PK\x01\x02", 24, 28, 46),
    ):
        at = raw.find(signature)
        while at != -1:
            length = struct.unpack_from("<H", raw, at + name_len_at)[0]
            if raw[at + name_at : at + name_at + length] == target:
                struct.pack_into("<I", raw, at + size_at, declared)
            at = raw.find(signature, at + 4)
    return bytes(raw)


def write_any(stem: Path, i: int) -> Path:
    """File number ``i`` of a mixed workspace: MD, PDF, DOCX, XLSX, CSV, EML in turn."""
    kind = i % 6
    if kind == 0:
        path = stem.with_suffix(".md")
        path.write_text(f"# Note {stem.name}\n\nRéférente handicap, Agefiph.\n", encoding="utf-8")
    elif kind == 1:
        path = stem.with_suffix(".pdf")
        path.write_bytes(pdf_bytes([f"Programme {stem.name}\nPrérequis : aucun", "Tarifs"]))
    elif kind == 2:
        path = write_docx(stem.with_suffix(".docx"), [f"Procédure {stem.name}", DOCX_TEXT])
    elif kind == 3:
        day = dt.date(2025, 1, i % 28 + 1)
        path = write_xlsx(
            stem.with_suffix(".xlsx"), [["Date de réception", "Objet"], [day, stem.name]]
        )
    elif kind == 4:
        path = stem.with_suffix(".csv")
        path.write_text(f"nom;rôle\n{stem.name};formateur\n", encoding="cp1252")
    else:
        path = stem.with_suffix(".eml")
        path.write_bytes(EML)
    return path


EML = b"""From: =?utf-8?q?H=C3=A9l=C3=A8ne_Dupr=C3=A9?= <helene@example.org>
To: stagiaires@example.org
Subject: =?utf-8?q?Convocation_=C3=A0_la_formation_=C2=AB_S=C3=A9curit=C3=A9_incendie_=C2=BB?=
Date: Wed, 12 Jun 2024 09:30:00 +0200
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 8bit

Bonjour, la formation aura lieu le 1er juillet 2024.
--b1
Content-Type: text/html; charset=utf-8

<p>Bonjour, <b>HTML</b></p>
--b1--
"""
