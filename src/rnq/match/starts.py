"""The words a match of a regular expression must start, read from the parsed pattern: a
prefilter for the workers, which know the words of a document (a sorted list, searched in a
binary search) before they run a pattern.

A concept's term « évaluation … certificative » is the regular expression
``evaluati(?<![a-z0-9]evaluati)…[^\\w.;!?\\n:]+(?:certificati…)…``: any match holds a word
(a run of ``[a-z0-9]``, as :class:`~rnq.match.french.WordIndex` cuts a text) that starts
with ``certificati``, since the character before it is one the class ``[^\\w.;!?\\n:]``
matches, never a letter or a digit. A document without such a word cannot match: the pattern
is not run. :func:`word_starts` finds these requirements wherever the pattern guarantees that
a run of letters or digits is preceded by something else (a class without letters or digits,
a space, ``\\b``, the start of a line, a look-behind excluding them); the answer is the same,
only sooner.

This module imports nothing from rnq.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

__all__ = ["parsed_pattern", "word_starts"]

# The standard library's regular-expression parser (as rnq.match.questions uses it).
_sp: Any = importlib.import_module("re._parser")
_sc: Any = importlib.import_module("re._constants")

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_REPEATS = frozenset(
    op for op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, getattr(_sc, "POSSESSIVE_REPEAT", None)) if op
)
#: Categories of a class that never match an ASCII letter or digit.
_NO_ALNUM_CATEGORIES = frozenset([_sc.CATEGORY_SPACE, _sc.CATEGORY_NOT_WORD])
#: Categories that match every ASCII letter and digit.
_ALL_ALNUM_CATEGORIES = frozenset([_sc.CATEGORY_WORD])
#: Where the character before is the start of the text or a line break.
_LINE_STARTS = frozenset([_sc.AT_BEGINNING, _sc.AT_BEGINNING_STRING, _sc.AT_BEGINNING_LINE])

_Needs = list[list[str]]  # every inner list: a word must start with one of these strings


def _excludes_alnum(items: list[tuple[Any, Any]]) -> bool:
    """Whether the class ``items`` (a parsed ``IN``) never matches an ASCII letter or digit."""
    if items and items[0][0] is _sc.NEGATE:
        return _covers_alnum(items[1:])
    for op, av in items:
        if op is _sc.LITERAL:
            if chr(av) in _ALNUM:
                return False
        elif op is _sc.RANGE:
            low, high = av
            if any(low <= ord(c) <= high for c in _ALNUM):
                return False
        elif op is _sc.CATEGORY:
            if av not in _NO_ALNUM_CATEGORIES:
                return False
        else:
            return False
    return True


def _covers_alnum(items: list[tuple[Any, Any]]) -> bool:
    """Whether the class ``items`` (without its NEGATE) matches every ASCII letter and digit."""
    left = set(_ALNUM)
    for op, av in items:
        if op is _sc.LITERAL:
            left.discard(chr(av))
        elif op is _sc.RANGE:
            low, high = av
            left = {c for c in left if not low <= ord(c) <= high}
        elif op is _sc.CATEGORY:
            if av in _ALL_ALNUM_CATEGORIES:
                return True
            if av is _sc.CATEGORY_DIGIT:
                left -= set("0123456789")
    return not left


def _one_char_excludes_alnum(op: Any, av: Any) -> bool | None:
    """For an item matching one character: whether it never matches a letter or digit (None:
    not a one-character item)."""
    if op is _sc.LITERAL:
        return chr(av) not in _ALNUM
    if op is _sc.IN:
        return _excludes_alnum(av)
    if op in (_sc.NOT_LITERAL, _sc.ANY):
        return False
    return None


def _run(items: list[tuple[Any, Any]], start: int) -> str:
    """The letters and digits of the literals of ``items`` from ``start`` on."""
    letters = []
    for op, av in items[start:]:
        if op is not _sc.LITERAL or chr(av) not in _ALNUM:
            break
        letters.append(chr(av))
    return "".join(letters)


def _guarded(items: list[tuple[Any, Any]], index: int, run: str) -> bool:
    """Whether the item at ``index``, right after the literal ``run``, is a look-behind
    ``(?<!\\wrun)`` or ``(?<![a-z0-9]run)``: the run starts a word."""
    if index >= len(items):
        return False
    op, av = items[index]
    if op is not _sc.ASSERT_NOT or av[0] != -1:
        return False
    inner = list(av[1])
    if len(inner) != len(run) + 1 or inner[0][0] is not _sc.IN:
        return False
    if not _covers_alnum(inner[0][1]):
        return False
    return _run(inner, 1) == run


def _walk(items: list[tuple[Any, Any]], boundary: bool) -> tuple[_Needs, bool]:
    """The word starts a match of the parsed sequence ``items`` needs, and whether the
    character before the position after it is certainly not a letter or digit. ``boundary``:
    whether that holds before the sequence."""
    needs: _Needs = []
    index = 0
    while index < len(items):
        op, av = items[index]
        if op is _sc.LITERAL and chr(av) in _ALNUM:
            run = _run(items, index)
            if boundary or _guarded(items, index + len(run), run):
                needs.append([run])
            index += len(run)
            boundary = False
            continue
        index += 1
        inner, boundary = _item(op, av, boundary)
        needs.extend(inner)
    return needs, boundary


def _item(op: Any, av: Any, boundary: bool) -> tuple[_Needs, bool]:
    """What one parsed item other than a letter or digit needs (see :func:`_walk`)."""
    if op is _sc.AT:
        if av in _LINE_STARTS or av is _sc.AT_BOUNDARY:
            # before a letter or digit, \b says the character before is not one
            return [], True
        return [], boundary and av is not _sc.AT_NON_BOUNDARY
    if op in (_sc.ASSERT, _sc.ASSERT_NOT):
        return [], boundary  # zero-width: the character before stays the same
    single = _one_char_excludes_alnum(op, av)
    if single is not None:
        return [], single
    if op is _sc.SUBPATTERN:
        if av[1] & (re.IGNORECASE | re.VERBOSE):
            return [], False
        return _walk(list(av[-1]), boundary)
    if op is _sc.BRANCH:
        return _branch(av[1], boundary)
    if op in _REPEATS:
        low, high, sub = av
        inner, once = _walk(list(sub), boundary)
        after = (low >= 1 or boundary) and once
        if high > 1 and after:
            after = _walk(list(sub), False)[1]
        return (inner if low >= 1 else []), after
    return [], False  # anything else: nothing known


def _branch(alternatives: list[Any], boundary: bool) -> tuple[_Needs, bool]:
    """A branch needs one of its alternatives' word starts (of each alternative, its longest
    one); after it, the character before is known when it is after each alternative."""
    firsts: list[str] = []
    after = True
    complete = True
    for alternative in alternatives:
        inner, out = _walk(list(alternative), boundary)
        after = after and out
        if not inner:
            complete = False
        else:
            firsts.extend(max(inner, key=lambda starts: min(map(len, starts))))
    return ([sorted(set(firsts))] if complete and firsts else []), after


@lru_cache(maxsize=16)
def parsed_pattern(pattern: str) -> Any:
    """The standard library's parse of ``pattern`` (None when it does not parse), shared by the
    prefilters that read it (:func:`word_starts`, then, for the same pattern, the literals it
    needs): read, never changed. Only the last few are kept: a parse is large, and the
    prefilters keep what they read from it."""
    try:
        return _sp.parse(pattern)
    except re.error:
        return None


@lru_cache(maxsize=32768)
def word_starts(pattern: str) -> tuple[tuple[str, ...], ...]:
    """What words any match of ``pattern`` must hold: a tuple of requirements, each a tuple of
    strings one of which a word of the text (a run of ``[a-z0-9]``) must start with. Empty
    when nothing is known (a pattern that ignores case, or fails to parse)."""
    parsed = parsed_pattern(pattern)
    if parsed is None:
        return ()
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return ()
    needs, _after = _walk(list(parsed), False)
    # the longest first: the rarest words, most often missing
    unique = {tuple(sorted(set(starts))) for starts in needs if all(starts)}
    return tuple(sorted(unique, key=lambda starts: -min(map(len, starts))))
