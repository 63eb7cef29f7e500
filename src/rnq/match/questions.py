"""How content checks read text: folding, and the questions they ask of one document.

Content checks match French wording against *folded* text (:func:`fold`: lower case, no accents,
plain apostrophes and spaces). Most of what they ask of a document is a regular expression
(« does this document say *modalités d'évaluation* ? »), and the same few hundred questions are
asked of tens of thousands of documents. This module is the one place that answers them, so the
answer is the same wherever it is computed: in the parent process while the checks run, or in an
extraction worker right after the document is read (:func:`answers_for`, the question *plan*).

Questions are strings that say what they compute (:func:`portable`):

* a regular expression: whether the folded text matches it (:func:`search`);
* ``"\\x00all\\x1f" + pattern``: every distinct text matching it, sorted;
* ``"\\x00text"``: whether the document holds any text at all;
* a name registered with :func:`document_question`: what its function of the document's text
  and rows returns.

:func:`search` first looks for the literal text any match must contain
(:func:`required_literals`), and runs the regular expression only when it is there: most
questions asked of most documents are answered « no » by a substring search, which is many
times faster than the regular expression and gives the same answer.

This module imports nothing from rnq, so extraction workers load it cheaply.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any, TypeVar

from rnq.match.folding import document_body, fold
from rnq.match.french import (
    CONCEPT,
    DRAFT,
    LeadFinder,
    WordIndex,
    concept_has_exact,
    concept_leads,
    concept_match,
    concept_match_exact,
    concept_patterns,
    draft,
    lead_finder,
    leading_word,
    literal_first,
    top_level_bars,
)
from rnq.match.screens import PlanScreen, Screened, Unscreenable, available
from rnq.match.starts import parsed_pattern, word_starts

# The standard library's regular-expression constants (its parser's, through
# rnq.match.starts.parsed_pattern): private, but the same shape since Python 2 in what is used
# here (typeshed has no stubs for it).
_sc: Any = importlib.import_module("re._constants")

#: How many patterns (and questions) stay compiled: every pattern the checks' concepts hold
#: (a few thousand) with room to spare; past it the least recently used are compiled again.
_PATTERNS_KEPT = 32768

__all__ = [
    "ALL",
    "HAS_TEXT",
    "answer",
    "answer_all",
    "answers_for",
    "document_body",
    "document_question",
    "fact_key",
    "fold",
    "named_question",
    "portable",
    "required_literals",
    "search",
]

#: The question « every distinct text matching the pattern that follows ».
ALL = "\x00all\x1f"
#: The question « does the document hold any text? ».
HAS_TEXT = "\x00text"


# --- literal prefilter ---------------------------------------------------------------------------

_Need = list[list[str]]  # every inner list: one of these strings must occur (AND of ORs)
_REPEATS = frozenset(
    op for op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, getattr(_sc, "POSSESSIVE_REPEAT", None)) if op
)


def _needs(items: Iterable[tuple[Any, Any]]) -> _Need:
    """What a match of the parsed sequence ``items`` must contain, as an AND of ORs of
    strings: runs of consecutive literal characters, and for a group, a branch or a repeat
    done at least once, what each of its own alternatives must contain."""
    needs: _Need = []
    run: list[str] = []
    for op, av in items:
        if op is _sc.LITERAL:
            run.append(chr(av))
            continue
        if op is _sc.AT:  # zero-width (\b, ^, $): the characters around it stay adjacent
            continue
        _flush(run, needs)
        needs.extend(_item_needs(op, av))
    _flush(run, needs)
    return needs


def _flush(run: list[str], needs: _Need) -> None:
    """Add the pending run of literal characters to ``needs`` as one string, and empty it."""
    if run:
        needs.append(["".join(run)])
        run.clear()


def _item_needs(op: Any, av: Any) -> _Need:
    """What a match of one parsed item other than a literal or a zero-width one must contain."""
    if op is _sc.SUBPATTERN:
        if not av[1] & (re.IGNORECASE | re.VERBOSE):  # (?i:…) matches other cases
            return _needs(av[-1])
    elif op is _sc.BRANCH:
        alternatives = _branch_alternatives(av[1])
        if alternatives:
            return [alternatives]
    elif op in _REPEATS and av[0] >= 1:
        return _needs(av[2])
    elif op is _sc.IN:
        chars = _class_chars(av)
        if chars:
            return [chars]
    # anything else (wide classes, any, lookarounds, group references…) needs nothing known
    return []


def _branch_alternatives(branches: Iterable[Any]) -> list[str]:
    """The strings a match of a branch contains one of; empty if one of its branches needs none."""
    alternatives: list[str] = []
    for branch in branches:
        best = _best(_needs(branch))
        if best is None:  # this branch needs nothing: the branch as a whole neither
            return []
        alternatives.extend(best)
    return sorted(set(alternatives))


#: Stands for « a digit » in a requirement: ``\d`` matches any Unicode digit, so a text that
#: is not all ASCII always meets it (see :func:`_possible`).
DIGIT = "\x00digit"


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    r"""The characters a small class (``[€$]``, ``\d``) matches, or None for a wide or
    negated one."""
    if items == [(_sc.CATEGORY, _sc.CATEGORY_DIGIT)]:
        return [DIGIT]
    chars = [chr(value) for op, value in items if op is _sc.LITERAL]
    if len(chars) != len(items) or len(chars) > 8 or any(c.isspace() for c in chars):
        return None
    return sorted(set(chars))


def _best(needs: _Need) -> list[str] | None:
    """The most selective requirement of ``needs``: its shortest string the longest."""
    if not needs:
        return None
    return max(needs, key=lambda alternatives: (min(map(len, alternatives)), -len(alternatives)))


@lru_cache(maxsize=_PATTERNS_KEPT)
def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """What any text matching ``pattern`` must contain: a tuple of requirements, each a tuple of
    strings of which at least one occurs in the text (all requirements must hold).

    Empty when nothing is known (flags such as ``re.IGNORECASE``, classes only…): the pattern
    must then be run. ``required_literals(r"\\bfoad\\b")`` is ``(("foad",),)``.
    """
    parsed = parsed_pattern(pattern)
    if parsed is None:
        return ()
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    # a space rules out no text
    needs = [a for a in _needs(list(parsed)) if not any(c.isspace() for c in a if len(c) == 1)]
    # the most selective first: a text missing it is answered by one substring search
    needs.sort(key=lambda alternatives: (-min(map(_length, alternatives)), len(alternatives)))
    return tuple(tuple(alternatives) for alternatives in needs[:4])


def _length(literal: str) -> int:
    return 1 if literal == DIGIT else len(literal)


@lru_cache(maxsize=_PATTERNS_KEPT)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _possible(pattern: str, text: str, words: str | Words | None) -> bool:
    """Whether ``text`` holds what every match of ``pattern`` must contain. ``words``: the
    distinct words of ``text`` (:func:`_words`), where a literal without a space is looked
    for instead: it can only occur inside one word, and ``words`` is far shorter. A concept's
    term starts with the beginning of a word: it is looked up among the words first. Where the
    plan's patterns were screened together (:attr:`Words.screen`), its verdict is taken."""
    if isinstance(words, Words):
        if words.screen is not None:
            verdict = words.screen(pattern)
            if verdict is not None:
                return verdict
        lead = leading_word(pattern)
        if lead is not None and not words.where.starts_word(lead):
            return False
        if not words.where.holds(word_starts(pattern)):
            return False  # a word every match holds is not in the text
        return _has_literals(pattern, text, words)
    lead = leading_word(pattern)
    if lead is not None and lead not in text:
        # a concept's term whose first word is not in the text, told without parsing the
        # pattern for its literals (a document answered in this process, one after an edit)
        return False
    for alternatives in required_literals(pattern):
        if not any(_contains(literal, text, words) for literal in alternatives):
            return False
    return True


