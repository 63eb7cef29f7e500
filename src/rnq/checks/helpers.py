"""What the built-in content checks share, in the order a check uses them:

* the evidence to read — :func:`readable` (skipping a check when the presence check already
  reports the gap), :func:`readable_not_stale`, :func:`offering_reading` and the
  ``offer_sections`` fixture (the passages of a catalogue about one offering);
* how French wording is read — :class:`Term` (an item the wording requires and the ways a
  document may say it), :class:`Folded`, :func:`mentions`, :func:`missing_terms`, the answers
  remembered per document (:func:`ask`, :func:`remember`, in the cache across runs);
* judging — :func:`require_terms`, :func:`require`, freshness (:func:`is_current`,
  :func:`current`), dates written in a text (:func:`date_in_text`), the watch checks' common
  judgement (:func:`watch`);
* naming the target in a message — :func:`where`, :func:`where_kept`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import sys
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar, cast

from rnq.cache.code_digests import code_version
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.collect.registers import fr_date
from rnq.dates import add_months
from rnq.engine.fixtures import fixture
from rnq.engine.outcomes import Gap, advise, msg, not_verified, skip, stand_aside
from rnq.match.questions import ALL, HAS_TEXT, answer, document_body, fact_key, fold, search
from rnq.referential.loader import DemandedItem, Referential
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig
from rnq.workspace.kinds import declared_rules

__all__ = [
    "DISTANCE",
    "MONTHS",
    "RECENT_MONTHS",
    "USE",
    "Folded",
    "OfferSections",
    "OfferingKey",
    "Passage",
    "Reading",
    "Term",
    "Text",
    "advise_if_stale",
    "all_matches",
    "ask",
    "blank",
    "body",
    "body_text",
    "cert_provisional",
    "code_pattern",
    "current",
    "date_in_text",
    "date_of",
    "facts_version",
    "files",
    "files_read",
    "folded_text",
    "incomplete",
    "is_current",
    "kept_unit",
    "labels",
    "matches",
    "mentions",
    "missing_terms",
    "new_entrant_at_initial",
    "newest",
    "not_for_category",
    "offer_sections",
    "offering_reading",
    "readable",
    "readable_not_stale",
    "remember",
    "require",
    "require_recent",
    "require_terms",
    "rs_note",
    "stale_note",
    "text_of",
    "unless_unreadable",
    "unreadable_paths",
    "watch",
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

    The code of :mod:`rnq.match` (folding, reading French, searching) counts too. Only the code
    counts: docstrings, comments and layout are left out (:mod:`rnq.cache.code_digests`), so
    rewording a check's requirement keeps the cached answers; a warm run parses nothing."""
    if not _VERSION:
        here = Path(__file__).parent
        sources = [*sorted(here.glob("*.py")), *sorted((here.parent / "match").glob("*.py"))]
        _VERSION.append(code_version(sources))
    return _VERSION[0]


_VERSION: list[str] = []


def known_answers(item: Evidence) -> dict[str, Any]:
    """Where the answers about ``item`` are kept, by :func:`~rnq.match.questions.fact_key`:
    the facts shared with the cache when its folded text is the file's alone (no note), else a
    memo that lives with the evidence (what :func:`remember` reads and fills)."""
    facts = item.facts
    if facts is not None and item.note is None:
        return facts
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
    answers = known_answers(item)
    key = fact_key(question)
    if key in answers:
        return cast("T", answers[key])
    value = compute()
    answers[sys.intern(key)] = value  # one string per question, not one per document
    return value


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
    """The usable evidence for any of ``numbers`` (attestations included); stands aside when
    there is none, since the presence check already reports that gap."""
    if len(numbers) == 1:  # the set's index by indicator (built once), not a scan per check
        mine = evidence.for_indicator(numbers[0])
    else:
        mine = evidence.filter(lambda e: any(n in e.indicators for n in numbers))
    usable = mine.filter(lambda e: e.usable or e.kind == "attestation")
    if not usable:
        stand_aside(
            msg(
                "Aucune preuve lisible : voir la vérification de présence des preuves.",
                "No readable evidence: see the evidence-presence check.",
            )
        )
    return usable


