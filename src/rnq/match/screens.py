"""A document's patterns screened in one pass over its text, with RE2's sets where installed.

An extraction worker asks each document a plan of questions: a hundred and more regular
expressions (a concept's terms, plain searches), most of which cannot match it. The literal
prefilter of :mod:`rnq.match.questions` rules them out one at a time, in Python. Here a plan's
patterns are ruled out together: each is cut into *segments*, the pieces of it a match holds
without a gap (« evaluati…[^\\w.;!?\\n:]+certificati… » is one segment; « delai… », then
anything up to 80 characters, then « jours » are two), and RE2's :class:`re2.Set` reports in
one pass which segments occur in the text; a pattern is run only where its segments do (an AND
of them, an OR for an alternation). The answer is the same, only sooner.

A segment is written for RE2 so that it matches *at least* wherever the part of the Python
pattern it stands for does: ``\\w``, ``\\d``, ``\\s`` also match every non-ASCII character
(RE2's are ASCII only), a negated class excludes only ASCII ones, look-arounds and anchors are
dropped, a pattern that ignores case is not screened. It can let through a pattern that does
not match (the pattern then runs), never rule out one that does: what the tests check, pattern
by pattern, against Python's answers.

Where ``google-re2`` has no wheel, where a plan's set does not compile (:class:`Unscreenable`),
or where a pass fails (RE2's automaton out of its memory, a text that is not UTF-8:
:meth:`PlanScreen.screen` gives None), the questions are answered as before.

This module imports nothing from rnq but :mod:`rnq.match.starts` (the parse it shares).
"""

from __future__ import annotations

import hashlib
import importlib
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from rnq.match.starts import parsed_pattern

__all__ = [
    "TABLE",
    "PlanScreen",
    "Screened",
    "Unscreenable",
    "available",
    "formula_of",
    "segments",
    "table_data",
    "widened",
]

_sp: Any = importlib.import_module("re._parser")
_sc: Any = importlib.import_module("re._constants")

_REPEATS = frozenset(
    op for op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT, getattr(_sc, "POSSESSIVE_REPEAT", None)) if op
)

#: Every character outside ASCII, in a class (RE2 syntax).
_NON_ASCII = r"\x{80}-\x{10ffff}"
#: The ASCII characters Python's ``\s`` matches.
_SPACES = r"\t\n\x{b}\f\r \x{1c}-\x{1f}"
#: What a category stands for in a class: (at least Python's, at most Python's).
_CATEGORIES = {
    _sc.CATEGORY_DIGIT: ("0-9" + _NON_ASCII, "0-9"),
    _sc.CATEGORY_WORD: ("0-9A-Z_a-z" + _NON_ASCII, "0-9A-Z_a-z"),
    _sc.CATEGORY_SPACE: (_SPACES + _NON_ASCII, _SPACES),
}

#: The shortest a segment is kept: one of one or two characters occurs in nearly every text,
#: unless each of its matches holds a rare character (:func:`_rare`: « → », « -> »).
_SHORTEST = 3

#: The ASCII characters rare in prose: a segment each of whose matches holds one of them, or a
#: character outside ASCII, is kept however short.
_RARE_ASCII = frozenset(map(ord, "<>=|~^*#@$%&+[]{}\\`"))

#: RE2's memory for a set (most of it the lazily built automaton, grown as texts need it).
_SET_MEMORY = 32 << 20


class Unscreenable(ValueError):
    """A pattern RE2 cannot stand for (it ignores case, or uses what RE2 lacks)."""


# --- a Python pattern written for RE2 ---------------------------------------------------------


def _char(code: int) -> str:
    if code < 128 and chr(code).isalnum():
        return chr(code)
    return f"\\x{{{code:x}}}"


