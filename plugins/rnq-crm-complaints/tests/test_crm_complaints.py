"""The crm-complaints collector, on exports written by the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_crm_complaints
from rnq_crm_complaints import COLUMNS, NAME

from rnq import CollectResult, Evidence, normalize, parse_date
from rnq.testing import collect_with

EXPORT = "pro/exports/reclamations.csv"

# A French CRM export: « Reçue le », « Sujet », « Répondu le », a column rnq does not use.
CRM = (
    "N°;Reçue le;Sujet;Canal;Répondu le;Statut;Action corrective;Client\n"
    "1;15/03/2026;Retard de convocation;Courriel;18/03/2026;Clôturée;Envoi J-10;Mme A\n"
    "2;2026-04-02;Salle trop petite;Téléphone;;Ouverte;;M. B\n"
    "3;20.04.2026;Support illisible;Courriel;15-06-2026;Clôturée;Nouveau support;M. C\n"
)


def _collect(root: Path) -> tuple[list[Evidence], CollectResult]:
    result = collect_with(root, rnq_crm_complaints)
    mine = [e for e in result.evidence if e.collector == NAME]
    return mine, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-8-sig"])
def test_export_becomes_one_normalised_register(
    crm_workspace: Callable[..., Path], encoding: str
) -> None:
    root = crm_workspace({EXPORT: CRM}, encoding=encoding)
    [record], result = _collect(root)
    assert _problems(result) == []
    assert record.path == f"{NAME}:{EXPORT}"
    assert (record.unit, record.indicators, record.kind) == ("pro", (31,), "reclamations")
    assert (record.read, record.mapped_by, record.collector) == ("ok", "plugin", NAME)
    assert record.rows == (
        COLUMNS,
        ("2026-03-15", "Retard de convocation", "2026-03-18", "Courriel", "Clôturée", "Envoi J-10"),
        ("2026-04-02", "Salle trop petite", "", "Téléphone", "Ouverte", ""),
        (
            "2026-04-20",
            "Support illisible",
            "2026-06-15",
            "Courriel",
            "Clôturée",
            "Nouveau support",
        ),
    )
    assert record.date == dt.date(2026, 6, 15)
    assert record.text is not None
    assert "3 réclamation(s)" in record.text and "1 sans réponse" in record.text
    assert "1 réponse(s) au-delà de 30 jours" in record.text
    assert "Mme A" not in record.text  # counts only, never the register's content


def test_headers_match_whatever_their_case_and_accents(crm_workspace: Callable[..., Path]) -> None:
    export = "DATE DE RECEPTION,objet,Date de Réponse (jj/mm/aaaa)\n01/02/2026,Accueil,03/02/2026\n"
    [record], result = _collect(crm_workspace({EXPORT: export}))
    assert _problems(result) == []
    assert record.rows == (COLUMNS, ("2026-02-01", "Accueil", "2026-02-03", "", "", ""))


def test_bad_rows_are_reported_at_their_line_and_left_out(
    crm_workspace: Callable[..., Path],
) -> None:
    export = (
        "Date de réception;Objet;Date de réponse\n"
        "15/03/2026;Bon;16/03/2026\n"
        "\n"
        "demain;Date illisible;\n"
        ";Sans date;\n"
        "31/02/2026;Date impossible;\n"
        "10/03/2026;Réponse avant réception;01/03/2026\n"
    )
    [record], result = _collect(crm_workspace({EXPORT: export}, encoding="cp1252"))
    lines = [(line, message.split(":")[0]) for _, line, message in _problems(result)]
    assert lines == [
        (4, "unreadable date reception 'demain'"),
        (5, "missing reception date"),
        (6, "unreadable date reception '31/02/2026'"),
        (7, "response date before the reception date"),
    ]
    assert {p.path for p in result.problems} == {EXPORT}
    assert record.rows is not None and [row[1] for row in record.rows[1:]] == [
        "Bon",
        "Réponse avant réception",
    ]


def test_missing_required_column_gives_unusable_evidence(
    crm_workspace: Callable[..., Path],
) -> None:
    [record], result = _collect(crm_workspace({EXPORT: "Reçue le;Sujet\n15/03/2026;X\n"}))
    assert record.read == "error" and record.rows is None and not record.usable
    [(path, line, message)] = _problems(result)
    assert (path, line) == (EXPORT, 1)
    assert "date_reponse" in message


def test_xlsx_export(crm_workspace: Callable[..., Path], tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    target = tmp_path / "export.xlsx"
    workbook = xlsxwriter.Workbook(str(target))
    sheet = workbook.add_worksheet()
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Date de réception", "Objet", "Date de réponse", "Statut"])
    sheet.write_datetime(1, 0, dt.datetime(2026, 3, 15), dates)
    sheet.write(1, 1, "Retard")
    sheet.write_datetime(1, 2, dt.datetime(2026, 3, 16), dates)
    sheet.write(1, 3, "Close")
    workbook.close()
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n"
        "    collectors: [{use: crm-complaints, path: crm.xlsx, delay_days: 0}]\n"
    )
    [record], result = _collect(crm_workspace({"pro/crm.xlsx": target.read_bytes()}, config))
    assert _problems(result) == []
    assert record.rows == (COLUMNS, ("2026-03-15", "Retard", "2026-03-16", "", "Close", ""))
    assert record.text is not None and "1 réponse(s) au-delà de 0 jours" in record.text


SETTINGS_CASES = {
    "missing path": ("{use: crm-complaints}", "setting 'path' is missing"),
    "not a path": ("{use: crm-complaints, path: [a]}", "'path' must be a file path"),
    "outside": ("{use: crm-complaints, path: ../../etc/passwd}", "leaves the workspace"),
    "typo": ("{use: crm-complaints, pth: x.csv}", "unknown setting(s) ['pth']"),
    "bad delay": (
        "{use: crm-complaints, path: exports/reclamations.csv, delay_days: soon}",
        "'delay_days' must be a number of days",
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_CASES))
def test_wrong_settings_are_reported_in_rnq_yaml(
    crm_workspace: Callable[..., Path], case: str
) -> None:
    use, expected = SETTINGS_CASES[case]
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        f"  - id: pro\n    name: Pro\n    collectors:\n      - {use}\n"
    )
    _, result = _collect(crm_workspace({EXPORT: CRM}, config))
    assert any(
        path == "rnq.yaml" and line == 8 and expected in message
        for path, line, message in _problems(result)
    ), _problems(result)


def test_missing_file_is_a_problem_not_a_crash(crm_workspace: Callable[..., Path]) -> None:
    records, result = _collect(crm_workspace({}))
    assert records == []
    assert _problems(result) == [
        (EXPORT, None, "export not found (setting 'path' of collector 'crm-complaints')")
    ]


def test_a_pdf_is_not_an_export(crm_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors: [{use: crm-complaints, path: r.pdf}]\n"
    )
    [record], result = _collect(crm_workspace({"pro/r.pdf": b"%PDF-1.4 broken"}, config))
    assert record.read == "error"
    assert [p.path for p in result.problems] == ["pro/r.pdf"]


def test_empty_register_is_evidence_with_no_rows(crm_workspace: Callable[..., Path]) -> None:
    [record], _ = _collect(crm_workspace({EXPORT: "Date de réception;Objet;Date de réponse\n"}))
    assert record.read == "ok" and record.rows == (COLUMNS,) and record.date is None
    assert record.text is not None and "aucune réclamation" in record.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/03/2026", dt.date(2026, 3, 15)),
        ("2026-03-15", dt.date(2026, 3, 15)),
        ("15-03-2026", dt.date(2026, 3, 15)),
        ("15.03.2026", dt.date(2026, 3, 15)),
        ("5/3/26", dt.date(2026, 3, 5)),
        ("2026-03-15 14:32:00", dt.date(2026, 3, 15)),
        ("2026-03-15T14:32:00", dt.date(2026, 3, 15)),
        ("15/03/2026 14:32", dt.date(2026, 3, 15)),
        ("dimanche 15 mars 2026, 14:32", dt.date(2026, 3, 15)),
        ("1er février 2026", dt.date(2026, 2, 1)),
        ("", None),
    ],
)
def test_french_dates(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["demain", "31/02/2026", "2026-13-01", "15 brumaire 2026"])
def test_not_dates(text: str) -> None:
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


def test_normalize() -> None:
    assert normalize("Date de Réponse (jj/mm/aaaa)") == "date de reponse"
    assert normalize("\ufeffReçue le") == "recue le"
