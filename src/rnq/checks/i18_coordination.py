"""Indicator 18 — Mobilising and coordinating contributors (« Mobilisation et coordination des
intervenants »), criterion 4.

Its built-in checks:

* :func:`check_coordination_intervenants` — internal and external staff (intervenants) are
  identified by role and coordinated.

What it demands (``items:`` of ``indicators/18.yaml``): the contributors identified according to
the functions the offerings need (niveau attendu) — an organisation chart, a list, job
descriptions, « qui fait quoi », or an independent trainer saying they hold every function — is
a requirement. Their coordination (meetings, briefs, exchanges, liaison sheets) is demanded only
where there are several contributors: the guide says an independent trainer may hold every
function, so it is conditional on the declared fact ``solo_trainer: false``. A coordination
record within the last 12 months is rnq's own rule of thumb: advice, never a gap.
"""

from __future__ import annotations

import datetime as dt

from rnq.checks.helpers import advise_if_stale
from rnq.checks.judging import Finder, Judgement, judge_readable, sources_of
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import msg
from rnq.match.french import Concept
from rnq.referential.loader import Referential
from rnq.workspace.config import Unit
from rnq.workspace.facts import TargetFacts

__all__ = ["CONCEPTS", "check_coordination_intervenants"]

#: The namespace of this module's check names (``rnq.checks.means::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.means"

#: The contributors named with their function: a chart, a list, job descriptions, a « qui fait
#: quoi », the functions of the organisation written as labels, or an independent trainer who
#: holds them all. « Les intervenants » or « la direction » alone identify nobody.
_IDENTIFIED = Concept.of(
    "organigramme|organigrammes",
    "qui fait quoi",
    "trombinoscope",
    "tableau|registre intervenants|formateurs|formatrices",
    r"re:\bfonctions?\s*:\s*[a-z]",
    "liste|listes intervenants|formateurs|formatrices|référents|salariés|personnels|équipe",
    "annuaire|annuaires référents|équipe|intervenants",
    "fiche|fiches poste|fonction|mission",
    "rôle|rôles de chacun",
    "répartition des rôles|fonctions|missions",
    "ensemble|toutes des fonctions",
    "toutes les fonctions",
    r"re:\bj'(?:exerce|travaille|interviens) seule?\b",
    r"re:\bequipe\b[^\n:.;]{0,30}:\s*[a-z]",
    "responsable|responsables pédagogique|pédagogiques|filière|qualité|"
    "administratif|administrative|site|pôle",
    "référent|référente|référents pédagogique|pédagogiques|handicap|qualité|administratif|"
    "administrative|logistique|commercial|numérique|mobilité|technique",
    "coordinateur|coordinatrice|coordinateurs pédagogique|filière|formations|formation",
    "assistant|assistante|assistants de formation|administratif|administrative|pédagogique",
    "chargé|chargée|chargés relations|mobilité|mission|clientèle|développement",
    "directeur|directrice",
    "direction générale|pédagogique",
    "formateur|formatrice|formateurs|formatrices salarié|salariée|salariés|vacataire|"
    "vacataires|externe|externes|indépendant|indépendante|permanent|permanents|référent",
    "ingénieur|ingénieure|ingénieures pédagogique|pédagogiques",
    "développeur|développeuse de l'apprentissage",
    "sous-traitant|sous-traitants",
    "support technique",
    "pôle pédagogique|administratif|commercial|accompagnement",
)

