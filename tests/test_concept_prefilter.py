"""A concept asked in the question plan (rnq.match.questions.answers_for: the document's words
indexed, patterns ruled out before they run, ``=`` terms read last from the original text)
answers exactly as the reference: every pattern of the concept run on the folded text, no
prefilter (rnq.match.french.concept_found)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.checks.questions import questions_for
from rnq.match.folding import document_body
from rnq.match.french import CONCEPT, Concept, concept_found, concept_has_exact, concept_patterns
from rnq.match.questions import answers_for

_QUESTIONS = sorted(
    {
        q
        for number in range(1, 34)
        for q in questions_for([number], "rnq-2026")
        if q.startswith(CONCEPT)
    }
)
_EXACT = [q for q in _QUESTIONS if concept_has_exact(q)]


def _stems() -> list[str]:
    """Runs of letters the concepts' patterns hold (« evaluati », « referent »…): words made of
    them match the terms, and their endings vary."""
    found: set[str] = set()
    for question in _QUESTIONS:
        for pattern in concept_patterns(question):
            found.update(re.findall(r"(?<![\\a-z])[a-z]{3,}", pattern))
    return sorted(found)


def _phrases() -> dict[str, list[str]]:
    """The built-in concepts' own terms by question, one alternative of each word taken: texts
    made of them state concepts (or negate them, or leave them as empty labels)."""
    from rnq.checks import builtin_check_modules

    found: dict[str, set[str]] = {}

    def add(value: object, depth: int = 0) -> None:
        if isinstance(value, Concept):
            for term in value.terms:
                if not term.startswith(("re:", "=")):
                    for pick in (0, -1):  # the first alternative of each word, the last
                        phrase = " ".join(word.split("|")[pick] for word in term.split())
                        found.setdefault(value.question, set()).add(phrase)
        elif depth < 2 and isinstance(value, tuple | list):
            for item in value:
                add(item, depth + 1)
        elif depth < 2 and isinstance(value, dict):
            for item in value.values():
                add(item, depth + 1)

    for module in builtin_check_modules():
        for value in vars(module).values():
            add(value)
    return {question: sorted(phrases) for question, phrases in found.items()}


_STEMS = _stems()
_PHRASES = _phrases()
_ENDINGS = ["", "s", "e", "es", "on", "ion", "ation", "eur", "rice", "ee", "ent"]
_OTHERS = [
    "de",
    "la",
    "et",
    "à",
    "aucun",
    "pas de",
    "non",
    "sans",
    "n'est pas",
    "à définir",
    "?",
    "...",
    "Évaluation",
    "Référent",
    "modalités",
    "12",
    "85 %",
    "4/5",
    "2025",
    "MA",
    "SMS",
    "CCF",
    "PV",
    "RI",
    "OPCO",
    "MOOC",
    "NDA",
    "capable de",
    "en mesure de",
    "taux",
    "sur",
]
_WORD = st.one_of(
    st.tuples(st.sampled_from(_STEMS), st.sampled_from(_ENDINGS)).map("".join),
    st.sampled_from(_OTHERS),
    st.sampled_from(sorted({p for phrases in _PHRASES.values() for p in phrases})),
)
_SEPARATOR = st.sampled_from([" ", " ", " ", ", ", " : ", ". ", " ; ", "\n", " - ", "'"])


def _text(questions: list[str]) -> st.SearchStrategy[str]:
    """Texts of words, separators, and the terms of ``questions`` (those that have any)."""
    own = sorted({p for q in questions for p in _PHRASES.get(q, ())})
    word = st.one_of(_WORD, st.sampled_from(own)) if own else _WORD
    return st.lists(st.tuples(word, _SEPARATOR).map("".join), min_size=1, max_size=30).map("".join)


def _reference(question: str, text: str) -> bool:
    return concept_found(question, document_body(text, None), text)


@given(
    st.lists(st.sampled_from(_QUESTIONS), min_size=1, max_size=6, unique=True),
    st.sampled_from(_EXACT),
    st.data(),
)
@settings(max_examples=500, deadline=None)
def test_the_plan_answers_a_concept_as_the_reference(
    questions: list[str], exact: str, data: st.DataObject
) -> None:
    asked = [*questions, exact] if exact not in questions else questions
    text = data.draw(_text(asked))
    # three questions or more: the words are indexed; fewer: the text is searched as it is
    for subset in (asked, asked[:2], asked[:1]):
        answers = answers_for(text, None, subset)
        assert list(answers) == [_reference(q, text) for q in subset]


def test_the_text_generator_reaches_both_answers() -> None:
    """Guard on the strategy above: its words make concepts say yes, and no."""
    said = [_reference(q, "Modalités d'évaluation : QCM en fin de formation.") for q in _QUESTIONS]
    assert any(said)
    assert not all(said)


def test_every_pattern_of_a_built_in_concept_compiles() -> None:
    """A concept's patterns are compiled when they first run (most never do in a given
    document): a pattern that does not compile must not wait for the document that runs it."""
    for question in _QUESTIONS:
        for pattern in concept_patterns(question):
            re.compile(pattern)