def readable_not_stale(
    evidence: EvidenceSet, number: int, freshness: Mapping[str, int], audit_date: dt.date
) -> EvidenceSet:
    """:func:`readable` evidence for indicator ``number``; stands aside when every piece is
    stale at the audit date under the provider's own rules (a declared ``freshness:``, a past
    ``valid_until``), since the presence check reports that gap. Stale under rnq's rules of
    thumb only, the evidence is read: the content checks advise on its age."""
    docs = readable(evidence, number)
    if not any(is_current(e, declared_rules(freshness), audit_date) for e in docs):
        stand_aside(
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


def kept_unit(unit: Unit, items: Iterable[Evidence], config: WorkspaceConfig) -> Unit:
    """The unit a finding names: the central function when every piece of evidence concerned is
    central (so that the finding reads the same for every unit and is reported once), else the
    unit."""
    central = {u.id: u for u in config.units if u.central}
    units = {item.unit for item in items}
    return central[sorted(units)[0]] if units and units <= set(central) else unit


def where_kept(unit: Unit, items: Iterable[Evidence], config: WorkspaceConfig) -> Localized:
    """The place a finding is about: :func:`where` of :func:`kept_unit`."""
    return where(kept_unit(unit, items, config))


def new_entrant_at_initial(config: WorkspaceConfig, category: str | None = None) -> bool:
    """A new entrant (« nouvel entrant ») at its initial audit, for ``category`` when given:
    some items are then only audited at the surveillance audit."""
    flag = config.activity.new_entrant
    if config.audit.type != "initial" or not flag:
        return False
    return flag is True or category is None or category in flag


_F = TypeVar("_F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Reading:
    """What a content check reads for one target: the documents and their folded text."""

    docs: tuple[Evidence, ...]
    text: Text

    @property
    def paths(self) -> list[str]:
        """The paths of the documents read, in order."""
        return [d.path for d in self.docs]


def files(paths: Sequence[str], limit: int = 4) -> str:
    """``a.pdf, b.md`` — the first ``limit`` paths, then « … »."""
    shown = ", ".join(paths[:limit])
    return shown + (", …" if len(paths) > limit else "")


def _words(text: str) -> str:
    """A regex matching ``text`` folded, with flexible separators between its words."""
    return r"[\s_\-/'’]+".join(re.escape(w) for w in re.split(r"[\s_\-/']+", fold(text)) if w)


def code_pattern(certification: str | None) -> str | None:
    """A regex for the certification code (« RNCP 12345 », « RS5678 »), or None without digits."""
    found = re.match(r"\s*(rncp|rs)\D*(\d+)", fold(certification or ""))
    if found is None:
        return None
    return rf"\b{found.group(1)}\s*[-:#.]?\s*(?:n\s*[o°]\s*)?{found.group(2)}\b"


_SEPARATORS = re.compile(r"[\s_\-/'’]+")


#: The indicators assessed per offering that these checks read catalogues for.
_OFFERING_INDICATORS = frozenset({1, 3, 4, 5, 6, 7, 8})


OfferingKey = tuple[str, str]  # (unit id, offering id)


def _code_key(text: str) -> str | None:
    found = re.match(r"\s*(rncp|rs)\W*(?:n\s*[o°]\s*)?(\d+)\s*$", fold(text))
    return f"{found.group(1)}{found.group(2)}" if found else None


def _title_key(text: str) -> str:
    return _SEPARATORS.sub(" ", fold(text)).strip()


#: What the sections question gives for one document: ``(unit id, offering id, spans)``.
_Found = list[tuple[str, str, list[tuple[int, int]]]]


class OfferSections:
    """The sections of unit and central documents that belong to no offering but name
    offerings (a catalogue): for each offering, the documents and the text about it.

    Worked out for one unit when a check first asks about one of its offerings, from the
    catalogues of that unit and of the central function: a run after an edit checks again the
    offerings of one unit and reads those catalogues' answers, not every unit's (3 000 at 50 000
    files)."""

    def __init__(
        self,
        central: frozenset[str],
        catalogues: Sequence[Evidence] = (),
        read: Callable[[Evidence], _Found] | None = None,
        question: str = "",
    ) -> None:
        self.central = central
        self._catalogues = catalogues
        self._read = read
        self._question = question
        self._units: dict[str, dict[OfferingKey, list[tuple[Evidence, Passage]]]] = {}

    def _of_unit(self, unit_id: str) -> dict[OfferingKey, list[tuple[Evidence, Passage]]]:
        found = self._units.get(unit_id)
        if found is None:
            found = self._units[unit_id] = {}
            units = {unit_id} | self.central
            read = self._read
            for item in self._catalogues:
                if read is None or item.unit not in units:
                    continue
                for owner, offering_id, spans in read(item):
                    if owner == unit_id:
                        label = f"{self._question}\x1f{owner}\x1f{offering_id}"
                        passage = Passage(item, label, tuple((s, e) for s, e in spans))
                        found.setdefault((owner, offering_id), []).append((item, passage))
        return found

    def about(self, offering: Offering, unit: Unit, number: int) -> list[tuple[Evidence, Passage]]:
        """The (document, section) pairs for ``offering`` among the documents of its unit and
        of the central function mapped to indicator ``number``."""
        return [
            (item, section)
            for item, section in self._of_unit(unit.id).get((unit.id, offering.id), ())
            if number in item.indicators
        ]


def _sections(
    text: str, pattern: re.Pattern[str], owners: Mapping[str, list[OfferingKey]]
) -> dict[OfferingKey, list[tuple[int, int]]]:
    """``{offering: section}`` for one folded text: from each mention of an offering's title or
    code to the next mention of another offering (a longer title that contains a shorter one,
    such as « CAP Fleuriste en alternance », is matched first and is another offering)."""
    hits: list[tuple[int, set[OfferingKey]]] = []
    for match in pattern.finditer(text):
        keys = set(owners.get(_code_key(match.group(0)) or "", ()))
        keys |= set(owners.get(_title_key(match.group(0)), ()))
        if keys:
            hits.append((match.start(), keys))
    parts: dict[OfferingKey, list[tuple[int, int]]] = {}
    for index, (start, keys) in enumerate(hits):
        end = next((s for s, other in hits[index + 1 :] if not other & keys), len(text))
        for key in keys:
            parts.setdefault(key, []).append((start, end))
    return parts


@fixture(sees="unit_documents")
def offer_sections(all_evidence: EvidenceSet, config: WorkspaceConfig) -> OfferSections:
    """The sections of unit and central documents (catalogues) that name each offering."""
    owners: dict[str, list[OfferingKey]] = {}
    patterns: set[str] = set()
    for unit in config.units:
        for offering in unit.offerings:
            key = (unit.id, offering.id)
            owners.setdefault(_title_key(offering.title), []).append(key)
            patterns.add(_words(offering.title))
            code = code_pattern(offering.certification)
            if code is not None:
                owners.setdefault(_code_key(offering.certification or "") or "", []).append(key)
                patterns.add(code)
    central = frozenset(u.id for u in config.units if u.central)
    if not patterns:
        return OfferSections(central)
    source = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    question = "\x00sections\x1f" + hashlib.sha256(source.encode()).hexdigest()[:16]
    # compiled when a document is read, not when its answer is stored: 500 titles take 0.1 s
    compiled: list[re.Pattern[str]] = []

    def sections(text: str) -> _Found:
        if not compiled:
            compiled.append(re.compile(source))
        parts = _sections(text, compiled[0], owners)
        return [(u, o, spans) for (u, o), spans in parts.items()]

    catalogues = [
        item
        for item in all_evidence
        if item.offering is None and item.usable and _OFFERING_INDICATORS & set(item.indicators)
    ]
    return OfferSections(central, catalogues, lambda item: ask(item, question, sections), question)


def offering_reading(
    offering: Offering,
    unit: Unit,
    evidence: EvidenceSet,
    sections: OfferSections,
    number: int,
    *,
    kinds: Iterable[str] = (),
) -> Reading:
    """What a content check reads for ``offering`` and indicator ``number``: the offering's own
    evidence for it (skips the check when there is none: the presence check reports that), its
    own documents of ``kinds`` (e.g. the programme sheet for objectives), and the sections of its
    unit's and the central function's documents for the indicator that name it."""
    own = readable(evidence, number)
    seen = set(own.paths())
    extra = [e for e in evidence.of_kind(*kinds).usable() if e.path not in seen] if kinds else []
    docs: list[Evidence] = [*own, *extra]
    read = list(docs)
    passages = []
    for item, section in sections.about(offering, unit, number):
        docs.append(item)
        passages.append(section)
    return Reading(docs=tuple(docs), text=Folded(read, passages))


def not_for_category(offering: Offering, referential: Referential, number: int) -> None:
    """Skip the check when the indicator does not apply to the offering's category
    (e.g. 8 for a bilan de compétences)."""
    categories = referential.indicator(number).categories
    if offering.category not in categories:
        skip(
            msg(
                f"Indicateur {number} non applicable à la catégorie {offering.category} "
                f"({where(offering).fr}).",
                f"Indicator {number} does not apply to category {offering.category} "
                f"({where(offering).en}).",
            )
        )


def cert_provisional(offering: Offering) -> bool:
    """True for a Répertoire spécifique certification: whether indicators 3, 7 and 16 cover RS
    as well as RNCP is not confirmed (reference §8), so a gap on it is provisional."""
    return bool(re.match(r"\s*rs(\b|\d)", fold(offering.certification or "")))


def rs_note(offering: Offering) -> Localized:
    if not cert_provisional(offering):
        return msg("", "")
    return msg(
        " (Certification du Répertoire spécifique : l'application de cet indicateur au RS n'est "
        "pas confirmée — écart provisoire.)",
        " (Répertoire spécifique certification: whether this indicator covers RS is not "
        "confirmed — provisional gap.)",
    )


MONTHS = (
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
)


_DATE_WORDS = (
    r"(?:mise? a jour|mis a jour|maj|actualise\w*|version|edition|publie\w*|mise en ligne"
    r"|donnees (?:arretees )?au|arretes? au|a jour au)"
)


_DATE = (
    r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2})"
    rf"|(?:(?P<wd>\d{{1,2}})(?:er)? )?(?P<wm>{'|'.join(MONTHS)}) (?P<wy>\d{{4}})"
)


