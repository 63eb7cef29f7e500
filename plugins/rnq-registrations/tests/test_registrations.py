"""The registrations collector, on exports shaped like a registration application's, written
by the tests (fictional learners)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_registrations
from rnq_registrations import COLUMNS, KIND, NAME, short_name

from rnq import CollectResult, Evidence
from rnq.testing import collect_with

EXPORT = "pro/exports/inscriptions.csv"

# A French export: « Stagiaire », the offering by title or id, dd/mm/yyyy dates, a column rnq
# does not use.
REGISTRATIONS = (
    "N° dossier;Stagiaire;Formation;Date de candidature;Entretien de besoin;Positionnement;"
    "Convocation;Date d'entrée en formation;Financeur\n"
    "D-001;Camille Dubois;CACES R489 cariste;02/02/2026;05/02/2026;09/02/2026;12/02/2026;"
    "02/03/2026;OPCO\n"
    "D-002;LEROY Élodie;cariste;03/02/2026;06/02/2026;;12/02/2026;02/03/2026;France Travail\n"
    "D-003;Théo Martin;Excel perfectionnement;10/02/2026;11/02/2026;11/02/2026;;;Personnel\n"
)


def _collect(root: Path) -> tuple[dict[str, Evidence], CollectResult]:
    result = collect_with(root, rnq_registrations)
    return {e.offering or "": e for e in result.evidence if e.collector == NAME}, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_export_becomes_one_record_per_offering(
    registrations_workspace: Callable[..., Path], encoding: str
) -> None:
    records, result = _collect(registrations_workspace({EXPORT: REGISTRATIONS}, encoding=encoding))
    assert _problems(result) == []
    assert set(records) == {"cariste", "excel-perf"}
    cariste = records["cariste"]
    assert cariste.path == f"{NAME}:{EXPORT}#cariste"
    assert (cariste.unit, cariste.offering, cariste.indicators) == ("pro", "cariste", (4, 8, 9))
    assert (cariste.kind, cariste.read, cariste.mapped_by) == (KIND, "ok", "plugin")
    assert cariste.rows == (
        COLUMNS,
        ("2", "Camille D.", "2026-02-02", "2026-02-05", "2026-02-09", "2026-02-12", "2026-03-02"),
        ("3", "Élodie L.", "2026-02-03", "2026-02-06", "", "2026-02-12", "2026-03-02"),
    )
    assert cariste.date == dt.date(2026, 3, 2)
    assert cariste.text is not None
    assert "2 candidature(s)" in cariste.text
    assert "positionnement daté au plus tard à l'entrée : 1/2" in cariste.text
    assert "Dubois" not in cariste.text and "Camille" not in cariste.text  # counts only
    excel = records["excel-perf"]
    assert excel.rows is not None and excel.rows[1][1:] == (
        "Théo M.",
        "2026-02-10",
        "2026-02-11",
        "2026-02-11",
        "",
        "",
    )
    if encoding == "cp1252":
        assert cariste.note is not None and "cp1252" in cariste.note.lower().replace("-", "")


def test_windows_1252_bytes_as_excel_writes_them(
    registrations_workspace: Callable[..., Path],
) -> None:
    export = (
        "Apprenant;Action;Analyse du besoin;Date de positionnement;Entrée\n"
        "Zoé Lefèvre;Excel perfectionnement;01/03/2026;02/03/2026;09/03/2026\n"
    ).encode("cp1252")
    assert "é".encode("cp1252") in export and b"\xc3" not in export
    records, result = _collect(registrations_workspace({EXPORT: export}))
    assert _problems(result) == []
    assert records["excel-perf"].rows == (
        COLUMNS,
        ("2", "Zoé L.", "", "2026-03-01", "2026-03-02", "", "2026-03-09"),
    )


@pytest.mark.parametrize(
    "header",
    [
        "Apprenant;Formation;Date de candidature;Entretien de besoin;Positionnement;"
        "Informations envoyées;Entrée",
        "Candidat;Prestation;Candidature le;Analyse des besoins (date);Test de positionnement;"
        "Date de convocation;Date d'entrée",
        "STAGIAIRE;ACTION;DATE DE CANDIDATURE;ANALYSE DU BESOIN;DATE DE POSITIONNEMENT;"
        "CONVOCATION ENVOYÉE;ENTRÉE EN FORMATION",
        "Nom du stagiaire,Intitulé de la formation,Date d'inscription,Entretien préalable,"
        "Évaluation initiale,Infos envoyées,Date de début",
    ],
)
def test_header_variants(registrations_workspace: Callable[..., Path], header: str) -> None:
    sep = ";" if ";" in header else ","
    cells = ("Inès Moreau", "cariste", "01/02/2026", "03/02/2026", "04/02/2026", "05/02/2026")
    row = sep.join((*cells, "2026-03-02"))
    records, result = _collect(registrations_workspace({EXPORT: f"{header}\n{row}\n"}))
    assert _problems(result) == []
    assert records["cariste"].rows == (
        COLUMNS,
        ("2", "Inès M.", "2026-02-01", "2026-02-03", "2026-02-04", "2026-02-05", "2026-03-02"),
    )


def test_first_and_last_name_columns(registrations_workspace: Callable[..., Path]) -> None:
    export = (
        "Nom;Prénom;Formation;Entretien de besoin;Positionnement;Entrée\n"
        "Garnier;Lucas;cariste;01/02/2026;02/02/2026;02/03/2026\n"
    )
    records, result = _collect(registrations_workspace({EXPORT: export}))
    assert _problems(result) == []
    assert records["cariste"].rows is not None and records["cariste"].rows[1][1] == "Lucas G."


def test_bad_rows_are_reported_at_their_line_and_the_rest_read(
    registrations_workspace: Callable[..., Path],
) -> None:
    export = (
        "Stagiaire;Formation;Entretien de besoin;Positionnement;Entrée\n"
        "Camille Dubois;cariste;05/02/2026;09/02/2026;02/03/2026\n"
        "\n"
        "Nina Perrin;cariste;demain;09/02/2026;02/03/2026\n"
        "Hugo Blanc;Soudure TIG;05/02/2026;09/02/2026;02/03/2026\n"
        ";cariste;05/02/2026;09/02/2026;02/03/2026\n"
        "Léa Roux;cariste;05/02/2026;31/02/2026;02/03/2026\n"
        "Jules Faure;Excel perfectionnement;05/02/2026;;\n"
    )
    records, result = _collect(registrations_workspace({EXPORT: export}, encoding="cp1252"))
    assert [(line, message.split(":")[0]) for _, line, message in _problems(result)] == [
        (4, "unreadable analyse besoin date 'demain'"),
        (5, "unknown offering 'Soudure TIG' for this unit (offerings"),
        (6, "learner with no name"),
        (7, "unreadable positionnement date '31/02/2026'"),
    ]
    assert {p.path for p in result.problems} == {EXPORT}
    assert [row[:2] for row in (records["cariste"].rows or ())[1:]] == [("2", "Camille D.")]
    assert [row[:2] for row in (records["excel-perf"].rows or ())[1:]] == [("8", "Jules F.")]


def test_missing_required_column_gives_unusable_evidence(
    registrations_workspace: Callable[..., Path],
) -> None:
    export = "Stagiaire;Formation;Entrée\nCamille Dubois;cariste;02/03/2026\n"
    records, result = _collect(registrations_workspace({EXPORT: export}))
    [record] = records.values()
    assert record.read == "error" and record.rows is None and not record.usable
    [(path, line, message)] = _problems(result)
    assert (path, line) == (EXPORT, 1)
    assert "analyse_besoin, positionnement" in message


def test_column_overrides(registrations_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors:\n"
        "      - use: registrations\n        path: exports/inscriptions.csv\n"
        "        columns: {positionnement: 'Quiz de niveau', entree: 'Démarrage effectif'}\n"
        "    offerings: [{id: cariste, title: Cariste}]\n"
    )
    export = (
        "Stagiaire;Formation;Entretien de besoin;Quiz de niveau;Démarrage effectif\n"
        "Camille Dubois;Cariste;05/02/2026;09/02/2026;02/03/2026\n"
    )
    records, result = _collect(registrations_workspace({EXPORT: export}, config))
    assert _problems(result) == []
    assert records["cariste"].rows == (
        COLUMNS,
        ("2", "Camille D.", "", "2026-02-05", "2026-02-09", "", "2026-03-02"),
    )


def test_xlsx_export(registrations_workspace: Callable[..., Path], tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    target = tmp_path / "export.xlsx"
    workbook = xlsxwriter.Workbook(str(target))
    sheet = workbook.add_worksheet()
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Stagiaire", "Formation", "Entretien de besoin", "Positionnement"])
    sheet.write(0, 4, "Entrée")
    sheet.write_row(1, 0, ["Camille Dubois", "cariste"])
    sheet.write_datetime(1, 2, dt.datetime(2026, 2, 5), dates)
    sheet.write_datetime(1, 3, dt.datetime(2026, 2, 9), dates)
    sheet.write_datetime(1, 4, dt.datetime(2026, 3, 2), dates)
    workbook.close()
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n"
        "    collectors: [{use: registrations, path: inscriptions.xlsx}]\n"
        "    offerings: [{id: cariste, title: Cariste}]\n"
    )
    files = {"pro/inscriptions.xlsx": target.read_bytes()}
    records, result = _collect(registrations_workspace(files, config))
    assert _problems(result) == []
    assert records["cariste"].rows == (
        COLUMNS,
        ("2", "Camille D.", "", "2026-02-05", "2026-02-09", "", "2026-03-02"),
    )


SETTINGS_CASES = {
    "missing path": ("{use: registrations}", "setting 'path' is missing"),
    "not a path": ("{use: registrations, path: [a]}", "'path' must be a file path"),
    "outside": ("{use: registrations, path: ../../etc/passwd}", "leaves the workspace"),
    "typo": ("{use: registrations, pth: x.csv}", "unknown setting(s) ['pth']"),
    "columns not a mapping": (
        "{use: registrations, path: exports/inscriptions.csv, columns: [entree]}",
        "'columns' must map a column",
    ),
    "unknown column": (
        "{use: registrations, path: exports/inscriptions.csv, columns: {entry: Début}}",
        "unknown column 'entry' in 'columns'",
    ),
    "empty header": (
        "{use: registrations, path: exports/inscriptions.csv, columns: {entree: ''}}",
        "the header of 'entree' must be a text",
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_CASES))
def test_wrong_settings_are_reported_in_rnq_yaml(
    registrations_workspace: Callable[..., Path], case: str
) -> None:
    use, expected = SETTINGS_CASES[case]
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        f"  - id: pro\n    name: Pro\n    collectors:\n      - {use}\n"
        "    offerings: [{id: cariste, title: Cariste}]\n"
    )
    _, result = _collect(registrations_workspace({EXPORT: REGISTRATIONS}, config))
    assert any(
        path == "rnq.yaml" and line == 8 and expected in message
        for path, line, message in _problems(result)
    ), _problems(result)


def test_missing_file_is_a_problem_not_a_crash(
    registrations_workspace: Callable[..., Path],
) -> None:
    records, result = _collect(registrations_workspace({}))
    assert records == {}
    assert _problems(result) == [
        (EXPORT, None, "export not found (setting 'path' of collector 'registrations')")
    ]


def test_offering_without_registrations_has_no_record(
    registrations_workspace: Callable[..., Path],
) -> None:
    export = "Stagiaire;Formation;Entretien de besoin;Positionnement;Entrée\n"
    records, result = _collect(registrations_workspace({EXPORT: export}))
    assert records == {} and _problems(result) == []


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("Camille", "Dubois", "Camille D."),
        ("", "Camille Dubois", "Camille D."),
        ("", "DUBOIS Camille", "Camille D."),
        ("", "LE GOFF Anne-Marie", "Anne-Marie L."),
        ("", "Dubois, Camille", "Camille D."),
        ("", "Camille", "Camille"),
        ("Jean  Marc", "", "Jean Marc"),
        ("", "", ""),
    ],
)
def test_short_name(first: str, last: str, expected: str) -> None:
    assert short_name(first, last) == expected
