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

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from rnq._yaml import LineMap, line_of, read_config_yaml
from rnq.errors import ConfigError, ConfigProblem
from rnq.referential.applicability import Profile
from rnq.referential.loader import HIGHEST_INDICATOR, Category, Condition
from rnq.text import Localized
from rnq.workspace.diagnostics import Loc, invalid, known_keys, problems_from_validation
from rnq.workspace.walk import DEFAULT_IGNORE, GlobError, compile_ignore

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
    "consistency_problems",
    "diagnose",
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


def _relative_path(value: str | None, key: str = "path", at: Loc = ()) -> str | None:
    """A path inside the workspace: relative, POSIX, no ``..``."""
    if value is None:
        return None
    path = PurePosixPath(value.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or re.match(r"^[A-Za-z]:", value):
        raise invalid(
            f"« {key} » : le chemin « {value} » sort de l'espace de preuves",
            f"'{key}': path '{value}' leaves the workspace",
            "écrivez un chemin relatif au dossier de rnq.yaml, sans « .. » ni lecteur (C:)",
            "write a path relative to the folder of rnq.yaml, without '..' or a drive (C:)",
            at=at,
        )
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
    ignore: list[str] = Field(default_factory=lambda: list(DEFAULT_IGNORE))
    referential: str | None = None
    facts: Facts = Facts()

    @field_validator("checks", "plugins")
    @classmethod
    def _paths(cls, values: list[str], info: ValidationInfo) -> list[str]:
        return [str(_relative_path(v, str(info.field_name), (i,))) for i, v in enumerate(values)]

    @field_validator("ignore")
    @classmethod
    def _globs(cls, values: list[str]) -> list[str]:
        for index, pattern in enumerate(values):
            try:
                compile_ignore([pattern])
            except GlobError as exc:
                raise invalid(
                    exc.fr,
                    exc.en,
                    "dans un motif, [a-z] désigne un caractère de a à z ; écrivez le plus petit "
                    "en premier",
                    "in a pattern, [a-z] stands for one character from a to z; write the "
                    "smaller first",
                    at=(index,),
                ) from None
        return values

    @field_validator("waivers")
    @classmethod
    def _waivers(cls, value: str | None) -> str | None:
        return _relative_path(value, "waivers")

    @field_validator("not_applicable")
    @classmethod
    def _justified(cls, value: dict[int, str]) -> dict[int, str]:
        for number, reason in value.items():
            if not 1 <= number <= HIGHEST_INDICATOR:
                raise invalid(
                    f"l'indicateur {number} n'existe pas",
                    f"indicator {number} does not exist",
                    f"les indicateurs vont de 1 à {HIGHEST_INDICATOR}",
                    f"indicators go from 1 to {HIGHEST_INDICATOR}",
                    at=(number,),
                )
            if not str(reason).strip():
                raise invalid(
                    f"indicateur {number} non applicable sans justification",
                    f"indicator {number} not applicable without a justification",
                    f'écrivez pourquoi, par exemple {number}: "Aucune formation certifiante."',
                    f'write why, e.g. {number}: "No certifying training."',
                    at=(number,),
                )
        return value

    @field_validator("freshness")
    @classmethod
    def _months(cls, value: dict[str, int]) -> dict[str, int]:
        for kind, months in value.items():
            if months < 1:
                raise invalid(
                    f"la fraîcheur de « {kind} » doit être d'au moins 1 mois",
                    f"the freshness of '{kind}' must be at least 1 month",
                    "écrivez un nombre de mois, par exemple 12",
                    "write a number of months, e.g. 12",
                    at=(kind,),
                )
        return value

    @model_validator(mode="after")
    def _consistent(self, info: ValidationInfo) -> WorkspaceConfig:
        if info.context and info.context.get("consistency") is False:
            return self  # :func:`load` checks it on the data, with every other mistake
        issues = consistency_problems(self.model_dump(mode="json"), path="", lines={})
        if issues:
            first = issues[0]
            fix = first.fix
            raise invalid(
                first.message.fr,
                first.message.en,
                fix.fr if fix else None,
                fix.en if fix else None,
                at=tuple(_loc_of(first.key)),
            )
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


def _loc_of(key: str | None) -> list[str | int]:
    return [int(p) if p.isdigit() else p for p in key.split(".")] if key else []


def _items(mapping: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """The mappings of the list ``mapping[key]``, with their index (whatever the data)."""
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


class _Consistency:
    """What no single key of rnq.yaml can tell, read on the data as written."""

    def __init__(self, data: Any, path: str, lines: LineMap) -> None:
        self.data = data
        self.path = path
        self.lines = lines
        self.problems: list[ConfigProblem] = []
        categories = data.get("categories") if isinstance(data, dict) else None
        self.declared = (
            [c for c in categories if isinstance(c, str)] if isinstance(categories, list) else []
        )

    def add(self, loc: Loc, fr: str, en: str, fix_fr: str, fix_en: str) -> None:
        self.problems.append(
            ConfigProblem(
                path=self.path,
                line=line_of(self.lines, loc),
                key=".".join(str(part) for part in loc),
                message=Localized(fr=fr, en=en),
                fix=Localized(fr=fix_fr, en=fix_en),
            )
        )

    def twice(self, loc: Loc, first: Loc, noun_fr: str, noun_en: str, value: str) -> None:
        earlier = line_of(self.lines, first)
        self.add(
            loc,
            f"identifiant « {value} » déjà donné à une autre {noun_fr} (ligne {earlier})",
            f"id '{value}' already given to another {noun_en} (line {earlier})",
            f"donnez à chaque {noun_fr} un identifiant différent",
            f"give each {noun_en} its own id",
        )

    def category(self, loc: Loc, offering: dict[str, Any]) -> None:
        category = offering.get("category", "AF")
        if not self.declared or category not in ("AF", "BC", "VAE", "CFA"):
            return
        if category in self.declared:
            return
        listed = ", ".join(c for c in self.declared if c in ("AF", "BC", "VAE", "CFA")) or "—"
        default_fr = " (AF par défaut)" if "category" not in offering else ""
        default_en = " (AF by default)" if "category" not in offering else ""
        self.add(
            (*loc, "category"),
            f"la prestation « {offering.get('id')} » est de catégorie {category}{default_fr}, "
            "que « categories » ne déclare pas",
            f"offering '{offering.get('id')}' is of category {category}{default_en}, which "
            "'categories' does not declare",
            f"ajoutez {category} à « categories » (aujourd'hui : {listed}) ou corrigez la "
            "catégorie de la prestation",
            f"add {category} to 'categories' (now: {listed}) or fix the offering's category",
        )

    def run(self) -> list[ConfigProblem]:
        units: dict[str, Loc] = {}
        offerings: dict[str, Loc] = {}
        for i, unit in _items(self.data, "units"):
            unit_id = unit.get("id")
            if isinstance(unit_id, str) and unit_id in units:
                self.twice(("units", i, "id"), units[unit_id], "unité", "unit", unit_id)
            elif isinstance(unit_id, str):
                units[unit_id] = ("units", i, "id")
            for j, offering in _items(unit, "offerings"):
                loc: Loc = ("units", i, "offerings", j)
                offering_id = offering.get("id")
                if isinstance(offering_id, str) and offering_id in offerings:
                    self.twice(
                        (*loc, "id"),
                        offerings[offering_id],
                        "prestation",
                        "offering",
                        offering_id,
                    )
                elif isinstance(offering_id, str):
                    offerings[offering_id] = (*loc, "id")
                self.category(loc, offering)
        for i, site in _items(self.data, "sites"):
            named = site.get("units")
            for k, unit_id in enumerate(named if isinstance(named, list) else []):
                if isinstance(unit_id, str) and unit_id not in units:
                    self.add(
                        ("sites", i, "units", k),
                        f"le site « {site.get('id')} » nomme une unité inconnue « {unit_id} »",
                        f"site '{site.get('id')}' names an unknown unit '{unit_id}'",
                        f"unités déclarées : {', '.join(units) or '—'}",
                        f"declared units: {', '.join(units) or '—'}",
                    )
        return self.problems


def consistency_problems(data: Any, *, path: str, lines: LineMap) -> list[ConfigProblem]:
    """What no single key can tell: an id given twice (at the line of the second), an offering
    of a category the provider did not declare, a site naming an unknown unit. Reads the data
    as written (whatever else is wrong with it), never raises."""
    return _Consistency(data, path, lines).run()


def _config_problems(
    data: Any, shown: str, lines: LineMap
) -> tuple[WorkspaceConfig | None, list[ConfigProblem]]:
    """The validated configuration (``None`` when invalid) and every problem of ``rnq.yaml``."""
    if not isinstance(data, dict):
        return None, [
            ConfigProblem(
                path=shown,
                line=1,
                message=Localized(
                    fr="rnq.yaml doit contenir des clés (« version: 1 », « organization: … »…)",
                    en="rnq.yaml must hold keys ('version: 1', 'organization: …'…)",
                ),
                fix=Localized(
                    fr="créez-le avec « rnq init » ou partez de l'exemple de docs/workspace.md",
                    en="create it with 'rnq init' or start from the example in docs/workspace.md",
                ),
            )
        ]
    problems = consistency_problems(data, path=shown, lines=lines)
    try:
        config = WorkspaceConfig.model_validate(data, context={"consistency": False})
    except ValidationError as exc:
        problems = [
            *problems_from_validation(
                exc,
                path=shown,
                data=data,
                lines=lines,
                known=known_keys(WorkspaceConfig, data),
            ),
            *problems,
        ]
        config = None
    problems.sort(key=lambda p: p.line or 0)
    return (None if problems else config), problems


def load(path: str | Path) -> Workspace:
    """Load the workspace at ``path`` (a folder holding ``rnq.yaml``, or that file itself).

    Raises one :class:`~rnq.errors.ConfigError` holding every mistake found (``problems``):
    those of ``rnq.yaml`` and those of the manifests ``rnq-evidence.yaml`` of the workspace,
    each with its file, line, message and fix.
    """
    workspace, problems = diagnose(path)
    if problems or workspace is None:
        raise ConfigError.of(problems)
    return workspace


def diagnose(path: str | Path) -> tuple[Workspace | None, list[ConfigProblem]]:
    """:func:`load` without raising on the workspace's mistakes: the workspace (``None`` when
    ``rnq.yaml`` itself is invalid) and every mistake of ``rnq.yaml`` and of the manifests, in
    file and line order. Reads no evidence file (for ``rnq doctor``)."""
    from rnq.workspace.manifests import manifest_problems

    path = Path(path)
    config_path = path if path.name == CONFIG_NAME and path.is_file() else path / CONFIG_NAME
    root = config_path.parent
    shown = str(config_path)
    duplicates: list[ConfigProblem] = []
    try:
        data, lines = read_config_yaml(
            config_path,
            shown=shown,
            root=root,
            missing_hint=Localized(
                fr="créez-le avec « rnq init » ou indiquez le dossier de l'espace de preuves",
                en="create one with 'rnq init' or give the evidence workspace folder",
            ),
            problems=duplicates,
        )
    except ConfigError as exc:  # missing, unreadable, not UTF-8, not YAML
        return None, list(exc.problems)
    config, problems = _config_problems(data, shown, lines)
    if duplicates:
        problems = sorted([*duplicates, *problems], key=lambda p: p.line or 0)
    ignore = config.ignore if config is not None else _ignore_of(data)
    problems += manifest_problems(root, ignore)
    workspace = (
        Workspace(root=root.resolve(), config=config, lines=lines) if config is not None else None
    )
    return workspace, problems


def _compiles(pattern: str) -> bool:
    try:
        compile_ignore([pattern])
    except GlobError:
        return False
    return True


def _ignore_of(data: Any) -> list[str]:
    """The ``ignore`` patterns of an invalid ``rnq.yaml`` (to check the manifests anyway)."""
    value = data.get("ignore") if isinstance(data, dict) else None
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return [v for v in value if _compiles(v)]  # a broken pattern is already a problem
    default = WorkspaceConfig.model_fields["ignore"].default_factory
    return list(default()) if callable(default) else []  # type: ignore[call-arg]


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
