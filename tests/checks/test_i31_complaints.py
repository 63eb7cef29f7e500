"""Indicator 31 (``rnq/checks/i31_complaints.py``, « NC majeure uniquement »): arrangements
for complaints, difficulties and incidents, and complaints answered within the delay the
provider sets (read from the procedure or the collector's ``delay_days``, working days skipping
holidays) in a CSV or XLSX register or the rows of the crm-complaints collector plugin. The
register is an example of the guide and rnq's default 30-day delay a heuristic: advice only; a
dated, signed « aucune réclamation » statement stands for the register.
"""

from __future__ import annotations

import datetime as dt
import importlib
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest
import xlsxwriter

import rnq
from rnq.checks.i31_complaints import Delay, response_delay
from rnq.testing import write_workspace

from .conftest import CONFIG, TODAY, V9_AUDIT, V2026_AUDIT, RunWs, findings, outcomes

PROCEDURE = """\
---
indicators: [31]
kind: procedure
date: 2026-01-05
---
# Procédure de traitement des réclamations, difficultés et aléas

Toute réclamation écrite fait l'objet d'un accusé de réception sous 48 heures ; une réponse
est apportée sous 10 jours ouvrés. Les difficultés rencontrées par les parties prenantes et
les aléas (absence d'un formateur, panne de la plateforme) sont traités par le responsable
pédagogique.
"""


def test_procedure_covering_complaints_difficulties_and_incidents_passes(run_ws: RunWs) -> None:
    files = {"siege/procedure-reclamations.md": PROCEDURE}
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(31,))
        assert outcomes(report.indicator(31), "check_procedure_reclamations") == ["passed"]


def test_procedure_missing_incidents_is_a_major_gap(run_ws: RunWs) -> None:
    text = "---\nindicators: [31]\nkind: procedure\n---\nLes réclamations sont traitées.\n"
    files = {"siege/procedure.md": text, "siege/I31-registre.csv": REGISTER_HEADER}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(31,))
    result = report.indicator(31)
    (gap,) = findings(result, "check_procedure_reclamations")
    assert gap.outcome == "gap"
    assert "difficultés" in gap.message and "aléas" in gap.message
    assert result.status == "nc_major"  # 31 is « majeure uniquement »


def test_register_without_procedure_is_a_gap(run_ws: RunWs) -> None:
    files = {
        "pro/I31-registre-reclamations.csv": register(
            "02/03/2026;Retard de correction;10/03/2026;clos"
        )
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(31,))
    (gap,) = findings(report.indicator(31), "check_procedure_reclamations")
    assert gap.outcome == "gap" and "modalités de traitement écrites (procédure)" in gap.message
    assert set(gap.items) == {"procedure", "difficultes", "aleas"}  # the register shows complaints
    assert report.indicator(31).status == "nc_major"


def test_a_placeholder_procedure_and_an_undated_statement_prove_nothing(run_ws: RunWs) -> None:
    """Review §4, placeholder 2: « Procédure réclamations, difficultés et aléas : à rédiger. »
    plus an attestation « Aucune réclamation. » without a date."""
    files = {
        "siege/procedure.md": "---\nindicators: [31]\nkind: procedure\n---\n"
        "Procédure réclamations, difficultés et aléas : à rédiger.\n",
        "siege/attestation.md": "---\nindicators: [31]\nkind: attestation\n---\n"
        "Aucune réclamation.\n",
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(31,))
    result = report.indicator(31)
    (gap,) = findings(result, "check_procedure_reclamations")
    assert gap.outcome == "gap" and "brouillon" in gap.message
    (advice,) = advice_of(result)
    assert advice.outcome == "advice" and "siege/attestation.md" in advice.message
    assert "pas datée ou pas signée" in advice.message
    assert result.status == "nc_major"


REGISTER_HEADER = "Date de réception;Objet;Date de réponse;Statut\n"


def advice_of(result):  # type: ignore[no-untyped-def]
    """The advice of the register check on one indicator."""
    return [
        f for f in findings(result, "check_reclamations_dans_les_delais") if f.outcome == "advice"
    ]


def register(*rows: str) -> str:
    return REGISTER_HEADER + "".join(f"{row}\n" for row in rows)


def test_complaints_answered_in_time_and_pending_pass(run_ws: RunWs) -> None:
    files = {
        "siege/procedure-reclamations.md": PROCEDURE,
        "pro/I31-registre-reclamations.csv": register(
            "02/03/2026;Retard de correction;10/03/2026;clos",
            # received 20/11, 10 working days not over on 28/11: pending, not a gap
            "20/11/2026;Accès plateforme;;en cours",
        ),
    }
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(31,))
        result = report.indicator(31)
        assert outcomes(result, "check_reclamations_dans_les_delais") == ["passed"]
        assert result.status == "conform"