def _has_literals(pattern: str, text: str, words: Words) -> bool:
    """The last test of :func:`_possible`: ``text`` holds the literals every match of
    ``pattern`` holds (:func:`required_literals`), each requirement looked for once per
    document (the same alternatives recur across patterns)."""
    known = words.known
    for alternatives in required_literals(pattern):
        found = known.get(alternatives)
        if found is None:
            found = known[alternatives] = _holds_one(alternatives, text, words)
        if not found:
            return False
    return True


#: From this many alternatives on, those without a space are looked for in one pass.
_MANY = 8


def _holds_one(alternatives: tuple[str, ...], text: str, words: Words) -> bool:
    """Whether ``text`` (its distinct ``words``) holds one of ``alternatives``: those made of
    ``[a-z0-9]`` alone looked for among the words of its :class:`~rnq.match.french.WordIndex`
    (:attr:`~rnq.match.french.WordIndex.joined`, far shorter), the others as
    :func:`_holds_one_plain` does."""
    alphanumeric, others = _alphanumeric(alternatives)
    if alphanumeric:
        joined = words.where.joined
        if len(alphanumeric) < _MANY:
            if any(literal in joined for literal in alphanumeric):
                return True
        elif _one_pass(alphanumeric)[0].search(joined) is not None:  # type: ignore[union-attr]
            return True
    return bool(others) and _holds_others(others, text, words)


