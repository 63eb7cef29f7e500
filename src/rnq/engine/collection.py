"""Collecting the code of a run before any document is read, as pytest collects its tests: the
checks of the built-ins, of plugins and of the workspace's ``checks:`` folders, their marks and
the fixtures they ask for (:func:`collect_code`).

Whatever is wrong with that code — a syntax error, a failed import, an unknown mark, verification,
indicator or fixture, a check bound to nothing, a ``test_*`` function, a missing ``checks:``
folder, a workspace plugin file that does not import — is a code error: every one is listed at
once and the run stops (:class:`~rnq.errors.CodeError`, exit 2). :func:`check_code` lists them
without raising (``rnq doctor``); :func:`list_checks` is what ``rnq checks`` prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, cast

from pydantic import BaseModel, ConfigDict, Field

from rnq.engine.discovery import (
    BUILTIN_PREFIX,
    CheckDef,
    collect_checks,
    import_check_folder,
    namespace_of,
)
from rnq.engine.fixtures import SESSION, TARGETED, FixtureLookupError, FixtureRegistry
from rnq.engine.marks import Mark
from rnq.errors import CodeError, CodeProblem, Problem
from rnq.plugins import PluginSet, get_plugin_manager
from rnq.workspace.config import Workspace, load

__all__ = [
    "CheckCollection",
    "CheckInfo",
    "ChecksListing",
    "PluginInfo",
    "Requirement",
    "check_code",
    "collect_code",
    "list_checks",
    "loaded_plugins",
    "plugin_infos",
]


@dataclass
class CheckCollection:
    """The collected checks, the fixtures they can ask for, and the code errors met."""

    checks: list[CheckDef] = field(default_factory=list)
    registry: FixtureRegistry = field(
        default_factory=lambda: FixtureRegistry(builtin=(*SESSION, *TARGETED), targeted=TARGETED)
    )
    errors: list[Problem] = field(default_factory=list)

    def raise_errors(self) -> None:
        """Raise :class:`~rnq.errors.CodeError` listing every code error, if there is one."""
        if self.errors:
            raise CodeError(sorted(self.errors, key=lambda p: (p.path, p.line or 0)))


def _sources(
    workspace: Workspace, plugins: PluginSet, errors: list[Problem]
) -> tuple[list[tuple[str, object]], dict[str, str]]:
    """Every place checks come from, in collection order (built-ins first), and where each
    comes from (``builtin``, ``plugin:NAME``, ``workspace``)."""
    sources: list[tuple[str, object]] = []
    origins: dict[str, str] = {}
    registered = plugins.call_each(
        "rnq_register_checks", {}, errors, lambda got: list(cast("Iterable[object]", got or []))
    )
    for name, contributed in registered:
        for obj in contributed:
            if not hasattr(obj, "__dict__"):  # 42, None, "text": nothing to collect checks from
                errors.append(
                    CodeProblem.make(
                        f"plugin:{name}",
                        f"rnq_register_checks a renvoyé autre chose qu'un module ou un objet "
                        f"portant des vérifications : {type(obj).__name__}",
                        f"rnq_register_checks returned something that is not a module or an "
                        f"object holding checks: {type(obj).__name__}",
                    )
                )
                continue
            label = namespace_of(obj) or f"{name}:{type(obj).__name__}"
            sources.append((label, obj))
            builtin = name == "rnq.checks" or label.startswith(BUILTIN_PREFIX)
            origins[label] = "builtin" if builtin else f"plugin:{name}"
    sources.reverse()  # pluggy calls the last registered first; collect built-ins first
    line = workspace.line("checks")
    for folder in workspace.config.checks:
        modules, problems = import_check_folder(workspace.root, folder, line)
        sources.extend(modules)
        origins.update((label, "workspace") for label, _ in modules)
        errors.extend(problems)
    return sources, origins


def _params(check: CheckDef) -> list[str]:
    return [name for mark in check.marks_named("parametrize") for name in mark.args[0]]


def collect_code(workspace: Workspace, plugins: PluginSet) -> CheckCollection:
    """Collect every check of a run and list every code error (see the module's doc); nothing
    is raised: :meth:`CheckCollection.raise_errors` does."""
    collection = CheckCollection()
    errors = collection.errors
    errors.extend(plugins.code_errors)
    sources, origins = _sources(workspace, plugins, errors)
    checks, problems = collect_checks(sources, collection.registry, origins)
    errors.extend(problems)
    for check in checks:
        try:
            collection.registry.validate(check.argnames, check.name, provided=_params(check))
        except FixtureLookupError as error:
            errors.append(
                CodeProblem(path=check.source, line=check.line, message=error.localized())
            )
            continue
        collection.checks.append(check)
    return collection


def _plugins_for(
    workspace: Workspace, load_entrypoints: bool | None, extra_plugins: tuple[object, ...]
) -> PluginSet:
    return get_plugin_manager(
        workspace_root=workspace.root,
        workspace_plugins=workspace.config.plugins,
        load_entrypoints=load_entrypoints,
        extra=extra_plugins,
    )


def check_code(
    workspace: Workspace | str | Path,
    *,
    load_entrypoints: bool | None = None,
    extra_plugins: tuple[object, ...] = (),
) -> list[Problem]:
    """Every code error of ``workspace``'s checks and plugins, without reading any document
    and without raising (empty: the code is fine). What ``rnq check`` would stop on."""
    if not isinstance(workspace, Workspace):
        workspace = load(workspace)
    plugins = _plugins_for(workspace, load_entrypoints, extra_plugins)
    return collect_code(workspace, plugins).errors


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Requirement(_Model):
    """What a check verifies (the first paragraph of its docstring), in French and English."""

    fr: str
    en: str


class CheckInfo(_Model):
    """One collected check, as ``rnq checks`` lists it."""

    #: The name reports, waivers and ``rnq diff`` use (``source::function``).
    name: str
    #: ``builtin``, ``plugin`` or ``workspace``.
    origin: Literal["builtin", "plugin", "workspace"]
    #: The plugin's name for a plugin check, else None.
    plugin: str | None
    #: The workspace file (relative), or the module, it is defined in.
    source: str
    #: The line of the workspace file it is defined at (its first decorator).
    line: int | None
    #: The marks, as written: ``verifies("reclamations")``, ``indicator(26)``…
    marks: tuple[str, ...]
    #: The indicators it verifies under the referential of the listing (0: the certificate
    #: display; empty: none, or every applicable one for ``each_indicator``).
    indicators: tuple[int, ...]
    #: Whether it runs once per applicable indicator (``each_indicator``).
    each_indicator: bool
    #: The fixtures it asks for, in order.
    fixtures: tuple[str, ...]
    requirement: Requirement

    def where(self) -> str:
        """``file:line`` for a workspace check, the module for the others."""
        return self.source if self.line is None else f"{self.source}:{self.line}"


class PluginInfo(_Model):
    """A registered plugin: its name, its distribution's version (None for rnq's built-ins, a
    workspace file or an object given to the library), whether it is built in, and the
    collectors it registers."""

    name: str
    version: str | None
    builtin: bool
    collectors: tuple[str, ...]


def plugin_infos(plugins: PluginSet) -> list[PluginInfo]:
    """Every plugin of ``plugins``, in registration order, with the collectors it registers."""
    from rnq.plugins import BUILTIN_PLUGINS

    collectors: dict[str, list[str]] = {}
    ignored: list[Problem] = []
    for plugin, names in plugins.call_each(
        "rnq_register_collectors", {}, ignored, lambda got: sorted(dict(got or {})), reverse=True
    ):
        collectors.setdefault(plugin, []).extend(names)
    return [
        PluginInfo(
            name=name,
            version=version,
            builtin=name in BUILTIN_PLUGINS,
            collectors=tuple(collectors.get(name, ())),
        )
        for name, version in plugins.versions()
    ]


def loaded_plugins(
    workspace: Workspace | str | Path | None = None, *, load_entrypoints: bool | None = None
) -> list[PluginInfo]:
    """The plugins a run would load (installed ones, and the workspace's files when a workspace
    is given), with their versions and collectors (``rnq --version``)."""
    if workspace is None:
        return plugin_infos(get_plugin_manager(load_entrypoints=load_entrypoints))
    if not isinstance(workspace, Workspace):
        workspace = load(workspace)
    return plugin_infos(_plugins_for(workspace, load_entrypoints, ()))


class ChecksListing(_Model):
    """The document ``rnq checks --json`` prints (schema ``rnq.checks/1``): every check of a
    workspace under one referential, and the plugins loaded."""

    schema_: Literal["rnq.checks/1"] = Field("rnq.checks/1", alias="schema")
    referential: str
    checks: tuple[CheckInfo, ...]
    plugins: tuple[PluginInfo, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form, ``schema`` first."""
        return self.model_dump(mode="json", by_alias=True)


