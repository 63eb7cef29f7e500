"""The key of a run: what its report depends on, so that an unchanged workspace is not run again.

A readiness check is run after every change, like a test suite, and most runs change nothing.
A run with a cache computes this key before collecting anything; when an earlier run with the
same key stored its report (:meth:`rnq.extract.Cache.put_run`), that report is the answer: the
same bytes in every output, for the cost of walking the workspace once.

The key covers, as a SHA-256:

* every file of the workspace (relative path, size, modification time in nanoseconds, inode,
  change time in nanoseconds: a write that puts the modification time back still changes it),
  those ``ignore`` leaves out of the evidence included (plugins read exports that are often
  ignored as evidence; the waivers file and the check folders may be ignored too), and the
  problems the walk met; ``rnq.yaml`` is one of them, and the configuration the run uses is
  hashed too (units declared by plugins included);
* the run's options that shape the report: today's date, audit date, referential, units,
  indicators, offerings, sample, language, time limit of checks;
* the code: every file of the rnq package and of each registered plugin's package (path,
  size, modification time), the versions of the extractor and of the content checks, Python's;
* what plugins say with :func:`rnq_run_key <rnq.hookspecs.rnq_run_key>` about sources outside
  the workspace. A plugin that answers ``None`` (or fails) turns reuse off for the run.

What it cannot see: a module a workspace check imports from outside the workspace and plugin
sources outside the workspace that do not implement the hook. ``rnq check --no-cache`` always
runs in full.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from rnq.errors import Problem
from rnq.plugins import PluginSet
from rnq.workspace.config import Workspace
from rnq.workspace.walk import WalkResult

__all__ = ["RUN_KEY_VERSION", "run_key", "run_keys"]

#: Bump when what a key covers changes.
RUN_KEY_VERSION = "4"
_CODE_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json", ".j2", ".css", ".js", ".typed"})


def _tree_stats(folder: Path) -> list[tuple[str, int, int]]:
    """``(relative path, size, mtime_ns)`` of the code and data files under ``folder``."""
    found: list[tuple[str, int, int]] = []
    for base, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if os.path.splitext(name)[1] in _CODE_SUFFIXES:
                path = os.path.join(base, name)
                try:
                    info = os.stat(path)
                except OSError:
                    continue
                found.append((os.path.relpath(path, folder), info.st_size, info.st_mtime_ns))
    return found


def _code_of(top: str) -> tuple[str, list[tuple[str, int, int]]]:
    """The files of the top-level package (or module) ``top`` (:func:`_plugin_modules`)."""
    module = sys.modules.get(top)
    where = getattr(module, "__file__", None) if module is not None else None
    if not where:
        return top, []
    path = Path(where)
    if path.name == "__init__.py":
        return top, _tree_stats(path.parent)
    info = path.stat()
    return top, [(path.name, info.st_size, info.st_mtime_ns)]


def _plugin_modules(plugins: PluginSet) -> list[str]:
    """The top-level packages (or modules) of the plugins, rnq's own included: each is read
    once (:func:`_code_of`), however many of its modules are plugins."""
    names = {"rnq"}
    for _name, plugin in plugins.manager.list_name_plugin():
        module = plugin.__name__ if isinstance(plugin, ModuleType) else type(plugin).__module__
        names.add(module.split(".")[0])
    return sorted(names)


def _outside_keys(workspace: Workspace, plugins: PluginSet) -> list[tuple[str, str]] | None:
    """What plugins say of their sources outside the workspace; None if one cannot tell."""
    failures: list[Problem] = []
    said = list(
        plugins.call_each("rnq_run_key", {"workspace": workspace}, failures, lambda got: got)
    )
    if failures or any(not isinstance(value, str) for _name, value in said):
        return None
    return sorted((name, str(value)) for name, value in said)


def run_key(
    workspace: Workspace,
    walked: WalkResult,
    plugins: PluginSet,
    options: dict[str, Any],
    versions: Iterable[str],
) -> str | None:
    """The run's key (see the module docstring), or None when the report must not be reused.

    ``options`` are the run's options that shape the report (JSON-able), ``versions`` those of
    the extractor and the content checks.
    """
    keys = run_keys(workspace, walked, plugins, options, versions)
    return keys[0] if keys is not None else None


def run_keys(
    workspace: Workspace,
    walked: WalkResult,
    plugins: PluginSet,
    options: dict[str, Any],
    versions: Iterable[str],
    code: Iterable[str] = (),
) -> tuple[str, str] | None:
    """The run's key (:func:`run_key`) and its **base** key: the same without the evidence
    files' listing — what every check item's findings depend on besides the evidence it sees
    (:mod:`rnq.engine.reuse`). ``code``: more source files the checks run (the workspace's
    check modules and fixtures), whose stat the base covers. None when nothing may be reused.
    """
    outside = _outside_keys(workspace, plugins)
    if outside is None:
        return None
    digest = hashlib.sha256()

    def add(value: object) -> None:
        digest.update(json.dumps(value, sort_keys=True, default=str).encode("utf-8", "replace"))
        digest.update(b"\x00")

    add([RUN_KEY_VERSION, sys.version, *versions])
    add(str(workspace.root))
    add(workspace.config.model_dump(mode="json"))
    add(options)
    add(outside)
    for top in _plugin_modules(plugins):
        add(_code_of(top))
    add([(p.path, p.line, p.message.fr) for p in walked.problems])
    add(_stats(code))
    # The base leaves out the files `ignore` leaves out of the evidence: the exports plugins
    # read come to checks as records, whose fingerprints an item's key covers; the waivers
    # apply after the checks; the checks' own files are in ``code``. A check that reads files
    # itself asks for ``workspace`` and depends on the whole key.
    base = digest.copy()
    # files `ignore` leaves out of the evidence: exports plugins read, the waivers file or the
    # check folders when ignored as evidence
    hidden = "\n".join(f"{rel}\x00{walked.ignored[rel]}" for rel in sorted(walked.ignored))
    digest.update(b"\x00ignored\x00" + hidden.encode("utf-8", "surrogateescape"))
    # every walked file and its stat, in the walk's order (the folders' entries sorted by
    # name): one entry of ``stats`` per file walked. Marshal's version 2 writes no references
    # between objects, so the bytes depend on the values alone, not on which objects are shared
    # (a walk taken from the child walking ahead of the imports is made of other objects).
    # 50 000 files: 0.02 s, where a line of text per file took 0.1 s.
    digest.update(marshal.dumps(dict(walked.stats), _MARSHAL_VERSION))
    return digest.hexdigest(), base.hexdigest()


#: :mod:`marshal`'s format for the walk's stats: the last without references between objects.
_MARSHAL_VERSION = 2


def _stats(paths: Iterable[str]) -> list[tuple[str, int, int, int]]:
    """``(path, size, mtime_ns, ctime_ns)`` of each of ``paths`` (-1s when it cannot be read)."""
    found = []
    for path in sorted(set(paths)):
        try:
            info = os.stat(path)
        except OSError:
            found.append((path, -1, -1, -1))
            continue
        found.append((path, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    return found
