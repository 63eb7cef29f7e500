"""The specific obligations: alternance (13), apprenticeship — CFA (14, 15, 29; from rnq-2026 the
handling of breakdowns without delay on 14, the apprenticeship mediator on 15, and the new
indicator 33), certification (16) and training periods in a work situation (28).

Each check applies only where its indicator does (categories and activity conditions in
``rnq.yaml``: ``categories: [CFA]``, ``activity.alternance``, ``activity.work_situation``,
certifying offerings); the engine does not run it elsewhere.
"""

from __future__ import annotations

from rnq.checks._common import Term, mentions, readable, where
from rnq.checks.delivery import body_text, files_read, folded_text, require, require_terms
from rnq.collect.evidence import EvidenceSet
from rnq.engine.marks import mark
from rnq.engine.outcomes import Gap, msg
from rnq.workspace.config import Offering, Unit

__all__ = [
    "check_accompagnement_socio_pro",
    "check_alternance_coordination",
    "check_droits_devoirs_apprentis",
    "check_evaluation_enseignements",
    "check_insertion_poursuite",
    "check_mediateur_apprentissage",
    "check_presentation_certification",
    "check_reseau_partenaires",
    "check_rupture_sans_delai",
]

# --- 13: alternance, centre / company coordination -------------------------------------------

_LIAISON = Term.of(
    "l'outil de liaison centre / entreprise (livret d'apprentissage, carnet de liaison)",
    "the centre / company liaison tool (apprenticeship booklet, liaison book)",
    r"livret (d'apprentissage|d'alternance|de liaison|de suivi|de l'alternant|de l'apprenti)",
    r"carnet de liaison",
    r"outil de liaison",
    r"tableau de bord",
    r"plateforme de suivi",
    r"fiche de liaison",
)
_MISSIONS = Term.of(
    "les missions confiées en entreprise, anticipées avec l'apprenant",
    "the company missions, planned with the learner",
    r"missions?",
    r"activites (confiees|en entreprise)",
    r"taches confiees",
)
_TUTOR = Term.of(
    "les échanges avec le tuteur ou le maître d'apprentissage (visites, entretiens)",
    "exchanges with the tutor or maître d'apprentissage (visits, interviews)",
    r"tuteur",
    r"tutrice",
    r"maitres? d'apprentissage",
    r"visites? (en|d')entreprise",
    r"entretien tripartite",
)
_PROGRESSION = Term.of(
    "la progressivité des apprentissages entre centre et entreprise",
    "the progression of learning between centre and company",
    r"progressi",
    r"articulation",
    r"calendrier (d'alternance|de l'alternance)",
    r"rythme (d'alternance|de l'alternance)",
    r"planning (d'alternance|de l'alternance)",
    r"court,? moyen et long terme",
)


@mark.verifies("alternance-coordination")
def check_alternance_coordination(unit: Unit, evidence: EvidenceSet) -> None:
    """Alternance : missions anticipées et apprentissages centre / entreprise coordonnés.

    Utilisez un outil de liaison centre / entreprise / apprenant (livret d'apprentissage, carnet de
    liaison, plateforme de suivi) qui planifie les missions à court, moyen et long terme, et gardez
    la trace des échanges avec les tuteurs ou maîtres d'apprentissage (visites, entretiens) et de
    la progression entre les deux lieux de formation.

    EN: Work-study (alternance): tasks planned ahead and learning coordinated between centre and
    company.

    Use a centre / company / learner liaison tool (apprenticeship booklet or livret d'apprentissage,
    liaison notebook, follow-up platform) that plans the tasks in the short, medium and long term,
    and keep records of the exchanges with tutors or apprenticeship masters (maîtres
    d'apprentissage: visits, interviews) and of progress between the two places of training.
    """
    require_terms(
        evidence,
        13,
        [_LIAISON, _MISSIONS, _TUTOR, _PROGRESSION],
        subject=msg("Coordination centre / entreprise", "Centre / company coordination"),
        target=unit,
    )


# --- 14: socio-professional, educational and citizenship support (CFA) ------------------------

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


# --- rnq-2026, 14: breakdowns handled without delay -------------------------------------------

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


# --- 15: apprentices' rights, duties, health and safety (CFA) --------------------------------