_DATED = re.compile(rf"{_DATE_WORDS}\W{{0,12}}(?:(?:le|du|en|de|:)\s*)?(?:{_DATE})")


def date_in_text(folded: str) -> dt.date | None:
    """The latest date a document gives itself in its text (« mise à jour le 03/09/2026 »,
    « version de septembre 2026 », « données au 2026-06-30 »), or None."""
    found: list[dt.date] = []
    for m in _DATED.finditer(folded):
        try:
            if m.group("y"):
                day = dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            elif m.group("iy"):
                day = dt.date(int(m.group("iy")), int(m.group("im")), int(m.group("id")))
            else:
                month = MONTHS.index(m.group("wm")) + 1
                day = dt.date(int(m.group("wy")), month, int(m.group("wd") or 1))
        except ValueError:
            continue
        found.append(day)
    return max(found) if found else None


def date_of(item: Evidence) -> dt.date | None:
    if item.date:
        return item.date
    found = ask(item, "\x00date_in_text", lambda text: _iso(date_in_text(text)))
    return dt.date.fromisoformat(found) if found else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def newest(docs: Iterable[Evidence]) -> dt.date | None:
    dates = [d for d in (date_of(e) for e in docs) if d is not None]
    return max(dates) if dates else None


F = TypeVar("F", bound=Callable[..., Any])


