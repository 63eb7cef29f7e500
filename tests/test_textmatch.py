"""rnq.match.questions: folding, the literal prefilter and portable questions give exactly what the
regular expressions give."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.match.folding import _fold_chars, _fold_each
from rnq.match.questions import (
    ALL,
    DIGIT,
    HAS_TEXT,
    _words,
    answer,
    answer_all,
    document_body,
    fold,
    portable,
    required_literals,
    search,
)
from tests.regex_strategies import regex_patterns


def _slow_fold(text: str) -> str:
    """The definition fold implements: NFKD without combining marks, lower case, typographic
    apostrophes and spaces made plain, whitespace runs made one space."""
    text = text.lower().replace("\u2019", "'").replace("œ", "oe").replace("æ", "ae")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize(
    "text",
    [
        "Modalités d’accès",
        "  Délai\u00a0d'accès :\n\n15 jours ouvrés  ",
        "ŒUVRE, Ægide, Ça, Où, À",
        "",
        "   ",
        "plain ascii\ttext",
    ],
)
def test_fold_matches_its_definition(text: str) -> None:
    assert fold(text) == _slow_fold(text)


@given(st.text(alphabet="aeéèêàçôœ’ \n\tAÉÇ-'x0", max_size=60))
@settings(max_examples=200, deadline=None)
def test_fold_property(text: str) -> None:
    assert fold(text) == _slow_fold(text)


@given(st.text(alphabet="aeé€—«½ﬁℌάα’œ\u0301ø\U0001f600 \n", max_size=40) | st.text(max_size=20))
@settings(max_examples=1000, deadline=None)
def test_fold_finds_each_character_as_replacing_each_distinct_one(text: str) -> None:
    """Folding finds the characters to replace one after the other (those that stay, « € »,
    skipped): the same text as replacing each distinct non-ASCII character once."""
    assert _fold_chars(text) == _fold_each(text.lower())


@given(
    st.text(
        alphabet=" \n\tab\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029\xa0\u3000\u202fé", max_size=30
    )
)
@settings(max_examples=1000, deadline=None)
def test_fold_keeping_lines_matches_its_definition(text: str) -> None:
    """The lines kept, each one's white space collapsed, the blank ones dropped (the fast path
    for a text with only spaces and line feeds gives the same)."""
    expected = "\n".join(
        " ".join(line.split()) for line in _fold_chars(text).splitlines() if line.strip()
    )
    assert fold(text, lines=True) == expected


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bfoad\b", (("foad",),)),
        (r"\brncp\s*[-:]?\s*\d{3,}", (("rncp",), (DIGIT,))),
        (r"[a-z.]+@[a-z]+", (("@",),)),
        (
            r"(capables?|en mesure|aptes?) (de |d')",
            (("apte", "capable", "en mesure"), ("d",), ("'", "e ")),
        ),
        (r"(ab)+cd", (("ab",), ("cd",))),
        (r"(?i)foad", ()),  # case-insensitive: a lower-case literal proves nothing
        (r"(?i:foad)xy", (("xy",),)),
        (r"x*", ()),
        (r"(a|)bc", (("bc",),)),  # the empty branch needs nothing
        (r"[ab]", (("a", "b"),)),
        (r"[^ab]", ()),  # a negated class: nothing known
        (r"[a-z]", ()),  # a wide class: nothing worth looking for
        (r"(", ()),  # not a regular expression: nothing known, re decides
    ],
)
def test_required_literals(pattern: str, literals: tuple[tuple[str, ...], ...]) -> None:
    assert required_literals(pattern) == literals


_ATOMS = st.sampled_from(
    [
        "a",
        "b",
        "ab",
        "ba",
        "cd",
        " ",
        r"\b",
        r"\w",
        "[ab]",
        ".",
        r"\d",
        "é",
        "x",
        "^",
        "$",
        "@",
        "[1@]",
    ]
)


def _patterns() -> st.SearchStrategy[str]:
    nested = regex_patterns(
        _ATOMS,
        groups=("({})",),
        counts=("*", "+", "?", "{2}", "{0,2}", "+?"),
        wrappers=("(?i:{})", "(?={})"),
        max_leaves=8,
    )
    # an alternation at the top, searched branch by branch; a class holding a ``|``
    return st.one_of(
        nested,
        st.lists(st.one_of(nested, st.just("[|a]"), st.just(r"\|")), min_size=2, max_size=3).map(
            "|".join
        ),
        st.lists(nested, min_size=2, max_size=3).map(lambda p: "(?m)" + "|".join(p)),
    )


@given(_patterns(), st.text(alphabet="abcdxé 1\n@٣|", max_size=30))
@settings(max_examples=600, deadline=None)
def test_search_is_re_search(pattern: str, text: str) -> None:
    assert search(pattern, text) == (re.search(pattern, text) is not None)
    expected = sorted({m.group(0) for m in re.finditer(pattern, text)})
    assert answer(ALL + pattern, text) == expected
    # with the distinct words of a folded text, as extraction workers search it
    folded = fold(text)
    words = _words(folded)
    assert search(pattern, folded, words) == (re.search(pattern, folded) is not None)
    assert answer(ALL + pattern, folded, words) == sorted(
        {m.group(0) for m in re.finditer(pattern, folded)}
    )


def test_portable_questions() -> None:
    assert portable(r"\bfoad\b")
    assert portable(HAS_TEXT)
    assert portable(ALL + "x")
    assert portable("\x00rnq.checks.i19_resources:tracking-table")  # registered on import
    assert not portable("\x00head300")  # a question only its check can answer (reads the path)
    assert not portable("offre\x1fx")  # a passage of a catalogue


def test_answer_all_reads_the_body_checks_read() -> None:
    text = "---\nkind: suivi\n---\nModalités d’évaluation : QCM\n"
    rows = [("Nom", "Délai"), ("Dupont", "10 jours")]
    body = document_body(text, rows)
    assert "kind" not in body  # front matter left out
    assert "dupont ; 10 jours" in body
    answers = answer_all(
        text, rows, [r"modalites d'evaluation", r"\bsuivi\b", HAS_TEXT, "\x00head300"]
    )
    assert answers == {r"modalites d'evaluation": True, r"\bsuivi\b": False, HAS_TEXT: True}
    assert answer_all(None, None, [HAS_TEXT]) == {HAS_TEXT: False}


def test_document_questions_are_answered_from_text_and_rows() -> None:
    tracking = "\x00rnq.checks.i19_resources:tracking-table"
    rows = [("Apprenant", "Taux d'achèvement"), ("A. Martin", "80 %")]
    assert answer_all(None, rows, [tracking]) == {tracking: True}
    text = "Relevé de mars\n| Apprenant | Progression |\n|---|---|\n| A. Martin | 80 % |\n"
    assert answer_all(text, None, [tracking]) == {tracking: True}  # a table written in text
    assert answer_all("Programme", [("Nom", "Prénom")], [tracking]) == {tracking: False}


@given(
    st.lists(st.text(alphabet="abc é1", min_size=1, max_size=4), min_size=1, max_size=14),
    st.text(alphabet="abcé1 \n", max_size=30),
)
@settings(max_examples=600, deadline=None)
def test_many_literals_are_looked_for_in_one_pass(literals: list[str], text: str) -> None:
    from rnq.match.questions import _contains, _holds_one

    alternatives = tuple(sorted(set(literals)))
    words = _words(text)
    # the reference: literals without a space looked for in the text's distinct tokens
    expected = any(_contains(literal, text, words.tokens) for literal in alternatives)
    assert _holds_one(alternatives, text, words) == expected
    assert _holds_one((*alternatives, DIGIT), text, words) == (
        expected or _contains(DIGIT, text, words.tokens)
    )
