"""Indicator 14 — Socio-professional, educational and citizenship support (« Accompagnement
socio-professionnel, éducatif et citoyen »), criterion 3.

Its built-in checks:

* :func:`check_accompagnement_socio_pro` — the CFA provides social and professional, educational
  and civic support.
* :func:`check_rupture_sans_delai` — the CFA deals at once with breakdown situations due to
  difficulties, violence or discrimination (2026).

What they demand (``items:`` of ``indicators/14.yaml``, all requirements of the wording): the
three kinds of support — socio-professional (aid, housing, transport, social workers…),
educational (sports, cultural projects, screen education…), citizenship (delegates, laïcité,
equality, civic engagement…); from rnq-2026, a procedure for breakdown situations
(« situations de rupture »), whose causes are difficulties, violence **or** discrimination (any
one of them), suffered in training or in the host company, handled without delay. The 2026
violence prevention check of indicator 12 is not bound to 14.
"""

from __future__ import annotations

from rnq.checks.judging import Finder, judge_readable
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_accompagnement_socio_pro", "check_rupture_sans_delai"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

#: Social and professional support: aid, housing, transport, meals, social workers (wording).
_SOCIAL = Concept.of(
    "accompagnement|suivi|soutien socio-professionnel|social|sociale|socioprofessionnel",
    "aide|aides|fonds|soutien financier|financière|financières|sociale|sociales|social|urgence|"
    "logement|transport|transports|mobilité|permis|restauration|repas|hébergement|équipement|"
    "premier|Région|CAF",
    "fonds social",
    "logement|logements|hébergement|internat|foyer|FJT",
    "Mobili-Jeune",
    "Action Logement",
    "restauration|restaurant scolaire|collective|self",
    "cantine",
    "navette|navettes|covoiturage",
    "permis de conduire",
    "CESF",
    "économie sociale et familiale",
    "assistant|assistante|assistants|assistantes social|sociale|sociaux|sociales",
    "service social",
    "travailleur|travailleurs social|sociaux",
    "service|services|référent|référente|responsable|conseiller|conseillère|pôle|bureau vie "
    "apprentie|apprenti|étudiante",
    "insertion sociale et professionnelle",
    "difficultés|problème|problèmes sociales|matérielles|financières|argent|budget|logement|santé",
    "atelier|ateliers|gérer|gestion|gère budget",
    "mission locale",
    "complémentaire santé",
)

#: Educational support: sports, cultural projects, screen education (wording).
_EDUCATIONAL = Concept.of(
    "projet|projets|action|actions|accompagnement éducatif|éducatifs|éducative|culturel|"
    "culturels|culturelle|sportif|sportifs|sportive",
    "association|associations sportive|sportives",
    "activités|activité|vie sportives|sportive|culturelles|culturelle",
    "sortie|sorties culturelles|culturelle|pédagogiques|pédagogique|musée|musées",
    "visite|visites culturelles|culturelle|musée|musées",
    "journée|journées|semaine|tournoi|rencontre|rencontres sportive|sportives|culturelle|"
    "culturelles",
    "prévention addictions|conduites|santé|routière",
    "sécurité routière",
    "ouverture culturelle",
    "éducation|atelier|ateliers|sensibilisation écrans|écran|médias|numérique|réseaux",
    "éducation|atelier|ateliers|sensibilisation réseaux sociaux",
    "temps d'écran",
    "théâtre",
    "UNSS",
    "club|clubs théâtre|lecture|sport|photo|musique|cinéma|e-sport|échecs",
    "tournoi|tournois",
    "festival",
    "musée|musées",
    "futsal|football|rugby|boxe|équitation|escalade|handball|basket|natation",
    "course d'orientation",
    "soutien scolaire",
    "re:(?:^|; )(?:sport|culture|loisirs?)(?: ;|$)",
    unless=("ne propose pas",),
)

