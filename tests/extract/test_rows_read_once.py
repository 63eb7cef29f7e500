"""A table's cells are read once, as rows (:func:`rnq.match.folding.document_body`,
:func:`rnq.match.written.rows_end`): a CSV file's text is its rows again, a workbook's text
starts with its first sheet's rows; the checks read those rows with their cells apart
(`` ; ``), and what else the text holds beside them."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter

from rnq.checks.i03_certification_results import TAUX_PRESENTATION
from rnq.extract.dispatch import DEFAULT_LIMITS, extract_file
from rnq.match.folding import document_body, fold
from rnq.match.french import Concept, states
from rnq.match.written import rows_end

from . import files

ROWS = [
    ["Date", "Apprenant", "Statut", "Commentaire"],
    ["12/03/2026", "A. Martin", "Non achevé", "Entretien individuel réalisé"],
    ["19/03/2026", "B. Durand", "Achevé", ""],
]


def _read(path: Path) -> tuple[str, tuple[tuple[str, ...], ...]]:
    extraction = extract_file(path, DEFAULT_LIMITS)
    assert extraction.status == "ok", extraction
    assert extraction.text and extraction.rows
    return extraction.text, extraction.rows


def _csv(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "content",
    [
        # as a French spreadsheet exports it
        "".join(";".join(row) + "\n" for row in ROWS),
        # Windows line breaks, quoted cells holding the delimiter and a line break, spaces
        'Date ; Apprenant;Statut;Commentaire\r\n12/03/2026;"Martin; A.";Non achevé;'
        '"Entretien individuel\r\nréalisé"\r\n;;;\r\n19/03/2026;B. Durand;Achevé;\r\n',
        # commas, a blank line
        "Date,Apprenant,Statut,Commentaire\n\n12/03/2026,A. Martin,Non achevé,Entretien\n",
        # tabs
        "".join("\t".join(row) + "\n" for row in ROWS),
    ],
)
def test_a_csv_files_text_is_read_as_its_rows(tmp_path: Path, content: str) -> None:
    text, rows = _read(_csv(tmp_path / "registre.csv", content))
    assert rows_end(text, rows) == len(text)
    assert document_body(text, rows) == document_body(None, rows)


def test_a_workbooks_first_sheet_is_read_as_rows_and_its_other_sheets_as_text(
    tmp_path: Path,
) -> None:
    path = tmp_path / "suivi.xlsx"
    book = xlsxwriter.Workbook(str(path))
    first = book.add_worksheet("Suivi")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            first.write(r, c, value)
    book.add_worksheet("Bilan").write_row(0, 0, ["Taux de satisfaction", "92 %"])
    book.close()
    text, rows = _read(path)
    body = document_body(text, rows)
    assert body.count("entretien individuel realise") == 1
    assert "12/03/2026 ; a. martin ; non acheve ; entretien individuel realise" in body
    assert "taux de satisfaction 92 %" in body  # the second sheet, from the text
    assert body == document_body(text[rows_end(text, rows) :], rows)
    assert 0 < rows_end(text, rows) < len(text)


def test_an_ods_sheet_is_read_once(tmp_path: Path) -> None:
    text, rows = _read(files.write_ods(tmp_path / "suivi.ods", ROWS))
    assert document_body(text, rows) == document_body(None, rows)


def test_cells_side_by_side_are_not_read_as_one_phrase(tmp_path: Path) -> None:
    """An attendance register's row « 03/10/2026 | apprenant-9326 | module 1 | présent »,
    written out with tabs, reads « 9326 module 1 present »: « 9326 … présents », a rate of
    presentation to the exam. Read as rows, each cell is its own."""
    rows = [
        ["Date", "Apprenant", "Module", "Statut"],
        ["03/10/2026", "apprenant-9326", "module 1", "présent"],
    ]
    text, read = _read(files.write_xlsx(tmp_path / "emargement.xlsx", rows))
    assert states(TAUX_PRESENTATION, fold(text, lines=True), text)  # as the text reads
    assert not states(TAUX_PRESENTATION, document_body(text, read), text)


def test_a_status_cell_does_not_deny_the_comment_beside_it(tmp_path: Path) -> None:
    """« Non achevé » in the status column is about the module, not the interview noted in the
    next cell: written out with tabs, the two cells read as one clause and the interview would be
    denied; as rows, the cell ends the clause."""
    interview = Concept.of("entretien individuel")
    text, rows = _read(files.write_xlsx(tmp_path / "suivi.xlsx", ROWS[:2]))
    assert "non achevé\tentretien" in text.lower()  # how the workbook's text writes the row
    assert states(interview, document_body(text, rows), text)


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a collector's summary above the rows it normalised
        ("12 réclamations, délai médian 4 jours", [("Date", "Objet"), ("2026-03-01", "Retard")]),
        # a text that holds less than the rows (cut short) or other cells
        ("Date;Objet\n2026-03-01;Retard", [("Date", "Objet"), ("2026-03-01", "Retard"), ("x", "")]),
        ("Date;Objet\n2026-03-01;Retard\n", [("Date", "Objet"), ("2026-03-02", "Retard")]),
        # the rows written out, then more: read whole
        ("Date\tObjet\nNote libre sans tabulation", [("Date", "Objet"), ("Autre", "x")]),
    ],
)
def test_a_text_that_is_not_its_rows_again_is_read_whole(
    text: str, rows: list[tuple[str, ...]]
) -> None:
    assert rows_end(text, rows) == 0
    body = document_body(text, rows)
    assert body.startswith(document_body(text, None))
    assert body.endswith(document_body(None, rows))


def test_rows_given_as_lists_or_an_iterator_read_the_same() -> None:
    text = "".join(";".join(row) + "\n" for row in ROWS)
    as_tuples = tuple(map(tuple, ROWS))
    expected = document_body(None, as_tuples)
    assert document_body(text, ROWS) == expected
    assert document_body(text, iter(as_tuples)) == expected
