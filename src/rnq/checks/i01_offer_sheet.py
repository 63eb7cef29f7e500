"""Indicator 1 — Public information on offerings (« Information du public sur les prestations »),
criterion 1.

Its built-in checks:

* :func:`check_fiche_offre_complete` — the offering's public information sheet gives every item
  required by indicator 1.
* :func:`check_fiche_offre_a_jour` — the offering's public information sheet is up to date on
  the audit date.
* :func:`check_communication_non_trompeuse` — the communication about the offering contains no
  obviously misleading statement.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from rnq.checks.helpers import (
    OfferSections,
    all_matches,
    code_pattern,
    date_of,
    files,
    is_current,
    mentions,
    newest,
    offering_reading,
    readable_not_stale,
    where,
)
from rnq.checks.judging import judge
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, advise, msg, not_verified
from rnq.match.french import Concept
from rnq.match.questions import ALL, fold
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig
from rnq.workspace.facts import TargetFacts

__all__ = [
    "CONCEPTS",
    "PROGRAMME_MONTHS",
    "check_communication_non_trompeuse",
    "check_fiche_offre_a_jour",
    "check_fiche_offre_complete",
    "sheet_concepts",
]

#: The namespace of this module's check names (``rnq.checks.offer_sheet::check_…``): waivers and
#: ``rnq diff`` key on check names, so they stay the same when the file moves.
CHECKS_NAMESPACE = "rnq.checks.offer_sheet"


#: Months after which an offer sheet is taken as out of date when ``freshness`` sets no rule
#: for ``programme`` (a heuristic: catalogues are usually revised every year or two).
PROGRAMME_MONTHS = 24

_HOURS = (  # a number of hours, not a time of day (« de 9 h à 12 h », « sous 48 h »)
    r"re:\d(?<!\w\d)(?<!\bde \d)(?<!\ba \d)(?<!\bdes \d)(?<!\bvers \d)(?<!\bsous \d)"
    r"\d*(?:[,.]\d+)? ?(?:h|heures?)\b(?! ?\d)"
)
_DAYS = r"re:\b\d+(?:[,.]\d+)? ?(?:j|jours?|journees?|demi-journees?|semaines?|mois|ans|annees?)\b"
_AMOUNT = r"re:\d[\d .,]*\s?(?:€|euros?\b|eur\b)"
_EMAIL = r"re:[a-z0-9._+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}"
_PHONE = r"re:(?:\b0\d(?:[ .-]?\d\d){4}\b|\+33)"
_CODE_GENERIC = r"\b(rncp|rs)\s*[-:#.]?\s*(n\s*[o°]\s*)?\d{3,}\b"

#: How a public information sheet says each item of indicator 1 (``items:`` of
#: ``indicators/01.yaml``); the certification's own code is read by :func:`sheet_concepts`.
CONCEPTS: dict[str, Concept] = {
    "prerequis": Concept.of(
        "prérequis",
        "pré-requis",
        "prerequisites",
        "niveau requis|conseillé|recommandé|minimum|d'entrée",
        "conditions d'admission|d'accès|d'entrée",
        "connaissance|connaissances|expérience préalable|préalables|particulière|requise",
        "ouvert|ouverte|accessible à tous|toutes",
        "sans condition|conditions",
        "faut-il niveau",
        "qui peut",
        "être titulaire",
        negative_is_information=True,
    ),
    "objectifs": Concept.of(
        "objectif",
        "compétences visées|développées|acquises|travaillées|ciblées",
        r"re:\bvous (?:saurez|serez capables?|pourrez)\b",
        r"re:\bcapables? d[e']",
        r"re:\ben mesure d[e']",
        "allez apprendre",
        "allez-vous apprendre",
        "finalité",
        "à quoi sert",
        "vous permet|permettra de",
        "ce que vous en retirez",
        "vous apporte|apportera",
        "à l'issue de la formation vous",
    ),
    "duree": Concept.of(
        "durée",
        "volume horaire",
        "nombre d'heures",
        "combien de temps",
        _HOURS,
        _DAYS,
        unless=("délai", "rétractation", "validité", "conservation", "annulation", "avant"),
    ),
    "delais-acces": Concept.of(
        "délai|délais",
        "dans quels délais",
        "accessible|démarrage|entrée|entrées|démarrer sous|dans",
        "entrées sorties permanentes",
        "entrée|entrées permanentes|possible|possibles|continues",
        "entrée|entrées toute l'année",
        "entrées toutes les",
        "inscription|inscriptions possible|possibles|ouverte|ouvertes|closes|jusqu'à|toute|ferment",
        "clôture inscriptions",
        "prochaine|prochaines session|sessions",
        "sessions chaque|tous|toutes",
        "rentrée",
        "calendrier",
        "quand puis-je commencer",
        "première journée possible",
        unless=("rétractation", "paiement", "règlement", "facture", "annulation"),
    ),
    "tarifs": Concept.of(
        "tarif|tarifs",
        "prix",
        "coût|coûts",
        "combien ça coûte",
        "frais de participation|formation|pédagogiques|inscription|scolarité",
        _AMOUNT,
        r"re:\bgratuite?s? pour\b",
        r"re:\b(?:formation|prestation|bilan|accompagnement|parcours)s? (?:est |sont )?"
        r"gratuite?s?\b",
        r"re:\bsur devis\b",
    ),
    "contacts": Concept.of(
        "contact|contacts",
        "nous contacter",
        "contactez|contacter",
        "interlocuteur|interlocutrice",
        "renseignements",
        "qui contacter",
        "responsable pédagogique",
        "tél|téléphone",
        "courriel|e-mail|email|mail",
        _EMAIL,
        _PHONE,
    ),
    "methodes": Concept.of(
        "méthode|méthodes",
        "méthodologie",
        "moyens pédagogiques",
        "approche|approches",
        "pédagogie",
        "modalités pédagogiques",
        "apports",
        "étude|études de cas",
        "cas pratiques|concrets|réels",
        "mises|mise en situation",
        "travaux pratiques|dirigés",
        "jeux|jeu de rôle",
        "exercices",
        "ateliers|atelier",
        "démonstrations",
        "comment ça se passe",
        "comment travaille-t-on",
        "entretiens individuels|semi-directifs|d'explicitation",
    ),
    "modalites-evaluation": Concept.of(
        "modalités d'évaluation",
        "évaluation",
        "évaluer",
        "examen|examens",
        "épreuve|épreuves",
        "QCM",
        "quiz",
        "test|tests final|finaux|blanc|théoriques|pratiques|adaptatif",
        "test de fin",
        "contrôle des acquis|connaissances",
        "contrôle continu|en cours de formation",
        "CCF",
        "cas pratique noté|final",
        "acquis vérifiés|validés|évalués|mesurés",
        "jury",
    ),
    "accessibilite-handicap": Concept.of(
        "handicap",
        "handicapés",
        "PSH",
        "PMR",
        "RQTH",
        "mobilité réduite",
        "besoins spécifiques|particuliers",
        "accessible|accessibles en fauteuil",
        "fauteuil roulant",
        "accessibilité aux personnes",
        "lecteur|lecteurs d'écran",
        "LSF",
    ),
    "modalites-acces": Concept.of(
        "re:modalites (?:et delais )?d'(?:acces|admission|inscription|entree)"
        "(?! (?:au|a la|aux) (?:centre|site|locaux|batiment|salle|parking))",
        "conditions d'admission|d'inscription",
        "comment s'inscrire",
        "comment vous inscrire",
        "comment y accéder",
        "pour vous inscrire",
        "s'inscrire",
        "candidature|candidatures",
        "dossier de candidature|d'inscription",
        "bulletin d'inscription",
        "entretien de motivation|préalable|d'admission|d'information",
        "admission",
        "inscription par|sur|auprès|via|en ligne|au moyen",
        r"re:\bacces ?: ?(?:sur|apres|par)\b",
    ),
    "type-reconnaissance": Concept.of(
        "type de reconnaissance",
        "reconnaissance",
        "attestation|attestations",
        "certificat",
        "certification",
        "diplôme|diplômes",
        "titre professionnel",
        "CQP",
        "certifiante|diplômante|qualifiante",
        "sanction|sanctionnée",
        r"re:\bvalidation ?:",
        "validation finale|totale|partielle|des compétences|des acquis|des blocs",
        "ce que vous obtenez",
        negative_is_information=True,
    ),
    "modalites-pedagogiques": Concept.of(
        "modalités pédagogiques",
        "présentiel",
        "distanciel",
        "distance",
        "FOAD",
        "e-learning",
        "formation|formations|cours|module|modules|parcours|ressources|séances|classe en ligne",
        "100 % en ligne",
        "hybride",
        "blended",
        "mixte",
        "visio",
        "visioconférence",
        "classe|classes virtuelle",
        "inter|intra",
        "inter-entreprises|intra-entreprise",
        r"re:\ben salle\b",
        r"re:\bsur site\b",
        r"re:\ben centre\b",
        "alternance",
        "synchrone|asynchrone",
    ),
    "modalites-financement": Concept.of(
        "financement|financements",
        "financé|finançable|financer",
        "CPF",
        "Mon Compte Formation",
        "OPCO",
        "France Travail",
        "Pôle emploi",
        "prise|pris en charge",
        "AIF",
        "aides mobilisables|financières",
        "paiement en|fois",
        "autofinancement",
        "plan de développement des compétences",
        "Transitions Pro",
    ),
    "code-certification": Concept.of(
        f"re:{_CODE_GENERIC}",
        r"re:\brncp/\d{3,}",
        r"re:\b(?:rncp|rs|repertoire specifique)\b[^\n]{0,25}?\b\d{4,}\b",
    ),
    "certificateur": Concept.of(
        "certificateur",
        "organisme|autorité certificateur|certificatrice",
        r"re:\bdelivree?s? par\b",
        "détenteur|détentrice des droits",
        r"re:\bportee?s? par\b",
        "ministère",
        "éducation nationale",
    ),
    "date-enregistrement": Concept.of(
        "date d'enregistrement",
        r"re:enregistr\w* (?:au|a|dans le) (?:rncp|rs|repertoire)",
        r"re:inscrite? (?:au|a) (?:rncp|rs|repertoire)[^\n.;]{0,40}(?:\d{4}|arrete)",
        "date de décision|publication",
        "enregistrement RNCP|RS",
    ),
}

_ITEMS = tuple(CONCEPTS)


def sheet_concepts(offering: Offering) -> dict[str, Concept]:
    """The concepts of an offering's sheet: the certification's own code where it is known."""
    own = code_pattern(offering.certification)
    if own is None:
        return CONCEPTS
    return {**CONCEPTS, "code-certification": Concept.of(f"re:{own}")}


def offering_finders(config: WorkspaceConfig, unit: Unit, offering: Offering) -> tuple[object, ...]:
    """What these checks ask an offering's documents besides the module's finders (planned for
    them, :data:`rnq.checks.questions.OFFERING_FINDERS`): for a certifying offering, its
    certification's own code (:func:`sheet_concepts`) and the codes its documents cite
    (:func:`check_communication_non_trompeuse`)."""
    if not offering.certifying:
        return ()
    return (sheet_concepts(offering)["code-certification"], ALL + _CODE_GENERIC)


@mark.verifies("fiche-offre", "fiche-offre-2026")
def check_fiche_offre_complete(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    referential: Referential,
    facts: TargetFacts,
) -> None:
    """La fiche publique de la prestation donne chaque élément exigé par l'indicateur 1.

    Complétez la fiche (programme, page web, plaquette) avec les éléments signalés : prérequis
    (sauf bilan de compétences), objectifs, durée, modalités et délais d'accès, tarifs, contacts,
    méthodes mobilisées, modalités d'évaluation, accessibilité aux personnes handicapées ; à
    partir du 1er novembre 2026, aussi le type de reconnaissance, les modalités pédagogiques et
    de financement. Pour une prestation certifiante : code RNCP/RS, certificateur et date
    d'enregistrement. Un brouillon ou un modèle vide ne prouve rien.

    EN: The offering's public information sheet gives every item required by indicator 1.

    Complete the sheet (programme, web page, brochure) with the items reported: prerequisites
    (except for a skills review), objectives, duration, access arrangements and lead times, prices,
    contacts, methods used, assessment methods, accessibility for people with disabilities; from 1
    November 2026, also the type of recognition and the teaching and funding arrangements. For a
    certifying offering: RNCP/RS code, certifying body and registration date. A draft or an empty
    template proves nothing.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    code = fold(offering.certification or "").upper()
    judge(
        reading,
        sheet_concepts(offering),
        indicator=1,
        referential=referential,
        facts=facts,
        target=offering,
        subject=msg("Information publique incomplète", "Incomplete public information"),
        labels={"code-certification": msg(f"code {code}", f"{code} code")}
        if code_pattern(offering.certification)
        else None,
    )


