"""Build the plugin manager: built-ins, installed plugins, then the workspace's own.

The manager is built by :func:`get_plugin_manager`, never at import. Order of registration
(pluggy calls the last registered first, so later ones override earlier ones):

1. the built-in plugins of :data:`BUILTIN_PLUGINS`;
2. installed plugins from the ``rnq`` entry-point group, unless ``RNQ_DISABLE_PLUGIN_AUTOLOAD``
   is set (to anything but an empty string) or ``load_entrypoints=False``;
3. the workspace's plugin files listed under ``plugins:`` in ``rnq.yaml`` (code is opt-in).

Then ``check_pending()`` rejects any ``rnq_*`` implementation that matches no hook (a typo).
An installed plugin that fails to load is reported by name and the run goes on without it; a
workspace plugin file that fails to import is a code error (:class:`~rnq.errors.CodeError`, exit 2).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import pluggy

from rnq import hookspecs
from rnq.errors import CodeProblem, ConfigError, Problem
from rnq.loader import import_error_message, import_file
from rnq.text import Localized

__all__ = ["BUILTIN_PLUGINS", "DISABLE_ENV", "PluginSet", "get_plugin_manager"]

T = TypeVar("T")

#: Modules registered first, in this order.
BUILTIN_PLUGINS: tuple[str, ...] = ("rnq.collect.filesystem", "rnq.checks")
DISABLE_ENV = "RNQ_DISABLE_PLUGIN_AUTOLOAD"


class PluginSet:
    """A plugin manager plus what happened while loading plugins."""

    def __init__(
        self,
        manager: pluggy.PluginManager,
        problems: list[Problem],
        code_errors: list[Problem] | None = None,
    ) -> None:
        self.manager = manager
        #: What went wrong that the report lists (an installed plugin that did not load…).
        self.problems = problems
        #: The workspace's plugin files that could not be imported: code errors that stop a run
        #: (:class:`~rnq.errors.CodeError`).
        self.code_errors: list[Problem] = code_errors if code_errors is not None else []

    def origin_of(self, plugin: object) -> str:
        """The name a registered plugin object is registered under (``"plugin"`` if none)."""
        return self.manager.get_name(plugin) or "plugin"

    def versions(self) -> list[tuple[str, str | None]]:
        """Each registered plugin's name and the version of the distribution providing it
        (None for rnq's built-ins, the workspace's files and objects given to the library)."""
        dists = {
            ep.name: ep.dist.version if ep.dist is not None else None
            for ep in importlib.metadata.entry_points(group=hookspecs.PROJECT)
        }
        return [(name, dists.get(name)) for name in self.names()]

    @property
    def hook(self) -> pluggy.HookRelay:
        """The hook relay: ``plugins.hook.rnq_register_checks()``."""
        return self.manager.hook

    def names(self) -> list[str]:
        """Names of the registered plugins, in registration order."""
        return [name for name, _ in self.manager.list_name_plugin()]

    def call_each(
        self,
        hook: str,
        offered: Mapping[str, object],
        problems: list[Problem],
        convert: Callable[[Any], T],
        *,
        reverse: bool = False,
    ) -> Iterator[tuple[str, T]]:
        """Call each implementation of ``hook`` on its own, with the arguments it asks for among
        ``offered``, and yield ``(plugin name, convert(what it returned))``.

        An implementation that raises (``SystemExit`` included), or whose result ``convert``
        rejects, is reported in ``problems`` as ``plugin:NAME`` and skipped: the run goes on.
        Implementations come in registration order (``reverse``: the order pluggy calls them).
        """
        impls = getattr(self.manager.hook, hook).get_hookimpls()
        for impl in reversed(impls) if reverse else impls:
            name = self.manager.get_name(impl.plugin) or "plugin"
            try:
                kwargs = {key: offered[key] for key in impl.argnames if key in offered}
                value = convert(impl.function(**kwargs))
            except (Exception, SystemExit) as exc:
                problems.append(
                    CodeProblem.make(
                        f"plugin:{name}", f"{hook} a échoué : {exc!r}", f"{hook} failed: {exc!r}"
                    )
                )
                continue
            yield name, value


def _builtins() -> list[tuple[str, ModuleType]]:
    modules = []
    for name in BUILTIN_PLUGINS:
        try:
            modules.append((name, importlib.import_module(name)))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real import error inside a built-in: a bug, let it raise
                raise
    return modules


def get_plugin_manager(
    *,
    workspace_root: Path | None = None,
    workspace_plugins: Sequence[str] = (),
    load_entrypoints: bool | None = None,
    extra: Sequence[object] = (),
) -> PluginSet:
    """Build and validate a plugin manager.

    :param workspace_root: the workspace whose ``plugins:`` files are loaded.
    :param workspace_plugins: those files, relative to ``workspace_root``.
    :param load_entrypoints: load installed plugins (default: yes, unless
        ``RNQ_DISABLE_PLUGIN_AUTOLOAD`` is set).
    :param extra: more plugin objects to register last (tests, the library API).
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    problems: list[Problem] = []
    code_errors: list[Problem] = []
    for name, module in _builtins():
        manager.register(module, name=name)
    if load_entrypoints is None:
        load_entrypoints = not os.environ.get(DISABLE_ENV)
    if load_entrypoints:
        _register_entrypoints(manager, problems)
    _register_workspace(manager, code_errors, workspace_root, workspace_plugins)
    _register_extra(manager, extra)
    _check_pending(manager)
    return PluginSet(manager, problems, code_errors)