#: How a document says the offering is (partly) delivered at a distance.
DISTANCE = (
    r"a distance",
    r"distanciel",
    r"\bfoad\b",
    r"e-? ?learning",
    r"\blms\b",
    r"moodle",
    r"plateforme",
    r"classe virtuelle",
)


def body_text(items: Iterable[Evidence]) -> Folded:
    """The folded text of ``items`` without the notes' front matter (``_common.text_of``)."""
    return text_of(items)


def unreadable_paths(evidence: EvidenceSet, *numbers: int) -> list[str]:
    """The evidence for ``numbers`` that exists but could not be read (scanned, damaged…)."""
    return [
        e.path
        for e in evidence
        if any(n in e.indicators for n in numbers) and not e.usable and e.kind != "attestation"
    ]


def unless_unreadable(gap: Gap, evidence: EvidenceSet, number: int, target: Unit) -> None:
    """Not verified rather than ``gap`` when some evidence for indicator ``number`` could not be
    read (a scan may hold what is missing); nothing otherwise (the caller raises the gap)."""
    unread = unreadable_paths(evidence, number)
    if unread:
        place = where(target)
        not_verified(
            msg(
                f"{gap.message.fr} — {len(unread)} document(s) illisible(s) ({place.fr}) "
                "peuvent le contenir.",
                f"{gap.message.en} — {len(unread)} unreadable document(s) ({place.en}) may "
                "hold it.",
            ),
            evidence=unread,
        )


