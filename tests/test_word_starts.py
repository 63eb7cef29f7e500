"""rnq.match.starts: the words a match must start never rule out a text the pattern matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.match.french import WordIndex, lead_finder, literal_first, terms, words_of
from rnq.match.starts import word_starts
from tests.regex_strategies import WORD_ATOMS, regex_patterns

_ATOMS = st.sampled_from(WORD_ATOMS)


def _patterns() -> st.SearchStrategy[str]:
    return regex_patterns(_ATOMS)


def _holds(pattern: str, text: str) -> bool:
    return WordIndex(text).holds(word_starts(pattern))


@given(
    st.one_of(_patterns(), _patterns().map(lambda p: "(?m)" + p)),
    st.text(alphabet="ab1 -é.\n_", max_size=24),
)
@settings(max_examples=1500, deadline=None)
def test_a_text_the_pattern_matches_has_the_words_it_needs(pattern: str, text: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error:
        return
    if compiled.search(text) is not None:
        assert _holds(pattern, text), word_starts(pattern)


@pytest.mark.parametrize(
    ("term", "text"),
    [
        ("évaluation certificative", "l'evaluation finale, certificative"),
        ("santé et sécurité", "regles de sante, hygiene et de la securite"),
        ("e-mail", "par email"),
        ("délai|délais moyen d'accès", "delais moyens d'acces"),
        ("référent handicap", "referent(e)s handicap"),
    ],
)
def test_a_term_needs_its_words(term: str, text: str) -> None:
    for pattern in terms(term):
        rewritten = literal_first(pattern)
        assert re.search(rewritten, text)
        assert _holds(rewritten, text)
        assert word_starts(rewritten)  # something is known


def test_what_a_term_needs() -> None:
    (pattern,) = terms("évaluation certificative")
    assert word_starts(pattern) == (("certificative",), ("evaluati",))
    assert word_starts(r"\bsur devis") == (("devis",), ("sur",))
    assert word_starts(r"(?i)sur devis") == ()
    assert word_starts(r"x(?:ab|cd)") == ()  # not at the start of a word
    assert word_starts(r" (?:ab|cd|e)") == (("ab", "cd", "e"),)
    assert word_starts(r" (?:ab|[cd])") == ()  # a class: nothing known
    assert word_starts(r"\d+ ?(?:heures|jours)") == ()  # « 3heures »: no word starts there
    assert word_starts(r"\d+ (?:heures|jours)") == (("heures", "jours"),)


_OPENINGS = st.sampled_from(
    [
        r"\b",
        r"\b(?:ab|b1)",
        r"\b(ab|b1)",
        r"\b\d",
        r"\b\d+",
        r"\b\d{1,3}",
        r"(?<![\d.])\d{1,3}",
        r"(?<![\d/.,])(?!(?:19|20)\d\d\b)\d{1,3}",
        r"(?<!a)(?=\d\d)\d+",
        r"(?<=\s)\d",
    ]
)


@given(
    st.tuples(
        _OPENINGS,
        st.one_of(_patterns(), st.lists(_patterns(), min_size=2, max_size=3).map("|".join)),
    ).map("".join),
    st.text(alphabet="ab1 2-é.\n/", max_size=24),
)
@settings(max_examples=1500, deadline=None)
def test_a_pattern_searched_literal_first_finds_the_same_matches(pattern: str, text: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error:
        return
    rewritten = re.compile(literal_first(pattern))
    assert [m.span() for m in rewritten.finditer(text)] == [
        m.span() for m in compiled.finditer(text)
    ]


@given(
    st.frozensets(st.text(alphabet="abc1", min_size=1, max_size=4), max_size=12),
    st.text(alphabet="abc1 é-.\n", max_size=40),
    st.text(alphabet="abc1", min_size=1, max_size=4),
)
@settings(max_examples=1500, deadline=None)
def test_the_lead_finder_finds_every_lead_a_word_starts_with(
    leads: frozenset[str], text: str, other: str
) -> None:
    """One search of the distinct words finds the leads a word starts with, those that are
    prefixes of others included; a start the finder lacks is looked up in the sorted words."""
    words = set(re.findall("[a-z0-9]+", text))
    expected = {lead for lead in leads if any(word.startswith(lead) for word in words)}
    assert lead_finder(leads).present(" " + " ".join(words)) == expected
    index = WordIndex(text, lead_finder(leads) if leads else None)
    for start in [*sorted(leads), other]:
        assert index.starts_word(start) == any(word.startswith(start) for word in words)
    assert words_of(text) == words
