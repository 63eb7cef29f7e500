"""The hr collector, on SIRH exports written by the tests (fictional people)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_hr
from rnq_hr import NAME, PLAN_COLUMNS, REGISTER_COLUMNS

from rnq import CollectResult, Evidence
from rnq.testing import collect_with

STAFF = "pro/exports/sirh-personnel.csv"
TRAININGS = "pro/exports/sirh-formations.csv"

# A French SIRH export: Matricule, « Emploi », « Formateur (oui/non) », a CV column holding a
# date or oui/non, a column rnq does not use (Service).
PERSONNEL = (
    "Matricule;Nom;Prénom;Emploi;Service;Formateur (oui/non);Diplômes / Qualifications;CV;"
    "Date de mise à jour;Entretien professionnel\n"
    "S001;Lambert;Élodie;Formatrice bureautique;Pédagogie;Oui;Titre pro FPA;12/01/2026;"
    "15/01/2026;03/02/2026\n"
    "S002;Garnier;Théo;Assistant administratif;Accueil;Non;BTS SAM;non;10/01/2026;\n"
    "S003;Moreau;Inès;Consultante formatrice;Pédagogie;oui;Master RH;oui;20/02/2026;\n"
)
STAFF_ONLY = (
    'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
    "  - id: pro\n    name: Pro\n    collectors: [{use: hr, path: exports/sirh-personnel.csv}]\n"
)
FORMATIONS = (
    "Matricule;Salarié;Action de formation;Date;Statut\n"
    "S001;Élodie Lambert;Accessibilité numérique;05/03/2026;Réalisée\n"
    "S002;Théo Garnier;Accueil des publics en situation de handicap;14/04/2026;Prévue\n"
)


def _collect(root: Path) -> tuple[dict[str, Evidence], CollectResult]:
    result = collect_with(root, rnq_hr)
    mine = {e.kind or "": e for e in result.evidence if e.collector == NAME}
    return mine, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "utf-8-sig"])
def test_exports_become_the_trainers_register_and_the_plan(
    hr_workspace: Callable[..., Path], encoding: str
) -> None:
    root = hr_workspace({STAFF: PERSONNEL, TRAININGS: FORMATIONS}, encoding=encoding)
    records, result = _collect(root)
    assert _problems(result) == []
    register, plan = records["registre-intervenants"], records["plan-competences"]
    assert register.path == f"{NAME}:{STAFF}"
    assert (register.unit, register.indicators, register.read) == ("pro", (21,), "ok")
    assert (register.mapped_by, register.collector) == ("plugin", NAME)
    assert register.rows == (
        REGISTER_COLUMNS,
        (
            "Lambert", "Élodie", "Formatrice bureautique", "Titre pro FPA", "oui", "2026-01-12",
            "2026-01-15", "2",
        ),
        ("Moreau", "Inès", "Consultante formatrice", "Master RH", "oui", "", "2026-02-20", "4"),
    )  # fmt: skip
    assert register.date == dt.date(2026, 2, 20)
    assert register.text is not None and "3 salarié(s) dont 2 intervenant(s)" in register.text
    assert "Garnier" not in register.text  # counts only
    assert plan.path == f"{NAME}:{TRAININGS}"
    assert (plan.unit, plan.indicators, plan.read) == ("pro", (22,), "ok")
    assert plan.rows == (
        PLAN_COLUMNS,
        ("Élodie Lambert", "Formatrice bureautique", "Accessibilité numérique", "2026-03-05",
         "Réalisée"),
        ("Théo Garnier", "Assistant administratif",
         "Accueil des publics en situation de handicap", "2026-04-14", "Prévue"),
        ("Élodie Lambert", "Formatrice bureautique", "Entretien professionnel", "2026-02-03",
         "réalisé"),
    )  # fmt: skip
    assert plan.date == dt.date(2026, 4, 14)
    assert plan.text is not None and "2 action(s) de formation et 1 entretien(s)" in plan.text


def test_the_plan_counts_a_person_once_whatever_the_case_of_the_name(
    hr_workspace: Callable[..., Path],
) -> None:
    """A SIRH writes « LAMBERT » in the staff export and « Élodie Lambert » in the trainings
    export: one person, not two."""
    staff = PERSONNEL.replace("S001;Lambert;", "S001;LAMBERT;")
    records, result = _collect(hr_workspace({STAFF: staff, TRAININGS: FORMATIONS}))
    assert _problems(result) == []
    text = records["plan-competences"].text
    assert text is not None and "pour 2 salarié(s)" in text


def test_windows_1252_export_is_read_with_its_accents(hr_workspace: Callable[..., Path]) -> None:
    qualification = "Master RH – Sciences de l’éducation"
    data = PERSONNEL.replace("Master RH", qualification).encode("cp1252")
    assert b"\x96" in data and b"\x92" in data  # « – » and « ’ »: Windows-1252, not Latin-1
    records, result = _collect(hr_workspace({STAFF: data}, STAFF_ONLY))
    assert _problems(result) == []
    register = records["registre-intervenants"]
    assert register.rows is not None and register.rows[1][1] == "Élodie"
    assert register.rows[2][3] == qualification
    assert register.note is not None and "cp1252" in register.note.lower().replace("-", "")
    # without a trainings export, the professional interviews still make a plan
    assert records["plan-competences"].path == f"{NAME}:{STAFF}#plan"


HEADER_VARIANTS = {
    "role column": (
        "Nom et prénom;Poste;Rôle;Qualifications;CV au dossier;Dernière MAJ\n"
        "Lina Robert;Coordinatrice;Formatrice;CAP cuisine;oui;01/02/2026\n"
        "Hugo Petit;Comptable;Administratif;DCG;oui;01/02/2026\n",
        [("Lina Robert", "", "Coordinatrice", "CAP cuisine", "oui", "", "2026-02-01", "2")],
    ),
    "job only": (
        "NOM,PRENOM,FONCTION,DIPLOME,DATE DU CV,DATE MAJ\n"
        "Roux,Nina,Formateur consultant,Licence,2025-09-01,2026-01-05\n"
        "Blanc,Paul,Directeur,Master,,2026-01-05\n",
        [("Roux", "Nina", "Formateur consultant", "Licence", "oui", "2025-09-01", "2026-01-05",
          "2")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(HEADER_VARIANTS))
def test_header_variants(hr_workspace: Callable[..., Path], case: str) -> None:
    export, expected = HEADER_VARIANTS[case]
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors: [{use: hr, path: rh.csv}]\n"
    )
    records, result = _collect(hr_workspace({"pro/rh.csv": export}, config))
    assert _problems(result) == []
    assert records["registre-intervenants"].rows == (REGISTER_COLUMNS, *expected)


def test_a_column_named_otherwise_is_set_in_the_settings(
    hr_workspace: Callable[..., Path],
) -> None:
    export = "Nom;Prénom;Formateur;Habilitations détenues\nRoux;Nina;oui;SST\n"
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors:\n"
        "      - {use: hr, path: rh.csv, columns: {qualifications: Habilitations détenues}}\n"
    )
    records, result = _collect(hr_workspace({"pro/rh.csv": export}, config))
    assert _problems(result) == []
    rows = records["registre-intervenants"].rows
    assert rows is not None and rows[1][3] == "SST"


def test_bad_rows_are_reported_at_their_line_and_the_rest_read(
    hr_workspace: Callable[..., Path],
) -> None:
    staff = (
        "Matricule;Nom;Prénom;Formateur;Diplômes;CV;Dernière mise à jour\n"
        "S001;Lambert;Élodie;oui;Titre pro FPA;oui;15/01/2026\n"
        "\n"
        "S002;;Sans;oui;BTS;oui;15/01/2026\n"
        "S003;Moreau;Inès;peut-être;Master;oui;15/01/2026\n"
        "S004;Roux;Nina;oui;Licence;oui;31/02/2026\n"
        "S005;Petit;Hugo;oui;DUT;oui;01/03/2026\n"
    )
    trainings = (
        "Salarié;Intitulé;Date;Réalisée\n"
        "Élodie Lambert;Accessibilité;demain;oui\n"
        ";Sans salarié;01/03/2026;oui\n"
        "Hugo Petit;Sauveteur secouriste du travail;01/03/2026;oui\n"
    )
    records, result = _collect(
        hr_workspace({STAFF: staff, TRAININGS: trainings}, encoding="cp1252")
    )
    found = [(path, line, message.split(":")[0]) for path, line, message in _problems(result)]
    assert found == [
        (STAFF, 4, "person without a name"),
        (STAFF, 5, "Trainer column"),
        (STAFF, 6, "unreadable update date '31/02/2026'"),
        (TRAININGS, 2, "unreadable date 'demain'"),
        (TRAININGS, 3, "training action without a person"),
    ]
    register, plan = records["registre-intervenants"], records["plan-competences"]
    assert register.rows is not None
    assert [(row[0], row[-1]) for row in register.rows[1:]] == [("Lambert", "2"), ("Petit", "7")]
    assert plan.rows == (
        PLAN_COLUMNS,
        ("Hugo Petit", "", "Sauveteur secouriste du travail", "2026-03-01", "réalisée"),
    )


def test_missing_required_column_gives_unusable_evidence(
    hr_workspace: Callable[..., Path],
) -> None:
    records, result = _collect(hr_workspace({STAFF: "Matricule;Diplômes\nS001;BTS\n"}, STAFF_ONLY))
    register = records["registre-intervenants"]
    assert register.read == "error" and register.rows is None and not register.usable
    [(path, line, message)] = _problems(result)
    assert (path, line) == (STAFF, 1)
    assert "nom" in message and "formateur / rôle / emploi" in message


SETTINGS_CASES = {
    "missing path": ("{use: hr}", "setting 'path' is missing"),
    "not a path": ("{use: hr, path: [a]}", "'path' must be a file path"),
    "outside": ("{use: hr, path: ../../etc/passwd}", "leaves the workspace"),
    "typo": ("{use: hr, path: exports/sirh-personnel.csv, trainigs: f.csv}", "unknown setting(s)"),
    "bad columns": (
        "{use: hr, path: exports/sirh-personnel.csv, columns: [Diplômes]}",
        "'columns' must map a column to a header",
    ),
    "unknown column": (
        "{use: hr, path: exports/sirh-personnel.csv, columns: {diplome: Titres}}",
        "unknown column(s) in 'columns': ['diplome']",
    ),
    "bad offering": (
        "{use: hr, path: exports/sirh-personnel.csv, offering: nulle-part}",
        "'offering' must be one of the unit's offerings",
    ),
}


@pytest.mark.parametrize("case", list(SETTINGS_CASES))
def test_wrong_settings_are_reported_in_rnq_yaml(
    hr_workspace: Callable[..., Path], case: str
) -> None:
    use, expected = SETTINGS_CASES[case]
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        f"  - id: pro\n    name: Pro\n    collectors:\n      - {use}\n"
    )
    _, result = _collect(hr_workspace({STAFF: PERSONNEL}, config))
    assert any(
        path == "rnq.yaml" and line == 8 and expected in message
        for path, line, message in _problems(result)
    ), _problems(result)


def test_offering_setting_is_carried_by_the_records(hr_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n"
        "    offerings: [{id: bureautique, title: Bureautique}]\n"
        "    collectors: [{use: hr, path: exports/sirh-personnel.csv, offering: bureautique}]\n"
    )
    records, result = _collect(hr_workspace({STAFF: PERSONNEL}, config))
    assert _problems(result) == []
    assert {r.offering for r in records.values()} == {"bureautique"}


def test_missing_file_is_a_problem_not_a_crash(hr_workspace: Callable[..., Path]) -> None:
    records, result = _collect(hr_workspace({}))
    assert records == {}
    assert [(path, message) for path, _, message in _problems(result)] == [
        (STAFF, "export not found (setting 'path' of collector 'hr')"),
        (TRAININGS, "export not found (setting 'trainings' of collector 'hr')"),
    ]


@pytest.mark.parametrize(
    ("role", "trainer"),
    [
        ("Formatrice", True),
        ("Consultant formateur", True),
        ("INTERVENANTE", True),
        ("Assistante de formation", False),
        ("Responsable administratif", False),
        ("", False),
    ],
)
def test_is_trainer_role(role: str, trainer: bool) -> None:
    assert rnq_hr.is_trainer_role(role) is trainer


def test_xlsx_export(hr_workspace: Callable[..., Path], tmp_path: Path) -> None:
    xlsxwriter = pytest.importorskip("xlsxwriter")
    target = tmp_path / "export.xlsx"
    workbook = xlsxwriter.Workbook(str(target))
    sheet = workbook.add_worksheet()
    dates = workbook.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["Nom", "Prénom", "Poste", "Formateur", "Diplômes", "CV", "Dernière MAJ"])
    sheet.write_row(1, 0, ["Roux", "Nina", "Formatrice", "Oui", "Licence", "Oui"])
    sheet.write_datetime(1, 6, dt.datetime(2026, 3, 2), dates)
    workbook.close()
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors: [{use: hr, path: rh.xlsx}]\n"
    )
    records, result = _collect(hr_workspace({"pro/rh.xlsx": target.read_bytes()}, config))
    assert _problems(result) == []
    assert records["registre-intervenants"].rows == (
        REGISTER_COLUMNS,
        ("Roux", "Nina", "Formatrice", "Licence", "oui", "", "2026-03-02", "2"),
    )
