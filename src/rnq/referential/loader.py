"""The Référentiel national qualité as versioned data.

The criteria (``rnq/criteria/*.yaml``), the indicators (``rnq/indicators/*.yaml``, one file per
indicator carrying one block per version) and the list of versions (``rnq/referentials.yaml``)
are package data, read with :mod:`importlib.resources` and validated into frozen pydantic models
that reject unknown keys. A later version's block overrides the previous version's block key by
key, so an unchanged indicator is written ``rnq-2026: {}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from rnq._yaml import YamlError, load_yaml
from rnq.errors import ReferentialError, UsageError
from rnq.text import Localized

__all__ = [
    "FACTS",
    "HIGHEST_INDICATOR",
    "AssessedAt",
    "Category",
    "Caveat",
    "Condition",
    "Criterion",
    "DemandedItem",
    "ExpectedLevel",
    "Indicator",
    "ItemClass",
    "ItemCondition",
    "ItemSource",
    "NcWeighting",
    "Referential",
    "ReferentialInfo",
    "Subcontracting",
    "TextList",
    "get_referential",
    "referential_for_date",
    "referential_ids",
]

#: The highest indicator number of any version, from the referential data (one file per
#: indicator in ``rnq/indicators/``): 33 since décret n° 2026-728. Every bound on an indicator
#: number (rnq.yaml, manifests, waivers, the command line) is this one.
HIGHEST_INDICATOR = max(
    int(entry.name.split(".")[0])
    for entry in files("rnq").joinpath("indicators").iterdir()
    if entry.name.endswith(".yaml")
)

Category = Literal["AF", "BC", "VAE", "CFA"]
CATEGORIES: tuple[Category, ...] = ("AF", "BC", "VAE", "CFA")
Condition = Literal[
    "certifying", "alternance", "work_situation", "subcontracting", "long_trainings"
]
NcWeighting = Literal["minor_or_major", "major_only"]
AssessedAt = Literal["offering", "unit"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class TextList(_Frozen):
    """A list of texts in French and English (same length)."""

    fr: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, lang: str = "fr") -> tuple[str, ...]:
        """The list in ``lang``."""
        return self.en if lang == "en" else self.fr


class ExpectedLevel(_Frozen):
    """The « niveau attendu » of the reading guide, and where the text comes from."""

    text: str
    source: Literal["guide", "third-party"]


class Subcontracting(_Frozen):
    """How the indicator is assessed when the sampled service was delivered as a subcontractor."""

    treatment: Literal["none", "not_applicable", "missions", "specific"]
    note: Localized | None = None


#: How an item a check demands rests on the referential (SPEC §4): a requirement of the wording or
#: niveau attendu in force, a requirement under a condition (a declared workspace fact), an
#: evidence example of the guide, or a rule of thumb of rnq's own. Only the first two can make a
#: non-conformity; the others are advice (« point de vigilance »).
ItemClass = Literal["requirement", "conditional", "example", "heuristic"]
#: Where the item comes from: the wording, the niveau attendu, the guide's evidence examples or
#: specific obligations, or rnq itself.
ItemSource = Literal["wording", "expected_level", "evidence_example", "specific_obligation", "rnq"]
#: The facts a provider declares in rnq.yaml (``facts:``) that conditional items depend on, and
#: those rnq derives from what is declared (``certifying``: an offering with a certification;
#: ``companies_concerned``: alternance, work-situation periods or apprenticeship).
FACTS: tuple[str, ...] = (
    "modality",
    "funded_by",
    "presents_candidates",
    "minors",
    "alternance",
    "work_situation",
    "solo_trainer",
    "welcomes_disabled",
    "certifying",
    "companies_concerned",
)


class ItemCondition(_Frozen):
    """When a conditional item is demanded: a fact equals a value, or is one of some values."""

    fact: str
    equals: bool | None = None
    any_of: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _known(self) -> ItemCondition:
        if self.fact not in FACTS:
            raise ValueError(f"unknown fact {self.fact!r} (known: {', '.join(FACTS)})")
        if (self.equals is None) == (not self.any_of):
            raise ValueError("a condition gives either `equals` or `any_of`")
        return self


class DemandedItem(_Frozen):
    """One item a built-in check demands for an indicator, with its basis (SPEC §4): its class,
    where it comes from, and for a conditional item the fact it depends on."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    item_class: ItemClass = Field(alias="class")
    label: Localized
    source: ItemSource
    condition: ItemCondition | None = None
    categories: tuple[Category, ...] = ()
    provisional: bool = False
    screening: bool = False

    @property
    def counts(self) -> bool:
        """Whether its absence can make a non-conformity (a requirement, or a conditional item
        whose condition holds), rather than advice."""
        return self.item_class in ("requirement", "conditional")

    @model_validator(mode="after")
    def _consistent(self) -> DemandedItem:
        if (self.item_class == "conditional") != (self.condition is not None):
            raise ValueError(f"{self.id}: a conditional item, and only one, has a condition")
        if self.source == "rnq" and self.item_class != "heuristic":
            raise ValueError(f"{self.id}: rnq's own rules are heuristics")
        return self


