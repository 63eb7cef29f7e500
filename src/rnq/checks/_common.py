"""What the built-in content checks share: finding the evidence to read, matching French wording,
judging freshness, naming the target.

Content checks read evidence; they do not repeat the presence check. When an indicator has no
usable evidence where it is assessed, :func:`readable` skips the content check (the presence
check already reports the missing or unreadable evidence), so one gap is not reported twice.
"""

from __future__ import annotations

import ast
import datetime as dt
import hashlib
import sys
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.dates import add_months
from rnq.engine.outcomes import msg, skip
from rnq.match.questions import ALL, HAS_TEXT, answer, document_body, fold, search
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig

__all__ = [
    "Folded",
    "Passage",
    "Term",
    "Text",
    "all_matches",
    "ask",
    "blank",
    "body",
    "current",
    "facts_version",
    "fold",
    "is_current",
    "matches",
    "mentions",
    "missing_terms",
    "new_entrant_at_initial",
    "readable",
    "readable_not_stale",
    "remember",
    "stale_note",
    "text_of",
    "where",
    "where_kept",
]


T = TypeVar("T")


#: Folded texts kept between questions (least recently used dropped first), in characters.
_BODIES_KEEP = 32_000_000
_BODIES: OrderedDict[int, tuple[weakref.ref[Evidence], str]] = OrderedDict()
_BODIES_SIZE = [0]
_ANSWERS: dict[int, tuple[weakref.ref[Evidence], dict[str, Any]]] = {}


def _forget(key: int) -> Callable[[weakref.ref[Evidence]], None]:
    def forget(_ref: weakref.ref[Evidence]) -> None:
        hit = _BODIES.pop(key, None)
        if hit is not None:
            _BODIES_SIZE[0] -= len(hit[1])
        _ANSWERS.pop(key, None)

    return forget


def body(item: Evidence) -> str:
    """The folded text of one piece of evidence: its text without Markdown front matter (whose
    keys, such as ``kind: suivi``, say nothing of the content), its rows and its note.

    Computed once per piece of evidence and kept while the evidence lives: every content check
    of every unit reads the central function's documents, so folding them again each time
    would cost more than all the rest of a run.
    """
    key = id(item)
    hit = _BODIES.get(key)
    if hit is not None and hit[0]() is item:
        _BODIES.move_to_end(key)
        return hit[1]
    if item.usable:
        folded = document_body(item.text, item.rows, item.note)
    else:
        folded = document_body(None, None, item.note)
    if hit is not None:
        _BODIES_SIZE[0] -= len(hit[1])
    _BODIES[key] = (weakref.ref(item, _forget(key)), folded)
    _BODIES_SIZE[0] += len(folded)
    while _BODIES_SIZE[0] > _BODIES_KEEP and len(_BODIES) > 1:
        _, (_, dropped) = _BODIES.popitem(last=False)
        _BODIES_SIZE[0] -= len(dropped)
    return folded


def facts_version() -> str:
    """What the answers of :func:`ask` depend on besides the document: the code of the
    built-in checks. Answers kept in the cache by another version are not used.

    The code of :mod:`rnq.match.questions` (folding, searching) counts too. Only the code counts:
    docstrings, comments and layout are left out (the syntax tree without positions), so
    rewording a check's requirement keeps the cached answers."""
    if not _VERSION:
        digest = hashlib.sha256()
        here = Path(__file__).parent
        for source in [*sorted(here.glob("*.py")), here.parent / "match" / "questions.py"]:
            tree = ast.parse(source.read_text(encoding="utf-8"))
            digest.update(source.name.encode())
            digest.update(ast.dump(_without_docstrings(tree)).encode())
        _VERSION.append(digest.hexdigest()[:16])
    return _VERSION[0]


def _without_docstrings(tree: ast.Module) -> ast.Module:
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if (
                isinstance(first, ast.Expr)
                and isinstance(first.value, ast.Constant)
                and isinstance(first.value.value, str)
            ):
                node.body = node.body[1:] or [ast.Pass()]
    return tree


_VERSION: list[str] = []


def _answers(item: Evidence) -> dict[str, Any]:
    """Where the answers about ``item`` are kept: the facts shared with the cache when its
    folded text is the file's alone (no note), else a memo that lives with the evidence."""
    if item.note is None and item.facts is not None:
        return item.facts
    key = id(item)
    hit = _ANSWERS.get(key)
    if hit is not None and hit[0]() is item:
        return hit[1]
    answers: dict[str, Any] = {}
    _ANSWERS[key] = (weakref.ref(item, _forget(key)), answers)
    return answers