def files_read(docs: EvidenceSet | Sequence[Evidence], limit: int = 3) -> str:
    """« a.pdf, b.docx (+2) »: the files a finding rests on, for its message."""
    paths = [e.path for e in docs]
    shown = ", ".join(paths[:limit])
    return f"{shown} (+{len(paths) - limit})" if len(paths) > limit else shown


def folded_text(docs: EvidenceSet, target: Unit | Offering) -> Folded:
    """The folded text of ``docs``; not verified when none of them carries any text."""
    folded = body_text(docs)
    if folded.blank():
        place = where(target)
        not_verified(
            msg(
                f"Les preuves ({place.fr}) ne contiennent aucun texte lisible : "
                "le contenu ne peut pas être vérifié.",
                f"The evidence ({place.en}) holds no readable text: its content cannot be "
                "verified.",
            ),
            evidence=docs.paths(),
        )
    return folded


def require(
    folded: Text,
    terms: Sequence[Term],
    *,
    subject: Localized,
    target: Unit | Offering,
    docs: EvidenceSet,
    evidence: EvidenceSet,
    numbers: Sequence[int],
    provisional: bool = False,
) -> None:
    """Pass when ``folded`` mentions every term. Otherwise: not verified when some evidence for
    ``numbers`` could not be read (the missing item may be in it), else a gap naming the missing
    items and the files read."""
    missing = missing_terms(folded, terms)
    if not missing:
        return
    place, absent = where(target), labels(missing)
    unread = unreadable_paths(evidence, *numbers)
    if unread:
        not_verified(
            msg(
                f"{subject.fr} ({place.fr}) : introuvable dans les documents lisibles — "
                f"{absent.fr} ; {len(unread)} document(s) illisible(s) peuvent le contenir.",
                f"{subject.en} ({place.en}): not found in the readable documents — "
                f"{absent.en}; {len(unread)} unreadable document(s) may hold it.",
            ),
            evidence=unread,
        )
    raise Gap(
        msg(
            f"{subject.fr} ({place.fr}) : il manque {absent.fr} (documents lus : "
            f"{files_read(docs)}).",
            f"{subject.en} ({place.en}): missing {absent.en} (documents read: {files_read(docs)}).",
        ),
        evidence=docs.paths(),
        provisional=provisional,
    )


