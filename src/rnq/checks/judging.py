"""How a content check turns what it read into a verdict (SPEC §4, « what may make an NC »).

A check declares, for the items of its indicator (``items:`` in ``rnq/indicators/NN.yaml``), the
:class:`~rnq.match.french.Concept` that says each one, and hands what it read to :func:`judge`:

.. code-block:: python

    CONCEPTS = {"prevention": Concept.of("prévention des abandons", "éviter les ruptures")}

    @mark.verifies("engagement")
    def check_engagement(unit, evidence, referential, facts):
        judge(unit_reading(unit, evidence, 12), CONCEPTS, indicator=12,
              referential=referential, facts=facts, target=unit)

:func:`judge` reads each document apart (a draft or an empty template states nothing), finds
which items are stated, and concludes:

* a missing **requirement** — or a **conditional** item whose condition is declared true for
  the target — is a gap (it raises :class:`~rnq.engine.outcomes.Gap`, naming the items);
* a missing conditional item whose condition nobody declared is advice that names the fact to
  declare; where the fact is declared false, the item is not demanded;
* a missing **example** (of the guide) or **heuristic** (rnq's own rule of thumb) is a point de
  vigilance, never a gap;
* a missing item whose concept is ``unproven`` (its phrasings not yet measured on enough
  cases) or whose text is ``provisional`` is advice « à confirmer »;
* where every document read is a draft, the counted items are a gap that says so.

Items a module has no concept for are left to the check's own code (dates, tables, counts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rnq.checks.helpers import (
    Folded,
    Passage,
    Reading,
    ask,
    body,
    files,
    folded_text,
    known_answers,
    readable,
    unless_unreadable,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.outcomes import Gap, advise
from rnq.match.french import DRAFT, Concept
from rnq.match.questions import answer, fact_key
from rnq.referential.loader import DemandedItem, ItemCondition, Referential
from rnq.text import Localized, msg
from rnq.workspace.config import Offering, Unit
from rnq.workspace.facts import TargetFacts

__all__ = [
    "FACT_TEXT",
    "Finder",
    "Judgement",
    "Reader",
    "Source",
    "assess",
    "demanded",
    "finder_questions",
    "judge",
    "judge_readable",
    "sources_of",
    "stated",
]

#: What each fact means, to name it in advice (« déclarez … dans rnq.yaml »).
FACT_TEXT: Mapping[str, Localized] = {
    "modality": msg("la modalité (présentiel, distance, mixte)", "the modality"),
    "funded_by": msg("les financeurs", "the funders"),
    "presents_candidates": msg(
        "si vous présentez vous-même les candidats à la certification",
        "whether you present the candidates to the certification yourself",
    ),
    "minors": msg("si vous accueillez des mineurs", "whether you take in minors"),
    "alternance": msg("si la prestation est en alternance", "whether the offering is work-study"),
    "work_situation": msg(
        "si la prestation comprend des périodes en situation de travail",
        "whether the offering includes periods in a work situation",
    ),
    "solo_trainer": msg(
        "si vous exercez seul(e), sans autre intervenant",
        "whether you work alone, with no other contributor",
    ),
    "welcomes_disabled": msg(
        "si vous accueillez des personnes en situation de handicap",
        "whether you take in people with disabilities",
    ),
    "certifying": msg("la certification de la prestation", "the offering's certification"),
    "companies_concerned": msg(
        "si des entreprises sont parties prenantes (alternance, situation de travail)",
        "whether companies are involved (work-study, work situation)",
    ),
}


@dataclass(frozen=True)
class Reader:
    """An item read by a function of a document's text and rows rather than by its words — a
    table read by its headers, a figure: the :func:`~rnq.match.questions.document_question`
    registered as ``question`` (a portable question, answered in the extraction workers too).
    ``unproven``: as for a :class:`~rnq.match.french.Concept`."""

    question: str
    unproven: bool = False


#: How a check finds an item in a document: a concept, a reader, or any of several.
Finder = Concept | Reader | tuple[Concept | Reader, ...]


def finder_questions(finder: Finder) -> tuple[str, ...]:
    """The questions whose any « yes » says a document states the item."""
    parts = finder if isinstance(finder, tuple) else (finder,)
    return tuple(p.question for p in parts)


def _unproven(finder: Finder) -> bool:
    parts = finder if isinstance(finder, tuple) else (finder,)
    return all(p.unproven for p in parts)


#: An answer not known yet (an answer may be None, False or an empty list).
_UNKNOWN = object()


@dataclass(frozen=True)
class Source:
    """One document read for a target, or the section of a catalogue about it."""

    item: Evidence
    passage: Passage | None = None

    @property
    def path(self) -> str:
        return self.item.path

    def _ask(self, question: str) -> object:
        item = self.item

        def whole(folded: str) -> object:
            # The text and rows are loaded only when the answer is not known already: a run
            # after one change answers from the cache without reading 50 000 documents again.
            content = (item.text, item.rows) if item.usable else (None, None)
            return answer(question, folded, None, content)

        if self.passage is None or question == DRAFT:
            if self.passage is None:
                return ask(item, question, whole)
        elif not ask(item, question, whole):
            return False  # a section says nothing its whole document does not say
        passage = self.passage
        return ask(
            item,
            f"{passage.label}\x1f{question}",
            lambda _: answer(question, passage.text, None, (passage.text, None)),
        )

    def draft(self) -> str | None:
        """Why this source is a draft or an empty template (None when it is not)."""
        if self.passage is None and not self.item.usable:
            return None  # an attestation's note, or text-less evidence: not a draft
        found = self._ask(DRAFT)
        return found if isinstance(found, str) else None

    def states(self, finder: Finder) -> bool:
        """Whether this source states what ``finder`` finds."""
        questions = finder_questions(finder)
        if self.passage is not None:
            return any(self._ask(q) for q in questions)
        # A whole document: the answers known already looked up at once (a run's checks ask
        # 165 000 of them), the others asked (and kept) as :meth:`_ask` does.
        known = known_answers(self.item)
        for question in questions:
            found = known.get(fact_key(question), _UNKNOWN)
            if found is _UNKNOWN:
                found = self._ask(question)
            if found:
                return True
        return False


def sources_of(read: Reading | Folded | Iterable[Evidence]) -> list[Source]:
    """The sources of what a check read: each document, each catalogue section."""
    folded = read.text if isinstance(read, Reading) else read
    if isinstance(folded, Folded):
        return [
            *(Source(item) for item in folded.items),
            *(Source(p.item, p) for p in folded.passages),
        ]
    if isinstance(folded, str):
        raise TypeError("judge() reads documents, not a text: pass the Reading")
    return [Source(item) for item in folded if item.usable or item.note]


def stated(read: Reading | Folded | Iterable[Evidence], finder: Finder) -> bool:
    """Whether a source that is not a draft states what ``finder`` finds."""
    return any(s.states(finder) for s in sources_of(read) if s.draft() is None)


def _categories(target: Unit | Offering | None) -> frozenset[str] | None:
    if isinstance(target, Offering):
        return frozenset({target.category})
    if isinstance(target, Unit) and target.offerings:
        return frozenset(o.category for o in target.offerings)
    return None


def demanded(
    referential: Referential,
    indicator: int,
    target: Unit | Offering | None = None,
    only: Iterable[str] | None = None,
) -> list[DemandedItem]:
    """The items of ``indicator`` in ``referential`` that concern ``target``'s categories
    (``only``: these ids)."""
    categories = _categories(target)
    wanted = set(only) if only is not None else None
    return [
        item
        for item in referential.indicator(indicator).items
        if (wanted is None or item.id in wanted)
        and (not item.categories or categories is None or categories & set(item.categories))
    ]


@dataclass
class Judgement:
    """What :func:`assess` found: the items stated, and those missing by what they weigh."""

    found: list[DemandedItem] = field(default_factory=list)
    gaps: list[DemandedItem] = field(default_factory=list)
    #: conditional items whose condition nobody declared
    undeclared: list[DemandedItem] = field(default_factory=list)
    #: examples and heuristics
    vigilance: list[DemandedItem] = field(default_factory=list)
    #: unproven concepts, provisional items
    to_confirm: list[DemandedItem] = field(default_factory=list)
    read: list[str] = field(default_factory=list)
    drafts: dict[str, str] = field(default_factory=dict)

    @property
    def only_drafts(self) -> bool:
        """Every source read is a draft or an empty template."""
        return bool(self.drafts) and not self.read


def _condition(item: DemandedItem, facts: TargetFacts | None) -> bool | None:
    assert item.condition is not None
    return facts.holds(item.condition) if facts is not None else None


def assess(
    read: Reading | Folded | Iterable[Evidence],
    concepts: Mapping[str, Finder],
    items: Sequence[DemandedItem],
    facts: TargetFacts | None,
) -> Judgement:
    """Which of ``items`` (those with a concept) the sources state, and what each missing one
    weighs (see the module docstring)."""
    judgement = Judgement()
    usable: list[Source] = []
    for source in sources_of(read):
        why = source.draft()
        if why is None:
            usable.append(source)
            if source.path not in judgement.read:
                judgement.read.append(source.path)
        else:
            judgement.drafts.setdefault(source.path, why)
    for item in items:
        concept = concepts.get(item.id)
        if concept is None:
            continue
        if item.condition is not None and _condition(item, facts) is False:
            continue
        if any(s.states(concept) for s in usable):
            judgement.found.append(item)
        elif item.provisional or _unproven(concept):
            judgement.to_confirm.append(item)
        elif item.item_class == "requirement":
            judgement.gaps.append(item)
        elif item.item_class == "conditional":
            holds = _condition(item, facts)
            (judgement.gaps if holds else judgement.undeclared).append(item)
        else:
            judgement.vigilance.append(item)
    return judgement


def _names(items: Sequence[DemandedItem]) -> Localized:
    return msg(", ".join(i.label.fr for i in items), ", ".join(i.label.en for i in items))


def _place(target: Unit | Offering | None) -> Localized:
    if target is None:
        return msg("", "")
    place = where(target)
    article = "la " if isinstance(target, Offering) else "l'"
    return msg(f" pour {article}{place.fr}", f" for {place.en}")


def judge(
    read: Reading | Folded | Iterable[Evidence],
    concepts: Mapping[str, Finder],
    *,
    indicator: int,
    referential: Referential,
    facts: TargetFacts | None,
    target: Unit | Offering | None = None,
    only: Iterable[str] | None = None,
    subject: Localized | None = None,
    labels: Mapping[str, Localized] | None = None,
) -> Judgement:
    """Judge what was read against the items of ``indicator`` that ``concepts`` covers (``only``:
    these ids): advise on what cannot make an NC, raise :class:`Gap` for what does (see the
    module docstring). ``subject`` names what is judged (« Information publique »), to start
    the messages; ``labels`` names items better than their data for this target (« code
    RNCP12345 »). Returns the judgement when there is no gap."""
    items = demanded(referential, indicator, target, only)
    if labels:
        items = [
            i.model_copy(update={"label": labels[i.id]}) if i.id in labels else i for i in items
        ]
    judgement = assess(read, concepts, items, facts)
    counted = [
        i
        for i in items
        if i.id in concepts
        and (i.item_class == "requirement" or (i.condition is not None and _condition(i, facts)))
        and not i.provisional
    ]
    if judgement.only_drafts and counted:
        raise Gap(
            _draft_message(judgement, subject, target),
            evidence=list(judgement.drafts),
            items=[i.id for i in counted],
        )
    _advise(judgement, subject, target)
    if judgement.gaps:
        place = _place(target)
        names = _names(judgement.gaps)
        title = subject or msg("Éléments exigés", "Required items")
        raise Gap(
            msg(
                f"{title.fr}{place.fr} : absent(s) — {names.fr} (lu dans : "
                f"{files(judgement.read)}){_drafts_note(judgement).fr}.",
                f"{title.en}{place.en}: missing — {names.en} (read in: "
                f"{files(judgement.read)}){_drafts_note(judgement).en}.",
            ),
            evidence=judgement.read,
            items=[i.id for i in judgement.gaps],
        )
    return judgement


def judge_readable(
    evidence: EvidenceSet,
    concepts: Mapping[str, Finder],
    *,
    indicator: int,
    referential: Referential,
    facts: TargetFacts | None,
    target: Unit,
    subject: Localized,
    only: Iterable[str] | None = None,
) -> tuple[EvidenceSet, Judgement]:
    """:func:`judge` on the readable evidence for ``indicator`` (not verified when none of it
    carries any text); not verified rather than a gap when some evidence for ``indicator`` could
    not be read (a scan may hold what is missing). Returns the documents read and the
    judgement."""
    docs = readable(evidence, indicator)
    folded_text(docs, target)
    try:
        judgement = judge(
            docs,
            concepts,
            indicator=indicator,
            referential=referential,
            facts=facts,
            target=target,
            only=only,
            subject=subject,
        )
    except Gap as gap:
        unless_unreadable(gap, evidence, indicator, target)
        raise
    return docs, judgement


def _drafts_note(judgement: Judgement) -> Localized:
    if not judgement.drafts:
        return msg("", "")
    shown = files(list(judgement.drafts))
    return msg(f" ; brouillon(s) non pris en compte : {shown}", f"; draft(s) not counted: {shown}")


def _draft_message(
    judgement: Judgement, subject: Localized | None, target: Unit | Offering | None
) -> Localized:
    shown = files(list(judgement.drafts))
    title = subject or msg("Preuve", "Evidence")
    place = _place(target)
    return msg(
        f"{title.fr}{place.fr} : le document lu est un brouillon ou un modèle vide ({shown}) — "
        "il ne prouve aucune exigence ; complétez-le ou remplacez-le par la version en vigueur.",
        f"{title.en}{place.en}: the document read is a draft or an empty template ({shown}) — "
        "it proves no requirement; complete it or replace it with the version in force.",
    )


def _advise(
    judgement: Judgement, subject: Localized | None, target: Unit | Offering | None
) -> None:
    place = _place(target)
    read = files(judgement.read)
    for item in judgement.vigilance:
        kind = (
            msg("exemple de preuve du guide", "an evidence example of the guide")
            if item.item_class == "example"
            else msg("règle indicative de rnq", "a rule of thumb of rnq")
        )
        advise(
            msg(
                f"Point de vigilance{place.fr} — {item.label.fr} : non trouvé (lu dans : {read}). "
                f"C'est un {kind.fr}, pas une exigence : l'auditeur acceptera une autre preuve.",
                f"Point of vigilance{place.en} — {item.label.en}: not found (read in: {read}). "
                f"This is {kind.en}, not a requirement: the auditor will accept other evidence.",
            ),
            items=[item.id],
            evidence=judgement.read,
            key=item.id,
        )
    for item in judgement.undeclared:
        assert item.condition is not None
        fact = FACT_TEXT.get(item.condition.fact, msg(item.condition.fact, item.condition.fact))
        advise(
            msg(
                f"{item.label.fr}{place.fr} : non trouvé, exigé seulement sous condition — "
                f"déclarez {fact.fr} (facts: {_yaml(item.condition)} dans rnq.yaml).",
                f"{item.label.en}{place.en}: not found, required only under a condition — "
                f"declare {fact.en} (facts: {_yaml(item.condition)} in rnq.yaml).",
            ),
            confirm=True,
            items=[item.id],
            evidence=judgement.read,
            key=item.id,
        )
    for item in judgement.to_confirm:
        why = (
            msg("le texte qui l'exige est provisoire", "the text requiring it is provisional")
            if item.provisional
            else msg(
                "rnq ne reconnaît pas encore toutes les façons de l'écrire",
                "rnq does not yet recognise every way of writing it",
            )
        )
        advise(
            msg(
                f"{item.label.fr}{place.fr} : non trouvé (lu dans : {read}) — à confirmer : "
                f"{why.fr}.",
                f"{item.label.en}{place.en}: not found (read in: {read}) — to confirm: {why.en}.",
            ),
            confirm=True,
            items=[item.id],
            evidence=judgement.read,
            key=item.id,
        )
    del subject


#: Facts rnq derives rather than reads: what to declare instead.
_DERIVED = {
    "companies_concerned": "{alternance: true} | {work_situation: true}",
    "certifying": "{certification: RNCP…}",
}


def _yaml(condition: ItemCondition) -> str:
    """What to write in rnq.yaml for ``condition`` to hold."""
    if condition.fact in _DERIVED:
        return _DERIVED[condition.fact]
    if condition.fact == "funded_by":
        return f"{{funded_by: [{', '.join(condition.any_of) or '…'}]}}"
    if condition.any_of:
        return f"{{{condition.fact}: {condition.any_of[0]}}}"
    value = "true" if condition.equals else "false"
    return f"{{{condition.fact}: {value}}}"


def body_of(source: Source) -> str:
    """The folded text of a source (for a check that needs it verbatim)."""
    return source.passage.text if source.passage is not None else body(source.item)