def ask(item: Evidence, question: str, answer: Callable[[str], T]) -> T:
    """``answer(body(item))``, computed once per document and question (and kept in the cache
    across runs): ``question`` names what ``answer`` computes and must change when it does.
    The answer must be a JSON value (bool, number, string, list, dict)."""
    return remember(item, question, lambda: answer(body(item)))


def remember(item: Evidence, question: str, compute: Callable[[], T]) -> T:
    """``compute()``, a function of ``item``'s content only (text, rows, note, path), computed
    once per document and question and kept in the cache across runs (see :func:`ask`)."""
    answers = _answers(item)
    if question in answers:
        return cast("T", answers[question])
    value = compute()
    answers[sys.intern(question)] = value  # one string per question, not one per document
    for record in RECORDERS:
        record(item, question)
    return value


#: Who listens to the questions computed (:func:`rnq.checks._plan.recording`).
RECORDERS: list[Callable[[Evidence, str], None]] = []


@dataclass(frozen=True)
class Passage:
    """Parts of one document's folded text (``spans``: start and end offsets), named
    ``label`` (e.g. the section of a catalogue about one offering)."""

    item: Evidence
    label: str
    spans: tuple[tuple[int, int], ...]

    @property
    def text(self) -> str:
        folded = body(self.item)
        return "\n".join(folded[start:end] for start, end in self.spans)

    def search(self, pattern: str) -> bool:
        return ask(self.item, f"{self.label}\x1f{pattern}", lambda _: search(pattern, self.text))


def matches(item: Evidence, pattern: str) -> bool:
    """Whether the folded text of ``item`` matches ``pattern`` (memoized per document)."""
    return ask(item, pattern, partial(search, pattern))


class Folded:
    """The folded text of several documents (and passages of others), searched document by
    document so that each answer is computed once per document: see :func:`text_of`.
    ``text`` is the whole text, joined, for a check that needs it verbatim."""

    __slots__ = ("items", "passages")

    def __init__(self, items: Iterable[Evidence] = (), passages: Iterable[Passage] = ()) -> None:
        self.items = tuple(items)
        self.passages = tuple(passages)

    @property
    def text(self) -> str:
        """The folded texts, joined by new lines."""
        return "\n".join([*(body(item) for item in self.items), *(p.text for p in self.passages)])

    def search(self, pattern: str) -> bool:
        """Whether any document (or passage) matches ``pattern``."""
        if RECORDERS:  # recording the question plan: ask every document, not up to the first
            answered = [matches(item, pattern) for item in self.items]
            return any(answered) or any(p.search(pattern) for p in self.passages)
        return any(matches(item, pattern) for item in self.items) or any(
            p.search(pattern) for p in self.passages
        )

    def blank(self) -> bool:
        """True when no document (nor passage) holds any text."""
        return not any(ask(i, HAS_TEXT, partial(answer, HAS_TEXT)) for i in self.items) and not any(
            p.text.strip() for p in self.passages
        )

    def all_matches(self, pattern: str) -> set[str]:
        """Every text matching ``pattern`` (``re.finditer``'s whole matches)."""
        found = {
            text
            for item in self.items
            for text in ask(item, ALL + pattern, partial(answer, ALL + pattern))
        }
        return found.union(*(_all(pattern, p.text) for p in self.passages))


def _all(pattern: str, text: str) -> list[str]:
    return cast("list[str]", answer(ALL + pattern, text))


Text = str | Folded


def all_matches(folded: Text, pattern: str) -> set[str]:
    """Every text in ``folded`` matching ``pattern``."""
    if isinstance(folded, Folded):
        return folded.all_matches(pattern)
    return set(_all(pattern, folded))


def blank(folded: Text) -> bool:
    """True when the folded text holds no text at all."""
    return folded.blank() if isinstance(folded, Folded) else not folded.strip()


def _search(pattern: str, folded: Text) -> bool:
    if isinstance(folded, Folded):
        return folded.search(pattern)
    return search(pattern, folded)


@dataclass(frozen=True)
class Term:
    """An item the wording requires, and the ways a document may say it.

    ``patterns`` are regular expressions matched against the :func:`fold`-ed text (so write
    them without accents, in lower case); any one of them is enough.
    """

    label: Localized
    patterns: tuple[str, ...]

    @classmethod
    def of(cls, fr: str, en: str, *patterns: str) -> Term:
        return cls(label=msg(fr, en), patterns=tuple(patterns))

    def found_in(self, folded: Text) -> bool:
        return any(_search(pattern, folded) for pattern in self.patterns)


