"""Indicator 28 — Socio-economic partner network (« Réseau de partenaires socio-économiques »),
criterion 6.

Its built-in checks:

* :func:`check_reseau_partenaires` — socio-economic partners help build the training and
  welcome the learners in companies.

The indicator applies only where offerings include periods in a work situation (alternance,
internships, AFEST): the engine's scope leaves it off the other units (a unit of bilans, a unit
whose offerings declare no work situation).
"""

from __future__ import annotations

from collections.abc import Sequence

from rnq.checks.helpers import readable, where_kept
from rnq.checks.judging import Finder, Reader, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.match.questions import document_question, named_question
from rnq.match.tables import find_table
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_reseau_partenaires"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

_NEGATED = (
    r"re:\bn'(?:est|ont|a|avons|existe|y a|intervient|interviennent) (?:pas|jamais|plus|aucun)\b"
)

#: How a document names the socio-economic partners it works with: partner companies, branches
#: and their bodies, chambers, the public employment service.
NETWORK = Concept.of(
    "entreprise|entreprises|employeur|employeurs|structure|structures|établissement"
    "|établissements|professionnels partenaire|partenaires",
    "partenaires professionnels|socio-économiques|économiques|entreprises|employeurs",
    "réseau|réseaux partenaires|entreprises|employeurs|professionnels",
    "convention|conventions de partenariat",
    r"re:\bpartenariats? avec\b",
    "charte entreprise partenaire",
    "branche|branches professionnelle|professionnelles",
    "=OPCO",
    "Constructys|Atlas|Akto|Uniformation",
    "chambre|chambres métiers|commerce|agriculture|consulaire|consulaires",
    "=CCI",
    "=CMA",
    "France Travail",
    "Pôle emploi",
    "mission|missions locale|locales",
    "=SPE",
    "service public de l'emploi",
    "Cap emploi",
    "fédération|fédérations",
    "=FFB",
    "=CAPEB",
    "=UIMM",
    "=UMIH",
    "=MEDEF",
    "=CPME",
    "cluster",
    "club|clubs entreprises|employeurs|RH|maîtres",
    "groupement|groupements",
    "relations entreprises",
    "maître|maîtres d'apprentissage",
    unless=(_NEGATED,),
)


def _companies_listed(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    table = find_table(text, rows, _COMPANY_ROLES, ("who",), data_rows=2)
    return table is not None


_COMPANY_ROLES = {
    "who": ("entreprise", "employeur", "structure d'accueil", "partenaire", "établissement")
}
_COMPANIES = named_question(__name__, "companies-listed")
document_question(_COMPANIES)(_companies_listed)

#: How a document says the partners take part in designing the training (its engineering).
CO_DESIGN = Concept.of(
    "co-construire|co-construit|co-construite|co-construction|coconstruire|coconstruit",
    "co-concevoir|co-conçu|co-conçue|co-conception|co-animé|co-animée",
    "construit|construite|conçu|conçue|élaboré|élaborée|pensé|pensée|défini|définie"
    " entreprises|employeurs|partenaires|professionnels|branche",
    "avec les entreprises|employeurs|professionnels construit|conçu|élaboré",
    "comité|comités pilotage|suivi|technique|pédagogique",
    "=COPIL",
    "conseil|conseils de perfectionnement",
    "groupe|groupes de travail",
    "réunion|réunions de travail",
    "atelier|ateliers conception|besoins",
    "participation|participent|participer|participe conception|construction|revue|révision"
    "|élaboration",
    "revue|révision|relecture|relit|relisent programme|programmes|contenus|parcours|référentiel",
    "valident|valide|validé|validée|validation programme|contenus|parcours|référentiel",
    "avis des professionnels|entreprises|employeurs|tuteurs",
    "avis contenu|contenus|programme|programmes|modules|parcours",
    "besoins en compétences",
    "ensemble situations|parcours|programme|contenus|progression|séquences",
    "découpent|définissent|fixent ensemble",
    "demandé|demande ajout",
    "ajout module|séquence|contenus",
    "proposent|propose cas|mises pratiques|réels|situation",
    "intervenants métiers|professionnels",
    "jury|jurys",
    unless=(_NEGATED, "conçu en interne", "en interne"),
)

#: How a document says the partners help welcome learners in companies (placements,
#: internships, apprenticeship contracts, tutors).
PLACEMENT = Concept.of(
    "accueil|accueille|accueillent|accueillir|accueilli|accueillis stagiaire|stagiaires"
    "|apprenti|apprentis|alternant|alternants|jeunes|candidats|bénéficiaires",
    "accueil en entreprise",
    "lieu|lieux d'accueil",
    "place|places stage|accueil|disponibles",
    r"re:\b\d+ places?\b",
    "tous|toutes lieu|place stage",
    "engagé|engagée|engagées|engagent|engage accueillir",
    "offre|offres stage|stages|alternance|contrat|contrats|apprentissage|emploi|emplois",
    "offres relayées|diffusées|déposées",
    "job dating",
    "mise|mises en relation",
    "convention|conventions de stage",
    "tuteur|tuteurs|tutrice|tutrices",
    "maître|maîtres d'apprentissage",
    "aide|aidons à la recherche",
    "bourse alternance|stages",
    "prospection|prospecter entreprises|employeurs",
    "renouvellent un accueil",
    unless=(_NEGATED, "lui-même|elle-même|eux-mêmes"),
)

#: How a document states each item of indicator 28 (``items:`` of ``indicators/28.yaml``).
CONCEPTS: dict[str, Finder] = {
    "reseau-partenaires": (NETWORK, Reader(_COMPANIES)),
    "co-construction": CO_DESIGN,
    "accueil-entreprise": PLACEMENT,
}


@mark.verifies("reseau-partenaires")
def check_reseau_partenaires(
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les partenaires socio-économiques co-construisent la formation et l'accueil en entreprise.

    Montrez le réseau de partenaires (entreprises, branches, OPCO, chambres consulaires, service
    public de l'emploi), leur participation à l'ingénierie des formations (comité de pilotage,
    groupe de travail, programme relu ou validé par les professionnels) et leur aide à l'accueil
    des apprenants en entreprise (lieux de stage, offres d'alternance relayées, tuteurs, mises en
    relation). S'applique aux prestations comprenant des périodes en situation de travail.

    EN: Socio-economic partners help build the training and welcome learners in companies.

    Show the partner network (companies, branches, OPCO, chambers, public employment service),
    their part in the training engineering (steering committee, working group, programme
    reviewed or approved by professionals) and their help with company placements (internship
    places, work-study offers passed on, tutors, introductions). Applies to offerings that
    include periods in a work situation.
    """
    docs = list(readable(evidence, 28))
    place = where_kept(unit, docs, config)
    judge(
        docs,
        CONCEPTS,
        indicator=28,
        referential=referential,
        facts=facts,
        subject=msg(
            f"Réseau de partenaires socio-économiques ({place.fr})",
            f"Socio-economic partner network ({place.en})",
        ),
    )
