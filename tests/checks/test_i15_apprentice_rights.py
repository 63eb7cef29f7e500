"""Indicator 15 (``rnq/checks/i15_apprentice_rights.py``), for a CFA: apprentices are told their
rights and duties, their status and health and safety rules and, from rnq-2026, the
apprenticeship mediator, the labour inspectorate, information reinforced for minors (only where
minors are declared), the schemes against violence and whom to turn to. Indicator 12's
violence check is not bound to 15.
"""

from __future__ import annotations

from .conftest import CFA_CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note, outcomes

DROITS = note(
    "15",
    "livret-accueil",
    """# Livret de l'apprenti
Vos droits et devoirs : le contrat d'apprentissage fait de vous un salarié (temps de travail,
congés, rémunération). Santé et sécurité au travail : équipements de protection obligatoires.""",
)

MEDIATEUR = (
    "Médiateur de l'apprentissage : CCI de la Vienne, mediation@cci.fr. Les apprentis mineurs "
    "reçoivent une information renforcée. Tout dysfonctionnement est signalé à l'inspection du "
    "travail.\n"
)

#: The 2026 information on violence: schemes and people (its own check, not 12's).
VIOLENCES = (
    "Violences, harcèlement, discriminations : tu peux le signaler à la référente VSS "
    "(Mme Roy, 05 49 00 00 00) ou par le formulaire anonyme de l'ENT. Qui contacter ? "
    "Ta référente de parcours, la CPE, l'infirmière.\n"
)

#: Everything of 2026 but the information for minors, in a CFA of adults (s_15_adult_cfa).
ADULTS = note(
    "15",
    "livret-accueil",
    """# Livret de l'alternant – CFA du supérieur
Nos apprentis sont tous majeurs (BTS, licences professionnelles).
Vos droits et devoirs : le contrat d'apprentissage fait de vous un salarié (temps de travail,
congés, rémunération). Santé et sécurité au travail : visite d'information et de prévention.
Médiateur de l'apprentissage : CCI de la Vienne, mediation@cci.fr. Tout dysfonctionnement est
signalé à l'inspection du travail.
""",
)

MEDIATOR = "check_mediateur_apprentissage"
VIOLENCE = "check_signalement_violences_apprentis"


def with_minors(value: str) -> str:
    """The CFA workspace with ``minors`` declared for its unit."""
    return CFA_CONFIG.replace(
        '    name: "Pôle pro"\n', f'    name: "Pôle pro"\n    facts: {{minors: {value}}}\n'
    )


def test_15_passes_with_rights_status_and_safety(run_ws: RunWs) -> None:
    report = run_ws(CFA_CONFIG, {"pro/l.md": DROITS}, audit_date=V9_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), "check_droits_devoirs_apprentis") == ["passed"]
    assert report.indicator(15).status == "conform"


def test_15_health_and_safety_with_an_inserted_article(run_ws: RunWs) -> None:
    """Review §2.7, false alarm (d): « règles de santé et de sécurité » is recognised."""
    text = DROITS.replace(
        "Santé et sécurité au travail : équipements de protection obligatoires.",
        "Les règles de santé et de sécurité sont présentées le premier jour.",
    )
    report = run_ws(CFA_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), "check_droits_devoirs_apprentis") == ["passed"]
    assert report.indicator(15).status == "conform"


def test_15_rights_and_duties_told_apart(run_ws: RunWs) -> None:
    """« Article 3 – Obligations … Article 4 – Droits … »: rights and duties need not be one
    phrase."""
    text = note(
        "15",
        "reglement-interieur",
        """# Règlement intérieur du CFA
Article 3 – Obligations des apprentis : suivre tous les enseignements, justifier toute absence.
Article 4 – Droits des apprentis : droit d'expression par les délégués.
Article 5 – Les heures au CFA sont du temps de travail rémunéré (statut de salarié).
Article 8 – Hygiène et sécurité en atelier : port des EPI obligatoire.""",
    )
    report = run_ws(CFA_CONFIG, {"pro/ri.md": text}, audit_date=V9_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), "check_droits_devoirs_apprentis") == ["passed"]


def test_15_gap_without_health_and_safety(run_ws: RunWs) -> None:
    text = DROITS.replace(
        "Santé et sécurité au travail : équipements de protection obligatoires.", ""
    )
    report = run_ws(CFA_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(15,))
    result = report.indicator(15)
    [finding] = findings(result, "check_droits_devoirs_apprentis")
    assert finding.outcome == "gap" and "santé et de sécurité" in finding.message
    assert finding.items == ("sante-securite",)
    assert result.status == "nc_major"


