"""Indicator 14 — Socio-professional, educational and citizenship support (« Accompagnement
socio-professionnel, éducatif et citoyen »), criterion 3.

Its built-in checks:

* :func:`check_accompagnement_socio_pro` — the CFA provides social and professional, educational
  and civic support.
* :func:`check_rupture_sans_delai` — the CFA deals at once with contract breaks due to
  difficulties, violence or discrimination (2026).
"""

from __future__ import annotations

from rnq.checks.helpers import Term, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.workspace.config import Unit

__all__ = ["check_accompagnement_socio_pro", "check_rupture_sans_delai"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"


_SOCIAL = Term.of(
    "l'accompagnement socio-professionnel (aides financières, logement, transport, social)",
    "social and professional support (financial aid, housing, transport, social workers)",
    r"aides? (financieres?|au logement|au transport|au permis|a la restauration|materielles?)",
    r"logement",
    r"hebergement",
    r"internat",
    r"foyer",
    r"restauration",
    r"transport",
    r"permis de conduire",
    r"assistante? sociale?",
    r"travailleurs? sociaux",
    r"difficultes (sociales|materielles|financieres)",
)


_EDUCATIONAL = Term.of(
    "l'accompagnement éducatif (projets sportifs, culturels, éducation aux écrans)",
    "educational support (sports and cultural projects, screen education)",
    r"educati",
    r"projets? (sportifs?|culturels?|pedagogiques?)",
    r"\bsports?\b",
    r"sportive",
    r"culturel",
    r"ecrans?",
    r"soutien scolaire",
    r"sorties?",
)


_CITIZENSHIP = Term.of(
    "l'accompagnement à la citoyenneté (mixité, diversité, laïcité, prévention)",
    "citizenship (gender mix, diversity, secularism, prevention)",
    r"citoyen",
    r"mixite",
    r"diversite",
    r"laicite",
    r"egalite",
    r"valeurs de la republique",
    r"prevention (des addictions|routiere|sante)",
    r"eco-?citoyen",
    r"developpement durable",
)


@mark.verifies("accompagnement-socio-pro")
def check_accompagnement_socio_pro(unit: Unit, evidence: EvidenceSet) -> None:
    """Le CFA assure un accompagnement socio-professionnel, éducatif et citoyen.

    Formalisez l'accompagnement des apprentis et montrez les projets menés : aides financières,
    logement, transport, restauration et contacts des travailleurs sociaux ; projets sportifs et
    culturels, éducation aux écrans ; citoyenneté, mixité, diversité, laïcité.

    EN: The CFA provides social and professional, educational and civic support.

    Formalise the support given to apprentices and show the projects carried out: financial aid,
    housing, transport, meals and social workers' contacts; sports and cultural projects, education
    on screen use; citizenship, social mix, diversity, laïcité (secularism).
    """
    require_terms(
        evidence,
        14,
        [_SOCIAL, _EDUCATIONAL, _CITIZENSHIP],
        subject=msg(
            "Accompagnement socio-professionnel, éducatif et citoyen",
            "Social, educational and citizenship support",
        ),
        target=unit,
    )


_NO_DELAY = Term.of(
    "un traitement sans délai (délai de prise en charge, réaction immédiate)",
    "handling without delay (response time, immediate action)",
    r"sans delai",
    r"immediat",
    r"sous (24|48|72) ?h",
    r"dans les (24|48|72) ?(h|heures)",
    r"dans les plus brefs delais",
    r"des (le |reception du )?signalement",
    r"urgence",
)


_BREAKDOWN = Term.of(
    "les situations de rupture (difficultés, violences, discriminations)",
    "breakdown situations (difficulties, violence, discrimination)",
    r"rupture",
)


_CAUSES = Term.of(
    "les causes visées : difficultés, violences ou discriminations",
    "the causes covered: difficulties, violence or discrimination",
    r"violence",
    r"discrimination",
    r"harcelement",
)


_HOST_COMPANY = Term.of(
    "les situations vécues en formation ou dans l'entreprise d'accueil",
    "situations met in training or in the host company",
    r"entreprise d'accueil",
    r"en entreprise",
    r"employeur",
    r"maitres? d'apprentissage",
)


@mark.verifies("rupture-sans-delai")
def check_rupture_sans_delai(unit: Unit, evidence: EvidenceSet) -> None:
    """Le CFA traite sans délai les ruptures liées à difficultés, violences, discriminations (2026).

    Rédigez une procédure qui couvre les ruptures liées à des difficultés, des violences ou des
    discriminations, au centre comme dans l'entreprise d'accueil, et qui fixe un délai de prise en
    charge immédiat (qui alerter, qui agit, sous quel délai).

    EN: The CFA deals at once with contract breaks due to difficulties, violence or discrimination
    (2026).

    Write a procedure that covers contract breaks (ruptures) due to difficulties, violence or
    discrimination, at the centre as in the host company, and sets an immediate handling time (whom
    to alert, who acts, within what time).
    """
    require_terms(
        evidence,
        14,
        [_BREAKDOWN, _CAUSES, _HOST_COMPANY, _NO_DELAY],
        subject=msg(
            "Traitement sans délai des situations de rupture",
            "Breakdowns handled without delay",
        ),
        target=unit,
    )