_RIGHTS = Term.of(
    "les droits et devoirs des apprentis",
    "the apprentices' rights and duties",
    r"droits? et (devoirs|obligations)",
    r"droits? (&|/) (devoirs|obligations)",
)
_EMPLOYEE = Term.of(
    "le statut de salarié (contrat, temps de travail, congés, rémunération)",
    "their status as employees (contract, working time, leave, pay)",
    r"contrat d'apprentissage",
    r"salarie",
    r"remuneration",
    r"conges",
    r"temps de travail",
    r"duree du travail",
)
_SAFETY = Term.of(
    "les règles de santé et de sécurité en milieu professionnel",
    "occupational health and safety rules",
    r"sante et (de la )?securite",
    r"securite au travail",
    r"prevention des risques",
    r"risques professionnels",
    r"equipements? de protection",
    r"\bepi\b",
    r"accidents? du travail",
    r"travaux (reglementes|dangereux)",
)


@mark.verifies("droits-devoirs-apprentis")
def check_droits_devoirs_apprentis(unit: Unit, evidence: EvidenceSet) -> None:
    """Les apprentis sont informés de leurs droits et devoirs et des règles de santé et sécurité.

    Informez les apprentis (règlement intérieur du CFA, livret d'accueil, réunion d'information
    avec compte rendu) de leurs droits et devoirs, de leur statut de salarié (contrat, temps de
    travail, congés, rémunération) et des règles de santé et de sécurité au travail.

    EN: Apprentices are informed of their rights and duties and of the health and safety rules.

    Inform apprentices (the CFA's internal rules or règlement intérieur, welcome booklet,
    information meeting with minutes) of their rights and duties, of their status as employees
    (contract, working time, leave, pay) and of the occupational health and safety rules.
    """
    require_terms(
        evidence,
        15,
        [_RIGHTS, _EMPLOYEE, _SAFETY],
        subject=msg(
            "Information des apprentis sur leurs droits, devoirs, santé et sécurité",
            "Apprentices informed of rights, duties, health and safety",
        ),
        target=unit,
    )


# --- rnq-2026, 15: mediator, minors, labour inspectorate --------------------------------------

_MEDIATOR = Term.of(
    "les coordonnées du médiateur de l'apprentissage",
    "the apprenticeship mediator's contact details",
    r"mediat(eur|rice|ion) (de|a) l'apprentissage",
    r"mediateur consulaire",
    r"mediat(eur|rice)\W+(?:\w+\W+){0,6}(cci|cma|chambre)",
)
_MINORS = Term.of(
    "l'information renforcée des apprentis mineurs",
    "stronger information for apprentices under 18",
    r"mineurs?",
    r"moins de 18 ans",
)
_INSPECTORATE = Term.of(
    "le signalement des dysfonctionnements à l'inspection du travail",
    "reporting malfunctions to the labour inspectorate",
    r"inspect(ion|eur|rice) du travail",
    r"\bdreets\b",
)


@mark.verifies("mediateur-apprentissage")
def check_mediateur_apprentissage(unit: Unit, evidence: EvidenceSet) -> None:
    """Médiateur de l'apprentissage, mineurs et inspection du travail : apprentis informés (2026).

    Complétez l'information des apprentis : coordonnées du médiateur de l'apprentissage (chambre
    consulaire), information renforcée des apprentis mineurs sur la santé et la sécurité, et la
    règle de signalement des dysfonctionnements à l'inspection du travail.

    EN: Apprenticeship mediator, minors and labour inspectorate: apprentices are informed (2026).

    Complete the information given to apprentices: contact details of the apprenticeship mediator
    (médiateur de l'apprentissage, at the chambre consulaire), reinforced health and safety
    information for apprentices under 18, and the rule for reporting malfunctions to the labour
    inspectorate (inspection du travail).
    """
    require_terms(
        evidence,
        15,
        [_MEDIATOR, _MINORS, _INSPECTORATE],
        subject=msg(
            "Médiateur de l'apprentissage, mineurs et inspection du travail",
            "Apprenticeship mediator, minors and labour inspectorate",
        ),
        target=unit,
    )


# --- 16: presentation to the certification (certifying offerings) ---------------------------

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


# --- 28: socio-economic partner network (work-situation periods) ------------------------------

