"""The built-in checks, registered as a plugin like any other.

One module per indicator that has content checks, named ``iNN_what.py`` (``i26_disability``;
``i00_display`` is the certificate-display obligation), plus ``presence`` (evidence present,
readable and current wherever every applicable indicator is assessed): these are the check
modules :func:`rnq_register_checks` registers. What the checks share lives in
:mod:`rnq.checks.helpers`; the question plan (what extraction workers answer for the checks,
derived from the check modules) in :mod:`rnq.checks.questions`.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from types import ModuleType

from rnq.hookspecs import hookimpl

__all__ = ["CHECK_MODULE", "builtin_check_modules", "rnq_register_checks"]


#: The name of a check module of one indicator: ``i`` and its two-digit number.
CHECK_MODULE = re.compile(r"^i\d\d_\w+$")


def builtin_check_modules() -> list[ModuleType]:
    """Every built-in check module: ``presence`` first, then one per indicator, in order."""
    names = sorted(
        info.name for info in pkgutil.iter_modules(__path__) if CHECK_MODULE.match(info.name)
    )
    return [importlib.import_module(f"{__name__}.{name}") for name in ("presence", *names)]


@hookimpl(trylast=True)
def rnq_register_checks() -> list[ModuleType]:
    """The built-in check modules, then :mod:`rnq.checks.helpers` for the fixtures they share
    (``offer_sections``)."""
    return [*builtin_check_modules(), importlib.import_module(f"{__name__}.helpers")]