class Indicator(_Frozen):
    """One indicator as written in one version of the referential."""

    number: int = Field(ge=1)
    referential: str
    criterion: int = Field(ge=1, le=7)
    title: Localized
    wording: str
    gloss: str
    expected_level: ExpectedLevel | None
    evidence_examples: TextList
    specific_obligations: TextList = TextList()
    minor_nc: Localized | None = None
    categories: tuple[Category, ...] = Field(min_length=1)
    condition: Condition | None = None
    nc_weighting: NcWeighting
    new_entrant: Localized | None = None
    subcontracting: Subcontracting
    assessed_at: AssessedAt
    changes: Localized | None = None
    provisional: dict[str, Localized] = Field(default_factory=dict)
    #: What the built-in checks demand, item by item, with the basis of each (SPEC §4).
    items: tuple[DemandedItem, ...] = ()

    def item(self, item_id: str) -> DemandedItem:
        """The demanded item ``item_id``; :class:`KeyError` if this version has none."""
        for item in self.items:
            if item.id == item_id:
                return item
        raise KeyError(item_id)

    @property
    def is_provisional(self) -> bool:
        """True when some fact of this indicator is not confirmed by an official text."""
        return bool(self.provisional)

    @property
    def major_only(self) -> bool:
        """True when any gap on this indicator is a major non-conformity."""
        return self.nc_weighting == "major_only"

    @property
    def changed(self) -> bool:
        """True when this version changed the indicator (or added it)."""
        return self.changes is not None

    @model_validator(mode="after")
    def _provisional_fields_exist(self) -> Indicator:
        unknown = set(self.provisional) - set(type(self).model_fields)
        if unknown:
            raise ValueError(f"provisional names unknown fields: {sorted(unknown)}")
        ids = [item.id for item in self.items]
        if len(ids) != len(set(ids)):
            raise ValueError(f"indicator {self.number}: an item id is repeated")
        stray = {c for item in self.items for c in item.categories} - set(self.categories)
        if stray:
            raise ValueError(f"indicator {self.number}: items name other categories {stray}")
        return self


class Criterion(_Frozen):
    """One of the 7 criteria of art. R. 6316-1 (the same in every version)."""

    number: int = Field(ge=1, le=7)
    title: str
    short: Localized
    gloss: str


class Caveat(Localized):
    """A caveat on a whole version of the referential, and whom it concerns: ``all`` (every
    workspace audited under it) or ``new_entrant`` (only a provider declaring
    ``activity.new_entrant``). A report shows only the caveats that concern its workspace."""

    concerns: Literal["all", "new_entrant"] = "all"


class ReferentialInfo(_Frozen):
    """A version of the referential: its id, source and the audit dates it governs."""

    id: str
    title: Localized
    source: str
    valid_from: dt.date | None
    valid_until: dt.date | None
    provisional: tuple[Caveat, ...] = ()

    def caveats(self, *, new_entrant: bool) -> tuple[Caveat, ...]:
        """The caveats that concern a workspace: all of them but the new entrants' when it
        does not declare ``activity.new_entrant``."""
        return tuple(c for c in self.provisional if c.concerns == "all" or new_entrant)

    def covers(self, day: dt.date) -> bool:
        """True when an audit held on ``day`` is assessed against this version."""
        after_start = self.valid_from is None or day >= self.valid_from
        before_end = self.valid_until is None or day <= self.valid_until
        return after_start and before_end


class Referential(_Frozen):
    """One complete version: its criteria and indicators, in number order."""

    info: ReferentialInfo
    criteria: tuple[Criterion, ...]
    indicators: tuple[Indicator, ...]

    @property
    def id(self) -> str:
        """The version id, e.g. ``rnq-2026``."""
        return self.info.id

    def __iter__(self) -> Iterator[Indicator]:  # type: ignore[override]
        return iter(self.indicators)

    def __len__(self) -> int:
        return len(self.indicators)

    def indicator(self, number: int) -> Indicator:
        """The indicator ``number``; :class:`KeyError` if this version has none."""
        for indicator in self.indicators:
            if indicator.number == number:
                return indicator
        raise KeyError(number)

    def criterion(self, number: int) -> Criterion:
        """The criterion ``number``."""
        return self.criteria[number - 1]

    @model_validator(mode="after")
    def _consistent(self) -> Referential:
        numbers = [indicator.number for indicator in self.indicators]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(f"{self.info.id}: indicator numbers are not 1..n: {numbers}")
        if [c.number for c in self.criteria] != list(range(1, 8)):
            raise ValueError("the referential must have criteria 1 to 7")
        criteria = {indicator.criterion for indicator in self.indicators}
        if criteria != set(range(1, 8)):
            raise ValueError(f"{self.info.id}: some criterion has no indicator")
        return self


def _data() -> Traversable:
    return files("rnq")


def _read(resource: Traversable, name: str) -> Any:
    try:
        data, _ = load_yaml(resource.read_text(encoding="utf-8"), packaged=True)
    except YamlError as exc:
        raise ReferentialError(
            Localized(
                fr=f"{name}, ligne {exc.line} : {exc.localized.fr}",
                en=f"{name}, line {exc.line}: {exc.localized.en}",
            )
        ) from None
    return data


