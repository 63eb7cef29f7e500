"""What an offering's content checks read (criteria 1 and 2).

:func:`offering_reading` gives a check the offering's own evidence for the indicator (its folder,
or files a manifest or front matter maps to it), plus, from its unit and the central function,
the *section* of any document mapped to the indicator but to no offering that names the offering
(a catalogue listing several offerings): from each mention of the offering's title or
certification code up to the next offering's title. A central catalogue alone does not make an
offering's evidence (the presence check asks for the offering's own); a short note in the
offering's folder (e.g. ``kind: attestation`` pointing to the catalogue) is enough for the
catalogue to be read. The sections are found once per run by the ``offer_sections`` fixture,
which :mod:`rnq.checks.offer_sheet` registers with its checks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from rnq.checks._common import (
    Folded,
    Passage,
    Text,
    ask,
    fold,
    readable,
    where,
)
from rnq.collect.evidence import Evidence, EvidenceSet
from rnq.engine.fixtures import fixture
from rnq.engine.outcomes import msg, skip
from rnq.referential.loader import Referential
from rnq.text import Localized
from rnq.workspace.config import Offering, Unit, WorkspaceConfig

__all__ = [
    "OfferSections",
    "OfferingKey",
    "Reading",
    "cert_provisional",
    "date_in_text",
    "files",
    "not_for_category",
    "offer_sections",
    "offering_reading",
]


_F = TypeVar("_F", bound=Callable[..., Any])


# --- What a content check reads -----------------------------------------------------------


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


def _code_pattern(certification: str | None) -> str | None:
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


@dataclass(frozen=True)
class OfferSections:
    """The sections of unit and central documents that belong to no offering but name
    offerings (a catalogue): for each offering, the documents and the text about it."""

    central: frozenset[str]
    found: Mapping[OfferingKey, tuple[tuple[Evidence, Passage], ...]]

    def about(self, offering: Offering, unit: Unit, number: int) -> list[tuple[Evidence, Passage]]:
        """The (document, section) pairs for ``offering`` among the documents of its unit and
        of the central function mapped to indicator ``number``."""
        units = {unit.id} | self.central
        return [
            (item, section)
            for item, section in self.found.get((unit.id, offering.id), ())
            if number in item.indicators and item.unit in units
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


@fixture
def offer_sections(all_evidence: EvidenceSet, config: WorkspaceConfig) -> OfferSections:
    """The sections of unit and central documents (catalogues) that name each offering."""
    owners: dict[str, list[OfferingKey]] = {}
    patterns: set[str] = set()
    for unit in config.units:
        for offering in unit.offerings:
            key = (unit.id, offering.id)
            owners.setdefault(_title_key(offering.title), []).append(key)
            patterns.add(_words(offering.title))
            code = _code_pattern(offering.certification)
            if code is not None:
                owners.setdefault(_code_key(offering.certification or "") or "", []).append(key)
                patterns.add(code)
    central = frozenset(u.id for u in config.units if u.central)
    if not patterns:
        return OfferSections(central=central, found={})
    pattern = re.compile("|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True)))
    found: dict[OfferingKey, list[tuple[Evidence, Passage]]] = {}
    question = "\x00sections\x1f" + hashlib.sha256(pattern.pattern.encode()).hexdigest()[:16]

    def sections(text: str) -> list[tuple[str, str, list[tuple[int, int]]]]:
        return [(u, o, spans) for (u, o), spans in _sections(text, pattern, owners).items()]

    for item in all_evidence:
        if item.offering is None and item.usable and _OFFERING_INDICATORS & set(item.indicators):
            for unit_id, offering_id, spans in ask(item, question, sections):
                label = f"{question}\x1f{unit_id}\x1f{offering_id}"
                passage = Passage(item, label, tuple((s, e) for s, e in spans))
                found.setdefault((unit_id, offering_id), []).append((item, passage))
    return OfferSections(central=central, found={k: tuple(v) for k, v in found.items()})


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


def _rs_note(offering: Offering) -> Localized:
    if not cert_provisional(offering):
        return msg("", "")
    return msg(
        " (Certification du Répertoire spécifique : l'application de cet indicateur au RS n'est "
        "pas confirmée — écart provisoire.)",
        " (Répertoire spécifique certification: whether this indicator covers RS is not "
        "confirmed — provisional gap.)",
    )


_MONTHS = (
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
    rf"|(?:(?P<wd>\d{{1,2}})(?:er)? )?(?P<wm>{'|'.join(_MONTHS)}) (?P<wy>\d{{4}})"
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
                month = _MONTHS.index(m.group("wm")) + 1
                day = dt.date(int(m.group("wy")), month, int(m.group("wd") or 1))
        except ValueError:
            continue
        found.append(day)
    return max(found) if found else None


def _date_of(item: Evidence) -> dt.date | None:
    if item.date:
        return item.date
    found = ask(item, "\x00date_in_text", lambda text: _iso(date_in_text(text)))
    return dt.date.fromisoformat(found) if found else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _newest(docs: Iterable[Evidence]) -> dt.date | None:
    dates = [d for d in (_date_of(e) for e in docs) if d is not None]
    return max(dates) if dates else None