#: What the contributors are coordinated by: meetings, briefs and debriefs, calls, shared
#: records, liaison sheets, a team channel. A bare « coordonnés par la direction » shows none.
_COORDINATED = Concept.of(
    "réunion|réunions",
    "point|points coordination|équipe|mensuel|hebdomadaire|téléphonique|calage|vacataires|"
    "formateurs|intervenants|pédagogique|étape",
    "calage",
    "brief|briefs|briefing|débriefing|debrief|débrief",
    "comité|comités pilotage|direction|pédagogique|technique",
    "conseil|conseils de classe|pédagogique",
    "compte rendu|comptes rendus",
    "relevé|relevés de décisions",
    "ordre du jour",
    "stand-up",
    "séminaire|séminaires",
    "visio|visioconférence d'équipe|hebdomadaire|mensuelle",
    "échange|échanges mail|courriel|téléphone|formateurs|intervenants|vacataires|"
    "sous-traitants|équipe",
    "fiche|fiches de liaison",
    "fiche|fiches bilan formateur",
    "canal|canaux Slack|Teams",
    "planning|plannings|agenda partagé|partagés",
    "échangent|échangeons formateurs|formatrices|coordinatrice|coordinateur|intervenants|"
    "équipe|responsable|vacataires",
    r"re:\bpoints? (?:est |sont )?(?:fait|realise|organise)e?s? avec\b"
    r"|\bpoints? avec (?:le|la|les|chaque)\b",
    "groupe|groupes WhatsApp|Teams|Slack",
    "entretien|entretiens formateur|formateurs|formatrice|intervenant|intervenants|vacataire|"
    "vacataires|sous-traitant|sous-traitants",
    "appel|appels téléphonique|téléphoniques|visio|hebdomadaire|mensuel|calage",
    "réunion de filière",
    "bilan de fin de session",
    unless=(
        r"re:\bsi (?:necessaire|besoin)\b|\bau besoin\b|\ble cas echeant\b",
        r"re:\b(?:sera|seront) (?:etudiee?s?|envisagee?s?|a l'etude)\b",
        r"re:\breprise des\b",
    ),
)

#: How a document says each item of indicator 18 (``items:`` of ``indicators/18.yaml``).
CONCEPTS: dict[str, Finder] = {
    "intervenants-identifies": _IDENTIFIED,
    "coordination": _COORDINATED,
}


@mark.verifies("coordination-intervenants")
def check_coordination_intervenants(
    unit: Unit,
    evidence: EvidenceSet,
    audit_date: dt.date,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """Les intervenants internes et externes sont identifiés par fonction et coordonnés.

    Tenez un organigramme fonctionnel, une liste des intervenants ou des fiches de poste
    (pédagogiques, administratifs, logistiques, commerciaux, référents). Quand plusieurs
    personnes interviennent, gardez la trace de leur coordination : réunions, points avec les
    formateurs externes, comptes rendus, fiches de liaison. Un formateur indépendant peut
    assurer toutes les fonctions : déclarez « solo_trainer: true » dans les facts de rnq.yaml.
    Une trace de coordination de moins d'un an est une règle indicative de rnq (point de
    vigilance). Un brouillon ou un modèle vide ne prouve rien.

    EN: Internal and external staff (intervenants) are identified by role and coordinated.

    Keep a functional organisation chart, a list of contributors or job descriptions (teaching,
    administrative, logistics, sales, referents). Where several people are involved, keep records
    of their coordination: meetings, briefs with external trainers, minutes, liaison sheets. An
    independent trainer may hold every function: declare "solo_trainer: true" in the facts of
    rnq.yaml. A coordination record less than a year old is a rule of thumb of rnq (a point of
    vigilance). A draft or an empty template proves nothing.
    """
    docs, judgement = judge_readable(
        evidence,
        CONCEPTS,
        indicator=18,
        referential=referential,
        facts=facts,
        target=unit,
        subject=msg("Coordination des intervenants", "Coordination of contributors"),
    )
    _recent_coordination(docs, judgement, facts, referential, unit, audit_date)


def _recent_coordination(
    docs: EvidenceSet,
    judgement: Judgement,
    facts: TargetFacts,
    referential: Referential,
    unit: Unit,
    audit_date: dt.date,
) -> None:
    """Advice (rnq's rule of thumb ``reunion-recente``) when every dated coordination record is
    older than :data:`RECENT_MONTHS` at the audit date; nothing for a solo trainer or when no
    record is dated."""
    indicator = referential.indicator(18)
    if "reunion-recente" not in {i.id for i in indicator.items}:
        return
    condition = indicator.item("coordination").condition
    if condition is not None and facts.holds(condition) is False:
        return
    records: list[Evidence] = [
        s.item for s in sources_of(docs) if s.path in judgement.read and s.states(_COORDINATED)
    ]
    advise_if_stale(
        records,
        indicator.item("reunion-recente"),
        audit_date,
        target=unit,
        latest_what=msg(
            "la dernière trace de coordination datée", "the latest dated coordination record"
        ),
        tail=msg(
            " : montrez une coordination récente si elle existe",
            ": show a recent coordination if there is one",
        ),
    )