def require_terms(
    evidence: EvidenceSet,
    number: int,
    terms: Sequence[Term],
    *,
    subject: Localized,
    target: Unit | Offering,
    provisional: bool = False,
) -> None:
    """:func:`require` on the readable evidence for indicator ``number`` (the check is skipped
    when there is none: the presence check reports it)."""
    docs = readable(evidence, number)
    require(
        folded_text(docs, target),
        terms,
        subject=subject,
        target=target,
        docs=docs,
        evidence=evidence,
        numbers=(number,),
        provisional=provisional,
    )


def incomplete(
    what: Localized,
    offering: Offering,
    reading: Reading,
    missing: list[Term],
    *,
    provisional: bool = False,
) -> None:
    """Raise one gap listing the ``missing`` items of ``what`` for ``offering``."""
    if not missing:
        return
    names = labels(missing)
    note = msg("", "")
    if provisional:
        note = msg(
            " (Certification du Répertoire spécifique : l'application de cet indicateur au RS "
            "n'est pas confirmée — écart provisoire.)",
            " (Répertoire spécifique certification: whether this indicator covers RS is not "
            "confirmed — provisional gap.)",
        )
    raise Gap(
        msg(
            f"{what.fr} — {where(offering).fr} : absent(s) — {names.fr} "
            f"(lu dans : {files(reading.paths)}).{note.fr}",
            f"{what.en} — {where(offering).en}: missing — {names.en} "
            f"(read in: {files(reading.paths)}).{note.en}",
        ),
        evidence=reading.paths,
        provisional=provisional,
    )


#: Months after which a meeting record, a council's minutes or a follow-up export no longer shows
#: current practice (a heuristic, said as such).
RECENT_MONTHS = 12


def _latest(items: list[Evidence]) -> dt.date | None:
    dates = [e.date for e in items if e.date is not None]
    return max(dates) if dates else None


def require_recent(
    items: list[Evidence],
    audit_date: dt.date,
    *,
    subject: tuple[str, str],
    target: Unit,
    provisional: bool = False,
) -> None:
    """A gap when every dated record of ``items`` is older than :data:`RECENT_MONTHS` at the
    audit date (undated records are not judged)."""
    dated = [e for e in items if e.date is not None]
    if not dated or any(
        current(e.kind, e.date, e.valid_until, {}, audit_date, RECENT_MONTHS) for e in dated
    ):
        return
    latest = _latest(dated)
    assert latest is not None
    place, note = where(target), stale_note()
    raise Gap(
        msg(
            f"{subject[0]} ({place.fr}) : le dernier document daté remonte au "
            f"{latest.isoformat()}, plus de {RECENT_MONTHS} mois avant l'audit "
            f"({audit_date.isoformat()}) — {note.fr}.",
            f"{subject[1]} ({place.en}): the latest dated record is from {latest.isoformat()}, "
            f"more than {RECENT_MONTHS} months before the audit ({audit_date.isoformat()}) — "
            f"{note.en}.",
        ),
        evidence=[e.path for e in dated],
        provisional=provisional,
    )