def _register_entrypoints(manager: pluggy.PluginManager, problems: list[Problem]) -> None:
    """Register the installed plugins of the ``rnq`` entry-point group; report broken ones."""
    for entry_point in importlib.metadata.entry_points(group=hookspecs.PROJECT):
        if manager.get_plugin(entry_point.name) is not None or manager.is_blocked(entry_point.name):
            continue
        try:
            plugin = entry_point.load()
            manager.register(plugin, name=entry_point.name)
        except (Exception, SystemExit) as exc:  # a broken plugin must not stop the run
            problems.append(
                CodeProblem.make(
                    f"plugin:{entry_point.name}",
                    f"extension « {entry_point.name} » non chargée : {exc!r}",
                    f"plugin '{entry_point.name}' not loaded: {exc!r}",
                )
            )


def _register_workspace(
    manager: pluggy.PluginManager,
    problems: list[Problem],
    workspace_root: Path | None,
    workspace_plugins: Sequence[str],
) -> None:
    """Register the workspace's plugin files; report those that fail to load."""
    for relative in workspace_plugins:
        if workspace_root is None:
            break
        path = workspace_root / relative
        try:
            module = import_file(path, root=workspace_root)
        except FileNotFoundError:
            raise ConfigError(
                Localized(
                    fr=f"extension introuvable : {relative}", en=f"plugin not found: {relative}"
                ),
                path=str(workspace_root / "rnq.yaml"),
                key="plugins",
            ) from None
        except (Exception, SystemExit) as exc:  # a code error: listed with the others
            message, line = import_error_message(path, exc)
            problems.append(
                CodeProblem(
                    path=relative,
                    line=line,
                    message=Localized(
                        fr=f"extension non chargée : {message.fr}",
                        en=f"plugin not loaded: {message.en}",
                    ),
                )
            )
            continue
        manager.register(module, name=f"workspace:{relative}")


def _register_extra(manager: pluggy.PluginManager, extra: Sequence[object]) -> None:
    """Register the ``extra`` plugin objects last, each under a stable name."""
    for index, plugin in enumerate(extra):
        # A stable name (not pluggy's id()-based default), so errors read the same every run.
        name = str(getattr(plugin, "__name__", None) or type(plugin).__qualname__)
        if manager.has_plugin(name):
            name = f"{name}#{index}"
        manager.register(plugin, name=name)


def _check_pending(manager: pluggy.PluginManager) -> None:
    """Reject any ``rnq_*`` implementation that matches no hook (a typo) as a config error."""
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as exc:
        raise ConfigError(
            Localized(
                fr=f"extension invalide « {exc.plugin} » : {exc}",
                en=f"invalid plugin '{exc.plugin}': {exc}",
            ),
            path=str(getattr(exc.plugin, "__file__", exc.plugin)),
            hint=Localized(
                fr="une fonction rnq_* ne correspond à aucun crochet (faute de frappe ?)",
                en="an rnq_* function matches no hook (a typo?)",
            ),
        ) from None
