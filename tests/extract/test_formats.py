"""Every supported format, read from real files the tests write."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rnq.extract import Extraction, ExtractLimits, extract_file
from rnq.extract.csvfile import guess_delimiter
from rnq.extract.model import parse_iso_date, parse_pdf_date

from . import files


def test_pdf_text_pages_and_metadata_date(tmp_path: Path) -> None:
    path = tmp_path / "programme.pdf"
    path.write_bytes(files.pdf_bytes(["Prérequis : aucun\nObjectifs « Sécurité »", "Tarifs"]))
    result = extract_file(path)
    assert result.status == "ok"
    assert result.file_type == "pdf"
    assert "Prérequis : aucun\nObjectifs « Sécurité »" in result.text
    assert "Tarifs" in result.text
    assert "\r" not in result.text
    assert result.pages == 2
    assert result.doc_date == dt.date(2024, 6, 12)  # ModDate wins over CreationDate
    assert result.rows is None
    assert result.problem is None


def test_pdf_created_date_when_no_modified_date(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    data = files.pdf_bytes(["x"]).replace(b"/ModDate (D:", b"/ModXXX (D:")
    path.write_bytes(data)
    assert extract_file(path).doc_date == dt.date(2023, 1, 1)


def test_scanned_pdf_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(files.pdf_bytes(["", ""], draw_text=False))
    result = extract_file(path)
    assert result.status == "no_text"
    assert result.pages == 2
    assert result.problem is not None
    assert "scanné" in result.problem.fr
    assert "scanned" in result.problem.en


def test_docx_text_tables_tabs_and_dates(tmp_path: Path) -> None:
    path = files.write_docx(tmp_path / "procedure.docx", [files.DOCX_TEXT, "Délai\t30 jours"])
    result = extract_file(path)
    assert result.status == "ok"
    assert result.file_type == "docx"
    assert result.text.splitlines() == [
        files.DOCX_TEXT,
        "Délai\t30 jours",
        "Cellule A",
        "Cellule B",
    ]
    assert result.doc_date == dt.date(2024, 6, 12)


def test_docx_created_date_headers_and_footers(tmp_path: Path) -> None:
    header = (
        '<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:p><w:r><w:t>En-tête qualité</w:t></w:r></w:p></w:hdr>"
    )
    path = files.write_docx(
        tmp_path / "a.docx", ["Corps"], modified=None, extra={"word/header1.xml": header}
    )
    result = extract_file(path)
    assert result.text.splitlines()[0] == "Corps"
    assert "En-tête qualité" in result.text
    assert result.doc_date == dt.date(2024, 1, 10)


def test_xlsx_rows_of_first_non_empty_sheet(tmp_path: Path) -> None:
    path = files.write_xlsx(
        tmp_path / "reclamations.xlsx",
        [
            ["Date de réception", "Objet ", "Date de réponse", "N°"],
            [dt.date(2025, 3, 1), "  Retard ", dt.date(2025, 3, 10), 3],
            [dt.date(2025, 4, 2), "Accès PMR", "", 4.5],
        ],
    )
    result = extract_file(path)
    assert result.status == "ok"
    assert result.file_type == "xlsx"
    assert result.rows == (
        ("Date de réception", "Objet", "Date de réponse", "N°"),
        ("2025-03-01", "Retard", "2025-03-10", "3"),
        ("2025-04-02", "Accès PMR", "", "4.5"),
    )
    assert "Accès PMR" in result.text
    assert result.doc_date == dt.date(2025, 2, 3)


def test_odt_text_spaces_tabs_breaks_and_meta(tmp_path: Path) -> None:
    result = extract_file(files.write_odt(tmp_path / "livret.odt"))
    assert result.status == "ok"
    assert result.file_type == "odt"
    assert "Livret d'accueil" in result.text
    assert "Accès   aux locaux\tPMR\nRéférente handicap" in result.text
    assert "Note de bas de page" in result.text
    assert result.doc_date == dt.date(2023, 9, 15)  # dc:date (modified) over creation-date
    assert result.pages == 2


def test_ods_rows(tmp_path: Path) -> None:
    rows = [["Nom", "Rôle", "CV"], ["Anne Martin", "Formatrice", "cv-anne.pdf"]]
    result = extract_file(files.write_ods(tmp_path / "intervenants.ods", rows))
    assert result.status == "ok"
    assert result.file_type == "ods"
    assert result.rows == tuple(tuple(row) for row in rows)
    assert result.doc_date == dt.date(2023, 9, 15)


CSV_ROWS = [
    ["Date de réception", "Objet", "Date de réponse"],
    ["2025-01-02", "Retard de 1,5 jour", ""],
    ["2025-02-03", "Salle « B » froide", "2025-02-10"],
]


@pytest.mark.parametrize(
    ("encoding", "expected_encoding"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp1252", "cp1252")],
)
@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_csv_encodings_and_delimiters(
    tmp_path: Path, encoding: str, expected_encoding: str, delimiter: str
) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(CSV_ROWS)
    path = tmp_path / "registre.csv"
    path.write_bytes(buffer.getvalue().encode(encoding))
    result = extract_file(path)
    assert result.status == "ok"
    assert result.encoding == expected_encoding
    assert result.rows == tuple(tuple(row) for row in CSV_ROWS)
    assert "\r" not in result.text


def test_csv_semicolon_with_decimal_commas_and_blank_rows(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("nom;note\n\nAnne;12,5\nPaul;9,75\n ; \n", encoding="utf-8")
    assert extract_file(path).rows == (("nom", "note"), ("Anne", "12,5"), ("Paul", "9,75"))


def test_guess_delimiter_single_column() -> None:
    assert guess_delimiter("titre\nune ligne\n") == ","


def test_markdown_and_text_are_read_whole(tmp_path: Path) -> None:
    note = "---\nindicators: [26]\nkind: handicap\n---\n# Référente handicap\n\nAgefiph, MDPH.\n"
    md = tmp_path / "note.md"
    md.write_text(note, encoding="utf-8")
    txt = tmp_path / "note.txt"
    txt.write_bytes("Procédure réclamations\r\n".encode("cp1252"))
    assert extract_file(md) == Extraction(
        status="ok", text=note, encoding="utf-8", file_type="text"
    )
    result = extract_file(txt)
    assert (result.text, result.encoding) == ("Procédure réclamations\n", "cp1252")


def test_eml_subject_body_and_date(tmp_path: Path) -> None:
    path = tmp_path / "convocation.eml"
    path.write_bytes(files.EML)
    result = extract_file(path)
    assert result.status == "ok"
    assert result.text.startswith("Convocation à la formation « Sécurité incendie »\n\n")
    assert "1er juillet 2024" in result.text
    assert "HTML" not in result.text  # the plain part is preferred
    assert result.doc_date == dt.date(2024, 6, 12)


def test_eml_html_only(tmp_path: Path) -> None:
    path = tmp_path / "m.eml"
    path.write_bytes(
        b"Subject: Relance\nContent-Type: text/html; charset=utf-8\n\n"
        b"<html><style>p{}</style><p>Merci de r&eacute;pondre</p></html>\n"
    )
    result = extract_file(path)
    assert "Merci de répondre" in result.text
    assert "p{}" not in result.text
    assert result.doc_date is None


def test_unknown_format_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    result = extract_file(path)
    assert result.status == "no_text"
    assert result.problem is not None
    assert ".jpg" in result.problem.fr


def test_text_cap_sets_truncated(tmp_path: Path) -> None:
    limits = ExtractLimits(max_text_chars=50)
    md = tmp_path / "long.md"
    md.write_text("a" * 200, encoding="utf-8")
    docx = files.write_docx(tmp_path / "long.docx", ["mot " * 40] * 5)
    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(files.pdf_bytes(["ligne de texte " * 5] * 3))
    csv_path = tmp_path / "long.csv"
    csv_path.write_text("a;b\n" + "xxxxxxxxxx;yyyyyyyyyy\n" * 10, encoding="utf-8")
    for path in (md, docx, pdf, csv_path):
        result = extract_file(path, limits)
        assert result.truncated, path.name
        assert len(result.text) <= 50, path.name
    assert len(extract_file(csv_path, limits).rows or ()) == 3  # 2 + 20 + 20 cell chars <= 50


def test_real_type_wins_over_extension(tmp_path: Path) -> None:
    pdf_named_docx = tmp_path / "programme.docx"
    pdf_named_docx.write_bytes(files.pdf_bytes(["Vrai PDF"]))
    result = extract_file(pdf_named_docx)
    assert (result.status, result.file_type) == ("ok", "pdf")
    assert "Vrai PDF" in result.text
    docx_named_txt = files.write_docx(tmp_path / "notes.txt", ["Vrai DOCX"])
    assert extract_file(docx_named_txt).file_type == "docx"


def test_content_not_matching_extension_is_error(tmp_path: Path) -> None:
    fake = tmp_path / "programme.pdf"
    fake.write_text("<html>pas un PDF</html>", encoding="utf-8")
    result = extract_file(fake)
    assert result.status == "error"
    assert result.problem is not None
    assert "extension .pdf" in result.problem.fr


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("D:20240612093000+02'00'", dt.date(2024, 6, 12)),
        ("D:2024", dt.date(2024, 1, 1)),
        ("20240229", dt.date(2024, 2, 29)),
        ("D:20241399", None),
        ("garbage", None),
        (None, None),
    ],
)
def test_parse_pdf_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_pdf_date(value) == expected


def test_parse_iso_date() -> None:
    assert parse_iso_date("2024-06-12T09:30:00Z") == dt.date(2024, 6, 12)
    assert parse_iso_date(" 2023-09-15T16:45:00.123") == dt.date(2023, 9, 15)
    assert parse_iso_date("1601-01-01T00:00:00Z") is None  # Word's "no date"
    assert parse_iso_date("") is None


def test_extraction_round_trips_through_json(tmp_path: Path) -> None:
    path = files.write_xlsx(tmp_path / "a.xlsx", [["a", "b"], [dt.date(2025, 1, 1), 2]])
    result = extract_file(path)
    assert Extraction.model_validate_json(result.model_dump_json()) == result
