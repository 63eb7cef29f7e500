"""The workspace: a folder of evidence with ``rnq.yaml`` at its root (SPEC §3).

:func:`load` reads and validates ``rnq.yaml`` into :class:`Workspace`. Unknown keys, wrong types
and inconsistent values are :class:`~rnq.errors.ConfigError` naming the file, the line and the
key, with a hint; they stop the run (exit 2).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from rnq._yaml import LineMap, config_error_from_validation, line_of, read_config_yaml
from rnq.errors import ConfigError
from rnq.referential.applicability import Profile
from rnq.referential.loader import HIGHEST_INDICATOR, Category, Condition
from rnq.text import Localized

__all__ = [
    "AUDIT_TYPES",
    "CONFIG_NAME",
    "Activity",
    "AuditInfo",
    "AuditType",
    "CollectorUse",
    "Facts",
    "Funder",
    "Modality",
    "Offering",
    "Organization",
    "Owners",
    "PreviousNc",
    "Site",
    "Unit",
    "Workspace",
    "WorkspaceConfig",
    "load",
    "profile_of",
]

CONFIG_NAME = "rnq.yaml"
#: The type of an audit (reference/rnq.md §5).
AuditType = Literal["initial", "surveillance", "renewal"]
#: The types of audit, with their names in French and English.
AUDIT_TYPES: dict[str, tuple[str, str]] = {
    "initial": ("audit initial", "initial audit"),
    "surveillance": ("audit de surveillance", "surveillance audit"),
    "renewal": ("audit de renouvellement", "renewal audit"),
}
_ID = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def _relative_path(value: str | None) -> str | None:
    """A path inside the workspace: relative, POSIX, no ``..``."""
    if value is None:
        return None
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", value):
        raise ValueError(f"must be a relative path inside the workspace, got {value!r}")
    return str(path)


class Organization(_Strict):
    """The provider: its name and, optionally, its activity declaration number (NDA)."""

    name: str = Field(min_length=1)
    nda: str | None = None


class Activity(_Strict):
    """Activity flags that decide which conditional indicators apply (SPEC §3 defaults)."""

    certifying: bool = False
    alternance: bool = False
    work_situation: bool = False
    subcontracting: bool = False
    portage: bool = False
    long_trainings: bool = True
    new_entrant: bool | list[Category] = False


#: How an offering is delivered.
Modality = Literal["presential", "distance", "blended"]
#: Who funds an offering (« financeurs »): the learner alone (``individual``), the CPF, the
#: employer (``company``), an OPCO, a region, France Travail, the State, Agefiph, or another.
Funder = Literal[
    "individual", "cpf", "company", "opco", "region", "france_travail", "state", "agefiph", "other"
]


class Facts(_Strict):
    """Facts the provider declares that conditional items depend on (SPEC §3 ``facts:``).

    On an offering, a unit (defaults for its offerings) or the whole provider (``facts:`` at the
    top of rnq.yaml). A fact left out is *not declared*: an item that depends on it is advice
    naming the fact to declare, never a non-conformity.
    """

    modality: Modality | None = None
    funded_by: tuple[Funder, ...] | None = None
    presents_candidates: bool | None = Field(
        default=None, description="the provider itself registers candidates for the exam"
    )
    minors: bool | None = Field(default=None, description="apprentices under 18 (CFA)")
    alternance: bool | None = None
    work_situation: bool | None = Field(
        default=None, description="periods in a work situation: alternance, internships, AFEST"
    )
    solo_trainer: bool | None = Field(
        default=None, description="an independent trainer holding every function"
    )
    welcomes_disabled: bool | None = Field(
        default=None, description="people with disabilities are welcomed"
    )


class PreviousNc(_Strict):
    """A non-conformity notified at the previous audit."""

    indicator: int = Field(ge=1, le=HIGHEST_INDICATOR)
    level: Literal["minor", "major"]
    notified: dt.date
    lifted: dt.date | None = None


class AuditInfo(_Strict):
    """The audit being prepared."""

    type: AuditType = "initial"
    date: dt.date | None = None
    certified_on: dt.date | None = None
    previous_nc: list[PreviousNc] = Field(default_factory=list)


class CollectorUse(BaseModel):
    """A plugin collector enabled for a unit: ``use`` names it, every other key is a setting."""

    model_config = ConfigDict(frozen=True, extra="allow")

    use: str = Field(min_length=1)

    @property
    def settings(self) -> dict[str, Any]:
        """The collector's own settings (every key but ``use``)."""
        return dict(self.model_extra or {})