def advise_if_stale(
    records: Iterable[Evidence],
    item: DemandedItem,
    audit_date: dt.date,
    *,
    target: Unit,
    latest_what: Localized,
    tail: Localized,
) -> None:
    """Advice on ``item`` (a rule of thumb of rnq) when every dated record of ``records`` is older
    than :data:`RECENT_MONTHS` at the audit date; nothing when none is dated. ``latest_what``
    names the latest record (« la dernière trace de suivi datée »), ``tail`` ends the message
    (« : montrez… », or empty)."""
    dated = [(e, day) for e in records if (day := date_of(e)) is not None]
    if not dated or any(
        current(e.kind, day, e.valid_until, {}, audit_date, RECENT_MONTHS) for e, day in dated
    ):
        return
    latest = max(day for _, day in dated)
    paths = [e.path for e, _ in dated]
    place = where(target)
    advise(
        msg(
            f"Point de vigilance ({place.fr}) — {item.label.fr} : {latest_what.fr} remonte au "
            f"{latest.isoformat()}, plus de {RECENT_MONTHS} mois avant l'audit "
            f"({audit_date.isoformat()}) ({files(paths)}). C'est une règle indicative de rnq, "
            f"pas une exigence{tail.fr}.",
            f"Point of vigilance ({place.en}) — {item.label.en}: {latest_what.en} is from "
            f"{latest.isoformat()}, more than {RECENT_MONTHS} months before the audit "
            f"({audit_date.isoformat()}) ({files(paths)}). This is a rule of thumb of rnq, not a "
            f"requirement{tail.en}.",
        ),
        items=[item.id],
        evidence=paths,
        key=item.id,
    )


#: The watch is used: something was decided, changed or planned because of it.
USE = Term.of(
    "exploitation de la veille (actions, décisions, mises à jour, impacts)",
    "use of the watch (actions, decisions, updates, impacts)",
    r"\bexploit",
    r"\bimpacts?\b",
    r"enseignements? (tire|retenu)",
    r"pris(e)? en compte",
    r"\bdecid|\bdecision",
    r"mis(e|es)? a jour|\bactualise",
    r"\bmodifi(e|ee|es|ees|cation|cations)\b",
    r"\badapt(e|ee|es|ees|ation|ations)\b",
    r"action(s)? (a mener|menee|decidee|prevue|corrective|engagee)|plan d'actions?",
    r"consequences? (pour|sur)",
    r"\bintegr(e|ee|es|ees|ation) (dans|a|au|aux)",
    r"evolution(s)? (de l'offre|des programmes|des formations|des contenus|des prestations)",
    r"\bsuites? (donnee|a donner)",
)


def watch(
    number: int,
    kind: str,
    what: tuple[str, str],
    terms: Sequence[Term],
    unit: Unit,
    evidence: EvidenceSet,
    config: WorkspaceConfig,
    freshness: Mapping[str, int],
    audit_date: dt.date,
) -> None:
    """The watch of ``kind`` evidencing indicator ``number`` is current and shows ``terms``."""
    docs = list(readable_not_stale(evidence, number, freshness, audit_date))
    months = freshness.get(kind, 12)
    fresh = [e for e in docs if is_current(e, freshness, audit_date, months=months)]
    place = where_kept(unit, docs, config)
    if not fresh:
        dated = ", ".join(f"{e.path} ({fr_date(e.date)})" for e in docs if e.date)
        dated_en = ", ".join(f"{e.path} ({e.date.isoformat()})" for e in docs if e.date)
        raise Gap(
            msg(
                f"{what[0].capitalize()} pas à jour ({place.fr}) : aucune preuve datée de moins "
                f"de {months} mois avant l'audit du {fr_date(audit_date)} — {dated} — règle de "
                "fraîcheur indicative.",
                f"{what[1].capitalize()} not current ({place.en}): no evidence dated within "
                f"{months} months of the audit on {audit_date.isoformat()} — {dated_en} — "
                "freshness is a heuristic.",
            ),
            evidence=[e.path for e in docs],
        )
    # what the current watch shows (an attestation's note counts, as a manual statement)
    absent = missing_terms(text_of(fresh), terms)
    place = where_kept(unit, fresh, config)
    if absent:
        raise Gap(
            msg(
                f"{what[0].capitalize()} ({place.fr}) : rien ne montre {labels(absent).fr} — "
                "une veille qui ne fait que lister des sources n'est pas exploitée.",
                f"{what[1].capitalize()} ({place.en}): nothing shows {labels(absent).en} — a "
                "watch that only lists sources is not used.",
            ),
            evidence=[e.path for e in fresh],
        )
