"""Indicator 16 (``rnq/checks/i16_certification_presentation.py``), per certifying offering:
candidates are presented to the certification under the certifier's formal requirements — or,
for a provider that does not run the assessment, directed to the assessor (review scenario
``s_16_assessor_elsewhere``); the registration to the session is demanded only where the
provider presents the candidates itself (``presents_candidates``); the exam information is an
example. A gap names the offering and is major (« à confirmer » on an RS certification).
"""

from __future__ import annotations

import pytest

from .conftest import CONFIG, V9_AUDIT, V2026_AUDIT, RunWs, findings, note

EXAMEN = note(
    "16",
    "certification",
    """# Présentation à l'examen
Déroulement des épreuves communiqué aux candidats ; convocation et preuve d'inscription à la
session. Règlement d'examen du certificateur appliqué ; procès-verbal du jury.""",
)

#: What candidates are told, with no word of the certifier's requirements.
NO_RULES = (
    "Les candidats reçoivent le déroulement des épreuves (nature, durée) et leur convocation "
    "deux semaines avant la session."
)

#: A provider that sends its trainees to an approved centre (review §2.1 #6, §2.3).
ELSEWHERE = note(
    "16",
    "certification",
    """# Passage du titre professionnel
Nous n'organisons pas les sessions d'examen. Nos stagiaires passent le titre dans un centre
agréé par la DREETS (AFPA de Limoges) : nous les orientons vers ce centre et leur remettons ses
coordonnées et le calendrier des sessions.""",
)

#: The certifier's rules, with no word on the registration.
RULES_ONLY = note(
    "16",
    "certification",
    """# Certification
Les épreuves se déroulent conformément au règlement de certification du certificateur : jury de
deux professionnels, mise en situation de 2 heures, procès-verbal transmis sous 8 jours.""",
)


def presentation(report):  # type: ignore[no-untyped-def]
    return findings(report.indicator(16), "check_presentation_certification")


def with_facts(facts: str) -> str:
    return CONFIG.replace(
        'certification: "RNCP12345"}', f'certification: "RNCP12345", facts: {{{facts}}}}}'
    )


@pytest.mark.parametrize("audit_date", [V9_AUDIT, V2026_AUDIT])
def test_16_passes_per_certifying_offering(run_ws: RunWs, audit_date: object) -> None:
    report = run_ws(CONFIG, {"pro/cap/exam.md": EXAMEN}, audit_date=audit_date, indicators=(16,))
    [finding] = presentation(report)
    assert finding.outcome == "passed" and finding.offering == "cap"
    assert report.indicator(16).status == "conform"