def _class(items: list[tuple[Any, Any]]) -> str | None:
    """A class matching at least what the parsed class ``items`` does, or None: any character."""
    negated = _negated(items)
    if negated:
        items = items[1:]
    parts = []
    for op, av in items:
        if op is _sc.LITERAL:
            parts.append(_char(av))
        elif op is _sc.RANGE:
            parts.append(_char(av[0]) + "-" + _char(av[1]))
        elif op is _sc.CATEGORY and av in _CATEGORIES:
            # a negated class must exclude no more than Python's: its categories at most theirs
            parts.append(_CATEGORIES[av][1 if negated else 0])
        else:  # \W, \D, \S inside a class: any character will do
            return None
    if negated:
        return "[^" + "".join(parts) + "]" if parts else None
    return "[" + "".join(parts) + "]" if parts else None


def _negated(items: list[tuple[Any, Any]]) -> bool:
    """Whether the parsed class ``items`` is negated (``[^…]``)."""
    return bool(items) and items[0][0] is _sc.NEGATE


def widened(items: Iterable[tuple[Any, Any]]) -> str:
    """RE2's pattern matching at least wherever the parsed sequence ``items`` matches (Python's
    meaning, case sensitive). Raises :class:`Unscreenable`."""
    return "".join(_item(op, av) for op, av in items)


def _item(op: Any, av: Any) -> str:
    if op is _sc.LITERAL:
        return _char(av)
    if op is _sc.NOT_LITERAL:
        return "[^" + _char(av) + "]"
    if op is _sc.ANY:
        return "(?s:.)"  # with or without DOTALL: at least Python's « . »
    if op is _sc.IN:
        return _class(av) or "(?s:.)"
    if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
        return ""  # zero-width: without it, a match still matches
    return _group(op, av)


def _group(op: Any, av: Any) -> str:
    """:func:`_item` for what holds other items."""
    if op is _sc.BRANCH:
        return "(?:" + "|".join(widened(branch) for branch in av[1]) + ")"
    if op is _sc.SUBPATTERN:
        if (av[1] | av[2]) & re.IGNORECASE:
            raise Unscreenable("ignores case")
        return "(?:" + widened(av[3]) + ")"
    if op in _REPEATS:
        low, high, inner = av
        low = min(low, 1000)  # RE2's largest count
        if high is _sp.MAXREPEAT or high > 1000:
            count = "*" if low == 0 else "+" if low == 1 else f"{{{low},}}"
        else:
            count = f"{{{low},{high}}}"
        return "(?:" + widened(inner) + ")" + count
    if op is _sc.ATOMIC_GROUP:
        return "(?:" + widened(av) + ")"
    # a reference to a group is a gap (:func:`_gap`): never in a segment
    raise Unscreenable(f"RE2 has no {op}")


# --- a pattern cut into segments ----------------------------------------------------------------

#: What a match of a pattern holds: True (nothing known), a segment, or
#: ``(all_of, (formula, …))``: all of them (an AND) or one of them (an OR).
Formula = Any


def _narrow(items: list[tuple[Any, Any]]) -> bool:
    """Whether ``items`` is one literal or one class that is not negated: repeated, it stops at
    the end of a word or of a run of spaces, never spanning a clause. (Where segments stop
    changes only the automaton's size and how much the screen lets through, never an answer.)"""
    if len(items) != 1:
        return False
    op, av = items[0]
    return op is _sc.LITERAL or (op is _sc.IN and not _negated(av))


def _gap(op: Any, av: Any) -> bool:
    """Whether a parsed item may span a stretch of text (« anything up to 80 characters »):
    RE2's automaton for a set of patterns holding such gaps grows with every pattern waiting
    for its end, so a segment stops before one."""
    if op in _REPEATS:
        _low, high, inner = av
        if (high is _sp.MAXREPEAT or high > 3) and not _narrow(list(inner)):
            return True
        return any(_gap(o, a) for o, a in inner)
    if op is _sc.SUBPATTERN:
        return any(_gap(o, a) for o, a in av[3])
    if op is _sc.ATOMIC_GROUP:
        return any(_gap(o, a) for o, a in av)
    if op is _sc.BRANCH:
        return any(_gap(o, a) for branch in av[1] for o, a in branch)
    return op in (_sc.GROUPREF, _sc.GROUPREF_EXISTS)


def _shortest(items: Iterable[tuple[Any, Any]]) -> int:
    """The fewest characters a match of ``items`` holds (the standard library's reckoning)."""
    return int(_sp.SubPattern(_sp.State(), list(items)).getwidth()[0])


