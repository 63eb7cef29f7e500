"""The matching layer (rnq.match.french): French as providers write it, tested on its own."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.match.folding import fold
from rnq.match.french import Concept, _spec, draft, states, term, word_forms
from rnq.match.questions import answer, answers_for, document_body, portable


def says(concept: Concept, text: str) -> bool:
    return states(concept, fold(text, lines=True), text)


def found(term_text: str, text: str) -> bool:
    return re.search(term(term_text), fold(text)) is not None


# --- words and their forms -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "référent",
        "référente",
        "référents",
        "référentes",
        "Référent(e)",
        "référent(e)s",
        "référent·e",
        "référent·e·s",
        "référent.e.s",
        "RÉFÉRENT-E",
    ],
)
def test_a_word_is_found_in_its_gender_number_and_inclusive_forms(text: str) -> None:
    assert found("référent", text)


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("formateur", "formatrice"),
        ("formateur", "formateur·rice·s"),
        ("formateur", "formateurs/trices"),
        ("évaluatif", "évaluative"),
        ("professionnel", "professionnelle"),
        ("national", "nationaux"),
        ("technicien", "technicienne"),
        ("médiateur", "médiateurs"),
        ("conseil", "conseils"),
        ("test", "tests"),
        ("entretien", "entretiens"),
    ],
)
def test_forms_of_nouns_and_adjectives(word: str, text: str) -> None:
    assert found(word, text)


@pytest.mark.parametrize(
    ("word", "text"),
    [
        ("formation", "information"),
        ("formation", "informations du personnel"),
        ("suivi", "poursuivi"),
        ("acces", "succès"),
        ("contrat", "contrats-cadres") if False else ("sst", "asst"),
        ("ma", "mais"),
    ],
)
def test_never_a_word_inside_another(word: str, text: str) -> None:
    assert not found(word, text)


def test_word_forms_of_short_or_non_alphabetic_words_are_the_words_themselves() -> None:
    assert word_forms("cv") == "cv"
    assert word_forms("b2") == "b2"


# --- terms: small words, short insertions, alternatives, coordination ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "santé et sécurité",
        "règles de santé et de la sécurité au travail",
        "Santé, hygiène et sécurité",
        "santé et de sécurité",
    ],
)
def test_small_words_and_short_insertions_between_the_words_of_a_term(text: str) -> None:
    assert found("santé et sécurité", text)


def test_the_window_is_bounded_and_stays_within_one_clause() -> None:
    assert not found("santé sécurité", "santé des apprentis. La sécurité des locaux")
    assert not found(
        "santé sécurité", "santé de nos apprenants qui sont accueillis chaque jour avec sécurité"
    )
    assert found("santé sécurité", "santé de nos apprenants et sécurité")


@pytest.mark.parametrize(
    ("term_text", "text"),
    [
        ("en fin de formation", "Évaluations en cours et en fin de formation"),
        ("en cours de formation", "Évaluations en cours et en fin de formation"),
        ("en fin de formation", "évaluations en cours et/ou en fin de formation"),
        ("évaluation finale", "évaluation intermédiaire et finale"),
    ],
)
def test_coordination_is_distributed(term_text: str, text: str) -> None:
    assert found(term_text, text)


def test_alternatives_inside_a_term() -> None:
    assert found("délai|délais moyen d'accès", "Délais moyens d'accès : 3 semaines")
    assert found("tests|quiz d'entrée", "Quiz d'entrée en ligne")


def test_a_raw_term_is_a_regular_expression_as_it_is() -> None:
    assert found(r"re:\b\d+ ?h\b", "Durée : 21 h")


def test_an_exact_term_keeps_case_and_accents() -> None:
    concept = Concept.of("=MA", "maître d'apprentissage")
    assert says(concept, "Rencontre tripartite avec le MA")
    assert not says(concept, "ma formation, ma réussite")
    assert says(concept, "Rencontre avec le maître d’apprentissage")


def test_a_term_needs_a_word() -> None:
    with pytest.raises(ValueError, match="a term needs a word"):
        term("de la")


# --- negation and emptiness ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Aucun dispositif de médiation.",
        "Pas de règlement intérieur pour l'instant.",
        "Dispositif de médiation : non prévu.",
        "Dispositif de médiation non formalisé",
        "Sans dispositif de médiation",
        "Dispositif de médiation : néant",
        "Dispositif de médiation : aucun",
        "Dispositif de médiation : à définir",
        "Dispositif de médiation : TBD",
        "Dispositif de médiation :",
        "Dispositif de médiation : …",
        "Dispositif de médiation : voir ci-dessous",
    ],
)
def test_negated_or_empty_statements_do_not_count(text: str) -> None:
    assert not says(Concept.of("dispositif de médiation"), text)


@pytest.mark.parametrize(
    "text",
    [
        "Dispositif de médiation : la directrice reçoit l'apprenti sous 48 h.",
        "Un dispositif de médiation est prévu avec le médiateur consulaire.",
        "Dispositif de médiation\nLa directrice reçoit l'apprenti et son tuteur sous 48 h.",
        "Nous n'oublions rien : le dispositif de médiation est affiché en salle.",
    ],
)
def test_affirmative_statements_count(text: str) -> None:
    assert says(Concept.of("dispositif de médiation"), text)


def test_a_negative_statement_can_be_information() -> None:
    concept = Concept.of("prérequis", negative_is_information=True)
    assert says(concept, "Prérequis : aucun")
    assert says(concept, "Aucun prérequis n'est exigé.")
    assert not says(concept, "Prérequis : à définir")
    assert not says(Concept.of("positionnement"), "Positionnement : aucun prérequis.")


def test_a_heading_followed_by_only_another_label_says_nothing() -> None:
    concept = Concept.of("tarifs")
    assert not says(concept, "Tarifs :\nContacts :\n")
    assert not says(concept, "Tarifs :")
    assert says(concept, "## Tarifs\n\n590 € HT par personne\n")
    assert says(concept, "# Tarifs\n## Inter-entreprises\n590 € HT par personne\n")


# --- drafts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Procédure réclamations : à rédiger.",
        "Prérequis / Objectifs / Durée / Modalités et délais d'accès / Tarifs / Contacts",
        "Enquêtes : / Réclamations : / Actions : / Échéance :",
        "# Livret d'apprentissage\n\n## Missions\n\n## Tuteur\n\n## Progression\n",
        "Objectifs :\nDurée :\nTarifs : à définir\nContacts : TBD\n",
        "BROUILLON — plan d'amélioration 2026 (document de travail)",
        "Trame de compte rendu : date, participants, décisions",
    ],
)
def test_drafts_and_empty_templates(text: str) -> None:
    assert draft(fold(text, lines=True)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Prérequis : aucun. Objectifs : établir un bulletin de paie. Durée : 21 heures.",
        "Plan de développement des compétences 2026\n\nSalarié ; Action ; Date ; Statut\n"
        "M. Durand ; Habilitation électrique ; 12/03/2026 ; réalisée",
        "Les réclamations sont enregistrées dans un registre et reçoivent une réponse écrite "
        "sous quinze jours.",
    ],
)
def test_documents_with_content_are_not_drafts(text: str) -> None:
    assert draft(fold(text, lines=True)) is None


# --- questions: the same answer in a worker and in the checks --------------------------------


def test_a_concept_is_a_portable_question_answered_alike_everywhere() -> None:
    concept = Concept.of("santé et sécurité", "=SST")
    question = concept.question
    assert portable(question)
    text = "Formation SST obligatoire ; règles de santé et de sécurité au travail."
    assert answers_for(text, None, [question]) == (True,)
    assert answer(question, fold(text), None, (text, None)) is True
    assert answers_for("Aucune règle de santé et sécurité.", None, [question]) == (False,)


def test_the_draft_question_is_portable() -> None:
    from rnq.match.french import DRAFT

    assert portable(DRAFT)
    assert answers_for("Procédure : à rédiger", None, [DRAFT])[0] is not None


# --- tables, exact terms in rows, wrapped lines -------------------------------------------------


def test_a_sheet_with_headers_over_empty_rows_is_an_empty_template() -> None:
    rows = [["Période", "Missions prévues", "Compétences"], ["", "", ""], ["", "", ""]]
    assert draft(document_body(None, rows)) is not None


def test_draft_words_inside_a_filled_table_do_not_make_it_a_draft() -> None:
    rows = [
        ["Période", "Missions à venir", "Compétences"],
        ["septembre", "accueil client", "vente conseil"],
        ["octobre", "tenue de caisse", "encaissement"],
    ]
    assert draft(document_body(None, rows)) is None


def test_an_exact_term_is_found_in_a_sheet() -> None:
    question = Concept.of("=MA").question
    rows = [["Apprenti", "Appréciation MA"], ["Léa", "très bien"]]
    assert answers_for(None, rows, [question]) == (True,)


def test_a_line_wrapped_inside_a_sentence_is_read_as_one_clause() -> None:
    text = "Chaque apprenti remplit un questionnaire\nanonyme sur les enseignements.\n"
    body = document_body(text, None)
    assert "questionnaire anonyme" in body
    assert "\n" not in body.strip()
    assert document_body("Objectifs\n- savoir faire\n", None) == "objectifs\n- savoir faire"


def test_a_letter_with_fields_to_fill_in_is_a_template() -> None:
    text = (
        "Convocation\nMadame, Monsieur [NOM],\nVous êtes convoqué(e) le [DATE] à [HEURE] "
        "à l'adresse suivante : [ADRESSE].\nCordialement, [SIGNATAIRE]"
    )
    assert draft(document_body(text, None)) is not None
    filled = "Voir l'annexe [1] et le règlement [2] ; la session a lieu le 12 mars à Lyon."
    assert draft(document_body(filled, None)) is None


def test_a_sentence_with_a_semicolon_is_prose_not_a_table() -> None:
    text = "Objectifs : connaître Excel ; sensibiliser aux bonnes pratiques de sécurité."
    assert draft(document_body(text, None)) is None


def test_an_infinitive_after_the_matched_word_is_not_a_placeholder() -> None:
    concept = Concept.of("vous apprendrez")
    assert says(concept, "Vous apprendrez à créer un tableau croisé dynamique.")
    assert not says(concept, "Vous apprendrez : à définir")


def test_a_plural_word_finds_its_singular() -> None:
    assert found("compétences visées", "Compétence visée : établir un devis")


def test_a_term_that_shrinks_to_one_word_is_refused() -> None:
    with pytest.raises(ValueError, match="leaves only"):
        term("pour qui")
    assert found("re:\\bpour qui\\b", "Pour qui ? Les managers")


def test_numbered_headings_and_dotted_leaders_are_not_content() -> None:
    text = (
        "Fiche pédagogique — « Relation client »\n1. Public visé\n2. Contenus\n"
        "3. Déroulé et modalités\nRédigée par : ......... Date : .........\n"
    )
    assert draft(document_body(text, None)) is not None


@pytest.mark.parametrize(
    "text",
    [
        "La veille n'est pas diffusée aux formateurs.",
        "Les formateurs ne sont pas interrogés sur la formation.",
        "Nous n'avons pas sollicité l'avis de l'OPCO.",
        "L'efficacité du dispositif n'est jamais mesurée.",
    ],
)
def test_a_negated_verb_around_the_match_denies_it(text: str) -> None:
    concept = Concept.of("veille", "formateurs", "avis de l'OPCO", "efficacité")
    assert not says(concept, text)


def test_not_only_is_not_a_negation() -> None:
    concept = Concept.of("formateurs")
    assert says(concept, "Les formateurs ne sont pas seulement interrogés : ils notent tout.")


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bsur devis\b",
        r"\bcapables? d[e']",
        r"\b\d{1,2}(?:[,.]\d+)? ?/ ?20\b",
        r"\b\d{5} [a-z]",
        r"\b\d+ heures",
        r"\buc ?\d\b",
        r"\b\d* x",
        r"\b(?:a|b)c",
        r"\b(?:saura|saurez)\b(?!\s+pas\b)",
        r"\b(?:taux|effectifs?)\b x",
        r"\b(?:[a-z]+|x)y",
        r"\b(?:a|b)?c",
        r"\b(ab|c)y|x",
        r"\b(rncp|uc)\s*\d",
        r"(?<![\d/.,])(?!(?:19|20)\d\d\b)\d{1,3}(?: \d{3})*(?:[,.]\d+)? ?/ ?(?:5|10|20)\b",
        r"(?<!a)(?=\d\d)\d+ x",
        r"(?<!\d)\d{2}|x",
        r"(?<=\s)\d(?:h|\b)",
    ],
)
def test_a_pattern_searched_literal_first_finds_the_same_matches(pattern: str) -> None:
    from rnq.match.french import literal_first

    texts = [
        "tarif sur devis, desur devis",
        "ils sont capables de, incapables d'y aller",
        "note 15/20 ; x15/20 ; 115/20",
        "75001 paris, 2 mois, a12345 b",
        "12 heures, a12 heures, _12 heures",
        "uc 2, auc 3, uc4",
        " x 12 x",
        "ac bc abc",
        "vous saurez faire, il saura pas, ressaura",
        "taux x, effectif x, effectifs x, detaux x",
        "xy abcy",
        "bc c xc abyx, rncp 3 xuc 4",
        "1 200,5/20 ; 2019 12/20 /15/20 a12 x 1h 12h 7 x",
    ]
    rewritten = literal_first(pattern)
    for text in texts:
        found = [m.span() for m in re.finditer(pattern, text)]
        assert [m.span() for m in re.finditer(rewritten, text)] == found


@pytest.mark.parametrize(
    "text",
    [
        "Un dispositif de médiation sera mis en place en 2027.",
        "Dispositif de médiation : à mettre en place.",
        "Nous allons formaliser un dispositif de médiation.",
        "Dispositif de médiation en projet.",
    ],
)
def test_what_is_not_in_place_yet_is_not_stated(text: str) -> None:
    assert not says(Concept.of("dispositif de médiation"), text)


def test_authorised_to_organise_is_not_an_intention() -> None:
    assert says(
        Concept.of("habilité"), "Notre centre est habilité par la CPNE à organiser les épreuves."
    )


@given(
    st.sampled_from(["MA", "CCI", "Fffod", "a.b", "é", "x y"]),
    st.text(alphabet="MACIFfodab.éx y_1-\n", max_size=30),
)
@settings(max_examples=800, deadline=None)
def test_an_exact_term_is_searched_literal_first_with_the_same_matches(
    exact: str, text: str
) -> None:
    question = Concept.of("=" + exact, "formation").question
    (compiled,) = _spec(question)[1]
    reference = re.compile(rf"(?<!\w){re.escape(exact)}(?!\w)")
    assert [m.span() for m in compiled.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


def _says_something_reference(body: str) -> bool:
    """rnq.match.french._says_something as it was before it read lines lazily and counted a
    table's rows as they come (the reference of the test below)."""
    from itertools import islice

    from rnq.match.french import _ENOUGH, _cell_words, _is_table_line, _line_words

    lines = body.split("\n")
    several = next(islice((line for line in lines if line.strip()), 1, None), None) is not None
    count = index = 0
    run: list[str] = []

    def prose(line: str) -> int:
        nonlocal index
        if not line.strip():
            return 0
        index += 1
        return _line_words(line, index - 1, several)

    for line in [*lines, None]:
        if line is not None and _is_table_line(line):
            run.append(line)
            continue
        if len(run) == 1 and len(lines) > 1:
            count += prose(run[0])
        else:
            count += sum(_cell_words(row) for row in run[1:])
        run = []
        if line is not None:
            count += prose(line)
        if count >= _ENOUGH:
            return True
    return False


_LINE = st.sampled_from(
    [
        "",
        "  ",
        "titre",
        "nom ; prenom ; date",
        "a ; b",
        "dupont ; jean ; 12/03",
        " ; ; ",
        "| a | b |",
        "objectifs : connaitre excel",
        "duree :",
        "1. introduction",
        "le programme est adapte a chacun.",
        "a definir",
        "x ; a definir ; -",
    ]
)


@given(st.lists(_LINE, max_size=8).map("\n".join))
@settings(max_examples=1500, deadline=None)
def test_says_something_reads_as_the_reference(body: str) -> None:
    from rnq.match.french import _lines, _says_something

    assert list(_lines(body)) == body.split("\n")
    assert _says_something(body) == _says_something_reference(body)