_NETWORK = Term.of(
    "le réseau de partenaires socio-économiques identifié (entreprises, branches, SPE)",
    "the socio-economic partner network (companies, sectors, employment service)",
    r"partenaires?",
    r"partenariats?",
    r"reseau",
    r"branches? professionnelles?",
    r"\bopco\b",
    r"chambres? (de commerce|des metiers|d'agriculture)",
    r"\bcci\b",
    r"\bcma\b",
    r"france travail",
    r"missions? locales?",
)
_CO_DESIGN = Term.of(
    "la co-construction de l'ingénierie de formation avec les partenaires",
    "co-designing the training with the partners",
    r"co-? ?constru",
    r"ingenierie",
    r"comite de pilotage",
    r"\bcopil\b",
    r"conseil de perfectionnement",
    r"groupes? de travail",
    r"(elaboration|conception|construction) (du|des) (programme|referentiel|contenu|parcours)",
)
_PLACEMENT = Term.of(
    "l'accueil en entreprise favorisé (stages, alternance, mises en relation)",
    "company placements fostered (internships, work-study, introductions)",
    r"accueil en entreprise",
    r"stages?",
    r"alternan",
    r"apprenti",
    r"\bpfmp\b",
    r"periodes? en entreprise",
    r"\bafest\b",
    r"mises? en relation",
    r"offres? (de stage|d'emploi|de contrat|d'alternance)",
    r"placement",
)


@mark.verifies("reseau-partenaires")
def check_reseau_partenaires(unit: Unit, evidence: EvidenceSet) -> None:
    """Les partenaires socio-économiques co-construisent la formation et l'accueil en entreprise.

    Tenez la liste des partenaires (entreprises, branches, OPCO, chambres consulaires, service
    public de l'emploi) avec les conventions, et gardez la trace de leur mobilisation : comités de
    pilotage ou groupes de travail sur les programmes, offres de stage ou d'alternance relayées,
    mises en relation.

    EN: Socio-economic partners help build the training and the company placements.

    Keep the list of partners (companies, branches, OPCO, chambres consulaires, public employment
    service) with the agreements, and keep records of their involvement: steering committees or
    working groups on programmes, internship or work-study offers passed on, introductions.
    """
    require_terms(
        evidence,
        28,
        [_NETWORK, _CO_DESIGN, _PLACEMENT],
        subject=msg("Réseau de partenaires socio-économiques", "Socio-economic partner network"),
        target=unit,
    )


# --- 29: employment and further-study actions (CFA) ------------------------------------------

_OUTCOME = Term.of(
    "la finalité : insertion professionnelle ou poursuite d'études",
    "the aim: employment or further study",
    r"insertion",
    r"emploi",
    r"poursuite d'etudes?",
    r"orientation",
)
_ACTIONS = Term.of(
    "des actions concrètes (ateliers CV, job dating, salons, visites d'entreprises, concours)",
    "concrete actions (CV workshops, job dating, fairs, company visits, competitions)",
    r"ateliers?",
    r"\bcv\b",
    r"lettres? de motivation",
    r"job ?dating",
    r"forums?",
    r"salons?",
    r"visites? (d'entreprises?|en entreprise)",
    r"portes ouvertes",
    r"simulations? d'entretien",
    r"offres? d'emploi",
    r"(reseau|association) des anciens",
    r"alumni",
    r"concours",
    r"worldskills",
    r"meilleurs? apprentis",
    r"parcoursup",
)


@mark.verifies("insertion-poursuite")
def check_insertion_poursuite(unit: Unit, evidence: EvidenceSet) -> None:
    """Le CFA mène des actions d'insertion professionnelle ou de poursuite d'études.

    Montrez les actions menées pour l'insertion ou la poursuite d'études des apprentis : ateliers
    CV et simulations d'entretien, job dating, salons et forums, visites d'entreprises, diffusion
    d'offres d'emploi, réseau des anciens, information sur les poursuites d'études, concours.

    EN: The CFA carries out actions for employment or further studies.

    Show the actions carried out for apprentices' employment or further studies: CV workshops and
    mock interviews, job dating, fairs and forums, company visits, circulating job offers, alumni
    network, information on further studies, competitions.
    """
    require_terms(
        evidence,
        29,
        [_OUTCOME, _ACTIONS],
        subject=msg(
            "Actions d'insertion et de poursuite d'études", "Employment and further-study actions"
        ),
        target=unit,
    )


# --- rnq-2026, 33: learners' evaluation of content and teaching (CFA) ------------------------

