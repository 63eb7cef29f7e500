"""Map an evidence file to its unit, offering, indicators, kind and date (SPEC §3 "Mapping").

Pure functions, no file access. For each file the most specific source wins, field by field:

1. the entry of the nearest sidecar manifest that matches it (:mod:`rnq.workspace.manifests`);
2. the YAML front matter of a Markdown file (:mod:`rnq.workspace.manifests`);
3. the path: indicator tokens in any segment (:func:`indicators_in_path`), the kind inferred from
   the file name (else from its nearest folder inside its unit or offering), a full date in the
   file name (:func:`date_in_name`), the offering whose folder holds the file (:class:`Layout`).

The kind falls back to inference; the indicators fall back to the kind's default indicators
(:func:`rnq.workspace.kinds.default_indicators`). A file that still has no indicator is unmapped
(:func:`unmapped_reason` says why) — listed, never dropped. Dates come from the manifest, the
front matter or the file name, never from the modification time.

The manifest and front matter readers live in :mod:`rnq.workspace.manifests` and are re-exported
here.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.resources
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from rnq._yaml import line_of
from rnq.collect.evidence import Evidence
from rnq.errors import Problem
from rnq.referential.loader import HIGHEST_INDICATOR
from rnq.text import Localized
from rnq.workspace.config import Unit
from rnq.workspace.kinds import default_indicators, infer_kind_and_stakeholder
from rnq.workspace.manifests import (
    MANIFEST_NAME,
    Declared,
    FrontMatter,
    Manifest,
    ManifestEntry,
    Manifests,
    Source,
    parse_front_matter,
    parse_manifest,
)

__all__ = [
    "MANIFEST_NAME",
    "Declared",
    "FrontMatter",
    "Layout",
    "Manifest",
    "ManifestEntry",
    "Manifests",
    "NameFacts",
    "NameMemo",
    "PathFacts",
    "Placement",
    "Source",
    "combine",
    "date_in_name",
    "dates_in_name",
    "indicator_tokens",
    "indicators_in_path",
    "name_facts",
    "name_facts_version",
    "parse_front_matter",
    "parse_manifest",
    "path_facts",
    "unmapped",
    "unmapped_reason",
    "using_names",
]

# --- Indicator tokens ------------------------------------------------------------------------

#: ``I01``, ``i1``, ``ind26``, ``Ind.26``, ``indicateur-26``, ``Indicateur n° 26``,
#: ``indicator_5``…: a prefix that starts a word, then the number, then the end of the word.
#: A bare ``I`` must be followed by the digits directly (``I-2`` could be « annexe I-2 »).
_TOKEN = re.compile(
    r"(?<![^\W_])"
    r"(?:(?:indicateurs?|indicators?|indic|ind)[\s_.\-]*(?:n[°º]?|no)?[\s_.\-]*|i)"
    r"0*(?P<number>[1-9][0-9]?)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
INDICATOR_NUMBERS = range(1, HIGHEST_INDICATOR + 1)


@functools.lru_cache(maxsize=1 << 16)
def indicator_tokens(segment: str) -> tuple[int, ...]:
    """The indicator numbers named in one path segment, in order, without repeats (known
    indicators only). Cached: folder names repeat across a workspace.

    >>> indicator_tokens("I01-I26 Indicateur 30.pdf")
    (1, 26, 30)
    >>> indicator_tokens("wifi1 2026-01-15 I34")
    ()
    """
    found: list[int] = []
    for digits in _TOKEN.findall(segment):  # one group: each match's number
        number = int(digits)
        if number in INDICATOR_NUMBERS and number not in found:
            found.append(number)
    return tuple(found)


def indicators_in_path(path: str) -> tuple[int, ...]:
    """The indicator numbers named in any segment of ``path`` (POSIX), sorted."""
    return tuple(sorted({n for segment in path.split("/") for n in indicator_tokens(segment)}))


# --- Dates in file names ---------------------------------------------------------------------

_YEAR = r"(?P<y>(?:19|20)[0-9]{2})"
#: ``2026-03-15``, ``2026_03_15``, ``2026.03.15``, ``20260315`` (the same separator twice).
_YMD = re.compile(
    rf"(?<![0-9]){_YEAR}(?P<s>[-_.]?)(?P<m>[0-9]{{2}})(?P=s)(?P<d>[0-9]{{2}})(?![0-9])"
)
#: ``15-03-2026``, ``15.03.2026``, ``15_03_2026``, ``5-3-2026``.
_DMY = re.compile(
    rf"(?<![0-9])(?P<d>[0-9]{{1,2}})(?P<s>[-_.])(?P<m>[0-9]{{1,2}})(?P=s){_YEAR}(?![0-9])"
)


#: A year as :data:`_YMD` and :data:`_DMY` want one: a name without it holds no date.
_ANY_YEAR = re.compile(r"(?:19|20)[0-9]{2}")


def _valid(match: re.Match[str]) -> dt.date | None:
    year, month, day = match.group("y", "m", "d")
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:  # 2026-02-30, month 13…
        return None


def _dates(name: str) -> list[tuple[int, dt.date]]:
    """Every full, possible date written in ``name`` with where it starts, YMD ones first."""
    if _ANY_YEAR.search(name) is None:
        return []
    found: list[tuple[int, dt.date]] = []
    ymd_spans = []
    for match in _YMD.finditer(name):
        ymd_spans.append(match.span())
        day = _valid(match)
        if day is not None:
            found.append((match.start(), day))
    for match in _DMY.finditer(name):
        overlaps = any(match.start() < end and start < match.end() for start, end in ymd_spans)
        day = None if overlaps else _valid(match)
        if day is not None:
            found.append((match.start(), day))
    return found


def dates_in_name(name: str) -> list[dt.date]:
    """Every full, possible date written in ``name``, in order of appearance."""
    return [day for _, day in sorted(_dates(name))]


def date_in_name(name: str) -> dt.date | None:
    """The date of a file from its name: the latest full date written in it (a name such as
    ``bilan-2025-01-01-au-2025-12-31`` covers a period, judged by its end), or ``None``."""
    found = _dates(name)
    if len(found) == 1:
        return found[0][1]
    return max((day for _, day in found), default=None)


# --- Units and offerings ---------------------------------------------------------------------


@dataclass(frozen=True)
class Placement:
    """Where a file belongs: its unit (``None`` when no unit claims it), its offering, and how
    many leading segments of its path are the unit's or offering's folder."""

    unit: Unit | None
    offering: str | None = None
    depth: int = 0


class Layout:
    """The folders of the units and offerings of a workspace.

    A file belongs to the unit with the longest folder that holds it; a file outside every unit
    folder belongs to the central unit when there is exactly one. Within its unit, a file under
    an offering's folder (:meth:`rnq.workspace.config.Unit.offering_folder`) belongs to that
    offering.
    """

    def __init__(self, units: Sequence[Unit]) -> None:
        def parts(folder: str) -> tuple[str, ...]:
            return PurePosixPath(folder).parts

        self._units: dict[tuple[str, ...], Unit] = {}
        for unit in units:  # two units with one folder: the first declared keeps it
            self._units.setdefault(parts(unit.folder), unit)
        central = [u for u in units if u.central]
        self.central: Unit | None = central[0] if len(central) == 1 else None
        self._offerings = {
            u.id: {parts(u.offering_folder(o)): o.id for o in reversed(u.offerings)} for u in units
        }
        self._placed: dict[str, Placement] = {}

    def place(self, path: str) -> Placement:
        """The unit and offering of the file ``path`` (relative to the workspace, POSIX).

        Computed once per folder: the files of a folder share their placement."""
        folder = path[: path.rfind("/") + 1]  # "" for a file at the root, else "a/b/"
        placed = self._placed.get(folder)
        if placed is None:
            placed = self._placed[folder] = self._place(tuple(path.split("/"))[:-1])
        return placed

    def _place(self, segments: tuple[str, ...]) -> Placement:
        for depth in range(len(segments), -1, -1):
            unit = self._units.get(segments[:depth])
            if unit is None:
                continue
            offerings = self._offerings[unit.id]
            for offering_depth in range(len(segments), depth, -1):
                offering = offerings.get(segments[:offering_depth])
                if offering is not None:
                    return Placement(unit, offering, offering_depth)
            return Placement(unit, None, depth)
        return Placement(self.central)


# --- Combination -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PathFacts:
    """What the path alone says about a file."""

    indicators: tuple[int, ...] = ()
    kind: str | None = None
    stakeholder: str | None = None
    date: dt.date | None = None
    offering: str | None = None


def path_facts(path: str, placement: Placement | None = None) -> PathFacts:
    """The indicators, kind, stakeholder, date and offering that ``path`` gives.

    The kind (and a survey's stakeholder) come from the file name, else from the nearest
    folder between the file and its unit's or offering's folder (``placement.depth``).
    What the file name says is computed once per name (:func:`name_facts`, remembered across
    runs by :class:`NameMemo` when one is in use).
    """
    placement = placement or Placement(None)
    folder, slash, name = path.rpartition("/")
    memo = _names.get()
    named = memo.get(name) if memo is not None else name_facts(name)
    numbers, kind, stakeholder = _folder_facts(folder if slash else None, placement.depth)
    if named.indicators:
        numbers = tuple(sorted({*numbers, *named.indicators}))
    # file name first, then the nearest folders inside the unit or offering
    return PathFacts(
        indicators=numbers,
        kind=named.kind if named.kind is not None else kind,
        stakeholder=named.stakeholder if named.stakeholder is not None else stakeholder,
        date=named.date,
        offering=placement.offering,
    )


@functools.lru_cache(maxsize=1 << 14)
def _folder_facts(folder: str | None, depth: int) -> tuple[tuple[int, ...], str | None, str | None]:
    """What the folders of a file say (``folder``: the path of its folder, ``None`` for a file
    at the root; ``depth``: how many of its leading segments are the unit's or offering's
    folder): the indicators any segment names (sorted), and the kind and stakeholder of the
    nearest segment below ``depth`` that infers one. Cached: the files of a folder share it."""
    folders = folder.split("/") if folder is not None else []
    numbers = tuple(sorted({n for segment in folders for n in indicator_tokens(segment)}))
    kind = stakeholder = None
    for segment in reversed(folders[depth:]):
        if kind is not None and stakeholder is not None:
            break
        found_kind, found_stakeholder = infer_kind_and_stakeholder(segment)
        kind = kind if kind is not None else found_kind
        stakeholder = stakeholder if stakeholder is not None else found_stakeholder
    return numbers, kind, stakeholder


# --- What a file name says, remembered across runs ----------------------------------------------


@dataclass(frozen=True)
class NameFacts:
    """What a file name alone says: its indicator tokens, its date, and the kind and
    stakeholder inferred from its stem (the name without its extension)."""

    indicators: tuple[int, ...]
    date: dt.date | None
    kind: str | None
    stakeholder: str | None

    def dump(self) -> list[Any]:
        """A JSON-able form (see :meth:`load`)."""
        day = self.date.isoformat() if self.date is not None else None
        return [list(self.indicators), day, self.kind, self.stakeholder]

    @classmethod
    def load(cls, data: Any) -> NameFacts | None:
        """The facts :meth:`dump` wrote, or None when ``data`` is not such a record."""
        try:
            numbers, day, kind, stakeholder = data
            indicators = tuple(int(n) for n in numbers)
            date = dt.date.fromisoformat(day) if day is not None else None
        except (TypeError, ValueError):
            return None
        if not all(isinstance(v, str | None) for v in (kind, stakeholder)):
            return None
        return cls(indicators, date, kind, stakeholder)


def name_facts(name: str) -> NameFacts:
    """What the file name ``name`` says (see :class:`NameFacts`)."""
    stem = name.rpartition(".")[0] or name
    return NameFacts(indicator_tokens(name), date_in_name(name), *infer_kind_and_stakeholder(stem))


@functools.cache
def name_facts_version() -> str:
    """Identifies the code and vocabulary :func:`name_facts` depends on: remembered facts of
    another version are not used."""
    digest = hashlib.sha256()
    package = importlib.resources.files("rnq")
    for name in ("workspace/kinds.yaml", "workspace/kinds.py", "collect/mapping.py"):
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


class NameMemo:
    """:func:`name_facts` of file names already seen (``known``, e.g. loaded from the
    extraction cache), and of those met since (:attr:`added`, to be saved)."""

    def __init__(self, known: Mapping[str, NameFacts] | None = None) -> None:
        self.known: dict[str, NameFacts] = dict(known or {})
        self.added: dict[str, NameFacts] = {}

    def get(self, name: str) -> NameFacts:
        """The facts of ``name``, computed on first sight."""
        found = self.known.get(name)
        if found is None:
            found = self.known[name] = self.added[name] = name_facts(name)
        return found


_names: ContextVar[NameMemo | None] = ContextVar("rnq_name_memo", default=None)


@contextmanager
def using_names(memo: NameMemo) -> Iterator[NameMemo]:
    """Within the block, :func:`path_facts` looks file names up in ``memo``."""
    token = _names.set(memo)
    try:
        yield memo
    finally:
        _names.reset(token)


def _offering(
    sources: Sequence[Source], facts: PathFacts, unit: Unit, problems: list[Problem]
) -> str | None:
    offerings: Collection[str] | None = None
    for source in sources:
        declared = source.fields.offering
        if declared is None:
            continue
        if offerings is None:
            offerings = {o.id for o in unit.offerings}
        if declared in offerings:
            return declared
        known = ", ".join(sorted(offerings)) or "—"
        problems.append(
            Problem.make(
                source.path,
                f"« {declared} » n'est pas une prestation de l'unité « {unit.id} » "
                f"(prestations : {known}) : ignoré",
                f"'{declared}' is not an offering of unit '{unit.id}' (offerings: {known}): "
                "ignored",
                line_of(source.lines, ("offering",)),
            )
        )
    return facts.offering


def combine(
    path: str, unit: Unit, facts: PathFacts, sources: Sequence[Source] = ()
) -> tuple[Evidence, list[Problem]]:
    """The evidence record of the file ``path`` of ``unit``: each field from the first of
    ``sources`` (most specific first) that gives it, else from ``facts``; the indicators fall
    back to the kind's defaults. Returns the record and the problems met (a declared offering
    that is not one of the unit's)."""
    sources = [s for s in sources if s.fields.declares_anything]
    problems: list[Problem] = []

    given: dict[str, Any] = {}
    if sources:
        names = Declared.model_fields
        for source in sources:
            for name in names:
                value = getattr(source.fields, name)
                if value is not None:
                    given.setdefault(name, value)
    declared = given.get

    kind: str | None = declared("kind") or facts.kind
    indicators = declared("indicators") or facts.indicators or default_indicators(kind)
    stakeholder = declared("stakeholder") or (
        facts.stakeholder if kind == "enquete-satisfaction" else None
    )
    evidence = Evidence.trusted(
        path=path,
        unit=unit.id,
        indicators=tuple(sorted(set(indicators))),
        offering=_offering(sources, facts, unit, problems) if sources else facts.offering,
        kind=kind,
        stakeholder=stakeholder,
        date=declared("date") or facts.date,
        valid_until=declared("valid_until"),
        by=declared("by"),
        note=declared("note"),
        mapped_by=sources[0].mapped_by if sources else "path",
    )
    return evidence, problems


def unmapped(path: str) -> Evidence:
    """The record of a file no unit claims (outside every unit folder, no single central
    unit): its ``unit`` is empty and it maps to no indicator."""
    return Evidence(path=path, unit="")


def unmapped_reason(evidence: Evidence) -> Localized:
    """Why ``evidence`` maps to no indicator, and how to map it."""
    if not evidence.unit:
        return Localized(
            fr="hors de tout dossier d'unité, et pas d'unité centrale unique pour l'accueillir",
            en="outside every unit folder, and no single central unit to take it",
        )
    if evidence.collector != "filesystem":
        return Localized(
            fr=f"le collecteur « {evidence.collector} » ne lui donne aucun indicateur",
            en=f"the collector '{evidence.collector}' gives it no indicator",
        )
    how_fr = "donnez-les dans un manifeste rnq-evidence.yaml, un en-tête YAML ou le chemin (I26)"
    how_en = "give them in an rnq-evidence.yaml manifest, a front matter or the path (I26)"
    if evidence.kind is not None:
        return Localized(
            fr=f"type « {evidence.kind} » sans indicateur par défaut : {how_fr}",
            en=f"kind '{evidence.kind}' has no default indicator: {how_en}",
        )
    return Localized(
        fr=f"aucun indicateur ni type reconnu : {how_fr}",
        en=f"no indicator and no known kind: {how_en}",
    )
