"""Reading French as providers write it: words and their forms, terms with short insertions,
negation, labels left empty, drafts (issue #18).

Checks do not search words: they declare :class:`Concept` objects — the ways a document may
say one demanded item — and ask whether a document states it (:func:`states`). A concept is a
list of *terms*, each written as a provider would write it::

    Concept.of("santé et sécurité", "hygiène et sécurité", "SST")

A term is turned into a regular expression over the folded text (:func:`term`):

* **whole words and their forms**: « référent » also finds « référente », « référents »,
  « référent(e)s », « référent·e·s »; « formateur » finds « formatrice », « formateur·rice »
  (:func:`word_forms`); never a word inside another (« information » is not « formation »);
* **short insertions**: the small words of the term (de, la, et, à…) are optional, and up to
  :data:`GAP` other words may come between two words of the term within one clause, so
  « règles de santé et de la sécurité » says « santé et sécurité », and « évaluations en cours
  et en fin de formation » says « en fin de formation » and « en cours de formation »;
* **alternatives** for one word with ``|``: « délai|délais moyen d'accès » (``|`` separates the
  words that may stand in one place of the term, not whole phrases: write two terms for two
  phrasings; a small word alone is dropped, so « sur site » is « site »); a term starting
  with ``re:`` is a regular expression as it is; one starting with ``=`` is matched on the
  original text, case and accents kept (« =MA » is the maître d'apprentissage, « ma » a
  possessive); ``=`` applies to a whole term, never to one alternative of a word.

A match does not count when the clause negates it (« aucun dispositif », « pas de règlement »,
« non prévu ») — unless the concept says a negative statement is information (« Prérequis :
aucun ») — nor when it is a label followed by nothing or by a placeholder (« Tarifs : à
définir », « Objectifs : »). A document that is a draft or an empty template (:func:`draft`)
states nothing.

This module imports nothing else from rnq: extraction workers use it to answer the checks'
questions while they hold the text.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import chain, islice
from typing import Any

from rnq.match.folding import fold
from rnq.match.starts import word_starts

#: How many patterns (and questions) stay compiled: every pattern the checks' concepts hold
#: (a few thousand) with room to spare; past it the least recently used are compiled again.
_PATTERNS_KEPT = 32768

__all__ = [
    "CONCEPT",
    "DRAFT",
    "GAP",
    "Concept",
    "LeadFinder",
    "WordIndex",
    "concept_found",
    "concept_has_exact",
    "concept_leads",
    "concept_match",
    "concept_match_exact",
    "concept_patterns",
    "draft",
    "known_questions",
    "lead_finder",
    "leading_word",
    "literal_first",
    "questions_to_keep",
    "states",
    "term",
    "terms",
    "top_level_bars",
    "word_forms",
    "words_of",
]

#: The question « does the document state the concept that follows (JSON) ».
CONCEPT = "\x00concept\x1f"
#: The question « is the document a draft or an empty template (why, or null) ».
DRAFT = "\x00draft"
#: Words that may come between two words of a term, within one clause.
GAP = 4

#: Small words a term may leave out, or a document may add, between its words.
SMALL_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "un",
        "une",
        "par",
        "pour",
        "sur",
        "avec",
        "sa",
        "son",
        "ses",
        "leur",
        "leurs",
        "ce",
        "cet",
        "cette",
        "ces",
        "dans",
        "chez",
        "y",
    ]
)

#: What a word may be followed by in inclusive writing: (e), ·e, .e, -e, /trice, (s)…
_INCLUSIVE = r"(?:[(·.\-/][a-z]{1,6}\)?){0,2}"
_CLAUSE = r"[^\w.;!?\n:]"  # what separates words within one clause
_WORD_CHARS = r"[a-z0-9]"


#: Marks a word written with a final « é » (a participle: « adapté », « formalisé ») before
#: folding takes the accent away.
_PARTICIPLE = "\ue000"


def _forms(word: str) -> tuple[str, str]:
    """A folded French word as the literal its forms start with and the regular expression of
    their endings (gender, number, inclusive writing)."""
    if len(word.rstrip(_PARTICIPLE)) <= 2 or not word.rstrip(_PARTICIPLE).isalpha():
        return word.rstrip(_PARTICIPLE), ""
    rules = (
        ("eur", "(?:eur|eure|euse|rice|trice)"),
        ("if", "(?:if|ive)"),
        ("al", "(?:al|aux|ale)"),
        ("el", "(?:el|elle)"),
        ("ien", "(?:ien|ienne)"),
        ("on", "(?:on|onne)"),
        ("er", "(?:er|ere|ee|e|ez|ent|ant)"),
        ("e", "(?:e|ee|er|ez|ent)"),
    )
    participle = word.endswith(_PARTICIPLE)
    word = word.rstrip(_PARTICIPLE)
    for end, alternatives in rules:
        if end == "e" and not participle:
            continue  # « équipe » is a noun: never « équipées »; « adapté » finds « adaptée »
        if word.endswith(end) and len(word) > len(end) + 2:
            return word[: -len(end)], alternatives + "(?:e|s|x)?" + _INCLUSIVE
    if word.endswith("e"):
        return word, "s?" + _INCLUSIVE
    if word.endswith("s") and len(word) > 4 and word[-2] not in "siux":
        return word[:-1], "s?" + _INCLUSIVE  # « compétences » finds « compétence »
    if word.endswith(("s", "x", "z")):
        return word, _INCLUSIVE
    return word, "(?:e|es|s)?" + _INCLUSIVE


def word_forms(word: str) -> str:
    """A regular expression for a folded French word and its forms (gender, number, inclusive
    writing), e.g. ``referent`` → ``referent(?:e|es|s)?…``."""
    literal, endings = _forms(word)
    return re.escape(literal) + endings


def _compound(parts: list[str], *, leading: bool) -> str:
    """One alternative of a word: its parts (« e-mail », « pré-requis ») joined by a hyphen, a
    space or nothing. ``leading``: the first word of a term, which must start a word: the check
    comes right after its first letters, so that the regular expression starts with a literal
    (searched fast) rather than with a look-behind tried at every position."""
    literal, endings = _forms(parts[0])
    first = re.escape(literal)
    if leading:
        first += f"(?<!{_WORD_CHARS}{re.escape(literal)})"
    rest = "".join(r"[\s\-']?" + word_forms(part) for part in parts[1:])
    return first + endings + rest


def _word(alternatives: list[list[str]], *, leading: bool = False) -> list[str]:
    """The regular expressions of one word of a term, one per alternative ``a|b``."""
    return [_compound(parts, leading=leading) for parts in alternatives]


def terms(text: str, gap: int = GAP, *, keep_small: bool = False) -> list[str]:
    """The regular expressions of one term (see the module docstring): one per alternative of
    its first word, each starting with a literal. ``keep_small``: its small words are required
    (an ``unless`` term: « à venir » is not « venir »)."""
    if text.startswith("re:"):
        return [text[3:]]
    words: list[list[list[str]]] = []
    marked = re.sub(r"[éÉ](?![\w])", "é" + _PARTICIPLE, text)
    pieces = [
        part
        for chunk in fold(marked).split()
        for part in (chunk.split("'") if "|" not in chunk else [chunk])
    ]
    for piece in pieces:
        alternatives = [
            parts
            for alt in piece.split("|")
            if (parts := re.findall(f"[a-z0-9{_PARTICIPLE}]+", alt))
        ]
        if not alternatives:
            continue
        if (
            not keep_small
            and len(alternatives) == 1
            and len(alternatives[0]) == 1
            and alternatives[0][0].rstrip(_PARTICIPLE) in SMALL_WORDS
        ):
            continue
        words.append(alternatives)
    if not words:
        raise ValueError(f"a term needs a word that is not a small word: {text!r}")
    if len(words) == 1 and len(pieces) > 1 and not keep_small:
        raise ValueError(
            f"the term {text!r} leaves only {'|'.join(map(''.join, words[0])).strip(_PARTICIPLE)!r}"
            " once its small "
            "words are dropped: write the word alone, or a re: term"
        )
    between = rf"(?:{_CLAUSE}+{_WORD_CHARS}+){{0,{gap}}}{_CLAUSE}+"
    rest = "".join(between + _either(_word(w)) for w in words[1:])
    return [first + rest + rf"(?!{_WORD_CHARS})" for first in _word(words[0], leading=True)]


def _either(forms: list[str]) -> str:
    return forms[0] if len(forms) == 1 else "(?:" + "|".join(forms) + ")"


def term(text: str, gap: int = GAP) -> str:
    """The regular expression of one term, as one pattern (see :func:`terms`)."""
    return _either(terms(text, gap))


# --- negation, empty labels, drafts --------------------------------------------------------

#: A verb negated: « n'est pas », « ne sont pas », « n'avons jamais », « ne … plus » (never « pas
#: seulement », « pas uniquement », « pas que », which add rather than deny).
_VERB_NEGATION = (
    r"\bn(?:e |')(?:[a-z]+ ){0,1}[a-z]+ (?:pas|jamais|plus|aucunement|nullement|aucune?|rien"
    r"|personne)\b"
    r"(?! (?:seulement|uniquement|que|qu'|forcement|toujours|simplement|moins)\b)"
)
#: Something not in place yet: an intention, a plan, a project (« à mettre en place », « nous
#: allons formaliser », « sera déployé en 2027 »).
_NOT_YET = (
    r"\b(?:a (?:mettre en place|formaliser|deployer|instaurer)"
    r"|nous (?:allons|prevoyons de|prevoyons d'|envisageons|souhaitons mettre)|envisag\w+ de"
    r"|(?:sera|seront|va etre|vont etre) (?:mise?s? en place|formalisee?s?|deployee?s?|creee?s?)"
    r"|en projet|projet de mise en place)\b"
)
_NEGATION = re.compile(
    r"(?:\b(?:aucun|aucune|aucuns|aucunes|sans|jamais|ni|nul|nulle|neant|pas de|pas d'|"
    rf"non(?!-)|absence de|absence d'|pas encore)\b|{_VERB_NEGATION}|{_NOT_YET})"
    r"[^.;!?\n:]{0,40}$"
)
_NEGATED_AFTER = re.compile(
    r"^\s*[:\-–—=]\s*(?:aucun|aucune|neant|non|sans|pas|rien|nul|nulle)\b"
    r"|^[^.;!?\n]{0,12}?\b(?:non (?:prevue?s?|defini|definie|definis|formalisee?s?|"
    r"communiquee?s?|disponibles?|renseignee?s?|realisee?s?|organisee?s?|mise?s? en place|"
    r"applicable)|pas (?:prevue?s?|defini|encore|mise?s? en place|realisee?s?)|"
    r"inexistante?s?|absente?s?|neant)\b"
    rf"|^[^.;!?\n:]{{0,30}}?{_VERB_NEGATION}"
    rf"|^[^.;!?\n:]{{0,30}}?{_NOT_YET}"
)
#: What a label may be followed by when it says nothing yet.
_TO_DO = (
    r"\(?(?:a|en attente de) (?:definir|venir|rediger|completer|preciser|nommer|prevoir|"
    r"analyser|faire|determiner|fixer|creer|mettre a jour|actualiser|renseigner|valider|"
    r"confirmer|inserer|choisir|voir|constituer|revoir|designer|recruter|mettre en place|"
    r"formaliser|deployer)\b"
)
PLACEHOLDER = re.compile(
    r"^\s*(?:[:\-–—=]\s*(?:\?+|\.\.\.|…|-+|\[[^\]]*\])\s*(?:$|\n)"
    # « à définir » after a label, or all that is left of the line (never « à créer un tableau »)
    rf"|[:\-–—=]\s*{_TO_DO}|{_TO_DO}[\s).!,;]*(?:$|\n)"
    r"|[:\-–—=]?\s*(?:en cours de (?:redaction|definition|creation|elaboration)"
    r"|\[(?:a |inserer|nom|date|xx)[^\]]*\]|tbd\b|tbc\b|todo\b|xx+|nc\b|n/a\b"
    r"|voir (?:ci-dessous|plus bas|ci-apres|annexe)|cf\.? (?:ci-dessous|plus bas)"
    r"|selon (?:les )?besoins?[.!]?\s*$|si necessaire[.!]?\s*$|communique\w* ulterieurement"
    r"|ulterieurement))"
)


def _clause_before(text: str, start: int) -> str:
    window = text[max(0, start - 60) : start]
    cut = max(window.rfind(c) for c in ".;!?\n:")
    return window[cut + 1 :]


def _negated(text: str, start: int, end: int) -> bool:
    before = _clause_before(text, start)
    if _NEGATION.search(before):
        return True
    return bool(_NEGATED_AFTER.match(text[end : end + 60]))


def _label_without_content(text: str, end: int) -> bool:
    """Whether the match ending at ``end`` is a label followed by nothing or a placeholder: on
    its line, or — for a label ending its line — on the next line holding text, when that line
    is a label of its own (« Certificateur : » then « Date d'enregistrement : … »)."""
    line_end = text.find("\n", end)
    rest = text[end : line_end if line_end >= 0 else len(text)]
    if PLACEHOLDER.match(rest):
        return True
    stripped = rest.strip()
    if stripped in ("-", "–", "—") or _LABEL_END.fullmatch(stripped):
        stripped = ":"  # the rest of a label: « Date d'enregistrement [de la certification :] »
    if stripped not in ("", ":"):
        return False
    if line_end < 0:
        return bool(stripped)  # « Label : » ending the text; a bare last line is text
    following = text[line_end + 1 :].split("\n", 1)[0].strip()
    if PLACEHOLDER.match(following) or _BARE_LABEL.match(following):
        return True
    return bool(stripped) and bool(_LABELLED.match(following))


#: The end of a label (words, then a colon).
_LABEL_END = re.compile(r"[\w' ]{0,60}:")
#: A line that is only a label (« Contacts : »).
_BARE_LABEL = re.compile(r"^[#*\-\s]*[\w' ]{1,60}\s*:\s*$")
#: A line that starts with a label of its own (« Durée : 21 h »).
_LABELLED = re.compile(r"^[#*\-\s]*[\w' ]{1,40}\s*:\s")


@dataclass(frozen=True)
class Concept:
    """The ways a document may state one demanded item (see the module docstring).

    ``negative_is_information``: a negative statement states the item too (« Prérequis :
    aucun », « Équivalences : néant »). ``unless``: terms that, in the clause of a match, say it
    is about something else (« durée » with « validité », « modalités d'accès » with « parking »).
    ``unproven``: its phrasings are not proven by its cases yet, so its absence is only « à
    confirmer »."""

    terms: tuple[str, ...]
    negative_is_information: bool = False
    gap: int = GAP
    unproven: bool = False
    unless: tuple[str, ...] = ()

    @classmethod
    def of(
        cls,
        *terms: str,
        negative_is_information: bool = False,
        gap: int = GAP,
        unproven: bool = False,
        unless: tuple[str, ...] = (),
    ) -> Concept:
        return cls(tuple(terms), negative_is_information, gap, unproven, unless)

    @cached_property
    def patterns(self) -> tuple[str, ...]:
        """The regular expressions over folded text (``=`` terms excepted): the terms that start
        with the same word are one pattern (« délai d'accès », « délai moyen » → ``delai…(?:…|…)``),
        so that a document is scanned once per first word."""
        each = [p for t in self.terms if not t.startswith("=") for p in terms(t, self.gap)]
        return _grouped(each)

    @property
    def exact(self) -> tuple[str, ...]:
        """The terms matched on the original text, case and accents kept."""
        return tuple(t[1:] for t in self.terms if t.startswith("="))

    @cached_property
    def question(self) -> str:
        """The portable question « does the document state this concept » (computed once: a
        check asks it of every document; an earlier run's, where it is known:
        :func:`known_questions`)."""
        key = repr((self.terms, self.gap, self.negative_is_information, self.unless))
        found = _QUESTIONS.get(key)
        if found is None:
            found = _QUESTIONS[key] = self._question()
            _ADDED.add(key)
        return found

    def _question(self) -> str:
        spec: dict[str, object] = {
            "p": self.patterns,
            "x": self.exact,
            "n": self.negative_is_information,
        }
        if self.unless:
            spec["u"] = tuple(p for t in self.unless for p in terms(t, 1, keep_small=True))
        return CONCEPT + json.dumps(spec, ensure_ascii=True, separators=(",", ":"))


#: Each concept's question, by its fields (:attr:`Concept.question`): those this process wrote
#: out and those an earlier run of the same code did (:func:`known_questions`).
_QUESTIONS: dict[str, str] = {}
#: The keys of the questions this process wrote out since :func:`questions_to_keep` last gave
#: them.
_ADDED: set[str] = set()


def known_questions(known: Mapping[str, object]) -> None:
    """Take the questions of concepts an earlier run of this code wrote out (``{key: question}``,
    as :func:`questions_to_keep` gives them; anything else is left out): a run after an edit asks
    some 70 concepts, and writing out their patterns cost it 0.06 s. The caller answers for the
    code being the same (:func:`rnq.checks.helpers.facts_version`, which covers this module)."""
    for key, question in known.items():
        if isinstance(key, str) and isinstance(question, str) and question.startswith(CONCEPT):
            _QUESTIONS.setdefault(key, question)


def questions_to_keep() -> dict[str, str] | None:
    """Every concept's question known, when this process wrote out new ones since the last call
    (to be kept for the next run), else None."""
    if not _ADDED:
        return None
    _ADDED.clear()
    return dict(_QUESTIONS)


def _grouped(patterns: list[str]) -> tuple[str, ...]:
    """``patterns`` with those that start with the same word merged into one alternation."""
    groups: dict[str, list[str]] = {}
    for pattern in patterns:
        lead = leading_word(pattern)
        key = f"{lead}(?<![a-z0-9]{lead})" if lead is not None else ""
        if key and pattern.startswith(key):
            groups.setdefault(key, []).append(pattern[len(key) :])
        else:
            groups.setdefault(pattern, [])
    merged = []
    for key, rests in groups.items():
        if not rests:
            merged.append(key)
        elif len(rests) == 1:
            merged.append(key + rests[0])
        else:
            merged.append(key + "(?:" + "|".join(dict.fromkeys(rests)) + ")")
    return tuple(merged)


_Spec = tuple[tuple[str, ...], tuple[re.Pattern[str], ...], bool, re.Pattern[str] | None]


_WORD_START = re.compile(
    r"^\\b(?:(?P<run>[a-z0-9]+)"
    r"|\\d(?P<count>\+|\{(?P<low>\d+),(?P<high>\d+)\}|\{(?P<exact>\d+)\})?(?![*?+{]))"
)


def literal_first(pattern: str) -> str:
    """``pattern`` rewritten to start with what it matches rather than with ``\\b``, when it
    starts with a word boundary and a literal or a digit: ``\\bsur devis`` is searched as
    ``sur(?<!\\wsur) devis``, which the regular-expression engine scans fast, instead of
    trying the boundary at every position. The same matches, found sooner."""
    if pattern.startswith("\\b(?:"):
        return _distributed(pattern, "(?:")
    if pattern.startswith("\\b(") and not pattern.startswith("\\b(?"):
        return _distributed(pattern, "(")
    if _LOOKAROUND.match(pattern):
        return _looks_first(pattern)
    found = _WORD_START.match(pattern)
    if found is None:
        return pattern
    rest = pattern[found.end() :]
    run = found.group("run")
    if run is not None:
        if rest[:1] in ("?", "*", "+", "{"):  # « capables? »: the last letter is optional
            run, rest = run[:-1], run[-1] + rest
        if not run:
            return pattern
        return f"{run}(?<!\\w{run}){rest}"
    if found.group("count") == "+":
        return f"\\d(?<!\\w\\d)\\d*{rest}"
    if found.group("exact") is not None:
        count = int(found.group("exact"))
        return f"\\d(?<!\\w\\d)\\d{{{count - 1}}}{rest}" if count >= 1 else pattern
    if found.group("low") is not None:
        low, high = int(found.group("low")), int(found.group("high"))
        if low < 1:
            return pattern
        return f"\\d(?<!\\w\\d)\\d{{{low - 1},{high - 1}}}{rest}"
    return f"\\d(?<!\\w\\d){rest}"


_LEADING_RUN = re.compile(r"[a-z0-9']+")
#: A look-around opening a group: ``(?<!``, ``(?<=``, ``(?!``, ``(?=``.
_LOOKAROUND = re.compile(r"\(\?<?[!=]")
#: A digit and how often it repeats, not lazily.
_DIGITS = re.compile(
    r"\\d(?:(?P<count>\+)|\{(?P<low>\d+),(?P<high>\d+)\}|\{(?P<exact>\d+)\})?(?![*?+{])"
)


def _looks_first(pattern: str) -> str:
    """``(?<![\\d/])(?!19\\d\\d)\\d{1,3}rest`` (look-arounds, then digits) as
    ``\\d(?<=(?<![\\d/])(?!19\\d\\d)\\d)\\d{0,2}rest``: the same matches, but a pattern that
    opens on a digit is searched only where a digit is, where one that opens on look-arounds is
    tried at every position of the text (else ``pattern`` as it is)."""
    index = 0
    while (opening := _LOOKAROUND.match(pattern, index)) is not None:
        _bars, index = top_level_bars(pattern, opening.end())
        if index == len(pattern):
            return pattern
        index += 1
    looks, found = pattern[:index], _DIGITS.match(pattern, index)
    if found is None:
        return pattern
    rest = pattern[found.end() :]
    if found.group("count") is not None:
        more = "\\d*"
    elif found.group("exact") is not None:
        more = f"\\d{{{int(found.group('exact')) - 1}}}"
    elif found.group("low") is not None:
        low, high = int(found.group("low")), int(found.group("high"))
        if low < 1:
            return pattern
        more = f"\\d{{{low - 1},{high - 1}}}"
    else:
        more = ""
    rewritten = f"\\d(?<={looks}\\d){more}{rest}"
    try:
        re.compile(rewritten)
    except re.error:
        return pattern
    return rewritten


def _distributed(pattern: str, group: str) -> str:
    """``\\b(?:abc|de…)rest`` as ``(?:abc(?<!\\wabc)|de(?<!\\wde)…)rest`` when every
    alternative starts with letters and the group is not optional (else ``pattern`` as it
    is); ``group``: how the group opens, ``(?:`` or ``(`` (a capturing group stays one)."""
    opened = len("\\b") + len(group)
    cuts, index = top_level_bars(pattern, opened)
    if index == len(pattern):
        return pattern
    rest = pattern[index + 1 :]
    if rest[:1] in ("?", "*", "+", "{"):
        return pattern  # the boundary holds even where the group matches nothing
    starts = [opened - 1, *cuts]
    alternatives = [
        pattern[start + 1 : end] for start, end in zip(starts, [*cuts, index], strict=True)
    ]
    out = []
    for alternative in alternatives:
        run = _LEADING_RUN.match(alternative)
        if run is None:
            return pattern
        letters, after = run.group(0), alternative[run.end() :]
        if after[:1] in ("?", "*", "+", "{"):
            letters, after = letters[:-1], letters[-1:] + after
        if not letters or "'" in letters:
            return pattern
        out.append(f"{letters}(?<!\\w{letters}){after}")
    return group + "|".join(out) + ")" + rest


def top_level_bars(pattern: str, start: int) -> tuple[list[int], int]:
    """The ``|`` of ``pattern`` from ``start`` on that are outside any group and class, and
    where the group ``start`` is in closes (the length of ``pattern`` when none does)."""
    depth, index, cuts = 0, start, list[int]()
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":  # a class: skip to its end (a ``]`` first in it is a member)
            index += 2 if pattern[index + 1 : index + 2] == "^" else 1
            index += 1 if pattern[index : index + 1] == "]" else 0
            while index < len(pattern) and pattern[index] != "]":
                index += 2 if pattern[index] == "\\" else 1
            index += 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return cuts, index
            depth -= 1
        elif char == "|" and depth == 0:
            cuts.append(index)
        index += 1
    return cuts, len(pattern)


def concept_leads(question: str) -> tuple[str | None, ...]:
    """The letters each pattern of a :data:`CONCEPT` question starts a word with (None where
    unknown)."""
    return _leads(question)


@lru_cache(maxsize=_PATTERNS_KEPT)
def _leads(question: str) -> tuple[str | None, ...]:
    """The first letters of each pattern of a :data:`CONCEPT` question (None where unknown)."""
    return tuple(leading_word(p) for p in _spec(question)[0])


@lru_cache(maxsize=_PATTERNS_KEPT)
def _spec(question: str) -> _Spec:
    data = json.loads(question[len(CONCEPT) :])
    # the patterns that start with a word first: searched fast, they often settle the question
    ordered = sorted(data["p"], key=lambda p: leading_word(p) is None)
    # compiled when first run (:func:`_regex`): most are ruled out before, in every document
    patterns = tuple(literal_first(p) for p in ordered)
    # « (?<!\w)MA(?!\w) » searched literal first (as literal_first does): « MA(?<!\wMA)(?!\w) »
    exact = tuple(re.compile(rf"{re.escape(x)}(?<!\w{re.escape(x)})(?!\w)") for x in data["x"])
    unless = re.compile("|".join(f"(?:{u})" for u in data["u"])) if data.get("u") else None
    return patterns, exact, bool(data["n"]), unless


def concept_patterns(question: str) -> tuple[str, ...]:
    """The folded-text patterns of a :data:`CONCEPT` question."""
    return _spec(question)[0]


def concept_has_exact(question: str) -> bool:
    """Whether a :data:`CONCEPT` question has terms matched on the original text."""
    return bool(_spec(question)[1])


#: A term's first word this short (« e » of « e-learning ») starts too many words of a text
#: to tell much: the literals its matches need are looked for too.
_SHORT = 3

_CLAUSE_END = re.compile(r"[.;!?\n]")
_WORD = re.compile(r"[a-z0-9]+")
_LEADING = re.compile(r"^([a-z0-9]+)\(\?<!\[a-z0-9\]\1\)")


@lru_cache(maxsize=_PATTERNS_KEPT)
def leading_word(pattern: str) -> str | None:
    """The letters a match of ``pattern`` starts a word with, when it says so (a concept's
    term: ``referent(?<![a-z0-9]referent)…``), else None."""
    found = _LEADING.match(pattern)
    return found.group(1) if found else None


#: Bytes kept as they are by :func:`words_of` (the characters of :data:`_WORD`); any other
#: byte, those of a non-ASCII character's encoding included, becomes a space.
_WORD_BYTES = bytes(
    code if chr(code) in "abcdefghijklmnopqrstuvwxyz0123456789" else 0x20 for code in range(256)
)


def words_of(text: str) -> set[str]:
    """The distinct words of ``text``: ``set(_WORD.findall(text))``, in a few passes over its
    bytes rather than a regular expression's."""
    kept = text.encode("utf-8", "surrogatepass").translate(_WORD_BYTES)
    return set(kept.decode("ascii").split())


class LeadFinder:
    """Which of a set of word starts (the first words of the patterns a document is asked,
    :func:`leading_word`) start a word of a text, found in one search over its distinct words:
    a regular expression shaped as a tree of their letters finds, at the start of each word,
    the longest of them the word starts with; the others it starts with are its prefixes
    among them (:func:`lead_finder`)."""

    __slots__ = ("implied", "leads", "pattern")

    def __init__(self, leads: frozenset[str]) -> None:
        self.leads = leads
        #: A space, then the longest lead a word starts with.
        self.pattern = re.compile(" (" + _longest_tree(leads) + ")") if leads else None
        #: Each lead → the leads it starts with (itself included): a word starting with it
        #: starts with each of them.
        self.implied = {
            lead: tuple(lead[:size] for size in range(1, len(lead) + 1) if lead[:size] in leads)
            for lead in leads
        }

    def present(self, words: str) -> set[str]:
        """The leads that start a word of ``words`` (distinct words, each after a space)."""
        if self.pattern is None:
            return set()
        present: set[str] = set()
        for longest in set(self.pattern.findall(words)):
            present.update(self.implied[longest])
        return present


def _longest_tree(leads: frozenset[str]) -> str:
    """A regular expression matching the longest of ``leads`` (strings of ``[a-z0-9]``) that
    starts where it is tried (a tree of their letters, every ending optional and greedy)."""
    root: dict[str, Any] = {}
    for lead in leads:
        node = root
        for char in lead:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, Any]) -> str:
        parts = [char + branch(rest) for char, rest in sorted(node.items()) if char]
        if not parts:
            return ""
        either = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if "" in node:  # a lead ends here: a longer one is tried first
            return (either if len(parts) > 1 else "(?:" + either + ")") + "?"
        return either

    return branch(root)