def test_late_and_unanswered_complaints_are_gaps_with_their_line(run_ws: RunWs) -> None:
    files = {
        "siege/procedure-reclamations.md": PROCEDURE,
        "pro/I31-registre-reclamations.csv": register(
            "02/03/2026;Retard de correction;10/03/2026;clos",
            "01/06/2026;Facturation;30/06/2026;clos",
            "05/10/2026;Accès plateforme;;en cours",
        ),
    }
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(31,))
    result = report.indicator(31)
    gaps = findings(result, "check_reclamations_dans_les_delais")
    assert [g.outcome for g in gaps] == ["gap", "gap"]
    late, open_ = gaps
    assert "01/06/2026" in late.message and "30/06/2026" in late.message
    assert "10 jours ouvrés" in late.message and "siege/procedure-reclamations.md" in late.message
    assert "pro/I31-registre-reclamations.csv, ligne 3" in late.message
    assert "05/10/2026" in open_.message and "sans réponse" in open_.message
    assert "ligne 4" in open_.message
    assert list(open_.evidence) == ["pro/I31-registre-reclamations.csv"]
    assert result.status == "nc_major"


def test_default_delay_of_30_days_is_only_advice(run_ws: RunWs) -> None:
    """Scenario s_31_register: no delay set by the procedure, an answer on day 39 — the 30-day
    delay is rnq's rule of thumb, not the reference's: a point de vigilance, no NC."""
    procedure = PROCEDURE.replace(
        "Toute réclamation écrite fait l'objet d'un accusé de réception sous 48 heures ; une "
        "réponse\nest apportée sous 10 jours ouvrés.",
        "Toute réclamation écrite reçoit une réponse.",
    )
    files = {
        "siege/procedure-reclamations.md": procedure,
        "pro/I31-registre-reclamations.csv": register(
            "01/06/2026;Facturation;30/06/2026;clos",  # 29 days: in time by default
            "02/03/2026;Planning;10/04/2026;clos",  # 39 days: late by the rule of thumb
        ),
    }
    for audit in (V9_AUDIT, V2026_AUDIT):
        report = run_ws(CONFIG, files, audit_date=audit, indicators=(31,))
        result = report.indicator(31)
        (advice,) = advice_of(result)
        assert advice.outcome == "advice" and not advice.confirm
        assert "02/03/2026" in advice.message and "30 jours" in advice.message
        assert "règle indicative" in advice.message
        assert advice.items == ("delai-30-jours",)
        assert result.status == "conform"


def test_register_with_unknown_headers_is_not_verified(run_ws: RunWs) -> None:
    files = {
        "siege/procedure-reclamations.md": PROCEDURE,
        "pro/I31-registre-reclamations.csv": "Quand;Quoi\n02/03/2026;Retard\n",
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(31,))
    result = report.indicator(31)
    (finding,) = findings(result, "check_reclamations_dans_les_delais")
    assert finding.outcome == "not_verified"
    assert "pro/I31-registre-reclamations.csv" in finding.message
    assert "date de réception, objet, date de réponse" in finding.message
    assert result.status == "not_assessed"


def test_unreadable_date_is_not_verified_not_conform(run_ws: RunWs) -> None:
    files = {
        "siege/procedure-reclamations.md": PROCEDURE,
        "pro/I31-registre-reclamations.csv": register("31/02/2026;Retard;05/03/2026;clos"),
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(31,))
    (finding,) = findings(report.indicator(31), "check_reclamations_dans_les_delais")
    assert finding.outcome == "not_verified" and "ligne 2" in finding.message


def test_no_register_is_advice(run_ws: RunWs) -> None:
    """Scenario s_31_register (u): the register is an evidence example of the guide."""
    files = {"siege/procedure-reclamations.md": PROCEDURE}
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(31,))
    result = report.indicator(31)
    (advice,) = advice_of(result)
    assert advice.outcome == "advice" and "aucun registre des réclamations" in advice.message
    assert "exemple de preuve du guide" in advice.message
    assert advice.unit == "siege"
    assert result.status == "conform"


def test_a_dated_signed_no_complaint_statement_stands_for_the_register(run_ws: RunWs) -> None:
    statement = (
        "---\nindicators: [31]\nkind: attestation\n---\n"
        "Je soussignée Marie Audibert, gérante, atteste qu'aucune réclamation écrite n'a été "
        "reçue entre le 1er janvier et le 31 octobre 2026.\nFait à Avignon, le 4 novembre 2026.\n"
    )
    files = {"siege/procedure-reclamations.md": PROCEDURE, "siege/attestation.md": statement}
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(31,))
    result = report.indicator(31)
    assert outcomes(result, "check_reclamations_dans_les_delais") == ["passed"]
    assert result.status == "conform"
    # the same statement, declared in the manifest way: by and date
    declared = (
        "---\nindicators: [31]\nkind: attestation\nby: M. Audibert\ndate: 2026-11-04\n---\n"
        "Aucune réclamation reçue en 2026.\n"
    )
    files["siege/attestation.md"] = declared
    report = run_ws(CONFIG, files, audit_date=V2026_AUDIT, indicators=(31,))
    assert outcomes(report.indicator(31), "check_reclamations_dans_les_delais") == ["passed"]