@mark.verifies("fiche-offre")
def check_fiche_offre_a_jour(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """La fiche publique de la prestation est à jour à la date d'audit.

    Datez la fiche (date: ou valid_until: dans l'en-tête ou le manifeste, ou « mise à jour le
    … » dans le document) et révisez-la si elle est ancienne. Règle de fraîcheur indicative :
    24 mois par défaut, réglable par « freshness: {programme: N} » dans rnq.yaml.

    EN: The offering's public information sheet is up to date on the audit date.

    Date the sheet (date: or valid_until: in the front matter or the manifest, or "mise à jour le …"
    in the document) and revise it if it is old. Freshness heuristic: 24 months by default, set with
    "freshness: {programme: N}" in rnq.yaml.
    """
    readable_not_stale(evidence, 1, freshness, audit_date)
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    months = freshness.get("programme", PROGRAMME_MONTHS)
    current = [
        e
        for e in reading.docs
        if (e.valid_until is not None and e.valid_until >= audit_date)
        or (
            (day := date_of(e)) is not None
            and is_current(e.model_copy(update={"date": day, "kind": None}), {}, audit_date, months)
        )
    ]
    if current:
        return
    latest = newest(reading.docs)
    if latest is None:
        not_verified(
            msg(
                f"La fiche de la {where(offering).fr} n'est pas datée : son actualité ne peut pas "
                f"être vérifiée ({files(reading.paths)}).",
                f"The sheet of {where(offering).en} is undated: whether it is current cannot be "
                f"verified ({files(reading.paths)}).",
            ),
            evidence=reading.paths,
        )
    raise Gap(
        msg(
            f"La fiche de la {where(offering).fr} date du {latest.isoformat()}, plus de {months} "
            f"mois avant l'audit ({audit_date.isoformat()}) — règle de fraîcheur indicative "
            f"({files(reading.paths)}).",
            f"The sheet of {where(offering).en} is dated {latest.isoformat()}, over {months} "
            f"months before the audit ({audit_date.isoformat()}) — freshness is a heuristic "
            f"({files(reading.paths)}).",
        ),
        evidence=reading.paths,
    )


_CPF_CLAIM = (
    r"(eligible|finan\w*|pris en charge|mobilis\w*)[^.\n]{0,30}\b(cpf|mon ?compte ?formation)"
)


_CPF_DENIED = (
    r"\b(non|pas|n'est pas|ni)\b[^.\n]{0,12}(eligible|finan\w*|pris en charge)[^.\n]{0,30}cpf"
)


_CPF_EXEMPT = r"permis (b|de conduire)|creation (ou reprise )?d'entreprise|benevol|bilan de comp"


_CERTIFYING_CLAIM = (
    r"\b(formation|prestation|parcours|cursus) (certifiante|diplomante)\b"
    r"|(?<!d'un )(?<!titulaire du )(?<!titulaires du )\bdiplome d'etat\b"
    r"|\b(prepar\w*|obten\w*|delivr\w*|vise|valide\w*) (au |le |un |du )?titre professionnel\b"
    r"|" + _CODE_GENERIC
)


_GUARANTEE = (
    r"(reussite|diplome|certification|(?<!emploi du temps )(?<!d')emploi(?! du temps)|embauche"
    r"|financement|prise en charge|examen(?! blanc))[^.\n]{0,20}\bgaranti(e|s)?\b"
    r"|\bgaranti(e|s)? [^.\n]{0,20}(reussite|emploi(?! du temps)|embauche|diplome)"
    r"|100\s?% (de )?(reussite|finance|pris en charge|garanti)"
)


#: The screening's patterns searched in the documents of every offering (the others only where
#: a claim is found, or for a certifying offering): answered by the extraction workers.
SEARCHED = (_CPF_CLAIM, _CERTIFYING_CLAIM, _GUARANTEE)


@mark.verifies("communication-non-trompeuse")
def check_communication_non_trompeuse(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    offer_sections: OfferSections,
) -> None:
    """La communication sur la prestation ne contient aucune mention manifestement trompeuse.

    Repérage indicatif, signalé « à confirmer » et jamais compté comme un écart (rnq ne peut
    pas prouver l'absence de toute mention trompeuse) : une
    prestation sans certification présentée comme certifiante, diplômante ou éligible au CPF, un
    code RNCP/RS différent de celui de la prestation, une réussite, un emploi ou un financement
    « garantis ». Corrigez la mention, ou déclarez la certification de la prestation dans
    rnq.yaml si elle existe.

    EN: The communication about the offering contains no obviously misleading statement.

    Indicative screening, reported "to confirm" and never counted as a gap (rnq cannot prove that no
    statement is misleading): an offering without a
    certification presented as certifying, leading to a diploma or eligible for the CPF, an RNCP/RS
    code other than the offering's, a "guaranteed" success, job or funding. Correct the statement,
    or declare the offering's certification in rnq.yaml if it has one.
    """
    reading = offering_reading(offering, unit, evidence, offer_sections, 1)
    text = reading.text
    found: list[Localized] = []
    if not offering.certifying:
        if (
            offering.category not in ("BC", "VAE")
            and mentions(text, _CPF_CLAIM)
            and not mentions(text, _CPF_DENIED)
            and not mentions(text, _CPF_EXEMPT)
        ):
            found.append(
                msg(
                    "éligibilité au CPF annoncée pour une prestation sans certification RNCP/RS",
                    "CPF eligibility claimed for an offering with no RNCP/RS certification",
                )
            )
        if mentions(text, _CERTIFYING_CLAIM):
            found.append(
                msg(
                    "prestation présentée comme certifiante ou diplômante alors qu'aucune "
                    "certification n'est déclarée pour elle",
                    "offering presented as certifying although no certification is declared for it",
                )
            )
    else:
        own = code_pattern(offering.certification)
        codes = all_matches(text, _CODE_GENERIC)
        if own is not None and codes and not any(re.fullmatch(own, c) for c in codes):
            found.append(
                msg(
                    f"code de certification différent de {offering.certification} "
                    f"({', '.join(sorted(codes)).upper()})",
                    f"certification code other than {offering.certification} "
                    f"({', '.join(sorted(codes)).upper()})",
                )
            )
    if mentions(text, _GUARANTEE):
        found.append(
            msg(
                "réussite, emploi ou financement présenté comme garanti",
                "success, job or funding presented as guaranteed",
            )
        )
    joined = msg("; ".join(f.fr for f in found), "; ".join(f.en for f in found))
    if found:
        advise(
            msg(
                f"Mention(s) possiblement trompeuse(s) pour la {where(offering).fr}, à vérifier : "
                f"{joined.fr} ({files(reading.paths)}). Un repérage, pas un constat : relisez la "
                "mention et corrigez-la si elle peut induire le public en erreur.",
                f"Possibly misleading statement(s) for {where(offering).en}, to check: {joined.en} "
                f"({files(reading.paths)}). A screening, not a finding: read the statement again "
                "and correct it if it can mislead the public.",
            ),
            confirm=True,
            items=["mention-trompeuse"],
            evidence=reading.paths,
            key="mention-trompeuse",
        )
