"""rnq.match.screens: a plan's patterns screened in one RE2 pass never rule out a text a pattern
matches, and a plan answers the same with its screen as without it."""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rnq.checks import builtin_check_modules
from rnq.checks.questions import module_questions, questions_for
from rnq.match import questions as mq
from rnq.match import screens
from rnq.match.folding import document_body
from rnq.match.french import CONCEPT, concept_found
from rnq.match.screens import PlanScreen, formula_of, segments
from tests.regex_strategies import WORD_ATOMS, regex_patterns

pytestmark = pytest.mark.skipif(not screens.available(), reason="google-re2 is not installed")

ROOT = Path(__file__).resolve().parent.parent

# Characters where Python's and RE2's classes part: RE2's \w, \d, \s and \b are ASCII only.
_ODD = ["é", "ſ", "K", "٣", "²", "\xa0", "\u2009", "\x1c", "\x85", "œ", "ß", "İ"]

_ATOMS = st.sampled_from(
    [
        *WORD_ATOMS,
        "œ",
        r"\.",
        r"\S",
        r"\D",
        r"[^\s]",
        r"[\w-]",
        r"[\W\d]",
        r"[^\d ]",
        "[à-ÿ]",
        "(?!a)",
    ]
)


def _patterns() -> st.SearchStrategy[str]:
    return regex_patterns(
        _ATOMS,
        counts=("*", "+", "?", "{2}", "{0,2}", "+?", "{1,3}", "{0,80}", "{4,}"),
        wrappers=("(?>{})", "(?i:{})"),
        max_leaves=12,
    )


_TEXTS = st.text(alphabet=st.sampled_from(["a", "b", "1", " ", "-", ".", "\n", "_", *_ODD]))


@given(
    st.one_of(_patterns(), _patterns().map(lambda p: "(?s)" + p), _patterns().map("(a)".__add__)),
    _TEXTS,
)
@settings(max_examples=2000, deadline=None)
def test_a_text_a_pattern_matches_is_never_ruled_out(pattern: str, text: str) -> None:
    _never_ruled_out(pattern, text)


_ALPHABET = st.sampled_from(["a", "b", "1", " ", "-", ".", "\n", "_", *_ODD])


@given(_patterns(), st.data())
@settings(max_examples=1000, deadline=None)
def test_a_text_made_to_match_a_pattern_is_never_ruled_out(
    pattern: str, data: st.DataObject
) -> None:
    """Texts drawn from the pattern itself (Hypothesis's ``from_regex``), with the characters
    where RE2's classes and Python's part: most match, where random texts rarely do."""
    try:
        compiled = re.compile(pattern)
        texts = st.from_regex(compiled, alphabet=_ALPHABET)
        text = data.draw(texts)
    except (re.error, InvalidArgument):  # a pattern Hypothesis cannot write texts for
        return
    _never_ruled_out(pattern, text)


def _never_ruled_out(pattern: str, text: str) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error:
        return
    # every run of the pattern a segment, however short: what is widened is then read by RE2
    # (with the three characters a segment needs, few random patterns would have any)
    saved = screens._SHORTEST
    screens._SHORTEST = 1
    segments.cache_clear()
    try:
        screen = PlanScreen([pattern]).screen(text)
    finally:
        screens._SHORTEST = saved
        segments.cache_clear()
    assert screen is not None
    if compiled.search(text) is not None:
        assert screen(pattern) is not False


@given(_patterns(), _TEXTS)
@settings(max_examples=300, deadline=None)
def test_a_reference_to_a_group_is_screened_as_what_it_may_repeat(pattern: str, text: str) -> None:
    _never_ruled_out(f"({pattern})-\\1", text)


def test_a_pattern_is_cut_at_its_gaps() -> None:
    # two words within a window: each is a segment; a match holds both
    formula = segments(r"delai(?:[^.;\n]{0,80})jours")
    assert formula == (True, ("delai", "jours"))
    # an alternation of gaps: one of its branches
    formula = segments(r"(?:abc.*def|ghi)")
    assert formula == (False, ((True, ("abc", "def")), "ghi"))
    # what may match nothing at either end of a segment is left out, the middle kept
    assert segments(r"(?:x|yy)?abc(?:de)?f?") == "abc"
    assert segments(r"ab?cd") == "a(?:b){0,1}cd"


def test_what_tells_nothing_is_not_a_segment() -> None:
    assert segments(r"ab.*cd") is True  # two characters each: nearly every text holds them
    assert segments(r"(?:abc)*") is True
    assert segments(r"\bfoad\b") == "foad"


