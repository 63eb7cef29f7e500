"""rnq.match.questions: the literals a pattern needs, looked for in a folded body's words
(``[a-z0-9]`` literals among the runs of those characters, :attr:`WordIndex.joined`), are found
exactly where the plain lookup in its distinct tokens finds them (``_holds_one_plain``), and
those tokens are made only for the literals whose answer in the body could differ."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rnq.match.folding import document_body
from rnq.match.questions import DIGIT, _holds_one, _holds_one_plain, _words

_PIECES = ["ab", "ba", "abc", "a", "b", "1", "-", "'", " ", "\n", "é", "€", ";", "a-b", "c", "x"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_LITERAL = st.one_of(
    st.sampled_from(["ab", "ba", "abc", "a-b", "b a", "'a", "€", "1", "c1", "xa", DIGIT]),
    st.text(alphabet="abcx1-' ", min_size=1, max_size=4).filter(lambda s: s.strip()),
    st.text(alphabet="ab-\n\t\xa0 ", min_size=2, max_size=3).filter(lambda s: s.strip()),
)


@given(_TEXT, st.lists(_LITERAL, min_size=1, max_size=12).map(tuple))
@settings(max_examples=2000, deadline=None)
def test_literals_are_found_as_in_the_distinct_tokens(
    text: str, alternatives: tuple[str, ...]
) -> None:
    body = document_body(text, None)
    words = _words(body)
    found = _holds_one(alternatives, body, words)
    assert found == _holds_one_plain(alternatives, body, words.tokens)
    # the raw text too (its lines' whitespace not collapsed): the tokens differ more from it
    raw = _words(text)
    assert _holds_one(alternatives, text, raw) == _holds_one_plain(alternatives, text, raw.tokens)


@given(_TEXT, st.lists(st.sampled_from(["ab", "ba", "abc", "c", "xa", "b1"]), min_size=8))
@settings(max_examples=500, deadline=None)
def test_many_alternatives_in_one_search(text: str, alternatives: list[str]) -> None:
    body = document_body(text, None)
    words = _words(body)
    wanted = tuple(alternatives)
    assert _holds_one(wanted, body, words) == _holds_one_plain(wanted, body, words.tokens)
    assert _holds_one(wanted, body, words) == any(a in body for a in wanted)


def test_the_distinct_tokens_are_made_only_when_needed() -> None:
    body = document_body("Un e-mail d'accueil : 12/05/2026 ;\nà l'issue", None)
    words = _words(body)
    for alternatives in [("mail",), ("e-mail",), ("d'", ":"), (DIGIT, "a l'issue"), ("/",)]:
        assert _holds_one(alternatives, body, words)
    assert not _holds_one(("->", "=>", "@"), body, words)
    assert words._tokens is None
    many = ("->", "=>", "@", "#", "§", "(", "[", "%", "e-mail")  # one search of the tokens
    assert _holds_one(many, body, words)
    assert words._tokens is not None
    assert set(words.tokens.split(" ")) == set(body.split())