def test_16_gap_names_the_offering_and_is_major(run_ws: RunWs) -> None:
    text = note("16", "certification", NO_RULES)
    report = run_ws(CONFIG, {"pro/cap/exam.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    result = report.indicator(16)
    [finding] = [f for f in presentation(report) if f.outcome == "gap"]
    assert finding.offering == "cap" and finding.items == ("exigences-certificateur",)
    assert "CAP Fleuriste" in finding.message and "RNCP12345" in finding.message
    assert "exigences formelles du certificateur" in finding.message
    assert not finding.provisional
    assert result.status == "nc_major"


def test_a_provider_directing_candidates_to_the_assessor_is_conform(run_ws: RunWs) -> None:
    """Scenario ``s_16_assessor_elsewhere``: nc_major before; conform now, with the advice to
    declare that the provider does not present the candidates."""
    report = run_ws(
        CONFIG, {"pro/cap/passage.md": ELSEWHERE}, audit_date=V2026_AUDIT, indicators=(16,)
    )
    sixteen = report.indicator(16)
    assert sixteen.status == "conform", [f.message for f in sixteen.findings]
    assert [f.outcome for f in presentation(report) if f.outcome != "advice"] == ["passed"]
    (declare,) = [f for f in presentation(report) if "presents_candidates: false" in f.message]
    assert declare.outcome == "advice" and declare.confirm


def test_declared_not_presenting_asks_no_registration(run_ws: RunWs) -> None:
    config = with_facts("presents_candidates: false")
    report = run_ws(
        config, {"pro/cap/passage.md": ELSEWHERE}, audit_date=V2026_AUDIT, indicators=(16,)
    )
    assert report.indicator(16).status == "conform"
    assert not any("inscription" in f.message for f in presentation(report))
    assert not any("presents_candidates" in f.message for f in presentation(report))


def test_registration_is_required_where_the_provider_presents_the_candidates(
    run_ws: RunWs,
) -> None:
    config = with_facts("presents_candidates: true")
    report = run_ws(config, {"pro/cap/rules.md": RULES_ONLY}, audit_date=V9_AUDIT, indicators=(16,))
    (gap,) = [f for f in presentation(report) if f.outcome == "gap"]
    assert gap.items == ("inscription-session",)
    assert report.indicator(16).status == "nc_major"


def test_registration_is_advice_where_nobody_declared_who_presents(run_ws: RunWs) -> None:
    report = run_ws(CONFIG, {"pro/cap/rules.md": RULES_ONLY}, audit_date=V9_AUDIT, indicators=(16,))
    assert report.indicator(16).status == "conform"
    (undeclared,) = [f for f in presentation(report) if "inscription-session" in f.items]
    assert undeclared.outcome == "advice" and "presents_candidates" in undeclared.message


def test_directing_elsewhere_does_not_count_for_a_provider_that_presents(
    run_ws: RunWs,
) -> None:
    config = with_facts("presents_candidates: true")
    text = note(
        "16",
        "certification",
        "Nous orientons les stagiaires vers le centre d'examen de la CCI, qui les inscrit à la "
        "session et les convoque.",
    )
    report = run_ws(config, {"pro/cap/passage.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    (gap,) = [f for f in presentation(report) if f.outcome == "gap"]
    assert "exigences-certificateur" in gap.items


def test_exam_information_is_an_example(run_ws: RunWs) -> None:
    text = note(
        "16",
        "certification",
        "Convention d'habilitation signée avec le certificateur (annexe : référentiel "
        "d'évaluation) ; liste des candidats inscrits transmise 30 jours avant la session.",
    )
    report = run_ws(CONFIG, {"pro/cap/conv.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    assert report.indicator(16).status == "conform"
    (vigilance,) = [f for f in presentation(report) if f.outcome == "advice"]
    assert vigilance.items == ("modalites-evaluation-certificative",)


def test_a_pointer_to_the_certifiers_website_states_nothing(run_ws: RunWs) -> None:
    text = note(
        "16",
        "certification",
        "# Certification\nLes épreuves se déroulent selon le règlement du certificateur (cf. "
        "site du certificateur).",
    )
    report = run_ws(CONFIG, {"pro/cap/exam.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    assert report.indicator(16).status == "nc_major"


def test_16_gap_on_an_rs_certification_is_provisional(run_ws: RunWs) -> None:
    config = CONFIG.replace("RNCP12345", "RS5678")
    text = note("16", "certification", NO_RULES)
    report = run_ws(config, {"pro/cap/exam.md": text}, audit_date=V9_AUDIT, indicators=(16,))
    assert [f for f in presentation(report) if f.outcome == "gap"] == []
    (rs,) = [f for f in presentation(report) if "Répertoire spécifique" in f.message]
    assert rs.outcome == "advice" and rs.confirm
    assert report.indicator(16).status == "conform"


def test_16_unreadable_evidence_makes_a_missing_requirement_not_verified(run_ws: RunWs) -> None:
    """Where some evidence for 16 is a scan, readable evidence that lacks the certifier's
    requirements (a list of candidates, a notice) is not an absence: the scan may hold them
    (SPEC §4: an NC needs a verified absence). The example's CAP AEPE: a scan and the certifier's
    list of candidates."""
    scan = b"%PDF-1.4\n%%EOF"
    files: dict[str, str | bytes] = {
        "pro/cap/exam.md": note("16", "certification", NO_RULES),
        "pro/cap/I16-presentation-scan.pdf": scan,
    }
    report = run_ws(CONFIG, files, audit_date=V9_AUDIT, indicators=(16,))
    [finding] = [f for f in presentation(report) if f.outcome != "passed"]
    assert finding.outcome == "not_verified" and finding.offering == "cap"
    assert finding.evidence == ("pro/cap/I16-presentation-scan.pdf",)
    assert "exigences formelles du certificateur" in finding.message
    assert "1 document(s) illisible(s) (prestation « CAP Fleuriste ») peuvent le contenir" in (
        finding.message
    )
    assert report.indicator(16).status == "not_assessed"