_TEACHING_EVALUATION = Term.of(
    "l'évaluation des contenus et des enseignements par les apprenants",
    "learners evaluating the content and the teaching",
    r"evaluation (des|du) (contenus?|enseignements?|cours|modules?|formateurs?)",
    r"evaluation des (contenus|enseignements)",
    r"(questionnaire|enquete) (d'evaluation )?(des|par|de) "
    r"(enseignements?|modules?|cours|matieres?)",
    r"(evaluent|evaluer) (les|chaque) (enseignements?|contenus?|modules?|cours)",
)
_DISTINCT = Term.of(
    "un dispositif distinct du recueil général de satisfaction",
    "a mechanism separate from the general satisfaction survey",
    r"distinct",
    r"specifique",
    r"par (module|matiere|enseignement|cours|bloc|unite)",
    r"chaque (module|matiere|enseignement|cours|bloc)",
)
_SHARED = Term.of(
    "le partage des résultats avec les équipes pédagogiques",
    "results shared with the teaching teams",
    r"(partag|present|diffus|restitu|communiqu|transmi)\w*\W+(?:\w+\W+){0,10}"
    r"(equipes?|formateurs?|enseignants?)",
    r"(equipes?|formateurs?|enseignants?)\W+(?:\w+\W+){0,10}(partag|restitu|present|analys)",
    r"(conseil|reunion|comite) pedagogique",
)
_IMPROVEMENT = Term.of(
    "une démarche d'amélioration continue formalisée",
    "a formal continuous-improvement process",
    r"amelioration",
    r"plan d'actions?",
    r"actions? correctives?",
)
_EFFECTIVENESS = Term.of(
    "la mesure périodique de son efficacité",
    "its effectiveness measured periodically",
    r"efficacite",
    r"mesur\w* (de |l')?(l')?(impact|effet)",
    r"evaluation des actions",
    r"suivi des actions",
    r"revue (annuelle|periodique|semestrielle|trimestrielle)",
)


@mark.verifies("evaluation-enseignements")
def check_evaluation_enseignements(unit: Unit, evidence: EvidenceSet) -> None:
    """Les apprenants évaluent contenus et enseignements par un dispositif dédié (2026, ind. 33).

    Mettez en place une évaluation des enseignements par module ou par matière, distincte de
    l'enquête de satisfaction ; présentez les résultats aux équipes pédagogiques (compte rendu),
    formalisez les actions d'amélioration qui en découlent et mesurez périodiquement leur
    efficacité. Le niveau attendu n'est pas encore défini (guide V10 non publié).

    EN: Learners evaluate contents and teaching through a dedicated scheme (2026, ind. 33).

    Set up an evaluation of teaching per module or subject, separate from the satisfaction survey;
    present the results to the teaching teams (minutes), formalise the resulting improvement actions
    and measure their effectiveness periodically. The expected level is not yet defined (guide V10
    not published).
    """
    docs = readable(evidence, 33)
    dedicated = docs.filter(
        lambda e: e.kind != "enquete-satisfaction" or _TEACHING_EVALUATION.found_in(body_text([e]))
    )
    place = where(unit)
    if not dedicated:
        raise Gap(
            msg(
                f"Évaluation des enseignements ({place.fr}) : seules des enquêtes de satisfaction "
                f"générales sont fournies ({files_read(docs)}) ; l'indicateur 33 demande un "
                "dispositif distinct (pondération et niveau attendu provisoires).",
                f"Evaluation of teaching ({place.en}): only general satisfaction surveys are "
                f"given ({files_read(docs)}); indicator 33 requires a separate mechanism "
                "(weighting and expected level provisional).",
            ),
            evidence=docs.paths(),
            provisional=True,
        )
    folded = folded_text(dedicated, unit)
    terms = [_TEACHING_EVALUATION, _DISTINCT, _SHARED, _IMPROVEMENT, _EFFECTIVENESS]
    if any(e.kind != "enquete-satisfaction" for e in dedicated) and mentions(
        folded, *_TEACHING_EVALUATION.patterns
    ):
        terms.remove(_DISTINCT)  # a document of its own is the separate mechanism
    require(
        folded,
        terms,
        subject=msg(
            "Évaluation des contenus et des enseignements (indicateur 33, provisoire)",
            "Evaluation of content and teaching (indicator 33, provisional)",
        ),
        target=unit,
        docs=dedicated,
        evidence=evidence,
        numbers=(33,),
        provisional=True,
    )
