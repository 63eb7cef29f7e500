"""Indicator 6 — Content and delivery methods (« Contenus et modalités de mise en œuvre »),
criterion 2.

Its built-in checks:

* :func:`check_contenus_modalites` — the contents and delivery methods are defined and suited to
  the objectives and to the audiences.

The four items are the wording's (reference §2, indicator 6): the contents, the arrangements for
delivering them, their link with the objectives defined, and their adaptation to the publics.
Providers write them as a programme (« Jour 1 », « Thèmes abordés », « Au programme »), a
running order with its modalities (« en salle, groupe de 8 », « en visio », « 9 h – 17 h »), the
objective each sequence serves, and who the offering is for (« Pour qui ? », « Public visé »)
and how it is adapted to them.
"""

from __future__ import annotations

from rnq.checks.helpers import OfferSections, offering_reading
from rnq.checks.judging import Finder, judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Offering, Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_contenus_modalites"]

#: The namespace of this module's check names (``rnq.checks.design::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.design"

#: The indicators whose documents these checks read besides their own (the question plan asks
#: their questions of those documents too, in the extraction workers).
READS = (1,)

#: A label that points elsewhere instead of saying something (« Objectifs : voir fiche »).
_POINTER = r"re:(?::|-|–)\s*(?:voir|cf\b|idem|se reporter)"

#: What is not an offering's delivery: an HR agreement, the premises' safety rules.
_NOT_DELIVERY = (
    _POINTER,
    "télétravail|télétravaillés|télétravaillé",
    "consignes sécurité|évacuation|incendie",
    "point de rassemblement",
)