def test_a_short_segment_is_kept_when_each_of_its_matches_holds_a_rare_character() -> None:
    # indicator 7's crossed table: « Module 2 → Bloc 1 »; the words about it are everywhere
    arrow = "(?:\\x{2192}|\\x{2d}\\x{3e}|\\x{3d}\\x{3e}|\\x{21d2})"
    assert segments(r"\bmodules? ?\d*[^\n]{0,50}(?:→|->|=>|⇒)[^\n]{0,30}\bblocs?") == (
        True,
        ("module", arrow, "bloc"),
    )
    assert segments(r"(?:→|->)") == "(?:\\x{2192}|\\x{2d}\\x{3e})"
    assert segments(r"%|€") == "[\\x{25}\\x{20ac}]"
    assert segments(r"[<>]") == "[\\x{3c}\\x{3e}]"
    assert segments(r"[à-ÿ]") == "[\\x{e0}-\\x{ff}]"
    # a character common in prose, a match that may lack the rare one: nothing told
    for pattern in (r"-", r"a-", r"(?:→|-)", r"(?:→)?a", r"[^<]", r"[-<]", r"[!-~]", r"\.\d"):
        assert segments(pattern) is True, pattern
    crossed = r"\bmodule ?\d*[^\n]{0,50}(?:→|->)[^\n]{0,30}\bbloc"
    plan = PlanScreen([crossed])
    for text, may in [
        ("module 1 : bloc 2 ; le module est relié au bloc", False),
        ("module 1 -> bloc 2", True),
        ("module 1 → bloc 2", True),
    ]:
        screen = plan.screen(text)
        assert screen is not None
        assert screen(crossed) is may, text
        assert (re.search(crossed, text) is not None) is may


def test_a_pattern_ignoring_case_is_not_screened() -> None:
    assert segments(r"(?i)foad") is None
    assert segments(r"a(?i:bcd)e") is None
    assert segments(r"(") is None  # does not parse
    screen = PlanScreen([r"(?i)foad", "foad"]).screen("FOAD")
    assert screen is not None
    assert screen(r"(?i)foad") is None  # not screened: answered as before
    assert screen("foad") is False


def test_what_re2_reads_as_python_does() -> None:
    texts = {
        r"x\wy": "xéy",  # RE2's \w is ASCII only
        r"x\dy": "x٣y",
        r"x\sy": "x\u00a0y",
        r"x[^\w]y": "x-y",
        r"x[^\w.]y": "x\u00a0y",  # a negated class excludes no more than Python's
        r"x[^\s]y": "xéy",
        "(?s)ab.cd": "ab\ncd",
        r"caf\w\b": "café!",
        r"(caf\w\b)!": "café!",  # RE2's \b is ASCII only, in a group as at the top
        r"\x1c\s\s": "\x1c\x1c\x85",
    }
    screen = PlanScreen(list(texts))
    for pattern, text in texts.items():
        assert re.search(pattern, text)
        seen = screen.screen(text)
        assert seen is not None and seen(pattern) is True, pattern


def test_a_group_of_patterns_is_ruled_out_at_once_only_when_each_is() -> None:
    patterns = ["abc", r"def.*ghi", r"(?:jkl.*mno|pqr)", r"(?i)stu", r"x.*y"]
    screen = PlanScreen(patterns)
    seen = screen.screen("only def here, and pqr")
    assert seen is not None
    assert seen.any_may_match("1", patterns[:3]) is True  # pqr
    assert seen.any_may_match("2", patterns[:2]) is False  # no abc; def without ghi
    assert seen.any_may_match("3", patterns[2:4]) is None  # (?i)stu is not screened
    assert seen.any_may_match("4", [patterns[0], patterns[4]]) is True  # x.*y: nothing known
    elsewhere = screen.screen("def, ghi")
    assert elsewhere is not None and elsewhere.any_may_match("2", patterns[:2]) is True
    for text in ("abc", "def ghi", "jkl mno", "pqr", "nothing", "stu"):
        found = screen.screen(text)
        assert found is not None
        for key, group in (("1", patterns[:3]), ("2", patterns[:2])):
            each = [found(pattern) for pattern in group]
            assert found.any_may_match(key, group) is any(each), (text, key)


def test_a_text_re2_cannot_read_is_answered_without_the_screen() -> None:
    screen = PlanScreen(["abc"])
    assert screen.screen("abc \ud800") is None  # a lone surrogate is not UTF-8


def test_a_failed_pass_is_not_taken_for_no_match() -> None:
    class Failed:
        def Match(self, data: bytes) -> None:
            return None  # what the binding gives when RE2's automaton runs out of memory

    screen = PlanScreen(["abc"])
    screen._set = Failed()
    assert screen.screen("abc") is None


# --- the plans of the built-in checks -------------------------------------------------------


@contextmanager
def _screened(on: bool) -> Iterator[None]:
    """Plans screened from their first document (``on``), or never."""
    saved = mq.SCREENS, mq.SCREEN_AFTER
    mq.SCREENS, mq.SCREEN_AFTER = on, 1
    try:
        yield
    finally:
        mq.SCREENS, mq.SCREEN_AFTER = saved