#: Support for citizenship: delegates, laïcité, equality, civic engagement (wording).
_CITIZENSHIP = Concept.of(
    "citoyenneté|citoyen|citoyenne|citoyens|citoyennes|éco-citoyen",
    "civique|civiques|civisme",
    "laïcité",
    "mixité",
    "diversité",
    "égalité",
    "discriminations|discrimination|racisme|sexisme",
    "délégué|délégués|déléguée|déléguées",
    "élection|élections|élu|élus|élire|vote|voter|électorales|électorale",
    "conseil vie apprentie|lycéenne|apprentis",
    "CVA",
    "service civique",
    "engagement|engagements associatif|citoyen|bénévole",
    "bénévolat",
    "valeurs de la République",
    "défense et citoyenneté",
    "JDC",
    "commémoration|commémorations|commémoratif|commémorative",
    "11 novembre",
    "projet|projets|action|actions solidaire|solidaires|humanitaire",
    "collecte de sang",
    "vivre-ensemble",
    "développement durable",
    unless=("protection des données", "RGPD", "DPO"),
)

#: The breakdown situations the procedure is about (2026 wording).
_BREAKDOWN = Concept.of(
    "situation|situations rupture|ruptures",
    "rupture|ruptures parcours|formation|contrat|contrats",
    "risque|risques rupture|décrochage",
    "procédure|protocole|cellule|logigramme|traitement rupture|ruptures",
    "décrochage|décrocheur|décrocheurs",
    "fin anticipée",
    "contrat|parcours rompu|menacé|interrompu",
    "re:\\bca se passe mal\\b",
    "re:\\b(?:quitter|quitte|quittes|abandonner|abandon) (?:son |ton |votre |l'|de |d')?"
    "(?:entreprise|employeur|formation|contrat)",
    "changement entreprise|employeur",
    "nouvel employeur",
    "nouvelle|autre entreprise",
    unless=("re:\\bcf\\b", "formulaire", "cerfa", "OPCO"),
)

#: The causes: difficulties, violence or discrimination — any one of them (2026 wording).
_CAUSES = Concept.of(
    "difficulté|difficultés",
    "violence|violences|violent|violente",
    "discrimination|discriminations|discriminatoire|discriminatoires",
    "harcèlement|harcelé|harcelée",
    "agissements sexistes",
    "sexisme",
    "racisme|raciste|racistes",
    "gestes déplacés",
    "se moque|moquent|moquerie|moqueries",
    "humiliation|humilier|insulte|insultes|insulté",
    "perte|problème|problèmes logement|santé|argent|ressources",
    r"re:\ben danger\b",
    "maltraitance",
    "souffrance",
    "conflit|conflits",
    "re:\\bproblemes? (?:avec|au|a l'|en|dans)\\b",
)

#: Where the situation is lived: in the host company (or in training and at the company).
_PLACES = Concept.of(
    "entreprise|entreprises|structure|structures d'accueil",
    "re:\\b(?:en|dans l'|dans son|dans ton|dans votre|dans leur|dans une?|de l'|sur le lieu"
    " de l'|a l')\\s?entreprises?\\b",
    "re:\\bchez (?:l'|son |ton |votre |leur |un |une |le |la )?(?:employeur|maitre|patron|"
    "client|entreprise)",
    "lieu de travail",
    "chantier|chantiers",
    "maître|maîtres d'apprentissage",
    "employeur|employeurs",
    "patron|patronne",
    "chef d'équipe",
    "collègue|collègues",
    "re:(?:^|; )entreprise(?: ;|$)",
    unless=("re:\\bcf\\b", "formulaire", "cerfa", "OPCO"),
)

#: Handled without delay: at once, the same day, within hours (2026 wording).
_NO_DELAY = Concept.of(
    "sans délai",
    "immédiat|immédiate|immédiatement",
    "re:\\btout de suite\\b",
    "jour même",
    "re:\\bdans la journee\\b",
    "jour du signalement",
    "re:\\bdes (?:le |la |sa |son |l'|reception (?:du |de l')?)?(?:signalement|alerte|reception|"
    "connaissance)",
    "re:\\b(?:sous|dans les|en moins de|au plus tard) (?:\\d{1,2} ?(?:h|heures?)|(?:[1-3]|un|deux|"
    "trois) jours?(?: ouvr\\w*| calendaires)?)\\b",
    "re:\\bsous (?:24|48|72)\\b",
    "lendemain",
    "jour ouvré suivant",
    "plus brefs délais",
    "re:\\ben urgence\\b",
    "rapidement",
    "réactivité",
    "re:\\bcible ?: ?0 jour",
)

