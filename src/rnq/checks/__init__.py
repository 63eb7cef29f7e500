"""The built-in checks, registered as a plugin like any other.

One module per concern (``presence``, then one module per group of indicators); every public
module of this package is a check module, found by :func:`rnq_register_checks`. Helpers shared by
the checks live in :mod:`rnq.checks._common`.
"""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

from rnq.hookspecs import hookimpl

__all__ = ["builtin_check_modules", "rnq_register_checks"]


def builtin_check_modules() -> list[ModuleType]:
    """Every built-in check module: ``presence`` first, then the others by name."""
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_") and info.name != "presence"
    )
    return [importlib.import_module(f"{__name__}.{name}") for name in ("presence", *names)]


@hookimpl(trylast=True)
def rnq_register_checks() -> list[ModuleType]:
    """The built-in check modules."""
    return builtin_check_modules()
