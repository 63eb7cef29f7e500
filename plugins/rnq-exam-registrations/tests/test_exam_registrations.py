"""The exam-registrations collector, on exports shaped like a certifier platform's, written by
the tests (fictional candidates)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_exam_registrations
from rnq_exam_registrations import COLUMNS, KIND, NAME

from rnq import CollectResult, Evidence
from rnq.testing import collect_with

EXPORT = "pro/exports/candidats.csv"

# A French export: « Candidat », the certification code, dd/mm/yyyy dates, a column rnq does
# not use; the offering by id, by title, or found from the certification code.
CANDIDATS = (
    "N° candidat;Candidat;Code RNCP;Date de session;Date d'inscription;Résultat;Formation;Centre\n"
    "C-01;Camille Dubois;RNCP38362;15/06/2026;02/04/2026;Admis;bts-mco;Lyon\n"
    "C-02;LEROY Élodie;RNCP38362;15/06/2026;10/05/2026;Ajourné;;Lyon\n"
    "C-03;Théo Martin;RS5252;20/03/2026;01/02/2026;Absent;Excel TOSA;Lyon\n"
)


def _collect(root: Path) -> tuple[dict[str, Evidence], CollectResult]:
    result = collect_with(root, rnq_exam_registrations)
    return {e.offering or "": e for e in result.evidence if e.collector == NAME}, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_export_becomes_one_record_per_offering(
    exam_workspace: Callable[..., Path], encoding: str
) -> None:
    records, result = _collect(exam_workspace({EXPORT: CANDIDATS}, encoding=encoding))
    assert _problems(result) == []
    assert set(records) == {"bts-mco", "tosa"}
    bts = records["bts-mco"]
    assert bts.path == f"{NAME}:{EXPORT}#bts-mco"
    assert (bts.unit, bts.offering, bts.indicators) == ("pro", "bts-mco", (16, 3))
    assert (bts.kind, bts.read, bts.mapped_by) == (KIND, "ok", "plugin")
    assert bts.rows == (
        COLUMNS,
        ("2", "Camille D.", "RNCP38362", "2026-06-15", "2026-04-02", "2026-05-16", "admis"),
        ("3", "Élodie L.", "RNCP38362", "2026-06-15", "2026-05-10", "2026-05-16", "ajourne"),
    )
    assert bts.text is not None
    assert (
        "2 candidat(s) inscrit(s)" in bts.text
        and "admis : 1, ajournés : 1, absents : 0" in bts.text
    )
    assert "%" not in bts.text  # no rate that could pass for a published one
    assert "Dubois" not in bts.text and "Camille" not in bts.text  # counts only
    tosa = records["tosa"]
    assert tosa.rows is not None and tosa.rows[1][1:] == (
        "Théo M.",
        "RS5252",
        "2026-03-20",
        "2026-02-01",
        "2026-02-18",
        "absent",
    )
    if encoding == "cp1252":
        assert bts.note is not None and "cp1252" in bts.note.lower().replace("-", "")


def test_windows_1252_bytes_as_excel_writes_them(exam_workspace: Callable[..., Path]) -> None:
    export = (
        "Nom;Prénom;Code RS;Date d'examen;Date d'inscription;Résultat\n"
        "Lefèvre;Zoé;RS 5252;20/03/2026;01/03/2026;Reçue\n"
    ).encode("cp1252")
    assert "é".encode("cp1252") in export and b"\xc3" not in export
    records, result = _collect(exam_workspace({EXPORT: export}))
    assert _problems(result) == []
    assert records["tosa"].rows == (
        COLUMNS,
        ("2", "Zoé L.", "RS 5252", "2026-03-20", "2026-03-01", "2026-02-18", "admis"),
    )


@pytest.mark.parametrize(
    "header",
    [
        "Candidat;Code RNCP;Session;Date d'inscription;Résultat",
        "Nom du candidat;Certification;Date de la session;Inscrit le;Décision du jury",
        "CANDIDAT;CODE RNCP;DATE D'EXAMEN;DATE D'INSCRIPTION;RÉSULTAT",
        "Candidat,N° RNCP,Date des épreuves,Date inscription,Résultat final",
    ],
)
def test_header_variants(exam_workspace: Callable[..., Path], header: str) -> None:
    sep = ";" if ";" in header else ","
    row = sep.join(("Inès Moreau", "RNCP38362", "15/06/2026", "2026-04-01", "Refusé"))
    records, result = _collect(exam_workspace({EXPORT: f"{header}\n{row}\n"}))
    assert _problems(result) == []
    assert records["bts-mco"].rows == (
        COLUMNS,
        ("2", "Inès M.", "RNCP38362", "2026-06-15", "2026-04-01", "2026-05-16", "ajourne"),
    )


def test_row_deadline_wins_and_deadline_days_setting(exam_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors:\n"
        "      - {use: exam-registrations, path: exports/candidats.csv, deadline_days: 10}\n"
        "    offerings: [{id: bts-mco, title: BTS MCO, certification: RNCP38362}]\n"
    )
    export = (
        "Candidat;Code RNCP;Session;Date d'inscription;Date limite d'inscription;Résultat\n"
        "Camille Dubois;RNCP38362;15/06/2026;02/04/2026;01/06/2026;\n"
        "Théo Martin;RNCP38362;15/06/2026;02/04/2026;;\n"
    )
    records, result = _collect(exam_workspace({EXPORT: export}, config))
    assert _problems(result) == []
    assert [row[5] for row in (records["bts-mco"].rows or ())[1:]] == [
        "2026-06-01",
        "2026-06-05",
    ]


def test_bad_rows_are_reported_at_their_line_and_the_rest_read(
    exam_workspace: Callable[..., Path],
) -> None:
    export = (
        "Candidat;Code RNCP;Session;Date d'inscription;Résultat;Formation\n"
        "Camille Dubois;RNCP38362;15/06/2026;02/04/2026;Admis;\n"
        "\n"
        "Nina Perrin;RNCP38362;juin;02/04/2026;Admis;\n"
        "Hugo Blanc;RNCP99999;15/06/2026;02/04/2026;Admis;\n"
        ";RNCP38362;15/06/2026;02/04/2026;Admis;\n"
        "Léa Roux;RNCP38362;15/06/2026;31/04/2026;Admis;\n"
        "Paul Roy;RNCP38362;15/06/2026;02/04/2026;Peut-être;\n"
        "Jules Faure;RS5252;20/03/2026;01/02/2026;;tosa\n"
    )
    records, result = _collect(exam_workspace({EXPORT: export}, encoding="cp1252"))
    assert [(line, message.split(":")[0]) for _, line, message in _problems(result)] == [
        (4, "unreadable session date 'juin'"),
        (5, "unknown offering 'RNCP99999' for this unit (offerings"),
        (6, "candidate with no name"),
        (7, "unreadable date inscription date '31/04/2026'"),
        (8, "unrecognised result 'Peut-être' (Admis, Ajourné, Absent…)"),
    ]
    assert {p.path for p in result.problems} == {EXPORT}
    assert [row[:2] for row in (records["bts-mco"].rows or ())[1:]] == [("2", "Camille D.")]
    assert [row[:2] for row in (records["tosa"].rows or ())[1:]] == [("9", "Jules F.")]


def test_missing_required_column_gives_unusable_evidence(
    exam_workspace: Callable[..., Path],
) -> None:
    export = "Candidat;Code RNCP;Résultat\nCamille Dubois;RNCP38362;Admis\n"
    records, result = _collect(exam_workspace({EXPORT: export}))
    [record] = records.values()
    assert record.read == "error" and record.rows is None and not record.usable
    [(path, line, message)] = _problems(result)
    assert (path, line) == (EXPORT, 1)
    assert "session, date_inscription" in message


def test_column_overrides(exam_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors:\n"
        "      - use: exam-registrations\n        path: exports/candidats.csv\n"
        "        columns: {session: 'Jour J', date_inscription: 'Enregistré'}\n"
        "    offerings: [{id: bts-mco, title: BTS MCO, certification: RNCP38362}]\n"
    )
    export = (
        "Candidat;Code RNCP;Jour J;Enregistré\nCamille Dubois;RNCP38362;15/06/2026;02/04/2026\n"
    )
    records, result = _collect(exam_workspace({EXPORT: export}, config))
    assert _problems(result) == []
    assert records["bts-mco"].rows == (
        COLUMNS,
        ("2", "Camille D.", "RNCP38362", "2026-06-15", "2026-04-02", "2026-05-16", ""),
    )


SETTINGS_CASES = {
    "missing path": ("{use: exam-registrations}", "setting 'path' is missing"),
    "not a path": ("{use: exam-registrations, path: [a]}", "'path' must be a file path"),
    "outside": ("{use: exam-registrations, path: ../../etc/passwd}", "leaves the workspace"),
    "typo": ("{use: exam-registrations, pth: x.csv}", "unknown setting(s) ['pth']"),
    "deadline not a number": (
        "{use: exam-registrations, path: exports/candidats.csv, deadline_days: trente}",
        "'deadline_days' must be a number of days",
    ),
    "negative deadline": (
        "{use: exam-registrations, path: exports/candidats.csv, deadline_days: -3}",
        "'deadline_days' must be a number of days",
    ),
    "columns not a mapping": (
        "{use: exam-registrations, path: exports/candidats.csv, columns: [session]}",
        "'columns' must map a column",
    ),
    "unknown column": (
        "{use: exam-registrations, path: exports/candidats.csv, columns: {exam: Jour}}",
        "unknown column 'exam' in 'columns'",
    ),
    "empty header": (
        "{use: exam-registrations, path: exports/candidats.csv, columns: {session: ''}}",
        "the header of 'session' must be a text",
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_CASES))
def test_wrong_settings_are_reported_in_rnq_yaml(
    exam_workspace: Callable[..., Path], case: str
) -> None:
    use, expected = SETTINGS_CASES[case]
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        f"  - id: pro\n    name: Pro\n    collectors:\n      - {use}\n"
        "    offerings: [{id: bts-mco, title: BTS MCO, certification: RNCP38362}]\n"
    )
    _, result = _collect(exam_workspace({EXPORT: CANDIDATS}, config))
    assert any(
        path == "rnq.yaml" and line == 8 and expected in message
        for path, line, message in _problems(result)
    ), _problems(result)


def test_missing_file_is_a_problem_not_a_crash(exam_workspace: Callable[..., Path]) -> None:
    records, result = _collect(exam_workspace({}))
    assert records == {}
    assert _problems(result) == [
        (EXPORT, None, "export not found (setting 'path' of collector 'exam-registrations')")
    ]