#: How a document says each item of indicator 14 (``items:`` of ``indicators/14.yaml``).
CONCEPTS: dict[str, Finder] = {
    "accompagnement-socio-pro": _SOCIAL,
    "accompagnement-educatif": _EDUCATIONAL,
    "citoyennete": _CITIZENSHIP,
    "procedure-rupture": _BREAKDOWN,
    "causes-rupture": _CAUSES,
    "lieux-rupture": _PLACES,
    "sans-delai": _NO_DELAY,
}

#: The items of each check (sets: the question plan would read tuples of strings as patterns).
_SUPPORT = frozenset(("accompagnement-socio-pro", "accompagnement-educatif", "citoyennete"))
_RUPTURE = frozenset(("procedure-rupture", "causes-rupture", "lieux-rupture", "sans-delai"))


@mark.verifies("accompagnement-socio-pro")
def check_accompagnement_socio_pro(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Le CFA assure un accompagnement socio-professionnel, éducatif et citoyen.

    Formalisez l'accompagnement des apprentis et montrez les projets menés, pour chacun des trois
    volets : socio-professionnel (aides financières, logement, transport, restauration, contacts
    des travailleurs sociaux…), éducatif (projets sportifs et culturels, éducation aux écrans…)
    et citoyen (délégués, laïcité, mixité, égalité, engagement…). Un brouillon ou un modèle vide
    ne prouve rien.

    EN: The CFA provides social and professional, educational and civic support.

    Formalise the support given to apprentices and show the projects carried out, for each of the
    three parts: social and professional (financial aid, housing, transport, meals, social
    workers' contacts…), educational (sports and cultural projects, education on screen use…) and
    civic (delegates, laïcité (secularism), social mix, equality, engagement…). A draft or an
    empty template proves nothing.
    """
    _judge(
        unit,
        evidence,
        referential,
        facts,
        _SUPPORT,
        msg(
            "Accompagnement socio-professionnel, éducatif et citoyen",
            "Social, educational and citizenship support",
        ),
    )


@mark.verifies("rupture-sans-delai")
def check_rupture_sans_delai(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Le CFA traite sans délai les ruptures liées à des difficultés, violences ou
    discriminations (2026).

    Rédigez une procédure de traitement des situations de rupture de l'apprenti liées à des
    difficultés, des violences ou des discriminations (l'une ou l'autre suffit à la déclencher),
    vécues au centre comme dans l'entreprise d'accueil, qui fixe une prise en charge sans délai
    (qui alerter, qui agit, sous quel délai). Un brouillon ou un modèle vide ne prouve rien.

    EN: The CFA deals at once with breakdowns due to difficulties, violence or discrimination
    (2026).

    Write a procedure for the apprentice's breakdown situations (ruptures) due to difficulties,
    violence or discrimination (any one of them triggers it), met at the centre as in the host
    company, that sets handling without delay (whom to alert, who acts, within what time). A draft
    or an empty template proves nothing.
    """
    _judge(
        unit,
        evidence,
        referential,
        facts,
        _RUPTURE,
        msg(
            "Traitement sans délai des situations de rupture",
            "Breakdowns handled without delay",
        ),
    )


def _judge(
    unit: Unit,
    evidence: EvidenceSet,
    referential: Referential,
    facts: TargetFacts,
    only: frozenset[str],
    subject: Localized,
) -> None:
    """Judge ``only`` on the unit's readable evidence for 14; not verified rather than a gap
    when some evidence could not be read (a scan may hold what is missing)."""
    judge_readable(
        evidence,
        CONCEPTS,
        indicator=14,
        referential=referential,
        facts=facts,
        target=unit,
        only=only,
        subject=subject,
    )