#: How a document says each item of indicator 6 (``items:`` of ``indicators/06.yaml``).
CONCEPTS: dict[str, Finder] = {
    "contenus": Concept.of(
        "contenu|contenus formation|pédagogique|pédagogiques|programme|module|modules|séquence"
        "|séquences|séance|séances|parcours|bilan|accompagnement|stage|abordé|abordés",
        r"re:(?:^|\n)[#*\- \t]*contenus?\s*(?:pedagogiques?|de (?:la )?formation)?\s*(?::|\n)",
        "programme|programmes détaillé|formation|pédagogique|jour|journée",
        r"re:(?:^|\n)[#*\- \t]*(?:le |au |notre |votre )?programme\s*(?:detaille\s*)?(?::|\n|$)",
        r"re:\bau programme\b",
        "déroulé|déroulés|déroulement|déroulements",
        r"re:\b(?:jour|journee|j|demi-journee|semaine|seance|session|module|sequence|atelier"
        r"|phase|etape|partie|periode|chapitre|theme|unite)\s*(?:n°\s*)?\d+\b",
        r"re:\b(?:1re|2e|3e|premiere|deuxieme|troisieme|1ere) (?:journee|demi-journee|seance"
        r"|partie|phase|periode|sequence)\b",
        r"re:(?:^|\n)\s*[^\n]{0,12}\b(?:½|1/2) ?journee\b",
        r"re:\bphase (?:preliminaire|d'investigation|de conclusion)\b",
        "thème|thématique|notion|sujet abordé|traité|étudié",
        "sommaire|plan formation|cours",
        "progression pédagogique",
        "séquence|séquences pédagogique|pédagogiques|formation",
        "modules",
        "sequence|séquence|séances",
        "ateliers collectifs|thématiques",
        unless=(_POINTER, "kit", "sacoche", "colis", "coffret", "mallette"),
    ),
    "modalites-mise-en-oeuvre": Concept.of(
        "modalités mise en œuvre|pédagogiques|déroulement|organisation|techniques|animation",
        "mise en œuvre formation|prestation|bilan|accompagnement|parcours",
        "présentiel",
        "distanciel",
        r"re:\b(?:a|en) distance\b",
        "100 % distance|présentiel|ligne",
        r"re:\b(?:en ligne|online)\b",
        "e-learning|elearning",
        "FOAD",
        "classe|classes virtuelle|virtuelles",
        "visio|visioconférence|visioconférences",
        "hybride|mixte|blended",
        "synchrone|asynchrone",
        r"re:\ben salle\b",
        "salle informatique|formation|réunion",
        r"re:\ben centre(?! de)\b",
        "dans vos|nos locaux",
        r"re:\bsur (?:site|place)\b",
        "intra|inter|intra-entreprise|inter-entreprises|intra-entreprises",
        "alternance",
        r"re:\bgroupe (?:de )?(?:\d+|\d+ a \d+)\b",
        r"re:\b\d+ (?:a \d+ )?(?:participants|stagiaires|personnes|apprenants|candidat)\w* "
        r"(?:maximum|max|par (?:groupe|session))",
        "entretiens individuels",
        "entretien|entretiens individuel|individuels en présentiel|visio",
        "calendrier|planning|agenda formation|sessions|séances|prévisionnel|remis|détaillé",
        r"re:(?:^|\n)[#*\- \t]*(?:calendrier|planning|horaires|dates|lieu)\s*:",
        r"re:\b\d{1,2} ?h ?(?:\d\d)?\s*(?:-|–|a)\s*\d{1,2} ?h\b",
        r"re:\b\d{1,2}:\d\d\s*(?:-|–|a)\s*\d{1,2}:\d\d\b",
        "horaires",
        "méthodes|méthode pédagogiques|pédagogique|actives|active",
        "apports théoriques",
        "exercices pratiques|guidés|corrigés",
        "mises|mise en situation",
        "jeux|jeu de rôle",
        "cas pratiques",
        "études de cas",
        "plateforme|LMS",
        "tutorat",
        "démonstration|démonstrations",
        unless=_NOT_DELIVERY,
    ),
    "lien-objectifs": Concept.of(
        "objectif|objectifs",
        "compétence visée|travaillée|ciblée|développée|attendue",
        r"re:\bo\d\b",
        r"re:(?:→|->)\s*(?:o|obj|objectif)\s*\d",
        "blocs|bloc compétences",
        r"re:\bblocs? \d\b",
        "reliées|rattachées|reliés|rattachés|correspondant|correspondent blocs|compétences"
        "|référentiel",
        "finalité|finalités",
        r"re:\ba l'issue\b",
        unless=(_POINTER, "nos objectifs", "objectifs commerciaux|stratégiques"),
    ),
    "adaptation-publics": Concept.of(
        "public|publics visé|concerné|cible|accueilli|bénéficiaire",
        r"re:(?:^|\n)[#*\- \t]*publics?\s*:",
        r"re:\bpour qui\b",
        r"re:\bs'adress\w*",
        "destiné|destinée|destinés|destinées",
        "personnes|participants|stagiaires concernés|concernées",
        "profil|profils participants|stagiaires|apprenants|candidats|bénéficiaires|visé|visés",
        "adapté|adaptée|adaptés|adaptées|adapter|adaptation|adaptations|adaptent|adapte",
        r"re:\bs'adapt\w*",
        "individualisé|individualisée|individualisation|personnalisé|personnalisée|personnalisation",
        "aménagement|aménagements",
        "handicap",
        "PSH",
        r"re:\b(?:concue?s?|construite?s?|pensee?s?|elaboree?s?) pour (?:les |des |vos |leurs? )?"
        r"(?:\w+ )?(?:public|salarie|personne|stagiaire|apprenant|participant|commerciau|manager"
        r"|equipe|agent|jeune|demandeur|debutant|adulte|professionnel|dirigeant|assistant|chef)",
        "conçu|construit|pensé|élaboré|adapté à partir",
        r"re:\b(?:tire|issu)e?s? (?:de|du|des) (?:leurs?|votre|vos|son|ses) (?:\w+ )?"
        r"(?:quotidien|pratiques?|activites?|metiers?|cas|clients?|situations?|terrain|propres)",
        "en fonction niveau|niveaux|profil|profils|besoins|situation|disponibilités|contraintes"
        "|attentes|rythme",
        "groupe|groupes de niveau",
        "niveaux hétérogènes",
        r"re:(?:^|\n)[#*\- \t]*(?:les |nos )?(?:apprenti|stagiaire|participant|beneficiaire"
        r"|candidat)\S*\s*(?::|\n)",
        r"re:\bpromotion de \d+\b",
        "public|publics",
        unless=(_POINTER, "télétravail", "postes administratifs"),
    ),
}


@mark.verifies("contenus-modalites")
def check_contenus_modalites(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les contenus et modalités de mise en œuvre sont établis, adaptés aux objectifs et aux
    publics.

    Décrivez pour la prestation ses contenus (programme détaillé, séquences, déroulé), ses
    modalités de mise en œuvre (présentiel, distance, méthodes, calendrier, horaires), l'objectif
    que sert chaque partie et le public visé, avec la façon dont la prestation s'adapte à lui
    (niveaux, situations de handicap, contraintes). Un brouillon ou un modèle vide ne prouve rien.

    EN: The contents and delivery methods are defined and suited to the objectives and to the
    audiences.

    Describe for the offering its contents (detailed programme, sequences, running order), its
    delivery methods (on-site, distance, teaching methods, calendar, hours), the objective each
    part serves and the target audience, with how the offering adapts to it (levels, disability,
    constraints). A draft or an empty template proves nothing.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 6, kinds=("programme",))
    judge(
        reading,
        CONCEPTS,
        indicator=6,
        referential=referential,
        facts=facts,
        target=offering,
        subject=msg("Contenus et modalités", "Content and methods"),
    )