_PLANS = sorted(
    {questions_for([n], "rnq-2026") for n in range(1, 34)}
    | {questions_for(range(1, 34), "rnq-2026")}
)
_PHRASES = [
    "Modalités d'évaluation : QCM en fin de formation, attestation remise.",
    "Le référent handicap est joignable au 01 02 03 04 05 ; délai d'accès : 15 jours.",
    "Taux de satisfaction 2025 : 92 % (48 répondants). Taux de réussite : 85 %.",
    "Aucun référent handicap n'est désigné. Délai d'accès : à définir.",
    "Programme\nObjectifs :\nPrérequis :\nDurée :",
    "Veille réglementaire : décret n° 2026-728, lu le 3 mars 2026 par la responsable qualité.",
    "Entretien de positionnement réalisé ; besoins analysés ; parcours adapté au bénéficiaire.",
    "Sous-traitance : convention signée avec le prestataire, charte qualité remise.",
    "Évaluation certificative : jury le 12/06/2026, RNCP37837, certificateur : CCI France.",
    "Réclamations : 3 reçues, 3 traitées ; plan d'amélioration continue mis à jour.",
]


def _answers(plan: tuple[str, ...], texts: list[str]) -> list[tuple[object, ...]]:
    return [mq.answers_for(text, None, plan) for text in texts]


@pytest.mark.parametrize("plan", _PLANS, ids=lambda plan: f"{len(plan)} questions")
def test_a_plan_answers_the_same_with_its_screen(plan: tuple[str, ...]) -> None:
    texts = [*_PHRASES, "\n".join(_PHRASES), " ".join(_PHRASES).upper(), "", "é ſ ٣ \u00a0"]
    with _screened(False):
        without = _answers(plan, texts)
    with _screened(True):
        with_screen = _answers(plan, texts)
        assert mq._plan_screen(plan) is not None  # the screen was used
    assert with_screen == without


_CONCEPTS = sorted({q for plan in _PLANS for q in plan if q.startswith(CONCEPT)})
_WORDS = sorted({w for phrase in _PHRASES for w in re.findall(r"[\w'’]+", phrase)})


_FILLERS = ["de", "la", "pas de", "aucun", ":", ";", "\n"]


@given(st.lists(st.sampled_from([*_WORDS, *_FILLERS]), max_size=40))
@settings(max_examples=150, deadline=None)
def test_a_screened_concept_answers_as_the_reference(words: list[str]) -> None:
    text = " ".join(words)
    plan = tuple(_CONCEPTS)
    with _screened(True):
        answers = mq.answers_for(text, None, plan)
    body = document_body(text, None)
    assert list(answers) == [concept_found(q, body, text) for q in plan]


def test_without_re2_the_plan_is_answered_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _PLANS[-1]
    with _screened(True):
        expected = _answers(plan, _PHRASES)
        mq._screens.pop(plan, None)
        mq._plan_uses.pop(plan, None)
        monkeypatch.setattr(mq, "available", lambda: False)
        assert _answers(plan, _PHRASES) == expected
        assert mq._plan_screen(plan) is None


def test_a_plan_re2_cannot_compile_is_answered_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = _PLANS[-2]

    class TooLarge:
        def __init__(self, patterns: object) -> None:
            raise screens.Unscreenable("pattern too large - compile failed")

    with _screened(False):
        expected = _answers(plan, _PHRASES)
    with _screened(True):
        mq._screens.pop(plan, None)
        monkeypatch.setattr(mq, "PlanScreen", TooLarge)
        assert _answers(plan, _PHRASES) == expected
        assert plan in mq._screens and mq._screens[plan] is None  # not tried again
    mq._screens.pop(plan, None)


def test_a_set_too_large_for_re2_is_told() -> None:
    saved = screens._SET_MEMORY
    screens._SET_MEMORY = 1 << 10  # a kilobyte: no set of a real plan compiles in it
    try:
        with pytest.raises(screens.Unscreenable):
            PlanScreen(mq.plan_patterns(_PLANS[-1]))
    finally:
        screens._SET_MEMORY = saved


def test_a_plan_is_screened_once_it_has_answered_enough_documents() -> None:
    plan = _PLANS[0]
    saved = mq.SCREEN_AFTER
    mq._screens.pop(plan, None)
    mq._plan_uses.pop(plan, None)
    mq.SCREEN_AFTER = 3
    try:
        assert mq._plan_screen(plan) is None
        assert mq._plan_screen(plan) is None
        assert mq._plan_screen(plan) is not None  # the third document: built
    finally:
        mq.SCREEN_AFTER = saved


# --- the table of the built-in checks' segments ----------------------------------------------


def _built_in_patterns() -> list[str]:
    questions = sorted({q for m in builtin_check_modules() for q in module_questions(m)})
    return mq.plan_patterns(questions)


def test_the_table_of_segments_is_not_stale() -> None:
    """``python tools/gen_screens.py`` writes it again after a check's terms change."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen_screens", ROOT / "tools" / "gen_screens.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = ROOT / "src" / "rnq" / "match" / screens.TABLE
    assert json.loads(gzip.decompress(module.table_bytes())) == json.loads(
        gzip.decompress(shipped.read_bytes())
    ), "run: python tools/gen_screens.py"


def test_the_table_spells_each_pattern_as_cutting_it_does() -> None:
    patterns = _built_in_patterns()
    assert len(patterns) > 1000
    table = screens._table()[1]
    for pattern in patterns[::7]:
        assert screens._key(pattern) in table
        assert formula_of(pattern) == segments(pattern)
    assert formula_of("a pattern no check holds") == segments("a pattern no check holds")
