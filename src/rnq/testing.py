"""Helpers for people who test checks and plugins (and for rnq's own tests)."""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType

from rnq.collect.collectors import CollectResult, collect
from rnq.plugins import get_plugin_manager
from rnq.workspace.config import load

__all__ = ["CHROMIUM_ARGS", "collect_with", "write_workspace"]

#: Arguments for a headless Chromium that opens a report offline: no sandbox (containers), no
#: GPU, and none of the browser's own background traffic (updates, sync, first-run pages).
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)


def write_workspace(
    root: Path,
    config: str,
    files: Mapping[str, str | bytes] | None = None,
    *,
    encoding: str = "utf-8",
    dedent: bool = True,
) -> Path:
    """Write a small workspace under ``root`` and return ``root``.

    ``config`` is the text of ``rnq.yaml`` (dedented); ``files`` maps paths relative to the
    workspace to their content: text is dedented (unless ``dedent=False``, for exports whose
    leading spaces matter) and encoded in ``encoding`` (e.g. ``cp1252`` for a French Excel
    export); bytes are written as they are.
    """
    root.mkdir(parents=True, exist_ok=True)
    (root / "rnq.yaml").write_text(textwrap.dedent(config), encoding="utf-8")
    for name, content in (files or {}).items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            data = content
        else:
            data = (textwrap.dedent(content) if dedent else content).encode(encoding)
        path.write_bytes(data)
    return root


def collect_with(root: Path, *plugins: ModuleType | object) -> CollectResult:
    """Collect the evidence of the workspace at ``root`` as a run does: the built-in filesystem
    collector, then each unit's plugin collectors, with ``plugins`` registered (installed
    plugins are not loaded). For testing a collector: its records are those whose ``collector``
    is its name, its problems are in ``.problems``."""
    manager = get_plugin_manager(load_entrypoints=False, extra=list(plugins))
    return collect(load(root), manager)
