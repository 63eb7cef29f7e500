"""Indicator 13 — Alternance: coordination centre / company (« Alternance : coordination entre
centre et entreprise »), criterion 3.

Its built-in checks:

* :func:`check_alternance_coordination` — work-study (alternance): tasks planned ahead with the
  company and learning coordinated between centre and company.

What it demands (``items:`` of ``indicators/13.yaml``): the wording's missions anticipated with
the learner, the link with the company and the coordination and progression of learning between
the two places (requirements); the liaison tool (livret, carnet, passeport, dashboard…) and the
exchanges with the tutor (visits, interviews) are the guide's evidence examples — advice when
missing. A liaison tool is itself a formalised articulation process (niveau attendu: « un
processus formalisé d'articulation itératif »), so it also shows the coordination; exchanges with
the tutor also show the link with the company. The indicator applies only where alternance is
declared (the engine's scope).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rnq.checks.helpers import files, folded_text, readable, remember, unless_unreadable, where
from rnq.checks.judging import Finder, demanded, judge
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.match.french import Concept
from rnq.match.questions import answer, document_question, fold, named_question
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_alternance_coordination"]

#: The namespace of this module's check names (``rnq.checks.specific::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.specific"

#: A liaison tool between company, learner and centre, whatever its name (guide example).
_LIAISON_TOOL = Concept.of(
    "livret|carnet|cahier|passeport|journal apprentissage|alternance|suivi|liaison|apprenti|"
    "alternant|apprenant|électronique|numérique|progression|navette",
    "e-livret",
    "outil|fiche|fiches liaison|navette",
    "outil suivi alternance|apprentissage|entreprise",
    "tableau de bord",
    "plateforme|espace suivi|alternance|apprentissage",
    "Ypareo",
    "portfolio",
    "re:\\b(?:visas?|signatures?)\\b[^.;\\n]{0,12}\\b(?:ma|tuteur|tutrice|maitre)\\b[^.;\\n]{0,30}"
    "\\bapprenti",
    unless=("accueil",),
)

#: The tutor or maître d'apprentissage met: visits, three-party interviews, meetings (example).
_TUTOR_EXCHANGES = Concept.of(
    "visite|visites entreprise|entreprises|site|exploitation|suivi|formateur|formatrice|"
    "référent|référente|tuteur|tutrice|chantier",
    "compte|comptes rendu|rendus visite|entretien",
    "date|dates visite|visites",
    "entretien|rencontre|réunion|point|bilan tripartite",
    "réunion|rencontre|échange|entretien|point|contact|appel|visio maître|maîtres|tuteur|tutrice",
    "re:\\b(?:point|entretien|bilan|rencontre|echanges?) (?:avec )?(?:le |la |les )?"
    "(?:tuteur|tutrice|ma|maitre)s?\\b",
    "dernier|dernière|prochain|prochaine échange|visite|contact|rencontre|entretien",
    "re:\\b(?:visite|appel|rencontre|entretien|visio) (?:du |le )?\\d{1,2}/\\d{1,2}\\b",
)

#: The company involved: tutor, maître d'apprentissage, employer (requirement).
_COMPANY = Concept.of(
    "tuteur|tutrice",
    "maître|maîtresse apprentissage",
    "=MA",
    "re:\\b(?:appreciations?|visas?|avis|signatures?|observations?|commentaires?|nom) "
    "(?:du )?ma\\b",
    "re:\\bma ?/ ?(?:apprenti|apprentie|tuteur|cfa|formateur)",
    "re:\\ben lien avec (?:l'|les |son |leur )?(?:entreprises?|employeurs?)\\b",
    "re:\\bavec (?:l'|son |ton |votre |leur |les )(?:entreprises?|employeurs?)\\b",
    "entreprise d'accueil",
    "référent|référente|responsable entreprise",
    "chef|cheffe entreprise|exploitation|cuisine|atelier|équipe",
)

#: The employer taking part (not an employer looked for).
_EMPLOYER = Concept.of(
    "employeur|employeurs",
    unless=("recherche", "rechercher", "trouver", "chercher", "recrutement", "recruter"),
)

#: Missions entrusted in the company, planned with the learner (requirement).
_MISSIONS = Concept.of(
    "plan|planning|programme missions",
    "missions prévues|confiées|convenues|planifiées|programmées|fixées|envisagées|réalisées|"
    "réaliser|venir|suivantes|période|trimestre|semestre|apprenti|apprentie|apprenant|"
    "alternant|entreprise|définies|validées",
    "prévoir|définir|fixer|fixe|fixes|planifier|anticiper|anticipe missions|travaux|tâches|"
    "activités",
    "activités|tâches|travaux confiées|confiés|confier|prévues|prévus|réaliser|réaliseras|"
    "réalisera|entreprise|réalisés|réalisées",
    "tableau|liste|fiche|fiches|description|descriptif|planning|calendrier missions",
    "fiche de poste",
    "prochaine|prochaines|futures|nouvelles missions|tâches|activités",
    "objectifs période|périodes entreprise",
    "re:\\bmissions?\\b[^.;\\n]{0,40}\\b(?:court|moyen|long) terme",
    unless=("nos missions", "re:\\bpour missions?\\b", "re:\\bmissions? (?:du|des) (?:cfa|centre)"),
)

#: The coordination and progression of learning between centre and company (requirement).
_COORDINATION = Concept.of(
    "progression|progressivité pédagogique|apprentissages|centre|CFA|entreprise|semestre|"
    "formation|séquences|périodes",
    "progressivité",
    "articulation|articuler|articulé|articulée",
    "coordination|coordonner|coordonné|coordonnée",
    "cohérence|cohérent entre|avec périodes|centre|CFA|entreprise|cours|enseignements",
    "calendrier|planning|rythme alternance|formation",
    "re:\\brythme ?:",
    "re:\\b\\d+ (?:j|jours?|semaines?) (?:en |au |a l')?(?:centre|cfa|ecole|entreprise)",
    "séquences|séances|contenus CFA|centre|période|périodes",
    "programme CFA|centre",
    "prévu|prévus|abordé|abordés|travaillé|travaillés CFA|centre|cours",
    "re:\\bce qui est (?:vu|fait|prevu|aborde|etudie)\\b",
    "reprendre|revoir|retravailler CFA|centre|cours",
    "faire coïncider|correspondre missions",
    "cohérence|cohérent|cohérents apprentissages|missions|formation|enseignements",
    "exploite|exploiter|exploitent|exploitation|réinvestit|réinvestir situations|vécu|"
    "expériences|expérience|missions|pratique entreprise",
    "retour|retours expérience|période|périodes entreprise",
    "lien avec séances|cours|contenus|programme",
    "re:\\b(?:il|elle|le formateur|la formatrice|formateurs?) s'en sert",
    "tenir|tient|tiennent compte séances|cours",
    "re:\\b(?:centre|cfa|ecole) ?/ ?entreprise\\b",
)

#: How a document says each item of indicator 13 (``items:`` of ``indicators/13.yaml``).
CONCEPTS: dict[str, Finder] = {
    "missions-anticipees": _MISSIONS,
    "lien-entreprise": (_COMPANY, _EMPLOYER, _TUTOR_EXCHANGES),
    "coordination-progressivite": (_COORDINATION, _LIAISON_TOOL),
    "outil-liaison": _LIAISON_TOOL,
    "echanges-tuteur": _TUTOR_EXCHANGES,
}


_EMPTY_TABLE = named_question(__name__, "empty-table")


@document_question(_EMPTY_TABLE)
def empty_table(text: str | None, rows: Sequence[Sequence[str]] | None) -> bool:
    """Whether a document is a sheet whose header row has no filled row below it (an empty
    booklet page: « Période ; Missions prévues ; Appréciation MA ; Visa » and blank lines), and
    whose text, if any, says nothing more than that header (a CSV file's own text)."""
    if not rows or any(str(cell).strip() for row in rows[1:] for cell in row):
        return False
    header = set(re.findall(r"\w+", fold(" ".join(str(cell) for cell in rows[0]))))
    return set(re.findall(r"\w+", fold(text or ""))) <= header


def _template(item: Evidence) -> bool:
    return bool(
        item.usable
        and remember(
            item, _EMPTY_TABLE, lambda: answer(_EMPTY_TABLE, "", None, (item.text, item.rows))
        )
    )


@mark.verifies("alternance-coordination")
def check_alternance_coordination(
    unit: Unit, evidence: EvidenceSet, referential: Referential, facts: TargetFacts
) -> None:
    """Alternance : missions anticipées avec l'entreprise et apprentissages centre / entreprise
    coordonnés.

    Formalisez l'articulation entre le centre et l'entreprise : les missions confiées en
    entreprise, anticipées avec l'apprenant et l'entreprise (tuteur, maître d'apprentissage), et
    la coordination et la progressivité des apprentissages entre les deux lieux (progression,
    calendrier d'alternance, retour des périodes en entreprise au centre). Un outil de liaison
    (livret d'apprentissage, carnet de suivi, passeport, plateforme) et les traces d'échanges
    avec les tuteurs (visites, entretiens) sont des exemples de preuves : leur absence est un
    point de vigilance. Un brouillon ou un modèle vide ne prouve rien.

    EN: Work-study (alternance): tasks planned ahead with the company and learning coordinated
    between centre and company.

    Formalise how the centre and the company work together: the missions entrusted in the
    company, planned with the learner and the company (tutor, maître d'apprentissage), and the
    coordination and progression of learning between both places (progression, alternance
    calendar, company periods brought back to the centre). A liaison tool (apprenticeship booklet,
    follow-up notebook, passport, platform) and records of exchanges with tutors (visits,
    interviews) are evidence examples: their absence is a point of vigilance. A draft or an empty
    template proves nothing.
    """
    docs = readable(evidence, 13)
    folded_text(docs, unit)
    templates = [e.path for e in docs if _template(e)]
    kept = [e for e in docs if not _template(e)]
    if not kept:
        _only_templates(templates, unit, referential)
    try:
        judge(
            kept,
            CONCEPTS,
            indicator=13,
            referential=referential,
            facts=facts,
            target=unit,
            subject=msg("Coordination centre / entreprise", "Centre / company coordination"),
        )
    except Gap as gap:
        unless_unreadable(gap, evidence, 13, unit)
        raise


def _only_templates(templates: list[str], unit: Unit, referential: Referential) -> None:
    """A gap that says the only evidence is an empty template (the shared draft reading does not
    yet see a sheet with headers and blank rows as one)."""
    place = where(unit)
    shown = files(templates)
    counted = [i.id for i in demanded(referential, 13, unit) if i.counts and i.id in CONCEPTS]
    raise Gap(
        msg(
            f"Coordination centre / entreprise pour la {place.fr} : le document lu est un modèle "
            f"vide ({shown}) — il ne prouve aucune exigence ; complétez-le ou remplacez-le par la "
            "version en vigueur.",
            f"Centre / company coordination for {place.en}: the document read is an empty "
            f"template ({shown}) — it proves no requirement; complete it or replace it with the "
            "version in force.",
        ),
        evidence=templates,
        items=counted,
    )
