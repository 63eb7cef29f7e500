"""End to end: a workspace whose unit reads the certifier's list of registered candidates; the
built-in checks of indicators 16 and 3 find the candidate registered after the deadline and a
published pass rate the results do not bear out."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import rnq_exam_registrations

import rnq

EXPORT = "pro/exports/candidats.csv"
TODAY = dt.date(2025, 9, 20)
CONFIG = """\
version: 1
organization: {name: "Organisme test"}
categories: [AF]
audit: {type: renewal, date: 2025-11-15}
units:
  - {id: siege, name: "Siège", central: true}
  - id: pro
    name: "Pôle pro"
    collectors:
      - {use: exam-registrations, path: exports/candidats.csv, deadline_days: 30}
    offerings:
      - {id: bts-mco, title: "BTS MCO", certification: RNCP38362}
      - {id: excel, title: "Excel"}
"""
HEADER = "Candidat;Code RNCP;Date de session;Date d'inscription;Résultat;Formation\n"
ON_TIME = (
    "Camille Dubois;RNCP38362;16/06/2025;02/04/2025;Admis;bts-mco\n"
    "Théo Martin;RNCP38362;16/06/2025;10/05/2025;Admis;bts-mco\n"
    "Nina Perrin;RNCP38362;16/06/2025;12/05/2025;Ajourné;bts-mco\n"
    "Jules Faure;RNCP38362;16/06/2025;14/05/2025;Absent;bts-mco\n"
)
# The deadline is 17/05/2025 (30 days before the session): Élodie registered after it.
PLANTED = "LEROY Élodie;RNCP38362;16/06/2025;28/05/2025;Admis;bts-mco\n"
SHEET = (
    "---\nindicators: [3]\nkind: certification\ndate: 2025-09-01\n---\n"
    "Taux d'obtention du BTS MCO en 2025 : {rate} (admis / présentés).\n"
)


def _run(root: Path) -> dict[str, Any]:
    options = rnq.RunOptions(
        today=TODAY,
        use_cache=False,
        load_entrypoints=False,
        extra_plugins=(rnq_exam_registrations,),
    )
    return json.loads(rnq.run(root, options).to_json())  # type: ignore[no-any-return]


def _findings(report: dict[str, Any], number: int, check: str) -> list[dict[str, Any]]:
    indicator = next(i for i in report["indicators"] if i["number"] == number)
    return [f for f in indicator["findings"] if f["check"].endswith(f"::{check}")]


PRESENTS = CONFIG.replace(
    '    name: "Pôle pro"\n', '    name: "Pôle pro"\n    facts: {presents_candidates: true}\n'
)


def test_candidate_registered_after_the_deadline_is_named(
    exam_workspace: Callable[..., Path],
) -> None:
    root = exam_workspace({EXPORT: HEADER + ON_TIME + PLANTED}, PRESENTS, "cp1252")
    report = _run(root)
    gaps = [
        f
        for f in _findings(report, 16, "check_inscription_dans_les_delais")
        if f["outcome"] == "gap"
    ]
    assert len(gaps) == 1, gaps
    [gap] = gaps
    assert (gap["unit"], gap["offering"]) == ("pro", "bts-mco")
    assert gap["evidence"] == [f"exam-registrations:{EXPORT}#bts-mco"]
    message = gap["message"]
    assert "1 candidat(s) inscrit(s) à la certification après la date limite" in message
    assert "Élodie L. (ligne 6, inscrit(e) le 28/05/2025, date limite 17/05/2025" in message
    assert "Camille" not in message and "Leroy" not in message.title()


def test_late_registration_without_presents_candidates_is_to_confirm(
    exam_workspace: Callable[..., Path],
) -> None:
    # The registration is the provider's only where it presents the candidates (16's item
    # inscription-session, conditional on presents_candidates): undeclared, « à confirmer ».
    report = _run(exam_workspace({EXPORT: HEADER + ON_TIME + PLANTED}, CONFIG))
    findings = _findings(report, 16, "check_inscription_dans_les_delais")
    assert not [f for f in findings if f["outcome"] == "gap"], findings
    [advice] = [f for f in findings if f["outcome"] == "advice"]
    assert advice["confirm"] is True
    assert "1 candidat(s) inscrit(s) à la certification après la date limite" in advice["message"]
    assert "presents_candidates: true" in advice["message"]


def test_late_against_rnq_default_deadline_is_to_confirm(
    exam_workspace: Callable[..., Path],
) -> None:
    # No deadline_days declared and no deadline in the export: the 30 days are rnq's default,
    # not the certifier's formal requirement — « à confirmer », never a gap.
    config = PRESENTS.replace(", deadline_days: 30}", "}")
    report = _run(exam_workspace({EXPORT: HEADER + ON_TIME + PLANTED}, config))
    findings = _findings(report, 16, "check_inscription_dans_les_delais")
    assert not [f for f in findings if f["outcome"] == "gap"], findings
    [advice] = [f for f in findings if f["outcome"] == "advice"]
    assert advice["confirm"] is True
    assert (
        "Élodie L. (ligne 6, inscrit(e) le 28/05/2025, date limite 17/05/2025"
        in (advice["message"])
    )
    assert "délai par défaut de rnq" in advice["message"]


def test_late_against_the_exported_deadline_is_a_gap_without_deadline_days(
    exam_workspace: Callable[..., Path],
) -> None:
    config = PRESENTS.replace(", deadline_days: 30}", "}")
    header = HEADER.replace(";Formation\n", ";Formation;Date limite d'inscription\n")
    rows = "LEROY Élodie;RNCP38362;16/06/2025;28/05/2025;Admis;bts-mco;20/05/2025\n"
    report = _run(exam_workspace({EXPORT: header + rows}, config))
    findings = _findings(report, 16, "check_inscription_dans_les_delais")
    [gap] = [f for f in findings if f["outcome"] == "gap"]
    assert "date limite 20/05/2025" in gap["message"]
    assert "délai par défaut" not in gap["message"]


def test_all_on_time_gives_no_such_gap(exam_workspace: Callable[..., Path]) -> None:
    report = _run(exam_workspace({EXPORT: HEADER + ON_TIME}, CONFIG))
    findings = _findings(report, 16, "check_inscription_dans_les_delais")
    assert {f["outcome"] for f in findings} == {"passed"}, findings


def test_published_rate_far_from_the_results_is_to_confirm(
    exam_workspace: Callable[..., Path],
) -> None:
    # 3 admitted of 4 presented (Jules absent): 75 %; the sheet says 95 %.
    files = {
        EXPORT: HEADER + ON_TIME + PLANTED,
        "pro/bts-mco/I03-certification.md": SHEET.format(rate="95 %"),
    }
    report = _run(exam_workspace(files))
    findings = _findings(report, 3, "check_taux_publie")
    assert findings and all(f["outcome"] != "gap" for f in findings), findings
    [advice] = [f for f in findings if f["outcome"] == "advice"]
    assert advice["confirm"] is True  # « à confirmer »: a screening hit, never a gap
    assert "taux de réussite publié 95 %, mais 75 % (3/4)" in advice["message"]
    assert "RNCP38362 en 2025" in advice["message"]


def test_published_rate_close_to_the_results_gives_no_advice(
    exam_workspace: Callable[..., Path],
) -> None:
    files = {
        EXPORT: HEADER + ON_TIME + PLANTED,
        "pro/bts-mco/I03-certification.md": SHEET.format(rate="78 %"),
    }
    findings = _findings(_run(exam_workspace(files)), 3, "check_taux_publie")
    assert findings and "taux de réussite publié" not in json.dumps(findings, ensure_ascii=False)


def test_without_an_export_the_checks_stand_aside(exam_workspace: Callable[..., Path]) -> None:
    config = CONFIG.replace(
        "    collectors:\n      - {use: exam-registrations, path: exports/candidats.csv, "
        "deadline_days: 30}\n",
        "",
    )
    report = _run(exam_workspace({}, config))
    assert _findings(report, 16, "check_inscription_dans_les_delais") == []
    assert _findings(report, 3, "check_taux_publie") == []