class Offering(_Strict):
    """An offering (« prestation ») of a unit."""

    id: str = Field(pattern=_ID)
    title: str = Field(min_length=1)
    category: Category = "AF"
    certification: str | None = None
    path: str | None = None
    duration_days: float | None = Field(default=None, gt=0)
    facts: Facts = Facts()

    @field_validator("path")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        return _relative_path(value)

    @property
    def certifying(self) -> bool:
        """True when the offering leads to an RNCP/RS certification."""
        return bool(self.certification)


class Unit(_Strict):
    """A business unit (« unité opérationnelle », UO) or the central function."""

    id: str = Field(pattern=_ID)
    name: str = Field(min_length=1)
    path: str | None = None
    central: bool = False
    owner: str | None = None
    collectors: list[CollectorUse] = Field(default_factory=list)
    offerings: list[Offering] = Field(default_factory=list)
    facts: Facts = Facts()

    @field_validator("path")
    @classmethod
    def _path(cls, value: str | None) -> str | None:
        return _relative_path(value)

    @property
    def folder(self) -> str:
        """The unit's folder, relative to the workspace root (default: its id)."""
        return self.path or self.id

    def offering_folder(self, offering: Offering) -> str:
        """An offering's folder relative to the workspace root (default: its id in the unit)."""
        return str(PurePosixPath(self.folder) / (offering.path or offering.id))


class Site(_Strict):
    """A site in the multi-site sense (permanent staff), with the units it hosts."""

    id: str = Field(pattern=_ID)
    units: list[str] = Field(min_length=1)
    audited_last: bool = False


class Owners(_Strict):
    """Who fixes what: a default owner and owners per indicator."""

    default: str = "Direction qualité"
    indicators: dict[int, str] = Field(default_factory=dict)