def _written(mark: Mark) -> str:
    """A mark as a check author writes it."""
    if mark.name == "parametrize":
        names, values = mark.args[0], mark.args[1]
        return f'parametrize("{",".join(names)}", [{len(values)}])'

    def shown(value: object) -> str:
        return f'"{value}"' if isinstance(value, str) else repr(value)

    args = [shown(a) for a in mark.args] + [f"{k}={shown(v)}" for k, v in mark.kwargs.items()]
    return f"{mark.name}({', '.join(args)})" if args else mark.name


def list_checks(
    workspace: Workspace | str | Path,
    *,
    referential: str | None = None,
    load_entrypoints: bool | None = None,
    extra_plugins: tuple[object, ...] = (),
) -> ChecksListing:
    """Every check a run of ``workspace`` would collect (built-in, plugin, workspace), with its
    marks, the indicators it verifies under the referential in force (or ``referential``) and
    where it comes from; reads no document.

    :raises CodeError: the checks or plugins have code errors (the same a run stops on).
    """
    from rnq.workspace.applicable import choose_referential

    if not isinstance(workspace, Workspace):
        workspace = load(workspace)
    plugins = _plugins_for(workspace, load_entrypoints, extra_plugins)
    collection = collect_code(workspace, plugins)
    collection.raise_errors()
    chosen = choose_referential(
        version=referential, audit_date=workspace.config.audit.date, workspace=workspace
    )
    infos = []
    for check in collection.checks:
        origin, _, plugin = check.origin.partition(":")
        requirement = check.requirement
        infos.append(
            CheckInfo(
                name=check.name,
                origin=cast("Any", origin),
                plugin=plugin or None,
                source=check.source,
                line=check.line if origin == "workspace" else None,
                marks=tuple(_written(m) for m in check.marks),
                indicators=check.bound_indicators(chosen.id) or (),
                each_indicator=bool(check.marks_named("each_indicator")),
                fixtures=check.argnames,
                requirement=Requirement(fr=requirement.fr, en=requirement.en),
            )
        )
    return ChecksListing(
        schema="rnq.checks/1",
        referential=chosen.id,
        checks=tuple(infos),
        plugins=tuple(plugin_infos(plugins)),
    )