def missing_terms(folded: Text, terms: Iterable[Term]) -> list[Term]:
    """The terms ``folded`` text does not mention."""
    return [term for term in terms if not term.found_in(folded)]


def mentions(folded: Text, *patterns: str) -> bool:
    """True when the folded text matches any of ``patterns``."""
    return any(_search(pattern, folded) for pattern in patterns)


def labels(terms: Sequence[Term]) -> Localized:
    """The labels of ``terms`` as one comma-separated list, in both languages."""
    return msg(", ".join(t.label.fr for t in terms), ", ".join(t.label.en for t in terms))


def text_of(items: Iterable[Evidence]) -> Folded:
    """The folded text (:func:`body`) of every usable piece of evidence, joined."""
    return Folded(item for item in items if item.usable or item.note)


def readable(evidence: EvidenceSet, *numbers: int) -> EvidenceSet:
    """The usable evidence for any of ``numbers`` (attestations included); skips the check when
    there is none, since the presence check already reports that gap."""
    if len(numbers) == 1:  # the set's index by indicator (built once), not a scan per check
        mine = evidence.for_indicator(numbers[0])
    else:
        mine = evidence.filter(lambda e: any(n in e.indicators for n in numbers))
    usable = mine.filter(lambda e: e.usable or e.kind == "attestation")
    if not usable:
        skip(
            msg(
                "Aucune preuve lisible : voir la vérification de présence des preuves.",
                "No readable evidence: see the evidence-presence check.",
            )
        )
    return usable


def readable_not_stale(
    evidence: EvidenceSet, number: int, freshness: Mapping[str, int], audit_date: dt.date
) -> EvidenceSet:
    """:func:`readable` evidence for indicator ``number``; skips the check when every piece is
    stale at the audit date, since the presence check reports that gap."""
    docs = readable(evidence, number)
    if not any(is_current(e, freshness, audit_date) for e in docs):
        skip(
            msg(
                "Preuves périmées : voir la vérification de présence des preuves.",
                "Stale evidence: see the evidence-presence check.",
            )
        )
    return docs


def is_current(
    item: Evidence, freshness: Mapping[str, int], audit_date: dt.date, months: int | None = None
) -> bool:
    """Whether ``item`` is still current at the audit date: not past its ``valid_until``, and
    dated within the freshness of its kind (or ``months``). Undated evidence with no
    ``valid_until`` is taken as current (rnq never uses modification times)."""
    return current(item.kind, item.date, item.valid_until, freshness, audit_date, months)


def current(
    kind: str | None,
    date: dt.date | None,
    valid_until: dt.date | None,
    freshness: Mapping[str, int],
    audit_date: dt.date,
    months: int | None = None,
) -> bool:
    """:func:`is_current` on the parts of a piece of evidence."""
    if valid_until is not None and valid_until < audit_date:
        return False
    limit = months if months is not None else freshness.get(kind or "")
    if limit is None or date is None:
        return True
    return add_months(date, limit) >= audit_date


def stale_note() -> Localized:
    """The caveat every freshness finding carries."""
    return msg("règle de fraîcheur indicative", "freshness is a heuristic")


def where(target: Unit | Offering) -> Localized:
    """« prestation « CAP Fleuriste » » / "offering 'CAP Fleuriste'", or the unit's name."""
    if isinstance(target, Offering):
        return msg(f"prestation « {target.title} »", f"offering '{target.title}'")
    return msg(f"unité « {target.name} »", f"unit '{target.name}'")


def where_kept(unit: Unit, items: Iterable[Evidence], config: WorkspaceConfig) -> Localized:
    """The place a finding is about: the central function when every piece of evidence
    concerned is central (so that the finding reads the same for every unit and is reported
    once), else the unit."""
    central = {u.id: u for u in config.units if u.central}
    units = {item.unit for item in items}
    if units and units <= set(central):
        return where(central[sorted(units)[0]])
    return where(unit)


def new_entrant_at_initial(config: WorkspaceConfig, category: str | None = None) -> bool:
    """A new entrant (« nouvel entrant ») at its initial audit, for ``category`` when given:
    some items are then only audited at the surveillance audit."""
    flag = config.activity.new_entrant
    if config.audit.type != "initial" or not flag:
        return False
    return flag is True or category is None or category in flag