class WorkspaceConfig(_Strict):
    """The content of ``rnq.yaml`` (SPEC §3)."""

    version: Literal[1]
    organization: Organization
    categories: list[Category] = Field(min_length=1)
    activity: Activity = Activity()
    not_applicable: dict[int, str] = Field(default_factory=dict)
    audit: AuditInfo = AuditInfo()
    units: list[Unit] = Field(min_length=1)
    sites: list[Site] | None = None
    owners: Owners = Owners()
    checks: list[str] = Field(default_factory=list)
    plugins: list[str] = Field(default_factory=list)
    waivers: str | None = None
    freshness: dict[str, int] = Field(default_factory=dict)
    ignore: list[str] = Field(default_factory=lambda: ["**/~$*", "**/.DS_Store", "**/Thumbs.db"])
    referential: str | None = None
    facts: Facts = Facts()

    @field_validator("checks", "plugins")
    @classmethod
    def _paths(cls, values: list[str]) -> list[str]:
        return [str(_relative_path(v)) for v in values]

    @field_validator("waivers")
    @classmethod
    def _waivers(cls, value: str | None) -> str | None:
        return _relative_path(value)

    @field_validator("not_applicable")
    @classmethod
    def _justified(cls, value: dict[int, str]) -> dict[int, str]:
        for number, reason in value.items():
            if not 1 <= number <= HIGHEST_INDICATOR:
                raise ValueError(f"indicator {number} does not exist (1 to {HIGHEST_INDICATOR})")
            if not str(reason).strip():
                raise ValueError(f"indicator {number}: a justification is required")
        return value

    @field_validator("freshness")
    @classmethod
    def _months(cls, value: dict[str, int]) -> dict[str, int]:
        for kind, months in value.items():
            if months < 1:
                raise ValueError(f"freshness of {kind!r} must be at least 1 month")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> WorkspaceConfig:
        ids = [unit.id for unit in self.units]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate unit ids: {duplicates}")
        offering_ids = [o.id for unit in self.units for o in unit.offerings]
        duplicates = sorted({i for i in offering_ids if offering_ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate offering ids: {duplicates}")
        for unit in self.units:
            for offering in unit.offerings:
                if offering.category not in self.categories:
                    raise ValueError(
                        f"offering {offering.id!r} is {offering.category} but categories are "
                        f"{self.categories}"
                    )
        for site in self.sites or []:
            unknown = sorted(set(site.units) - set(ids))
            if unknown:
                raise ValueError(f"site {site.id!r} names unknown units {unknown}")
        return self

    @property
    def certifying(self) -> bool:
        """Some offering leads to a certification (declared, or derived from the offerings)."""
        return self.activity.certifying or any(
            o.certifying for unit in self.units for o in unit.offerings
        )

    def unit(self, unit_id: str) -> Unit:
        """The unit ``unit_id``; :class:`KeyError` if none."""
        for unit in self.units:
            if unit.id == unit_id:
                return unit
        raise KeyError(unit_id)


class Workspace(BaseModel):
    """A loaded workspace: its root folder and its validated configuration."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    root: Path
    config: WorkspaceConfig
    lines: dict[tuple[str | int, ...], int] = Field(default_factory=dict, repr=False)

    def line(self, *loc: str | int) -> int | None:
        """The line of ``rnq.yaml`` where the value at ``loc`` is written."""
        return line_of(self.lines, loc)


def _known_keys() -> dict[tuple[str | int, ...], list[str]]:
    """Known keys of each mapping of rnq.yaml, for "did you mean" hints."""

    def fields(model: type[BaseModel]) -> list[str]:
        return sorted(model.model_fields)

    return {
        (): fields(WorkspaceConfig),
        ("organization",): fields(Organization),
        ("activity",): fields(Activity),
        ("audit",): fields(AuditInfo),
        ("owners",): fields(Owners),
    }


def _hint_keys(lines: LineMap, data: Any) -> dict[tuple[str | int, ...], list[str]]:
    known = _known_keys()

    def items(mapping: Any, key: str) -> list[Any]:  # whatever the file holds, never raise
        value = mapping.get(key) if isinstance(mapping, dict) else None
        return value if isinstance(value, list) else []

    for i, unit in enumerate(items(data, "units")):
        known[("units", i)] = sorted(Unit.model_fields)
        for j, _ in enumerate(items(unit, "offerings")):
            known[("units", i, "offerings", j)] = sorted(Offering.model_fields)
    for i, _ in enumerate(items(data, "sites")):
        known[("sites", i)] = sorted(Site.model_fields)
    audit = data.get("audit") if isinstance(data, dict) else None
    for i, _ in enumerate(items(audit, "previous_nc")):
        known[("audit", "previous_nc", i)] = sorted(PreviousNc.model_fields)
    return known


def load(path: str | Path) -> Workspace:
    """Load the workspace at ``path`` (a folder holding ``rnq.yaml``, or that file itself)."""
    path = Path(path)
    config_path = path if path.name == CONFIG_NAME and path.is_file() else path / CONFIG_NAME
    root = config_path.parent
    shown = str(config_path)
    data, lines = read_config_yaml(
        config_path,
        shown=shown,
        missing_hint=Localized(
            fr="créez-le avec « rnq init » ou indiquez le dossier de l'espace de preuves",
            en="create one with 'rnq init' or give the evidence workspace folder",
        ),
    )
    if not isinstance(data, dict):
        raise ConfigError(
            Localized(
                fr="le fichier doit contenir une table de clés", en="expected a mapping of keys"
            ),
            path=shown,
            line=1,
        )
    try:
        config = WorkspaceConfig.model_validate(data)
    except ValidationError as exc:
        raise config_error_from_validation(
            exc, path=shown, lines=lines, known_keys=_hint_keys(lines, data)
        ) from None
    return Workspace(root=root.resolve(), config=config, lines=lines)


def profile_of(config: WorkspaceConfig) -> Profile:
    """The applicability profile of a workspace: categories, conditions met, declared N/A."""
    activity = config.activity
    met: set[Condition] = set()
    if config.certifying:
        met.add("certifying")
    if activity.alternance:
        met.add("alternance")
    if activity.work_situation or activity.alternance:
        met.add("work_situation")
    if activity.subcontracting or activity.portage:
        met.add("subcontracting")
    if activity.long_trainings:
        met.add("long_trainings")
    return Profile(
        categories=tuple(config.categories),
        conditions=frozenset(met),
        not_applicable=dict(config.not_applicable),
    )