def _rare_char(code: int) -> bool:
    return code >= 128 or code in _RARE_ASCII


def _rare(items: Iterable[tuple[Any, Any]]) -> bool:
    """Whether every match of the parsed sequence ``items`` holds a rare character (outside
    ASCII, or one of :data:`_RARE_ASCII`): an arrow « → » or « -> » is as telling as a word."""
    return any(_rare_item(op, av) for op, av in items)


def _rare_item(op: Any, av: Any) -> bool:
    if op is _sc.LITERAL:
        return _rare_char(av)
    if op is _sc.IN:  # a range's characters past ASCII are all rare: those within it are read
        return not _negated(av) and all(
            (o is _sc.LITERAL and _rare_char(a))
            or (o is _sc.RANGE and all(map(_rare_char, range(a[0], min(a[1], 127) + 1))))
            for o, a in av
        )
    if op is _sc.BRANCH:
        return all(_rare(branch) for branch in av[1])
    if op is _sc.SUBPATTERN:
        return _rare(av[3])
    return op in _REPEATS and av[0] >= 1 and _rare(av[2])


def _all_of(formulas: list[Formula]) -> Formula:
    kept = [f for f in formulas if f is not True]
    if not kept:
        return True
    return kept[0] if len(kept) == 1 else (True, tuple(kept))


def _one_of(formulas: list[Formula]) -> Formula:
    if any(f is True for f in formulas):
        return True
    return formulas[0] if len(formulas) == 1 else (False, tuple(formulas))


def _formula(items: list[tuple[Any, Any]]) -> Formula:
    """What a match of the parsed sequence ``items`` holds: its runs of items without a gap,
    each a segment, and what the gaps' own contents hold."""
    terms: list[Formula] = []
    run: list[tuple[Any, Any]] = []

    def flush() -> None:
        # what may match nothing at either end tells nothing: a match holds the rest
        start, end = 0, len(run)
        while start < end and _shortest(run[start : start + 1]) == 0:
            start += 1
        while end > start and _shortest(run[end - 1 : end]) == 0:
            end -= 1
        kept = run[start:end]
        if kept and (_shortest(kept) >= _SHORTEST or _rare(kept)):
            terms.append(widened(kept))
        run.clear()

    for op, av in items:
        if op in (_sc.AT, _sc.ASSERT, _sc.ASSERT_NOT):
            continue  # zero-width: the items around it stay adjacent in a match
        if not _gap(op, av):
            run.append((op, av))
            continue
        flush()
        terms.append(_spanning(op, av))
    flush()
    return _all_of(terms)


def _spanning(op: Any, av: Any) -> Formula:
    """What a match of one item holding a gap (:func:`_gap`) holds."""
    if op is _sc.SUBPATTERN:
        if (av[1] | av[2]) & re.IGNORECASE:
            raise Unscreenable("ignores case")
        return _formula(list(av[3]))
    if op is _sc.ATOMIC_GROUP:
        return _formula(list(av))
    if op is _sc.BRANCH:
        return _one_of([_formula(list(branch)) for branch in av[1]])
    if op in _REPEATS and av[0] >= 1:
        return _formula(list(av[2]))
    return True  # a repeat that may be empty, a reference to a group: nothing known


@lru_cache(maxsize=32768)
def segments(pattern: str) -> Formula | None:
    """What any match of ``pattern`` holds, as a :data:`Formula` of segments (RE2 patterns),
    or None: a pattern that does not parse, ignores case or uses what RE2 lacks."""
    parsed = parsed_pattern(pattern)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    try:
        return _formula(list(parsed))
    except Unscreenable:
        return None


# --- the built-in checks' patterns, cut ahead of time ------------------------------------------

#: The segments of the built-in checks' patterns, worked out by ``tools/gen_screens.py``: cutting
#: a pattern takes 0.5–0.9 ms (most of it the standard library's parser), and the plans of an
#: extraction worker hold some 2 600 patterns. A test fails when it is stale; a pattern it lacks
#: (a plugin's, one made from ``rnq.yaml``) is cut when first screened.
TABLE = "screens.json.gz"


