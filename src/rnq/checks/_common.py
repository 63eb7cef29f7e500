"""What the built-in content checks share: finding the evidence to read, matching French wording,
judging freshness, naming the target.

Content checks read evidence; they do not repeat the presence check. When an indicator has no
usable evidence where it is assessed, :func:`readable` skips the content check (the presence
check already reports the missing or unreadable evidence), so one gap is not reported twice.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from rnq.dates import add_months
from rnq.model import Evidence, EvidenceSet
from rnq.outcomes import msg, skip
from rnq.text import Localized
from rnq.workspace import Offering, Unit, WorkspaceConfig

__all__ = [
    "Term",
    "body",
    "current",
    "fold",
    "is_current",
    "mentions",
    "missing_terms",
    "readable",
    "stale_note",
    "text_of",
    "where",
    "where_kept",
]


def _fold_table() -> dict[int, str]:
    """Latin letters with diacritics → their base letters (the common case, done by
    ``str.translate``); anything else non-ASCII goes through NFKD in :func:`fold`."""
    table: dict[int, str] = {0x2019: "'", 0x00A0: " ", 0x202F: " ", 0x0153: "oe", 0x00E6: "ae"}
    for code in range(0x00C0, 0x0250):
        char = chr(code)
        if code in table:
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        if base and base != char and base.isascii():
            table[code] = base.lower()
    return table


_FOLD = _fold_table()
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, accents removed, typographic apostrophes and spaces made plain, whitespace
    collapsed: « Modalités d’accès » and "modalites d'acces" fold to the same text."""
    folded = text.lower().translate(_FOLD)
    if not folded.isascii():  # rarer characters: fold each once, then remember it
        new = {ord(c) for c in set(folded)} - _FOLD.keys()
        if new:
            _FOLD.update({code: _fold_char(chr(code)) for code in new if code > 127})
            folded = folded.translate(_FOLD)
    return _SPACES.sub(" ", folded)


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if not unicodedata.combining(c)) or char


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_BODIES: dict[int, tuple[weakref.ref[Evidence], str]] = {}


def _forget(key: int) -> Callable[[weakref.ref[Evidence]], None]:
    def forget(_ref: weakref.ref[Evidence]) -> None:
        _BODIES.pop(key, None)

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
        return hit[1]
    parts: list[str] = []
    if item.usable and item.text:
        parts.append(_FRONT_MATTER.sub("", item.text, count=1))
    if item.usable and item.rows:
        parts.extend(" ; ".join(row) for row in item.rows)
    if item.note:
        parts.append(item.note)
    folded = fold("\n".join(parts))
    _BODIES[key] = (weakref.ref(item, _forget(key)), folded)
    return folded


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

    def found_in(self, folded: str) -> bool:
        return any(re.search(pattern, folded) for pattern in self.patterns)


def missing_terms(folded: str, terms: Iterable[Term]) -> list[Term]:
    """The terms ``folded`` text does not mention."""
    return [term for term in terms if not term.found_in(folded)]


def mentions(folded: str, *patterns: str) -> bool:
    """True when the folded text matches any of ``patterns``."""
    return any(re.search(pattern, folded) for pattern in patterns)


def labels(terms: Sequence[Term]) -> Localized:
    """The labels of ``terms`` as one comma-separated list, in both languages."""
    return msg(", ".join(t.label.fr for t in terms), ", ".join(t.label.en for t in terms))


def text_of(items: Iterable[Evidence]) -> str:
    """The folded text (:func:`body`) of every usable piece of evidence, joined."""
    return "\n".join(body(item) for item in items if item.usable or item.note)


def readable(evidence: EvidenceSet, *numbers: int) -> EvidenceSet:
    """The usable evidence for any of ``numbers`` (attestations included); skips the check when
    there is none, since the presence check already reports that gap."""
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