def test_15_a_pointer_to_the_labour_code_informs_no_one(run_ws: RunWs) -> None:
    """Review §4: « Droits et devoirs du salarié, santé et sécurité au travail : cf. code du
    travail. » is not information."""
    text = note(
        "15",
        "livret-accueil",
        "Droits et devoirs du salarié, santé et sécurité au travail : cf. code du travail.",
    )
    report = run_ws(CFA_CONFIG, {"pro/l.md": text}, audit_date=V9_AUDIT, indicators=(15,))
    result = report.indicator(15)
    [finding] = findings(result, "check_droits_devoirs_apprentis")
    assert finding.outcome == "gap"
    assert set(finding.items) == {"droits-devoirs", "statut-salarie", "sante-securite"}
    assert result.status == "nc_major"


def test_15_2026_mediator_minors_and_inspectorate(run_ws: RunWs) -> None:
    config = with_minors("true")
    report = run_ws(config, {"pro/l.md": DROITS}, audit_date=V9_AUDIT, indicators=(15,))
    assert findings(report.indicator(15), MEDIATOR) == []
    assert findings(report.indicator(15), VIOLENCE) == []
    report = run_ws(config, {"pro/l.md": DROITS}, audit_date=V2026_AUDIT, indicators=(15,))
    [finding] = findings(report.indicator(15), MEDIATOR)
    assert finding.outcome == "gap" and "médiateur de l'apprentissage" in finding.message
    assert set(finding.items) == {
        "mediateur-apprentissage",
        "information-mineurs",
        "inspection-travail",
    }
    files = {"pro/l.md": DROITS + MEDIATEUR + VIOLENCES}
    report = run_ws(config, files, audit_date=V2026_AUDIT, indicators=(15,))
    assert outcomes(report.indicator(15), MEDIATOR) == ["passed"]
    assert outcomes(report.indicator(15), VIOLENCE) == ["passed"]
    assert report.indicator(15).status == "conform"


def test_15_2026_adult_cfa_minors_undeclared_is_advice(run_ws: RunWs) -> None:
    """Review §2.3 (scenario s_15_adult_cfa): « Nos apprentis sont tous majeurs » — the
    information for minors is conditional; undeclared, it is advice naming the fact, never an
    NC majeure."""
    files = {"pro/l.md": ADULTS + VIOLENCES}
    report = run_ws(CFA_CONFIG, files, audit_date=V2026_AUDIT, indicators=(15,))
    result = report.indicator(15)
    assert result.status == "conform", [f.message for f in result.findings]
    mine = findings(result, MEDIATOR)
    assert sorted(f.outcome for f in mine) == ["advice", "passed"]
    [advice] = [f for f in mine if f.outcome == "advice"]
    assert advice.items == ("information-mineurs",) and advice.confirm
    assert "minors: true" in advice.message


def test_15_2026_adult_cfa_declared_without_minors(run_ws: RunWs) -> None:
    files = {"pro/l.md": ADULTS + VIOLENCES}
    report = run_ws(with_minors("false"), files, audit_date=V2026_AUDIT, indicators=(15,))
    result = report.indicator(15)
    assert outcomes(result, MEDIATOR) == ["passed"]
    assert result.status == "conform"


def test_15_2026_minors_declared_and_not_informed_is_a_gap(run_ws: RunWs) -> None:
    files = {"pro/l.md": ADULTS + VIOLENCES}
    report = run_ws(with_minors("true"), files, audit_date=V2026_AUDIT, indicators=(15,))
    result = report.indicator(15)
    [finding] = findings(result, MEDIATOR)
    assert finding.outcome == "gap" and finding.items == ("information-mineurs",)
    assert result.status == "nc_major"


def test_15_2026_schemes_against_violence_have_their_own_check(run_ws: RunWs) -> None:
    """Review §2.2 #4: 15's 2026 addition is informing of the prevention and reporting schemes
    and of the interlocutors — its own items, not 12's handling of cases."""
    files = {"pro/l.md": ADULTS}
    report = run_ws(with_minors("false"), files, audit_date=V2026_AUDIT, indicators=(15,))
    result = report.indicator(15)
    assert findings(result, "check_prevention_violences") == []
    [finding] = findings(result, VIOLENCE)
    assert finding.outcome == "gap"
    assert set(finding.items) == {"dispositifs-violences", "interlocuteurs"}
    assert result.status == "nc_major"


def test_15_2026_the_violence_check_of_12_is_not_bound_to_15(run_ws: RunWs) -> None:
    """Review §2.2 #4 (scenario s_violence_fanout): a violence document missing its handling
    part gives no finding on 15."""
    violence = note(
        "12, 15",
        "procedure",
        "# Prévention des violences\nActions de sensibilisation au harcèlement et aux "
        "discriminations chaque année ; référente harcèlement désignée, Mme Roy.",
    )
    files = {"pro/l.md": ADULTS + VIOLENCES, "pro/violences.md": violence}
    report = run_ws(with_minors("false"), files, audit_date=V2026_AUDIT, indicators=(15,))
    result = report.indicator(15)
    assert findings(result, "check_prevention_violences") == []
    assert result.status == "conform", [f.message for f in result.findings]
