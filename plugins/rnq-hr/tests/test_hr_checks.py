"""End to end: the hr collector's records read by the built-in checks of indicators 21 and 22,
as a hand-kept register and training log are (fictional people)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import rnq_hr

import rnq
from rnq.testing import write_workspace

TODAY = dt.date(2026, 11, 28)
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2026-12-15}
units:
  - {id: siege, name: "Siège", path: siege, central: true}
  - id: pro
    name: "Pôle pro"
    path: pro
    collectors:
      - {use: hr, path: exports/sirh-personnel.csv, trainings: exports/sirh-formations.csv}
"""
HAND_KEPT = CONFIG.replace(
    "    collectors:\n"
    "      - {use: hr, path: exports/sirh-personnel.csv, trainings: exports/sirh-formations.csv}\n",
    "",
)
STAFF = "pro/exports/sirh-personnel.csv"
TRAININGS = "pro/exports/sirh-formations.csv"
PERSONNEL = (
    "Matricule;Nom;Prénom;Emploi;Formateur (oui/non);Diplômes / Qualifications;CV;"
    "Date de mise à jour;Entretien professionnel\n"
    "S001;Lambert;Élodie;Formatrice bureautique;Oui;Titre pro FPA;12/01/2026;15/01/2026;"
    "03/02/2026\n"
    "S002;Garnier;Théo;Assistant administratif;Non;;non;10/01/2026;\n"
    "S003;Moreau;Inès;Consultante formatrice;oui;Master RH;oui;20/02/2026;\n"
)
#: The planted gap: a trainer with no qualification and no CV.
PLANTED = "S004;Fabre;Jules;Formateur vacataire;oui;;non;01/03/2026;\n"
FORMATIONS = (
    "Matricule;Salarié;Action de formation;Date;Statut\n"
    "S001;Élodie Lambert;Accessibilité numérique;05/03/2026;Réalisée\n"
    "S002;Théo Garnier;Accueil des publics en situation de handicap;14/04/2026;Réalisée\n"
    "S003;Inès Moreau;Classe virtuelle : animer à distance;02/06/2026;Prévue\n"
)
#: The same trainers, as a hand-kept spreadsheet names them.
REGISTER = (
    "Nom;Prénom;Fonction;Diplômes;CV\n"
    "Lambert;Élodie;Formatrice bureautique;Titre pro FPA;oui\n"
    "Moreau;Inès;Consultante formatrice;Master RH;oui\n"
)
PROFILE = (
    "Fiche de poste formateur : compétences requises — titre professionnel FPA ou diplôme de "
    "niveau 5 minimum, 3 ans d'expérience minimum dans le domaine enseigné.\n"
)


def _write(
    tmp_path: Path,
    config: str,
    files: dict[str, str | bytes],
    *,
    name: str = "ws",
    encoding: str = "utf-8",
) -> Path:
    return write_workspace(tmp_path / name, config, files, encoding=encoding, dedent=False)


def _run(root: Path) -> rnq.Report:
    return rnq.run(
        root,
        rnq.RunOptions(
            today=TODAY, extra_plugins=(rnq_hr,), load_entrypoints=False, use_cache=False
        ),
    )


def _gaps(report: rnq.Report, indicator: int) -> list[str]:
    return [
        f.message
        for f in report.indicator(indicator).findings
        if f.outcome == "gap" and f.unit == "pro"
    ]


def _files(planted: bool) -> dict[str, str | bytes]:
    return {
        "pro/fiche-de-poste-formateur.txt": PROFILE,
        STAFF: PERSONNEL + (PLANTED if planted else ""),
        TRAININGS: FORMATIONS,
    }


def test_a_trainer_with_no_qualification_in_the_export_is_a_gap_naming_them(
    tmp_path: Path,
) -> None:
    report = _run(_write(tmp_path, CONFIG, _files(planted=True), encoding="cp1252"))
    gaps = [g for g in _gaps(report, 21) if "Fabre" in g]
    assert gaps == [
        f"Intervenant « Jules Fabre » : ni CV, ni diplôme ou qualification, ni vérification "
        f"(hr:{STAFF}, ligne 5)."
    ]
    assert not any("Garnier" in g for g in _gaps(report, 21))  # not a trainer


def test_the_export_gives_the_same_gaps_as_the_hand_kept_spreadsheet(tmp_path: Path) -> None:
    exported = _gaps(_run(_write(tmp_path, CONFIG, _files(planted=True))), 21)
    sheet = REGISTER + "Fabre;Jules;Formateur vacataire;;non\n"
    files = {"pro/fiche-de-poste-formateur.txt": PROFILE, "pro/registre-intervenants.csv": sheet}
    by_hand = _gaps(_run(_write(tmp_path, HAND_KEPT, files, name="hand")), 21)
    assert (
        "Intervenant « Jules Fabre » : ni CV, ni diplôme ou qualification, ni vérification "
        "(pro/registre-intervenants.csv, ligne 4)."
    ) in by_hand
    where = {f"hr:{STAFF}, ligne 5": "SOURCE", f"hr:{STAFF}": "SOURCE"}
    where |= {"pro/registre-intervenants.csv, ligne 4": "SOURCE"}
    where |= {"pro/registre-intervenants.csv": "SOURCE"}
    assert [_replace(g, where) for g in exported] == [_replace(g, where) for g in by_hand]


def _replace(text: str, changes: dict[str, str]) -> str:
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def test_the_export_replaces_the_spreadsheet_rows_of_the_trainers_it_names(
    tmp_path: Path,
) -> None:
    # The spreadsheet, still read, lags behind the HR system for Élodie Lambert (no CV, no
    # diploma written in) and names a freelancer the HR system does not know.
    sheet = (
        "Nom;Prénom;Fonction;Diplômes;CV\n"
        "LAMBERT;Elodie;Formatrice bureautique;;\n"
        "Perrin;Clara;Formatrice indépendante;;\n"
    )
    files = {**_files(planted=False), "pro/registre-intervenants.csv": sheet}
    gaps = [g for g in _gaps(_run(_write(tmp_path, CONFIG, files)), 21) if "Intervenant" in g]
    assert gaps == [
        "Intervenant « Clara Perrin » : ni CV, ni diplôme ou qualification, ni vérification "
        "(pro/registre-intervenants.csv, ligne 3)."
    ]


def test_all_trainers_complete_gives_no_such_gap_and_the_plan_is_read_for_22(
    tmp_path: Path,
) -> None:
    report = _run(_write(tmp_path, CONFIG, _files(planted=False)))
    assert not any("Intervenant « " in g for g in _gaps(report, 21))
    [plan] = [
        f
        for f in report.indicator(22).findings
        if f.unit == "pro" and f.check.endswith("check_plan_developpement_competences")
    ]
    assert plan.outcome == "passed" and f"hr:{TRAININGS}" in plan.evidence
    # without the exports, nothing shows the staff's training: the plugin is what made 22 pass
    bare = _run(_write(tmp_path, HAND_KEPT, {"pro/notes.txt": "Notes.\n"}, name="bare"))
    assert _gaps(bare, 22)