def test_xlsx_register(run_ws: RunWs) -> None:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet()
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, ["DATE DE RECEPTION", "OBJET", "Répondu le"])
    sheet.write_datetime(1, 0, dt.datetime(2026, 4, 1), dates)
    sheet.write(1, 1, "Accès")
    sheet.write_datetime(1, 2, dt.datetime(2026, 5, 20), dates)
    book.close()
    files = {
        "siege/procedure-reclamations.md": PROCEDURE,
        "siege/I31-registre-reclamations.xlsx": buffer.getvalue(),
    }
    two_units = CONFIG + '  - {id: langues, name: "Pôle langues"}\n'
    report = run_ws(two_units, files, audit_date=V9_AUDIT, indicators=(31,))
    gaps = findings(report.indicator(31), "check_reclamations_dans_les_delais")
    (gap,) = [g for g in gaps if g.outcome == "gap"]  # central register: reported once
    assert "01/04/2026" in gap.message and "20/05/2026" in gap.message
    assert gap.unit == "siege"


def _crm_plugin() -> ModuleType:
    src = Path(__file__).resolve().parents[2] / "plugins" / "rnq-crm-complaints" / "src"
    if str(src) not in sys.path:
        sys.path.insert(0, str(src))
    return importlib.import_module("rnq_crm_complaints")


def _run_crm(tmp_path: Path, export: str, **files: str) -> rnq.Report:
    """Run indicator 31 with the real crm-complaints collector reading ``export`` for « pro »."""
    config = CONFIG.replace(
        '    name: "Pôle pro"\n',
        '    name: "Pôle pro"\n    collectors:\n'
        "      - {use: crm-complaints, path: exports/crm.csv, delay_days: 15}\n",
    )
    files = {"pro/exports/crm.csv": export, **{f"siege/{k}.md": v for k, v in files.items()}}
    root = write_workspace(tmp_path / "ws", config, files)
    options = rnq.RunOptions(
        today=TODAY,
        audit_date=V2026_AUDIT,
        indicators=(31,),
        use_cache=False,
        load_entrypoints=False,
        workers=1,
        extra_plugins=(_crm_plugin(),),
    )
    return rnq.run(root, options)


def test_rows_from_the_crm_plugin(tmp_path: Path) -> None:
    export = (
        "Reçue le,Sujet,Clôturée le,Canal\n"
        "2026-03-02 10:12,Retard,2026-03-10 09:00,web\n"
        "2026-08-01 08:00,Facturation,,mail\n"
    )
    report = _run_crm(tmp_path, export)
    gaps = findings(report.indicator(31), "check_reclamations_dans_les_delais")
    assert [g.outcome for g in gaps] == ["gap"]
    (gap,) = gaps
    assert "01/08/2026" in gap.message and "sans réponse" in gap.message
    assert "crm-complaints:pro/exports/crm.csv, enregistrement n° 2" in gap.message
    assert gap.item == "crm-complaints:pro/exports/crm.csv#2"
    # no procedure here: the collector's delay_days applies
    assert "15 jours" in gap.message and "delay_days" in gap.message


def test_crm_export_without_response_column_is_not_verified(tmp_path: Path) -> None:
    export = "Reçue le,Sujet\n2026-03-02,Retard\n"
    report = _run_crm(tmp_path, export, procedure=PROCEDURE)
    result = report.indicator(31)
    (finding,) = findings(result, "check_reclamations_dans_les_delais")
    assert finding.outcome == "not_verified"
    assert "crm-complaints:pro/exports/crm.csv" in finding.message
    assert "date de réception, objet, date de réponse" in finding.message
    assert result.status == "not_assessed"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("accuse de reception sous 48 h ; reponse sous 10 jours ouvres.", "10 jours ouvrés"),
        ("les reclamations sont traitees dans un delai de 15 jours.", "15 jours"),
        ("traitement des reclamations. delai maximum : 30 jours calendaires.", "30 jours"),
        ("une reponse est apportee sous huit jours.", "8 jours"),
        ("reponse ecrite sous 48 heures.", "48 heures"),
        ("la reclamation est close dans un delai de 2 mois.", "2 mois"),
    ],
)
def test_response_delay(text: str, label: str) -> None:
    delay = response_delay(text, "p.md")
    assert delay is not None and delay.label().fr == label


def test_no_delay_without_an_answer_cue() -> None:
    assert response_delay("accuse de reception sous 48 heures. formation de 35 heures.") is None


def test_working_days_skip_weekends_and_holidays() -> None:
    # Friday 30 Oct 2026 + 2 working days: Mon 2 Nov (1 Nov is a Sunday and a holiday), Tue 3
    assert Delay(2, "ouvres").deadline(dt.date(2026, 10, 30)) == dt.date(2026, 11, 3)
    assert Delay(1, "ouvres").deadline(dt.date(2027, 5, 13)) == dt.date(2027, 5, 14)
    # Wednesday 5 May 2027 + 1 working day: Ascension on Thursday 6 May → Friday 7 May
    assert Delay(1, "ouvres").deadline(dt.date(2027, 5, 5)) == dt.date(2027, 5, 7)
    assert Delay(1, "ouvrables").deadline(dt.date(2026, 11, 27)) == dt.date(2026, 11, 28)
    assert Delay(30, "jours").deadline(dt.date(2026, 1, 1)) == dt.date(2026, 1, 31)
