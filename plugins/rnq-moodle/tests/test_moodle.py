"""The moodle collector, on exports shaped like Moodle's, written by the tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
import rnq_moodle
from rnq_moodle import ATTENDANCE_COLUMNS, COMPLETION_COLUMNS, NAME, completion_state

from rnq import CollectResult, Evidence
from rnq.testing import collect_with

COMPLETION = "pro/moodle/achevement.csv"
ATTENDANCE = "pro/moodle/presences.csv"

# report/progress: the name column has no header; each activity is followed by its date.
COMPLETION_FR = (
    ";Adresse de courriel;Accueil et règlement;;Module 1 - Quiz;2026-03-20 00:00:00\n"
    "Jean Dupont;jean.dupont@example.fr;Achevé;2026-03-02 10:15:00;"
    "Achevé (note de passage obtenue);2026-03-10 09:00:00\n"
    "Amélie Poulain;amelie@example.fr;Achevé;02/03/2026;Non achevé;\n"
    "Zoé Martin;zoe@example.fr;Non achevé;;Non achevé;\n"
)
COMPLETION_EN = (
    "First name,Last name,Email address,Welcome,,Quiz 1,\n"
    'Jean,Dupont,JEAN.DUPONT@example.fr,Completed,"Monday, 2 March 2026, 10:15 AM",'
    "Not completed,\n"
)
# mod_attendance: Nom, Prénom, one column per session headed by its date, then the summary.
ATTENDANCE_FR = (
    "Nom;Prénom;Adresse de courriel;02.03.2026 09.00 Tous les étudiants;"
    "09.03.2026 09.00 Tous les étudiants;P;R;E;A;Sessions prises;Points;Pourcentage\n"
    "Dupont;Jean;jean.dupont@example.fr;P;R;1;1;0;0;2;3 / 4;75\n"
    "Poulain;Amélie;amelie@example.fr;A;?;0;0;0;1;1;0 / 2;0\n"
)


def _collect(root: Path) -> tuple[dict[str, Evidence], CollectResult]:
    result = collect_with(root, rnq_moodle)
    return {e.kind or "": e for e in result.evidence if e.collector == NAME}, result


def _problems(result: CollectResult) -> list[tuple[str, int | None, str]]:
    return [(p.path, p.line, p.message.en) for p in result.problems]


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_completion_and_attendance(moodle_workspace: Callable[..., Path], encoding: str) -> None:
    files = {COMPLETION: COMPLETION_FR, ATTENDANCE: ATTENDANCE_FR}
    records, result = _collect(moodle_workspace(files, encoding=encoding))
    assert _problems(result) == []
    suivi, emargement = records["suivi"], records["emargement"]
    assert (suivi.path, suivi.unit, suivi.indicators) == (f"{NAME}:{COMPLETION}", "pro", (12, 19))
    assert (emargement.indicators, emargement.read, emargement.mapped_by) == ((12,), "ok", "plugin")
    assert suivi.rows is not None and suivi.rows[0] == COMPLETION_COLUMNS
    assert [row[1:] for row in suivi.rows[1:]] == [
        ("Accueil et règlement", "true", "2026-03-02"),
        ("Module 1 - Quiz", "true", "2026-03-10"),
        ("Accueil et règlement", "true", "2026-03-02"),
        ("Module 1 - Quiz", "false", ""),
        ("Accueil et règlement", "false", ""),
        ("Module 1 - Quiz", "false", ""),
    ]
    assert suivi.date == dt.date(2026, 3, 10)
    assert suivi.text == (
        f"Achèvement des activités Moodle ({COMPLETION}) : 3 apprenants, 2 activités suivies, "
        "taux d'achèvement moyen 50 % ; 1 apprenant(s) sans activité achevée."
    )
    assert emargement.rows is not None and emargement.rows[0] == ATTENDANCE_COLUMNS
    assert [row[2:] for row in emargement.rows[1:]] == [
        ("2026-03-02", "true"),
        ("2026-03-09", "true"),
        ("2026-03-02", "false"),
    ]
    assert emargement.date == dt.date(2026, 3, 9)
    assert emargement.text is not None and "2 apprenants" in emargement.text
    assert "taux de présence 67 %" in emargement.text
    # The same learner gets the same id in both exports.
    assert suivi.rows[1][0] == emargement.rows[1][0] != suivi.rows[3][0]


def test_no_personal_data_leaves_the_collector(moodle_workspace: Callable[..., Path]) -> None:
    records, _ = _collect(moodle_workspace({COMPLETION: COMPLETION_FR, ATTENDANCE: ATTENDANCE_FR}))
    for record in records.values():
        dumped = record.model_dump_json()
        for personal in ("Dupont", "Jean", "Amélie", "Poulain", "example.fr", "Zoé"):
            assert personal not in dumped, (record.kind, personal)
        assert record.rows is not None
        assert all(row[0].startswith("L-") and len(row[0]) == 14 for row in record.rows[1:])


def test_english_export_with_separate_names(moodle_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors: [{use: moodle, completion: c.csv}]\n"
    )
    root = moodle_workspace({"pro/c.csv": COMPLETION_EN}, config)
    records, result = _collect(root)
    assert _problems(result) == []
    rows = records["suivi"].rows
    assert rows is not None and [row[1:] for row in rows[1:]] == [
        ("Welcome", "true", "2026-03-02"),
        ("Quiz 1", "false", ""),
    ]


def test_pseudonyms_follow_the_salt(moodle_workspace: Callable[..., Path]) -> None:
    def learner(salt: str) -> str:
        config = (
            'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
            f"  - id: pro\n    name: Pro\n    collectors: [{{use: moodle, completion: c.csv, "
            f"salt: {salt}}}]\n"
        )
        records, _ = _collect(moodle_workspace({"pro/c.csv": COMPLETION_EN}, config))
        rows = records["suivi"].rows
        assert rows is not None
        return rows[1][0]

    assert learner("un") == learner("un") != learner("deux")


def test_bad_cells_are_reported_at_their_line(moodle_workspace: Callable[..., Path]) -> None:
    completion = (
        ";Courriel;Accueil;\n"
        "A B;a@x.fr;Achevé;hier\n"
        "\n"
        "C D;c@x.fr;Peut-être;\n"
        ";;Achevé;\n"
        "E F;e@x.fr;Achevé;2026-03-01\n"
    )
    attendance = "Nom;Prénom;02.03.2026 09.00\nB;A;Z\nD;C;P\n"
    records, result = _collect(
        moodle_workspace({COMPLETION: completion, ATTENDANCE: attendance}, encoding="cp1252")
    )
    assert [(path, line, message.split(" '")[0]) for path, line, message in _problems(result)] == [
        (COMPLETION, 2, "unreadable completion date"),
        (COMPLETION, 4, "unknown completion state"),
        (COMPLETION, 5, "learner with neither name nor address: row left out"),
        (ATTENDANCE, 2, "unknown attendance status"),
    ]
    rows = records["suivi"].rows
    assert rows is not None and [row[2:] for row in rows[1:]] == [
        ("true", ""),
        ("true", "2026-03-01"),
    ]


def test_custom_present_statuses(moodle_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors:\n"
        "      - {use: moodle, completion: c.csv, attendance: a.csv,\n"
        "         present: [Présent, Distanciel]}\n"
    )
    attendance = "Nom;Prénom;2026-03-02 09:00;2026-03-03\nB;A;Distanciel;Absent\n"
    files = {"pro/c.csv": COMPLETION_EN, "pro/a.csv": attendance}
    records, result = _collect(moodle_workspace(files, config))
    assert _problems(result) == []
    rows = records["emargement"].rows
    assert rows is not None and [row[3] for row in rows[1:]] == ["true", "false"]


def test_wrong_exports_give_unusable_evidence(moodle_workspace: Callable[..., Path]) -> None:
    files = {COMPLETION: "Nom;Prénom\nDupont;Jean\n", ATTENDANCE: "Nom;Prénom;Total\nD;J;3\n"}
    records, result = _collect(moodle_workspace(files))
    assert {kind: e.read for kind, e in records.items()} == {
        "suivi": "error",
        "emargement": "error",
    }
    assert [(path, line) for path, line, _ in _problems(result)] == [
        (COMPLETION, 1),
        (ATTENDANCE, 1),
    ]


def test_missing_files_and_settings(moodle_workspace: Callable[..., Path]) -> None:
    config = (
        'version: 1\norganization: {name: "O"}\ncategories: [AF]\nunits:\n'
        "  - id: pro\n    name: Pro\n    collectors: [{use: moodle, attendance: absent.csv}]\n"
    )
    records, result = _collect(moodle_workspace({}, config))
    assert records == {}
    assert _problems(result) == [
        ("rnq.yaml", 7, "unit 'pro', collector 'moodle': setting 'completion' is missing"),
        ("pro/absent.csv", None, "export not found (setting 'attendance' of collector 'moodle')"),
    ]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Achevé", True),
        ("Achevé (note de passage obtenue)", True),
        ("Achevé (défini par Marie Curie)", True),
        ("Completed (did not achieve pass grade)", True),
        ("Completed", True),
        ("Non achevé", False),
        ("Not completed", False),
        ("Not completed (set by Marie Curie)", False),
        ("", None),
        ("2026-03-01", None),
    ],
)
def test_completion_states(text: str, state: bool | None) -> None:
    assert completion_state(text) is state


def test_moodle_excel_download_is_utf16_with_tabs(moodle_workspace: Callable[..., Path]) -> None:
    export = COMPLETION_FR.replace(";", "\t")
    records, result = _collect(moodle_workspace({COMPLETION: export}, encoding="utf-16"))
    assert [p for p in _problems(result) if p[0] == COMPLETION] == []
    rows = records["suivi"].rows
    assert rows is not None and len(rows) == 7