def _holds_others(others: tuple[str, ...], text: str, words: Words) -> bool:
    """Whether ``text`` holds one of ``others`` (literals not made of ``[a-z0-9]`` alone), as
    :func:`_holds_one_plain` answers with the body's distinct tokens, which are made only when
    that answer could differ from the text's (:func:`_as_in_text`)."""
    if _as_in_text(others):
        return any(_contains(literal, text, None) for literal in others)
    return _holds_one_plain(others, text, words.tokens)


@lru_cache(maxsize=_PATTERNS_KEPT)
def _as_in_text(others: tuple[str, ...]) -> bool:
    """Whether :func:`_holds_one_plain` finds one of ``others`` in a text's distinct tokens
    exactly when one is in the text: they are fewer than :data:`_MANY` (each is then looked
    for alone) and none holds whitespace but with a space (looked for in the text anyway). A
    literal without whitespace is in a text where it is inside one of its tokens, and a digit
    where one is."""
    return len(others) < _MANY and all(
        " " in literal or not any(char.isspace() for char in literal) for literal in others
    )


def _holds_one_plain(alternatives: tuple[str, ...], text: str, words: str) -> bool:
    """Whether ``text`` (its distinct ``words``) holds one of ``alternatives``, each looked for
    in ``words`` or, with a space, in ``text``: the reference of :func:`_holds_one`."""
    if len(alternatives) < _MANY:
        return any(_contains(literal, text, words) for literal in alternatives)
    one_pass, others = _one_pass(alternatives)
    if any(_contains(literal, text, words) for literal in others):
        return True
    return one_pass is not None and one_pass.search(words) is not None


