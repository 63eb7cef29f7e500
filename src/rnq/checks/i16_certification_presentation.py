"""Indicator 16 — Presentation to the certification (« Présentation à la certification »),
criterion 3.

Its built-in checks:

* :func:`check_presentation_certification` — candidates are presented for certification in line
  with the certifying body's formal requirements.
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Offering

__all__ = ["check_presentation_certification"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_EXAM_TERMS = Term.of(
    "les modalités de l'évaluation certificative communiquées (épreuves, déroulement)",
    "how the certifying assessment runs (tests, proceedings)",
    r"modalites (d'evaluation|de certification|d'examen|des epreuves)",
    r"deroulement (de l'examen|des epreuves|de la certification|de l'evaluation)",
    r"epreuves?",
    r"examens?",
    r"jury",
)


_REGISTRATION = Term.of(
    "l'inscription des candidats à la session (convocation, preuve d'inscription)",
    "the candidates' registration to the session (notice, proof of registration)",
    r"inscri",
    r"convocation",
    r"session",
)


_CERTIFIER_RULES = Term.of(
    "les exigences formelles du certificateur (règlement, habilitation, référentiel d'évaluation)",
    "the certifier's formal requirements (exam rules, authorisation, assessment referential)",
    r"reglement (d'examen|de certification|des epreuves|general)",
    r"habilitation",
    r"agrement",
    r"convention (avec le certificateur|de partenariat)",
    r"referentiel (d'evaluation|de certification)",
    r"proces[- ]verbal",
    r"\bpv\b",
    r"cahier des charges",
    r"exigences (formelles )?du certificateur",
    r"autorite de certification",
)


@mark.verifies("presentation-certification")
def check_presentation_certification(offering: Offering, evidence: EvidenceSet) -> None:
    """La présentation à la certification respecte les exigences formelles du certificateur.

    Dans le dossier de la prestation certifiante, joignez l'information remise aux candidats sur
    le déroulement des épreuves, la preuve de leur inscription à la session (convocation) et les
    exigences du certificateur que vous appliquez (règlement d'examen, habilitation ou convention,
    référentiel d'évaluation, procès-verbaux) ; si vous n'organisez pas l'évaluation, montrez que
    vous orientez le candidat vers l'évaluateur.

    EN: Candidates are presented for certification in line with the certifying body's formal
    requirements.

    In the certifying offering's folder, attach the information given to candidates on how the tests
    run, proof of their registration for the session (convocation) and the certifying body's
    requirements you apply (exam regulations, habilitation or agreement, assessment standard,
    procès-verbaux); if you do not organise the assessment, show that you refer the candidate to the
    assessor.
    """
    code = (offering.certification or "").strip()
    # RNCP only, or RNCP and RS: the scope of « certification professionnelle » is provisional.
    provisional = code.upper().startswith("RS")
    require_terms(
        evidence,
        16,
        [_EXAM_TERMS, _REGISTRATION, _CERTIFIER_RULES],
        subject=msg(
            f"Présentation à la certification {code}"
            + (" (périmètre RS provisoire)" if provisional else ""),
            f"Presentation to the certification {code}"
            + (" (RS scope provisional)" if provisional else ""),
        ),
        target=offering,
        provisional=provisional,
    )