def _key(pattern: str) -> str:
    return hashlib.blake2b(pattern.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def table_data(patterns: Iterable[str]) -> dict[str, Any]:
    """What :data:`TABLE` holds for ``patterns``: the distinct segments, and each pattern's
    formula (by a digest of the pattern) with its segments as their positions (null: not
    screened)."""
    numbers: dict[str, int] = {}

    def numbered(formula: Formula) -> Any:
        if formula is True or formula is None:
            return formula
        if isinstance(formula, str):
            return numbers.setdefault(formula, len(numbers))
        return [int(formula[0]), [numbered(part) for part in formula[1]]]

    formulas = {_key(pattern): numbered(segments(pattern)) for pattern in sorted(set(patterns))}
    return {"segments": list(numbers), "patterns": formulas}


@lru_cache(maxsize=1)
def _table() -> tuple[list[str], dict[str, Any]]:
    # read by the workers that screen; a run after an edit need not import these
    import gzip
    import json
    from importlib import resources

    try:
        packed = resources.files(__package__).joinpath(TABLE).read_bytes()
        data = json.loads(gzip.decompress(packed))
    except (OSError, ValueError):  # not shipped, or damaged: every pattern is cut when screened
        return [], {}
    return data["segments"], data["patterns"]


_UNKNOWN = object()


def formula_of(pattern: str) -> Formula | None:
    """:func:`segments` of ``pattern``, read from :data:`TABLE` when it is there."""
    texts, formulas = _table()
    known = formulas.get(_key(pattern), _UNKNOWN)
    if known is _UNKNOWN:
        return segments(pattern)

    def spelled(formula: Any) -> Formula:
        if formula is True or formula is None:
            return formula
        if isinstance(formula, int):
            return texts[formula]
        return (bool(formula[0]), tuple(spelled(part) for part in formula[1]))

    return spelled(known)


def _texts(formula: Formula, out: set[str]) -> None:
    if formula is True:
        return
    if isinstance(formula, str):
        out.add(formula)
        return
    for part in formula[1]:
        _texts(part, out)


# --- a plan's patterns screened together ------------------------------------------------------

#: A formula whose segments are bits: a list of masks (one of them all present suffices), or,
#: past a few, the formula itself with bit numbers for segments.
_Compiled = Any
#: Past this many masks a formula is evaluated as a tree.
_MASKS = 16


def _numbered(formula: Formula, bits: dict[str, int]) -> Formula:
    if formula is True or isinstance(formula, str):
        return True if formula is True else bits[formula]
    return (formula[0], tuple(_numbered(part, bits) for part in formula[1]))


def _masks(formula: Formula) -> list[int] | None:
    """``formula`` (segments numbered) as masks of bits, any of which suffices (None: too many)."""
    if formula is True:
        return [0]
    if isinstance(formula, int):
        return [1 << formula]
    all_of, parts = formula
    each = [_masks(part) for part in parts]
    if any(masks is None for masks in each):
        return None
    if not all_of:
        masks = sorted({mask for part in each for mask in part or ()})
        return masks if len(masks) <= _MASKS else None
    combined = [0]
    for part in each:
        combined = sorted({a | b for a in combined for b in part or ()})
        if len(combined) > _MASKS:
            return None
    return combined


def _holds(formula: Formula, bits: int) -> bool:
    if formula is True:
        return True
    if isinstance(formula, int):
        return bool(bits >> formula & 1)
    if formula[0]:
        return all(_holds(part, bits) for part in formula[1])
    return any(_holds(part, bits) for part in formula[1])


@lru_cache(maxsize=1)
def _module() -> Any:
    try:
        return importlib.import_module("re2")
    except ImportError:
        return None


def available() -> bool:
    """Whether RE2's sets are installed (``google-re2``)."""
    return _module() is not None


class PlanScreen:
    """The patterns of one question plan, screened together: :meth:`screen` reads a text once
    and tells, for each pattern, whether it may match there. Raises :class:`Unscreenable` when
    RE2 cannot compile the set."""

    __slots__ = ("_groups", "_set", "formulas")

    def __init__(self, patterns: Iterable[str]) -> None:
        re2 = _module()
        if re2 is None:
            raise RuntimeError("google-re2 is not installed")
        options = re2.Options()
        options.max_mem = _SET_MEMORY
        options.log_errors = False
        self._set = re2.Set.SearchSet(options)
        self._set.Add("")  # bit 0: matches every text; missing, the set failed
        bits: dict[str, int] = {}
        #: Each pattern screened → its masks or its formula.
        self.formulas: dict[str, _Compiled] = {}
        #: Groups of patterns (a concept's) by key → what any of them needs (:meth:`group`).
        self._groups: dict[str, _Group | None] = {}
        for pattern in patterns:
            formula = formula_of(pattern)
            if formula is None:
                continue
            texts: set[str] = set()
            _texts(formula, texts)
            try:
                for text in sorted(texts - bits.keys()):
                    bits[text] = self._set.Add(text)
            except re2.error:
                continue  # RE2 refused a segment: the pattern is answered without the screen
            numbered = _numbered(formula, bits)
            masks = _masks(numbered)
            self.formulas[pattern] = masks if masks is not None else numbered
        try:
            self._set.Compile()
        except re2.error as error:  # the set too large for RE2's memory
            raise Unscreenable(str(error)) from error

    def screen(self, text: str) -> Screened | None:
        """What RE2 found in ``text``, to tell of each pattern whether it may match there; None
        when the set cannot read the text."""
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: RE2 reads UTF-8 only
            return None
        found = self._set.Match(data)
        if not found or 0 not in found:
            return None  # RE2 gave up (its automaton out of memory)
        bits = 0
        for index in found:
            bits |= 1 << index
        return Screened(self, bits)

    def group(self, key: str, patterns: Iterable[str]) -> _Group | None:
        """What one of ``patterns`` (a concept's, named by ``key``) needs to possibly match,
        gathered once: the bits of the patterns that need one segment, or'ed; the masks of
        those that need several; the formulas of those that have too many masks; whether one
        needs nothing. None when one of them is not screened."""
        if key in self._groups:
            return self._groups[key]
        singles, several, trees, always = 0, [], [], False
        group: _Group | None = None
        for pattern in patterns:
            compiled = self.formulas.get(pattern)
            if compiled is None:
                break
            if type(compiled) is not list:
                trees.append(compiled)
                continue
            for mask in compiled:
                if mask == 0:
                    always = True
                elif mask & (mask - 1) == 0:  # one bit
                    singles |= mask
                else:
                    several.append(mask)
        else:
            group = (singles, tuple(several), tuple(trees), always)
        self._groups[key] = group
        return group


#: What any of a group of patterns needs (:meth:`PlanScreen.group`).
_Group = tuple[int, tuple[int, ...], tuple[Formula, ...], bool]


class Screened:
    """What RE2 found in one text (the segments of a plan, as bits): called with a pattern, says
    whether it may match there (False: it cannot; None: a pattern not screened)."""

    __slots__ = ("_get", "_plan", "bits")

    def __init__(self, plan: PlanScreen, bits: int) -> None:
        self._plan = plan
        self._get = plan.formulas.get
        self.bits = bits

    def __call__(self, pattern: str) -> bool | None:
        compiled = self._get(pattern)
        if compiled is None:
            return None
        bits = self.bits
        if type(compiled) is list:
            for mask in compiled:  # noqa: SIM110 (a loop: no generator made per pattern)
                if bits & mask == mask:
                    return True
            return False
        return _holds(compiled, bits)

    def any_may_match(self, key: str, patterns: Iterable[str]) -> bool | None:
        """Whether one of ``patterns`` (a concept's, named by ``key``) may match the text: one
        test for a concept whose patterns all need what the text lacks, the usual case (None:
        one of them is not screened)."""
        group = self._plan.group(key, patterns)
        if group is None:
            return None
        singles, several, trees, always = group
        bits = self.bits
        if always or bits & singles:
            return True
        for mask in several:
            if bits & mask == mask:
                return True
        return any(_holds(tree, bits) for tree in trees)