_ALPHANUMERIC = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=_PATTERNS_KEPT)
def _alphanumeric(alternatives: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The literals of ``alternatives`` made of ``[a-z0-9]`` alone (one occurs in a text where
    it occurs in one of its runs of those characters), and the others."""
    alphanumeric = tuple(a for a in alternatives if _ALPHANUMERIC.fullmatch(a))
    return alphanumeric, tuple(a for a in alternatives if not _ALPHANUMERIC.fullmatch(a))


@lru_cache(maxsize=_PATTERNS_KEPT)
def _one_pass(alternatives: tuple[str, ...]) -> tuple[re.Pattern[str] | None, tuple[str, ...]]:
    """The literals of ``alternatives`` that a text's words hold when they hold any (none has a
    space), as one regular expression shaped as a tree of their letters (« acc(?:ompagner|
    ueillir)|… »: a search reads the words once, where one substring search per literal reads
    them once each), and the others (with a space, or :data:`DIGIT`)."""
    plain = [a for a in alternatives if a != DIGIT and " " not in a]
    others = tuple(a for a in alternatives if a == DIGIT or " " in a)
    return (re.compile(_tree(plain)) if plain else None), others


def _tree(literals: Iterable[str]) -> str:
    """A regular expression matching where one of ``literals`` (non-empty strings) starts."""
    root: dict[str, Any] = {}
    for literal in literals:
        node = root
        for char in literal:
            node = node.setdefault(char, {})
        node[""] = {}  # a literal ends here

    def branch(node: dict[str, Any]) -> str:
        parts = [re.escape(char) + branch(rest) for char, rest in sorted(node.items()) if char]
        if not parts or "" in node:
            return ""  # a literal ends here: what follows need not match
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return branch(root)


def _contains(literal: str, text: str, words: str | None) -> bool:
    if literal == DIGIT:
        return not text.isascii() or any(d in (words or text) for d in "0123456789")
    return literal in (text if words is None or " " in literal else words)


class Words:
    """What answering a folded body looks up, made once per document: its
    :class:`~rnq.match.french.WordIndex` (where each word starts, and its distinct words), the
    literals found so far, and its distinct whitespace-separated tokens when a literal needs
    them (:attr:`tokens`)."""

    __slots__ = ("_tokens", "body", "known", "original", "screen", "where")

    def __init__(self, body: str, finder: LeadFinder | None = None) -> None:
        self.body = body
        self.where = WordIndex(body, finder)
        #: Whether a pattern of the plan may match the body, read from RE2's pass over it
        #: (:meth:`~rnq.match.screens.PlanScreen.screen`: None for a pattern not screened), or
        #: None: no screen.
        self.screen: Screened | None = None
        #: Whether the body holds one of a requirement's literals, per requirement looked for.
        self.known: dict[tuple[str, ...], bool] = {}
        #: The document's original text (:func:`_original`), once a concept's ``=`` term needs
        #: it.
        self.original: tuple[str | None] | None = None
        self._tokens: str | None = None

    @property
    def tokens(self) -> str:
        """The body's distinct whitespace-separated tokens, joined by spaces: the same literals
        without a space as the body, in a third of it. Made on first use (0.15 ms a document):
        only many punctuated literals looked for at once need them (:func:`_holds_others`)."""
        if self._tokens is None:
            self._tokens = " ".join(set(self.body.split()))
        return self._tokens


def _words(body: str, finder: LeadFinder | None = None) -> Words:
    """The distinct words of a folded ``body`` (see :class:`Words`); ``finder``: the first
    words of the concepts the document will be asked (:class:`~rnq.match.french.LeadFinder`)."""
    return Words(body, finder)


def search(pattern: str, text: str, words: str | Words | None = None) -> bool:
    """``re.search(pattern, text) is not None``, answered by substring searches alone when
    ``text`` lacks what every match must contain (:func:`required_literals`). ``words``: the
    distinct words of a folded ``text``, when the caller has them (:func:`answers_for`).

    A pattern is searched literal first (:func:`~rnq.match.french.literal_first`: ``\\bsur``
    as ``sur(?<!\\wsur)``), and one that is an alternation at its top (``a…|b…|c…``) branch
    by branch: it matches where one of its branches does, and each branch has literals of its
    own to look for first."""
    if not _possible(pattern, text, words):
        return False
    branches = _branches(pattern)
    if branches is None:
        return _compiled(literal_first(pattern)).search(text) is not None
    return any(
        _possible(branch, text, words) and _compiled(literal_first(branch)).search(text) is not None
        for branch in branches
    )


#: Inline flags a pattern may open with and keep when split into branches (no ``x``: a
#: verbose pattern's comments may hold a ``|``).
_GLOBAL_FLAGS = re.compile(r"\(\?[aimsLu]+\)")


@lru_cache(maxsize=_PATTERNS_KEPT)
def _branches(pattern: str) -> tuple[str, ...] | None:
    """The branches of a pattern that is an alternation at its top level, each a pattern that
    compiles alone (the pattern's opening inline flags kept), or None: not an alternation, or
    one whose branches cannot be searched apart (a reference to a group, a conditional)."""
    flags = _GLOBAL_FLAGS.match(pattern)
    prefix = flags.group(0) if flags else ""
    body = pattern[len(prefix) :]
    if "(?P=" in body or "(?(" in body or re.search(r"\\(?:[1-9]|g<)", body):
        return None
    cuts, closed = top_level_bars(body, 0)
    if not cuts or closed != len(body):
        return None
    starts = [-1, *cuts]
    branches = tuple(
        prefix + body[start + 1 : end]
        for start, end in zip(starts, [*cuts, len(body)], strict=True)
    )
    try:
        if _compiled(pattern).flags & re.VERBOSE:
            return None
        for branch in branches:
            re.compile(branch)
    except re.error:
        return None
    return branches


def _all(pattern: str, text: str, words: str | Words | None = None) -> list[str]:
    if not _possible(pattern, text, words):
        return []
    return sorted({m.group(0) for m in _compiled(literal_first(pattern)).finditer(text)})


# --- questions -----------------------------------------------------------------------------------


@lru_cache(maxsize=_PATTERNS_KEPT)
def fact_key(question: str) -> str:
    """The key an answer to ``question`` is kept under (in memory and in the cache): the
    question itself when short, else a digest of it — a concept's question spells out every
    pattern, and thousands of documents keep its answer."""
    if len(question) <= 120:
        return question
    return "\x00#" + hashlib.blake2b(question.encode("utf-8"), digest_size=12).hexdigest()


Rows = Iterable[Sequence[str]]
#: Questions computed by a function of a document's text and rows (:func:`document_question`).
NAMED: dict[str, Callable[[str | None, Rows | None], Any]] = {}
_F = TypeVar("_F", bound=Callable[[str | None, Any], Any])


def named_question(module: str, name: str) -> str:
    """The question a :func:`document_question` of ``module`` named ``name`` answers:
    ``"\x00module:name"``, so that an extraction worker knows which module to import to answer
    it (the module registers it on import)."""
    return f"\x00{module}:{name}"


def document_question(question: str) -> Callable[[_F], _F]:
    """Register ``function(text, rows)`` as the answer to ``question`` (made by
    :func:`named_question`): a question about a document's content that is not a pattern, made
    portable so that extraction workers answer it too. Modules register theirs on import."""

    def register(function: _F) -> _F:
        NAMED[question] = function
        return function

    return register


def _load_named(question: str) -> None:
    """Import the module that registers ``question`` (:func:`named_question`), once; only rnq's
    own modules are imported this way."""
    module = question[1:].partition(":")[0]
    if module.startswith("rnq.") and module not in _LOADED:
        _LOADED.add(module)
        with contextlib.suppress(ImportError):
            importlib.import_module(module)


_LOADED: set[str] = set()


def portable(question: str) -> bool:
    """Whether ``question`` says by itself what it computes (see the module docstring), so that
    an extraction worker can answer it from the text alone."""
    if question in (HAS_TEXT, DRAFT) or question.startswith((ALL, CONCEPT)):
        return True
    if question.startswith("\x00"):
        if question not in NAMED:
            _load_named(question)  # in a worker: the module that registers it
        return question in NAMED
    return "\x1f" not in question


def answer(
    question: str,
    body: str,
    words: str | Words | None = None,
    content: tuple[str | None, Rows | None] = (None, None),
) -> Any:
    """The answer to a :func:`portable` ``question`` about a document whose folded text is
    ``body`` (``words``: its distinct words, when known; ``content``: its text and rows, for
    :data:`NAMED` questions)."""
    if question == HAS_TEXT:
        return bool(body.strip())
    if question.startswith(ALL):
        return _all(question[len(ALL) :], body, words)
    if question.startswith(CONCEPT):
        return _concept(question, body, words, content)
    if question == DRAFT:
        return draft(body)
    if question.startswith("\x00"):
        if question not in NAMED:
            _load_named(question)  # in a worker: the module that registers it
        return NAMED[question](*content)  # KeyError: not a portable question
    return search(question, body, words)


def _original(content: tuple[str | None, Rows | None]) -> str | None:
    """A document's text and rows as they are (case and accents kept), for exact terms."""
    text, rows = content
    if not rows:
        return text
    return "\n".join([text or "", *(" ; ".join(map(str, row)) for row in rows)])


def _concept(
    question: str, body: str, words: str | Words | None, content: tuple[str | None, Rows | None]
) -> bool:
    """A :data:`CONCEPT` question: a pattern runs only where the text holds the words and
    literals it needs (:func:`required_literals`: most « no » at once), then each match is read
    in its clause; its ``=`` terms are looked for in the original text (:func:`_original`, made
    once per document) only when no other term counts."""
    if isinstance(words, Words) and words.screen is not None:
        if words.screen.any_may_match(question, concept_patterns(question)) is False:
            found = None  # none of its patterns can match: none is tried
        else:  # each pattern as _possible rules it out: the screen's verdict, else as below
            found = concept_match(
                question, body, None, lambda pattern: _possible(pattern, body, words)
            )
    elif isinstance(words, Words):
        # concept_match has ruled out by the index what _possible would: only literals are left
        found = concept_match(
            question, body, None, lambda pattern: _has_literals(pattern, body, words), words.where
        )
    else:
        found = concept_match(question, body, None, lambda pattern: _possible(pattern, body, words))
    if found is not None:
        return True
    if not concept_has_exact(question):
        return False
    if isinstance(words, Words):
        if words.original is None:
            words.original = (_original(content),)
        original = words.original[0]
    else:
        original = _original(content)
    return concept_match_exact(question, original)


def answer_all(
    text: str | None, rows: Iterable[Sequence[str]] | None, questions: Iterable[str]
) -> dict[str, Any]:
    """The answers to ``questions`` (the portable ones; the others are left out) about a
    document of ``text`` and ``rows``, folded once."""
    wanted = [q for q in questions if portable(q)]
    if not wanted:
        return {}
    return dict(zip(wanted, answers_for(text, rows, wanted), strict=True))


@lru_cache(maxsize=256)
def _plan_finder(questions: tuple[str, ...]) -> LeadFinder | None:
    """The :class:`~rnq.match.french.LeadFinder` of the first words of the patterns of the
    :data:`CONCEPT` questions of a plan (the same tuple for thousands of documents)."""
    leads = frozenset(
        lead
        for question in questions
        if question.startswith(CONCEPT)
        for lead in concept_leads(question)
        if lead is not None
    )
    return lead_finder(leads) if leads else None


def answers_for(
    text: str | None, rows: Iterable[Sequence[str]] | None, questions: Sequence[str]
) -> tuple[Any, ...]:
    """The answers to :func:`portable` ``questions``, in their order, about a document of
    ``text`` and ``rows`` (folded once)."""
    body = document_body(text, rows)
    words: Words | None = None
    if len(questions) > 2:
        # worth it for a few questions; the first words of every concept asked found in one search
        plan = tuple(questions)
        words = _words(body, _plan_finder(plan))
        screen = _plan_screen(plan)
        if screen is not None:
            words.screen = screen.screen(body)
    return tuple(answer(question, body, words, (text, rows)) for question in questions)


#: Whether plans are screened with RE2's sets where ``google-re2`` is installed
#: (:mod:`rnq.match.screens`); tests turn it off to compare.
SCREENS = True
#: How many documents a plan answers in a process before its screen is built (its set compiled,
#: and the patterns the built-in table lacks cut into segments, 0.5–0.9 ms each): an extraction
#: worker answers thousands with a plan, a run after an edit one or two.
SCREEN_AFTER = 16
_plan_uses: dict[tuple[str, ...], int] = {}
#: Each plan screened in this process → its screen (None: RE2 could not compile it).
_screens: dict[tuple[str, ...], PlanScreen | None] = {}


def _plan_screen(plan: tuple[str, ...]) -> PlanScreen | None:
    """The :class:`~rnq.match.screens.PlanScreen` of ``plan``'s patterns, once the plan has
    answered :data:`SCREEN_AFTER` documents in this process (None before, without RE2, or
    where RE2 cannot compile the plan's set: its documents are then answered as before)."""
    if not SCREENS:
        return None
    if plan in _screens:
        return _screens[plan]
    if len(_plan_uses) >= 4096:  # a process asking ever new plans: counted afresh
        _plan_uses.clear()
    uses = _plan_uses.get(plan, 0) + 1
    _plan_uses[plan] = uses
    if uses < SCREEN_AFTER or not available():
        return None
    if len(_screens) >= 256:  # a few plans per process: the oldest forgotten past that
        del _screens[next(iter(_screens))]
    try:
        screen = PlanScreen(plan_patterns(plan))
    except Unscreenable:
        screen = None
    _screens[plan] = screen
    return screen


def plan_patterns(questions: Iterable[str]) -> list[str]:
    """The regular expressions answering ``questions`` runs on a folded body: the patterns of
    its concepts, its searches (and the branches of those that are alternations)."""
    patterns: dict[str, None] = {}
    for question in questions:
        if question.startswith(CONCEPT):
            patterns.update(dict.fromkeys(concept_patterns(question)))
        elif question.startswith(ALL):
            patterns[question[len(ALL) :]] = None
        elif not question.startswith("\x00") and "\x1f" not in question:
            patterns[question] = None
            patterns.update(dict.fromkeys(_branches(question) or ()))
    return list(patterns)