@lru_cache(maxsize=256)
def lead_finder(leads: frozenset[str]) -> LeadFinder:
    """The :class:`LeadFinder` of ``leads`` (one per question plan: a few per process)."""
    return LeadFinder(leads)


class WordIndex:
    """The distinct words of a folded body, sorted on first use: « does a word start with … »
    in a binary search, so that a term whose first word the text lacks is not run. ``body``:
    the body, or any text holding the same words (its whitespace-separated tokens, once each).

    ``finder``: the first words of the patterns the document will be asked
    (:class:`LeadFinder`), all looked up in one search when the first is."""

    def __init__(self, body: str, finder: LeadFinder | None = None) -> None:
        self.body = body
        self._words: set[str] | None = None
        self._keys: list[str] | None = None
        #: Whether a word starts with each string looked up so far.
        self.known: dict[str, bool] = {}
        self.finder = finder
        self._present: set[str] | None = None
        self._joined: str | None = None

    @property
    def words(self) -> set[str]:
        """The distinct words of the body (runs of ``[a-z0-9]``)."""
        if self._words is None:
            self._words = words_of(self.body)
        return self._words

    @property
    def joined(self) -> str:
        """The distinct words of the body, each after a space: a run of ``[a-z0-9]`` is in the
        body when it is in this text (which is five times shorter than its distinct
        whitespace-separated tokens, whose punctuation keeps them apart)."""
        if self._joined is None:
            self._joined = " " + " ".join(self.words)
        return self._joined

    def present(self) -> set[str]:
        """The leads of :attr:`finder` that start a word of the body (empty without one)."""
        if self._present is None:
            finder = self.finder
            self._present = finder.present(self.joined) if finder is not None else set()
        return self._present

    def starts_word(self, start: str) -> bool:
        """Whether a word of the body starts with ``start``."""
        known = self.known.get(start)
        if known is not None:
            return known
        finder = self.finder
        if finder is not None and start in finder.leads:
            found = start in self.present()
        else:
            found = self._sorted_has(start)
        self.known[start] = found
        return found

    def holds(self, needs: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the body has, for each requirement of ``needs``
        (:func:`~rnq.match.starts.word_starts`), a word starting with one of its strings."""
        known = self.known
        keys: list[str] | None = None
        for starts in needs:
            for start in starts:
                found = known.get(start)
                if found is None:  # starts_word, inline: it runs for thousands of patterns
                    finder = self.finder
                    if finder is not None and start in finder.leads:
                        found = start in self.present()
                    else:
                        if keys is None:
                            keys = self._sorted()
                        index = bisect.bisect_left(keys, start)
                        found = index < len(keys) and keys[index].startswith(start)
                    known[start] = found
                if found:
                    break
            else:
                return False
        return True

    def _sorted(self) -> list[str]:
        """The distinct words, sorted (once)."""
        if self._keys is None:
            self._keys = sorted(self.words)
        return self._keys

    def _sorted_has(self, start: str) -> bool:
        """Whether a word starts with ``start``, by a binary search of the sorted words."""
        keys = self._sorted()
        index = bisect.bisect_left(keys, start)
        return index < len(keys) and keys[index].startswith(start)


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a match: from the previous to the next clause boundary (a bounded
    window)."""
    window = text[max(0, start - 80) : start]
    before = window[max(window.rfind(c) for c in ".;!?\n") + 1 :]
    after = text[end : end + 80]
    stop = _CLAUSE_END.search(after)
    return before + text[start:end] + (after[: stop.start()] if stop else after)


def _may_match(
    pattern: str,
    lead: str | None,
    needs: tuple[tuple[str, ...], ...],
    possible: Callable[[str], bool] | None,
    index: WordIndex | None,
) -> bool:
    """Whether a text may match ``pattern`` (False: it cannot, the pattern is not run): a word
    starts as the term does (``lead``), the words every match needs are there (``needs``),
    and the literals every match holds (``possible``) — looked for where the first word
    tells little (none, or one as short as the « e » of « e-learning »). :func:`concept_match`
    does the same inline (the reference for its tests)."""
    if index is not None:
        if lead is not None and not index.starts_word(lead):
            return False
        if not index.holds(needs):
            return False
        if lead is not None and len(lead) >= _SHORT:
            return True
    return possible is None or possible(pattern)


#: A pattern of a concept as :func:`concept_match` tries it: the pattern, the first letters of
#: its matches (or None), and whether the literals they hold are looked for too (no first word,
#: or one as short as the « e » of « e-learning »). The words its matches need
#: (:func:`word_starts`) are read from it when its first word is there, and it is compiled when
#: it first runs: an extraction worker sees a few hundred of the thousands of patterns run, and
#: parsing and compiling them all cost it seconds.
_Prepared = tuple[str, str | None, bool]


@lru_cache(maxsize=_PATTERNS_KEPT)
def _prepared(question: str) -> tuple[_Prepared, ...]:
    """The patterns of a :data:`CONCEPT` question, each with what rules it out early."""
    return tuple(
        (pattern, lead, lead is None or len(lead) < _SHORT)
        for pattern, lead in zip(_spec(question)[0], _leads(question), strict=True)
    )


@lru_cache(maxsize=_PATTERNS_KEPT)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def concept_match(
    question: str,
    body: str,
    text: str | None = None,
    possible: Callable[[str], bool] | None = None,
    index: WordIndex | None = None,
) -> tuple[int, int] | None:
    """Where the folded ``body`` states the concept of ``question`` (the span of the first
    match that counts), or None; ``(-1, -1)`` when only an ``=`` term matches ``text``.
    ``possible(pattern)``: False when ``body`` cannot match ``pattern`` (a literal it needs is
    missing), so that the pattern is not run; with ``index``, it is asked only of the patterns
    whose first word tells little, the index having ruled out the others (as
    :func:`_may_match`, inline: it runs for every pattern of every concept asked)."""
    _patterns, exact, negative_ok, unless = _spec(question)
    # the first words the index's finder looked up at once (the plan's), and those there
    finder = index.finder if index is not None else None
    universe = finder.leads if finder is not None else frozenset()
    present = index.present() if index is not None and universe else set()
    for pattern, lead, literals in _prepared(question):
        if index is not None:
            if lead is not None and not (
                lead in present if lead in universe else index.starts_word(lead)
            ):
                continue
            needs = word_starts(pattern)
            if needs and not index.holds(needs):
                continue
            if literals and possible is not None and not possible(pattern):
                continue
        elif possible is not None and not possible(pattern):
            continue
        span = _counting(_regex(pattern), body, negative_ok, unless)
        if span is not None:
            return span
    if text and any(p.search(text) for p in exact):
        return (-1, -1)
    return None


def _counting(
    pattern: re.Pattern[str], body: str, negative_ok: bool, unless: re.Pattern[str] | None
) -> tuple[int, int] | None:
    """The span of the first match of ``pattern`` in ``body`` that counts: not negated (unless
    ``negative_ok``), not a label left empty, not about something else (``unless``)."""
    for match in pattern.finditer(body):
        if not negative_ok and _negated(body, match.start(), match.end()):
            continue
        if _label_without_content(body, match.end()):
            continue
        if unless is not None and unless.search(_clause(body, match.start(), match.end())):
            continue
        return match.span()
    return None


def concept_match_exact(question: str, text: str | None) -> bool:
    """Whether the original ``text`` (case and accents kept) holds one of the ``=`` terms of a
    :data:`CONCEPT` question: what :func:`concept_match` looks for last."""
    if not text:
        return False
    return any(p.search(text) for p in _spec(question)[1])


def concept_found(
    question: str,
    body: str,
    text: str | None = None,
    possible: Callable[[str], bool] | None = None,
    index: WordIndex | None = None,
) -> bool:
    """Whether the folded ``body`` (or, for ``=`` terms, the original ``text``) states the
    concept of ``question`` in a clause that neither negates it, nor leaves it empty, nor is
    about something else."""
    return concept_match(question, body, text, possible, index) is not None


# --- drafts -------------------------------------------------------------------------------------

_DRAFT_MARKERS = re.compile(
    r"\b(?:a rediger|a completer|a definir|a venir|a preciser|a nommer|a creer|a constituer|"
    r"a revoir|brouillon|"
    r"modele (?:a|vierge)|document de travail|en cours de redaction|trame|gabarit|tbd|todo|"
    r"lorem ipsum|xx+)\b"
)


#: A field left to fill in: « [DATE] », « [Nom du formateur] », « {{ adresse }} », « <lieu> ».
_FIELDS = re.compile(r"\[[a-z][^\]\n]{1,30}\]|\{\{[^}\n]{1,30}\}\}|<[a-z][a-z _']{1,30}>")


def draft(body: str) -> str | None:
    """Why the folded ``body`` is a draft or an empty template (None when it is not): it says
    so (« à rédiger », « modèle à venir »… outside its tables) and is short, or it is nothing but
    labels — headings, « Label : » lines, labels separated by slashes, a table's header row over
    empty rows — with no content behind them. Asked of every document: a long one is answered
    from its first lines that say something."""
    # the words, counted up to 80 (a long document is read from its first lines)
    size = len(body.split(None, 80))
    if not size or not _ANY_WORD.search(body):
        return "empty"
    if size < 80:
        prose, _cells, data = _split_tables(body)
        markers = _DRAFT_MARKERS.findall("\n".join([*prose, *data]))
        if markers:
            return f"marked as a draft ({markers[0]})"
    if "[" in body or "{" in body or "<" in body:
        fields = _FIELDS.findall(body)
        if len(fields) >= 3 and len(body.split()) < 40 * len(fields):
            return f"a template with fields to fill in ({', '.join(fields[:3])})"
    if not _says_something(body):
        return "labels without content"
    return None


_ANY_WORD = re.compile(r"[a-z0-9]")
#: How many words that say something make a document more than labels.
_ENOUGH = 4


def _says_something(body: str) -> bool:
    """Whether ``body`` holds at least :data:`_ENOUGH` words that say something, read from its
    first lines on (table rows below a header, label values, lines that are not headings); the
    same count as :func:`_split_tables` and :func:`_content_words`, stopped when it is enough."""
    # body.split("\n"), read lazily: most bodies say enough in their first lines
    several = (
        next(islice((line for line in _lines(body) if line.strip()), 1, None), None) is not None
    )
    more_than_one = "\n" in body
    count = index = 0
    run: list[str] = []

    def prose(line: str) -> int:
        nonlocal index
        if not line.strip():
            return 0
        index += 1
        return _line_words(line, index - 1, several)

    cells = 0  # the words of the data rows of the run so far
    for line in chain(_lines(body), [None]):
        if line is not None and _is_table_line(line):
            run.append(line)
            if len(run) >= 2:  # a table, whatever follows: its rows below the header count
                cells += _cell_words(line)
                if count + cells >= _ENOUGH:
                    return True
            continue
        if len(run) == 1 and more_than_one:
            count += prose(run[0])  # one line with a « ; » among prose: a sentence
        else:
            count += cells  # the first row is the header
        run = []
        cells = 0
        if line is not None:
            count += prose(line)
        if count >= _ENOUGH:
            return True
    return False


def _lines(text: str) -> Iterator[str]:
    """``text.split("\n")``, one line at a time."""
    start = 0
    end = text.find("\n")
    while end >= 0:
        yield text[start:end]
        start = end + 1
        end = text.find("\n", start)
    yield text[start:]


def _is_table_line(line: str) -> bool:
    """A row of a table: cells joined by « ; » (a sheet's rows) or pipes, each short."""
    stripped = line.strip()
    if not stripped.strip(";| "):
        return bool(stripped)  # a row of empty cells
    if re.search(r"\w ?: ", stripped) or stripped.endswith("."):
        return False  # « Objectifs : connaître Excel ; sensibiliser… »: a sentence
    cells = re.split(r"\s*[;|]\s*", stripped.strip("|"))
    return (
        len(cells) >= 2
        and all(len(c.split()) <= 8 for c in cells)
        and (stripped.count(" ; ") >= 2 or stripped.count("|") >= 2 or len(cells) == 2)
    )


def _split_tables(body: str) -> tuple[list[str], int, list[str]]:
    """The lines of ``body`` outside tables, the words in the data rows of its tables (a
    table's first row is its header: labels, not content), and those data rows. A lone line
    with a « ; » among prose is prose; a lone row alone is a header with nothing below."""
    lines = body.split("\n")
    prose: list[str] = []
    data: list[str] = []
    cells = 0
    run: list[str] = []
    for line in [*lines, None]:
        if line is not None and _is_table_line(line):
            run.append(line)
            continue
        if len(run) == 1 and len(lines) > 1:
            prose.extend(run)  # one line with a « ; » among prose: a sentence
        else:
            data.extend(run[1:])  # the first row is the header
            cells += sum(_cell_words(row) for row in run[1:])
        run = []
        if line is not None:
            prose.append(line)
    return prose, cells, data


def _cell_words(row: str) -> int:
    """The words of a data row's cells that are not placeholders."""
    count = 0
    for cell in re.split(r"\s*[;|]\s*", row):
        if cell and not PLACEHOLDER.match(cell) and not re.fullmatch(r"[\W_]*", cell):
            count += len(re.findall(r"[a-z0-9]+", cell))
    return count


#: Dotted or underlined leaders left to fill in: « Date : ......... », « Nom : ______ ».
_LEADERS = re.compile(r"\.{3,}|_{3,}|…+")
#: The numbering of a list item or a heading: « 1. », « 2) », « a) », « IV. ».
_NUMBERING = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+")


def _is_heading(line: str, tokens: list[str]) -> bool:
    """A short line that names rather than says: at most 6 words, and no figure but a year."""
    if line.rstrip().endswith((".", "!")):
        return False  # a sentence
    figures = re.findall(r"\d+", line)
    return len(tokens) <= 6 and all(len(f) == 4 and f.startswith(("19", "20")) for f in figures)


def _content_words(lines: list[str]) -> int:
    """Words that say something: those after a label's colon (placeholders excluded), and those
    of lines that are neither bare labels nor headings."""
    texts = [raw for raw in lines if raw.strip()]
    return sum(_line_words(raw, index, len(texts) > 1) for index, raw in enumerate(texts))


def _line_words(raw: str, index: int, several: bool) -> int:
    """The words of the ``index``-th line holding text that say something (``several``: the
    text has more than one line, so its first is a title)."""
    if index == 0 and several and ":" not in raw:
        return 0  # the title
    numbered = bool(_NUMBERING.match(raw.strip(" #*-•\t")))
    line = _NUMBERING.sub("", _LEADERS.sub(" ", raw).strip(" #*-•\t")).strip()
    if not line:
        return 0
    if (
        numbered
        and ":" not in line
        and not line.endswith((".", "!"))
        and len(re.findall(r"[a-z0-9]+", line)) <= 10
    ):
        return 0  # « 3. Ce que la veille a changé » : a numbered heading
    segments = [s.strip() for s in re.split(r"\s*[/|]\s*", line) if s.strip()]
    if len(segments) >= 3 and all(len(s.split()) <= 5 for s in segments):
        return 0  # « Prérequis / Objectifs / Durée / … »: labels in a row
    return _said(line)


def _said(line: str) -> int:
    """The words of one line that say something (labels followed by a value, chained)."""
    label, colon, value = line.partition(":")
    if colon and len(label.split()) > 8:  # a sentence that holds a colon, not a label
        return len(re.findall(r"[a-z0-9]+", line))
    if colon:
        value = value.strip()
        if not value or PLACEHOLDER.match(value) or re.fullmatch(r"[\W_]*", value):
            return 0
        if re.match(r"^[\w' ]{1,30}:", value):  # « Rédigée par : … date : … »
            return _said(value)
        return len(re.findall(r"[a-z0-9]+", value))
    tokens = re.findall(r"[a-z0-9]+", line)
    return 0 if _is_heading(line, tokens) else len(tokens)


def states(concept: Concept, body: str, text: str | None = None) -> bool:
    """Whether a document (folded ``body``, original ``text``) states ``concept``."""
    return concept_found(concept.question, body, text)
