"""Collect the evidence of a workspace: the built-in filesystem collector, then each unit's
plugin collectors (SPEC §3). Collectors return :class:`~rnq.collect.evidence.Evidence`, never
verdicts; what goes wrong is recorded as a :class:`~rnq.errors.Problem` and the collection goes on.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path, PurePosixPath
from typing import Any, cast

from rnq.collect.evidence import Evidence
from rnq.errors import CodeProblem, Problem
from rnq.plugins import PluginSet
from rnq.text import Localized
from rnq.timeouts import COLLECTOR_TIMEOUT_S, StepTimeout, Watchdog
from rnq.workspace.config import Unit, Workspace

__all__ = [
    "CollectContext",
    "CollectResult",
    "Collector",
    "FailedCollector",
    "collect",
    "declare_units",
    "unknown_collectors",
]

#: The name of the built-in filesystem collector's plugin, whose paths the walk already keeps
#: inside the workspace.
_FILESYSTEM = "rnq.collect.filesystem"


@dataclass
class CollectContext:
    """What a collector receives: the workspace, the unit (``None`` for workspace-wide
    collectors), its settings from ``rnq.yaml``, and a place to record problems."""

    workspace: Workspace
    unit: Unit | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
    name: str = "filesystem"
    problems: list[Problem] = field(default_factory=list)

    def path(self, relative: str) -> Path:
        """The absolute path of ``relative`` (relative to the unit's folder when there is a unit,
        else to the workspace root). Refuses paths that leave the workspace.

        :raises ValueError: ``relative`` is absolute or leaves the workspace.
        """
        root = self.workspace.root
        base = root / self.unit.folder if self.unit is not None else root
        candidate = (base / relative).resolve()
        if PurePosixPath(relative).is_absolute() or not candidate.is_relative_to(root):
            raise ValueError(f"{relative!r} leaves the workspace")
        return candidate

    def relative(self, path: Path) -> str:
        """``path`` relative to the workspace root, POSIX style (for messages and evidence)."""
        return path.resolve().relative_to(self.workspace.root).as_posix()

    def problem(self, path: str, fr: str, en: str, line: int | None = None) -> None:
        """Record a problem with ``path`` (relative to the workspace) and go on."""
        self.problems.append(Problem.make(path, fr, en, line))


Collector = Callable[[CollectContext], Iterable[Evidence]]


@dataclass(frozen=True)
class FailedCollector:
    """A collector that raised or ran out of time: the indicators it would have fed cannot be
    assessed (``not_assessed``, never conform) for its unit (every unit for a workspace-wide
    collector)."""

    name: str
    unit: str | None
    #: The indicators the collector declares it feeds (its ``indicators`` attribute); None when
    #: it declares none: then every applicable indicator of its unit.
    indicators: tuple[int, ...] | None
    message: Localized


@dataclass
class CollectResult:
    """Everything collected: mapped evidence, files that map to no indicator, problems, and the
    collectors that failed."""

    evidence: list[Evidence] = field(default_factory=list)
    unmapped: list[Evidence] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: list[FailedCollector] = field(default_factory=list)


def _declared_indicators(collector: object) -> tuple[int, ...] | None:
    """The indicators a collector says it feeds (``collector.indicators = (31,)``), if any."""
    declared = getattr(collector, "indicators", None)
    if isinstance(declared, int) and not isinstance(declared, bool):
        return (declared,)
    if isinstance(declared, (tuple, list, set, frozenset)) and all(
        isinstance(n, int) and not isinstance(n, bool) for n in declared
    ):
        return tuple(sorted(declared))
    return None


def _registered_collectors(plugins: PluginSet, result: CollectResult) -> dict[str, Collector]:
    collectors: dict[str, Collector] = {}
    # pluggy calls the last registered first: keep that order
    registered = plugins.call_each(
        "rnq_register_collectors",
        {},
        result.problems,
        lambda got: list(cast("Mapping[str, Collector]", got or {}).items()),
        reverse=True,
    )
    for _plugin, pairs in registered:
        for name, collector in pairs:
            if name in collectors:
                result.problems.append(
                    Problem.make(
                        f"plugin:{name}",
                        f"collecteur « {name} » déclaré deux fois ; le premier est gardé",
                        f"collector '{name}' registered twice; keeping the first",
                    )
                )
                continue
            collectors[name] = collector
    return collectors


def _run(
    collector: Collector,
    context: CollectContext,
    result: CollectResult,
    watchdog: Watchdog | None = None,
    declared: object = None,
) -> None:
    where = f"plugin:{context.name}"
    # rnq's own filesystem collector is not timed: its time grows with the workspace.
    timed = watchdog is not None and context.name != _FILESYSTEM
    failure: Localized | None = None
    try:
        with watchdog.step(COLLECTOR_TIMEOUT_S) if timed and watchdog else nullcontext():
            records = list(collector(context))
    except StepTimeout as exc:
        failure = Localized(
            fr=f"le collecteur a dépassé le délai de {exc.seconds:g} s : interrompu",
            en=f"the collector ran past its {exc.seconds:g} s time limit: interrupted",
        )
        records = []
    except (Exception, SystemExit) as exc:  # a failing collector is reported; the run goes on
        failure = Localized(
            fr=f"le collecteur a échoué : {exc!r}", en=f"the collector failed: {exc!r}"
        )
        records = []
    if failure is not None:
        unit = context.unit.id if context.unit is not None else None
        on_fr = f" (unité « {unit} »)" if unit else ""
        on_en = f" (unit '{unit}')" if unit else ""
        message = Localized(
            fr=f"{failure.fr}{on_fr} ; les indicateurs qu'il alimente ne sont pas évalués",
            en=f"{failure.en}{on_en}; the indicators it feeds are not assessed",
        )
        context.problems.append(CodeProblem(path=where, message=message))
        indicators = _declared_indicators(declared if declared is not None else collector)
        result.failed.append(FailedCollector(context.name, unit, indicators, message))
    for record in records:
        if not isinstance(record, Evidence):
            context.problems.append(
                CodeProblem.make(
                    where,
                    f"le collecteur a renvoyé autre chose qu'une preuve : {type(record).__name__}",
                    "the collector returned something that is not Evidence: "
                    f"{type(record).__name__}",
                )
            )
            continue
        if context.name != _FILESYSTEM and _leaves(context.workspace.root, record.path):
            context.problems.append(
                CodeProblem.make(
                    where,
                    f"le collecteur a renvoyé une preuve hors de l'espace de preuves, ignorée : "
                    f"{record.path!r}",
                    "the collector returned evidence outside the workspace, ignored: "
                    f"{record.path!r}",
                )
            )
            continue
        (result.evidence if record.indicators else result.unmapped).append(record)
    result.problems.extend(context.problems)


def _leaves(root: Path, path: str) -> bool:
    """True when ``path`` (a plugin record's path or id) is absolute or leads outside ``root``
    once ``..`` and symbolic links are resolved: such a record is never read nor shown as
    workspace evidence. Ids such as ``crm:reclamations#12`` stay inside."""
    pure = PurePosixPath(path.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or Path(path).is_absolute():
        return True
    return not (root / path).resolve().is_relative_to(root.resolve())


def collect(
    workspace: Workspace, plugins: PluginSet, watchdog: Watchdog | None = None
) -> CollectResult:
    """Run every collector on ``workspace`` and gather their evidence and problems; with a
    ``watchdog``, a plugin collector past its time limit is interrupted and reported."""
    result = CollectResult()
    for impl in plugins.manager.hook.rnq_collect_evidence.get_hookimpls():
        name = plugins.manager.get_name(impl.plugin) or "collector"
        context = CollectContext(workspace=workspace, name=name)

        def whole(ctx: CollectContext, hookimpl: Any = impl) -> Iterable[Evidence]:
            offered = {"workspace": ctx.workspace, "context": ctx}
            kwargs = {k: v for k, v in offered.items() if k in hookimpl.argnames}
            return hookimpl.function(**kwargs) or ()

        _run(whole, context, result, watchdog, declared=impl.function)
    collectors = _registered_collectors(plugins, result)
    for unit in workspace.config.units:
        for use in unit.collectors:
            collector = collectors.get(use.use)
            if collector is None:
                _unknown(workspace, unit, use.use, sorted(collectors), result)
                continue
            context = CollectContext(
                workspace=workspace, unit=unit, settings=use.settings, name=use.use
            )
            _run(collector, context, result, watchdog)
    by_path = attrgetter("path", "unit")  # (path, unit), without a Python call per record
    result.evidence.sort(key=by_path)
    result.unmapped.sort(key=by_path)
    return result


#: The collectors of the example plugins shipped in rnq's ``plugins/`` folder (each in
#: ``plugins/rnq-NAME``): a unit enabling one that is not installed is told how to install it.
EXAMPLE_PLUGINS = frozenset(
    {"crm-complaints", "moodle", "registrations", "hr", "exam-registrations", "reports"}
)


def _unknown(
    workspace: Workspace, unit: Unit, name: str, known: list[str], result: CollectResult
) -> None:
    """A unit enables a collector no plugin registers (a typo, a plugin not installed, or one
    whose ``rnq_register_collectors`` failed): reported against rnq.yaml, with the closest
    name."""
    result.problems.append(unknown_collector(workspace, unit, name, known))


def unknown_collectors(workspace: Workspace, plugins: PluginSet) -> list[Problem]:
    """A problem for each collector a unit enables that no installed plugin registers (what
    ``rnq check`` reports; ``rnq doctor`` tells it before any document is read)."""
    ignored = CollectResult()
    known = sorted(_registered_collectors(plugins, ignored))
    return [
        unknown_collector(workspace, unit, use.use, known)
        for unit in workspace.config.units
        for use in unit.collectors
        if use.use not in known
    ]


def unknown_collector(workspace: Workspace, unit: Unit, name: str, known: list[str]) -> Problem:
    """The problem of a unit enabling collector ``name``, which none of ``known`` is: the
    closest name, or how to install the example plugin that provides it."""
    close = difflib.get_close_matches(name, known, n=1)
    available = ", ".join(known) or "—"
    hint_fr = f" — vouliez-vous dire « {close[0]} » ?" if close else ""
    hint_en = f" — did you mean '{close[0]}'?" if close else ""
    install_fr = install_en = ""
    if name in EXAMPLE_PLUGINS:
        hint_fr = hint_en = ""
        install_fr = (
            f" — l'extension d'exemple qui le fournit n'est pas installée : pip install "
            f"./plugins/rnq-{name}, depuis le dépôt de rnq"
        )
        install_en = (
            f" — the example plugin that provides it is not installed: pip install "
            f"./plugins/rnq-{name}, from rnq's repository"
        )
    elif not close:
        install_fr = " — installez l'extension qui le fournit"
        install_en = " — install the plugin that provides it"
    message = Localized(
        fr=f"unité « {unit.id} » : collecteur inconnu « {name} »{hint_fr} (disponibles : "
        f"{available}){install_fr}",
        en=f"unit '{unit.id}': unknown collector '{name}'{hint_en} (available: {available})"
        f"{install_en}",
    )
    return Problem(path="rnq.yaml", line=workspace.line("units"), message=message)


def declare_units(workspace: Workspace, plugins: PluginSet) -> Workspace:
    """The workspace with the units plugins declare (``rnq_declare_units``) added to its own.

    A declared unit whose id clashes with an existing one is a configuration error (exit 2).
    """
    from rnq.errors import ConfigError

    added: list[Unit] = []
    known = {unit.id for unit in workspace.config.units}
    declarations = plugins.call_each(
        "rnq_declare_units",
        {"workspace": workspace},
        plugins.problems,
        lambda got: list(cast("Iterable[object]", got or ())),
        reverse=True,
    )
    for plugin, declared in declarations:
        where = f"plugin:{plugin}"
        for unit in declared:
            if not isinstance(unit, Unit):
                plugins.problems.append(
                    Problem.make(
                        where,
                        f"rnq_declare_units a renvoyé autre chose qu'une unité : "
                        f"{type(unit).__name__}",
                        f"rnq_declare_units returned something that is not a Unit: "
                        f"{type(unit).__name__}",
                    )
                )
                continue
            if unit.id in known:
                raise ConfigError(
                    Localized(
                        fr=f"une extension déclare l'unité « {unit.id} », qui existe déjà",
                        en=f"a plugin declares unit '{unit.id}', which already exists",
                    ),
                    path=str(workspace.root / "rnq.yaml"),
                    key="units",
                )
            known.add(unit.id)
            added.append(unit)
    if not added:
        return workspace
    config = workspace.config.model_copy(update={"units": [*workspace.config.units, *added]})
    return workspace.model_copy(update={"config": config})
