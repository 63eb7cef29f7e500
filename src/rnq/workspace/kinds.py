"""The kind vocabulary (SPEC §3 "Kinds"), loaded from ``kinds.yaml`` inside the package.

The vocabulary is declared once, in ``kinds.yaml``: each kind (:func:`kind_ids`) has a French and
English label, the words of file names that infer it, a default freshness and the indicators it
evidences by default; the stakeholders of surveys (:func:`stakeholder_ids`) have their words too.
:func:`infer_kind` finds the kind of a file name; :func:`words` is the normalisation both sides
share.
"""

from __future__ import annotations

import functools
import importlib.resources
import re
import unicodedata
from collections.abc import Collection, Iterable, Mapping
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rnq._yaml import YamlError, load_yaml
from rnq.errors import ReferentialError
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.text import Localized

__all__ = [
    "Freshness",
    "KindInfo",
    "Vocabulary",
    "declared_rules",
    "default_indicators",
    "freshness_months",
    "infer_kind",
    "infer_kind_and_stakeholder",
    "infer_stakeholder",
    "kind_ids",
    "name_shape",
    "stakeholder_ids",
    "vocabulary",
    "words",
]

#: Small words skipped when matching file names against the vocabulary.
STOPWORDS = frozenset(
    {"a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "par"}
    | {"pour", "sur", "un", "une"}
)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_CAMEL = re.compile(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")
_ALNUM = re.compile(r"[a-z]+|[0-9]+")

Phrase = tuple[str, ...]
IndicatorNumber = Annotated[int, Field(ge=0, le=HIGHEST_INDICATOR)]  # 0: the certificate display


def _stem(word: str) -> str:
    """Drop a plural ``s`` (``reclamations`` → ``reclamation``), not from ``ss`` or short words."""
    if len(word) >= 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def words(text: str) -> Phrase:
    """The words of ``text`` as matched against the vocabulary.

    Accents and case are dropped, camelCase, separators and letter/digit changes split words,
    small words (:data:`STOPWORDS`) are skipped and a plural ``s`` is dropped:
    ``"FeuilleDePrésence_2026.pdf"`` → ``("feuille", "presence", "2026", "pdf")``.
    """
    if text.isascii():  # no ligature, nothing to decompose, no combining mark
        ascii_text = _CAMEL.sub(" ", text).lower()
    else:
        text = _CAMEL.sub(" ", text.translate(_LIGATURES))
        decomposed = unicodedata.normalize("NFKD", text)
        ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return tuple(_stem(w) for w in _ALNUM.findall(ascii_text) if w not in STOPWORDS)


#: A run of ASCII digits. Digits only ever make digit words (:func:`words`: no stopword, no
#: plural, no ligature or decomposition gives or takes one, camelCase never splits at one):
#: writing each run as ``0`` changes the value of the digit words of a name, never their number,
#: place or the letter words around them.
_DIGIT_RUN = re.compile(r"[0-9]+")


class _KindData(BaseModel):
    """A kind as written in ``kinds.yaml`` (see the comments there)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    label: Localized
    words: tuple[str, ...] = Field(min_length=1)
    generic: bool = False
    freshness: int | None = Field(default=None, ge=1)
    indicators: tuple[IndicatorNumber, ...] = ()


class KindInfo(_KindData):
    """One kind of evidence: its id, labels, words, freshness and default indicators."""

    id: str


class _VocabularyData(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    kinds: dict[str, _KindData] = Field(min_length=1)
    stakeholders: dict[str, tuple[str, ...]] = Field(min_length=1)


def _phrases(owner_words: Mapping[str, tuple[str, ...]], what: str) -> dict[Phrase, str]:
    """Normalised phrase → owner; a phrase claimed by two owners is a data error."""
    table: dict[Phrase, str] = {}
    for owner, raw_words in owner_words.items():
        for raw in raw_words:
            phrase = words(raw)
            if not phrase:
                raise ValueError(f"{what} {owner!r}: {raw!r} has no word left once normalised")
            other = table.setdefault(phrase, owner)
            if other != owner:
                raise ValueError(f"{raw!r} infers both {other!r} and {owner!r}")
    return table


class Vocabulary:
    """The loaded vocabulary: kinds by id, and the phrases that infer kinds and stakeholders."""

    def __init__(self, data: _VocabularyData) -> None:
        self.kinds: dict[str, KindInfo] = {
            kind_id: KindInfo(id=kind_id, **kind.model_dump())
            for kind_id, kind in data.kinds.items()
        }
        #: The stakeholders of satisfaction surveys, in the order of ``kinds.yaml``.
        self.stakeholders: tuple[str, ...] = tuple(data.stakeholders)
        self._order = {kind_id: index for index, kind_id in enumerate(self.kinds)}
        self._kind_phrases = _phrases({k: v.words for k, v in self.kinds.items()}, "kind")
        self._stakeholder_phrases = _phrases(data.stakeholders, "stakeholder")
        self._longest = max(len(p) for p in [*self._kind_phrases, *self._stakeholder_phrases])
        every = [*self._kind_phrases, *self._stakeholder_phrases]
        #: The words that start a phrase: :func:`_find` looks for phrases only where one starts.
        self._starts = frozenset(phrase[0] for phrase in every)
        #: No phrase has a digit word: names that differ only in their digits (``…-2026-03-15-
        #: 00042``) infer the same kind and stakeholder (see :func:`name_shape`).
        self.digit_blind = not any(word[0].isdigit() for phrase in every for word in phrase)

    def kind(self, kind_id: str) -> KindInfo:
        """The kind ``kind_id``; :class:`KeyError` if it is not in the vocabulary."""
        return self.kinds[kind_id]

    def infer_kind(self, name: str) -> str | None:
        """The kind whose words appear in ``name``: the longest phrase, then a specific kind over a
        generic one, then the phrase that comes first in the name. ``None`` when none appears."""
        return self.kind_of(words(name))

    def infer_stakeholder(self, name: str) -> str | None:
        """The stakeholder named in ``name`` (the longest phrase, then the first), or ``None``."""
        return self.stakeholder_of(words(name))

    def kind_of(self, tokens: Phrase) -> str | None:
        """:meth:`infer_kind` of a name whose :func:`words` are ``tokens``."""

        def rank(kind_id: str, length: int, position: int) -> tuple[int, bool, int, int]:
            return (-length, self.kinds[kind_id].generic, position, self._order[kind_id])

        found = _find(tokens, self._kind_phrases, self._longest, self._starts)
        if not found:
            return None
        return min(found, key=lambda hit: rank(*hit))[0]

    def stakeholder_of(self, tokens: Phrase) -> str | None:
        """:meth:`infer_stakeholder` of a name whose :func:`words` are ``tokens``."""
        found = _find(tokens, self._stakeholder_phrases, self._longest, self._starts)
        if not found:
            return None
        return min(found, key=lambda hit: (-hit[1], hit[2]))[0]


def _find(
    tokens: Phrase,
    table: Mapping[Phrase, str],
    longest: int,
    starts: Collection[str] | None = None,
) -> list[tuple[str, int, int]]:
    """Every ``(owner, phrase length, position)`` of a phrase of ``table`` (none longer than
    ``longest`` words) found in ``tokens``; ``starts``: words that begin every phrase of
    ``table`` (or more), to skip the positions where none can begin."""
    hits = []
    count = len(tokens)
    for start in range(count):
        if starts is not None and tokens[start] not in starts:
            continue
        for length in range(1, min(longest, count - start) + 1):
            owner = table.get(tokens[start : start + length])
            if owner is not None:
                hits.append((owner, length, start))
    return hits


@functools.cache
def vocabulary() -> Vocabulary:
    """The packaged vocabulary (loaded once).

    :raises ReferentialError: ``kinds.yaml`` is inconsistent (a bug in rnq).
    """
    text = importlib.resources.files(__package__).joinpath("kinds.yaml").read_text(encoding="utf-8")
    try:
        data, _ = load_yaml(text, packaged=True)
        return Vocabulary(_VocabularyData.model_validate(data))
    except (YamlError, ValidationError, ValueError) as exc:
        raise ReferentialError(
            Localized(fr=f"kinds.yaml invalide : {exc}", en=f"invalid kinds.yaml: {exc}")
        ) from None


def kind_ids() -> tuple[str, ...]:
    """Every kind of the vocabulary (SPEC §3 "Kinds"), in the order of ``kinds.yaml``."""
    return tuple(vocabulary().kinds)


def stakeholder_ids() -> tuple[str, ...]:
    """Every stakeholder of the vocabulary (``apprenants``, ``financeurs``…)."""
    return vocabulary().stakeholders


def name_shape(name: str) -> str:
    """``name`` with each run of digits written ``0`` when the vocabulary has no digit word
    (else ``name`` itself): names of one shape (``I01-programme-2025-02-22-08778.md``,
    ``I01-programme-2026-10-03-02071.md``…) infer the same kind and stakeholder, so
    :func:`infer_kind` and :func:`infer_stakeholder` infer them once per shape."""
    return _DIGIT_RUN.sub("0", name) if vocabulary().digit_blind else name


@functools.lru_cache(maxsize=1 << 16)
def _inferred(shape: str) -> tuple[str | None, str | None]:
    tokens = words(shape)
    known = vocabulary()
    return known.kind_of(tokens), known.stakeholder_of(tokens)


def infer_kind_and_stakeholder(name: str) -> tuple[str | None, str | None]:
    """:func:`infer_kind` and :func:`infer_stakeholder` of ``name``, in one look at its words.

    Cached by :func:`name_shape`: file names that differ only in their dates and numbers, and
    folder names, repeat across a workspace."""
    return _inferred(name_shape(name))


def infer_kind(name: str) -> str | None:
    """The kind inferred from the words of a file name (or folder name), or ``None``
    (cached, see :func:`infer_kind_and_stakeholder`)."""
    return _inferred(name_shape(name))[0]


def infer_stakeholder(name: str) -> str | None:
    """The stakeholder (``apprenants``, ``financeurs``…) named in a file name, or ``None``
    (cached, see :func:`infer_kind_and_stakeholder`)."""
    return _inferred(name_shape(name))[1]


def default_indicators(kind: str | None) -> tuple[int, ...]:
    """The indicators ``kind`` evidences when a file names none itself (``()`` if unknown)."""
    info = vocabulary().kinds.get(kind or "")
    return info.indicators if info is not None else ()


class Freshness(dict[str, int]):
    """Months after which evidence of each kind is stale at the audit date: the defaults of
    ``kinds.yaml`` (rnq's rules of thumb) and those ``rnq.yaml`` declares (``declared``: the
    provider's own rules). Stale under a declared rule is a gap; under a default only, advice."""

    def __init__(self, months: Mapping[str, int], declared: Iterable[str] = ()) -> None:
        super().__init__(months)
        self.declared = frozenset(declared)

    def declared_only(self) -> dict[str, int]:
        """The rules the provider declared."""
        return {kind: months for kind, months in self.items() if kind in self.declared}


def declared_rules(freshness: Mapping[str, int]) -> dict[str, int]:
    """The rules of ``freshness`` the provider declared (all of them for a plain mapping)."""
    return freshness.declared_only() if isinstance(freshness, Freshness) else dict(freshness)


def freshness_months(kind: str | None, overrides: Mapping[str, int] | None = None) -> int | None:
    """Months after which evidence of ``kind`` is stale: ``rnq.yaml``'s ``freshness`` first, then
    the kind's default; ``None`` when no freshness rule applies."""
    if kind is None:
        return None
    if overrides and kind in overrides:
        return overrides[kind]
    info = vocabulary().kinds.get(kind)
    return info.freshness if info is not None else None