def _broken(name: str, exc: Exception) -> ReferentialError:
    return ReferentialError(
        Localized(
            fr=f"données du référentiel invalides ({name}) : {exc}",
            en=f"invalid referential data ({name}): {exc}",
        )
    )


@cache
def _load_all() -> dict[str, Referential]:
    root = _data()
    infos = _load_infos()
    order = [info.id for info in infos]
    criteria = _load_criteria(root)
    per_version = _load_indicators(root, order)
    return _assemble(infos, criteria, per_version)


def _load_infos() -> list[ReferentialInfo]:
    """The versions listed in ``referentials.yaml``, in file order."""
    try:
        return [
            ReferentialInfo.model_validate(item)
            for item in _read(files(__package__) / "referentials.yaml", "referentials.yaml")
        ]
    except ValidationError as exc:
        raise _broken("referentials.yaml", exc) from None


def _load_criteria(root: Traversable) -> list[Criterion]:
    """The criteria of ``criteria/*.yaml``, in number order."""
    criteria: list[Criterion] = []
    for resource in sorted((root / "criteria").iterdir(), key=lambda r: r.name):
        if resource.name.endswith(".yaml"):
            try:
                criteria.append(
                    Criterion.model_validate(_read(resource, f"criteria/{resource.name}"))
                )
            except ValidationError as exc:
                raise _broken(f"criteria/{resource.name}", exc) from None
    criteria.sort(key=lambda c: c.number)
    return criteria


def _load_indicators(root: Traversable, order: list[str]) -> dict[str, list[Indicator]]:
    """The indicators of ``indicators/*.yaml`` per version id, in file order."""
    per_version: dict[str, list[Indicator]] = {vid: [] for vid in order}
    for resource in sorted((root / "indicators").iterdir(), key=lambda r: r.name):
        if not resource.name.endswith(".yaml"):
            continue
        name = f"indicators/{resource.name}"
        raw = _read_indicator(resource, name, order)
        _add_versions(raw, name, order, per_version)
    return per_version


def _read_indicator(resource: Traversable, name: str, order: list[str]) -> dict[str, Any]:
    """Read one indicator file, checking its keys and the versions it names."""
    raw = _read(resource, name)
    if not isinstance(raw, dict) or set(raw) != {"number", "versions"}:
        raise _broken(name, ValueError("expected exactly the keys 'number' and 'versions'"))
    unknown = set(raw["versions"]) - set(order)
    if unknown:
        raise _broken(name, ValueError(f"unknown versions {sorted(unknown)}"))
    return raw


def _add_versions(
    raw: dict[str, Any], name: str, order: list[str], per_version: dict[str, list[Indicator]]
) -> None:
    """Add one indicator to each version it has, each block inheriting the previous one's."""
    block: dict[str, Any] | None = None
    for vid in order:
        override = raw["versions"].get(vid)
        if override is None:
            # Absent from this version: an indicator added later (33), never one removed.
            if block is not None:
                raise _broken(name, ValueError(f"missing block for {vid}"))
            continue
        merged = {**(block or {}), **override}
        # `changes` describes one version's change; it is never inherited.
        merged["changes"] = override.get("changes")
        block = {k: v for k, v in merged.items() if k != "changes"}
        try:
            per_version[vid].append(
                Indicator.model_validate({**merged, "number": raw["number"], "referential": vid})
            )
        except ValidationError as exc:
            raise _broken(f"{name} [{vid}]", exc) from None


def _assemble(
    infos: list[ReferentialInfo],
    criteria: list[Criterion],
    per_version: dict[str, list[Indicator]],
) -> dict[str, Referential]:
    """Build and validate each version's :class:`Referential`, in ``infos`` order."""
    result: dict[str, Referential] = {}
    for info in infos:
        indicators = sorted(per_version[info.id], key=lambda i: i.number)
        try:
            result[info.id] = Referential(
                info=info, criteria=tuple(criteria), indicators=tuple(indicators)
            )
        except ValidationError as exc:
            raise _broken(info.id, exc) from None
    return result


def referential_ids() -> tuple[str, ...]:
    """The known versions, oldest first: ``('rnq-2019-v9', 'rnq-2026')``."""
    return tuple(_load_all())


def get_referential(version: str) -> Referential:
    """The referential ``version``; :class:`~rnq.errors.UsageError` if unknown."""
    versions = _load_all()
    if version not in versions:
        known = ", ".join(versions)
        raise UsageError(
            Localized(
                fr=f"référentiel inconnu « {version} » (connus : {known})",
                en=f"unknown referential '{version}' (known: {known})",
            )
        )
    return versions[version]


def referential_for_date(day: dt.date | None = None) -> Referential:
    """The version that governs an audit held on ``day`` (today when ``None``)."""
    day = day or dt.date.today()
    for referential in _load_all().values():
        if referential.info.covers(day):
            return referential
    raise ReferentialError(  # pragma: no cover - the data covers every date
        Localized(fr=f"aucun référentiel pour le {day}", en=f"no referential for {day}")
    )
